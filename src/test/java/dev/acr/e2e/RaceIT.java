package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.exec.ProcessTreeKiller;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** acr --race through the packaged launcher: fake agents run at once, the project's test picks the winner. */
class RaceIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  Fixtures fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new Fixtures(tmp);
    Path pids = tmp.resolve("pids");
    agent("fixer", "echo fixed > value.txt\n" + cost(0.01));
    agent("breaker", "echo worse > value.txt\necho junk > junk.txt\n" + cost(0.02));
    agent("crasher", "echo 'crasher: giving up' >&2\nexit 3\n");
    agent("slow-fixer", "echo \"$$\" > \"$ACR_TEST_PIDS/slow.pid\"\nsleep 1000\necho fixed > value.txt\n");
    agent("hanger", "echo \"$$\" > \"$ACR_TEST_PIDS/hanger.pid\"\nsleep 1000\n");
    agent("spender", "echo worse > value.txt\n" + cost(0.5));
    agent("fixer-too", "echo fixed > value.txt\n" + cost(0.03));
    List<String> tools = new ArrayList<>();
    for (String name : List.of("fixer", "breaker", "crasher", "slow-fixer", "hanger", "spender", "fixer-too")) {
      tools.add(tool(name));
    }
    Files.writeString(fx.config, "{\"tools\": [\n" + String.join(",\n", tools) + "\n]}\n");
    Files.createDirectories(pids);
    Files.writeString(fx.repo.resolve("notes.txt"), "uncommitted work\n");
  }

  @Test
  void theFastFixerWinsAndTheSlowOneIsStoppedAndCancelled() throws Exception {
    Fixtures.Run r = raceFixed("slow-fixer,fixer");
    assertStopped(tmp.resolve("pids/slow.pid"));
    List<JsonNode> recs = records();
    assertThat(recs).extracting(n -> n.get("route").asText() + "=" + n.get("status").asText())
        .containsExactlyInAnyOrder("slow-fixer=cancelled", "fixer=verified");
    assertThat(recs).allMatch(n -> n.hasNonNull("race_id"));
    assertThat(recs.get(0).get("race_id")).isEqualTo(recs.get(1).get("race_id"));
    assertThat(r.err()).contains("racing up to 2 attempts at once");
    Process runs = fx.startPlain(List.of("runs", "--json"));
    assertThat(runs.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(fx.collect(runs).out()).as("the winner is the run's final attempt").contains("\"final_status\":\"verified\"");
    Process explain = fx.startPlain(List.of("explain", "last"));
    assertThat(explain.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(fx.collect(explain).out()).contains("race", recs.get(0).get("race_id").asText());
  }

  @Test
  void theConfigsDefaultRacesAndJsonSaysHowWithEachAttemptsRaceId() throws Exception {
    String config = Files.readString(fx.config);
    Files.writeString(fx.config, config.substring(0, config.lastIndexOf('}')) + ", \"race\": 2}\n");
    Fixtures.Run dry = fx.acr("--dry-run", "--json", "--chain", "breaker,fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(JSON.readTree(dry.out()).get("race").get("width").asInt()).isEqualTo(2);
    Fixtures.Run r = fx.acr("--json", "--chain", "breaker,fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode out = JSON.readTree(r.out());
    assertThat(out.get("race").get("width").asInt()).isEqualTo(2);
    assertThat(out.get("race").get("why").asText()).contains("\"race\": 2 in");
    assertThat(out.get("attempts")).hasSize(2);
    String raceId = out.get("attempts").get(0).get("race_id").asText();
    assertThat(raceId).isNotBlank();
    assertThat(out.get("attempts").get(1).get("race_id").asText()).isEqualTo(raceId);
    assertThat(records()).allMatch(n -> n.get("race_id").asText().equals(raceId));
    assertThat(fx.read("value.txt")).isEqualTo("fixed\n");
  }

  @Test
  void twoFixersRacedDeliverOneChangeOnceAndTheOtherIsCancelled() throws Exception {
    raceFixed("fixer,fixer-too");
    assertThat(records()).extracting(n -> n.get("status").asText()).containsExactlyInAnyOrder("verified", "cancelled");
  }

  @Test
  void aBreakerAndAFixerRacedApplyOnlyTheFixersChange() throws Exception {
    Fixtures.Run r = fx.acr("--race", "2", "--chain", "breaker,fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(fx.read("value.txt")).isEqualTo("fixed\n");
    assertThat(fx.repo.resolve("junk.txt")).doesNotExist();
    assertThat(fx.read("notes.txt")).isEqualTo("uncommitted work\n");
    assertThat(records()).extracting(n -> n.get("route").asText() + "=" + n.get("status").asText())
        .contains("fixer=verified").hasSize(2).noneMatch(s -> s.equals("breaker=verified"));
  }

  @Test
  void bothFailingThenTheNextBatchRuns() throws Exception {
    Fixtures.Run r = fx.acr("--race", "2", "--max-attempts", "3", "--chain", "breaker,crasher,fixer",
        "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.err()).isZero();
    List<JsonNode> recs = records();
    assertThat(recs).extracting(n -> n.get("route").asText() + "=" + n.get("status").asText())
        .containsExactlyInAnyOrder("breaker=failed", "crasher=agent_error", "fixer=verified");
    JsonNode fixer = recs.stream().filter(n -> n.get("route").asText().equals("fixer")).findFirst().orElseThrow();
    assertThat(fixer.get("attempt").asInt()).isEqualTo(3);
    assertThat(fixer.has("race_id")).as("a batch of one is no race").isFalse();
    assertThat(fx.read("value.txt")).isEqualTo("fixed\n");
  }

  @Test
  void ctrlCDuringARaceStopsEveryAttemptAndRecordsEachInterrupted() throws Exception {
    Process p = fx.start("--race", "2", "--chain", "hanger,slow-fixer", "--verify", "sh check.sh", "fix value.txt");
    Path hanger = Fixtures.awaitPidFile(tmp.resolve("pids/hanger.pid"));
    Path slow = Fixtures.awaitPidFile(tmp.resolve("pids/slow.pid"));
    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(fx.collect(p).err()).isEqualTo(130);
    assertStopped(hanger);
    assertStopped(slow);
    assertThat(records()).hasSize(2).allMatch(n -> n.get("status").asText().equals("interrupted"));
    assertThat(fx.read("notes.txt")).isEqualTo("uncommitted work\n");
    assertThat(fx.read("value.txt")).isEqualTo("broken\n");
    assertOnlyKeptWorktreesLeftAndFree();
  }

  @Test
  void aBudgetReachedMidRaceStartsNoFurtherBatch() throws Exception {
    Fixtures.Run r = fx.acr("--race", "2", "--budget", "0.5", "--chain", "spender,breaker,fixer",
        "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(records()).extracting(n -> n.get("route").asText()).containsExactlyInAnyOrder("spender", "breaker");
    assertThat(r.out()).contains("budget");
    assertThat(fx.read("value.txt")).isEqualTo("broken\n");
  }

  @Test
  void aProjectThatSaysRaceFalseRunsOneAtATimeAndSaysWhy() throws Exception {
    Files.createDirectories(fx.repo.resolve(".acr"));
    Files.writeString(fx.repo.resolve(".acr/config.json"), "{\"race\": false}\n");
    fx.git("add", ".acr/config.json");
    fx.git("commit", "-q", "-m", "no races here");
    Fixtures.Run r = fx.acr("--race", "2", "--chain", "breaker,fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("not racing: .acr/config.json says \"race\": false");
    List<JsonNode> recs = records();
    assertThat(recs).extracting(n -> n.get("route").asText() + "=" + n.get("status").asText())
        .containsExactly("breaker=failed", "fixer=verified");
    assertThat(recs).noneMatch(n -> n.has("race_id"));
  }

  @Test
  void ofTwoFixersVerifyingTogetherTheCheaperIsAppliedWhicheverVerifiedFirst() throws Exception {
    // pricey ($0.03, first in the chain) and cheap ($0.01) both fix value.txt and mark their tree.
    // The test command makes pricey's tests pass first, and only once cheap's tests are running:
    // cheap is then let finish, and its change is the one applied.
    agent("pricey", "echo fixed > value.txt\necho pricey > pricey.txt\n" + cost(0.03));
    agent("cheap", "echo fixed > value.txt\necho cheap > cheap.txt\n" + cost(0.01));
    String config = Files.readString(fx.config);
    Files.writeString(fx.config, config.replace("]}", ",\n" + tool("pricey") + ",\n" + tool("cheap") + "\n]}"));
    Files.writeString(fx.repo.resolve("together.sh"), """
        #!/bin/sh
        grep -qx fixed value.txt || exit 1
        wait_for() { i=0; while [ ! -f "$ACR_TEST_PIDS/$1" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done; }
        if [ -f pricey.txt ]; then wait_for cheap-testing; touch "$ACR_TEST_PIDS/pricey-verified"; fi
        if [ -f cheap.txt ]; then touch "$ACR_TEST_PIDS/cheap-testing"; wait_for pricey-verified; fi
        exit 0
        """);
    fx.git("add", "together.sh");
    fx.git("commit", "-q", "-m", "a test command that makes two fixes verify together");
    Fixtures.Run r = fx.acr("--race", "2", "--chain", "pricey,cheap", "--verify", "sh together.sh", "fix value.txt");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(tmp.resolve("pids/pricey-verified")).as("pricey's tests passed").exists();
    assertThat(fx.repo.resolve("cheap.txt")).exists();
    assertThat(fx.repo.resolve("pricey.txt")).doesNotExist();
    assertThat(fx.read("notes.txt")).isEqualTo("uncommitted work\n");
    List<JsonNode> recs = records();
    assertThat(recs).extracting(n -> n.get("route").asText() + "=" + n.get("status").asText())
        .containsExactlyInAnyOrder("pricey=cancelled", "cheap=verified");
    JsonNode pricey = recs.stream().filter(n -> n.get("route").asText().equals("pricey")).findFirst().orElseThrow();
    assertThat(pricey.get("reason").asText()).contains("verified too");
    assertThat(pricey.get("cost_usd").asDouble()).isEqualTo(0.03);
  }

  @Test
  void raceAutoExpectsEachRouteToTakeAsLongAsItsAttemptsInMemoryTook() throws Exception {
    Files.writeString(fx.config, "{\"tools\": [\n" + tool("fixer") + ",\n" + tool("breaker") + "\n]}\n");
    List<String> lines = new ArrayList<>();
    String[][] past = {{"verified", "40000"}, {"failed", "44000"}, {"cancelled", "1000"}, {"infra_error", "500"}};
    for (int i = 0; i < past.length; i++) {
      lines.add(JSON.createObjectNode().put("ts", "2026-12-01T00:00:0" + i + "Z").put("run_id", "r" + i).put("attempt", 1)
          .put("task", "t" + i).put("dimension", "bug_fixing").put("tool", "fixer").put("route", "fixer")
          .put("resolved", i == 0).put("apply_ok", true).put("status", past[i][0])
          .put("duration_ms", Long.parseLong(past[i][1])).put("cost_usd", 0.01).put("source", "live").toString());
    }
    Files.write(fx.memory(), lines);
    Fixtures.Run dry = fx.acr("--dry-run", "--json", "--race", "auto", "--verify", "sh check.sh", "fix value.txt");
    assertThat(dry.exit()).as(dry.err()).isZero();
    String why = JSON.readTree(dry.out()).get("race").get("why").asText();
    // Only the verified and failed attempts ran their course: (40 + 44) / 2 s.
    assertThat(why).contains("fixer ~42 s (memory, 2 attempts)")
        .contains("breaker ~42 s (no record of it: the mean of other routes')");
    Files.delete(fx.memory());
    Fixtures.Run none = fx.acr("--dry-run", "--json", "--race", "auto", "--verify", "sh check.sh", "fix value.txt");
    assertThat(JSON.readTree(none.out()).get("race").get("why").asText()).contains("fixer ~180 s (no record: the 180 s prior)");
  }

  private String tool(String name) {
    return "  {\"name\": \"" + name + "\", \"enabled\": true, \"command\": [\""
        + tmp.resolve("race-agents").resolve(name) + "\"], \"prompt_mode\": \"append_arg\", \"usage_format\": \"claude-json\"}";
  }

  /** {@code --race 2} over {@code chain}: verified, the fix applied, the user's work intact, no worktree left. */
  private Fixtures.Run raceFixed(String chain) throws Exception {
    Fixtures.Run r = fx.acr("--race", "2", "--chain", chain, "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(fx.read("value.txt")).isEqualTo("fixed\n");
    assertThat(fx.read("notes.txt")).isEqualTo("uncommitted work\n");
    assertOnlyKeptWorktreesLeftAndFree();
    return r;
  }

  private List<JsonNode> records() throws IOException {
    List<JsonNode> recs = new ArrayList<>();
    for (String line : fx.memoryLines()) {
      recs.add(JSON.readTree(line));
    }
    return recs;
  }

  private static String cost(double usd) {
    return "echo '{\"type\":\"result\",\"total_cost_usd\":" + usd + ",\"usage\":{\"input_tokens\":100,\"output_tokens\":5}}'\n";
  }

  private void agent(String name, String body) throws IOException {
    Fixtures.script(Files.createDirectories(tmp.resolve("race-agents")).resolve(name), body);
  }

  private static void assertStopped(Path pidFile) throws IOException {
    assertThat(ProcessHandle.of(Fixtures.pidFrom(pidFile)).map(ProcessTreeKiller::isRunning))
        .isNotEqualTo(Optional.of(true));
  }

  /**
   * After the run: the only worktrees git knows besides the repository are the ones acr keeps
   * (one per racer, under $ACR_HOME/worktrees), and none is still held by a process.
   */
  private void assertOnlyKeptWorktreesLeftAndFree() throws Exception {
    Path kept = fx.home.resolve("worktrees").toRealPath();
    List<String> trees = fx.git("worktree", "list", "--porcelain").lines()
        .filter(l -> l.startsWith("worktree ")).map(l -> l.substring("worktree ".length())).toList();
    assertThat(trees.subList(1, trees.size())).as("worktrees besides the repository").hasSize(2)
        .allMatch(t -> Path.of(t).startsWith(kept), "kept under " + kept);
    List<Path> locks;
    try (Stream<Path> files = Files.walk(kept, 2)) {
      locks = files.filter(f -> f.getFileName().toString().endsWith(".lock")).toList();
    }
    assertThat(locks).hasSize(2);
    for (Path lockFile : locks) {
      try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE); FileLock lock = ch.tryLock()) {
        assertThat(lock).as(lockFile + " is free").isNotNull();
      }
    }
  }
}
