package dev.acr.git;

import static dev.acr.git.GitFixture.git;
import static dev.acr.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agent's git commands in its worktree, and what the user does meanwhile in their own tree. */
class RepoRefsTest {
  @TempDir Path tmp;
  Path repo;
  Path wt;
  String snapshot;

  /** The user's repository with a stash entry of theirs, and an attempt's worktree on a snapshot commit (no branch). */
  @BeforeEach
  void repository() throws Exception {
    repo = GitFixture.withCommit(tmp.resolve("repo"), Map.of("a.txt", "a\n"));
    write(repo, "a.txt", "my work\n");
    git(repo, "stash", "push", "-q", "-m", "my precious work");
    String tree = git(repo, "write-tree").strip();
    snapshot = git(repo, "commit-tree", tree, "-p", "HEAD", "-m", "acr snapshot").strip();
    wt = tmp.resolve("wt");
    git(repo, "worktree", "add", "-q", "--detach", wt.toString(), snapshot);
  }

  @Test
  void whatAnAgentMadeFromItsWorktreeIsTakenBack() throws Exception {
    String config = Files.readString(repo.resolve(".git/config"));
    RepoRefs before = RepoRefs.read(repo, snapshot);
    // The agent: a branch with its commit, a tag, a stash entry of its change, its identity.
    git(wt, "checkout", "-q", "-b", "agent/fix");
    write(wt, "a.txt", "fixed\n");
    git(wt, "commit", "-q", "-am", "fix");
    git(wt, "tag", "agent-tag");
    write(wt, "a.txt", "half done\n");
    git(wt, "stash", "-q");
    git(wt, "config", "user.email", "agent@example.com");

    RepoRefs.Restored r = before.restore();

    assertThat(r.undone()).containsExactly("made branch agent/fix", "made tag agent-tag", "added 1 stash entry",
        "changed .git/config");
    assertThat(r.reported()).isEmpty();
    assertThat(git(repo, "branch", "--list")).isEqualTo("* main\n");
    assertThat(git(repo, "tag")).isEmpty();
    assertThat(git(repo, "stash", "list", "--format=%gs")).isEqualTo("On main: my precious work\n");
    assertThat(Files.readString(repo.resolve(".git/config"))).isEqualTo(config);
    assertThat(RepoRefs.read(repo, snapshot).restore().none()).as("as it was").isTrue();
  }

  @Test
  void aStashEntryTheAgentPoppedIsStoredAgainInItsPlace() throws Exception {
    write(repo, "a.txt", "newer work\n");
    git(repo, "stash", "push", "-q", "-m", "newer work");
    String list = git(repo, "stash", "list", "--format=%H %gs");
    RepoRefs before = RepoRefs.read(repo, snapshot);
    git(wt, "stash", "pop", "-q"); // the user's "newer work", applied in the worktree
    write(wt, "a.txt", "agent's\n");
    git(wt, "stash", "-q");

    RepoRefs.Restored r = before.restore();

    assertThat(r.undone()).containsExactly("added 1 stash entry", "took 1 of your stash entries");
    assertThat(git(repo, "stash", "list", "--format=%H %gs")).isEqualTo(list);
  }

  @Test
  void aDeeperEntryTheAgentDroppedComesBackOnTop() throws Exception {
    write(repo, "a.txt", "newer work\n");
    git(repo, "stash", "push", "-q", "-m", "newer work");
    RepoRefs before = RepoRefs.read(repo, snapshot);
    git(wt, "stash", "drop", "-q", "stash@{1}"); // the user's "my precious work"

    RepoRefs.Restored r = before.restore();

    assertThat(r.undone()).containsExactly("took 1 of your stash entries");
    assertThat(git(repo, "stash", "list", "--format=%gs")).isEqualTo("On main: my precious work\nOn main: newer work\n");
  }

  @Test
  void whatTheUserDoesMeanwhileIsLeftAloneAndAFetchIsOnlyReported() throws Exception {
    RepoRefs before = RepoRefs.read(repo, snapshot);
    git(repo, "branch", "mine");
    write(repo, "a.txt", "stashed meanwhile\n");
    git(repo, "stash", "push", "-q", "-m", "meanwhile");
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD");
    write(wt, "a.txt", "agent's\n");
    git(wt, "stash", "-q");

    RepoRefs.Restored r = before.restore();

    assertThat(r.undone()).containsExactly("added 1 stash entry");
    assertThat(r.reported()).containsExactly("made origin/main (a fetch or a push)");
    assertThat(git(repo, "branch", "--list")).isEqualTo("* main\n  mine\n");
    assertThat(git(repo, "stash", "list", "--format=%gs")).isEqualTo("On main: meanwhile\nOn main: my precious work\n");
  }
}
