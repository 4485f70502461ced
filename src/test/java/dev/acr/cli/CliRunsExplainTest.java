package dev.acr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code acr runs} and {@code acr explain}, after real runs with fake agents. */
class CliRunsExplainTest {
  /** A test command that says what it checks and why it fails. */
  static final String VERIFY = "echo checking value.txt; grep -qx fixed value.txt || { echo \"FAIL: value.txt says $(cat value.txt)\"; exit 1; }";

  @TempDir Path tmp;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(tmp).withRepo();
    h.agent("crasher", "echo 'crasher: no API key found' >&2\nexit 3\n");
    h.writeConfig(List.of(
        CliHarness.tool("fixer", h.agents.resolve("fixer").toString(), null),
        CliHarness.tool("breaker", h.agents.resolve("breaker").toString(), null),
        CliHarness.tool("crasher", h.agents.resolve("crasher").toString(), null)));
  }

  /** Runs acr with this chain and returns the run id it printed. */
  String run(String chain, String... extra) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("--chain", chain, "--verify", VERIFY));
    args.addAll(List.of(extra));
    CliHarness.Run r = h.acr(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.toString()).isIn(0, 1);
    String last = r.out().lines().filter(l -> l.startsWith("run ")).reduce((a, b) -> b).orElseThrow();
    return last.substring(4, last.indexOf(':'));
  }

  @Test
  void runsListsTheLatestFirstWithResultCostAndPromptOrItsHash() throws Exception {
    String first = run("breaker,fixer", "fix the value check");
    h.git("checkout", "--", "value.txt");
    String second = run("breaker", "--no-store-prompt", "fix it again, secretly");
    CliHarness.Run r = h.run("runs");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).startsWith("run ").contains("ended (UTC)", "dimension", "attempts", "result", "cost", "prompt");
    assertThat(lines.get(1)).startsWith(second).containsPattern(" 1  failed +- +#[0-9a-f]{12} \\(prompt not stored\\)$");
    assertThat(lines.get(1)).doesNotContain("secretly");
    assertThat(lines.get(2)).startsWith(first).containsPattern(" 2  verified, applied .* fix the value check$");
    assertThat(lines.get(3)).isEqualTo("2 of 2 run(s) in " + h.memory() + "; acr explain RUN-ID shows one (the newest without RUN-ID)");
    CliHarness.Run one = h.run("runs", "--limit", "1");
    assertThat(one.out().lines().toList()).hasSize(3).last().asString().startsWith("1 of 2 run(s)");
    JsonNode json = h.run("runs", "--json").json();
    assertThat(json.get("runs_total").asInt()).isEqualTo(2);
    JsonNode verified = json.get("runs").get(1);
    assertThat(verified.get("run_id").asText()).isEqualTo(first);
    assertThat(verified.get("attempts").asInt()).isEqualTo(2);
    assertThat(verified.get("final_route").asText()).isEqualTo("fixer");
    assertThat(verified.get("final_status").asText()).isEqualTo("verified");
    assertThat(verified.get("applied").asBoolean()).isTrue();
    assertThat(json.get("runs").get(0).get("applied").isNull()).as("not verified: nothing to apply").isTrue();
    assertThat(verified.get("prompt").asText()).isEqualTo("fix the value check");
    assertThat(json.get("runs").get(0).get("prompt").isNull()).isTrue();
  }

  @Test
  void aRunsTimeIsGivenAsTheAgentsAndTheirTestsNotAsOneDurationThatIsTheAgentsOnly() throws Exception {
    String id = run("breaker,fixer", "fix the value check");
    JsonNode run = h.run("runs", "--json").json().get("runs").get(0);
    long agents = h.memoryRecords().stream().mapToLong(r -> r.get("duration_ms").asLong()).sum();
    assertThat(run.get("agent_ms").asLong()).isEqualTo(agents);
    JsonNode outcome = CliHarness.JSON.readTree(h.acrHome.resolve("runs").resolve(id).resolve("outcome.json").toFile());
    long tests = outcome.get("attempts").get(0).get("tests_ms").asLong() + outcome.get("attempts").get(1).get("tests_ms").asLong();
    assertThat(run.get("tests_ms").asLong()).isEqualTo(tests);
    assertThat(run.has("duration_ms")).as("read as the attempts' whole time, it was the agents' only").isFalse();
    assertThat(h.run("explain", "--json", id).json().get("tests_ms").asLong()).isEqualTo(tests);
    // Without the run's folder (deleted, or memory from elsewhere) the tests' time is not known.
    try (Stream<Path> s = Files.walk(h.acrHome.resolve("runs").resolve(id))) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    JsonNode gone = h.run("runs", "--json").json().get("runs").get(0);
    assertThat(gone.get("agent_ms").asLong()).isEqualTo(agents);
    assertThat(gone.get("tests_ms").isNull()).isTrue();
  }

  @Test
  void explainShowsTheDecisionEachAttemptTheTestTailAndWhereThingsAre() throws Exception {
    String id = run("breaker,fixer", "fix the value check");
    Path runDir = h.acrHome.resolve("runs").resolve(id);
    CliHarness.Run r = h.run("explain", id.substring(0, id.length() - 2));
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    String out = r.out();
    assertThat(out).startsWith("run        " + id + "  (live)\n");
    assertThat(out).contains("prompt     fix the value check\n");
    assertThat(out).containsPattern("(?m)^dimension  bug_fixing \\(confidence 0\\.\\d\\d\\)$");
    assertThat(out).contains("verify     " + VERIFY + "  (--verify)\n");
    assertThat(out).contains("chain      --chain; at most 3 attempt(s), no budget\n  1. breaker\n  2. fixer\n");
    assertThat(out).contains("baseline   tests failed before the first attempt");
    assertThat(out).containsPattern("(?m)^  1\\. breaker +failed +\\d+\\.\\ds  cost unknown  tokens unknown  exit 0$");
    assertThat(out).contains("     patch     " + runDir.resolve("attempt-1/changes.patch") + "  (value.txt)\n");
    assertThat(out).contains("     tests     " + runDir.resolve("attempt-1/verify.log") + ", last 2 line(s):\n"
        + "               | checking value.txt\n               | FAIL: value.txt says worse\n");
    assertThat(out).containsPattern("(?m)^  2\\. fixer +verified ");
    assertThat(out).contains("     logs      " + runDir.resolve("attempt-2/stdout.log") + ", stderr.log, argv.json\n");
    assertThat(out).contains("result     verified after 2 attempt(s); applied to the working tree; total cost unknown\n");
    assertThat(out).endsWith("run dir    " + runDir + "\n");
    assertThat(h.run("explain", "last").out()).isEqualTo(out);
    assertThat(h.run("explain").out()).as("no run named: the newest, as `acr runs` says").isEqualTo(out);
  }

  /** A runner's colours (Crystal's compiler colours its errors into a pipe) do not reach the terminal. */
  @Test
  void explainShowsTheTestTailWithoutTerminalEscapes() throws Exception {
    String id = run("breaker,fixer", "fix the value check");
    Path log = h.acrHome.resolve("runs").resolve(id).resolve("attempt-1/verify.log");
    java.nio.file.Files.writeString(log, "In \u001b[4msrc/a.cr:55:27\u001b[0m\n\u001b[33;1mError: undefined method 'nope' for String\u001b[0m\n");
    String out = h.run("explain", id).out();
    assertThat(out).contains("               | In src/a.cr:55:27\n               | Error: undefined method 'nope' for String\n")
        .doesNotContain("\u001b");
  }

  @Test
  void explainJsonHasTheDecisionTheOutcomeAndEachAttemptsFiles() throws Exception {
    String id = run("breaker,fixer", "fix the value check");
    Path runDir = h.acrHome.resolve("runs").resolve(id);
    CliHarness.Run r = h.run("explain", "--json", id);
    assertThat(r.exit()).as(r.toString()).isZero();
    JsonNode n = r.json();
    assertThat(n.get("run_id").asText()).isEqualTo(id);
    assertThat(n.get("run_dir_exists").asBoolean()).isTrue();
    assertThat(n.get("decision").get("chain").get(1).get("route").asText()).isEqualTo("fixer");
    assertThat(n.get("decision").get("max_attempts").asInt()).isEqualTo(3);
    assertThat(n.get("outcome").get("applied").asBoolean()).isTrue();
    assertThat(n.get("outcome").get("stop_reason").asText()).isEqualTo("verified");
    JsonNode a1 = n.get("attempt_details").get(0);
    assertThat(a1.get("route").asText()).isEqualTo("breaker");
    assertThat(a1.get("patch").asText()).isEqualTo(runDir.resolve("attempt-1/changes.patch").toString());
    assertThat(a1.get("changed_files").get(0).asText()).isEqualTo("value.txt");
    assertThat(a1.get("verify_tail").get(1).asText()).isEqualTo("FAIL: value.txt says worse");
    assertThat(n.get("attempt_details").get(1).get("status").asText()).isEqualTo("verified");
  }

  @Test
  void whenTheAgentFailsTheTailIsItsStderr() throws Exception {
    String id = run("crasher", "fix the value check");
    String out = h.run("explain", id).out();
    assertThat(out).containsPattern("(?m)^  1\\. crasher +agent_error .* exit 3$");
    assertThat(out).contains("     stderr    tests did not run; the agent's last 1 line(s) on stderr:\n"
        + "               | crasher: no API key found\n");
    assertThat(out).contains("result     not verified after 1 attempt(s) (no route left to try); the working tree was not changed");
  }

  @Test
  void aRunWhoseDirectoryIsGoneIsExplainedFromMemory() throws Exception {
    String id = run("breaker,fixer", "fix the value check");
    Path runDir = h.acrHome.resolve("runs").resolve(id);
    try (Stream<Path> s = Files.walk(runDir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    CliHarness.Run r = h.run("explain", id);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("dimension  bug_fixing\n")
        .contains("chain      not recorded (run directory gone); routes tried in order: breaker, fixer\n")
        .containsPattern("(?m)^  1\\. breaker +failed ")
        .containsPattern("(?m)^  2\\. fixer +verified ")
        .doesNotContain("patch")
        .contains("result     verified after 2 attempt(s); total cost unknown\n")
        .endsWith("run dir    " + runDir + " is gone (deleted, or the run came from another memory); above is what memory knows\n");
    assertThat(h.run("explain", "--json", id).json().get("run_dir_exists").asBoolean()).isFalse();
  }

  @Test
  void unknownAmbiguousAndEmptyAreUsageErrors() throws Exception {
    CliHarness.Run empty = h.run("explain", "last");
    CliHarness.assertUsageError(empty, "no runs in memory at " + h.memory());
    Files.createDirectories(h.acrHome);
    Files.writeString(h.memory(), CliStatsTest.rec("2026-11-01T00:00:00Z", "bug_fixing", "codex", true, null, 1)
        .replace("\"run_id\": \"r\"", "\"run_id\": \"20261101-aaaa\"") + "\n"
        + CliStatsTest.rec("2026-11-02T00:00:00Z", "bug_fixing", "codex", true, null, 1)
        .replace("\"run_id\": \"r\"", "\"run_id\": \"20261101-aabb\"") + "\n"
        + CliStatsTest.rec("2026-11-03T00:00:00Z", "bug_fixing", "codex", true, null, 1)
        .replace("\"run_id\": \"r\"", "\"run_id\": \"../../etc\"") + "\n");
    CliHarness.assertUsageError(h.run("explain", "20261101-aa"),
        "'20261101-aa' matches 2 runs (20261101-aaaa, 20261101-aabb); give more of the run id");
    CliHarness.assertUsageError(h.run("explain", "2027"), "no run '2027' in memory " + h.memory() + "; acr runs lists");
    assertThat(h.run("explain", "20261101-aab").out()).startsWith("run        20261101-aabb  (live)\n");
    // A run id from someone else's memory never becomes a path outside runs/.
    CliHarness.Run odd = h.run("explain", "last");
    assertThat(odd.exit()).isZero();
    assertThat(odd.out()).contains("run dir    none: the run id '../../etc' cannot name a directory");
    CliHarness.assertUsageError(h.run("runs", "--limit", "0"), "--limit must be at least 1");
    CliHarness.assertUsageError(h.run("explain", "--tail", "-1", "last"), "--tail must be 0 or more");
    assertThat(h.run("explain").out()).as("no run named: the newest").isEqualTo(odd.out());
  }

  @Test
  void noMemoryIsNoRunsNotAnError() {
    CliHarness.Run r = h.run("runs");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("no runs in memory yet at " + h.memory() + "; each acr PROMPT run is recorded there"
        + " (acr --dry-run PROMPT first shows what one would do)\n");
  }

  @Test
  void explainWithMoreWordsIsAQuestionToQuote() {
    CliHarness.assertUsageError(h.run("explain", "how", "the", "parser", "works"),
        "to ask a question about the code, quote it: acr \"explain how the parser works\"");
  }
}
