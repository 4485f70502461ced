package dev.acr.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.context.Dimension;
import dev.acr.core.Route;
import dev.acr.core.Task;
import dev.acr.memory.MemoryRecord;
import dev.acr.memory.MemoryStore;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot path must give exactly what reading every record gives: the same statistics, bit
 * for bit and in the same map order (compared as snapshot bytes), the same skipped lines, and so
 * the same decision, whether the snapshot is fresh, extended by appends, stale or damaged.
 */
class StatsCacheTest {

  private static final List<Route> ROUTES = List.of(
      new Route("opencode", "qwen3.5-plus"), new Route("opencode", "MiniMax-M2.7"),
      new Route("codex", "gpt-5.4"), new Route("claude-code", "claude-sonnet-4-6"),
      new Route("claude-code", "claude-opus-4-6"));
  private static final String[] STATUSES =
      {"verified", "failed", "failed", "agent_error", "timeout", "infra_error", "no_change", "interrupted"};

  @TempDir Path dir;

  @Test
  void firstLoadEqualsReadingEveryRecordAndWritesTheSnapshot() throws IOException {
    Path memory = dir.resolve("memory.jsonl");
    Files.writeString(memory, lines(new SplittableRandom(1), 0, 400));
    assertSame(memory);
    assertThat(StatsCache.snapshotOf(memory)).exists();
  }

  @Test
  void appendsExtendTheSnapshot() throws IOException {
    Path memory = dir.resolve("memory.jsonl");
    SplittableRandom random = new SplittableRandom(2);
    Files.writeString(memory, lines(random, 0, 300));
    assertSame(memory);
    long before = Files.size(memory);
    for (int round = 1; round <= 3; round++) {
      Files.writeString(memory, lines(random, round * 1000, 50), StandardOpenOption.APPEND);
      assertSame(memory);
    }
    assertThat(Files.size(memory)).isGreaterThan(before);
  }

  @Test
  void aLineStillBeingWrittenIsReadButNotSnapshotted() throws IOException {
    Path memory = dir.resolve("memory.jsonl");
    SplittableRandom random = new SplittableRandom(3);
    Files.writeString(memory, lines(random, 0, 200));
    String next = lines(random, 500, 1);
    int half = next.length() / 2;
    // Half a line (no line feed yet): a problem now, but the snapshot stops before it ...
    Files.writeString(memory, next.substring(0, half), StandardOpenOption.APPEND);
    assertSame(memory);
    // ... so once the writer finishes it, it is read whole.
    Files.writeString(memory, next.substring(half), StandardOpenOption.APPEND);
    assertSame(memory);
  }

  @Test
  void rewrittenOrDamagedMemoryIsReadAgain() throws IOException {
    Path memory = dir.resolve("memory.jsonl");
    SplittableRandom random = new SplittableRandom(4);
    String all = lines(random, 0, 300);
    Files.writeString(memory, all);
    assertSame(memory);
    // Compacted: the first lines dropped, the file shorter.
    Files.writeString(memory, all.substring(all.indexOf('\n', all.length() / 3) + 1));
    assertSame(memory);
    // Same length, a different start (one record's status edited in place).
    String edited = Files.readString(memory).replaceFirst("\"failed\"", "\"timeut\"");
    Files.writeString(memory, edited);
    assertSame(memory);
    // Rewritten and longer: old snapshot length, new contents.
    Files.writeString(memory, lines(random, 9000, 400));
    assertSame(memory);
    // A damaged snapshot is not trusted.
    Files.write(StatsCache.snapshotOf(memory), new byte[] {1, 2, 3});
    assertSame(memory);
    Files.writeString(memory, "", StandardOpenOption.TRUNCATE_EXISTING);
    assertSame(memory);
  }

  @Test
  void missingMemoryIsEmpty() throws IOException {
    StatsCache.Loaded loaded = StatsCache.load(dir.resolve("none.jsonl"));
    assertThat(loaded.stats().records()).isZero();
    assertThat(loaded.problemCount()).isZero();
    assertThat(StatsCache.snapshotOf(dir.resolve("none.jsonl"))).doesNotExist();
  }

  @Test
  void sameDecisionFromTheSnapshotAsFromEveryRecord() throws IOException {
    Path memory = dir.resolve("memory.jsonl");
    SplittableRandom random = new SplittableRandom(5);
    Files.writeString(memory, lines(random, 0, 3000));
    StatsCache.load(memory);
    Files.writeString(memory, lines(random, 5000, 40), StandardOpenOption.APPEND);
    MemoryStats cached = StatsCache.load(memory).stats();
    MemoryStats full = readAll(memory, new ArrayList<>());
    assertSameState(cached, full);
    assertThat(order(cached)).isEqualTo(order(full));
    for (Dimension d : Dimension.values()) {
      Task task = new Task("t-" + d, "prompt", d, null, "python");
      assertThat(decision(cached, task)).isEqualTo(decision(full, task));
    }
  }

