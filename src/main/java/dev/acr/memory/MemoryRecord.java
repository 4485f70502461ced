package dev.acr.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
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
    string(g, Names.TS, ts);
    string(g, Names.RUN_ID, runId);
    g.writeFieldName(Names.ATTEMPT);
    g.writeNumber(attempt);
    string(g, Names.TASK, task);
    string(g, Names.PROMPT, prompt);
    string(g, Names.DIMENSION, dimension);
    string(g, Names.TOOL, tool);
    string(g, Names.MODEL, model);
    string(g, Names.ROUTE, route);
    g.writeFieldName(Names.RESOLVED);
    g.writeBoolean(resolved);
    g.writeFieldName(Names.APPLY_OK);
    g.writeBoolean(applyOk);
    string(g, Names.STATUS, status);
    numberOrNull(g, Names.EXIT_CODE, exitCode);
    g.writeFieldName(Names.DURATION_MS);
    g.writeNumber(durationMs);
    numberOrNull(g, Names.COST_USD, costUsd);
    numberOrNull(g, Names.INPUT_TOKENS, inputTokens);
    numberOrNull(g, Names.OUTPUT_TOKENS, outputTokens);
    string(g, Names.SOURCE, source);
    numberOrNull(g, Names.SCORE, score);
    string(g, Names.BENCH, bench);
    string(g, Names.LANGUAGE, language);
    stringIfPresent(g, Names.REASON, reason);
    stringIfPresent(g, Names.MODEL_USED, modelUsed);
    stringIfPresent(g, Names.RACE_ID, raceId);
    if (promptChars != null) {
      g.writeFieldName(Names.PROMPT_CHARS);
      g.writeNumber(promptChars.intValue());
    }
    g.writeEndObject();
  }

  /**
   * The field names, each quoted and encoded once: a name written from a String is escaped char
   * by char on every line, ~22 names a line, and a full replay writes ~270,000 lines (names this
   * way: ~13% less time writing them).
   */
  private static final class Names {
    static final SerializableString TS = new SerializedString("ts");
    static final SerializableString RUN_ID = new SerializedString("run_id");
    static final SerializableString ATTEMPT = new SerializedString("attempt");
    static final SerializableString TASK = new SerializedString("task");
    static final SerializableString PROMPT = new SerializedString("prompt");
    static final SerializableString DIMENSION = new SerializedString("dimension");
    static final SerializableString TOOL = new SerializedString("tool");
    static final SerializableString MODEL = new SerializedString("model");
    static final SerializableString ROUTE = new SerializedString("route");
    static final SerializableString RESOLVED = new SerializedString("resolved");
    static final SerializableString APPLY_OK = new SerializedString("apply_ok");
    static final SerializableString STATUS = new SerializedString("status");
    static final SerializableString EXIT_CODE = new SerializedString("exit_code");
    static final SerializableString DURATION_MS = new SerializedString("duration_ms");
    static final SerializableString COST_USD = new SerializedString("cost_usd");
    static final SerializableString INPUT_TOKENS = new SerializedString("input_tokens");
    static final SerializableString OUTPUT_TOKENS = new SerializedString("output_tokens");
    static final SerializableString SOURCE = new SerializedString("source");
    static final SerializableString SCORE = new SerializedString("score");
    static final SerializableString BENCH = new SerializedString("bench");
    static final SerializableString LANGUAGE = new SerializedString("language");
    static final SerializableString REASON = new SerializedString("reason");
    static final SerializableString MODEL_USED = new SerializedString("model_used");
    static final SerializableString RACE_ID = new SerializedString("race_id");
    static final SerializableString PROMPT_CHARS = new SerializedString("prompt_chars");
  }

  private static void string(JsonGenerator g, SerializableString field, String value) throws IOException {
    g.writeFieldName(field);
    g.writeString(value);
  }

  private static void stringIfPresent(JsonGenerator g, SerializableString field, String value) throws IOException {
    if (value != null) {
      string(g, field, value);
    }
  }

  /** A number field as data binding writes it: null, or the value of its own type. */
  private static void numberOrNull(JsonGenerator g, SerializableString field, Number value) throws IOException {
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
