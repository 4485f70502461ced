package dev.acr.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.acr.config.ModelPrice;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** UsageParser on output captured from the real CLIs (src/test/resources/usage/real-*, see README.md there). */
class UsageParserRealOutputTest {
  private static final ModelPrice GPT = new ModelPrice(2.5, 15.0);

  private static Path fixture(String name) throws Exception {
    return Path.of(UsageParserRealOutputTest.class.getResource("/usage/" + name).toURI());
  }

  @Test
  void claudeCodeResultAfterThreeTurns() throws Exception {
    Usage u = UsageParser.parse("claude-json", fixture("real-claude-json-edit.json"), new ModelPrice(100, 100));
    assertThat(u).isEqualTo(new Usage(0.0126, 3600L, 120L, Usage.REPORTED));
  }

  @Test
  void claudeCodeApiErrorCostsNothing() throws Exception {
    Usage u = UsageParser.parse("claude-json", fixture("real-claude-json-api-error.json"), GPT);
    assertThat(u).isEqualTo(new Usage(0.0, 0L, 0L, Usage.REPORTED));
  }

  @Test
  void codexTurnCompletedCountsCachedInputOnceAndReasoningInsideOutput() throws Exception {
    assertThat(UsageParser.parse("codex-jsonl", fixture("real-codex-exec-json.jsonl"), null))
        .isEqualTo(new Usage(null, 2000L, 60L, Usage.UNKNOWN));
    Usage est = UsageParser.parse("codex-jsonl", fixture("real-codex-exec-json.jsonl"), GPT);
    assertThat(est.source()).isEqualTo(Usage.ESTIMATED);
    assertThat(est.costUsd()).isCloseTo((2000 * 2.5 + 60 * 15.0) / 1e6, within(1e-12));
  }

  @Test
  void codexFailedTurnHasNoUsage() throws Exception {
    assertThat(UsageParser.parse("codex-jsonl", fixture("real-codex-exec-json-401.jsonl"), GPT)).isEqualTo(Usage.unknown());
  }

  @Test
  void opencodeStepFinishAddsCacheToInputAndReasoningToOutput() throws Exception {
    Usage u = UsageParser.parse("opencode-jsonl", fixture("real-opencode-run-json.jsonl"), new ModelPrice(100, 100));
    assertThat(u).isEqualTo(new Usage(0.001792, 1500L + 500, 40L + 20, Usage.REPORTED));
  }

  @Test
  void opencodeErrorEventHasNoUsage() throws Exception {
    assertThat(UsageParser.parse("opencode-jsonl", fixture("real-opencode-run-json-model-not-found.jsonl"), GPT))
        .isEqualTo(Usage.unknown());
  }
}
