package dev.acr.memory;

import static dev.acr.memory.MemoryCompactionTest.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryExportTest {
  @TempDir Path tmp;

  static MemoryRecord at(String ts, String run) {
    MemoryRecord r = MemoryStoreTest.record(run, 1);
    return new MemoryRecord(ts, r.runId(), r.attempt(), r.task(), r.prompt(), r.dimension(), r.tool(), r.model(),
        r.route(), r.resolved(), r.applyOk(), r.status(), r.exitCode(), r.durationMs(), r.costUsd(), r.inputTokens(),
        r.outputTokens(), r.source(), r.score(), r.bench(), r.language());
  }

  @Test
  void writesReadableRecordsCanonicallyAndCountsTheRest() throws Exception {
    Path memory = Files.writeString(tmp.resolve("m.jsonl"),
        "{ \"route\": \"codex:gpt-5.4\", \"status\": \"failed\", \"run_id\": \"old\", \"extra\": 1 }\n"
            + "{\"torn\n\n" + line("r", 1) + "\n");
    StringWriter out = new StringWriter();
    List<String> problems = new ArrayList<>();
    MemoryExport.Result r = MemoryExport.write(memory, null, false, out, problems::add);
    assertThat(r).isEqualTo(new MemoryExport.Result(2, 1));
    assertThat(problems).singleElement().asString().contains("m.jsonl:2:");
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("{\"ts\":null,\"run_id\":\"old\"").doesNotContain("extra");
    assertThat(lines.get(1)).isEqualTo(line("r", 1));
  }

  @Test
  void sinceAndNoPromptsFilterAndStripButKeepTheTask() throws Exception {
    Path memory = tmp.resolve("m.jsonl");
    MemoryStore store = new MemoryStore(memory);
    store.append(at("2026-10-01T00:00:00Z", "old"));
    store.append(at("2026-11-02T08:00:00Z", "new"));
    store.append(at("yesterday", "unparseable"));
    StringWriter out = new StringWriter();
    MemoryExport.Result r = MemoryExport.write(memory, Instant.parse("2026-11-01T00:00:00Z"), true, out, p -> {});
    assertThat(r.written()).isEqualTo(1);
    MemoryRecord exported = MemoryStore.parse(out.toString().strip());
    assertThat(exported.runId()).isEqualTo("new");
    assertThat(exported.prompt()).isNull();
    assertThat(exported.task()).isEqualTo("t".repeat(64));
    assertThat(exported).isEqualTo(at("2026-11-02T08:00:00Z", "new").withoutPrompt());
  }

  @Test
  void missingMemoryExportsNothing() throws Exception {
    StringWriter out = new StringWriter();
    assertThat(MemoryExport.write(tmp.resolve("none.jsonl"), null, false, out, p -> {}))
        .isEqualTo(new MemoryExport.Result(0, 0));
    assertThat(out.toString()).isEmpty();
  }
}
