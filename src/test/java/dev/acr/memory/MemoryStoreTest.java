package dev.acr.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryStoreTest {
  @TempDir Path tmp;

  static MemoryRecord record(String run, int attempt) {
    return new MemoryRecord("2026-11-23T00:00:00Z", run, attempt, "t".repeat(64), "fix it", "bug_fixing",
        "codex", "gpt-5.4", "codex:gpt-5.4", attempt % 2 == 0, true, attempt % 2 == 0 ? "verified" : "failed",
        0, 1234, 0.01, 100L, 10L, "live", null, null, "java");
  }

  @Test
  void roundTripsEveryField() throws Exception {
    MemoryStore store = new MemoryStore(tmp.resolve("m.jsonl"));
    store.append(record("r1", 1));
    MemoryStore.ReadReport report = store.read();
    assertThat(report.problems()).isEmpty();
    assertThat(report.records()).containsExactly(record("r1", 1));
    String line = Files.readAllLines(store.file()).get(0);
    assertThat(line).startsWith("{\"ts\":").contains("\"run_id\":\"r1\"").contains("\"apply_ok\":true")
        .contains("\"cost_usd\":0.01").contains("\"score\":null");
  }

  @Test
  void createsDirectoryAndFileUserOnly() throws Exception {
    Path file = tmp.resolve("home/.acr/memory.jsonl");
    new MemoryStore(file).append(record("r", 1));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
  }

  @Test
  void concurrentAppendsNeverInterleaveOrLose() throws Exception {
    MemoryStore store = new MemoryStore(tmp.resolve("m.jsonl"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> jobs = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      jobs.add(pool.submit(() -> {
        for (int i = 0; i < 50; i++) {
          // A separate store object per writer, as separate processes would have.
          new MemoryStore(store.file()).append(record("run-" + thread, i));
        }
        return null;
      }));
    }
    for (Future<?> f : jobs) {
      f.get();
    }
    pool.shutdown();
    MemoryStore.ReadReport report = store.read();
    assertThat(report.problems()).isEmpty();
    assertThat(report.records()).hasSize(400);
    Set<String> keys = new HashSet<>();
    report.records().forEach(r -> keys.add(r.runId() + "/" + r.attempt()));
    assertThat(keys).hasSize(400);
  }

  @Test
  void tornLastLineIsSkippedAndTheNextAppendStartsOnItsOwnLine() throws Exception {
    MemoryStore store = new MemoryStore(tmp.resolve("m.jsonl"));
    store.append(record("r", 1));
    Files.writeString(store.file(), "{\"ts\":\"2026-11-23T00:0", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    store.append(record("r", 2));
    MemoryStore.ReadReport report = store.read();
    assertThat(report.records()).extracting(MemoryRecord::attempt).containsExactly(1, 2);
    assertThat(report.problems()).hasSize(1);
    assertThat(report.problems().get(0)).contains("m.jsonl:2").contains("skipped");
  }

  @Test
  void missingFileIsEmptyMemory() throws Exception {
    MemoryStore.ReadReport report = new MemoryStore(tmp.resolve("none.jsonl")).read();
    assertThat(report.records()).isEmpty();
    assertThat(report.problems()).isEmpty();
  }

  @Test
  void interruptedThreadStillRecordsAndKeepsItsInterrupt() throws Exception {
    MemoryStore store = new MemoryStore(tmp.resolve("m.jsonl"));
    Thread.currentThread().interrupt();
    try {
      store.append(record("r", 1));
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(store.read().records()).hasSize(1);
  }

  @Test
  void performanceIsScoreWhenPresent() {
    MemoryRecord r = record("r", 1);
    assertThat(r.performance()).isEqualTo(0.0);
    MemoryRecord scored = new MemoryRecord(r.ts(), r.runId(), 1, r.task(), null, r.dimension(), r.tool(), r.model(),
        r.route(), false, true, "failed", 0, 1, null, null, null, "replay", 0.4, "id-test", null);
    assertThat(scored.performance()).isEqualTo(0.4);
    assertThat(MemoryRecord.truncatePrompt("x".repeat(900))).hasSize(500);
  }

  @Test
  void bytesThatAreNotUtf8SpoilOnlyTheirOwnLine() throws Exception {
    MemoryStore store = new MemoryStore(tmp.resolve("m.jsonl"));
    store.append(record("r", 1));
    Files.write(store.file(), new byte[] {'{', (byte) 0xff, (byte) 0xfe, '\n'}, StandardOpenOption.APPEND);
    store.append(record("r", 2));
    MemoryStore.ReadReport report = store.read();
    assertThat(report.records()).extracting(MemoryRecord::attempt).containsExactly(1, 2);
    assertThat(report.problems()).singleElement().asString().contains("m.jsonl:2:");
  }

  @Test
  void writersShareAUserOnlyLockFileBesideTheRealFile() throws Exception {
    Path real = tmp.resolve("data/memory.jsonl");
    Path link = Files.createSymbolicLink(tmp.resolve("link.jsonl"), Files.createDirectories(real.getParent()).resolve("memory.jsonl"));
    new MemoryStore(link).append(record("r", 1));
    assertThat(MemoryLock.lockFile(link)).isEqualTo(MemoryLock.lockFile(real)).isEqualTo(real.toRealPath().resolveSibling("memory.jsonl.lock"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(MemoryLock.lockFile(real)))).isEqualTo("rw-------");
    assertThat(Files.readAllLines(real)).hasSize(1);
  }

  @Test
  void aLinkIntoADirectoryThatIsGoneFailsAndCreatesNothing() throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("memory.jsonl"), tmp.resolve("gone/memory.jsonl"));
    MemoryStore store = new MemoryStore(link);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.append(record("r", 1)))
        .isInstanceOf(java.io.IOException.class);
    assertThat(tmp.resolve("gone")).doesNotExist();
    assertThat(store.read().records()).isEmpty();
  }
}
