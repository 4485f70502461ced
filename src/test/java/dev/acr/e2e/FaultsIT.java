package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.exec.ProcessTreeKiller;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** acr killed, signalled, or run many times at once: memory and the user's tree stay intact. */
class FaultsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void sixteenConcurrentRunsWriteSixteenIntactRecords() throws Exception {
    Path memory = tmp.resolve("shared-memory.jsonl");
    List<Fixtures> repos = new ArrayList<>();
    List<Process> runs = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      Fixtures fx = new Fixtures(Files.createDirectories(tmp.resolve("r" + i)));
      repos.add(fx);
      runs.add(fx.start("--memory", memory.toString(), "--chain", "fixer", "--verify", "sh check.sh", "fix value " + i));
    }
    for (int i = 0; i < runs.size(); i++) {
      assertThat(runs.get(i).waitFor(180, TimeUnit.SECONDS)).isTrue();
      assertThat(runs.get(i).exitValue()).as(repos.get(i).collect(runs.get(i)).err()).isZero();
    }
    List<String> lines = Files.readAllLines(memory);
    assertThat(lines).hasSize(16);
    Set<String> prompts = new HashSet<>();
    for (String line : lines) {
      prompts.add(JSON.readTree(line).get("prompt").asText());
    }
    assertThat(prompts).hasSize(16);
  }

  @Test
  void sigtermBehavesLikeCtrlC() throws Exception {
    Fixtures fx = new Fixtures(tmp);
    Files.writeString(fx.repo.resolve("notes.txt"), "uncommitted\n");
    Process p = fx.start("--chain", "hanger,fixer", "--verify", "sh check.sh", "fix value.txt");
    Path pidFile = Fixtures.awaitPidFile(tmp.resolve("pids/hanger.pid"));
    new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(fx.collect(p).err()).isEqualTo(130);
    assertThat(ProcessHandle.of(Fixtures.pidFrom(pidFile)).map(ProcessTreeKiller::isRunning)).isNotEqualTo(Optional.of(true));
    assertThat(fx.memoryLines()).hasSize(1).allMatch(l -> l.contains("\"status\":\"interrupted\""));
    assertThat(fx.read("notes.txt")).isEqualTo("uncommitted\n");
    assertThat(fx.keptWorktrees()).hasSize(1);
  }

  @Test
  void killMinus9LeavesTheTreeIntactAndTheNextRunResetsTheWorktreeItLeft() throws Exception {
    Fixtures fx = new Fixtures(tmp);
    Files.writeString(fx.repo.resolve("notes.txt"), "uncommitted\n");
    String statusBefore = fx.git("status", "--porcelain");
    byte[] valueBefore = Files.readAllBytes(fx.repo.resolve("value.txt"));
    Process p = fx.start("--chain", "hanger", "--verify", "sh check.sh", "fix value.txt");
    Path pidFile = Fixtures.awaitPidFile(tmp.resolve("pids/hanger.pid"));
    new ProcessBuilder("kill", "-KILL", Long.toString(p.pid())).start().waitFor();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    // The orphaned agent is the only thing acr could not clean up itself; end it for the test.
    // (Its tree: the shell and its sleep.)
    ProcessHandle.of(Fixtures.pidFrom(pidFile)).ifPresent(h -> ProcessTreeKiller.kill(h, java.time.Duration.ZERO));
    assertThat(fx.git("status", "--porcelain")).isEqualTo(statusBefore);
    assertThat(Files.readAllBytes(fx.repo.resolve("value.txt"))).isEqualTo(valueBefore);
    assertThat(fx.read("notes.txt")).isEqualTo("uncommitted\n");
    List<String> left = fx.keptWorktrees(); // the run's worktree, left behind by kill -9
    assertThat(left).hasSize(1);
    Fixtures.Run next = fx.acr("--chain", "fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(next.exit()).as(next.err()).isZero();
    assertThat(fx.keptWorktrees()).as("reset and used again, not a second one").singleElement().asString()
        .startsWith(left.get(0).split(" ")[0] + " ");
    assertThat(fx.read("value.txt")).isEqualTo("fixed\n");
  }

  @Test
  void anUnwritableMemoryStillReportsTheResultAndSaysWhatToDo() throws Exception {
    Fixtures fx = new Fixtures(tmp);
    // Readable as empty, but every write fails: the link points into a directory that is gone.
    Path memory = Files.createSymbolicLink(tmp.resolve("memory.jsonl"), tmp.resolve("gone/memory.jsonl"));
    Fixtures.Run r = fx.acr("--memory", memory.toString(), "--chain", "fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("verified");
    assertThat(r.err()).contains("could not write memory").contains("--memory");
    assertThat(fx.read("value.txt")).isEqualTo("fixed\n");
  }

  @Test
  void aFullDiskForMemoryStillReportsTheResultAndCorruptsNothing() throws Exception {
    Fixtures fx = new Fixtures(tmp);
    // A file-size limit below the memory file's size: every append fails like a full disk
    // (EFBIG instead of ENOSPC), while the small run logs still fit.
    assertThat(fx.acr("--chain", "fixer", "--verify", "sh check.sh", "fix value.txt").exit()).isZero();
    fx.git("checkout", "--", "value.txt");
    String record = fx.memoryLines().get(0) + "\n";
    Files.writeString(fx.memory(), record.repeat(60_000 / record.length()));
    byte[] before = Files.readAllBytes(fx.memory());
    fx.launcherPrefix.addAll(List.of("sh", "-c", "ulimit -f 40 && exec \"$0\" \"$@\""));
    Fixtures.Run r = fx.acr("--chain", "fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("verified");
    assertThat(r.err()).contains("could not write memory (" + fx.memory()).contains("Free disk space");
    assertThat(fx.read("value.txt")).isEqualTo("fixed\n");
    assertThat(Files.readAllBytes(fx.memory())).as("no partial line").isEqualTo(before);
  }

  @Test
  void aMemoryPathThatCannotBeReadIsAUsageErrorBeforeAnythingRuns() throws Exception {
    Fixtures fx = new Fixtures(tmp);
    Path blocker = Files.writeString(tmp.resolve("not-a-dir"), "a file where a directory should be\n");
    Fixtures.Run r = fx.acr("--memory", blocker.resolve("memory.jsonl").toString(), "--chain", "fixer",
        "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("acr: cannot read memory file").contains("--memory");
    assertThat(fx.read("value.txt")).isEqualTo("broken\n");
  }
}
