package dev.acr.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;

/**
 * One line of memory: one attempt of one route on one task. Everything acr learns from is in
 * these fields; the README documents them. Live runs and replays write the same shape.
 *
 * <p>{@code task} is the sha256 of the prompt for live runs and the benchmark task id for
 * replays. {@code score} is the benchmark's continuous score where it has one (null otherwise;
 * then performance is {@code resolved}). {@code bench} and {@code language} are the context the
 * router saw (null when unknown). The last three are left out of the line when null, so older
 * lines and replays stay as they were: {@code reason} says why an {@code infra_error} or
 * {@code acr_error} happened ("not signed in", "network", "quota"...), {@code model_used} is the
 * model the CLI reported it actually ran when that differs from or adds to {@code model}, and
 * {@code race_id} ties together the attempts of one race. {@code prompt_chars}, also left out when
 * null, is the length of the task's whole prompt in characters: memory keeps at most {@link
 * #PROMPT_LIMIT} characters of the prompt itself, and none when {@code store_prompts} is off, but
 * the policy learns per prompt length ({@code policy/PromptLength}), so the length is kept apart.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "ts", "run_id", "attempt", "task", "prompt", "dimension", "tool", "model", "route",
  "resolved", "apply_ok", "status", "exit_code", "duration_ms", "cost_usd",
  "input_tokens", "output_tokens", "source", "score", "bench", "language", "reason", "model_used", "race_id",
  "prompt_chars"
})
public record MemoryRecord(
    String ts,
    String runId,
    int attempt,
    String task,
    String prompt,
    String dimension,
    String tool,
    String model,
    String route,
    boolean resolved,
    boolean applyOk,
    String status,
    Integer exitCode,
    long durationMs,
    Double costUsd,
    Long inputTokens,
    Long outputTokens,
    String source,
    Double score,
    String bench,
    String language,
    @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
    @JsonInclude(JsonInclude.Include.NON_NULL) String modelUsed,
    @JsonInclude(JsonInclude.Include.NON_NULL) String raceId,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer promptChars) {

  /** A record without reason, model used or race (replays, imports, older callers). */
  public MemoryRecord(
      String ts, String runId, int attempt, String task, String prompt, String dimension, String tool, String model,
      String route, boolean resolved, boolean applyOk, String status, Integer exitCode, long durationMs,
      Double costUsd, Long inputTokens, Long outputTokens, String source, Double score, String bench,
      String language) {
    this(ts, runId, attempt, task, prompt, dimension, tool, model, route, resolved, applyOk, status, exitCode,
        durationMs, costUsd, inputTokens, outputTokens, source, score, bench, language, null, null, null);
  }

  /** A record without the prompt's length (older callers). */
  public MemoryRecord(
      String ts, String runId, int attempt, String task, String prompt, String dimension, String tool, String model,
      String route, boolean resolved, boolean applyOk, String status, Integer exitCode, long durationMs,
      Double costUsd, Long inputTokens, Long outputTokens, String source, Double score, String bench,
      String language, String reason, String modelUsed, String raceId) {
    this(ts, runId, attempt, task, prompt, dimension, tool, model, route, resolved, applyOk, status, exitCode,
        durationMs, costUsd, inputTokens, outputTokens, source, score, bench, language, reason, modelUsed, raceId,
        null);
  }

  public static final int PROMPT_LIMIT = 500;

  /** Performance of the attempt: the score where there is one, else 1 for resolved, 0 not. */
  public double performance() {
    return score != null ? score : (resolved ? 1.0 : 0.0);
  }

  /**
   * The same record with its prompt dropped ({@code task} keeps the prompt's sha256 for live runs,
   * {@code prompt_chars} its length).
   */
  public MemoryRecord withoutPrompt() {
    if (prompt == null) {
      return this;
    }
    return new MemoryRecord(ts, runId, attempt, task, null, dimension, tool, model, route, resolved, applyOk, status,
        exitCode, durationMs, costUsd, inputTokens, outputTokens, source, score, bench, language, reason, modelUsed,
        raceId, promptChars);
  }

  /**
   * Writes this record as one JSON object, fields in the order above: the very text Jackson's
   * data binding makes from this record's annotations (a test holds the two equal), without the
   * reflection it spends per field, which a replay writing ~60,000 records paid for. Every writer
   * of memory lines goes through here.
   */
  public void writeTo(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("ts", ts);
    g.writeStringField("run_id", runId);
    g.writeNumberField("attempt", attempt);
    g.writeStringField("task", task);
    g.writeStringField("prompt", prompt);
    g.writeStringField("dimension", dimension);
    g.writeStringField("tool", tool);
    g.writeStringField("model", model);
    g.writeStringField("route", route);
    g.writeBooleanField("resolved", resolved);
    g.writeBooleanField("apply_ok", applyOk);
    g.writeStringField("status", status);
    writeNumberOrNull(g, "exit_code", exitCode);
    g.writeNumberField("duration_ms", durationMs);
    writeNumberOrNull(g, "cost_usd", costUsd);
    writeNumberOrNull(g, "input_tokens", inputTokens);
    writeNumberOrNull(g, "output_tokens", outputTokens);
    g.writeStringField("source", source);
    writeNumberOrNull(g, "score", score);
    g.writeStringField("bench", bench);
    g.writeStringField("language", language);
    writeStringIfPresent(g, "reason", reason);
    writeStringIfPresent(g, "model_used", modelUsed);
    writeStringIfPresent(g, "race_id", raceId);
    if (promptChars != null) {
      g.writeNumberField("prompt_chars", promptChars.intValue());
    }
    g.writeEndObject();
  }

  private static void writeStringIfPresent(JsonGenerator g, String field, String value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }

  /** A number field as data binding writes it: null, or the value of its own type. */
  private static void writeNumberOrNull(JsonGenerator g, String field, Number value) throws IOException {
    g.writeFieldName(field);
    if (value == null) {
      g.writeNull();
    } else if (value instanceof Double d) {
      g.writeNumber(d.doubleValue());
    } else if (value instanceof Integer i) {
      g.writeNumber(i.intValue());
    } else {
      g.writeNumber(value.longValue());
    }
  }

  /** Truncates a prompt to what memory keeps. */
  public static String truncatePrompt(String prompt) {
    if (prompt == null || prompt.length() <= PROMPT_LIMIT) {
      return prompt;
    }
    return prompt.substring(0, PROMPT_LIMIT);
  }
}
