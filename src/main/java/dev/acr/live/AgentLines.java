package dev.acr.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acr.config.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person watching a run sees of an agent's JSON event stream: its messages, the tools it
 * calls and its errors, one short line each, instead of the raw events (Claude Code's first event
 * alone is a few kilobytes of tool and plugin lists). Only the display changes: the run's
 * stdout.log keeps every event, and usage, infra signs and the answer are read from the raw lines.
 * A line that is not JSON, or a tool without a known {@code usage_format}, is shown as it came.
 */
final class AgentLines {
  /** Longer tool arguments (a heredoc in a shell command, say) are cut on the display. */
  static final int MAX_ARGUMENT = 160;

  /** The argument that says what a tool call is about, in the order the three CLIs name them. */
  private static final List<String> ARGUMENTS =
      List.of("file_path", "filePath", "path", "command", "pattern", "url", "query", "description");

  /**
   * A log line in the default format of Rust's tracing crate, which Codex writes to stderr:
   * {@code 2026-12-05T18:49:26.353024Z ERROR codex_api::endpoint::responses_websocket: failed to
   * connect …}. The timestamp and the module path say nothing to a person watching the run.
   */
  private static final Pattern TRACING_LOG =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z\\s+(ERROR|WARN|INFO|DEBUG|TRACE)\\s+[\\w:]+:\\s+(.*)$");

  private AgentLines() {}

  /** The line to show for one line of the agent's stderr: a tracing log line as {@code error: message}. */
  static String stderr(String line) {
    Matcher m = TRACING_LOG.matcher(line);
    return m.matches() ? m.group(1).toLowerCase(java.util.Locale.ROOT) + ": " + m.group(2) : line;
  }

  /** The lines to show for one line of the agent's stdout; none for events nobody needs to watch. */
  static List<String> show(String usageFormat, String line) {
    JsonNode n = usageFormat == null ? null : AgentAnswer.parse(line);
    if (n == null) {
      return List.of(line);
    }
    List<String> out = new ArrayList<>();
    // Claude Code's --output-format json --verbose prints the whole session as one array.
    for (JsonNode e : n.isArray() ? n : List.of(n)) {
      switch (usageFormat) {
        case ToolSpec.USAGE_CLAUDE_JSON -> claude(e, out);
        case ToolSpec.USAGE_CODEX_JSONL -> codex(e, out);
        case ToolSpec.USAGE_OPENCODE_JSONL -> opencode(e, out);
        default -> {
          return List.of(line);
        }
      }
    }
    return out;
  }

  /** Claude Code's stream-json: the session start, the assistant's text and tool calls, the result. */
  private static void claude(JsonNode n, List<String> out) {
    switch (n.path("type").asText()) {
      case "system" -> {
        if ("init".equals(n.path("subtype").asText())) {
          out.add("session started (" + n.path("model").asText("model unknown") + ")");
        }
      }
      case "assistant" -> {
        for (JsonNode c : n.path("message").path("content")) {
          switch (c.path("type").asText()) {
            case "text" -> text(c.path("text").asText(""), out);
            case "tool_use" -> out.add(call(c.path("name").asText("tool"), c.path("input")));
            default -> { } // thinking: the agent's own scratch work
          }
        }
      }
      case "result" -> out.add(n.path("is_error").asBoolean()
          ? "error: " + n.path("result").asText(n.path("subtype").asText())
          : "finished (" + n.path("num_turns").asInt() + " turns)");
      default -> { } // tool results, stream deltas: the calls above already say what happened
    }
  }

  /** Codex's exec --json: commands as they start (and how a failing one ended), edits, messages, errors. */
  private static void codex(JsonNode n, List<String> out) {
    JsonNode item = n.path("item");
    String kind = item.path("type").asText();
    switch (n.path("type").asText()) {
      case "item.started" -> {
        if ("command_execution".equals(kind)) {
          out.add("$ " + cut(item.path("command").asText("")));
        }
      }
      case "item.completed" -> {
        switch (kind) {
          case "agent_message" -> text(item.path("text").asText(""), out);
          case "command_execution" -> {
            int exit = item.path("exit_code").asInt(0);
            if (exit != 0) {
              out.add("exit " + exit + ": " + cut(item.path("command").asText("")));
            }
          }
          case "file_change" -> {
            List<String> paths = new ArrayList<>();
            item.path("changes").forEach(c -> paths.add(c.path("path").asText()));
            out.add("edited " + cut(String.join(", ", paths)));
          }
          case "mcp_tool_call" -> out.add(item.path("server").asText() + "." + item.path("tool").asText());
          case "web_search" -> out.add("search " + cut(item.path("query").asText("")));
          case "error" -> out.add("note: " + item.path("message").asText(""));
          default -> { } // reasoning, todo lists
        }
      }
      case "error" -> out.add("error: " + n.path("message").asText(""));
      case "turn.failed" -> out.add("error: " + n.path("error").path("message").asText(""));
      default -> { } // thread and turn boundaries, usage
    }
  }

  /** opencode's run --format json: text parts, tool calls (and their failures), errors. */
  private static void opencode(JsonNode n, List<String> out) {
    JsonNode part = n.path("part");
    switch (n.path("type").asText()) {
      case "text" -> text(part.path("text").asText(""), out);
      case "tool_use" -> {
        JsonNode state = part.path("state");
        String line = call(part.path("tool").asText("tool"), state.path("input"));
        out.add("error".equals(state.path("status").asText()) ? line + " failed: " + cut(state.path("error").asText("")) : line);
      }
      case "error" -> {
        JsonNode e = n.path("error");
        out.add("error: " + e.path("data").path("message").asText(e.path("message").asText(e.path("name").asText())));
      }
      default -> { } // step boundaries with their usage
    }
  }

  /** A tool call as {@code Edit src/parser.py}: its name and the argument that says what it is about. */
  private static String call(String name, JsonNode input) {
    for (String a : ARGUMENTS) {
      if (input.path(a).isTextual()) {
        return name + " " + cut(input.path(a).asText());
      }
    }
    return name;
  }

  private static void text(String text, List<String> out) {
    text.strip().lines().filter(l -> !l.isBlank()).forEach(out::add);
  }

  private static String cut(String s) {
    String one = s.replaceAll("\\s*\\R\\s*", " ").strip();
    return one.length() <= MAX_ARGUMENT ? one : one.substring(0, MAX_ARGUMENT) + "…";
  }
}
