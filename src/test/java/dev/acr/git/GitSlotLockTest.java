package dev.acr.git;

import static dev.acr.git.GitFixture.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kept worktree's lock holds for as long as its run does, whatever happens meanwhile. */
class GitSlotLockTest {
  @TempDir Path tmp;

  @Test
  void markingAWorktreeUsedWhileTheThreadIsInterruptedKeepsItsLock() throws Exception {
    Path lockFile = tmp.resolve("1.lock");
    try (SlotLock lock = SlotLock.tryLock(lockFile).orElseThrow()) {
      Thread.currentThread().interrupt(); // Ctrl-C, or a race stopping this attempt
      try {
        KeptWorktrees.touch(lock);
      } finally {
        assertThat(Thread.interrupted()).as("the interrupt is left for the caller").isTrue();
      }
      assertThat(LockProbe.canLock(lockFile)).as("another process cannot take it").isFalse();
      assertThat(KeptWorktrees.usedFile(tmp.resolve("1"))).hasContent("acr pid " + ProcessHandle.current().pid());
    }
    assertThat(LockProbe.canLock(lockFile)).isTrue();
  }

  @Test
  void aHeldWorktreeWhoseFolderIsGoneKeepsItsRegistrationWhenAnotherRunPrepares() throws Exception {
    Path repo = GitFixture.withCommit(tmp.resolve("repo"), Map.of("a.txt", "a\n"));
    Path home = tmp.toRealPath().resolve("home/worktrees");
    Isolation iso = Isolation.forRepo(repo);
    try (WorktreePool pool = new WorktreePool(iso, iso.snapshot(Map.of()), home, true)) {
      Path wt = pool.acquire();
      Trees.delete(wt); // its run is between deleting the folder and checking it out again
      new KeptWorktrees(iso, home).prepareNew(wt.resolveSibling("2")); // another run checking out slot 2
      assertThat(git(repo, "worktree", "list", "--porcelain")).contains(wt.toString(), KeptWorktrees.LOCK_REASON);
    }
  }
}
