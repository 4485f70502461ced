package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.exec.ProcessTreeKiller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged launcher against temporary git repositories with fake agents. */
class LiveLoopIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  Fixtures fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new Fixtures(tmp);
    // A user's uncommitted edit in another file: it must survive every path.
    Files.writeString(fx.repo.resolve("notes.txt"), "my uncommitted notes\n");
  }

  private void assertUserWorkIntact() throws IOException, InterruptedException {
    assertThat(fx.read("notes.txt")).isEqualTo("my uncommitted notes\n");
    assertThat(fx.git("worktree", "list")).doesNotContain("attempt-").doesNotContain("baseline");
  }

  private List<JsonNode> memory() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : fx.memoryLines()) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  @Test
  void escalatesFromBreakerToFixerAndAppliesOnlyTheFix() throws Exception {
    Fixtures.Run r = fx.acr("--chain", "breaker,fixer", "--verify", "sh check.sh", "--seed", "1", "fix value.txt");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(fx.read("value.txt")).isEqualTo("fixed\n");
    assertThat(fx.repo.resolve("junk.txt")).doesNotExist();
    assertUserWorkIntact();
    assertThat(r.out()).contains("verified");
    assertThat(r.err()).contains("baseline: tests fail");
    List<JsonNode> mem = memory();
    assertThat(mem).hasSize(2);
    assertThat(mem.get(0).get("route").asText()).isEqualTo("breaker");
    assertThat(mem.get(0).get("status").asText()).isEqualTo("failed");
    assertThat(mem.get(0).get("resolved").asBoolean()).isFalse();
    assertThat(mem.get(0).get("apply_ok").asBoolean()).isTrue();
    assertThat(mem.get(1).get("route").asText()).isEqualTo("fixer");
    assertThat(mem.get(1).get("status").asText()).isEqualTo("verified");
    assertThat(mem.get(1).get("cost_usd").asDouble()).isEqualTo(0.0123);
    assertThat(mem.get(1).get("input_tokens").asLong()).isEqualTo(1000);
    assertThat(mem.get(1).get("attempt").asInt()).isEqualTo(2);
    assertThat(mem.get(1).get("source").asText()).isEqualTo("live");
    assertThat(mem.get(1).get("prompt").asText()).isEqualTo("fix value.txt");
    assertThat(mem.get(0).get("run_id").asText()).isEqualTo(mem.get(1).get("run_id").asText());
    assertThat(mem.get(0).get("task").asText()).hasSize(64);
    // The failed attempt's diff is kept as a patch in the run directory.
    Path runDir = fx.home.resolve("runs").resolve(mem.get(0).get("run_id").asText());
    assertThat(Files.readString(runDir.resolve("attempt-1/changes.patch"))).contains("junk.txt");
    assertThat(fx.git("status", "--porcelain")).contains("value.txt").contains("notes.txt");
  }

  @Test
  void allFailedLeavesTheTreeUntouched() throws Exception {
    Fixtures.Run r = fx.acr("--chain", "breaker,crasher", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(fx.read("value.txt")).isEqualTo("broken\n");
    assertThat(fx.repo.resolve("junk.txt")).doesNotExist();
    assertUserWorkIntact();
    List<JsonNode> mem = memory();
    assertThat(mem).extracting(n -> n.get("status").asText()).containsExactly("failed", "agent_error");
    assertThat(mem.get(1).get("exit_code").asInt()).isEqualTo(3);
    assertThat(r.out()).contains("not verified");
  }

  @Test
  void timeoutKillsTheWholeTreeAndEscalates() throws Exception {
    long start = System.nanoTime();
    Fixtures.Run r = fx.acr("--chain", "stubborn,fixer", "--timeout", "2s", "--verify", "sh check.sh", "fix value.txt");
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(memory()).extracting(n -> n.get("status").asText()).containsExactly("timeout", "verified");
    assertThat(r.out()).contains("attempt 1: the agent did not finish within 2s and was stopped with everything it"
        + " started (a longer limit: --timeout)");
    Path pids = tmp.resolve("pids");
    assertThat(ProcessHandle.of(Fixtures.pidFrom(pids.resolve("parent.pid"))).map(ProcessTreeKiller::isRunning)).isNotEqualTo(Optional.of(true));
    assertThat(ProcessHandle.of(Fixtures.pidFrom(pids.resolve("child.pid"))).map(ProcessTreeKiller::isRunning)).isNotEqualTo(Optional.of(true));
    assertThat(seconds).as("finished long before the agent's own sleep").isLessThan(60);
    assertThat(fx.read("value.txt")).isEqualTo("fixed\n");
    assertUserWorkIntact();
  }

  @Test
  void interruptKillsTheAgentRecordsAndExits130() throws Exception {
    Process p = fx.start("--chain", "hanger,fixer", "--verify", "sh check.sh", "fix value.txt");
    Path pidFile = tmp.resolve("pids/hanger.pid");
    long deadline = System.currentTimeMillis() + 60_000;
    while (!Files.exists(pidFile) && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertThat(pidFile).exists();
    Thread.sleep(300);
    // The launcher execs java, so its pid is acr's.
    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Fixtures.Run r = fx.collect(p);
    assertThat(r.exit()).as(r.err()).isEqualTo(130);
    assertThat(ProcessHandle.of(Fixtures.pidFrom(pidFile)).map(ProcessTreeKiller::isRunning)).isNotEqualTo(Optional.of(true));
    assertThat(memory()).extracting(n -> n.get("status").asText()).containsExactly("interrupted");
    assertThat(fx.read("value.txt")).isEqualTo("broken\n");
    assertUserWorkIntact();
  }

  @Test
  void gitLocationInheritedFromAHookIsIgnored() throws Exception {
    // acr started from a git hook inherits GIT_DIR/GIT_INDEX_FILE of the hook's repository.
    Path other = fx.root.resolve("other-repo");
    Files.createDirectories(other);
    new ProcessBuilder("git", "init", "-q", other.toString()).start().waitFor();
    fx.extraEnv.put("GIT_DIR", other.resolve(".git").toString());
    fx.extraEnv.put("GIT_INDEX_FILE", other.resolve(".git/index").toString());
    Fixtures.Run r = fx.acr("--chain", "fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(fx.read("value.txt")).isEqualTo("fixed\n");
    assertUserWorkIntact();
  }

  @Test
  void floodIsStreamedToFilesWithABoundedHeap() throws Exception {
    // 200 MB on one line, through acr with a 32 MB heap: it only works if output is streamed.
    Path gcLog = fx.root.resolve("gc.log");
    fx.extraEnv.put("ACR_JAVA_OPTS", "-XX:+UseSerialGC -Xmx32m -Xlog:gc:file=" + gcLog);
    Fixtures.Run r = fx.acr("--chain", "flooder", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.err()).isZero();
    String runId = memory().get(0).get("run_id").asText();
    Path log = fx.home.resolve("runs").resolve(runId).resolve("attempt-1/stdout.log");
    assertThat(Files.size(log)).isGreaterThanOrEqualTo(200_000_000L);
    assertThat(r.err().length()).as("live output is cut per line").isLessThan(1_000_000);
    assertUserWorkIntact();
    long peak = peakHeapMb(gcLog);
    System.out.println("acr: 200 MB flood, peak heap before GC " + peak + " MB (cap 32 MB)");
    assertThat(peak).as("the GC log was written and read").isBetween(1L, 32L);
  }

  /** The largest "used before" figure in a unified GC log ("Pause Young ... 9M->1M(31M)"). */
  private static long peakHeapMb(Path gcLog) throws IOException {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d+)M->\\d+M\\(").matcher(Files.readString(gcLog));
    long peak = 0;
    while (m.find()) {
      peak = Math.max(peak, Long.parseLong(m.group(1)));
    }
    return peak;
  }

  @Test
  void dryRunChangesNothing() throws Exception {
    String before = fx.git("status", "--porcelain");
    Fixtures.Run r = fx.acr("--dry-run", "--verify", "sh check.sh", "fix the failing parser test");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("dimension").contains("bug_fixing").contains("chain").contains("first run")
        .contains("sh check.sh");
    assertThat(fx.memory()).doesNotExist();
    assertThat(fx.home.resolve("runs")).doesNotExist();
    assertThat(fx.git("status", "--porcelain")).isEqualTo(before);
    assertUserWorkIntact();
  }

  @Test
  void dryRunWithTheBundledConfigExplainsMissingClis() throws Exception {
    Process p = fx.startPlain(List.of("--dry-run", "fix failing parser test"));
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Fixtures.Run r = fx.collect(p);
    assertThat(r.exit()).as(r.err()).isZero();
    // No CLI on PATH: the dry run plans what the run would (nothing) and says how to install each.
    assertThat(r.out()).contains("bundled tools.example.json")
        .contains("  skipping codex:*: not installed — install it with: npm install -g @openai/codex\n")
        .contains("  skipping claude-code:*: not installed — install it with: npm install -g @anthropic-ai/claude-code\n")
        .contains("  skipping opencode:*: not installed — install it with: npm install -g opencode-ai\n")
        .contains("(nothing can run here: the run would stop with exit 3)").doesNotContain("first run");
  }

  @Test
  void badInputIsOneLineAndExit2() throws Exception {
    assertThat(fx.acr("--chain", "nosuch", "fix it").exit()).isEqualTo(2);
    Fixtures.Run unknown = fx.acr("--chain", "nosuch", "fix it");
    assertThat(unknown.err()).startsWith("acr: ").contains("nosuch");
    assertThat(fx.acr("   ").exit()).isEqualTo(2);
    assertThat(fx.acr("--workdir", "/nonexistent/dir", "fix it").exit()).isEqualTo(2);
    assertThat(fx.acr("--timeout", "soon", "fix it").exit()).isEqualTo(2);
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    Fixtures.Run notGit = fx.acr("--workdir", plain.toString(), "--chain", "fixer", "--verify", "true", "fix it");
    assertThat(notGit.exit()).isEqualTo(2);
    assertThat(notGit.err()).contains("not a git repository").contains("--in-place");
    assertThat(fx.memory()).doesNotExist();
  }

  @Test
  void withoutATestCommandItSaysSoAndDoesNotEscalate() throws Exception {
    Fixtures.Run r = fx.acr("--chain", "fixer,breaker", "fix value.txt");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("no test command found").contains("--verify");
    assertThat(memory()).extracting(n -> n.get("status").asText()).containsExactly("no_verifier");
    // Unverified work is never applied.
    assertThat(fx.read("value.txt")).isEqualTo("broken\n");
    assertUserWorkIntact();
  }

  @Test
  void inPlaceOutsideGitSaysSoAndEditsTheDirectory() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    Files.writeString(plain.resolve("value.txt"), "broken\n");
    Files.writeString(plain.resolve("check.sh"), "#!/bin/sh\ngrep -qx fixed value.txt\n");
    Fixtures.Run r = fx.acr("--workdir", plain.toString(), "--in-place", "--chain", "breaker,fixer",
        "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("--in-place").contains("acr took a snapshot");
    assertThat(Files.readString(plain.resolve("value.txt"))).isEqualTo("fixed\n");
    assertThat(memory()).extracting(n -> n.get("status").asText()).containsExactly("failed", "verified");
  }
}
