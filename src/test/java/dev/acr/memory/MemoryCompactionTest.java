package dev.acr.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryCompactionTest {
  @TempDir Path tmp;

  static String line(String run, int attempt) {
    return MemoryStore.toLine(MemoryStoreTest.record(run, attempt));
  }

  /** The same record as {@code line}, keys in reverse order, spaced out, without its prompt. */
  static String rewritten(String line) throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode in = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(line);
    List<String> names = new ArrayList<>();
    in.fieldNames().forEachRemaining(names::add);
    java.util.Collections.reverse(names);
    StringBuilder b = new StringBuilder("{ ");
    for (String name : names) {
      b.append(b.length() > 2 ? ",  " : "").append('"').append(name).append("\": ")
          .append(name.equals("prompt") ? "null" : json.writeValueAsString(in.get(name)));
    }
    return b.append(" }").toString();
  }

  Path memory(String... lines) throws IOException {
    Path file = tmp.resolve("memory.jsonl");
    Files.writeString(file, String.join("\n", lines) + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  /** Files in the directory other than the memory and its lock: temporary files left behind. */
  List<String> strays() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> !n.equals("memory.jsonl") && !n.equals("memory.jsonl.lock"))
          .toList();
    }
  }

  @Test
  void dropsTornLinesAndRepeatsKeepingEveryOtherLineByteForByte() throws Exception {
    // The same record again, written differently (key order, spacing) and without its prompt.
    MemoryRecord r1 = MemoryStoreTest.record("r", 1);
    String sameAsFirst = rewritten(line("r", 1));
    String kept = line("r", 2).replace("{\"ts\"", "{\"future_field\": [1, 2],  \"ts\"");
    Path file = memory(line("r", 1), "{\"ts\": \"2026-11-2", kept, "", sameAsFirst, "not json", line("r", 3), line("r", 2));
    List<String> problems = new ArrayList<>();
    MemoryCompaction.Result r = MemoryCompaction.compact(file, false, problems::add);
    assertThat(r).isEqualTo(new MemoryCompaction.Result(7, 2, 2, 3, true));
    assertThat(Files.readAllLines(file)).containsExactly(line("r", 1), kept, line("r", 3));
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).contains("memory.jsonl:2:");
    assertThat(problems.get(1)).contains("memory.jsonl:6:");
    assertThat(new MemoryStore(file).read().records().get(0)).isEqualTo(r1);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(strays()).isEmpty();
  }

  @Test
  void nothingToDropLeavesTheFileAlone() throws Exception {
    Path file = memory(line("r", 1), line("r", 2));
    Object inode = Files.readAttributes(file, "unix:ino").get("ino");
    MemoryCompaction.Result r = MemoryCompaction.compact(file, false, p -> {});
    assertThat(r).isEqualTo(new MemoryCompaction.Result(2, 0, 0, 2, false));
    assertThat(Files.readAttributes(file, "unix:ino").get("ino")).isEqualTo(inode);
    assertThat(strays()).isEmpty();
  }

  @Test
  void missingAndEmptyMemoryAreNothingToDo() throws Exception {
    Path missing = tmp.resolve("none.jsonl");
    assertThat(MemoryCompaction.compact(missing, false, p -> {})).isEqualTo(new MemoryCompaction.Result(0, 0, 0, 0, false));
    assertThat(missing).doesNotExist();
    Path empty = Files.writeString(tmp.resolve("memory.jsonl"), "");
    assertThat(MemoryCompaction.compact(empty, false, p -> {})).isEqualTo(new MemoryCompaction.Result(0, 0, 0, 0, false));
    assertThat(empty).isEmptyFile();
  }

  @Test
  void dryRunCountsAndTouchesNothing() throws Exception {
    Path file = memory(line("r", 1), line("r", 1), "{\"torn");
    byte[] before = Files.readAllBytes(file);
    MemoryCompaction.Result r = MemoryCompaction.compact(file, true, p -> {});
    assertThat(r).isEqualTo(new MemoryCompaction.Result(3, 1, 1, 1, false));
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(tmp.resolve("memory.jsonl.lock")).doesNotExist();
  }

  @Test
  void keepsTheFilesPermissions() throws Exception {
    Path file = memory(line("r", 1), line("r", 1));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    MemoryCompaction.compact(file, false, p -> {});
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
  }

  @Test
  void aFailureBeforeTheRenameLeavesTheOriginalIntact() throws Exception {
    Path file = memory(line("r", 1), line("r", 1), "{\"torn", line("r", 2));
    byte[] before = Files.readAllBytes(file);
    Path[] written = {null};
    assertThatThrownBy(() -> MemoryCompaction.compact(file, false, p -> {}, newFile -> {
      written[0] = newFile;
      assertThat(Files.readAllLines(newFile)).containsExactly(line("r", 1), line("r", 2));
      throw new IOException("disk full");
    })).isInstanceOf(IOException.class).hasMessage("disk full");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(written[0]).doesNotExist();
    assertThat(strays()).isEmpty();
    // The lock was released: writers and a later compaction go on.
    new MemoryStore(file).append(MemoryStoreTest.record("r", 3));
    assertThat(MemoryCompaction.compact(file, false, p -> {}).kept()).isEqualTo(3);
  }

  @Test
  void aTemporaryFileOfAKilledCompactionIsRemovedByTheNext() throws Exception {
    Path file = memory(line("r", 1));
    Path leftover = Files.writeString(tmp.resolve(".memory.jsonl.123456.tmp"), line("r", 9) + "\n");
    Path unrelated = Files.writeString(tmp.resolve(".other.jsonl.1.tmp"), "keep me\n");
    MemoryCompaction.compact(file, false, p -> {});
    assertThat(leftover).doesNotExist();
    assertThat(unrelated).exists();
    assertThat(Files.readAllLines(file)).containsExactly(line("r", 1));
  }

  @Test
  void aSymlinkedMemoryStaysALinkAndItsTargetIsCompacted() throws Exception {
    Path target = memory(line("r", 1), line("r", 1));
    Path link = Files.createSymbolicLink(tmp.resolve("link.jsonl"), target);
    MemoryCompaction.compact(link, false, p -> {});
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readAllLines(target)).containsExactly(line("r", 1));
  }

  @Test
  void appendsRacingACompactionAreAllThereAfterwards() throws Exception {
    Path file = memory(line("seed", 1), line("seed", 1), "{\"torn");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> writers = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      int thread = t;
      writers.add(pool.submit(() -> {
        for (int i = 1; i <= 100; i++) {
          new MemoryStore(file).append(MemoryStoreTest.record("w" + thread, i));
        }
        return null;
      }));
    }
    int compactions = 0;
    while (compactions < 5 || !writers.stream().allMatch(Future::isDone)) {
      MemoryCompaction.compact(file, false, p -> {});
      // A duplicate keeps each compaction rewriting the file while the writers append.
      new MemoryStore(file).append(MemoryStoreTest.record("seed", 1));
      compactions++;
    }
    for (Future<?> f : writers) {
      f.get();
    }
    pool.shutdown();
    MemoryCompaction.compact(file, false, p -> {});
    assertThat(compactions).isGreaterThanOrEqualTo(5);
    assertRunsComplete(file, List.of("w0", "w1", "w2"), 100);
  }

  @Test
  void appendsFromOtherProcessesRacingACompactionAreAllThereAfterwards() throws Exception {
    Path file = memory(line("seed", 1), line("seed", 1));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> writers = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      writers.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), AppendProcess.class.getName(),
          file.toString(), "p" + p, "150").redirectErrorStream(true).redirectOutput(tmp.resolve("p" + p + ".log").toFile())
          .start());
    }
    int compactions = 0;
    while (compactions < 5 || writers.stream().anyMatch(Process::isAlive)) {
      // A duplicate keeps each compaction rewriting the file while the writers append.
      new MemoryStore(file).append(MemoryStoreTest.record("seed", 1));
      MemoryCompaction.compact(file, false, p -> {});
      compactions++;
    }
    for (int p = 0; p < writers.size(); p++) {
      assertThat(writers.get(p).waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(writers.get(p).exitValue()).as(Files.readString(tmp.resolve("p" + p + ".log"))).isZero();
      Files.delete(tmp.resolve("p" + p + ".log"));
    }
    MemoryCompaction.compact(file, false, p -> {});
    assertRunsComplete(file, List.of("p0", "p1", "p2"), 150);
    assertThat(strays()).isEmpty();
  }

  /** Every attempt 1..n of every run is there exactly once, and nothing else is broken. */
  private static void assertRunsComplete(Path file, List<String> runs, int n) throws IOException {
    MemoryStore.ReadReport report = new MemoryStore(file).read();
    Set<String> keys = new HashSet<>();
    int seeds = 0;
    for (MemoryRecord r : report.records()) {
      if (r.runId().equals("seed")) {
        seeds++;
      } else {
        assertThat(keys.add(r.runId() + "/" + r.attempt())).as("once: " + r.runId() + "/" + r.attempt()).isTrue();
      }
    }
    assertThat(report.problems()).isEmpty();
    assertThat(seeds).isEqualTo(1);
    assertThat(keys).hasSize(runs.size() * n);
    for (String run : runs) {
      for (int i = 1; i <= n; i++) {
        assertThat(keys).contains(run + "/" + i);
      }
    }
    assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).endsWith("\n");
  }
}
