package dev.acr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code acr --dry-run}: explains the decision, executes nothing, writes nothing. */
class CliDryRunTest {
  @TempDir Path tmp;
  CliHarness h;
  String statusBefore;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(tmp).withRepo();
    statusBefore = h.status();
  }

  private void assertNothingWritten() throws Exception {
    assertThat(h.memory()).doesNotExist();
    assertThat(h.acrHome.resolve("runs")).doesNotExist();
    assertThat(h.acrHomeContents()).isEmpty();
    assertThat(h.status()).isEqualTo(statusBefore);
    assertThat(h.read("value.txt")).as("no agent ran").isEqualTo("broken\n");
    assertThat(h.git("worktree", "list").lines()).hasSize(1);
  }

  @Test
  void explainsDimensionChainFirstArgvAndVerify() throws Exception {
    CliHarness.Run r = h.acr("--dry-run", "--chain", "fixer,breaker", "--verify", "sh check.sh", "fix the NPE in parser");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).as(r.toString()).isEmpty();
    assertThat(r.out()).containsPattern("(?m)^dimension\\s+bug_fixing \\(confidence \\d\\.\\d\\d\\)$");
    assertThat(r.out()).containsPattern("(?m)^repo\\s+" + java.util.regex.Pattern.quote(h.repo.toRealPath().toString()) + " \\(git, branch main, clean\\)");
    assertThat(r.out()).containsPattern("(?m)^verify\\s+sh check\\.sh\\s+\\(--verify\\)$");
    assertThat(r.out()).containsPattern("(?m)^config\\s+" + java.util.regex.Pattern.quote(h.config.toString()) + "$");
    assertThat(r.out()).containsPattern("(?m)^chain\\s+--chain$");
    assertThat(r.out()).containsPattern("(?m)^  1\\. fixer\\b").containsPattern("(?m)^  2\\. breaker\\b");
    assertThat(r.out()).doesNotContain("[not installed]");
    assertThat(r.out()).contains("first run  $ " + h.agents.resolve("fixer") + " 'fix the NPE in parser'\n");
    assertThat(r.out()).endsWith("dry run: nothing was executed or written\n");
    assertNothingWritten();
  }

  @Test
  void verifyFromRepoConfigIsShownWithItsSource() throws Exception {
    Files.createDirectories(h.repo.resolve(".acr"));
    Files.writeString(h.repo.resolve(".acr/config.json"), "{\"verify\": \"sh check.sh\"}\n");
    h.git("add", "-A");
    h.git("commit", "-q", "-m", "acr config");
    statusBefore = h.status();
    CliHarness.Run r = h.acr("--dry-run", "--chain", "fixer", "fix the NPE in parser");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).containsPattern("(?m)^verify\\s+sh check\\.sh\\s+\\(\\.acr/config\\.json\\)$");
    assertNothingWritten();
  }

  /** How long the project's tests may take is the project's to say; --verify-timeout wins; a bad value stops. */
  @Test
  void theVerifyTimeoutComesFromTheOptionElseTheRepoConfig() throws Exception {
    Files.createDirectories(h.repo.resolve(".acr"));
    Files.writeString(h.repo.resolve(".acr/config.json"), "{\"verify\": \"sh check.sh\", \"verify_timeout\": \"45m\"}\n");
    CliHarness.Run r = h.acr("--dry-run", "--chain", "fixer", "fix the NPE in parser");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("each run of it may take 45m (\"verify_timeout\" in .acr/config.json)\n");
    r = h.acr("--dry-run", "--chain", "fixer", "--verify-timeout", "90s", "fix the NPE in parser");
    assertThat(r.out()).contains("each run of it may take 1m30s (--verify-timeout)\n");
    Files.writeString(h.repo.resolve(".acr/config.json"), "{\"verify\": \"sh check.sh\", \"verify_timeout\": \"soon\"}\n");
    r = h.acr("--dry-run", "--chain", "fixer", "fix the NPE in parser");
    assertThat(r.exit()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains(".acr/config.json: \"verify_timeout\" must be a duration such as \"45m\"")
        .contains("got \"soon\"");
    r = h.acr("--dry-run", "--chain", "fixer", "--verify-timeout", "later", "fix the NPE in parser");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("'later' is not a duration");
  }

  /** The project's file is read once; a misspelt key is told, a "race" that is not true/false stops. */
  @Test
  void theRepoConfigTellsKeysItDoesNotReadAndStopsOnABadRace() throws Exception {
    Files.createDirectories(h.repo.resolve(".acr"));
    Files.writeString(h.repo.resolve(".acr/config.json"), "{\"verify\": \"sh check.sh\", \"verify_timout\": \"45m\"}\n");
    CliHarness.Run r = h.acr("--dry-run", "--chain", "fixer", "fix the NPE in parser");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).contains("acr: " + h.repo.resolve(".acr/config.json").toRealPath() + ": acr does not read \"verify_timout\"");
    assertThat(r.out()).contains("each run of it may take 30m (default)\n");
    Files.writeString(h.repo.resolve(".acr/config.json"), "{\"verify\": \"sh check.sh\", \"race\": 2}\n");
    r = h.acr("--dry-run", "--chain", "fixer", "--race", "2", "fix the NPE in parser");
    assertThat(r.exit()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains(".acr/config.json: \"race\" must be true or false").contains("got 2");
    assertThat(h.memory()).doesNotExist();
  }

  @Test
  void policyChainWithoutChainOption() throws Exception {
    CliHarness.Run r = h.acr("--dry-run", "--seed", "7", "--verify", "sh check.sh", "fix the NPE in parser");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).containsPattern("(?m)^chain\\s+policy \\(memory: 0 records\\)$");
    assertThat(r.out()).containsPattern("(?m)^  1\\. (fixer|breaker)\\b");
    assertThat(r.out()).contains("first run  $ ");
    assertNothingWritten();
  }

  @Test
  void aUsersToolWithoutModelsShowsThatItHasNoPriceAndWhereItsEstimateComesFrom() throws Exception {
    h.writeConfig(List.of(
        CliHarness.tool("fixer", h.agents.resolve("fixer").toString(), null),
        "{\"name\": \"priced\", \"enabled\": true, \"command\": [\"" + h.agents.resolve("breaker") + "\"],"
            + " \"prompt_mode\": \"append_arg\", \"models\": [{\"name\": \"m\", \"arg\": \"m\","
            + " \"input_per_1m\": 1.0, \"output_per_1m\": 10.0}]}"));
    CliHarness.Run policy = h.acr("--dry-run", "--seed", "7", "--verify", "sh check.sh", "fix the NPE in parser");
    assertThat(policy.exit()).as(policy.toString()).isZero();
    assertThat(policy.out()).containsPattern(
        "(?m)^  \\d\\. fixer +success ~50%  cost unknown  \\(no price: skill prior at the median, cost counted as \\$0\\)$");
    assertThat(policy.out()).containsPattern("(?m)^  \\d\\. priced:m +success ~\\d+%  cost ~\\$0\\.150  \\(prior: price\\)$");
    CliHarness.Run chain = h.acr("--dry-run", "--chain", "fixer,priced", "--verify", "sh check.sh", "fix the NPE in parser");
    assertThat(chain.exit()).as(chain.toString()).isZero();
    assertThat(chain.out()).containsPattern("(?m)^  1\\. fixer +no estimate: tried in the order of --chain; no price$")
        .containsPattern("(?m)^  2\\. priced:m +no estimate: tried in the order of --chain; ~\\$0\\.150 an attempt by its price$");
    assertNothingWritten();
  }

  @Test
  void jsonIsOneDocumentWithDryRunAndRoutes() throws Exception {
    CliHarness.Run r = h.acr("--dry-run", "--json", "--chain", "fixer,breaker", "--verify", "sh check.sh",
        "fix the NPE in parser");
    assertThat(r.exit()).as(r.toString()).isZero();
    JsonNode n = r.json();
    assertThat(n.get("dry_run").asBoolean()).isTrue();
    assertThat(n.get("dimension").asText()).isEqualTo("bug_fixing");
    assertThat(n.get("verify").asText()).isEqualTo("sh check.sh");
    assertThat(n.get("verify_source").asText()).isEqualTo("--verify");
    assertThat(n.get("verify_timeout").get("seconds").asLong()).isEqualTo(1800);
    assertThat(n.get("verify_timeout").get("source").asText()).isEqualTo("default");
    assertThat(n.get("chain_source").asText()).isEqualTo("--chain");
    assertThat(n.get("chain")).hasSize(2);
    assertThat(n.get("chain").get(0).get("route").asText()).isEqualTo("fixer");
    assertThat(n.get("chain").get(0).get("installed").asBoolean()).isTrue();
    assertThat(n.get("chain").get(1).get("route").asText()).isEqualTo("breaker");
    assertThat(n.get("first_argv").asText()).isEqualTo(h.agents.resolve("fixer") + " 'fix the NPE in parser'");
    // Nothing after the document: stdout is exactly one JSON value.
    assertThat(CliHarness.JSON.getFactory().createParser(r.out()).readValueAsTree().toString()).isEqualTo(n.toString());
    assertThat(r.out().strip()).endsWith("}");
    assertNothingWritten();
  }

  @Test
  void promptWordsAreJoinedWithSingleSpaces() throws Exception {
    CliHarness.Run r = h.acr("--dry-run", "--json", "--chain", "fixer", "fix", "the", "NPE", "in", "parser");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.json().get("first_argv").asText()).isEqualTo(h.agents.resolve("fixer") + " 'fix the NPE in parser'");
    assertThat(r.json().get("dimension").asText()).isEqualTo("bug_fixing");
  }

  @Test
  void missingBinarySaysNotInstalledWithTheConfiguredHint() throws Exception {
    h.writeConfig(List.of(CliHarness.tool("ghost", "acr-test-ghost-agent-does-not-exist", "brew install ghost-agent")));
    CliHarness.Run r = h.acr("--dry-run", "--verify", "sh check.sh", "fix the NPE in parser");
    assertThat(r.exit()).as(r.toString()).isZero();
    // The dry run plans what the run would: nothing, and says why and what to do.
    assertThat(r.out()).contains("  skipping ghost:*: not installed — install it with: brew install ghost-agent\n")
        .contains("  (nothing can run here: the run would stop with exit 3)")
        .doesNotContain("first run  $");
    assertNothingWritten();
  }

  @Test
  void missingBinaryInJsonIsNotInstalled() throws Exception {
    h.writeConfig(List.of(CliHarness.tool("ghost", h.agents.resolve("ghost").toString(), "get ghost")));
    CliHarness.Run r = h.acr("--dry-run", "--json", "fix the NPE in parser");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.json().get("chain")).isEmpty();
    JsonNode skipped = r.json().get("unavailable").get(0);
    assertThat(skipped.get("tool").asText()).isEqualTo("ghost");
    assertThat(skipped.get("reason").asText()).isEqualTo("not installed");
    assertNothingWritten();
  }

  @Test
  void dirtyRepoIsDescribedAndLeftAsItWas() throws Exception {
    Files.writeString(h.repo.resolve("value.txt"), "my edit\n");
    Files.writeString(h.repo.resolve("scratch.txt"), "untracked\n");
    // An unignored .venv (pypa/sampleproject ignores venv/, not .venv): installed, not the user's work.
    for (int i = 0; i < 20; i++) {
      Path f = h.repo.resolve(".venv/lib/python3.11/site-packages/pkg/m" + i + ".py");
      Files.createDirectories(f.getParent());
      Files.writeString(f, "\n");
    }
    statusBefore = h.status();
    CliHarness.Run r = h.acr("--dry-run", "--chain", "fixer", "--verify", "sh check.sh", "fix the NPE in parser");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("2 uncommitted change(s)");
    assertThat(h.read("value.txt")).isEqualTo("my edit\n");
    assertThat(h.status()).isEqualTo(statusBefore);
    assertThat(h.acrHomeContents()).isEmpty();
  }

  @Test
  void aPrefixSwitcherNotOnPathIsNamedAsTheMissingProgramNotTheTool() throws Exception {
    h.writeConfig(List.of("{\"name\": \"wrapped\", \"enabled\": true, \"command\": [\"" + h.agents.resolve("fixer")
        + "\"], \"command_prefix_env\": \"ACROUTER_WRAPPED_PREFIX\", \"install\": \"npm install -g wrapped\"}"));
    h.extraEnv.put("ACROUTER_WRAPPED_PREFIX", "acr-test-ccswitch run --profile work --");
    CliHarness.Run r = h.acr("--dry-run", "--verify", "sh check.sh", "fix the NPE in parser");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("  skipping wrapped:*: not installed — 'acr-test-ccswitch' (the prefix in $ACROUTER_WRAPPED_PREFIX"
        + " for wrapped) is not on PATH: install it, or unset ACROUTER_WRAPPED_PREFIX to run wrapped without it\n");
    assertThat(r.out()).doesNotContain("npm install -g wrapped");
    assertNothingWritten();
  }

  @Test
  void aDryRunSaysWhenItWroteMemorysStatisticsSnapshotAndOnlyThen() throws Exception {
    CliHarness.Run real = h.acr("--chain", "fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(real.exit()).as(real.toString()).isZero();
    CliHarness.Run first = h.acr("--dry-run", "--verify", "sh check.sh", "fix the NPE in parser");
    assertThat(first.exit()).as(first.toString()).isZero();
    assertThat(first.err()).contains("acr: memory: built its statistics snapshot ");
    assertThat(first.out()).endsWith("dry run: nothing was executed; only memory's statistics snapshot was written\n");
    CliHarness.Run second = h.acr("--dry-run", "--verify", "sh check.sh", "fix the NPE in parser");
    assertThat(second.err()).doesNotContain("statistics snapshot");
    assertThat(second.out()).endsWith("dry run: nothing was executed or written\n");
    // After another run the snapshot is only extended with its records: the closing line says so, no warning.
    h.git("checkout", "-q", "value.txt");
    assertThat(h.acr("--chain", "fixer", "--verify", "sh check.sh", "fix value.txt").exit()).isZero();
    CliHarness.Run third = h.acr("--dry-run", "--verify", "sh check.sh", "fix the NPE in parser");
    assertThat(third.err()).doesNotContain("statistics snapshot");
    assertThat(third.out()).endsWith("dry run: nothing was executed; only memory's statistics snapshot was written\n");
    // Memory rewritten (compacted, imported, edited by hand): read whole again, and that is said.
    java.nio.file.Files.writeString(h.memory(), java.nio.file.Files.readString(h.memory()).replace("\"fixer\"", "\"fixer\" "));
    CliHarness.Run rebuilt = h.acr("--dry-run", "--verify", "sh check.sh", "fix the NPE in parser");
    assertThat(rebuilt.err()).contains("acr: memory: built its statistics snapshot ");
  }

  @Test
  void saysWhereTheAgentAndTestsRunAndWhatTheRunChecksFirst() throws Exception {
    CliHarness.Run r = h.acr("--dry-run", "--chain", "fixer", "--verify", "sh check.sh", "fix the failing parser test");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("package    no package manifest found; the agent and the tests run at the repository root\n")
        .contains("baseline   not run in a dry run: a run first runs the test command above on your files as they are,"
            + " and stops if it cannot run at all; each run of it may take 30m (default)\n")
        .contains("the prompt asks to fix a failing test: the run will check that a test fails, and say so plainly if the"
            + " tests already pass")
        .contains("  repo config: none (.acr/config.json is looked up from ");
    // A bug without a test named: what a passing baseline will mean, not a failing test that may not exist.
    CliHarness.Run bug = h.acr("--dry-run", "--chain", "fixer", "--verify", "sh check.sh", "fix the NPE in the parser");
    assertThat(bug.out()).contains("  the prompt asks to fix a bug: the run will check whether a test shows it, and say so plainly if"
        + " the tests already pass\n").doesNotContain("asks to fix a failing test");
    CliHarness.Run q = h.acr("--dry-run", "--chain", "fixer", "--verify", "sh check.sh", "explain how the parser works");
    assertThat(q.out()).contains("baseline   none: a question needs no change");
    assertNothingWritten();
  }
  /** sveltejs/svelte with no pnpm: the dry run says the baseline would stop, where it used to preview a run. */
  @Test
  void saysWhenTheTestCommandsProgramIsNotInstalled() throws Exception {
    CliHarness.Run r = h.acr("--dry-run", "--chain", "fixer", "--verify", "ghost-runner-xyz test", "fix the failing parser test");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("\n  ghost-runner-xyz: not found: the run would stop there, before any agent; install ghost-runner-xyz"
        + " or name another test command\n");
    CliHarness.Run ok = h.acr("--dry-run", "--chain", "fixer", "--verify", "sh check.sh", "fix the failing parser test");
    assertThat(ok.out()).doesNotContain("not found");
    assertNothingWritten();
  }

  /** redis/ioredis with no Redis up: the dry run says so, where a run would learn it only after its baseline. */
  @Test
  void saysWhenTheServicesTheTestsNeedAreNotRunning() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    Files.createDirectories(h.repo.resolve("test"));
    Files.writeString(h.repo.resolve("test/docker-compose.yml"), "services:\n  single:\n    ports:\n      - " + closed + ":6379\n");
    h.git("add", "-A");
    h.git("commit", "-q", "-m", "test services");
    statusBefore = h.status();
    CliHarness.Run r = h.acr("--dry-run", "--chain", "fixer", "--verify", "sh check.sh", "fix the failing parser test");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("\n  the tests' services in test/docker-compose.yml are not running (nothing listens on localhost:"
        + closed + "): if the tests fail to reach them, the run stops there; start them (docker compose -f test/docker-compose.yml up -d --wait)");
    assertNothingWritten();
  }
}
