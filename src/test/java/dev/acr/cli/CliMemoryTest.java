package dev.acr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code acr memory export|import|compact} through picocli, with captured output. */
class CliMemoryTest {
  @TempDir Path tmp;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(tmp);
  }

  static String rec(String run, String ts, String prompt) {
    return "{\"ts\": \"" + ts + "\", \"run_id\": \"" + run + "\", \"attempt\": 1, \"task\": \"" + "ab".repeat(32)
        + "\", \"prompt\": " + (prompt == null ? "null" : "\"" + prompt + "\"") + ", \"dimension\": \"bug_fixing\","
        + " \"tool\": \"codex\", \"model\": \"gpt-5.4\", \"route\": \"codex:gpt-5.4\", \"resolved\": true,"
        + " \"apply_ok\": true, \"status\": \"verified\", \"duration_ms\": 1000, \"cost_usd\": 0.2, \"source\": \"live\"}";
  }

  void memory(String... lines) throws Exception {
    Files.createDirectories(h.acrHome);
    Files.writeString(h.memory(), String.join("\n", lines) + "\n");
  }

  @Test
  void exportWritesRecordsToStdoutOrAUserOnlyFile() throws Exception {
    memory(rec("a", "2026-10-01T00:00:00Z", "old prompt"), "{\"torn", rec("b", "2026-11-05T00:00:00Z", "new prompt"));
    CliHarness.Run all = h.run("memory", "export");
    assertThat(all.exit()).as(all.toString()).isZero();
    assertThat(all.out().lines().toList()).hasSize(2).allMatch(l -> l.startsWith("{\"ts\":"));
    assertThat(all.errLines()).containsExactly(
        "acr: 1 unreadable line(s) in " + h.memory() + " skipped (acr memory compact drops them)",
        "acr: exported 2 record(s) from " + h.memory());
    CliHarness.Run shared = h.run("memory", "export", "--no-prompts", "--since", "2026-11-01", "--out", "team.jsonl");
    assertThat(shared.exit()).as(shared.toString()).isZero();
    assertThat(shared.out()).isEmpty();
    Path team = tmp.resolve("team.jsonl");
    assertThat(shared.errLines()).last().isEqualTo("acr: exported 1 record(s) without prompts from " + h.memory() + " to " + team);
    List<String> lines = Files.readAllLines(team);
    assertThat(lines).singleElement().asString().contains("\"run_id\":\"b\"").contains("\"prompt\":null")
        .contains("\"task\":\"" + "ab".repeat(32) + "\"").doesNotContain("new prompt");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(team))).isEqualTo("rw-------");
    assertThat(h.run("memory", "export", "--out", "-").out().lines()).hasSize(2);
  }

  @Test
  void exportErrorsAreUsageErrors() throws Exception {
    memory(rec("a", "2026-10-01T00:00:00Z", "p"));
    CliHarness.assertUsageError(h.run("memory", "export", "--out", h.memory().toString()), "is the memory file itself");
    CliHarness.assertUsageError(h.run("memory", "export", "--out", "no/such/dir/x.jsonl"), "directory " + tmp.resolve("no/such/dir") + " does not exist");
    CliHarness.assertUsageError(h.run("memory", "export", "--since", "someday"), "--since: 'someday' is neither");
    CliHarness.Run none = h.run("memory", "export", "--memory", tmp.resolve("none.jsonl").toString());
    assertThat(none.exit()).isZero();
    assertThat(none.out()).isEmpty();
    assertThat(none.err()).endsWith("(no memory yet)\n");
  }

  @Test
  void importAddsWhatIsNewCountsTheRestAndIsIdempotent() throws Exception {
    memory(rec("a", "2026-10-01T00:00:00Z", "p"));
    Path theirs = Files.writeString(tmp.resolve("theirs.jsonl"), String.join("\n",
        rec("a", "2026-10-01T00:00:00Z", null), rec("b", "2026-11-01T00:00:00Z", "q"), "{\"ts\": \"2026-11-0",
        rec("c", "2026-11-02T00:00:00Z", "r")) + "\n");
    CliHarness.Run r = h.run("memory", "import", "theirs.jsonl");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("imported into " + h.memory() + ": 2 added, 1 duplicate, 1 bad\n");
    assertThat(r.errLines()).containsExactly("acr: " + theirs + ":3: unreadable line (torn write?), skipped");
    assertThat(h.memoryRecords()).extracting(n -> n.get("run_id").asText()).containsExactly("a", "b", "c");
    CliHarness.Run again = h.run("memory", "import", "--json", "theirs.jsonl");
    JsonNode n = again.json();
    assertThat(n.get("added").asInt()).isZero();
    assertThat(n.get("duplicate").asInt()).isEqualTo(3);
    assertThat(n.get("bad").asInt()).isEqualTo(1);
    assertThat(n.get("files").get(0).get("file").asText()).isEqualTo(theirs.toString());
    assertThat(h.memoryRecords()).hasSize(3);
  }

  @Test
  void aBadOrMissingInputChangesNothingAndExitsTwo() throws Exception {
    memory(rec("a", "2026-10-01T00:00:00Z", "p"));
    byte[] before = Files.readAllBytes(h.memory());
    Path good = Files.writeString(tmp.resolve("good.jsonl"), rec("b", "2026-11-01T00:00:00Z", "q") + "\n");
    Path notMemory = Files.writeString(tmp.resolve("tools.json"), "{\"tools\": []}\n");
    CliHarness.Run bad = h.run("memory", "import", "good.jsonl", "tools.json");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.errLines()).containsExactly(
        "acr: " + notMemory + ":1: record without route or status, skipped",
        "acr: " + notMemory + " is not acr memory: none of its 1 line(s) is a record; nothing was imported");
    CliHarness.assertUsageError(h.run("memory", "import", "good.jsonl", "gone.jsonl"),
        "cannot import " + tmp.resolve("gone.jsonl") + ": no such file");
    assertThat(Files.readAllBytes(h.memory())).isEqualTo(before);
    CliHarness.Run noFiles = h.run("memory", "import");
    assertThat(noFiles.exit()).isEqualTo(2);
    assertThat(noFiles.err()).startsWith("acr: Missing required parameter");
    assertThat(good).exists();
  }

  @Test
  void compactDropsTornLinesAndDuplicatesAndSaysSo() throws Exception {
    memory(rec("a", "2026-10-01T00:00:00Z", "p"), rec("a", "2026-10-01T00:00:00Z", null), "{\"torn",
        rec("b", "2026-11-01T00:00:00Z", "q"));
    byte[] before = Files.readAllBytes(h.memory());
    CliHarness.Run dry = h.run("memory", "compact", "--dry-run");
    assertThat(dry.exit()).as(dry.toString()).isZero();
    assertThat(dry.out()).isEqualTo("dry run, " + h.memory() + ": before 4 line(s), after 2 record(s) (1 duplicate(s),"
        + " 1 unreadable line(s) to drop); nothing was changed\n");
    assertThat(dry.errLines()).containsExactly("acr: " + h.memory() + ":3: unreadable line (torn write?), skipped");
    assertThat(Files.readAllBytes(h.memory())).isEqualTo(before);
    CliHarness.Run r = h.run("memory", "compact");
    assertThat(r.out()).isEqualTo("compacted " + h.memory() + ": before 4 line(s), after 2 record(s) (1 duplicate(s),"
        + " 1 unreadable line(s) dropped)\n");
    assertThat(h.memoryRecords()).extracting(n -> n.get("run_id").asText()).containsExactly("a", "b");
    assertThat(h.memoryRecords().get(0).get("prompt").asText()).isEqualTo("p");
    CliHarness.Run again = h.run("memory", "compact", "--json");
    assertThat(again.json().get("rewritten").asBoolean()).isFalse();
    assertThat(again.json().get("records_after").asInt()).isEqualTo(2);
    assertThat(h.run("memory", "compact").out()).isEqualTo("nothing to drop in " + h.memory() + ": 2 record(s), file unchanged\n");
  }

  @Test
  void compactWithoutMemoryIsNothingToDo() {
    CliHarness.Run r = h.run("memory", "compact");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("no memory yet at " + h.memory() + "; nothing to compact\n");
    assertThat(h.memory()).doesNotExist();
  }

  @Test
  void exportThenImportMovesMemoryBetweenMachines() throws Exception {
    memory(rec("a", "2026-10-01T00:00:00Z", "p"), rec("b", "2026-11-01T00:00:00Z", "q"));
    assertThat(h.run("memory", "export", "--out", "share.jsonl").exit()).isZero();
    Path other = tmp.resolve("laptop/memory.jsonl");
    CliHarness.Run r = h.run("memory", "import", "--memory", other.toString(), "share.jsonl");
    assertThat(r.out()).isEqualTo("imported into " + other + ": 2 added, 0 duplicate, 0 bad\n");
    assertThat(h.run("runs", "--memory", other.toString(), "--json").json().get("runs_total").asInt()).isEqualTo(2);
  }

  @Test
  void memoryWithoutASubcommandSaysWhatItNeeds() {
    CliHarness.Run r = h.run("memory");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines().get(0)).isEqualTo("acr: memory needs a subcommand: export, import or compact");
  }
}
