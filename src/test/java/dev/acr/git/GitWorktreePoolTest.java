package dev.acr.git;

import static dev.acr.git.GitFixture.git;
import static dev.acr.git.GitFixture.read;
import static dev.acr.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worktree lent again is the snapshot again, whoever used it before (this run's previous
 * attempt, an earlier run, a run that crashed), and no two runs ever hold the same one.
 */
class GitWorktreePoolTest {
  @TempDir Path tmp;
  Path repo;
  Path home;

  @BeforeEach
  void setUp() throws Exception {
    repo = GitFixture.withCommit(tmp.resolve("repo"), Map.of("a.txt", "a\n", ".gitignore", "*.log\nnode_modules\n"));
    write(repo, "node_modules/x/index.js", "1\n");
    write(repo, "b.txt", "uncommitted\n");
    home = tmp.toRealPath().resolve("home/worktrees");
  }

  @Test
  void aReusedWorktreeIsResetToTheSnapshotAndKeepsItsDependencyLinks() throws Exception {
    Isolation iso = Isolation.forRepo(repo);
    Snapshot s = iso.snapshot(Map.of());
    Path first;
    try (WorktreePool pool = new WorktreePool(iso, s, home, false)) {
      first = pool.acquire();
      mess(first);
      pool.release(first);

      Path second = pool.acquire();
      assertThat(second).isEqualTo(first);
      assertIsSnapshot(iso, s, second, "uncommitted\n");

      Path concurrent = pool.acquire();
      assertThat(concurrent).isNotEqualTo(second);
      pool.release(second);
      pool.release(concurrent);
    }
    assertThat(first).doesNotExist();
    assertThat(first.getParent()).as("nothing kept, not even the folder").doesNotExist();
    assertThat(read(repo, "node_modules/x/index.js")).isEqualTo("1\n");
    assertThat(git(repo, "worktree", "list", "--porcelain")).doesNotContain(first.toString());
  }

  @Test
  void aLaterRunResetsTheWorktreeTheLastOneLeftAndTheUsersFilesStayAsTheyAre() throws Exception {
    Isolation iso = Isolation.forRepo(repo);
    Path first;
    try (WorktreePool run1 = new WorktreePool(iso, iso.snapshot(Map.of()), home, true)) {
      first = run1.acquire();
      mess(first); // left as the attempt left it: the next run resets it
      run1.release(first);
    }
    assertThat(first.resolve("debug.log")).exists();
    assertThat(git(repo, "worktree", "list", "--porcelain")).contains(first.toString(), KeptWorktrees.LOCK_REASON);
    // The user works on: a new uncommitted file and another edit; the next run's snapshot has them.
    write(repo, "b.txt", "edited again\n");
    write(repo, "c.txt", "new untracked\n");
    Map<String, String> before = GitFixture.files(repo);
    String status = GitFixture.status(repo);

    Snapshot s2 = iso.snapshot(Map.of());
    try (WorktreePool run2 = new WorktreePool(iso, s2, home, true)) {
      Path again = run2.acquire();
      assertThat(again).isEqualTo(first);
      assertIsSnapshot(iso, s2, again, "edited again\n");
      assertThat(read(again, "c.txt")).isEqualTo("new untracked\n");
    }
    assertThat(GitFixture.files(repo)).isEqualTo(before);
    assertThat(GitFixture.status(repo)).isEqualTo(status);
  }

  /**
   * An agent's git checkout -b left the kept worktree on its branch, which acr then deleted: kept so until the next run, the
   * user could neither check out a branch of that name nor delete one ("checked out at …/worktrees/…/1").
   */
  @Test
  void aKeptWorktreeIsLeftDetachedWhateverBranchItsAgentCheckedOut() throws Exception {
    Isolation iso = Isolation.forRepo(repo);
    Snapshot s = iso.snapshot(Map.of());
    Path wt;
    try (WorktreePool run = new WorktreePool(iso, s, home, true)) {
      wt = run.acquire();
      git(wt, "checkout", "-q", "-b", "agent-fix");
      git(repo, "update-ref", "-d", "refs/heads/agent-fix"); // as RepoRefs takes the agent's branch back
      run.release(wt);
    }
    assertThat(git(wt, "rev-parse", "HEAD").strip()).isEqualTo(s.commit());
    assertThat(Git.tryRun(wt, Map.of(), "symbolic-ref", "-q", "HEAD").ok()).as("detached").isFalse();
    git(repo, "branch", "agent-fix");
    git(repo, "branch", "-D", "agent-fix");
  }

