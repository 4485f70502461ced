package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dry run previews the run, through the packaged launcher: with interchangeable tools and
 * empty memory only exploration tells them apart, and every dry run of a prompt and the run
 * after it choose the same chain. And a run where no tool can run exits 3 with a fix per tool.
 */
class DryRunAgreementIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  Fixtures fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new Fixtures(tmp);
  }

  private void config(List<String> tools) throws Exception {
    Files.writeString(fx.config, "{\"tools\": [\n  " + String.join(",\n  ", tools) + "\n]}\n");
  }

  @Test
  void everyDryRunAndTheRunChooseTheSameChain() throws Exception {
    List<String> tools = new ArrayList<>();
    for (String name : List.of("one", "two", "three", "four")) {
      Path agent = fx.agents.resolve(name);
      Files.writeString(agent, "#!/bin/sh\necho fixed > value.txt\n");
      Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwxr-xr-x"));
      tools.add("{\"name\": \"" + name + "\", \"command\": [\"" + agent + "\"], \"prompt_mode\": \"append_arg\"}");
    }
    config(tools);
    for (String prompt : List.of("fix value.txt", "make the check pass", "repair the value file")) {
      JsonNode first = null;
      for (int i = 0; i < 3; i++) {
        Fixtures.Run dry = fx.acr("--dry-run", "--json", "--verify", "sh check.sh", prompt);
        assertThat(dry.exit()).as(dry.err()).isZero();
        JsonNode chain = JSON.readTree(dry.out()).get("chain");
        if (first == null) {
          first = chain;
        }
        assertThat(chain).as(prompt + ": dry run " + (i + 1)).isEqualTo(first);
      }
      Fixtures.Run run = fx.acr("--json", "--verify", "sh check.sh", prompt);
      assertThat(run.exit()).as(run.err()).isZero();
      JsonNode result = JSON.readTree(run.out());
      assertThat(result.get("chain")).as(prompt + ": the run's plan").isEqualTo(first);
      assertThat(result.get("attempts").get(0).get("route").asText()).isEqualTo(first.get(0).get("route").asText());
      fx.git("checkout", "--", "value.txt");
      Files.delete(fx.memory()); // the next prompt starts from the same empty memory
    }
  }

  @Test
  void whenNoToolCanRunTheLauncherExits3WithAFixPerTool() throws Exception {
    config(List.of(
        "{\"name\": \"codexish\", \"command\": [\"acr-test-no-such-codex\"], \"install\": \"npm install -g codexish\"}",
        "{\"name\": \"claudish\", \"command\": [\"acr-test-no-such-claude\"]}"));
    Fixtures.Run r = fx.acr("--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.err()).isEqualTo(3);
    assertThat(r.err()).contains("acr:   codexish: not installed — install it with: npm install -g codexish\n")
        .contains("acr:   claudish: not installed — put it on PATH\n");
    assertThat(fx.read("value.txt")).isEqualTo("broken\n");
    assertThat(fx.memoryLines()).isEmpty();
  }

  /**
   * A package.json testing with node --test, eslint and prettier declared, nothing installed: the dry run and doctor
   * said the run would stop on the dependencies, and the run ran. Where the script's program comes with them
   * (mocha), the dry run says the run stops, and it stops before any agent.
   */
  @Test
  void aNodeProjectWithNothingInstalledStopsInTheDryRunOnlyWhereTheRunDoes() throws Exception {
    assumeTrue(Fixtures.onPath("npm") && Fixtures.onPath("node"), "npm and node run the package.json's test script");
    Files.writeString(fx.repo.resolve("value.test.js"), "const test = require('node:test');\nconst assert = require('node:assert');\n"
        + "test('value', () => assert.strictEqual(require('fs').readFileSync('value.txt', 'utf8'), 'fixed\\n'));\n");
    String deps = ", \"devDependencies\": {\"eslint\": \"^9\", \"prettier\": \"^3\", \"mocha\": \"^10\"}}\n";
    Files.writeString(fx.repo.resolve("package.json"), "{\"name\": \"calc\", \"scripts\": {\"test\": \"node --test\"}" + deps);
    fx.git("add", "-A");
    fx.git("commit", "-q", "-m", "node's own test runner");
    Fixtures.Run dry = fx.acr("--dry-run", "--chain", "fixer", "fix the failing test");
    assertThat(dry.out()).as(dry.err()).containsPattern("(?m)^verify\\s+npm test").doesNotContain("would stop");
    Fixtures.Run doctor = fx.acr("doctor");
    assertThat(doctor.out() + doctor.err()).contains("ok    verify: npm test (detected: package.json)");
    Fixtures.Run run = fx.acr("--chain", "fixer", "fix the failing test");
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(fx.read("value.txt")).isEqualTo("fixed\n");

    fx.git("checkout", "--", "value.txt");
    Files.writeString(fx.repo.resolve("package.json"), "{\"name\": \"calc\", \"scripts\": {\"test\": \"mocha\"}" + deps);
    fx.git("commit", "-q", "-am", "mocha");
    dry = fx.acr("--dry-run", "--chain", "fixer", "fix the failing test");
    assertThat(dry.out()).as(dry.err()).contains("the project's dependencies are not installed (the package.json declares 3, and there is"
        + " no node_modules): the run would stop there, before any agent; install them (npm install)");
    run = fx.acr("--chain", "fixer", "fix the failing test");
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(fx.read("value.txt")).as("no agent ran").isEqualTo("broken\n");
  }
}
