package dev.acr.git;

import static dev.acr.git.GitFixture.git;
import static dev.acr.git.GitFixture.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository copied with its {@code .git} (cp -a, an archive, another user's home) carries the
 * original's {@code .git/worktrees}: registrations of worktrees acr keeps, or of a crashed run's
 * attempt, that belong to the original. acr in the copy works, and leaves the original's alone.
 */
class GitCopiedRepositoryTest {
  @TempDir Path tmp;
  Path original;
  Path copy;
  Path copyHome;

  @BeforeEach
  void setUp() throws Exception {
    Path base = tmp.toRealPath();
    original = GitFixture.withCommit(base.resolve("alice/repo"), Map.of("a.txt", "a\n"));
    GitFixture.write(original, "b.txt", "uncommitted\n");
    copy = base.resolve("bob/repo");
    copyHome = base.resolve("bob/acr-home/worktrees");
  }

  private void copyOriginal() throws Exception {
    Files.createDirectories(copy.getParent());
    Process p = new ProcessBuilder("cp", "-a", original.toString(), copy.toString()).inheritIO().start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
  }

  /** The reported case: "cannot lock …/1.lock" (exit 2) in a copy of another user's repository. */
  @Test
  void aCopyFromElsewhereDropsTheOriginalsKeptRegistrationsAndChecksOutItsOwn() throws Exception {
    Path aliceHome = tmp.toRealPath().resolve("alice/acr-home/worktrees");
    Isolation alice = Isolation.forRepo(original);
    try (WorktreePool run = new WorktreePool(alice, alice.snapshot(Map.of()), aliceHome, true)) {
      run.acquire();
    }
    copyOriginal();
    Trees.delete(aliceHome.getParent()); // not on this machine, or not readable by this user

    Isolation bob = Isolation.forRepo(copy);
    Snapshot s = bob.snapshot(Map.of());
    try (WorktreePool run = new WorktreePool(bob, s, copyHome, true)) {
      Path wt = run.acquire();
      assertThat(wt).startsWith(copyHome);
      assertThat(read(wt, "b.txt")).isEqualTo("uncommitted\n");
    }
    String list = git(copy, "worktree", "list", "--porcelain");
    assertThat(list).doesNotContain(aliceHome.toString()).contains(copyHome.toString());
  }

  @Test
  void aCopyOnTheSameMachineLeavesTheOriginalsWorktreesAlone() throws Exception {
    Path aliceHome = tmp.toRealPath().resolve("alice/acr-home/worktrees");
    Isolation alice = Isolation.forRepo(original);
    Snapshot s = alice.snapshot(Map.of());
    Path kept;
    try (WorktreePool run = new WorktreePool(alice, s, aliceHome, true)) {
      kept = run.acquire();
    }
    // A crashed run's attempt worktree: locked for an acr process that is gone.
    Path crashed = tmp.toRealPath().resolve("alice/runs/r1/attempt-1/wt");
    alice.createWorktree(s, crashed, "acr pid " + Long.MAX_VALUE);
    copyOriginal();

    assertThat(Isolation.pruneStale(copy)).as("the original's, not the copy's").isEmpty();
    Isolation bob = Isolation.forRepo(copy);
    try (WorktreePool run = new WorktreePool(bob, bob.snapshot(Map.of()), copyHome, true)) {
      assertThat(run.acquire()).startsWith(copyHome);
    }
    new KeptWorktrees(bob, copyHome).removeIdle();

    assertThat(crashed.resolve("a.txt")).exists();
    assertThat(read(kept, "b.txt")).isEqualTo("uncommitted\n");
    String list = git(original, "worktree", "list", "--porcelain");
    assertThat(list).contains(kept.toString(), crashed.toString());
    assertThat(git(kept, "status", "--porcelain")).isEmpty();
    assertThat(Isolation.pruneStale(original)).containsExactly(crashed.toString());
  }
}
