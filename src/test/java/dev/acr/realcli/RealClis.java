package dev.acr.realcli;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acr.config.ConfigLoader;
import dev.acr.config.ModelSpec;
import dev.acr.config.ToolSpec;
import dev.acr.config.ToolsConfig;
import dev.acr.exec.ProcessOutcome;
import dev.acr.exec.ProcessRunner;
import dev.acr.exec.ProcessSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Codex, Claude Code and opencode binaries that {@code .ci/install-clis} puts in
 * {@code .acr-cache/clis/bin} (failsafe passes the folder as {@code acr.clis}), and the hermetic
 * environment each runs in here: HOME and XDG folders in a temp dir, a bogus key, the model API on
 * a loopback {@link ModelServer}, retries, telemetry and update checks off.
 */
final class RealClis {
  /** The program each shipped tool runs (argv[0] of its template). */
  static final List<String> PROGRAMS = List.of("claude", "codex", "opencode");
  static final String FAKE_KEY = "acr-test-not-a-real-key";

  private RealClis() {}

  static Path binDir() {
    String dir = System.getProperty("acr.clis");
    if (dir == null) {
      dir = Path.of(System.getProperty("acr.root", "."), ".acr-cache", "clis", "bin").toString();
    }
    return Path.of(dir).toAbsolutePath();
  }

  /**
   * Skips the calling test class when the CLIs are not installed, unless {@code
   * ACR_REQUIRE_REAL_CLIS=1} (CI sets it): then their absence fails, so CI cannot skip silently.
   */
  static void requireInstalled() {
    requireInstalled(binDir(), System.getenv());
  }

  static void requireInstalled(Path bin, Map<String, String> env) {
    List<String> missing = PROGRAMS.stream().filter(p -> !Files.isExecutable(bin.resolve(p))).toList();
    if (missing.isEmpty()) {
      return;
    }
    String why = "real CLIs " + missing + " are not installed in " + bin
        + "; run .ci/install-clis (see docs/real-clis.md)";
    if ("1".equals(env.get("ACR_REQUIRE_REAL_CLIS"))) {
      fail(why + " (ACR_REQUIRE_REAL_CLIS=1 forbids skipping)");
    }
    // An aborted @BeforeAll shows up only as "Tests run: 0"; say why on the console too.
    System.err.println("acr: RealCli tests skipped: " + why);
    Assumptions.abort("skipped: " + why);
  }

  static ToolsConfig shipped() throws Exception {
    return ConfigLoader.load(Path.of(System.getProperty("acr.root", "."), "tools.example.json"));
  }

