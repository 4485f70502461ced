package dev.acr.realcli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.config.CommandTemplate;
import dev.acr.config.ToolSpec;
import dev.acr.core.Route;
import dev.acr.exec.InfraSign;
import dev.acr.exec.InfraWatch;
import dev.acr.exec.ProcessOutcome;
import dev.acr.exec.ProcessRunner;
import dev.acr.exec.ProcessSpec;
import dev.acr.exec.Stopper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each real CLI, with the shipped template and its own default retries, against a model API that
 * cannot be used: a loopback server answering 401, 403, 429 (with retry-after), 500 or "model not
 * found", a closed port, an unresolvable host. acr's detector ({@link InfraWatch}, as LiveExecutor
 * wires it) must name the right reason and end the run itself: the bound is 10 minutes, far past
 * any CLI's give-up, so a run that is not {@code timedOut} ended by detection or by the CLI giving
 * up. The time from the first sign to the end is written to target/infra-times.md (measured, not
 * asserted).
 */
class RealCliInfraIT {
  private static final Duration BOUND = Duration.ofMinutes(10);
  private static final String PROMPT = "Reply with the single word ok.";

  @TempDir static Path tmp;
  private static final List<String> times = new ArrayList<>();

  record Case(String tool, String kind, String reason) {
    @Override
    public String toString() {
      return tool + " " + kind;
    }
  }

  @BeforeAll
  static void clis() {
    RealClis.requireInstalled();
  }

  @AfterAll
  static void writeTimes() throws IOException {
    if (times.isEmpty()) {
      return;
    }
    List<String> lines = new ArrayList<>(List.of(
        "| tool | case | reason | first sign after | ended after | give-up (end - first sign) | how |",
        "| --- | --- | --- | --- | --- | --- | --- |"));
    lines.addAll(times);
    Path out = Path.of(System.getProperty("acr.root", "."), "target", "infra-times.md");
    Files.createDirectories(out.getParent());
    Files.write(out, lines);
    lines.forEach(System.out::println);
  }

  static Stream<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (String tool : List.of("claude-code", "codex", "opencode")) {
      cases.add(new Case(tool, "401", InfraSign.NOT_SIGNED_IN));
      cases.add(new Case(tool, "403", InfraSign.NOT_SIGNED_IN));
      cases.add(new Case(tool, "429", InfraSign.RATE_LIMIT));
      cases.add(new Case(tool, "500", InfraSign.PROVIDER_ERROR));
      cases.add(new Case(tool, "model not found", InfraSign.UNKNOWN_MODEL));
      cases.add(new Case(tool, "closed port", InfraSign.NETWORK));
      cases.add(new Case(tool, "unresolvable host", InfraSign.NETWORK));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theRunEndsAsInfraErrorWithTheRightReason(Case c) throws Exception {
    ToolSpec tool = RealClis.shippedTool(c.tool());
    Route route = tool.routes().get(0);
    Path workdir = Files.createDirectories(tmp.resolve("work-" + c.toString().replaceAll("\\W+", "-")));
    CommandTemplate.Rendered r = CommandTemplate.render(tool, route, PROMPT, workdir, Map.of());
    try (ModelServer server = new ModelServer(ErrorScript.of(c.kind()))) {
      String base = switch (c.kind()) {
        case "closed port" -> "http://127.0.0.1:" + closedPort();
        // .invalid never resolves (RFC 2606), so no lookup can leave the machine with an answer
        case "unresolvable host" -> "http://acr-no-such-host.invalid:" + closedPort();
        default -> server.baseUrl();
      };
      // one HOME per CLI: opencode's first start in a new HOME (database set-up) takes seconds
      Map<String, String> env = new java.util.HashMap<>(RealClis.environment(tool, tmp.resolve("home-" + c.tool()), base, true));
      env.put("PWD", workdir.toString());
      Stopper stopper = new Stopper();
      InfraWatch watch = new InfraWatch(tool.usageFormat(), stopper, InfraWatch.DEFAULT_GRACE, Clock.systemUTC());
      StringBuilder out = new StringBuilder();
      Instant start = Instant.now();
      ProcessOutcome o = new ProcessRunner().run(ProcessSpec.builder(r.argv(), workdir).environment(env).stdin(r.stdin())
          .timeout(BOUND).stdoutLines(watch.stdout(l -> append(out, l))).stderrLines(watch.stderr(l -> append(out, l)))
          .build(), stopper);
      InfraSign sign = watch.verdict(o.timedOut() || o.exitCode() != 0);
      String shown = c + ": " + o + "\n" + tail(out);
      assertThat(o.timedOut()).as(shown).isFalse();
      assertThat(sign).as(shown).isNotNull();
      assertThat(sign.reason()).as(shown).isEqualTo(c.reason());
      long first = Duration.between(start, watch.firstSignAt()).toMillis();
      times.add(String.format("| %s | %s | %s | %.1f s | %.1f s | %.1f s | %s |", c.tool(), c.kind(), sign.reason(),
          first / 1000.0, o.durationMs() / 1000.0, (o.durationMs() - first) / 1000.0,
          o.stopped() ? (sign.retryable() ? "stopped after grace" : "stopped at once") : "CLI exited " + o.exitCode()));
    }
  }

  private static synchronized void append(StringBuilder b, String line) {
    synchronized (b) {
      b.append(line).append('\n');
    }
  }

  private static String tail(StringBuilder b) {
    synchronized (b) {
      return b.length() > 4000 ? b.substring(b.length() - 4000) : b.toString();
    }
  }

  /** A port nothing listens on: bound once to get a free number, then released. */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
