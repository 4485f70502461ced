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
            + "\"], \"command_prefix_env\": \"TEST_PREFIX\"}",
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
    assertThat(none.out()).contains("FAIL  tools: none of the configured CLIs is installed");
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
  void completionPrintsABashScript() {
    CliHarness.Run r = h.run("completion", "bash");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("#!/usr/bin/env bash").contains("classify").contains("--dry-run");
    assertThat(h.run("completion", "fish").exit()).isEqualTo(2);
  }
}
