package dev.acr.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.config.ToolSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The detector on what the pinned CLIs really printed (src/test/resources/infra/, captured from
 * runs against scripted loopback servers; see the README there), fed line by line through an
 * {@link InfraWatch} the way a live run feeds it.
 */
class InfraSignalsTest {
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  /** Long enough that no grace timer fires during a test: only final signs stop. */
  private static final Duration NEVER = Duration.ofHours(1);

  @ParameterizedTest(name = "{0} -> {1}, stops at once: {2}")
  @CsvSource({
      "claude-401, not signed in, true",
      "claude-403, not signed in, true",
      "claude-429, rate limit, true",
      "claude-500, provider error, false",
      "claude-model, unknown model, true",
      "claude-closed, network, false",
      "claude-dns, network, false",
      "codex-401, not signed in, true",
      "codex-403, not signed in, true",
      "codex-429, rate limit, false",
      "codex-quota, quota, true",
      "codex-500, provider error, true",
      "codex-model, unknown model, true",
      "codex-closed, network, false",
      "codex-dns, network, false",
      "opencode-401, not signed in, true",
      "opencode-403, not signed in, true",
      "opencode-500, provider error, true",
  })
  void recordedOutputEndsWithTheRightReason(String fixture, String reason, boolean stopsAtOnce) throws Exception {
    Stopper stopper = new Stopper();
    InfraWatch watch = feed(fixture, stopper);
    InfraSign sign = watch.verdict(false);
    assertThat(sign).as(fixture).isNotNull();
    assertThat(sign.reason()).isEqualTo(reason);
    assertThat(sign.evidence()).isNotBlank();
    // retryable signs (a retry in progress) wait for the grace period instead
    assertThat(stopper.stopRequested()).isEqualTo(stopsAtOnce);
  }

