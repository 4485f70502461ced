package dev.acr.git;

import static dev.acr.git.GitFixture.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitStaleWorktreesTest {

  @TempDir Path tmp;

  @Test
  void pruneStaleRemovesDeadRunsWorktreesOnly() throws Exception {
    Path base = tmp.toRealPath();
    Path repo = GitFixture.withCommit(base.resolve("repo"), Map.of("a.txt", "a\n"));
    Isolation iso = Isolation.forRepo(repo);
    Snapshot s = iso.snapshot();

    Path live = iso.createWorktree(s, base.resolve("runs/live/attempt-1/wt"));
    Path dead = base.resolve("runs/dead/attempt-1/wt");
    git(repo, "worktree", "add", "--detach", dead.toString(), s.commit());
    git(repo, "worktree", "lock", "--reason", "acr pid " + deadPid(), dead.toString());
    Path foreign = base.resolve("someone-elses-wt");
    git(repo, "worktree", "add", "--detach", foreign.toString(), s.commit());
    git(repo, "worktree", "lock", "--reason", "on a usb stick", foreign.toString());
    Path unlocked = base.resolve("plain-wt");
    git(repo, "worktree", "add", "--detach", unlocked.toString(), s.commit());

    List<String> removed = Isolation.pruneStale(repo);

    assertThat(removed).containsExactly(dead.toString());
    assertThat(dead).doesNotExist();
    assertThat(live).isDirectory();
    assertThat(foreign).isDirectory();
    assertThat(unlocked).isDirectory();
    String list = git(repo, "worktree", "list", "--porcelain");
    assertThat(list).doesNotContain(dead.toString()).contains(live.toString());
    assertThat(Isolation.pruneStale(repo)).isEmpty();
    iso.removeWorktree(live);
  }

  @Test
  void aRecycledPidWithAnotherStartTimeCountsAsDead() {
    long self = ProcessHandle.current().pid();
    assertThat(StaleWorktrees.alive(self, null)).isTrue();
    assertThat(StaleWorktrees.alive(self, "1970-01-01T00:00:00Z")).isFalse();
    assertThat(StaleWorktrees.lockReason()).startsWith("acr pid " + self);
  }

  @Test
  void parsesPorcelainListing() {
    String porcelain =
        "worktree /r\nHEAD abc\nbranch refs/heads/main\n\n"
            + "worktree /w1\nHEAD def\ndetached\nlocked acr pid 12\n\n"
            + "worktree /w2\nHEAD def\ndetached\nlocked\n";
    assertThat(StaleWorktrees.parse(porcelain))
        .containsExactly(
            new StaleWorktrees.Entry("/r", null),
            new StaleWorktrees.Entry("/w1", "acr pid 12"),
            new StaleWorktrees.Entry("/w2", ""));
  }

  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }
}
