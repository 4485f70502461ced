package dev.acr.git;

import static dev.acr.git.GitFixture.files;
import static dev.acr.git.GitFixture.git;
import static dev.acr.git.GitFixture.read;
import static dev.acr.git.GitFixture.status;
import static dev.acr.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitIsolationTest {

  @TempDir Path tmp;
  Path repo;
  Isolation iso;

  @BeforeEach
  void setUp() throws Exception {
    tmp = tmp.toRealPath(); // git reports real paths
    repo =
        GitFixture.withCommit(
            tmp.resolve("repo"),
            Map.of(
                "a.txt", "a1\na2\na3\na4\na5\n",
                "b.txt", "b\n",
                "c.txt", "c\n",
                "other.txt", "other\n",
                ".gitignore", "*.log\nbuild/\n"));
    iso = Isolation.forRepo(repo);
  }

  private Path wtPath(int n) {
    return tmp.resolve("runs/run-1/attempt-" + n + "/wt");
  }

  private List<String> treeFiles(String commit) throws Exception {
    return git(repo, "ls-tree", "-r", "--name-only", commit).lines().toList();
  }

  @Test
  void repoRootFindsTopLevelFromSubdirAndNothingOutsideGit() throws Exception {
    Files.createDirectories(repo.resolve("sub/dir"));
    assertThat(Isolation.repoRoot(repo.resolve("sub/dir"))).contains(repo);
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    assertThat(Isolation.repoRoot(plain)).isEmpty();
    assertThat(Isolation.repoRoot(tmp.resolve("missing"))).isEmpty();
  }

  @Test
  void snapshotHoldsStagedUnstagedUntrackedAndDeletionsButNotIgnored() throws Exception {
    write(repo, "a.txt", "staged\n");
    git(repo, "add", "a.txt");
    write(repo, "b.txt", "unstaged\n");
    Files.delete(repo.resolve("c.txt"));
    write(repo, "new/untracked.txt", "new\n");
    write(repo, "debug.log", "ignored\n");
    write(repo, "build/out.bin", "ignored\n");

    Snapshot s = iso.snapshot();

    String head = git(repo, "rev-parse", "HEAD").strip();
    assertThat(s.head()).isEqualTo(head);
    assertThat(git(repo, "rev-parse", s.commit() + "^").strip()).isEqualTo(head);
    assertThat(git(repo, "rev-parse", s.commit() + "^{tree}").strip()).isEqualTo(s.tree());
    assertThat(treeFiles(s.commit()))
        .containsExactlyInAnyOrder(".gitignore", "a.txt", "b.txt", "other.txt", "new/untracked.txt");
    assertThat(git(repo, "show", s.commit() + ":a.txt")).isEqualTo("staged\n");
    assertThat(git(repo, "show", s.commit() + ":b.txt")).isEqualTo("unstaged\n");
    // No branch moved: the snapshot is only reachable through its id.
    assertThat(git(repo, "rev-parse", "HEAD").strip()).isEqualTo(head);
  }

  @Test
  void snapshotLeavesUserIndexAndWorkTreeByteIdentical() throws Exception {
    write(repo, "a.txt", "staged\n");
    git(repo, "add", "a.txt");
    write(repo, "a.txt", "staged then edited\n");
    write(repo, "b.txt", "unstaged\n");
    Files.delete(repo.resolve("c.txt"));
    write(repo, "untracked.txt", "new\n");
    write(repo, "debug.log", "ignored\n");
    String statusBefore = status(repo);
    byte[] indexBefore = Files.readAllBytes(repo.resolve(".git/index"));
    Map<String, String> filesBefore = files(repo);

    Snapshot s = iso.snapshot();

    assertThat(Files.readAllBytes(repo.resolve(".git/index"))).isEqualTo(indexBefore);
    assertThat(files(repo)).isEqualTo(filesBefore);
    assertThat(status(repo)).isEqualTo(statusBefore);
    assertThat(git(repo, "show", s.commit() + ":a.txt")).isEqualTo("staged then edited\n");
    assertThat(git(repo, "diff", "--cached", "--name-only").strip()).isEqualTo("a.txt");
  }

  @Test
  void worktreeHasUsersUncommittedEditsAndIsLockedByThisProcess() throws Exception {
    write(repo, "a.txt", "uncommitted\n");
    write(repo, "untracked.txt", "new\n");
    Snapshot s = iso.snapshot();

    Path wt = iso.createWorktree(s, wtPath(1));
    try {
      assertThat(read(wt, "a.txt")).isEqualTo("uncommitted\n");
      assertThat(read(wt, "untracked.txt")).isEqualTo("new\n");
      assertThat(git(wt, "rev-parse", "HEAD").strip()).isEqualTo(s.commit());
      assertThat(git(wt, "status", "--porcelain")).isEmpty();
      String list = git(repo, "worktree", "list", "--porcelain");
      assertThat(list).contains("worktree " + wt).contains("locked acr pid " + ProcessHandle.current().pid());
    } finally {
      iso.removeWorktree(wt);
    }
  }

  @Test
  void captureHasNewModifiedDeletedAndBinaryFilesButNotIgnoredOnes() throws Exception {
    Snapshot s = iso.snapshot();
    Path wt = iso.createWorktree(s, wtPath(1));
    byte[] binary = {0, 1, 2, (byte) 0xff, 0, 'x', '\n', 0};
    try {
      write(wt, "a.txt", "a1\na2\nchanged\na4\na5\n");
      Files.delete(wt.resolve("b.txt"));
      write(wt, "src/new.txt", "brand new\n");
      write(wt, "img.bin", binary);
      write(wt, "build/output.class", "ignored\n");
      write(wt, "agent.log", "ignored\n");
      git(wt, "add", "src/new.txt"); // what the agent does to its index must not matter

      Diff d = iso.capture(wt, s, tmp.resolve("runs/run-1/attempt-1/patch.diff"));

      assertThat(d.empty()).isFalse();
      assertThat(d.changedFiles())
          .containsExactlyInAnyOrder("a.txt", "b.txt", "src/new.txt", "img.bin");
      String patch = Files.readString(d.patch());
      assertThat(patch).contains("GIT binary patch").contains("deleted file mode");
      assertThat(patch).doesNotContain("agent.log").doesNotContain("output.class");

      ApplyResult r = iso.applyToUser(d);
      assertThat(r.applied()).as(r.message()).isTrue();
      assertThat(read(repo, "a.txt")).isEqualTo("a1\na2\nchanged\na4\na5\n");
      assertThat(repo.resolve("b.txt")).doesNotExist();
      assertThat(read(repo, "src/new.txt")).isEqualTo("brand new\n");
      assertThat(Files.readAllBytes(repo.resolve("img.bin"))).isEqualTo(binary);
      assertThat(repo.resolve("agent.log")).doesNotExist();
    } finally {
      iso.removeWorktree(wt);
    }
  }

  @Test
  void captureOfUntouchedWorktreeIsEmptyAndStillWritesThePatchFile() throws Exception {
    write(repo, "a.txt", "user edit\n");
    Snapshot s = iso.snapshot();
    Path wt = iso.createWorktree(s, wtPath(1));
    try {
      Diff d = iso.capture(wt, s, tmp.resolve("p/empty.diff"));
      assertThat(d.empty()).isTrue();
      assertThat(d.changedFiles()).isEmpty();
      assertThat(d.patch()).exists().isEmptyFile();
      ApplyResult r = iso.applyToUser(d);
      assertThat(r.applied()).isTrue();
      assertThat(read(repo, "a.txt")).isEqualTo("user edit\n");
    } finally {
      iso.removeWorktree(wt);
    }
  }

  @Test
  void applyLandsOnlyTheAttemptsChangesAndKeepsOtherUncommittedWork() throws Exception {
    write(repo, "other.txt", "user's uncommitted edit\n");
    write(repo, "notes.txt", "user's untracked file\n");
    git(repo, "add", "notes.txt");
    String head = git(repo, "rev-parse", "HEAD").strip();
    String staged = git(repo, "diff", "--cached", "--name-status");
    Snapshot s = iso.snapshot();
    Path wt = iso.createWorktree(s, wtPath(1));
    try {
      write(wt, "a.txt", "a1\na2\nagent\na4\na5\n");
      Diff d = iso.capture(wt, s, tmp.resolve("patch.diff"));
      // The user keeps working while the attempt runs.
      write(repo, "other.txt", "user's later edit\n");

      ApplyResult r = iso.applyToUser(d);

      assertThat(r.applied()).as(r.message()).isTrue();
      assertThat(r.files()).containsExactly("a.txt");
      assertThat(read(repo, "a.txt")).isEqualTo("a1\na2\nagent\na4\na5\n");
      assertThat(read(repo, "other.txt")).isEqualTo("user's later edit\n");
      assertThat(read(repo, "notes.txt")).isEqualTo("user's untracked file\n");
      assertThat(git(repo, "rev-parse", "HEAD").strip()).isEqualTo(head);
      assertThat(git(repo, "diff", "--cached", "--name-status")).isEqualTo(staged);
    } finally {
      iso.removeWorktree(wt);
    }
  }

  @Test
  void applyGoesOnTopOfUncommittedEditsToTheSameFile() throws Exception {
    write(repo, "a.txt", "user\na2\na3\na4\na5\n");
    Snapshot s = iso.snapshot();
    Path wt = iso.createWorktree(s, wtPath(1));
    try {
      write(wt, "a.txt", "user\na2\na3\na4\nagent\n");
      Diff d = iso.capture(wt, s, tmp.resolve("patch.diff"));
      ApplyResult r = iso.applyToUser(d);
      assertThat(r.applied()).as(r.message()).isTrue();
      assertThat(read(repo, "a.txt")).isEqualTo("user\na2\na3\na4\nagent\n");
    } finally {
      iso.removeWorktree(wt);
    }
  }

  @Test
  void applyRefusesOnConflictAndTouchesNothing() throws Exception {
    Snapshot s = iso.snapshot();
    Path wt = iso.createWorktree(s, wtPath(1));
    try {
      write(wt, "a.txt", "a1\na2\nagent\na4\na5\n");
      write(wt, "b.txt", "agent b\n");
      write(wt, "fresh.txt", "agent new\n");
      Diff d = iso.capture(wt, s, tmp.resolve("keep/patch.diff"));
      write(repo, "a.txt", "a1\na2\nuser\na4\na5\n");
      String statusBefore = status(repo);
      byte[] indexBefore = Files.readAllBytes(repo.resolve(".git/index"));
      Map<String, String> filesBefore = files(repo);

      ApplyResult r = iso.applyToUser(d);

      assertThat(r.applied()).isFalse();
      assertThat(r.message())
          .contains(d.patch().toString())
          .contains("git apply " + d.patch())
          .contains("a.txt");
      // All or nothing: b.txt and fresh.txt would have applied, yet they were not touched.
      assertThat(files(repo)).isEqualTo(filesBefore);
      assertThat(Files.readAllBytes(repo.resolve(".git/index"))).isEqualTo(indexBefore);
      assertThat(status(repo)).isEqualTo(statusBefore);
      assertThat(d.patch()).exists();
    } finally {
      iso.removeWorktree(wt);
    }
  }

  @Test
  void removeWorktreeUnregistersAndDeletesItAndToleratesRepeats() throws Exception {
    Snapshot s = iso.snapshot();
    Path wt = iso.createWorktree(s, wtPath(1));
    write(wt, "a.txt", "dirty\n");
    write(wt, "untracked.txt", "x\n");
    write(wt, "build/ignored.class", "x\n");

    iso.removeWorktree(wt);

    assertThat(wt).doesNotExist();
    assertThat(git(repo, "worktree", "list", "--porcelain")).doesNotContain(wt.toString());
    assertThat(repo.resolve(".git/worktrees")).satisfiesAnyOf(
        p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    iso.removeWorktree(wt); // already gone: no error
  }

  @Test
  void removeWorktreeNeverDeletesTheUsersRepository() throws Exception {
    Map<String, String> before = files(repo);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> iso.removeWorktree(repo))
        .isInstanceOf(GitException.class);
    assertThat(files(repo)).isEqualTo(before);
    assertThat(repo.resolve(".git")).isDirectory();
  }

  @Test
  void repositoryWithoutCommitsStillSnapshotsCapturesAndApplies() throws Exception {
    Path fresh = GitFixture.init(tmp.resolve("fresh"));
    write(fresh, "hello.txt", "hello\n");
    write(fresh, "staged.txt", "staged\n");
    git(fresh, "add", "staged.txt");
    Isolation freshIso = Isolation.forRepo(fresh);

    Snapshot s = freshIso.snapshot();

    assertThat(s.head()).isNull();
    assertThat(git(fresh, "rev-list", "--parents", "-n", "1", s.commit()).strip())
        .isEqualTo(s.commit());
    assertThat(git(fresh, "ls-tree", "-r", "--name-only", s.commit()).lines())
        .containsExactlyInAnyOrder("hello.txt", "staged.txt");
    Path wt = freshIso.createWorktree(s, tmp.resolve("fresh-wt"));
    try {
      write(wt, "hello.txt", "hello, agent\n");
      Diff d = freshIso.capture(wt, s, tmp.resolve("fresh.diff"));
      assertThat(d.changedFiles()).containsExactly("hello.txt");
      assertThat(freshIso.applyToUser(d).applied()).isTrue();
      assertThat(read(fresh, "hello.txt")).isEqualTo("hello, agent\n");
      assertThat(git(fresh, "status", "--porcelain", "-uall"))
          .contains("A  staged.txt")
          .contains("?? hello.txt");
    } finally {
      freshIso.removeWorktree(wt);
    }
  }

  @Test
  void usersGitConfigAndHooksDoNotLeakIntoAttempts() throws Exception {
    git(repo, "config", "diff.noprefix", "true");
    git(repo, "config", "apply.whitespace", "error");
    git(repo, "config", "color.ui", "always");
    git(repo, "config", "commit.gpgsign", "true");
    write(repo, ".git/hooks/post-checkout", "#!/bin/sh\ntouch \"$PWD/hook-ran\"\n");
    repo.resolve(".git/hooks/post-checkout").toFile().setExecutable(true);
    Snapshot s = iso.snapshot();
    Path wt = iso.createWorktree(s, wtPath(1));
    try {
      assertThat(wt.resolve("hook-ran")).doesNotExist();
      write(wt, "a.txt", "a1\na2\ntrailing space   \na4\na5\n");
      Diff d = iso.capture(wt, s, tmp.resolve("patch.diff"));
      assertThat(Files.readString(d.patch())).contains("--- a/a.txt").doesNotContain("\u001b[");
      ApplyResult r = iso.applyToUser(d);
      assertThat(r.applied()).as(r.message()).isTrue();
      assertThat(read(repo, "a.txt")).contains("trailing space   \n");
    } finally {
      iso.removeWorktree(wt);
    }
  }

  @Test
  void forRepoRefusesOutsideGit() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Isolation.forRepo(plain))
        .isInstanceOf(GitException.class)
        .hasMessageContaining("not inside a git working tree");
  }

  @Test
  void aYarnPlugAndPlayInstallThatGitDoesNotIgnoreIsCopiedOrLeftOutNeverSnapshotted() throws Exception {
    write(repo, ".pnp.cjs", "const RAW_RUNTIME_STATE = '{\"packageLocation\": \"./.yarn/cache/x.zip/node_modules/x/\"}';\n");
    write(repo, ".yarn/install-state.gz", "state\n");
    write(repo, ".yarn/cache/x.zip/node_modules/x/index.js", "module.exports = 1;\n");
    write(repo, ".yarn/unplugged/y-npm-1.0.0/node_modules/y/index.js", "module.exports = 2;\n");
    Snapshot s = iso.snapshot();
    assertThat(treeFiles(s.commit())).noneMatch(f -> f.startsWith(".yarn/") || f.startsWith(".pnp"));
    Path wt = iso.createWorktree(s, wtPath(1));
    assertThat(read(wt, ".yarn/install-state.gz")).isEqualTo("state\n");
    assertThat(wt.resolve(".yarn/cache")).doesNotExist();
    assertThat(wt.resolve(".yarn/unplugged")).doesNotExist();
    String location = read(wt, ".pnp.cjs").replaceAll("(?s).*\"packageLocation\": \"([^\"]*)\".*", "$1");
    assertThat(read(wt.resolve(location), "index.js")).isEqualTo("module.exports = 1;\n");
    write(wt, "a.txt", "changed\n");
    assertThat(iso.capture(wt, s, tmp.resolve("p.patch")).changedFiles()).containsExactly("a.txt");
    iso.removeWorktree(wt);
    assertThat(read(repo, ".yarn/cache/x.zip/node_modules/x/index.js")).isEqualTo("module.exports = 1;\n");
  }

  @Test
  void ignoredDependenciesAreLinkedNeverPatchedAndSurviveRemoval() throws Exception {
    write(repo, ".gitignore", "*.log\nbuild/\nnode_modules/\n");
    git(repo, "commit", "-qam", "ignore node_modules");
    write(repo, "node_modules/left-pad/index.js", "module.exports = 1;\n");
    write(repo, "venv/pyvenv.cfg", "home = /usr/bin\n"); // not ignored: linked, never snapshotted
    Snapshot s = iso.snapshot();
    assertThat(treeFiles(s.commit())).noneMatch(f -> f.startsWith("venv/"));
    Path wt = iso.createWorktree(s, wtPath(1));
    // Without workspace links, node_modules is one link (see DependencyLinks).
    assertThat(Files.isSymbolicLink(wt.resolve("node_modules"))).isTrue();
    assertThat(read(wt, "node_modules/left-pad/index.js")).isEqualTo("module.exports = 1;\n");
    assertThat(Files.isSymbolicLink(wt.resolve("venv"))).isTrue();

    write(wt, "a.txt", "changed\n");
    Diff d = iso.capture(wt, s, tmp.resolve("p.patch"));
    assertThat(d.changedFiles()).containsExactly("a.txt");

    iso.removeWorktree(wt);
    assertThat(wt).doesNotExist();
    assertThat(read(repo, "node_modules/left-pad/index.js")).isEqualTo("module.exports = 1;\n");
  }
}