  @ParameterizedTest
  @CsvSource({
      "usage/real-claude-json-edit.json, claude-sonnet-4-6",
      "usage/real-codex-exec-json.jsonl, ",
      "usage/real-opencode-run-json.jsonl, ",
  })
  void aSuccessfulRunShowsNoSignAndTheModelWhereTheCliSaysIt(String fixture, String model) throws Exception {
    Stopper stopper = new Stopper();
    InfraWatch watch = feedFile(Path.of("src/test/resources", fixture), format(Path.of(fixture).getFileName().toString()), stopper);
    assertThat(watch.verdict(true)).isNull();
    assertThat(stopper.stopRequested()).isFalse();
    assertThat(watch.modelUsed()).isEqualTo(model);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"opencode-500, provider error", "opencode-closed, network"})
  void opencodeErrorLogWhileItRetries(String fixture, String reason) throws Exception {
    Stopper stopper = new Stopper();
    InfraWatch watch = new InfraWatch(ToolSpec.USAGE_OPENCODE_JSONL, stopper, NEVER, CLOCK);
    var err = watch.stderr(l -> {});
    for (String line : Files.readAllLines(Path.of("src/test/resources/infra", fixture + ".stderr.log"))) {
      err.accept(line);
    }
    assertThat(watch.verdict(false).reason()).isEqualTo(reason);
    assertThat(watch.modelUsed()).isEqualTo("glm-5");
    assertThat(stopper.stopRequested()).isFalse(); // opencode is still retrying: the grace decides
  }

  /**
   * opencode 1.18.33 on a machine without network: its model catalog cannot be fetched, so it
   * knows no model and fails at once with "Unexpected server error" on stdout. The network is
   * what to fix, not the route's model name; it stops the agent (no retry fixes it).
   */
  @Test
  void opencodeOfflineIsNetworkNotAnUnknownModel() throws Exception {
    Stopper stopper = new Stopper();
    InfraWatch watch = new InfraWatch(ToolSpec.USAGE_OPENCODE_JSONL, stopper, NEVER, CLOCK);
    var err = watch.stderr(l -> {});
    for (String line : Files.readAllLines(Path.of("src/test/resources/infra/opencode-offline-catalog.stderr.log"))) {
      err.accept(line);
    }
    var out = watch.stdout(l -> {});
    for (String line : Files.readAllLines(Path.of("src/test/resources/infra/opencode-offline-catalog.jsonl"))) {
      out.accept(line);
    }
    InfraSign sign = watch.verdict(true);
    assertThat(sign.reason()).isEqualTo("network");
    assertThat(sign.evidence()).contains("Unable to connect").contains("Model not found");
    assertThat(stopper.stopRequested()).isTrue();
  }

  @Test
  void claudeInitNamesTheModelEvenWhenTheApiNeverAnswers() throws Exception {
    assertThat(feed("claude-500", new Stopper()).modelUsed()).isEqualTo("claude-sonnet-4-6");
  }

  @Test
  void anAnswerAfterARetryClearsTheSign() {
    Stopper stopper = new Stopper();
    InfraWatch watch = new InfraWatch(ToolSpec.USAGE_CODEX_JSONL, stopper, NEVER, CLOCK);
    watch.stdout(l -> {}).accept("{\"type\":\"error\",\"message\":\"Reconnecting... 1/5 (unexpected status 503 Service Unavailable)\"}");
    assertThat(watch.verdict(false).reason()).isEqualTo("provider error");
    watch.stdout(l -> {}).accept("{\"type\":\"item.completed\",\"item\":{\"id\":\"item_1\",\"type\":\"agent_message\",\"text\":\"ok\"}}");
    assertThat(watch.verdict(true)).isNull();
    assertThat(stopper.stopRequested()).isFalse();
  }

  @Test
  void aRetryLineAfterTheAnswerDoesNotSpoilARunThatSucceeded() {
    Stopper stopper = new Stopper();
    InfraWatch watch = new InfraWatch(ToolSpec.USAGE_OPENCODE_JSONL, stopper, NEVER, CLOCK);
    watch.stdout(l -> {}).accept("{\"type\":\"text\",\"part\":{\"type\":\"text\",\"text\":\"done\"}}");
    watch.stderr(l -> {}).accept("timestamp=x level=ERROR message=\"stream error\" modelID=glm-5 small=false "
        + "error.error=\"AI_APICallError: Cannot connect to API: Unable to connect.\"");
    assertThat(watch.verdict(false)).isNull(); // exited 0 by itself
    assertThat(watch.verdict(true).reason()).isEqualTo("network"); // failed: the sign explains it
  }

  @Test
  void aRetryableSignStopsTheRunAfterTheGrace() throws Exception {
    Stopper stopper = new Stopper();
    InfraWatch watch = new InfraWatch(ToolSpec.USAGE_CODEX_JSONL, stopper, Duration.ofMillis(50), CLOCK);
    watch.stdout(l -> {}).accept("{\"type\":\"error\",\"message\":\"Reconnecting... waiting for network (Connection failed: error sending request)\"}");
    stopper.requested().get(); // the grace timer fires: a hang here fails the test by its timeout
    assertThat(watch.verdict(false).reason()).isEqualTo("network");
  }

  @Test
  void anApiErrorThatNamesNoReasonIsTheAgentsOwn() {
    String line = "{\"type\":\"result\",\"is_error\":true,\"terminal_reason\":\"api_error\",\"api_error_status\":400,"
        + "\"result\":\"API Error: 400 prompt is too long: 210000 tokens > 200000 maximum\"}";
    assertThat(InfraSignals.forFormat(ToolSpec.USAGE_CLAUDE_JSON).stdout(line, NOW).sign()).isNull();
    assertThat(InfraSignals.forFormat(ToolSpec.USAGE_CLAUDE_JSON).stdout(line.replace("400", "529"), NOW).sign().reason())
        .isEqualTo("provider error");
  }

  @Test
  void opencodeRetryAfterHeaderGivesTheResetTime() {
    String line = "{\"type\":\"error\",\"error\":{\"name\":\"APIError\",\"data\":{\"message\":\"Rate limit reached\","
        + "\"statusCode\":429,\"isRetryable\":true,\"responseHeaders\":{\"retry-after\":\"120\"}}}}";
    InfraSign s = InfraSignals.forFormat(ToolSpec.USAGE_OPENCODE_JSONL).stdout(line, NOW).sign();
    assertThat(s.reason()).isEqualTo("rate limit");
    assertThat(s.retryAt()).isEqualTo(NOW.plusSeconds(120));
  }

  @Test
  void resetTimesInTheTextAreRead() {
    assertThat(InfraSignals.classify("You've hit your usage limit. Try again in 3 hours.", NOW).retryAt())
        .isEqualTo(NOW.plus(Duration.ofHours(3)));
    assertThat(InfraSignals.classify("Claude AI usage limit reached|1796400000", NOW).retryAt())
        .isEqualTo(Instant.ofEpochSecond(1796400000L));
    assertThat(InfraSignals.classify("429 Too Many Requests", NOW).retryAt()).isNull();
  }

  @Test
  void aUsersOwnToolIsNeverStoppedAndItsStderrCountsOnlyWhenItFailed() {
    Stopper stopper = new Stopper();
    InfraWatch watch = new InfraWatch("none", stopper, Duration.ZERO, CLOCK);
    watch.stdout(l -> {}).accept("Error: connect ECONNREFUSED 127.0.0.1:443"); // stdout of a user's tool: not read
    assertThat(watch.verdict(true)).isNull();
    watch.stderr(l -> {}).accept("note: the tests mention a 401 status"); // no error word: not a sign
    assertThat(watch.verdict(true)).isNull();
    watch.stderr(l -> {}).accept("Error: connect ECONNREFUSED 127.0.0.1:443");
    assertThat(stopper.stopRequested()).isFalse();
    assertThat(watch.verdict(false)).isNull();
    assertThat(watch.verdict(true).reason()).isEqualTo("network");
  }

  @Test
  void everyReasonIsOneThatMemoryKnows() {
    assertThat(List.of(InfraSign.NOT_SIGNED_IN, InfraSign.NETWORK, InfraSign.QUOTA, InfraSign.RATE_LIMIT,
        InfraSign.UNKNOWN_MODEL, InfraSign.PROVIDER_ERROR, InfraSign.NOT_INSTALLED)).isEqualTo(dev.acr.core.AttemptResult.INFRA_REASONS);
  }

  @Test
  void modelsCompareWithoutProviderPrefixOrSnapshotDate() {
    assertThat(InfraWatch.sameModel("zhipuai/glm-5", "glm-5")).isTrue();
    assertThat(InfraWatch.sameModel("claude-sonnet-4-6", "claude-sonnet-4-6-20260101")).isTrue();
    assertThat(InfraWatch.sameModel("claude-sonnet-4-6", "claude-haiku-4-5")).isFalse();
    assertThat(InfraWatch.sameModel("gpt-5.4", "gpt-5.4-mini")).isFalse();
    assertThat(InfraWatch.sameModel("gpt-5.4", "gpt-5.4-2026-03-05")).isTrue();
  }

  private static InfraWatch feed(String fixture, Stopper stopper) throws Exception {
    return feedFile(Path.of("src/test/resources/infra", fixture + ".jsonl"), format(fixture), stopper);
  }

  private static InfraWatch feedFile(Path file, String format, Stopper stopper) throws Exception {
    InfraWatch watch = new InfraWatch(format, stopper, NEVER, CLOCK);
    var out = watch.stdout(l -> {});
    for (String line : Files.readAllLines(file)) {
      out.accept(line);
    }
    return watch;
  }

  private static String format(String name) {
    String n = name.replace("real-", "");
    return n.startsWith("claude") ? ToolSpec.USAGE_CLAUDE_JSON
        : n.startsWith("codex") ? ToolSpec.USAGE_CODEX_JSONL : ToolSpec.USAGE_OPENCODE_JSONL;
  }
}
