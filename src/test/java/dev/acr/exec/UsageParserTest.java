package dev.acr.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.acr.config.ModelPrice;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageParserTest {
  private static final ModelPrice GPT = new ModelPrice(2.5, 15.0);

  @TempDir Path dir;

  private static Path fixture(String name) throws Exception {
    return Path.of(UsageParserTest.class.getResource("/usage/" + name).toURI());
  }

  @Test
  void claudeJsonResult() throws Exception {
    Usage u = UsageParser.parse("claude-json", fixture("claude-json.txt"), null);
    assertThat(u).isEqualTo(new Usage(0.1234, 12L + 3000 + 20000, 800L, Usage.REPORTED));
  }

  @Test
  void anOverLongLineIsSkippedAndTheUsageAfterItStillCounts() throws Exception {
    Path log = dir.resolve("stdout.log");
    String huge = "{\"type\":\"result\",\"junk\":\"" + "x".repeat(UsageParser.MAX_LINE_CODE_POINTS) + "\"}";
    Files.writeString(log, huge + "\n{\"type\":\"result\",\"total_cost_usd\":0.5,\"usage\":{\"input_tokens\":10,\"output_tokens\":2}}\n");
    Usage u = UsageParser.parse("claude-json", log, null);
    assertThat(u).isEqualTo(new Usage(0.5, 10L, 2L, Usage.REPORTED));
  }

  @Test
  void claudeReportedCostWinsOverPrice() throws Exception {
    Usage u = UsageParser.parse("claude-json", fixture("claude-json.txt"), new ModelPrice(100, 100));
    assertThat(u.costUsd()).isEqualTo(0.1234);
    assertThat(u.source()).isEqualTo(Usage.REPORTED);
  }

  @Test
  void claudeStreamJsonUsesTheResultLine() throws Exception {
    Usage u = UsageParser.parse("claude-json", fixture("claude-stream.jsonl"), null);
    assertThat(u).isEqualTo(new Usage(0.0421, 6010L, 300L, Usage.REPORTED));
  }

  @Test
  void claudeVerboseJsonArray() throws Exception {
    Usage u = UsageParser.parse("claude-json", fixture("claude-verbose-array.json"), null);
    assertThat(u).isEqualTo(new Usage(0.0150, 4L, 2L, Usage.REPORTED));
  }

  @Test
  void claudeWithoutCostIsEstimatedOrUnknown() throws Exception {
    Usage est = UsageParser.parse("claude-json", fixture("claude-no-cost.json"), new ModelPrice(3.0, 15.0));
    assertThat(est.source()).isEqualTo(Usage.ESTIMATED);
    assertThat(est.inputTokens()).isEqualTo(1000L);
    assertThat(est.outputTokens()).isEqualTo(2000L);
    assertThat(est.costUsd()).isCloseTo((1000 * 3.0 + 2000 * 15.0) / 1e6, within(1e-12));

    Usage unk = UsageParser.parse("claude-json", fixture("claude-no-cost.json"), null);
    assertThat(unk).isEqualTo(new Usage(null, 1000L, 2000L, Usage.UNKNOWN));
  }

  @Test
  void claudeTextOutputIsUnknown() throws Exception {
    assertThat(UsageParser.parse("claude-json", fixture("claude-text-only.txt"), GPT)).isEqualTo(Usage.unknown());
  }

  @Test
  void codexTurnCompletedIsEstimatedFromPrice() throws Exception {
    Usage u = UsageParser.parse("codex-jsonl", fixture("codex.jsonl"), GPT);
    assertThat(u.inputTokens()).isEqualTo(24763L);
    assertThat(u.outputTokens()).isEqualTo(122L);
    assertThat(u.source()).isEqualTo(Usage.ESTIMATED);
    assertThat(u.costUsd()).isCloseTo((24763 * 2.5 + 122 * 15.0) / 1e6, within(1e-12));
  }

  @Test
  void codexWithoutPriceHasTokensButUnknownCost() throws Exception {
    assertThat(UsageParser.parse("codex-jsonl", fixture("codex.jsonl"), null))
        .isEqualTo(new Usage(null, 24763L, 122L, Usage.UNKNOWN));
  }

  @Test
  void codexSumsTurnsAndSkipsNonJson() throws Exception {
    Usage u = UsageParser.parse("codex-jsonl", fixture("codex-two-turns.jsonl"), null);
    assertThat(u.inputTokens()).isEqualTo(3000L);
    assertThat(u.outputTokens()).isEqualTo(300L);
  }

  @Test
  void codexFailedTurnIsUnknown() throws Exception {
    assertThat(UsageParser.parse("codex-jsonl", fixture("codex-failed.jsonl"), GPT)).isEqualTo(Usage.unknown());
  }

  @Test
  void codexMissingFieldsAreNull() throws Exception {
    Usage u = UsageParser.parse("codex-jsonl", fixture("codex-partial-usage.jsonl"), GPT);
    assertThat(u.inputTokens()).isNull();
    assertThat(u.outputTokens()).isEqualTo(5L);
    assertThat(u.source()).isEqualTo(Usage.ESTIMATED);
    assertThat(u.costUsd()).isCloseTo(5 * 15.0 / 1e6, within(1e-15));
  }

  @Test
  void opencodeStepFinishesAreSummed() throws Exception {
    Usage u = UsageParser.parse("opencode-jsonl", fixture("opencode.jsonl"), new ModelPrice(0.8, 3.0));
    assertThat(u.costUsd()).isCloseTo(0.0030, within(1e-12));
    assertThat(u.inputTokens()).isEqualTo(1500L + 8000 + 100 + 300 + 9600);
    assertThat(u.outputTokens()).isEqualTo(200L + 50 + 120);
    assertThat(u.source()).isEqualTo(Usage.REPORTED);
  }

  @Test
  void opencodeZeroCostIsEstimatedWhenAPriceIsKnown() throws Exception {
    Usage est = UsageParser.parse("opencode-jsonl", fixture("opencode-zero-cost.jsonl"), new ModelPrice(0.8, 3.0));
    assertThat(est.source()).isEqualTo(Usage.ESTIMATED);
    assertThat(est.costUsd()).isCloseTo(0.8 + 0.3, within(1e-12));

    Usage rep = UsageParser.parse("opencode-jsonl", fixture("opencode-zero-cost.jsonl"), null);
    assertThat(rep).isEqualTo(new Usage(0.0, 1_000_000L, 100_000L, Usage.REPORTED));
  }

  @Test
  void opencodeMissingFields() throws Exception {
    Usage u = UsageParser.parse("opencode-jsonl", fixture("opencode-partial.jsonl"), null);
    assertThat(u).isEqualTo(new Usage(null, 10L, 20L, Usage.UNKNOWN));
  }

  @Test
  void noneFormatMissingFileAndWrongFormatAreUnknown() throws Exception {
    assertThat(UsageParser.parse("none", fixture("codex.jsonl"), GPT)).isEqualTo(Usage.unknown());
    assertThat(UsageParser.parse(null, fixture("codex.jsonl"), GPT)).isEqualTo(Usage.unknown());
    assertThat(UsageParser.parse("codex-jsonl", dir.resolve("missing.txt"), GPT)).isEqualTo(Usage.unknown());
    assertThat(UsageParser.parse("opencode-jsonl", fixture("codex.jsonl"), GPT)).isEqualTo(Usage.unknown());
    Path empty = Files.writeString(dir.resolve("empty.txt"), "");
    assertThat(UsageParser.parse("claude-json", empty, GPT)).isEqualTo(Usage.unknown());
  }

  @Test
  void invalidUtf8AndBrokenJsonLinesAreSkipped() throws Exception {
    Path p = dir.resolve("mixed.jsonl");
    byte[] junk = {(byte) 0xff, (byte) 0xfe, 'x', '\n'};
    Files.write(p, junk);
    Files.writeString(p, "{\"type\":\"turn.completed\",\"usage\":{\"input_tokens\":\n", java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(p, "{\"type\":\"turn.completed\",\"usage\":{\"input_tokens\":7,\"output_tokens\":1}}\n", java.nio.file.StandardOpenOption.APPEND);
    assertThat(UsageParser.parse("codex-jsonl", p, null)).isEqualTo(new Usage(null, 7L, 1L, Usage.UNKNOWN));
  }

  @Test
  void largeOutputIsStreamed() throws Exception {
    Path p = dir.resolve("big.jsonl");
    String noise = "{\"type\":\"item.completed\",\"item\":{\"id\":\"i\",\"type\":\"agent_message\",\"text\":\"" + "x".repeat(1000) + "\"}}\n";
    try (BufferedWriter w = Files.newBufferedWriter(p)) {
      for (int i = 0; i < 20_000; i++) {
        w.write(noise);
        if (i % 1000 == 0) {
          w.write("{\"type\":\"turn.completed\",\"usage\":{\"input_tokens\":10,\"cached_input_tokens\":5,\"output_tokens\":1}}\n");
        }
      }
    }
    Usage u = UsageParser.parse("codex-jsonl", p, null);
    assertThat(u.inputTokens()).isEqualTo(200L);
    assertThat(u.outputTokens()).isEqualTo(20L);
  }
}