  static ToolSpec shippedTool(String name) throws Exception {
    return shipped().tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  /**
   * The environment {@code tool} runs in: nothing from the developer's HOME or keys, its model API
   * at {@code baseUrl} (a loopback server), no retries, no telemetry, no update checks.
   */
  static Map<String, String> environment(ToolSpec tool, Path home, String baseUrl) throws IOException {
    return environment(tool, home, baseUrl, false);
  }

  /**
   * {@link #environment(ToolSpec, Path, String)}; with {@code defaultRetries} the CLI keeps its own
   * retry settings (as on a user's machine) instead of failing at the first error.
   */
  static Map<String, String> environment(ToolSpec tool, Path home, String baseUrl, boolean defaultRetries)
      throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", binDir() + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("HOME", Files.createDirectories(home).toString());
    env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
    env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
    env.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
    env.put("LANG", "C.UTF-8");
    env.put("NO_COLOR", "1");
    env.put("TERM", "dumb");
    switch (tool.name()) {
      case "claude-code" -> {
        env.put("ANTHROPIC_BASE_URL", baseUrl);
        env.put("ANTHROPIC_API_KEY", FAKE_KEY);
        env.put("CLAUDE_CONFIG_DIR", home.resolve(".claude").toString());
        if (!defaultRetries) {
          env.put("CLAUDE_CODE_MAX_RETRIES", "0");
        }
        env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        env.put("DISABLE_TELEMETRY", "1");
        env.put("DISABLE_ERROR_REPORTING", "1");
        env.put("DISABLE_AUTOUPDATER", "1");
      }
      case "codex" -> {
        Path codexHome = Files.createDirectories(home.resolve(".codex"));
        env.put("CODEX_HOME", codexHome.toString());
        env.put("ACR_TEST_OPENAI_KEY", FAKE_KEY);
        // A custom provider: the built-in "openai" one ignores base_url overrides from the config.
        Files.writeString(codexHome.resolve("config.toml"), String.join("\n",
            "model_provider = \"acrtest\"",
            "check_for_update_on_startup = false",
            "[analytics]",
            "enabled = false",
            "[feedback]",
            "enabled = false",
            "[model_providers.acrtest]",
            "name = \"acr test server\"",
            "base_url = \"" + baseUrl + "/v1\"",
            "wire_api = \"responses\"",
            "env_key = \"ACR_TEST_OPENAI_KEY\"",
            defaultRetries ? "" : "request_max_retries = 0\nstream_max_retries = 0",
            ""));
      }
      case "opencode" -> {
        // Every provider the shipped models name points at the loopback server, with a bogus key.
        ObjectNode config = ModelServer.JSON.createObjectNode();
        config.put("autoupdate", false);
        config.put("share", "disabled");
        ObjectNode providers = config.putObject("provider");
        for (ModelSpec m : tool.models()) {
          String provider = m.arg().substring(0, m.arg().indexOf('/'));
          providers.putObject(provider).putObject("options").put("baseURL", baseUrl + "/v1").put("apiKey", FAKE_KEY);
        }
        env.put("OPENCODE_CONFIG_CONTENT", config.toString());
        env.put("OPENCODE_DISABLE_MODELS_FETCH", "1");
        env.put("OPENCODE_DISABLE_AUTOUPDATE", "1");
        env.put("OPENCODE_DISABLE_SHARE", "1");
        env.put("OPENCODE_DISABLE_LSP_DOWNLOAD", "1");
        env.put("OPENCODE_DISABLE_DEFAULT_PLUGINS", "1");
        env.put("OPENCODE_DISABLE_CLAUDE_CODE", "1");
      }
      default -> throw new IllegalArgumentException("no hermetic environment for tool " + tool.name());
    }
    return env;
  }

  /** What one bounded run of a real CLI did. */
  record Run(ProcessOutcome outcome, String stdout, String stderr, List<ModelServer.Request> requests) {
    String output() {
      return stdout + "\n" + stderr;
    }

    @Override
    public String toString() {
      String out = output();
      return "exit " + outcome.exitCode() + (outcome.timedOut() ? " (timed out)" : "")
          + (outcome.interrupted() ? " (stopped by the test)" : "") + ", " + requests.size()
          + " request(s), output:\n" + (out.length() > 4000 ? out.substring(0, 4000) + "..." : out);
    }
  }

  /**
   * Runs {@code argv} through acr's own ProcessRunner, bounded by {@code bound}; as soon as the
   * server answers a request that {@code stopWhen} accepts the process tree is killed (the run
   * has shown what it had to), which keeps each run short without any timing assumption.
   */
  static Run run(List<String> argv, String stdin, Path workdir, Map<String, String> env, ModelServer server,
      Duration bound, Predicate<ModelServer.Request> stopWhen, Path logDir) throws IOException {
    Files.createDirectories(logDir);
    Path out = Files.createTempFile(logDir, "stdout", ".log");
    Path err = Files.createTempFile(logDir, "stderr", ".log");
    Thread self = Thread.currentThread();
    server.watch(req -> {
      if (stopWhen.test(req)) {
        self.interrupt();
      }
    });
    ProcessOutcome outcome;
    try {
      int before = server.requests().size();
      outcome = new ProcessRunner().run(ProcessSpec.builder(argv, workdir).environment(env).stdin(stdin)
          .timeout(bound).stdoutFile(out).stderrFile(err).build());
      server.watch(null);
      Thread.interrupted(); // our own stop signal, not a real interrupt
      List<ModelServer.Request> all = server.requests();
      return new Run(outcome, Files.readString(out), Files.readString(err), all.subList(before, all.size()));
    } finally {
      server.watch(null);
    }
  }
}
