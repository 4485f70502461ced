package dev.acr.cli;

import static dev.acr.cli.CliHarness.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage, config and input errors: exit 2, one {@code acr: } line on stderr (plus picocli's
 * "see --help" hint for parse errors), and nothing written, dry run or not.
 */
class CliBadInputTest {
  @TempDir Path tmp;
  CliHarness h;
  String statusBefore;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(tmp).withRepo();
    statusBefore = h.status();
  }

  private void assertNothingWritten() throws Exception {
    assertThat(h.acrHomeContents()).isEmpty();
    assertThat(h.status()).isEqualTo(statusBefore);
    assertThat(h.read("value.txt")).isEqualTo("broken\n");
    assertThat(h.git("worktree", "list").lines()).hasSize(1);
  }

  /** Checks the contract for a real run (no --dry-run): the error must come before anything runs. */
  private CliHarness.Run live(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "--verify";
    all[1] = "sh check.sh";
    System.arraycopy(args, 0, all, 2, args.length);
    all[args.length + 2] = "fix value.txt";
    return h.acr(all);
  }

  @Test
  void configWithJsonSyntaxErrorNamesFileLineColumn() throws Exception {
    Files.writeString(h.config, "{\"tools\": [\n  {\"name\": \"fixer\",, \"command\": [\"x\"]}\n]}\n");
    CliHarness.Run r = live();
    assertUsageError(r, h.config + ":2:");
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0)).matches("acr: " + java.util.regex.Pattern.quote(h.config.toString()) + ":2:\\d+: .*JSON syntax error.*");
    assertNothingWritten();
  }

  @Test
  void configSchemaErrorNamesFileLineColumn() throws Exception {
    Files.writeString(h.config, "{\"tools\": [\n  {\"name\": \"fixer\", \"command\": \"fixer\"}\n]}\n");
    CliHarness.Run r = h.acr("--dry-run", "fix value.txt");
    assertUsageError(r, h.config + ":2:");
    assertThat(r.errLines()).hasSize(1);
    assertNothingWritten();
  }

  @Test
  void unknownChainRoute() throws Exception {
    CliHarness.Run r = live("--chain", "unknown-route");
    assertUsageError(r, "--chain");
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0)).contains("unknown-route");
    assertNothingWritten();
  }

  @Test
  void nonexistentWorkdir() throws Exception {
    CliHarness.Run r = live("--workdir", "/nonexistent/acr-test");
    assertUsageError(r, "workdir not found: /nonexistent/acr-test");
    assertThat(r.errLines()).hasSize(1);
    assertNothingWritten();
  }

  @Test
  void blankPrompt() throws Exception {
    CliHarness.Run r = h.acr("--verify", "sh check.sh", "   ");
    assertUsageError(r, "empty prompt");
    assertThat(r.errLines()).hasSize(1);
    assertNothingWritten();
  }

  @Test
  void zeroMaxAttempts() throws Exception {
    CliHarness.Run r = live("--max-attempts", "0");
    assertUsageError(r, "--max-attempts must be at least 1");
    assertThat(r.errLines()).hasSize(1);
    assertNothingWritten();
  }

  @Test
  void unparsableTimeout() throws Exception {
    CliHarness.Run r = live("--timeout", "soon");
    assertUsageError(r, "'soon' is not a duration");
    assertThat(r.errLines().get(0)).contains("--timeout");
    assertNothingWritten();
  }

  @Test
  void zeroTimeoutIsRejected() throws Exception {
    CliHarness.Run r = live("--timeout", "0s");
    assertUsageError(r, "'0s' is not a duration longer than zero");
    assertNothingWritten();
  }

  @Test
  void unparsableBudget() throws Exception {
    CliHarness.Run r = live("--budget", "lots");
    assertUsageError(r, "--budget");
    assertNothingWritten();
  }

  @Test
  void missingConfigFile() throws Exception {
    CliHarness.Run r = h.run("--config", "missing.json", "--verify", "sh check.sh", "fix value.txt");
    assertUsageError(r, "config file not found: " + h.repo.resolve("missing.json"));
    assertThat(r.errLines()).hasSize(1);
    assertNothingWritten();
  }

  @Test
  void missingConfigFromEnvironmentIsAnErrorToo() throws Exception {
    h.extraEnv.put("ACR_CONFIG", tmp.resolve("nope/tools.json").toString());
    CliHarness.Run r = h.run("--dry-run", "fix value.txt");
    assertUsageError(r, "config file not found: " + tmp.resolve("nope/tools.json") + " (from $ACR_CONFIG)");
    assertThat(r.errLines()).hasSize(1);
    assertNothingWritten();
  }

  @Test
  void unreadableMemoryFile() throws Exception {
    Path mem = tmp.resolve("memory.jsonl");
    Files.writeString(mem, "");
    Files.setPosixFilePermissions(mem, PosixFilePermissions.fromString("---------"));
    try {
      Assumptions.assumeFalse(Files.isReadable(mem), "running as a user who can read a mode-000 file (root)");
      CliHarness.Run r = live("--memory", mem.toString());
      assertUsageError(r, "cannot read memory file " + mem);
      assertThat(r.errLines()).hasSize(1);
      assertNothingWritten();
    } finally {
      Files.setPosixFilePermissions(mem, PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void memoryPathThatIsADirectory() throws Exception {
    // The same "cannot read memory" path, reachable as root too.
    Path dir = Files.createDirectories(tmp.resolve("memdir"));
    CliHarness.Run r = live("--memory", dir.toString());
    assertUsageError(r, "cannot read memory file " + dir);
    assertThat(r.errLines()).hasSize(1);
    assertNothingWritten();
  }

  @Test
  void repoAcrConfigThatIsNotJson() throws Exception {
    Files.createDirectories(h.repo.resolve(".acr"));
    Files.writeString(h.repo.resolve(".acr/config.json"), "verify: make check\n");
    statusBefore = h.status();
    CliHarness.Run r = h.acr("fix value.txt");
    assertUsageError(r, ".acr/config.json");
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0)).contains(".acr/config.json:1:").contains("not valid JSON")
        .endsWith("; fix it, e.g. {\"verify\": \"make check\"}");
    assertNothingWritten();
  }

  @Test
  void repoAcrConfigThatIsNotAnObject() throws Exception {
    Files.createDirectories(h.repo.resolve(".acr"));
    Files.writeString(h.repo.resolve(".acr/config.json"), "[\"make check\"]\n");
    statusBefore = h.status();
    CliHarness.Run r = h.acr("--dry-run", "fix value.txt");
    assertUsageError(r, ".acr/config.json must hold a JSON object");
    assertNothingWritten();
  }

  @Test
  void unknownToolOption() throws Exception {
    CliHarness.Run r = live("--tool", "nosuchtool");
    assertUsageError(r, "nosuchtool");
    assertThat(r.errLines()).hasSize(1);
    assertNothingWritten();
  }

  @Test
  void chainNamingAToolThatIsNotInstalledRunsNothingAndExits3WithWhatToInstall() throws Exception {
    h.writeConfig(java.util.List.of(
        CliHarness.tool("fixer", h.agents.resolve("fixer").toString(), null),
        CliHarness.tool("ghost", "acr-test-ghost-agent-does-not-exist", "brew install ghost-agent")));
    CliHarness.Run r = live("--chain", "ghost,fixer");
    // No agent could run as asked (exit 3, as when no tool is installed), not a usage error (2).
    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    assertThat(r.errLines()).containsExactly(
        "acr: --chain names a tool that is not installed, so no agent ran (leave it out to run the rest); what to fix:",
        "acr:   ghost: not installed — install it with: brew install ghost-agent");
    assertNothingWritten();
    CliHarness.Run json = live("--json", "--chain", "ghost,fixer");
    assertThat(json.exit()).isEqualTo(3);
    assertThat(json.json().get("no_agent_could_run").get(0).asText())
        .isEqualTo("ghost: not installed — install it with: brew install ghost-agent");
    // A route the config does not know is the user's mistake: exit 2, and said so differently.
    CliHarness.Run unknown = live("--chain", "spectre,fixer");
    assertUsageError(unknown, "--chain: unknown tool or route 'spectre'; known: ");
    assertThat(unknown.err()).doesNotContain("not installed");
    assertNothingWritten();
  }

  @Test
  void outsideGitWithoutInPlaceRefuses() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    Files.writeString(plain.resolve("check.sh"), "exit 0\n");
    CliHarness.Run r = h.runIn(plain, "--config", h.config.toString(), "--verify", "sh check.sh", "fix value.txt");
    assertUsageError(r, "not a git repository");
    assertThat(r.errLines()).hasSize(1);
    assertThat(h.acrHomeContents()).isEmpty();
    assertThat(plain.resolve("value.txt")).doesNotExist();
  }

  @Test
  void aRunWithAPrefixSwitcherNotOnPathNamesTheSwitcher() throws Exception {
    h.writeConfig(java.util.List.of("{\"name\": \"wrapped\", \"enabled\": true, \"command\": [\"" + h.agents.resolve("fixer")
        + "\"], \"command_prefix_env\": \"ACROUTER_WRAPPED_PREFIX\", \"install\": \"npm install -g wrapped\"}"));
    h.extraEnv.put("ACROUTER_WRAPPED_PREFIX", "acr-test-ccswitch run --profile work --");
    CliHarness.Run r = live("--chain", "wrapped");
    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    assertThat(r.errLines()).containsExactly(
        "acr: --chain names a tool that is not installed, so no agent ran (leave it out to run the rest); what to fix:",
        "acr:   wrapped: not installed — 'acr-test-ccswitch' (the prefix in $ACROUTER_WRAPPED_PREFIX for wrapped) is not"
            + " on PATH: install it, or unset ACROUTER_WRAPPED_PREFIX to run wrapped without it");
    assertNothingWritten();
  }
}
