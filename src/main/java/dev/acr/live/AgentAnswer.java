package dev.acr.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.config.ToolSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The agent's answer to a question, from its captured stdout: the final message its JSON output
 * names ({@code claude-json}: the result's {@code result}; {@code codex-jsonl}: the last {@code
 * agent_message}; {@code opencode-jsonl}: the text parts of the last message), else the plain
 * stdout itself. Saved as {@link RunFiles#ANSWER} so the run's report and {@code acr explain} show it.
 */
final class AgentAnswer {
  /** An answer longer than this is cut: it is for reading on a terminal, the whole output stays in the log. */
  static final int MAX_CHARS = 64 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private AgentAnswer() {}

  /** Writes the answer to {@code answerFile} (nothing when there is none). */
  static void save(String usageFormat, Path stdout, Path answerFile) throws IOException {
    String answer = read(usageFormat, stdout);
    if (!answer.isBlank()) {
      Files.writeString(answerFile, answer.strip() + "\n");
    }
  }

  static String read(String usageFormat, Path stdout) throws IOException {
    if (!Files.isRegularFile(stdout)) {
      return "";
    }
    String fromJson = usageFormat == null ? "" : fromJson(usageFormat, stdout);
    if (!fromJson.isBlank()) {
      return cut(fromJson);
    }
    StringBuilder plain = new StringBuilder();
    try (BufferedReader r = Files.newBufferedReader(stdout, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null && plain.length() < MAX_CHARS; ) {
        if (!looksLikeJson(line)) {
          plain.append(line).append('\n');
        }
      }
    }
    return cut(plain.toString());
  }

  private static String fromJson(String format, Path stdout) throws IOException {
    String answer = "";
    String message = null;
    StringBuilder parts = new StringBuilder();
    try (BufferedReader r = Files.newBufferedReader(stdout, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        JsonNode n = parse(line);
        if (n == null) {
          continue;
        }
        switch (format) {
          case ToolSpec.USAGE_CLAUDE_JSON -> {
            for (JsonNode e : n.isArray() ? n : JSON.createArrayNode().add(n)) {
              if ("result".equals(e.path("type").asText()) && e.path("result").isTextual()) {
                answer = e.path("result").asText();
              }
            }
          }
          case ToolSpec.USAGE_CODEX_JSONL -> {
            JsonNode item = n.path("item");
            if ("item.completed".equals(n.path("type").asText()) && "agent_message".equals(item.path("type").asText())) {
              answer = item.path("text").asText("");
            }
          }
          case ToolSpec.USAGE_OPENCODE_JSONL -> {
            JsonNode part = n.path("part");
            if ("text".equals(n.path("type").asText()) && part.path("text").isTextual()) {
              String id = part.path("messageID").asText("");
              if (!id.equals(message)) {
                message = id;
                parts.setLength(0);
              }
              parts.append(part.path("text").asText());
              answer = parts.toString();
            }
          }
          default -> {
            return "";
          }
        }
      }
    }
    return answer;
  }

  /** The line as JSON when it is a JSON object or array, else null (plain output, a log line). */
  static JsonNode parse(String line) {
    if (!looksLikeJson(line)) {
      return null;
    }
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean looksLikeJson(String line) {
    String t = line.strip();
    return t.startsWith("{") || t.startsWith("[");
  }

  private static String cut(String s) {
    return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS) + "\n[... cut; the whole output is in the run's stdout.log]";
  }
}