  @Test
  void aWorktreeWhoseIndexSkipsFilesIsCheckedOutAfreshNotReset() throws Exception {
    Isolation iso = Isolation.forRepo(repo);
    Path first;
    try (WorktreePool run1 = new WorktreePool(iso, iso.snapshot(Map.of()), home, true)) {
      first = run1.acquire();
      // An agent's sparse-checkout or update-index: checkout -f would leave a.txt as it is.
      write(first, "a.txt", "agent's\n");
      git(first, "update-index", "--skip-worktree", "a.txt");
      run1.release(first);
    }
    Snapshot s2 = iso.snapshot(Map.of());
    try (WorktreePool run2 = new WorktreePool(iso, s2, home, true)) {
      Path again = run2.acquire();
      assertIsSnapshot(iso, s2, again, "uncommitted\n");
      assertThat(git(again, "ls-files", "-v", "a.txt")).startsWith("H ");
      run2.release(again);
    }
  }

  @Test
  void concurrentRunsNeverShareAWorktreeAndTheLockHoldsForOtherProcesses() throws Exception {
    Isolation iso = Isolation.forRepo(repo);
    Snapshot s = iso.snapshot(Map.of());
    try (WorktreePool a = new WorktreePool(iso, s, home, true)) {
      a.release(a.acquire());
    }
    try (WorktreePool a = new WorktreePool(iso, s, home, true);
        WorktreePool b = new WorktreePool(iso, s, home, true)) {
      Path wa = a.acquire();
      Path wb = b.acquire(); // tried a's worktree first (the most recently used): it is a's now
      assertThat(wb).isNotEqualTo(wa);
      // Another process cannot take a's either: b's try did not free it.
      assertThat(LockProbe.canLock(KeptWorktrees.lockFile(wa))).isFalse();
      assertThat(LockProbe.canLock(KeptWorktrees.lockFile(wb))).isFalse();
    }
    Path kept = new KeptWorktrees(iso, home).path().toRealPath();
    assertThat(LockProbe.canLock(KeptWorktrees.lockFile(kept.resolve("1")))).isTrue();
  }

  @Test
  void aLeftoverOfACrashedRunIsResetBeforeUseNeverTrusted() throws Exception {
    Isolation iso = Isolation.forRepo(repo);
    Snapshot s = iso.snapshot(Map.of());
    Path dir = new KeptWorktrees(iso, home).path();
    Path left = dir.resolve("1");
    // What a run that died half-way could leave: a checkout on a branch, a staged deletion, an
    // index entry for a file that is gone, a nested repository, files everywhere.
    iso.createWorktree(s, left, KeptWorktrees.LOCK_REASON);
    git(left, "checkout", "-q", "-b", "agent-branch");
    git(left, "rm", "-q", "--cached", "a.txt");
    Files.delete(left.resolve("b.txt"));
    write(left, "a.txt", "half written");
    GitFixture.init(left.resolve("nested"));
    write(left, "nested/x.txt", "x\n");
    write(left, "out/build.log", "ignored\n");

    try (WorktreePool pool = new WorktreePool(iso, s, home, true)) {
      Path wt = pool.acquire();
      assertThat(wt).isEqualTo(left.toRealPath());
      assertIsSnapshot(iso, s, wt, "uncommitted\n");
      assertThat(wt.resolve("nested")).doesNotExist();
      assertThat(git(wt, "status", "--porcelain", "--ignored")).isEqualTo("!! node_modules\n");
    }
  }

  @Test
  void aKeptPlaceThatIsNoWorktreeOfThisRepositoryIsReplacedAndWhatItPointsToIsNotTouched() throws Exception {
    Isolation iso = Isolation.forRepo(repo);
    Snapshot s = iso.snapshot(Map.of());
    Path dir = Files.createDirectories(new KeptWorktrees(iso, home).path());
    // A link to the user's own tree where a kept worktree should be, and a plain folder.
    Files.createSymbolicLink(dir.resolve("1"), repo);
    write(dir, "2/junk.txt", "junk\n");
    Files.setLastModifiedTime(Files.createFile(dir.resolve("2.lock")), java.nio.file.attribute.FileTime.fromMillis(0));
    Map<String, String> before = GitFixture.files(repo);
    String status = GitFixture.status(repo);

    try (WorktreePool pool = new WorktreePool(iso, s, home, true)) {
      Path one = pool.acquire();
      Path two = pool.acquire();
      assertThat(List.of(one, two)).containsExactlyInAnyOrder(dir.toRealPath().resolve("1"), dir.toRealPath().resolve("2"));
      assertIsSnapshot(iso, s, one, "uncommitted\n");
      assertIsSnapshot(iso, s, two, "uncommitted\n");
      assertThat(Files.isSymbolicLink(one)).isFalse();
    }
    assertThat(GitFixture.files(repo)).isEqualTo(before);
    assertThat(GitFixture.status(repo)).isEqualTo(status);
  }

  @Test
  void aKeptWorktreeDeletedByHandIsCheckedOutAgainAndGitForgetsTheOldOne() throws Exception {
    Isolation iso = Isolation.forRepo(repo);
    Snapshot s = iso.snapshot(Map.of());
    Path first;
    try (WorktreePool run1 = new WorktreePool(iso, s, home, true)) {
      first = run1.acquire();
    }
    Trees.delete(first);
    try (WorktreePool run2 = new WorktreePool(iso, s, home, true)) {
      Path again = run2.acquire();
      assertThat(again).isEqualTo(first);
      assertIsSnapshot(iso, s, again, "uncommitted\n");
    }
    String list = git(repo, "worktree", "list", "--porcelain");
    assertThat(list.split(first.toString(), -1)).hasSize(2); // registered once
    assertThat(list).doesNotContain("prunable");
  }