  private static String decision(MemoryStats stats, Task task) {
    Map<Route, Double> costs = Map.of(ROUTES.get(0), 0.01, ROUTES.get(1), 0.1, ROUTES.get(2), 0.3,
        ROUTES.get(3), 0.4, ROUTES.get(4), 2.0);
    AcrPolicy policy = new AcrPolicy(ROUTES, stats, costs, PolicyConfig.defaults(), 7);
    return policy.plan(task, List.of()) + " " + policy.estimates(task);
  }

  /** Loads through the cache and compares with reading every line, state and problems. */
  private static void assertSame(Path memory) throws IOException {
    List<String> problems = new ArrayList<>();
    MemoryStats full = readAll(memory, problems);
    StatsCache.Loaded loaded = StatsCache.load(memory);
    assertSameState(loaded.stats(), full);
    assertThat(order(loaded.stats())).isEqualTo(order(full));
    assertThat(loaded.stats().records()).isEqualTo(full.records());
    assertThat(loaded.problemCount()).isEqualTo(problems.size());
    assertThat(loaded.firstProblem()).isEqualTo(problems.isEmpty() ? null : problems.get(0));
    // And once more, now certainly from the snapshot just written.
    assertSameState(StatsCache.load(memory).stats(), full);
  }

  private static void assertSameState(MemoryStats actual, MemoryStats expected) throws IOException {
    byte[] a = state(actual);
    byte[] e = state(expected);
    int at = java.util.Arrays.mismatch(a, e);
    assertThat(at).as("first differing byte of %d vs %d: %s", a.length, e.length,
        at < 0 ? "" : new String(a, Math.max(0, at - 60), Math.min(120, a.length - Math.max(0, at - 60)),
            StandardCharsets.ISO_8859_1) + " | " + new String(e, Math.max(0, at - 60),
            Math.min(120, e.length - Math.max(0, at - 60)), StandardCharsets.ISO_8859_1)).isEqualTo(-1);
  }

  private static MemoryStats readAll(Path memory, List<String> problems) throws IOException {
    MemoryStats stats = new MemoryStats();
    new MemoryStore(memory).forEach(stats::append, problems::add);
    return stats;
  }

  /** Every map's keys in iteration order (the policy sums in this order). */
  private static String order(MemoryStats stats) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, MemoryStats.Context> e : stats.byContext.entrySet()) {
      out.append(e.getKey()).append(' ').append(e.getValue().tallies.keySet()).append(' ')
          .append(e.getValue().patterns.keySet()).append('\n');
    }
    return out.toString();
  }

  private static byte[] state(MemoryStats stats) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      StatsSnapshot.write(stats, out);
    }
    return bytes.toByteArray();
  }

  /** {@code n} records of runs with escalations, plus the odd blank, torn or incomplete line. */
  private static String lines(SplittableRandom random, int firstRun, int n) {
    StringBuilder out = new StringBuilder();
    int run = firstRun;
    int written = 0;
    while (written < n) {
      run++;
      Dimension d = Dimension.values()[random.nextInt(Dimension.values().length)];
      String language = random.nextBoolean() ? "python" : "go";
      String bench = random.nextInt(4) == 0 ? "swe" : null;
      int attempts = 1 + random.nextInt(4);
      for (int a = 1; a <= attempts && written < n; a++, written++) {
        Route route = ROUTES.get(random.nextInt(ROUTES.size()));
        String status = STATUSES[random.nextInt(STATUSES.length)];
        boolean resolved = status.equals("verified");
        Double cost = random.nextInt(6) == 0 ? null : random.nextDouble() * 0.7;
        Double score = bench != null ? random.nextDouble() : null;
        MemoryRecord r = new MemoryRecord("2026-12-04T10:00:00Z", "run-" + run, a, "task-" + run, null,
            d.id(), route.tool(), route.model(), route.name(), resolved, resolved, status, 0, 1000L, cost,
            10L, 10L, "live", score, bench, language);
        out.append(MemoryStore.toLine(r)).append('\n');
        switch (random.nextInt(40)) {
          case 0 -> out.append('\n');
          case 1 -> out.append("{\"ts\":\"2026-12-04T1\n");
          case 2 -> out.append("{\"ts\":\"x\",\"route\":null}\n");
          default -> { }
        }
        if (resolved) {
          break;
        }
      }
    }
    return new String(out.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }
}
