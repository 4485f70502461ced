package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher, run after run in one repository: a later run resets the worktree the
 * last one kept instead of checking out a new one; what a run saw of the user's files (an
 * uncommitted edit, an untracked file) and what its agent left are gone for the next run; the
 * user's own work is never touched; two runs at once get a worktree each.
 */
class WorktreeReuseIT {
  @TempDir Path tmp;
  Fixtures fx;
  Path seen;

  @BeforeEach
  void setUp() throws Exception {
    fx = new Fixtures(tmp);
    seen = Files.createDirectories(tmp.resolve("seen"));
    // Each agent writes down where it ran and which files it found there, outside the worktree.
    String look = "pwd > " + seen + "/$1.pwd\nls -A > " + seen + "/$1.files\ncat notes.txt > " + seen + "/$1.notes\n";
    RepoShapes.agents(fx, Map.of(
        "breaker", "n=breaker; " + look.replace("$1", "$n") + "echo worse > value.txt\necho junk > junk.txt\n"
            + "mkdir -p build && echo output > build/out.txt\n",
        "fixer", "n=fixer; " + look.replace("$1", "$n") + "echo fixed > value.txt\n",
        "hanger", "n=hanger; " + look.replace("$1", "$n") + "echo \"$$\" > \"$ACR_TEST_PIDS/hanger.pid\"\nsleep 1000\n"));
  }

  @Test
  void theNextRunResetsTheKeptWorktreeAndNothingLeaksBetweenRuns() throws Exception {
    Files.writeString(fx.repo.resolve("notes.txt"), "first draft\n");
    Files.writeString(fx.repo.resolve("secret.txt"), "untracked, not ignored: in this run's snapshot\n");

    Fixtures.Run first = fx.acr("--chain", "breaker", "--verify", "sh check.sh", "fix value.txt");
    assertThat(first.exit()).as(first.err()).isEqualTo(1);
    List<String> kept = fx.keptWorktrees();
    assertThat(kept).hasSize(1);
    Path wt = Path.of(kept.get(0).split(" ")[0]);
    assertThat(read("breaker.pwd")).isEqualTo(wt + "\n");
    assertThat(read("breaker.files")).contains("secret.txt");
    assertThat(read("breaker.notes")).isEqualTo("first draft\n");
    assertThat(wt.resolve("junk.txt")).exists(); // kept as the run left it; reset when next used

    // Between runs the user deletes their untracked file, edits on and starts an ignored one.
    Files.delete(fx.repo.resolve("secret.txt"));
    Files.writeString(fx.repo.resolve("notes.txt"), "second draft\n");
    Files.createDirectories(fx.repo.resolve("build"));
    Files.writeString(fx.repo.resolve("build/mine.txt"), "ignored, the user's\n");

    Fixtures.Run second = fx.acr("--chain", "fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(read("fixer.pwd")).as("the same worktree, not a new one").isEqualTo(wt + "\n");
    assertThat(read("fixer.files").lines().toList())
        .doesNotContain("secret.txt", "junk.txt", "build")
        .contains("value.txt", "notes.txt", "check.sh");
    assertThat(read("fixer.notes")).isEqualTo("second draft\n");
    assertThat(fx.keptWorktrees()).hasSize(1);

    // The user's tree: only the verified change arrived; their edit and ignored file are as they were.
    assertThat(fx.read("value.txt")).isEqualTo("fixed\n");
    assertThat(fx.read("notes.txt")).isEqualTo("second draft\n");
    assertThat(fx.read("build/mine.txt")).isEqualTo("ignored, the user's\n");
    assertThat(fx.repo.resolve("secret.txt")).doesNotExist();
    assertThat(fx.repo.resolve("junk.txt")).doesNotExist();
    assertThat(fx.git("status", "--porcelain", "--ignored").lines().sorted())
        .containsExactly(" M notes.txt", " M value.txt", "!! build/");
  }

  @Test
  void twoRunsAtOnceGetAWorktreeEach() throws Exception {
    Fixtures.Run warm = fx.acr("--chain", "breaker", "--verify", "sh check.sh", "fix value.txt");
    assertThat(warm.exit()).as(warm.err()).isEqualTo(1);
    Path kept = Path.of(fx.keptWorktrees().get(0).split(" ")[0]);

    Process hanging = fx.start("--chain", "hanger", "--verify", "sh check.sh", "fix value.txt");
    Path pid = tmp.resolve("pids/hanger.pid");
    for (int i = 0; i < 600 && !Files.exists(pid); i++) {
      Thread.sleep(100);
    }
    assertThat(pid).exists();
    assertThat(read("hanger.pwd")).isEqualTo(kept + "\n"); // the free one, the most recently used

    Fixtures.Run meanwhile = fx.acr("--chain", "fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(meanwhile.exit()).as(meanwhile.err()).isZero();
    assertThat(read("fixer.pwd")).isNotEqualTo(kept + "\n");
    assertThat(fx.read("value.txt")).isEqualTo("fixed\n");

    new ProcessBuilder("kill", "-TERM", Long.toString(hanging.pid())).start().waitFor();
    assertThat(hanging.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(fx.keptWorktrees()).hasSize(2);
  }

  private String read(String file) throws Exception {
    return Files.readString(seen.resolve(file));
  }
}
