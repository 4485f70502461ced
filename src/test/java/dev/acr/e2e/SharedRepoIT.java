package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged launcher with agents whose git commands in their worktree reach what every worktree shares with the
 * user's repository: a branch and a commit, a stash entry, a tag, the config; one that pops the user's stash entry.
 * Before, after the run the user's `git branch` listed the agent's branch (on acr's snapshot commit) and their
 * `git stash list` had the agent's half-done change on top, for their next `git stash pop`.
 */
class SharedRepoIT extends StandInTrials {

  @Test
  void anAgentsBranchesStashAndConfigAreTakenBackAndTheUsersStashKept() throws Exception {
    write(".gitignore", "__pycache__/\n");
    write("calc.py", "def add(a, b):\n    return a + b\n");
    write("test_calc.py", "import unittest\n\nfrom calc import add\n\n\nclass AddTest(unittest.TestCase):\n"
        + "    def test_adds(self):\n        self.assertEqual(add(2, 3), 5)\n");
    commitThenBreak("calc.py", "a + b", "a - b", "a * b");
    write("stashed.txt", "my stashed work\n");
    fx.git("add", "stashed.txt");
    fx.git("stash", "push", "-q", "-m", "my stashed work", "--", "stashed.txt");
    String config = fx.read(".git/config");
    breakerRuns("git stash pop -q && rm stashed.txt && git reset -q\n"
        + "sed -i 's/a - b/a * b/' calc.py && git stash -q\n"
        + "git checkout -q -b agent/fix && sed -i 's/a - b/a * b/' calc.py && git commit -q -am 'agent' && git tag agent-1\n"
        + "git config user.email agent@example.com");

    Fixtures.Run r = acr("--chain", "sed-breaker,sed-fixer", "fix the failing test");

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.err()).contains("attempt 1 sed-breaker: from its worktree it made branch agent/fix, made tag agent-1,"
        + " added 1 stash entry, took 1 of your stash entries, changed .git/config in your repository; acr put it back"
        + " as it was");
    assertThat(fx.git("branch", "--format=%(refname:short)")).isEqualTo("main\n");
    assertThat(fx.git("tag")).isEmpty();
    assertThat(fx.git("stash", "list", "--format=%gs")).isEqualTo("On main: my stashed work\n");
    assertThat(fx.read(".git/config")).isEqualTo(config);
    assertThat(fx.read("calc.py")).contains("a + b");
    assertThat(fx.git("status", "--porcelain")).isEqualTo("?? NOTES.md\n");
  }

  /**
   * Two runs in one repository, the second begun while the first's agent had made a branch and set user.email. Before, the
   * second read both as the user's and put them back after the first had taken them back: the user was left with the
   * agent's branch and e-mail address, and the second run said its own agent had deleted the branch and changed the config.
   */
  @Test
  void aRunBegunWhileAnotherRunsAgentChangedTheRepositoryDoesNotPutThatBack() throws Exception {
    write(".gitignore", "__pycache__/\n");
    write("calc.py", "def add(a, b):\n    return a + b\n");
    write("test_calc.py", "import unittest\n\nfrom calc import add\n\n\nclass AddTest(unittest.TestCase):\n"
        + "    def test_adds(self):\n        self.assertEqual(add(2, 3), 5)\n");
    commitThenBreak("calc.py", "a + b", "a - b", "a * b");
    String config = fx.read(".git/config");
    breakerRuns("git checkout -q -b agent-b && git commit -q --allow-empty -m agent && git config user.email agent@example.com\n"
        + "touch \"$ACR_TEST_PIDS/branched\"\nwhile [ ! -e \"$ACR_TEST_PIDS/second-began\" ]; do sleep 0.1; done\n"
        + "sed -i 's/a - b/a + b/' calc.py");
    // The second run's agent begins while the first run's changes are there, and ends after the first run.
    Fixtures.script(fx.agents.resolve("sed-fixer"), "touch \"$ACR_TEST_PIDS/second-began\"\n"
        + "while [ ! -e \"$ACR_TEST_PIDS/first-done\" ]; do sleep 0.1; done\nsed -i 's/a - b/a + b/' calc.py\n");

    Process first = fx.startPlain(List.of("--config", tools.toString(), "--chain", "sed-breaker", "fix the failing test"), "-1");
    Fixtures.awaitPidFile(fx.root.resolve("pids/branched"));
    Process second = fx.startPlain(List.of("--config", tools.toString(), "--chain", "sed-fixer", "fix the failing test"), "-2");
    assertThat(first.waitFor(120, TimeUnit.SECONDS)).as("the first run finished").isTrue();
    Files.writeString(fx.root.resolve("pids/first-done"), "");
    assertThat(second.waitFor(120, TimeUnit.SECONDS)).as("the second run finished").isTrue();
    Fixtures.Run r1 = fx.collect(first, "-1");
    Fixtures.Run r2 = fx.collect(second, "-2");

    assertThat(r1.exit()).as(r1.out() + r1.err()).isZero();
    assertThat(fx.git("branch", "--format=%(refname:short)")).isEqualTo("main\n");
    assertThat(fx.read(".git/config")).isEqualTo(config);
    assertThat(r1.err()).contains("attempt 1 sed-breaker: from its worktree it made branch agent-b in your repository");
    assertThat(r2.err()).as("nothing of its agent's").doesNotContain("agent-b").doesNotContain("from its worktree");
    assertThat(fx.repo.resolve(".git/acr/baseline.json")).as("gone with the last run").doesNotExist();
  }
}
