package dev.acr.git;

import static dev.acr.git.GitFixture.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two acr runs whose attempts overlap in one repository, as two runs in /tmp/conc did (docs/worktrees.md): run B's agent
 * makes a branch and sets user.email; run A begins meanwhile. Before, A read both as the user's and put them back after B
 * had taken them back, saying its own agent had changed them.
 */
class SharedBaselineTest {
  @TempDir Path tmp;
  Path repo;
  String config;

  @BeforeEach
  void repository() throws Exception {
    repo = GitFixture.withCommit(tmp.resolve("repo"), Map.of("a.txt", "a\n"));
    config = Files.readString(repo.resolve(".git/config"));
  }

  /** A run's snapshot commit and its attempt's worktree on it. */
  private record Run(String snapshot, Path wt) {}

  private Run run(String name) throws Exception {
    String tree = git(repo, "write-tree").strip();
    String snapshot = git(repo, "commit-tree", tree, "-p", "HEAD", "-m", "acr snapshot " + name).strip();
    Path wt = tmp.resolve(name);
    git(repo, "worktree", "add", "-q", "--detach", wt.toString(), snapshot);
    return new Run(snapshot, wt);
  }

  private void agentMakesABranchAndSetsItsEmail(Run r) throws Exception {
    git(r.wt(), "checkout", "-q", "-b", "agent-b");
    git(r.wt(), "commit", "-q", "--allow-empty", "-m", "agent's work");
    git(r.wt(), "config", "user.email", "agent@example.com");
  }

  @Test
  void aRunThatBeganLaterDoesNotPutBackWhatAnotherRunsAgentMade() throws Exception {
    Run b = run("b");
    RepoRefs refsB = RepoRefs.read(repo, b.snapshot());
    agentMakesABranchAndSetsItsEmail(b);
    RepoRefs refsA = RepoRefs.read(repo, run("a").snapshot());

    RepoRefs.Restored byB = refsB.restore();
    assertThat(byB.undone()).containsExactly("made branch agent-b");
    assertThat(byB.meanwhile()).as("A's attempts still run: whose agent changed it is not known")
        .containsExactly("changed .git/config");
    RepoRefs.Restored byA = refsA.restore();

    assertThat(byA.none()).as("nothing of A's agent's; before: 'deleted branch agent-b', 'changed .git/config'").isTrue();
    assertThat(git(repo, "branch", "--list")).isEqualTo("* main\n");
    assertThat(Files.readString(repo.resolve(".git/config"))).isEqualTo(config);
    assertThat(repo.resolve(".git/acr/baseline.json")).as("gone with the last run").doesNotExist();
  }

  @Test
  void aRunThatEndsFirstLeavesAnotherRunsBranchToIt() throws Exception {
    Run b = run("b");
    RepoRefs refsB = RepoRefs.read(repo, b.snapshot());
    RepoRefs refsA = RepoRefs.read(repo, run("a").snapshot());
    agentMakesABranchAndSetsItsEmail(b);

    RepoRefs.Restored byA = refsA.restore();
    assertThat(byA.undone()).isEmpty();
    assertThat(byA.meanwhile()).containsExactly("changed .git/config");
    assertThat(git(repo, "branch", "--list")).as("B's, for B to take back").contains("agent-b");

    RepoRefs.Restored byB = refsB.restore();
    assertThat(byB.undone()).containsExactly("made branch agent-b");
    assertThat(byB.meanwhile()).isEmpty();
    assertThat(git(repo, "branch", "--list")).isEqualTo("* main\n");
    assertThat(Files.readString(repo.resolve(".git/config"))).isEqualTo(config);
  }

  @Test
  void aRunWhoseProcessDiedNoLongerCounts() throws Exception {
    Run b = run("b");
    git(repo, "branch", "left-by-a-crash");
    // A baseline of a run whose process is gone, from before that branch: not the baseline of the runs to come.
    Path file = repo.resolve(".git/acr/baseline.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"holders\":[{\"who\":\"acr pid 2147483646 started 2026-12-07T00:00:00Z #x\",\"snapshot\":\""
        + b.snapshot() + "\"}],\"refs\":{},\"stash\":[],\"config\":null}");
    RepoRefs refs = RepoRefs.read(repo, b.snapshot());
    assertThat(refs.restore().none()).as("the branch is the user's now, not something to take back").isTrue();
    assertThat(git(repo, "branch", "--list")).contains("left-by-a-crash");
    assertThat(file).doesNotExist();
  }

  @Test
  void aDamagedFileIsReadAfresh() throws Exception {
    Run b = run("b");
    Path file = repo.resolve(".git/acr/baseline.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{not json");
    RepoRefs refs = RepoRefs.read(repo, b.snapshot());
    git(b.wt(), "config", "user.email", "agent@example.com");
    assertThat(refs.restore().undone()).isEqualTo(List.of("changed .git/config"));
    assertThat(Files.readString(repo.resolve(".git/config"))).isEqualTo(config);
  }
}
