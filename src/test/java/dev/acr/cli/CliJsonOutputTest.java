package dev.acr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One rule for every {@code --json}: one document, on a single line when stdout is a pipe or a file
 * ({@code | jq}, {@code >> runs.jsonl}), indented when it is a terminal, where a person reads it.
 * Some commands printed one line and others an indented document, whatever stdout was.
 */
class CliJsonOutputTest {
  @TempDir Path tmp;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(tmp).withRepo();
  }

  /** Every command that takes --json, after a run so that each has something to say. */
  private List<List<String>> commands() throws Exception {
    String config = h.config.toString();
    Path other = tmp.resolve("other.jsonl");
    Files.copy(h.memory(), other);
    return List.of(
        List.of("--config", config, "--dry-run", "--json", "--verify", "sh check.sh", "fix value.txt"),
        List.of("--config", config, "--json", "--chain", "breaker", "--verify", "sh check.sh", "fix value.txt"),
        List.of("runs", "--json"),
        List.of("explain", "last", "--json"),
        List.of("stats", "--json"),
        List.of("classify", "--json", "fix the failing parser test"),
        List.of("memory", "import", "--json", other.toString()),
        List.of("memory", "compact", "--json", "--dry-run"),
        List.of("bench", "replay", "--memory", h.memory().toString(), "--orders", "1", "--json"));
  }

  @Test
  void everyJsonIsOneLineInAPipeAndIndentedOnATerminalTheSameDocument() throws Exception {
    assertThat(h.acr("--chain", "breaker,fixer", "--verify", "sh check.sh", "fix value.txt").exit()).isZero();
    h.git("checkout", "-q", "value.txt");
    List<String> failures = new ArrayList<>();
    for (List<String> args : commands()) {
      CliHarness.Run piped = h.onStdoutTerminal(0, args.toArray(String[]::new));
      h.git("checkout", "-q", "value.txt");
      CliHarness.Run shown = h.onStdoutTerminal(120, args.toArray(String[]::new));
      h.git("checkout", "-q", "value.txt");
      assertThat(piped.exit()).as(args + ": " + piped).isIn(0, 1);
      JsonNode a = CliHarness.JSON.readTree(piped.out());
      JsonNode b = CliHarness.JSON.readTree(shown.out());
      if (piped.out().lines().count() != 1) {
        failures.add(args + " piped: " + piped.out().lines().count() + " lines");
      }
      if (shown.out().lines().count() < 3) {
        failures.add(args + " on a terminal: " + shown.out().lines().count() + " line(s)");
      }
      assertThat(a.getNodeType()).as(args.toString()).isEqualTo(b.getNodeType());
      assertThat(a.size()).as(args.toString()).isEqualTo(b.size());
    }
    assertThat(failures).isEmpty();
  }
}
