package dev.acr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code acr doctor} and {@code acr completion}. */
class CliDoctorTest {
  @TempDir Path tmp;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(tmp).withRepo();
  }

  @Test
  void healthySetupReportsVersionsPrefixAndTestCommand() throws Exception {
    h.agent("versioned", "if [ \"$1\" = --version ]; then echo 'versioned 1.2.3'; exit 0; fi\necho touched > touched.txt\n");
    h.writeConfig(List.of(
        "{\"name\": \"versioned\", \"enabled\": true, \"command\": [\"" + h.agents.resolve("versioned")
            + "\"], \"command_prefix_env\": \"TEST_PREFIX\", \"version_command\": [\"" + h.agents.resolve("versioned")
            + "\", \"--version\"]}",
        CliHarness.tool("ghost", "no-such-cli-xyz", "npm install -g ghost-cli")));
    h.extraEnv.put("TEST_PREFIX", "env FOO=1");
    Files.writeString(h.repo.resolve("Makefile"), "test:\n\tsh check.sh\n");
    CliHarness.Run r = h.run("doctor", "--config", h.config.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("ok    tool versioned:").contains("versioned 1.2.3")
        .contains("warn  tool ghost: 'no-such-cli-xyz' not on PATH; install it with: npm install -g ghost-cli")
        .contains("ok    prefix TEST_PREFIX: env FOO=1")
        .contains("ok    verify: make test")
        .contains("ok    worktrees: no leftovers")
        .contains("doctor: nothing is broken");
    assertThat(h.repo.resolve("touched.txt")).doesNotExist();
  }

  @Test
  void aTestCommandWhoseProgramIsNotInstalledFails() throws Exception {
    Files.createDirectories(h.repo.resolve(".acr"));
    Files.writeString(h.repo.resolve(".acr/config.json"), "{\"verify\": \"ghost-runner-xyz test\"}\n");
    CliHarness.Run r = h.run("doctor");
    assertThat(r.out()).contains("FAIL  verify: ghost-runner-xyz test (.acr/config.json) cannot run here: ghost-runner-xyz: not found;"
        + " install ghost-runner-xyz or name another test command");
    assertThat(r.exit()).as(r.toString()).isNotZero();
  }

  /** A uv project's .venv, not activated: doctor says the tests run in it, or warns when its python is gone. */
  @Test
  void theProjectsVirtualEnvironmentIsNamed() throws Exception {
    h.extraEnv.put("VIRTUAL_ENV", ""); // none active, whatever runs these tests
    Files.createDirectories(h.repo.resolve(".acr"));
    Files.writeString(h.repo.resolve(".acr/config.json"), "{\"verify\": \"sh check.sh\"}\n");
    Files.createDirectories(h.repo.resolve(".venv/bin"));
    Files.writeString(h.repo.resolve(".venv/pyvenv.cfg"), "home = /usr/bin\n");
    Files.createSymbolicLink(h.repo.resolve(".venv/bin/python"), h.repo.resolve("no-such-python3.9"));
    assertThat(h.run("doctor").out()).contains("warn  verify: the project's virtual environment .venv is not used");
    Files.delete(h.repo.resolve(".venv/bin/python"));
    Files.createSymbolicLink(h.repo.resolve(".venv/bin/python"), Path.of("/bin/sh"));
    assertThat(h.run("doctor").out()).contains("ok    verify: the agents and the tests run in the project's virtual environment .venv");
  }

  @Test
  void theProjectsLinksAreShownAndOnesThatCannotBeLinkedWarned() throws Exception {
    Files.createDirectories(h.repo.resolve(".acr"));
    Files.createDirectories(h.repo.resolve("shunit2"));
    Files.writeString(h.repo.resolve(".acr/config.json"), "{\"verify\": \"sh check.sh\", \"link\": [\"shunit2\", \"fixtures\"]}\n");
    CliHarness.Run r = h.run("doctor");
    assertThat(r.out()).contains("ok    link: linked into each attempt's worktree: shunit2")
        .contains("warn  link: ").contains("links \"fixtures\", which your tree does not have");
  }

  @Test
  void showsTheWorktreeKeptForTheNextRunAndFixRemovesIt() throws Exception {
    assertThat(h.run("doctor").out()).contains("ok    kept: no worktree kept for the next run here");
    CliHarness.Run run = h.acr("--chain", "fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(run.exit()).as(run.toString()).isZero();
    String kept = h.keptWorktrees().get(0).split(" ")[0];

    CliHarness.Run r = h.run("doctor");
    assertThat(r.out()).contains("ok    kept: 1 worktree(s) kept for the next run here, 0 in use now, in "
        + Path.of(kept).getParent() + " (git worktree list shows them; acr doctor --fix removes the idle ones)");
    assertThat(Path.of(kept)).isDirectory();

    CliHarness.Run fixed = h.run("doctor", "--fix");
    assertThat(fixed.out()).contains("ok    kept: removed 1 worktree(s) acr kept for its next run here");
    assertThat(Path.of(kept)).doesNotExist();
    assertThat(h.keptWorktrees()).isEmpty();
    assertThat(h.read("value.txt")).isEqualTo("fixed\n");
  }

  @Test
  void versionsAreComparedWithTheCheckedOnesAndAnUncheckedOneIsOnlyAWarning() throws Exception {
    h.agent("codex", "if [ \"$1\" = --version ]; then echo 'codex-cli 0.170.1'; exit 0; fi\n");
    h.agent("claude", "if [ \"$1\" = --version ]; then echo '2.1.330 (Claude Code)'; exit 0; fi\n");
    h.writeConfig(List.of(
        "{\"name\": \"codex\", \"command\": [\"" + h.agents.resolve("codex") + "\"], \"install\": \"npm install -g @openai/codex\","
            + " \"checked_versions\": [\"0.168.0\", \"0.169.0\"]}",
        "{\"name\": \"claude\", \"command\": [\"" + h.agents.resolve("claude") + "\"], \"checked_versions\": [\"2.1.330\"]}"));
    CliHarness.Run r = h.run("doctor", "--config", h.config.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("ok    tool claude: " + h.agents.resolve("claude") + " 2.1.330 (Claude Code) (template checked against 2.1.330)")
        .contains("ok    tool codex: " + h.agents.resolve("codex") + " codex-cli 0.170.1\n")
        .contains("warn  version codex: 0.170.1 is not one acr's template was checked against (0.168.0, 0.169.0);"
            + " if runs fail with usage errors, install a checked version (npm install -g @openai/codex@0.169.0)");
  }

  @Test
  void checkedVersionsMustBeAListOfVersionStrings() throws Exception {
    h.writeConfig(List.of("{\"name\": \"x\", \"command\": [\"x\"], \"checked_versions\": \"1.0\"}"));
    CliHarness.Run r = h.run("doctor", "--config", h.config.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("FAIL  config:").contains("\"checked_versions\" must be a list of strings");
  }

  @Test
  void brokenConfigAndNoInstalledCliFailWithTheFix() throws Exception {
    Files.writeString(h.config, "{\"tools\": [");
    CliHarness.Run bad = h.run("doctor", "--config", h.config.toString());
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.out()).contains("FAIL  config:").contains("--config");
    h.writeConfig(List.of(CliHarness.tool("ghost", "no-such-cli-xyz", null)));
    CliHarness.Run none = h.run("doctor", "--config", h.config.toString());
    assertThat(none.exit()).isEqualTo(1);
    assertThat(none.out()).contains("FAIL  tools: no enabled tool can run here");
  }

  /** An agent script that leaves a marker in the directory it runs in, whatever its arguments. */
  private Path markerAgent(String name) throws Exception {
    Path marker = tmp.resolve(name + "-ran");
    h.agent(name, "echo \"$@\" > " + marker + "\n");
    return marker;
  }

  @Test
  void neverRunsTheAgentCommandToLearnAVersion() throws Exception {
    Path marker = markerAgent("agent.sh");
    h.writeConfig(List.of("{\"name\": \"mine\", \"command\": [\"" + h.agents.resolve("agent.sh") + "\"]}"));
    CliHarness.Run r = h.run("doctor", "--config", h.config.toString());
    assertThat(marker).as(r.toString()).doesNotExist();
    assertThat(r.out()).contains("ok    tool mine: " + h.agents.resolve("agent.sh") + " (version not checked: the config gives no \"version_command\")")
        .contains("warn  sign-in mine: unknown");
    assertThat(r.exit()).as(r.toString()).isZero();
  }

  @Test
  void runsTheDeclaredVersionCommandInstead() throws Exception {
    Path marker = markerAgent("agent.sh");
    h.agent("agent-version", "echo 'mine 4.5.6'\n");
    h.writeConfig(List.of("{\"name\": \"mine\", \"command\": [\"" + h.agents.resolve("agent.sh") + "\"],"
        + " \"version_command\": [\"" + h.agents.resolve("agent-version") + "\"]}"));
    CliHarness.Run r = h.run("doctor", "--config", h.config.toString());
    assertThat(marker).doesNotExist();
    assertThat(r.out()).contains("ok    tool mine: " + h.agents.resolve("agent.sh") + " mine 4.5.6");
  }

  @Test
  void versionCommandIsValidated() throws Exception {
    h.writeConfig(List.of("{\"name\": \"mine\", \"command\": [\"x\"], \"version_command\": []}"));
    CliHarness.Run r = h.run("doctor", "--config", h.config.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("FAIL  config:").contains("\"version_command\" must be an argv list");
  }

  @Test
  void configBeforeTheSubcommandIsTheOneChecked() throws Exception {
    h.writeConfig(List.of(CliHarness.tool("ghost", "no-such-cli-xyz", null)));
    CliHarness.Run r = h.run("--config", h.config.toString(), "doctor");
    assertThat(r.out()).as(r.toString()).contains("ok    config: " + h.config + ": 1 tool(s)")
        .contains("warn  tool ghost: 'no-such-cli-xyz' not on PATH");
    assertThat(r.exit()).isEqualTo(1);
  }

  @Test
  void signInComesFromTheKnownCliStatusCommandOrAKeyVariable() throws Exception {
    // A fake codex: the bundled config knows its status command ("codex login status").
    h.agent("codex", "case \"$1 $2\" in 'login status') echo 'Not logged in' >&2; exit 1;; esac\n"
        + "if [ \"$1\" = --version ]; then echo 'codex-cli 0.169.0'; exit 0; fi\necho ran > " + tmp.resolve("codex-ran") + "\n");
    h.writeConfig(List.of("{\"name\": \"codex\", \"command\": [\"" + h.agents.resolve("codex") + "\", \"exec\"]}"));
    CliHarness.Run out = h.run("doctor", "--config", h.config.toString());
    assertThat(out.out()).as(out.toString())
        .contains("ok    tool codex: " + h.agents.resolve("codex") + " codex-cli 0.169.0")
        .contains("warn  sign-in codex: not signed in ('codex login status') — run 'codex login' or set CODEX_API_KEY")
        .contains("FAIL  tools: no enabled tool can run here");
    assertThat(out.exit()).isEqualTo(1);
    h.extraEnv.put("CODEX_API_KEY", "sk-secret-value-123");
    CliHarness.Run in = h.run("doctor", "--config", h.config.toString());
    assertThat(in.out()).as(in.toString()).contains("ok    sign-in codex: API key in CODEX_API_KEY")
        .doesNotContain("sk-secret-value-123").doesNotContain("FAIL  tools");
    assertThat(tmp.resolve("codex-ran")).as("the agent itself never runs").doesNotExist();
  }

  @Test
  void prefixSwitcherNotOnPathIsNamedAndFails() throws Exception {
    h.agent("fine", "exit 0\n");
    h.writeConfig(List.of("{\"name\": \"fine\", \"command\": [\"" + h.agents.resolve("fine") + "\"],"
        + " \"command_prefix_env\": \"ACROUTER_FINE_PREFIX\"}"));
    h.extraEnv.put("ACROUTER_FINE_PREFIX", "no-such-switcher-xyz fine");
    CliHarness.Run r = h.run("doctor", "--config", h.config.toString());
    assertThat(r.out()).as(r.toString())
        .contains("FAIL  prefix ACROUTER_FINE_PREFIX: 'no-such-switcher-xyz' is not on PATH, so fine cannot start;"
            + " install it, or unset ACROUTER_FINE_PREFIX")
        .contains("FAIL  tools: no enabled tool can run here");
    assertThat(r.exit()).isEqualTo(1);
  }

  @Test
  void aProviderCoolingDownIsShown() throws Exception {
    h.agent("fine", "exit 0\n");
    h.writeConfig(List.of("{\"name\": \"fine\", \"command\": [\"" + h.agents.resolve("fine") + "\"]}"));
    Files.createDirectories(h.acrHome);
    Files.writeString(h.acrHome.resolve("cooldowns.json"),
        "{\"cooldowns\": [{\"provider\": \"fine\", \"until\": \"2999-01-01T00:00:00Z\", \"reason\": \"quota\"}]}");
    CliHarness.Run r = h.run("doctor", "--config", h.config.toString());
    assertThat(r.out()).as(r.toString()).contains("warn  cooldown fine: acr skips fine (fine: quota until 2999-01-01T00:00:00Z)")
        .contains("FAIL  tools: no enabled tool can run here");
  }

  @Test
  void tornMemoryLinesAreAWarning() throws Exception {
    Files.createDirectories(h.acrHome);
    Files.writeString(h.acrHome.resolve("memory.jsonl"), "{\"ts\": \"2026\n");
    CliHarness.Run r = h.run("doctor", "--config", h.config.toString());
    assertThat(r.out()).contains("ok    memory:").contains("0 record(s)").contains("warn  memory: 1 unreadable line(s)")
        .contains("acr memory compact drops them");
  }

  @Test
  void theToolsAreCheckedAtOnceAndShownInTheConfigsOrder() throws Exception {
    // Each status command waits (at most 10 s) for the other's mark: only checks run side by side
    // both see it. One after the other, opencode's 9 s and claude's 3 s on a loaded machine add up.
    Path marks = Files.createDirectories(tmp.resolve("marks"));
    List<String> tools = new java.util.ArrayList<>();
    for (String[] t : List.of(new String[] {"first", "second"}, new String[] {"second", "first"})) {
      h.agent(t[0], "touch " + marks.resolve(t[0]) + "\nfor i in $(seq 100); do [ -e " + marks.resolve(t[1])
          + " ] && { echo signed in; exit 0; }; sleep 0.1; done\nexit 1\n");
      tools.add("{\"name\": \"" + t[0] + "\", \"enabled\": true, \"command\": [\"" + h.agents.resolve(t[0])
          + "\"], \"login_status_command\": [\"" + h.agents.resolve(t[0]) + "\"]}");
    }
    h.writeConfig(tools);
    CliHarness.Run r = h.run("doctor", "--config", h.config.toString());
    assertThat(r.out()).as(r.toString())
        .containsSubsequence("ok    tool first:", "ok    sign-in first:", "ok    tool second:", "ok    sign-in second:");
  }

  @Test
  void completionPrintsABashScript() {
    CliHarness.Run r = h.run("completion", "bash");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("#!/usr/bin/env bash").contains("classify").contains("--dry-run");
    assertThat(h.run("completion", "fish").exit()).isEqualTo(2);
  }
}
