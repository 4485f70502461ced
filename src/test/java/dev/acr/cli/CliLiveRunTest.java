package dev.acr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real (non-dry) runs in-process, with fake agents in a temporary git repository. */
class CliLiveRunTest {
  @TempDir Path tmp;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(tmp).withRepo();
  }

  @Test
  void verifiedFixIsAppliedAndRemembered() throws Exception {
    CliHarness.Run r = h.acr("--chain", "fixer", "--verify", "sh check.sh", "--seed", "1", "fix value.txt");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(h.read("value.txt")).isEqualTo("fixed\n");
    assertThat(h.keptWorktrees()).hasSize(1); // the run's, kept for the next one
    assertThat(r.out()).containsPattern("(?m)^1  fixer  verified  +[0-9.]+s  +unknown$");
    assertThat(r.out()).contains("verified: applied to your working tree (value.txt)");
    assertThat(r.err()).contains("baseline: tests fail").contains("acr: attempt 1: fixer")
        .contains("[fixer] fixer: editing value.txt");
    List<JsonNode> mem = h.memoryRecords();
    assertThat(mem).hasSize(1);
    JsonNode rec = mem.get(0);
    assertThat(rec.get("status").asText()).isEqualTo("verified");
    assertThat(rec.get("resolved").asBoolean()).isTrue();
    assertThat(rec.get("route").asText()).isEqualTo("fixer");
    assertThat(rec.get("attempt").asInt()).isEqualTo(1);
    assertThat(rec.get("source").asText()).isEqualTo("live");
    assertThat(rec.get("dimension").asText()).isNotBlank();
    assertThat(rec.get("prompt").asText()).isEqualTo("fix value.txt");
    assertThat(rec.get("task").asText()).hasSize(64);
    Path runDir = h.acrHome.resolve("runs").resolve(rec.get("run_id").asText());
    assertThat(runDir).isDirectory();
    // What acr explain reads back: the decision before the first attempt, the outcome after the last.
    JsonNode decision = CliHarness.JSON.readTree(runDir.resolve("decision.json").toFile());
    assertThat(decision.get("run_id").asText()).isEqualTo(rec.get("run_id").asText());
    assertThat(decision.get("chain").get(0).get("route").asText()).isEqualTo("fixer");
    assertThat(decision.get("verify").asText()).isEqualTo("sh check.sh");
    assertThat(decision.get("evidence")).isNotEmpty();
    JsonNode outcome = CliHarness.JSON.readTree(runDir.resolve("outcome.json").toFile());
    assertThat(outcome.get("applied").asBoolean()).isTrue();
    assertThat(outcome.get("baseline_passed").asBoolean()).isFalse();
    assertThat(outcome.get("attempts").get(0).get("changed_files").get(0).asText()).isEqualTo("value.txt");
  }

  @Test
  void jsonSummaryIsASingleDocumentOnStdout() throws Exception {
    CliHarness.Run r = h.acr("--json", "--chain", "fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.toString()).isZero();
    JsonNode n = r.json();
    assertThat(n.get("verified").asBoolean()).isTrue();
    assertThat(n.get("stop_reason").asText()).isEqualTo("verified");
    assertThat(n.get("applied").asBoolean()).isTrue();
    assertThat(n.get("baseline_passed").asBoolean()).isFalse();
    assertThat(n.has("dry_run")).isFalse();
    // The stand-in reports no cost: unknown, as the table's "unknown" and acr runs --json's null say, not $0.
    assertThat(n.get("total_cost_usd").isNull()).as(r.out()).isTrue();
    assertThat(n.get("attempts")).hasSize(1);
    assertThat(n.get("attempts").get(0).get("status").asText()).isEqualTo("verified");
    assertThat(n.get("attempts").get(0).get("route").asText()).isEqualTo("fixer");
    assertThat(n.get("attempts").get(0).get("exit_code").asInt()).isZero();
    assertThat(n.get("run_id").asText()).isEqualTo(h.memoryRecords().get(0).get("run_id").asText());
    // stdout holds nothing but that document; progress and agent output went to stderr.
    assertThat(r.out().strip()).startsWith("{").endsWith("}");
    assertThat(r.out()).doesNotContain("fixer: editing").doesNotContain("baseline:");
    assertThat(r.err()).contains("fixer: editing value.txt");
    assertThat(h.read("value.txt")).isEqualTo("fixed\n");
  }

  @Test
  void escalatesAndFailsWithExitOneLeavingTheTreeAlone() throws Exception {
    String before = h.status();
    CliHarness.Run r = h.acr("--json", "--chain", "breaker", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    JsonNode n = r.json();
    assertThat(n.get("verified").asBoolean()).isFalse();
    assertThat(n.get("stop_reason").asText()).isEqualTo("plan_exhausted");
    assertThat(n.get("attempts").get(0).get("status").asText()).isEqualTo("failed");
    assertThat(n.get("attempts").get(0).get("patch").asText()).endsWith("attempt-1/changes.patch");
    assertThat(h.read("value.txt")).isEqualTo("broken\n");
    assertThat(h.status()).isEqualTo(before);
    assertThat(h.memoryRecords()).extracting(m -> m.get("status").asText()).containsExactly("failed");
  }

  @Test
  void theLastTestOutputIsShownWithoutTheTerminalEscapesTheTestsPrinted() throws Exception {
    // As Maven 3.8.7 prints its errors, colour resets included, even with -B.
    Files.writeString(h.repo.resolve("check.sh"),
        "#!/bin/sh\nprintf '\\033[0m\\033[0m[ERROR] \\033[1;31mTests run: 3, Failures: 1\\033[m\\n'\ngrep -qx fixed value.txt\n");
    h.git("commit", "-qam", "coloured check");
    CliHarness.Run r = h.acr("--chain", "breaker", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains("last test output (attempt 1):\n   [ERROR] Tests run: 3, Failures: 1\n")
        .doesNotContain("\u001b");
  }

  @Test
  void nonPositiveBudgetIsAUsageErrorAndRunsNothing() throws Exception {
    String before = h.status();
    for (String budget : new String[] {"0", "-1", "NaN"}) {
      CliHarness.Run r = h.acr("--budget", budget, "--chain", "fixer", "--verify", "sh check.sh", "fix value.txt");
      CliHarness.assertUsageError(r, "--budget");
    }
    assertThat(h.memoryRecords()).isEmpty();
    assertThat(h.read("value.txt")).isEqualTo("broken\n");
    assertThat(h.status()).isEqualTo(before);
  }

  @Test
  void promptWordsAreJoinedWithSingleSpacesInMemoryAndForTheAgent() throws Exception {
    h.agent("echoer", "printf '%s' \"$1\" > \"$ACR_TEST_OUT\"\necho fixed > value.txt\n");
    h.writeConfig(List.of(CliHarness.tool("echoer", h.agents.resolve("echoer").toString(), null)));
    Path seen = tmp.resolve("prompt-seen.txt");
    h.extraEnv.put("ACR_TEST_OUT", seen.toString());
    CliHarness.Run r = h.acr("--verify", "sh check.sh", "fix", "the", "value", "  file");
    assertThat(r.exit()).as(r.toString()).isZero();
    // Words are joined with one space; a word's own spaces are kept as typed.
    assertThat(Files.readString(seen)).isEqualTo("fix the value   file");
    assertThat(h.memoryRecords().get(0).get("prompt").asText()).isEqualTo("fix the value   file");
  }

  @Test
  void noStorePromptKeepsOnlyTheHash() throws Exception {
    CliHarness.Run r = h.acr("--no-store-prompt", "--chain", "fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.toString()).isZero();
    JsonNode rec = h.memoryRecords().get(0);
    assertThat(rec.has("prompt")).as("the field is written, as null").isTrue();
    assertThat(rec.get("prompt").isNull()).isTrue();
    assertThat(rec.get("task").asText()).hasSize(64);
    assertThat(Files.readString(h.memory())).doesNotContain("fix value.txt");
    // The classifier's evidence quotes the prompt's words: kept out of the run directory too.
    Path decision = h.acrHome.resolve("runs").resolve(rec.get("run_id").asText()).resolve("decision.json");
    assertThat(CliHarness.JSON.readTree(decision.toFile()).has("evidence")).isFalse();
  }

  @Test
  void configSwitchKeepsPromptsOutOfMemory() throws Exception {
    String json = Files.readString(h.config);
    Files.writeString(h.config, json.replaceFirst("\\{", "{\"store_prompts\": false, "));
    CliHarness.Run r = h.acr("--chain", "fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(h.memoryRecords().get(0).get("prompt").isNull()).isTrue();
    assertThat(Files.readString(h.memory())).doesNotContain("fix value.txt");
  }

  @Test
  void secondRunLearnsFromMemory() throws Exception {
    assertThat(h.acr("--chain", "fixer", "--verify", "sh check.sh", "fix value.txt").exit()).isZero();
    h.git("checkout", "--", "value.txt");
    CliHarness.Run dry = h.acr("--dry-run", "--verify", "sh check.sh", "fix value.txt");
    assertThat(dry.exit()).as(dry.toString()).isZero();
    assertThat(dry.out()).containsPattern("(?m)^chain\\s+policy \\(memory: 1 records\\)$");
    assertThat(h.memoryRecords()).hasSize(1);
  }
}