  @Test
  void atMostKeepWorktreesAreKeptTheLeastRecentlyUsedGoFirst() throws Exception {
    Isolation iso = Isolation.forRepo(repo);
    Snapshot s = iso.snapshot(Map.of());
    List<WorktreePool> runs = new ArrayList<>();
    List<Path> held = new ArrayList<>();
    for (int i = 0; i <= KeptWorktrees.KEEP; i++) {
      WorktreePool run = new WorktreePool(iso, s, home, true);
      runs.add(run);
      held.add(run.acquire()); // all at once: each run gets its own
    }
    assertThat(held).doesNotHaveDuplicates().hasSize(KeptWorktrees.KEEP + 1);
    for (WorktreePool run : runs) {
      run.close();
      Thread.sleep(20); // distinct last-used times
    }
    KeptWorktrees kept = new KeptWorktrees(iso, home);
    List<Path> newestFirst = new ArrayList<>(held.subList(1, held.size()));
    java.util.Collections.reverse(newestFirst);
    assertThat(kept.list()).extracting(KeptWorktrees.Kept::path).containsExactlyElementsOf(newestFirst);
    assertThat(held.get(0)).doesNotExist();
    assertThat(git(repo, "worktree", "list", "--porcelain")).doesNotContain(held.get(0).toString());

    assertThat(kept.removeIdle()).hasSize(KeptWorktrees.KEEP);
    assertThat(kept.list()).isEmpty();
    assertThat(git(repo, "worktree", "list", "--porcelain")).doesNotContain(KeptWorktrees.LOCK_REASON);
    assertThat(read(repo, "node_modules/x/index.js")).isEqualTo("1\n");
  }

  @Test
  void theKeptWorktreesOfARepositoryThatIsGoneAreDeletedByTheNextCheckout() throws Exception {
    Path other = GitFixture.withCommit(tmp.resolve("other"), Map.of("o.txt", "o\n"));
    Isolation otherIso = Isolation.forRepo(other);
    Path orphan;
    try (WorktreePool run = new WorktreePool(otherIso, otherIso.snapshot(Map.of()), home, true)) {
      orphan = run.acquire();
    }
    Trees.delete(other);
    Isolation iso = Isolation.forRepo(repo);
    try (WorktreePool run = new WorktreePool(iso, iso.snapshot(Map.of()), home, true)) {
      run.acquire();
    }
    assertThat(orphan).doesNotExist();
  }

  @Test
  void aSubmoduleEditedByAnAttemptIsResetForTheNextOne() throws Exception {
    Path lib = GitFixture.withCommit(tmp.resolve("lib"), Map.of("lib.h", "int f(void);\n"));
    git(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", lib.toString(), "lib");
    git(repo, "commit", "-q", "-m", "add lib");
    Isolation iso = Isolation.forRepo(repo);
    Snapshot s = iso.snapshot(Map.of());
    try (WorktreePool pool = new WorktreePool(iso, s, home, true)) {
      Path wt = pool.acquire();
      assertThat(read(wt, "lib/lib.h")).isEqualTo("int f(void);\n");
      write(wt, "lib/lib.h", "broken\n");
      write(wt, "lib/extra.c", "x\n");
      pool.release(wt);
      Path again = pool.acquire();
      assertThat(read(again, "lib/lib.h")).isEqualTo("int f(void);\n");
      assertThat(again.resolve("lib/extra.c")).doesNotExist();
    }
    assertThat(read(repo, "lib/lib.h")).isEqualTo("int f(void);\n");
  }

  /** What an attempt may do to its worktree: edit, add, leave ignored output, delete. */
  private static void mess(Path wt) throws Exception {
    write(wt, "a.txt", "changed\n");
    write(wt, "new/file.txt", "new\n");
    write(wt, "debug.log", "ignored\n");
    Files.delete(wt.resolve("b.txt"));
  }

  private void assertIsSnapshot(Isolation iso, Snapshot s, Path wt, String b) throws Exception {
    assertThat(read(wt, "a.txt")).isEqualTo("a\n");
    assertThat(read(wt, "b.txt")).isEqualTo(b);
    assertThat(wt.resolve("new")).doesNotExist();
    assertThat(wt.resolve("debug.log")).doesNotExist();
    assertThat(read(wt, "node_modules/x/index.js")).isEqualTo("1\n");
    assertThat(git(wt, "rev-parse", "HEAD").strip()).isEqualTo(s.commit());
    assertThat(iso.capture(wt, s, tmp.resolve("p.patch")).empty()).isTrue();
  }
}
