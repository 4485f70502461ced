package dev.acr.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.config.ModelPrice;
import dev.acr.config.ToolSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads cost and token counts from a coding agent's captured stdout. The file is streamed line by
 * line (it can be large); lines that are not JSON are ignored. Formats:
 *
 * <ul>
 *   <li>{@code claude-json}: Claude Code {@code -p --output-format json} prints one result object
 *       ({@code type: "result"}, {@code total_cost_usd}, {@code usage.input_tokens},
 *       {@code usage.output_tokens}, {@code usage.cache_creation_input_tokens}, {@code
 *       usage.cache_read_input_tokens}); {@code stream-json} prints the same object as its last
 *       line; with {@code --verbose}, {@code json} prints a list of messages ending with it. The
 *       last result wins. Cache tokens count as input.
 *   <li>{@code codex-jsonl}: {@code codex exec --json} events; {@code turn.completed} carries
 *       {@code usage: {input_tokens, cached_input_tokens, output_tokens}}, summed over events.
 *       {@code cached_input_tokens} is a subset of {@code input_tokens} (OpenAI accounting), so it
 *       is not added again; likewise Codex 0.169's {@code reasoning_output_tokens} is part of
 *       {@code output_tokens} (checked against the real CLI, see RealCliUsageIT). Codex reports no
 *       cost.
 *   <li>{@code opencode-jsonl}: {@code opencode run --format json} events; each {@code
 *       step_finish} has {@code part.cost} and {@code part.tokens: {input, output, reasoning,
 *       cache: {read, write}}}, summed. opencode's {@code input} excludes cache tokens and its
 *       {@code output} excludes reasoning, so input = input + cache.read + cache.write and output =
 *       output + reasoning.
 *   <li>{@code none} (or null): nothing is read.
 * </ul>
 *
 * <p>A reported cost wins; tokens without a cost (or with a reported cost of exactly 0, which is
 * what opencode prints for models missing from its price catalogue) are priced with {@code price}
 * when given ({@link Usage#ESTIMATED}); otherwise the cost is null and the source {@link
 * Usage#UNKNOWN}.
 */
public final class UsageParser {
  /** Built on first use: a cold ObjectMapper costs ~100 ms of start-up, which paths without JSON skip. */
  private static final class Lazy {
    static final ObjectMapper JSON = new ObjectMapper();
  }

  private UsageParser() {}

  public static Usage parse(String usageFormat, Path stdoutFile, ModelPrice priceOrNull) {
    if (usageFormat == null || stdoutFile == null || !Files.isRegularFile(stdoutFile)) {
      return Usage.unknown();
    }
    Acc acc = new Acc();
    String hint;
    switch (usageFormat) {
      case ToolSpec.USAGE_CLAUDE_JSON:
        hint = "\"result\"";
        break;
      case ToolSpec.USAGE_CODEX_JSONL:
        hint = "turn.completed";
        break;
      case ToolSpec.USAGE_OPENCODE_JSONL:
        hint = "step";
        break;
      default:
        return Usage.unknown();
    }
    String wanted = hint;
    LineSplitter lines = new LineSplitter(line -> read(line, wanted, usageFormat, acc), MAX_LINE_CODE_POINTS);
    try (InputStream in = Files.newInputStream(stdoutFile)) {
      byte[] chunk = new byte[1 << 16];
      for (int n; (n = in.read(chunk)) > 0; ) {
        lines.write(chunk, 0, n);
      }
    } catch (IOException e) {
      // An unreadable file tells us nothing more; keep what was read.
    }
    lines.finish();
    return acc.toUsage(priceOrNull);
  }

  /**
   * Usage lines are small JSON events, but an agent's stdout may hold a 200 MB line of anything;
   * reading that whole would put the heap at the agent's mercy. A longer line is cut, which no
   * JSON parser accepts, so it is skipped. 1M characters is ~250k tokens, more than any model
   * writes in one message, so Claude Code's result line (which carries the final message) fits.
   */
  static final int MAX_LINE_CODE_POINTS = 1 << 20;

  /** One line of the log: a usage event of the CLI's format is added to {@code acc}. */
  private static void read(String line, String hint, String usageFormat, Acc acc) {
    String s = line.strip();
    if (s.isEmpty() || (s.charAt(0) != '{' && s.charAt(0) != '[') || !s.contains(hint)) {
      return;
    }
    JsonNode node;
    try {
      node = Lazy.JSON.readTree(s);
    } catch (JsonProcessingException e) {
      return;
    }
    if (node == null) {
      return;
    }
    switch (usageFormat) {
      case ToolSpec.USAGE_CLAUDE_JSON:
        claude(node, acc);
        break;
      case ToolSpec.USAGE_CODEX_JSONL:
        codex(node, acc);
        break;
      default:
        opencode(node, acc);
        break;
    }
  }

  private static void claude(JsonNode node, Acc acc) {
    if (node.isArray()) {
      for (JsonNode e : node) {
        claude(e, acc);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    JsonNode type = node.get("type");
    boolean isResult =
        type == null ? node.has("total_cost_usd") : "result".equals(type.asText());
    if (!isResult) {
      return;
    }
    // The last result object describes the whole run: replace, do not add.
    acc.cost = number(node.get("total_cost_usd"));
    if (acc.cost == null) {
      acc.cost = number(node.get("cost_usd"));
    }
    JsonNode u = node.get("usage");
    acc.in = null;
    acc.out = null;
    if (u != null && u.isObject()) {
      acc.in = sum(sum(count(u.get("input_tokens")), count(u.get("cache_creation_input_tokens"))),
          count(u.get("cache_read_input_tokens")));
      acc.out = count(u.get("output_tokens"));
    }
  }

  private static void codex(JsonNode node, Acc acc) {
    if (!node.isObject() || !"turn.completed".equals(text(node.get("type")))) {
      return;
    }
    JsonNode u = node.get("usage");
    if (u == null || !u.isObject()) {
      return;
    }
    acc.in = sum(acc.in, count(u.get("input_tokens")));
    acc.out = sum(acc.out, count(u.get("output_tokens")));
  }

  private static void opencode(JsonNode node, Acc acc) {
    if (!node.isObject()) {
      return;
    }
    String type = text(node.get("type"));
    JsonNode part;
    if ("step_finish".equals(type)) {
      part = node.get("part");
    } else if ("step-finish".equals(type)) {
      part = node;
    } else {
      return;
    }
    if (part == null || !part.isObject()) {
      return;
    }
    acc.cost = sumD(acc.cost, number(part.get("cost")));
    JsonNode t = part.get("tokens");
    if (t == null || !t.isObject()) {
      return;
    }
    JsonNode cache = t.get("cache");
    Long in = count(t.get("input"));
    if (cache != null && cache.isObject()) {
      in = sum(sum(in, count(cache.get("read"))), count(cache.get("write")));
    }
    acc.in = sum(acc.in, in);
    acc.out = sum(acc.out, sum(count(t.get("output")), count(t.get("reasoning"))));
  }

  private static String text(JsonNode n) {
    return n == null || !n.isTextual() ? null : n.asText();
  }

  private static Double number(JsonNode n) {
    if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble()) || n.asDouble() < 0) {
      return null;
    }
    return n.asDouble();
  }

  private static Long count(JsonNode n) {
    if (n == null || !n.isNumber() || n.asDouble() < 0) {
      return null;
    }
    return n.asLong();
  }

  private static Long sum(Long a, Long b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + b;
  }

  private static Double sumD(Double a, Double b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + b;
  }

  private static final class Acc {
    Double cost;
    Long in;
    Long out;

    Usage toUsage(ModelPrice price) {
      boolean haveTokens = in != null || out != null;
      boolean tokensNonZero = (in != null && in > 0) || (out != null && out > 0);
      if (cost != null && !(cost == 0.0 && tokensNonZero && price != null)) {
        return new Usage(cost, in, out, Usage.REPORTED);
      }
      if (haveTokens && price != null) {
        long i = in == null ? 0 : in;
        long o = out == null ? 0 : out;
        return new Usage(price.cost(i, o), in, out, Usage.ESTIMATED);
      }
      return new Usage(null, in, out, Usage.UNKNOWN);
    }
  }
}
