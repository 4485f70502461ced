package dev.acr.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.config.ToolSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one line of an agent CLI's output for signs that it could not reach or use its model, for
 * signs of real progress (the model answered), and for the model it says it used. One place per
 * {@code usage_format}, each written from what the pinned CLI really prints (see docs/real-clis.md
 * and the fixtures in src/test/resources/infra/):
 *
 * <ul>
 *   <li>{@code claude-json} (Claude Code {@code -p --output-format stream-json --verbose}): {@code
 *       system/api_retry} events ({@code error_status}, {@code error}) while it retries; an {@code
 *       assistant} message with {@code is_api_error_message} and a {@code result} with {@code
 *       is_error} and {@code api_error_status}/{@code api_error} when it gives up. The model is
 *       {@code message.model} of a real answer (the API's word), else {@code system/init}'s.
 *   <li>{@code codex-jsonl} ({@code codex exec --json}): top-level {@code error} events ("Reconnecting...
 *       2/5 (unexpected status 401 ...)", "Reconnecting... waiting for network") while it retries and
 *       {@code turn.failed} when it gives up; only free text, so the text rules below classify it.
 *       {@code item.completed} errors are warnings (e.g. missing model metadata), not signs. Codex
 *       does not report the model in these events.
 *   <li>{@code opencode-jsonl} ({@code opencode run --format json}): one {@code error} event when it
 *       gives up, an {@code APIError} with {@code statusCode} and {@code responseHeaders} (so
 *       {@code retry-after}), or a named error ({@code ProviderModelNotFoundError}, {@code
 *       UnknownError}...). While it retries, only its error log on stderr ({@code --print-logs
 *       --log-level ERROR} in the template) says what is wrong, and which model it called.
 *   <li>anything else (a user's own tool): only stderr lines that say "error" and match the text
 *       rules, and only as a verdict after a failed exit ({@link #knownFormat()} is false): acr
 *       knows nothing of the tool's output, so it never stops one early.
 * </ul>
 */
public final class InfraSignals {

  /** What one line says; any part may be absent. */
  public record Reading(InfraSign sign, boolean progress, String model) {
    static final Reading NOTHING = new Reading(null, false, null);

    static Reading sign(InfraSign s) {
      return s == null ? NOTHING : new Reading(s, false, null);
    }
  }

  private static final class Lazy {
    static final ObjectMapper JSON = new ObjectMapper();
  }

  private final String format;

  private InfraSignals(String format) {
    this.format = format == null ? ToolSpec.USAGE_NONE : format;
  }

  public static InfraSignals forFormat(String usageFormat) {
    return new InfraSignals(usageFormat);
  }

  /** Whether this format's signs are trusted enough to stop a run early. */
  public boolean knownFormat() {
    return switch (format) {
      case ToolSpec.USAGE_CLAUDE_JSON, ToolSpec.USAGE_CODEX_JSONL, ToolSpec.USAGE_OPENCODE_JSONL -> true;
      default -> false;
    };
  }

  /** One stdout line; {@code now} dates a "retry in N s". */
  public Reading stdout(String line, Instant now) {
    JsonNode node = json(line);
    if (node == null) {
      return Reading.NOTHING;
    }
    return switch (format) {
      case ToolSpec.USAGE_CLAUDE_JSON -> claude(node, now);
      case ToolSpec.USAGE_CODEX_JSONL -> codex(node, now);
      case ToolSpec.USAGE_OPENCODE_JSONL -> opencode(node, now);
      default -> Reading.NOTHING;
    };
  }

  /**
   * One stderr line. The known CLIs put their errors on stdout as JSON; on stderr only an
   * error-looking line counts (codex prints "ERROR: ..." there when it cannot start a session).
   */
  public Reading stderr(String line, Instant now) {
    if (ToolSpec.USAGE_OPENCODE_JSONL.equals(format)) {
      return opencodeLog(line, now);
    }
    if (!ERROR_LINE.matcher(line).find()) {
      return Reading.NOTHING;
    }
    return Reading.sign(classify(line, now));
  }

  private static final Pattern ERROR_LINE = Pattern.compile("(?i)\\berror\\b|\\bfailed\\b|\\bunauthori[sz]ed\\b");

  // ---- Claude Code

  private static Reading claude(JsonNode n, Instant now) {
    String type = n.path("type").asText();
    switch (type) {
      case "system":
        if ("api_retry".equals(n.path("subtype").asText())) {
          return Reading.sign(byStatus(n.path("error_status"), n.path("error").asText(), n.toString(), now));
        }
        return "init".equals(n.path("subtype").asText()) ? new Reading(null, false, text(n.get("model"))) : Reading.NOTHING;
      case "assistant": {
        JsonNode m = n.path("message");
        if (n.path("is_api_error_message").asBoolean(false) || n.hasNonNull("error")) {
          InfraSign s = byStatus(n.path("api_error_status"), n.path("error").asText(), contentText(m), now);
          return Reading.sign(s == null ? null : s.asFinal());
        }
        String model = text(m.get("model"));
        return new Reading(null, true, "<synthetic>".equals(model) ? null : model);
      }
      case "result": {
        if (!n.path("is_error").asBoolean(false)) {
          return new Reading(null, true, mostUsed(n.path("modelUsage")));
        }
        boolean apiError = "api_error".equals(n.path("terminal_reason").asText())
            || n.hasNonNull("api_error_status") || n.hasNonNull("api_error");
        if (!apiError) {
          return Reading.NOTHING; // the agent's own failure (max turns, a tool error...)
        }
        // a 400 (say, a prompt too long) names no reason: the agent's failure, not the infra's
        InfraSign s = byStatus(n.path("api_error_status"), n.path("api_error").asText(), n.path("result").asText(), now);
        return Reading.sign(s == null ? null : s.asFinal());
      }
      default:
        return Reading.NOTHING;
    }
  }

  /**
   * Claude Code's HTTP status and its own error kind ("authentication_failed", "rate_limit",
   * "model_not_found", "server_error", "connection_failed", or "unknown" when no answer came).
   */
  private static InfraSign byStatus(JsonNode status, String kind, String message, Instant now) {
    InfraSign fromText = classify(kind + " " + message, now);
    if (status.isInt()) {
      int code = status.asInt();
      String reason = switch (code) {
        case 401, 403 -> InfraSign.NOT_SIGNED_IN;
        case 404 -> InfraSign.UNKNOWN_MODEL;
        case 402 -> InfraSign.QUOTA;
        case 429 -> fromText != null && fromText.reason().equals(InfraSign.QUOTA) ? InfraSign.QUOTA : InfraSign.RATE_LIMIT;
        default -> code >= 500 ? InfraSign.PROVIDER_ERROR : null;
      };
      if (reason != null) {
        return InfraSign.of(reason, fromText == null ? null : fromText.retryAt(), message);
      }
      return fromText;
    }
    if (status.isNull() || status.isMissingNode()) {
      // no HTTP answer at all: the connection itself failed
      return fromText != null ? fromText : InfraSign.of(InfraSign.NETWORK, null, message);
    }
    return fromText;
  }

  // ---- Codex

  private static Reading codex(JsonNode n, Instant now) {
    String type = n.path("type").asText();
    switch (type) {
      case "error": {
        String msg = n.path("message").asText();
        InfraSign s = classify(msg, now);
        // "Reconnecting... 2/5 (...)" and "waiting for network" are retries; a bare error is the last word
        return Reading.sign(s == null || msg.startsWith("Reconnecting") ? s : s.asFinal());
      }
      case "turn.failed": {
        InfraSign s = classify(n.path("error").path("message").asText(), now);
        return Reading.sign(s == null ? null : s.asFinal());
      }
      case "item.started", "item.updated", "item.completed":
        return "error".equals(n.path("item").path("type").asText()) ? Reading.NOTHING : new Reading(null, true, null);
      case "turn.completed":
        return new Reading(null, true, null);
      default:
        return Reading.NOTHING;
    }
  }

  // ---- opencode

  private static Reading opencode(JsonNode n, Instant now) {
    String type = n.path("type").asText();
    if (!"error".equals(type)) {
      boolean progress = switch (type) {
        case "text", "tool_use", "reasoning", "step_finish" -> true;
        default -> false;
      };
      return progress ? new Reading(null, true, null) : Reading.NOTHING;
    }
    JsonNode e = n.path("error");
    JsonNode data = e.path("data");
    String name = e.path("name").asText();
    String message = name + ": " + data.path("message").asText() + " " + data.path("responseBody").asText();
    InfraSign s;
    if (name.contains("ModelNotFound")) {
      s = InfraSign.of(InfraSign.UNKNOWN_MODEL, null, message);
    } else if (name.contains("Auth")) {
      s = InfraSign.of(InfraSign.NOT_SIGNED_IN, null, message);
    } else {
      Instant retryAt = retryAfter(data.path("responseHeaders"), now);
      s = data.has("statusCode")
          ? byStatus(data.path("statusCode"), "", message, now)
          : classify(message, now);
      if (s != null && retryAt != null) {
        s = new InfraSign(s.reason(), s.retryable(), retryAt, s.evidence());
      }
    }
    return Reading.sign(s == null ? null : s.asFinal());
  }

  /**
   * opencode's {@code --print-logs --log-level ERROR} line for each failed model call, which is
   * all it says while it retries (its JSON stream stays silent until it gives up): {@code
   * level=ERROR ... message="stream error" providerID=zhipuai modelID=glm-5 ... small=false
   * agent=build ... error.error="AI_APICallError: Cannot connect to API: ..."}. The {@code
   * small=true} lines are its side call for a session title, which says nothing about the route.
   */
  private static Reading opencodeLog(String line, Instant now) {
    if (!line.contains("level=ERROR") || line.contains(" small=true")) {
      return Reading.NOTHING;
    }
    Matcher model = OPENCODE_MODEL.matcher(line);
    // A failed call says it in error.error=; a failure before any call (offline, the model
    // catalog could not be fetched, so no model is known) in error= or cause=.
    StringBuilder said = new StringBuilder();
    for (Matcher error = OPENCODE_ERROR.matcher(line); error.find(); ) {
      said.append(error.group(1)).append('\n');
    }
    InfraSign s = said.length() == 0 ? null : classify(said.toString(), now);
    return new Reading(s, false, model.find() ? model.group(1) : null);
  }

  private static final Pattern OPENCODE_MODEL = Pattern.compile(" modelID=(\\S+)");
  private static final Pattern OPENCODE_ERROR =
      Pattern.compile(" (?:error\\.error|error|cause)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** The {@code retry-after} header (seconds or an HTTP date) of an error response. */
  static Instant retryAfter(JsonNode headers, Instant now) {
    for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> h = it.next();
      if (!h.getKey().equalsIgnoreCase("retry-after")) {
        continue;
      }
      String v = h.getValue().asText().strip();
      try {
        return v.matches("\\d+") ? now.plusSeconds(Long.parseLong(v))
            : ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      } catch (RuntimeException e) {
        return null;
      }
    }
    return null;
  }

  // ---- the text rules, shared by every format

  /** Checked in this order: the first that matches names the reason. */
  private static final Pattern QUOTA = Pattern.compile(
      "(?i)insufficient_quota|exceeded your current quota|quota exceeded|credit balance is too low"
          + "|usage limit|out of credits|billing");
  private static final Pattern RATE_LIMIT = Pattern.compile("(?i)\\b429\\b|rate.?limit|too many requests");
  private static final Pattern UNKNOWN_MODEL = Pattern.compile(
      "(?i)model_not_found|ModelNotFound|unknown model|model\\b[^;:!?]{0,60}?\\b(does not exist|not found|not supported|not available|may not exist)");
  private static final Pattern NOT_SIGNED_IN = Pattern.compile(
      "(?i)\\b40[13]\\b|unauthori[sz]ed|forbidden|authentication|invalid.?api.?key|incorrect api key|api key"
          + "|not logged in|log ?in required|please (run|use) .{0,20}login|x-api-key");
  private static final Pattern NETWORK = Pattern.compile(
      "(?i)ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|ENETUNREACH|connection refused|connection failed"
          + "|connection_failed|could not resolve|failed to lookup address|dns error|name or service not known"
          + "|network is unreachable|waiting for network|unable to connect|error sending request|fetch failed"
          + "|timed out while connecting");
  private static final Pattern PROVIDER_ERROR = Pattern.compile(
      "(?i)\\b50[0-4]\\b|\\b529\\b|internal server error|server_error|overloaded|service unavailable|bad gateway"
          + "|high demand|api_error|server had an error");
  private static final Pattern RETRY_IN = Pattern.compile(
      "(?i)(?:try again|retry|resets?) (?:in|after) (\\d+) ?(s|sec|second|m|min|minute|h|hr|hour)s?\\b");
  /** Claude Code's subscription limit: "Claude AI usage limit reached|1735689600". */
  private static final Pattern EPOCH_RESET = Pattern.compile("limit reached\\|(\\d{10})\\b");

  /** The reason the text names, or null when it names none. */
  static InfraSign classify(String text, Instant now) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String reason;
    if (QUOTA.matcher(text).find()) {
      reason = InfraSign.QUOTA;
    } else if (RATE_LIMIT.matcher(text).find()) {
      reason = InfraSign.RATE_LIMIT;
    } else if (UNKNOWN_MODEL.matcher(text).find()) {
      reason = InfraSign.UNKNOWN_MODEL;
    } else if (NOT_SIGNED_IN.matcher(text).find()) {
      reason = InfraSign.NOT_SIGNED_IN;
    } else if (NETWORK.matcher(text).find()) {
      reason = InfraSign.NETWORK;
    } else if (PROVIDER_ERROR.matcher(text).find()) {
      reason = InfraSign.PROVIDER_ERROR;
    } else {
      return null;
    }
    return InfraSign.of(reason, resetTime(text, now), text);
  }

  private static Instant resetTime(String text, Instant now) {
    Matcher epoch = EPOCH_RESET.matcher(text);
    if (epoch.find()) {
      return Instant.ofEpochSecond(Long.parseLong(epoch.group(1)));
    }
    Matcher in = RETRY_IN.matcher(text);
    if (!in.find()) {
      return null;
    }
    long n = Long.parseLong(in.group(1));
    String unit = in.group(2).toLowerCase(Locale.ROOT);
    Duration d = unit.startsWith("h") ? Duration.ofHours(n) : unit.startsWith("m") ? Duration.ofMinutes(n) : Duration.ofSeconds(n);
    return now.plus(d);
  }

  // ---- JSON helpers

  private static JsonNode json(String line) {
    String s = line.strip();
    if (s.isEmpty() || s.charAt(0) != '{') {
      return null;
    }
    try {
      JsonNode n = Lazy.JSON.readTree(s);
      return n != null && n.isObject() ? n : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String text(JsonNode n) {
    return n == null || !n.isTextual() || n.asText().isBlank() ? null : n.asText();
  }

  private static String contentText(JsonNode message) {
    StringBuilder b = new StringBuilder();
    for (JsonNode c : message.path("content")) {
      b.append(c.path("text").asText()).append(' ');
    }
    return b.toString();
  }

  /** The model with the most output tokens in Claude Code's {@code modelUsage} (side queries use others). */
  private static String mostUsed(JsonNode modelUsage) {
    String best = null;
    long most = -1;
    for (Iterator<Map.Entry<String, JsonNode>> it = modelUsage.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      long out = e.getValue().path("outputTokens").asLong(0);
      if (out > most) {
        best = e.getKey();
        most = out;
      }
    }
    return best;
  }
}
