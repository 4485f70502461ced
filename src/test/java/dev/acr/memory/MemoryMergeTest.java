package dev.acr.memory;

import static dev.acr.memory.MemoryCompactionTest.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryMergeTest {
  @TempDir Path tmp;

  Path file(String name, String... lines) throws IOException {
    return Files.writeString(tmp.resolve(name), lines.length == 0 ? "" : String.join("\n", lines) + "\n");
  }

  @Test
  void addsNewRecordsSkipsKnownOnesAndCountsBadLinesWithFileAndLine() throws Exception {
    Path ours = file("memory.jsonl", line("a", 1), line("a", 2));
    Path theirs = file("theirs.jsonl", line("a", 2), "{\"ts\": \"2026-11-2", line("b", 1), "[1, 2]",
        "{\"run_id\": \"x\"}", line("b", 1), line("b", 2));
    List<String> problems = new ArrayList<>();
    List<MemoryMerge.FileResult> r = MemoryMerge.merge(ours, List.of(theirs), problems::add);
    assertThat(r).containsExactly(new MemoryMerge.FileResult(theirs, 2, 2, 3));
    assertThat(problems).hasSize(3);
    assertThat(problems.get(0)).startsWith(theirs + ":2: unreadable line");
    assertThat(problems.get(1)).startsWith(theirs + ":4: unreadable line");
    assertThat(problems.get(2)).startsWith(theirs + ":5: record without route or status");
    assertThat(Files.readAllLines(ours)).containsExactly(line("a", 1), line("a", 2), line("b", 1), line("b", 2));
  }

  @Test
  void aRecordWrittenDifferentlyOrWithoutItsPromptIsTheSameRecord() throws Exception {
    Path ours = file("memory.jsonl", line("a", 1));
    Path theirs = file("theirs.jsonl", MemoryCompactionTest.rewritten(line("a", 1)));
    assertThat(MemoryMerge.merge(ours, List.of(theirs), p -> {}))
        .containsExactly(new MemoryMerge.FileResult(theirs, 0, 1, 0));
    // Any other field that differs makes it another record.
    MemoryRecord r = MemoryStoreTest.record("a", 1);
    MemoryRecord cheaper = new MemoryRecord(r.ts(), r.runId(), r.attempt(), r.task(), r.prompt(), r.dimension(), r.tool(),
        r.model(), r.route(), r.resolved(), r.applyOk(), r.status(), r.exitCode(), r.durationMs(), 0.02, r.inputTokens(),
        r.outputTokens(), r.source(), r.score(), r.bench(), r.language());
    assertThat(RecordIdentity.of(cheaper)).isNotEqualTo(RecordIdentity.of(r));
    assertThat(RecordIdentity.of(r.withoutPrompt())).isEqualTo(RecordIdentity.of(r));
  }

  @Test
  void repeatsWithinAndAcrossInputsAreAddedOnce() throws Exception {
    Path ours = tmp.resolve("memory.jsonl");
    Path one = file("one.jsonl", line("b", 1), line("b", 1));
    Path two = file("two.jsonl", line("b", 1), line("c", 1));
    List<MemoryMerge.FileResult> r = MemoryMerge.merge(ours, List.of(one, two), p -> {});
    assertThat(r).containsExactly(new MemoryMerge.FileResult(one, 1, 1, 0), new MemoryMerge.FileResult(two, 1, 1, 0));
    assertThat(Files.readAllLines(ours)).containsExactly(line("b", 1), line("c", 1));
    // Into a memory that did not exist: created user-only.
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ours))).isEqualTo("rw-------");
  }

  @Test
  void anEmptyInputAddsNothingAndCreatesNothing() throws Exception {
    Path ours = tmp.resolve("memory.jsonl");
    Path empty = file("empty.jsonl");
    assertThat(MemoryMerge.merge(ours, List.of(empty), p -> {})).containsExactly(new MemoryMerge.FileResult(empty, 0, 0, 0));
    assertThat(ours).doesNotExist();
  }

  @Test
  void aMissingInputIsAnErrorBeforeAnythingIsWritten() throws Exception {
    Path ours = file("memory.jsonl", line("a", 1));
    Path good = file("good.jsonl", line("b", 1));
    assertThatThrownBy(() -> MemoryMerge.merge(ours, List.of(good, tmp.resolve("gone.jsonl")), p -> {}))
        .isInstanceOf(MemoryMerge.InputError.class).hasMessageContaining("gone.jsonl: no such file");
    assertThatThrownBy(() -> MemoryMerge.merge(ours, List.of(tmp), p -> {}))
        .isInstanceOf(MemoryMerge.InputError.class).hasMessageContaining("not a regular file");
    assertThat(Files.readAllLines(ours)).containsExactly(line("a", 1));
  }

  @Test
  void anInputWithoutASingleRecordUndoesTheWholeImport() throws Exception {
    Path ours = file("memory.jsonl", line("a", 1));
    byte[] before = Files.readAllBytes(ours);
    Path good = file("good.jsonl", line("b", 1), line("b", 2));
    Path config = file("tools.json", "{\"tools\": [", "  {\"name\": \"x\"}", "]}");
    assertThatThrownBy(() -> MemoryMerge.merge(ours, List.of(good, config), p -> {}))
        .isInstanceOf(MemoryMerge.InputError.class)
        .hasMessage(config + " is not acr memory: none of its 3 line(s) is a record; nothing was imported");
    assertThat(Files.readAllBytes(ours)).isEqualTo(before);
  }

  @Test
  void aFailureHalfwayLeavesOurMemoryAsItWas() throws Exception {
    Path ours = file("memory.jsonl", line("a", 1));
    byte[] before = Files.readAllBytes(ours);
    Path theirs = file("theirs.jsonl", line("b", 1), line("b", 2), "torn", line("b", 3));
    assertThatThrownBy(() -> MemoryMerge.merge(ours, List.of(theirs), p -> {
      throw new IllegalStateException("stop here");
    })).hasMessage("stop here");
    assertThat(Files.readAllBytes(ours)).isEqualTo(before);
    // The lock is free again and the memory usable.
    assertThat(MemoryMerge.merge(ours, List.of(theirs), p -> {})).containsExactly(new MemoryMerge.FileResult(theirs, 3, 0, 1));
  }

  @Test
  void aTornLastLineOfOursIsNotGluedToTheFirstImportedRecord() throws Exception {
    Path ours = tmp.resolve("memory.jsonl");
    Files.writeString(ours, line("a", 1) + "\n{\"ts\": \"20");
    Path theirs = file("theirs.jsonl", line("b", 1));
    MemoryMerge.merge(ours, List.of(theirs), p -> {});
    MemoryStore.ReadReport read = new MemoryStore(ours).read();
    assertThat(read.records()).extracting(MemoryRecord::runId).containsExactly("a", "b");
    assertThat(read.problems()).hasSize(1);
  }

  @Test
  void importsAndAppendsAtTheSameTimeLoseNothing() throws Exception {
    Path ours = tmp.resolve("memory.jsonl");
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 200; i++) {
      lines.add(line("imported", i));
    }
    Path theirs = file("theirs.jsonl", lines.toArray(String[]::new));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Future<?> appends = pool.submit(() -> {
      for (int i = 1; i <= 200; i++) {
        new MemoryStore(ours).append(MemoryStoreTest.record("live", i));
      }
      return null;
    });
    Future<List<MemoryMerge.FileResult>> merge = pool.submit(() -> MemoryMerge.merge(ours, List.of(theirs), p -> {}));
    appends.get();
    assertThat(merge.get()).containsExactly(new MemoryMerge.FileResult(theirs, 200, 0, 0));
    pool.shutdown();
    MemoryStore.ReadReport read = new MemoryStore(ours).read();
    assertThat(read.problems()).isEmpty();
    assertThat(read.records()).hasSize(400);
    assertThat(read.records().stream().map(r -> r.runId() + "/" + r.attempt()).distinct().count()).isEqualTo(400);
  }
}
