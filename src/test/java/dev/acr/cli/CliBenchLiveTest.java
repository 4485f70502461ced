package dev.acr.cli;

import static dev.acr.cli.CliHarness.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code acr bench live} in-process over two tiny shell-checked problems (no toolchains needed)
 * with a "solver" agent that copies the reference solution and a "noop" agent. The real problems
 * with their toolchains are BenchLiveIT's.
 */
class CliBenchLiveTest {
  @TempDir Path tmp;
  CliHarness h;
  Path problems;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(tmp);
    problems = tmp.resolve("problems");
    problem("b-greeting", "code_generation", "Write greeting.txt containing the word hello.",
        "grep -q hello greeting.txt", "greeting.txt", "hello world\n");
    problem("a-value", "bug_fixing", "Fix value.txt: the check fails because it says broken.",
        "grep -qx fixed value.txt", "value.txt", "fixed\n");
    Files.writeString(problems.resolve("a-value/value.txt"), "broken\n");
    Files.createDirectories(h.agents);
    h.extraEnv.put("ACR_TEST_PROBLEMS", problems.toString());
    h.agent("solver", """
        for p in "$ACR_TEST_PROBLEMS"/*/; do
          if [ "$(cat "$p/prompt.txt")" = "$1" ]; then cp -R "$p/solution/." .; exit 0; fi
        done
        exit 3
        """);
    h.agent("noop", "exit 0\n");
    h.writeConfig(List.of(
        CliHarness.tool("solver", h.agents.resolve("solver").toString(), null),
        CliHarness.tool("noop", h.agents.resolve("noop").toString(), null),
        CliHarness.tool("absent", tmp.resolve("no/such/agent").toString(), "pip install absent-agent")));
  }

  private void problem(String id, String dim, String prompt, String verify, String file, String solved) throws IOException {
    Path dir = Files.createDirectories(problems.resolve(id).resolve("solution"));
    Files.writeString(dir.getParent().resolve("problem.json"),
        "{\"language\": \"shell\", \"dimension\": \"" + dim + "\", \"verify\": \"" + verify + "\"}\n");
    Files.writeString(dir.getParent().resolve("prompt.txt"), prompt + "\n");
    Files.writeString(dir.resolve(file), solved);
  }

  private CliHarness.Run bench(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("bench", "live", problems.toString(), "--config",
        h.config.toString()));
    args.addAll(List.of(extra));
    if (!args.contains("--orders")) {
      args.addAll(List.of("--orders", "2"));
    }
    return h.runIn(tmp, args.toArray(String[]::new));
  }

  @Test
  void measuresEveryProblemTimesRouteAndPrintsTheReplayTableOfItsMemory() throws Exception {
    Path out = tmp.resolve("out");
    CliHarness.Run r = bench("--routes", "solver,noop", "--out", out.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).contains("acr: bench live: 2 problems × 2 routes = 4 runs")
        .contains("acr: [1/4] a-value × solver: running (shell, bug_fixing)")
        .contains("acr: [1/4] a-value × solver: verified")
        .contains("acr: [2/4] a-value × noop: no_change")
        .contains("acr: [4/4] b-greeting × noop: no_change")
        .contains("acr: replay these attempts offline: acr bench replay --memory " + out.resolve("live-memory.jsonl"));
    assertThat(r.out()).startsWith("live-bench, cap 1 (single call) — canonical order (2 tasks)")
        .containsPattern("(?m)^Oracle \\(bound\\)\\s+bound \\(single call\\)\\s+2\\s+100\\.00\\s+0\\.0 ")
        .containsPattern("(?m)^Always-solver\\s+single call \\(by definition\\)\\s+2\\s+100\\.00 ")
        .containsPattern("(?m)^Always-noop\\s+single call \\(by definition\\)\\s+2\\s+0\\.00\\s+2\\.0 ")
        .contains("2 shuffled orders (seed 1)");

    List<JsonNode> mem = h.memoryRecords();
    assertThat(mem).extracting(n -> n.get("task").asText() + " " + n.get("route").asText() + " " + n.get("status").asText())
        .containsExactly("a-value solver verified", "a-value noop no_change", "b-greeting solver verified",
            "b-greeting noop no_change");
    for (JsonNode n : mem) {
      assertThat(n.get("source").asText()).isEqualTo("live-bench");
      assertThat(n.get("bench").asText()).isEqualTo("live-bench");
      assertThat(n.get("language").asText()).isEqualTo("shell");
    }
    assertThat(mem.get(2).get("dimension").asText()).isEqualTo("code_generation");
    assertThat(mem.get(0).get("prompt").asText()).isEqualTo("Fix value.txt: the check fails because it says broken.");
    assertThat(Files.readAllLines(out.resolve("live-memory.jsonl"))).isEqualTo(Files.readAllLines(h.memory()));
    assertThat(out.resolve("table.md")).exists();
    assertThat(out.resolve("metrics.json")).exists();
    // The problems themselves are untouched and no temporary repository is left behind.
    assertThat(Files.readString(problems.resolve("a-value/value.txt"))).isEqualTo("broken\n");
    assertThat(problems.resolve("b-greeting/greeting.txt")).doesNotExist();

    CliHarness.Run replay = h.runIn(tmp, "bench", "replay", "--memory", h.memory().toString(), "--orders", "2");
    assertThat(replay.exit()).as(replay.toString()).isZero();
    assertThat(replay.out().replace("memory, ", "live-bench, ")).isEqualTo(r.out());
  }

  @Test
  void jsonPrintsTheReplaysMetricsDocument() throws Exception {
    CliHarness.Run r = bench("--routes", "solver", "--json", "--memory", tmp.resolve("m.jsonl").toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    JsonNode oracle = r.json().get("live-bench").get("cap1").get("Oracle");
    assertThat(oracle.get("canonical").get("n").asInt()).isEqualTo(2);
    assertThat(oracle.get("canonical").get("AvgPerf%").asDouble()).isEqualTo(100.0);
    assertThat(oracle.get("shuffled").get("orders").asInt()).isEqualTo(2);
    assertThat(Files.readAllLines(tmp.resolve("m.jsonl"))).hasSize(2);
    assertThat(h.memory()).doesNotExist();
  }

  @Test
  void aToolNameMeansAllItsRoutesAndDefaultRoutesSkipMissingTools() throws Exception {
    CliHarness.Run r = bench();
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).contains("acr: skipping tools that are not installed: absent")
        .contains("2 problems × 2 routes = 4 runs");
  }

  @Test
  void brokenProblemsAreCalledOut() throws Exception {
    Files.writeString(problems.resolve("a-value/value.txt"), "fixed\n");
    Files.writeString(problems.resolve("b-greeting/problem.json"),
        "{\"language\": \"shell\", \"dimension\": \"code_generation\", \"verify\": \"no-such-tool-xyz --check\"}\n");
    CliHarness.Run r = bench("--routes", "noop");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).contains("acr: problem a-value: its tests already pass before any change")
        .contains("acr: problem b-greeting: its test command was not found (exit 127): no-such-tool-xyz --check");
  }

  @Test
  void badInputIsAUsageError() throws Exception {
    assertUsageError(bench("--routes", "nosuch"), "nosuch");
    assertUsageError(bench("--routes", "absent"), "not installed: 'absent' is not on PATH (install: pip install absent-agent)");
    assertUsageError(h.runIn(tmp, "bench", "live", tmp.resolve("nowhere").toString()), "not a directory");
    assertUsageError(bench("--orders", "-1"), "--orders must be >= 0");
    CliHarness.Run badTimeout = bench("--timeout", "soon");
    assertThat(badTimeout.exit()).isEqualTo(2);
    assertThat(badTimeout.errLines()).containsExactly(
        "acr: Invalid value for option '--timeout': 'soon' is not a duration; use e.g. 90s, 20m, 1h",
        "acr: see 'acr bench live --help'");
    Files.writeString(problems.resolve("a-value/problem.json"), "{\"language\": \"shell\"}");
    assertUsageError(bench("--routes", "solver"), problems.resolve("a-value/problem.json") + ": 'verify' must be");
    assertThat(h.memory()).doesNotExist();
  }
}
