package dev.acr.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A question's answer from each CLI's output. */
class AgentAnswerTest {
  @TempDir Path tmp;

  private String answer(String format, String stdout) throws Exception {
    Path f = tmp.resolve("stdout.log");
    Files.writeString(f, stdout);
    return AgentAnswer.read(format, f);
  }

  @Test
  void claudeJsonResult() throws Exception {
    assertThat(answer("claude-json", "{\"type\":\"result\",\"result\":\"The parser is recursive descent.\",\"total_cost_usd\":0.01}\n"))
        .isEqualTo("The parser is recursive descent.");
  }

  @Test
  void codexLastAgentMessage() throws Exception {
    assertThat(answer("codex-jsonl", "{\"type\":\"item.completed\",\"item\":{\"type\":\"agent_message\",\"text\":\"first\"}}\n"
        + "{\"type\":\"item.completed\",\"item\":{\"type\":\"command_execution\",\"command\":\"ls\"}}\n"
        + "{\"type\":\"item.completed\",\"item\":{\"type\":\"agent_message\",\"text\":\"It tokenises, then parses.\"}}\n"
        + "{\"type\":\"turn.completed\",\"usage\":{}}\n")).isEqualTo("It tokenises, then parses.");
  }

  @Test
  void opencodeTextPartsOfTheLastMessage() throws Exception {
    assertThat(answer("opencode-jsonl",
        "{\"type\":\"text\",\"part\":{\"messageID\":\"m1\",\"type\":\"text\",\"text\":\"Looking.\"}}\n"
            + "{\"type\":\"text\",\"part\":{\"messageID\":\"m2\",\"type\":\"text\",\"text\":\"It is \"}}\n"
            + "{\"type\":\"text\",\"part\":{\"messageID\":\"m2\",\"type\":\"text\",\"text\":\"a Pratt parser.\"}}\n"))
        .isEqualTo("It is a Pratt parser.");
  }

  @Test
  void plainOutputIsTheAnswerWithoutJsonLines() throws Exception {
    assertThat(answer("none", "The parser lives in parse.c.\nIt is hand-written.\n"))
        .isEqualTo("The parser lives in parse.c.\nIt is hand-written.\n");
    assertThat(answer("claude-json", "plain words\n{\"type\":\"system\"}\n")).isEqualTo("plain words\n");
  }
}
