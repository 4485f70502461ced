package dev.acr.realcli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.config.CommandTemplate;
import dev.acr.config.PromptMode;
import dev.acr.config.ToolSpec;
import dev.acr.core.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every argv the shipped tools.example.json renders (each route, each prompt mode, with and
 * without a prefix from the tool's prefix variable), rendered by acr's own CommandTemplate, is
 * accepted by the real CLI: accepted means the CLI got past its argument parser and all the way
 * to asking the model API for the route's model. The API is a loopback server that answers 401
 * (a bogus key), so no network and no real key are involved; once the model request is seen the
 * CLI is killed. A parser rejection looks different: no request, a non-zero exit and a usage
 * error; the same check is run against a deliberately wrong flag to show it is told apart.
 */
class RealCliContractIT {
  /** What the three parsers print for a bad option (clap, commander, yargs). */
  private static final Pattern USAGE_ERROR = Pattern.compile(
      "(?im)^error: (unexpected argument|unknown option|invalid value|unrecognized)|^Usage: |^Options:\\s*$|Unknown argument");
  private static final Duration BOUND = Duration.ofSeconds(90);
  private static final String PROMPT = "Reply with the single word ok.";
  private static final String PREFIX = "env ACR_PREFIX_TEST=1";

  @TempDir static Path tmp;
  static ModelServer server;

  enum Verdict { ACCEPTED, REJECTED, UNCLEAR }

  record Case(String tool, Route route, PromptMode mode, boolean prefixed) {
    @Override
    public String toString() {
      return route + " " + mode.id() + (prefixed ? " with prefix" : "");
    }
  }

  @BeforeAll
  static void start() throws Exception {
    RealClis.requireInstalled();
    server = new ModelServer(req -> req.path().endsWith("/messages")
        ? ModelServer.Reply.json(401, "{\"type\": \"error\", \"error\": {\"type\": \"authentication_error\","
            + " \"message\": \"invalid x-api-key\"}}")
        : ModelServer.Reply.json(401, "{\"error\": {\"message\": \"Incorrect API key provided\","
            + " \"type\": \"invalid_request_error\", \"code\": \"invalid_api_key\"}}"));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static Stream<Case> shippedArgvs() throws Exception {
    List<Case> cases = new ArrayList<>();
    for (ToolSpec tool : RealClis.shipped().tools()) {
      for (Route route : tool.routes()) {
        for (PromptMode mode : PromptMode.values()) {
          cases.add(new Case(tool.name(), route, mode, false));
          cases.add(new Case(tool.name(), route, mode, true));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedArgvs")
  void theRealCliAcceptsTheRenderedArgv(Case c) throws Exception {
    ToolSpec shipped = RealClis.shippedTool(c.tool());
    ToolSpec tool = withMode(shipped, c.mode());
    Path workdir = Files.createDirectories(tmp.resolve("work-" + c.toString().replaceAll("\\W+", "-")));
    Map<String, String> prefixEnv = c.prefixed() ? Map.of(tool.commandPrefixEnv(), PREFIX) : Map.of();
    CommandTemplate.Rendered r = CommandTemplate.render(tool, c.route(), PROMPT, workdir, prefixEnv);
    assertThat(r.argv().get(0)).isEqualTo(c.prefixed() ? "env" : shipped.command().get(0));
    assertThat(r.stdin()).isEqualTo(c.mode() == PromptMode.STDIN ? PROMPT : null);

    String model = expectedModel(tool, c.route());
    RealClis.Run run = run(tool, r, workdir, model);
    assertThat(verdict(run, model)).as("%s\nargv %s\n%s", c, r.argv(), run).isEqualTo(Verdict.ACCEPTED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("toolNames")
  void aWrongFlagIsToldApartAsARejection(String toolName) throws Exception {
    ToolSpec tool = RealClis.shippedTool(toolName);
    Route route = tool.routes().get(0);
    Path workdir = Files.createDirectories(tmp.resolve("wrong-" + toolName));
    CommandTemplate.Rendered good = CommandTemplate.render(tool, route, PROMPT, workdir, Map.of());
    List<String> argv = new ArrayList<>(good.argv());
    argv.add("--acr-no-such-flag");
    RealClis.Run run = run(tool, new CommandTemplate.Rendered(argv, good.stdin()), workdir, expectedModel(tool, route));
    assertThat(verdict(run, expectedModel(tool, route))).as("argv %s\n%s", argv, run).isEqualTo(Verdict.REJECTED);
    assertThat(run.requests()).isEmpty();
  }

  static Stream<String> toolNames() throws Exception {
    return RealClis.shipped().tools().stream().map(ToolSpec::name);
  }

  private RealClis.Run run(ToolSpec tool, CommandTemplate.Rendered r, Path workdir, String model) throws Exception {
    // One HOME per CLI for the whole class: opencode's first start in a new HOME (database
    // setup) takes seconds, and no case depends on another's leftovers.
    Path home = tmp.resolve("home-" + tool.name());
    return RealClis.run(r.argv(), r.stdin(), workdir, RealClis.environment(tool, home, server.baseUrl()), server,
        BOUND, req -> model.equals(req.model()), tmp.resolve("logs"));
  }

  static Verdict verdict(RealClis.Run run, String model) {
    if (run.requests().stream().anyMatch(req -> model.equals(req.model()))) {
      return Verdict.ACCEPTED;
    }
    boolean exitedNonZero = !run.outcome().timedOut() && !run.outcome().interrupted() && run.outcome().exitCode() != 0;
    if (exitedNonZero && run.requests().isEmpty() && USAGE_ERROR.matcher(run.output()).find()) {
      return Verdict.REJECTED;
    }
    return Verdict.UNCLEAR;
  }

  /** The model id the CLI puts in its API request: opencode's arg is provider/model. */
  static String expectedModel(ToolSpec tool, Route route) {
    String arg = tool.model(route.model()).orElseThrow().arg();
    return tool.name().equals("opencode") ? arg.substring(arg.indexOf('/') + 1) : arg;
  }

  private static ToolSpec withMode(ToolSpec t, PromptMode mode) {
    return new ToolSpec(t.name(), t.enabled(), t.description(), t.command(), t.commandPrefix(), t.commandPrefixEnv(),
        mode, t.models(), t.usageFormat(), t.install(), t.checkedVersions());
  }
}
