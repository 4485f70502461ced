package dev.acr.memory;

import dev.acr.core.AttemptStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How long each route's attempts take, by route name: what {@code --race auto} expects a route
 * to take. Only attempts that ran their course count ({@link AttemptStatus#isEvidence(String)}):
 * a cancelled or interrupted attempt was cut short, an infra error ended early. Read from memory,
 * then added to as a run (or a replay) goes on.
 */
public final class RouteTimes {
  /** Sum of durations (ms) and number of attempts per route name. */
  private final Map<String, long[]> byRoute = new HashMap<>();
  private long totalMs;
  private long totalCount;

  /** Memory's durations ({@code memory} missing: none); unreadable lines go to {@code problems}. */
  public static RouteTimes read(Path memory, Consumer<String> problems) throws IOException {
    RouteTimes t = new RouteTimes();
    if (Files.isRegularFile(memory)) {
      new MemoryStore(memory).forEach(RecordFields::summary, r -> {
        if (AttemptStatus.isEvidence(r.status()) && r.route() != null) {
          t.add(r.route(), r.durationMs());
        }
      }, problems);
    }
    return t;
  }

  /** One attempt of {@code route} that took {@code ms}. */
  public void add(String route, long ms) {
    long[] sum = byRoute.computeIfAbsent(route, r -> new long[2]);
    sum[0] += Math.max(0, ms);
    sum[1]++;
    totalMs += Math.max(0, ms);
    totalCount++;
  }

  /** How many attempts of {@code route} are known. */
  public long count(String route) {
    long[] sum = byRoute.get(route);
    return sum == null ? 0 : sum[1];
  }

  /** The mean duration of {@code route}'s attempts; -1 when none is known. */
  public long meanMs(String route) {
    long[] sum = byRoute.get(route);
    return sum == null || sum[1] == 0 ? -1 : sum[0] / sum[1];
  }

  /** The mean over every route's attempts; -1 when none is known. */
  public long overallMeanMs() {
    return totalCount == 0 ? -1 : totalMs / totalCount;
  }

  /** Attempts known over all routes. */
  public long totalCount() {
    return totalCount;
  }
}
