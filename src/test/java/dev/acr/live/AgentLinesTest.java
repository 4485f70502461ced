package dev.acr.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a run shows of the agents' JSON events: the real CLIs' captured output (src/test/resources/usage). */
class AgentLinesTest {

  private static List<String> shown(String format, String fixture) throws Exception {
    Path p = Path.of(AgentLinesTest.class.getResource("/usage/" + fixture).toURI());
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(p)) {
      out.addAll(AgentLines.show(format, line));
    }
    return out;
  }

  @Test
  void claudeCodeShowsItsSessionTextToolCallsAndResultNotTheRawEvents() throws Exception {
    assertThat(shown("claude-json", "claude-stream.jsonl")).containsExactly(
        "session started (claude-sonnet-4-6)",
        "Looking at the \"result\" handling...",
        "not json: a warning line that mentions \"result\" anyway",
        "finished (2 turns)");
    String toolCall = "{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"thinking\",\"thinking\":\"hm\"},"
        + "{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"Edit\",\"input\":{\"file_path\":\"/w/src/parser.py\",\"old_string\":\"a\"}},"
        + "{\"type\":\"tool_use\",\"id\":\"t2\",\"name\":\"Bash\",\"input\":{\"command\":\"pytest -q\\n  tests/\",\"description\":\"run\"}}]}}";
    assertThat(AgentLines.show("claude-json", toolCall)).containsExactly("Edit /w/src/parser.py", "Bash pytest -q tests/");
    assertThat(shown("claude-json", "real-claude-json-api-error.json")).singleElement().asString().startsWith("error: ");
  }

  /** Claude Code's own words when not signed in come as an assistant text, then an error result. */
  @Test
  void notSignedInReadsAsTwoShortLines() {
    String text = "{\"type\":\"assistant\",\"message\":{\"model\":\"<synthetic>\",\"content\":[{\"type\":\"text\","
        + "\"text\":\"Not logged in · Please run /login\"}]},\"error\":\"authentication_failed\"}";
    String result = "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":true,\"num_turns\":1,"
        + "\"result\":\"Not logged in · Please run /login\"}";
    assertThat(AgentLines.show("claude-json", text)).containsExactly("Not logged in · Please run /login");
    assertThat(AgentLines.show("claude-json", result)).containsExactly("error: Not logged in · Please run /login");
  }

  @Test
  void codexShowsCommandsEditsMessagesAndErrors() throws Exception {
    assertThat(shown("codex-jsonl", "real-codex-exec-json.jsonl")).containsExactly(
        "note: Model metadata for `gpt-5.4` not found. Defaulting to fallback metadata; this can degrade performance and cause issues.",
        "ok");
    assertThat(shown("codex-jsonl", "real-codex-exec-json-401.jsonl")).endsWith(
        "error: unexpected status 401 Unauthorized: bad key, url: http://127.0.0.1:18765/v1/responses",
        "error: unexpected status 401 Unauthorized: bad key, url: http://127.0.0.1:18765/v1/responses");
    String started = "{\"type\":\"item.started\",\"item\":{\"id\":\"i2\",\"type\":\"command_execution\",\"command\":\"bash -lc 'pytest -q'\","
        + "\"aggregated_output\":\"\",\"exit_code\":null,\"status\":\"in_progress\"}}";
    String failed = "{\"type\":\"item.completed\",\"item\":{\"id\":\"i2\",\"type\":\"command_execution\",\"command\":\"bash -lc 'pytest -q'\","
        + "\"aggregated_output\":\"1 failed\",\"exit_code\":1,\"status\":\"failed\"}}";
    String passed = failed.replace("\"exit_code\":1", "\"exit_code\":0");
    String edit = "{\"type\":\"item.completed\",\"item\":{\"id\":\"i3\",\"type\":\"file_change\",\"changes\":"
        + "[{\"path\":\"src/a.py\",\"kind\":\"update\"},{\"path\":\"tests/test_a.py\",\"kind\":\"add\"}],\"status\":\"completed\"}}";
    assertThat(AgentLines.show("codex-jsonl", started)).containsExactly("$ bash -lc 'pytest -q'");
    assertThat(AgentLines.show("codex-jsonl", failed)).containsExactly("exit 1: bash -lc 'pytest -q'");
    assertThat(AgentLines.show("codex-jsonl", passed)).isEmpty();
    assertThat(AgentLines.show("codex-jsonl", edit)).containsExactly("edited src/a.py, tests/test_a.py");
  }

  @Test
  void opencodeShowsTextToolCallsAndItsErrorMessage() throws Exception {
    assertThat(shown("opencode-jsonl", "real-opencode-run-json.jsonl")).containsExactly("ok");
    assertThat(shown("opencode-jsonl", "real-opencode-run-json-model-not-found.jsonl"))
        .containsExactly("error: Unexpected server error. Check server logs for details.");
    String tool = "{\"type\":\"tool_use\",\"part\":{\"tool\":\"edit\",\"state\":{\"status\":\"error\","
        + "\"input\":{\"filePath\":\"/w/src/a.py\"},\"error\":\"oldString not found\"}}}";
    assertThat(AgentLines.show("opencode-jsonl", tool)).containsExactly("edit /w/src/a.py failed: oldString not found");
  }

  @Test
  void plainOutputAndToolsWithoutAKnownFormatAreShownAsTheyCame() {
    String event = "{\"type\":\"system\",\"subtype\":\"init\",\"model\":\"m\"}";
    assertThat(AgentLines.show(null, event)).containsExactly(event);
    assertThat(AgentLines.show("text", event)).containsExactly(event);
    assertThat(AgentLines.show("claude-json", "fixer: editing value.txt")).containsExactly("fixer: editing value.txt");
    assertThat(AgentLines.show("codex-jsonl", "{not json")).containsExactly("{not json");
    String longCommand = "{\"type\":\"item.started\",\"item\":{\"type\":\"command_execution\",\"command\":\"" + "x".repeat(400) + "\"}}";
    assertThat(AgentLines.show("codex-jsonl", longCommand)).singleElement().asString()
        .hasSize(2 + AgentLines.MAX_ARGUMENT + 1).endsWith("…");
  }

  /** Codex's stderr log lines lose their timestamp and module path; other stderr lines are shown as they came. */
  @Test
  void rustTracingLogLinesOnStderrAreShortened() {
    assertThat(AgentLines.stderr("2026-12-05T18:49:26.353024Z ERROR codex_api::endpoint::responses_websocket: "
        + "failed to connect to Responses WebSocket stage=Unknown"))
        .isEqualTo("error: failed to connect to Responses WebSocket stage=Unknown");
    assertThat(AgentLines.stderr("2026-12-05T18:49:26Z  WARN codex_core::config: unknown key: x"))
        .isEqualTo("warn: unknown key: x");
    assertThat(AgentLines.stderr("Reading prompt from stdin...")).isEqualTo("Reading prompt from stdin...");
    assertThat(AgentLines.stderr("2026-12-05 something ERROR else")).isEqualTo("2026-12-05 something ERROR else");
  }
}
