package dev.acr.policy;

import dev.acr.memory.MemoryRecord;
import dev.acr.memory.MemorySink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Running tallies of memory, the only thing the policy learns from. It is a {@link MemorySink},
 * so the loop feeds it each new record right after the file gets it, live or in a replay.
 *
 * <p>Tallies are kept per context (everything, the dimension, the dimension with the bench or
 * repo language) and per route, two ways: over all attempts (costs, partial scores), and per
 * pattern, i.e. the route's outcomes after exactly this set of other routes had failed on the
 * same task. Patterns are what {@link SkillModel} fits skills from: they tell that a strong
 * route failing is bad news for the next one while a weak one failing says little.
 */
public final class MemoryStats implements MemorySink {

  /** One tally. Mutable, but only ever reached through this class. */
  static final class Tally {
    int n;
    double successes;
    double costSum;
    int costN;
    double partialSum;
    int failures;

    void add(boolean resolved, double performance, Double cost) {
      n++;
      if (resolved) {
        successes++;
      } else {
        failures++;
        partialSum += performance;
      }
      if (cost != null) {
        costSum += cost;
        costN++;
      }
    }
  }

  static final String ANY = "any";

  /** Outcomes of a route given the exact set of routes that had already failed on the task. */
  record Pattern(String route, List<String> failedBefore) {}

  /** Tallies over all attempts, by context then route (the only kind kept is {@link #ANY}). */
  private final Map<String, Map<String, Tally>> tallies = new HashMap<>();
  private final Map<String, Map<Pattern, Tally>> patterns = new HashMap<>();
  private final Map<String, Long> versions = new HashMap<>();
  private String currentRun;
  private String currentTask;
  private final List<String> failedOnCurrentTask = new ArrayList<>();
  private final TaskCostScale costScale = new TaskCostScale();
  private long records;

  public MemoryStats() {}

  /** Builds stats from existing records (a loaded memory file). */
  public static MemoryStats of(Iterable<MemoryRecord> records) {
    MemoryStats stats = new MemoryStats();
    for (MemoryRecord r : records) {
      stats.append(r);
    }
    return stats;
  }

  public long records() {
    return records;
  }

  @Override
  public void append(MemoryRecord r) {
    records++;
    if (!Objects.equals(r.runId(), currentRun) || !Objects.equals(r.task(), currentTask)) {
      currentRun = r.runId();
      currentTask = r.task();
      failedOnCurrentTask.clear();
      costScale.newTask();
    }
    if (!teaches(r.status())) {
      return;
    }
    // One pattern key serves every context of the record.
    Pattern p = new Pattern(r.route(), failedOnCurrentTask.stream().sorted().toList());
    for (String ctx : contexts(r.dimension(), r.bench() != null ? r.bench() : r.language())) {
      tally(ctx, r.route()).add(r.resolved(), r.performance(), r.costUsd());
      patterns.computeIfAbsent(ctx, k -> new HashMap<>()).computeIfAbsent(p, k -> new Tally())
          .add(r.resolved(), r.performance(), r.costUsd());
      versions.merge(ctx, 1L, Long::sum);
    }
    if (!r.resolved()) {
      failedOnCurrentTask.add(r.route());
    }
    costScale.observe(r.route(), r.costUsd());
  }

  /** How one task's costs so far predict the next route's cost on it. */
  TaskCostScale costScale() {
    return costScale;
  }

  /** Interrupted attempts and attempts nobody verified say nothing about the route. */
  private static boolean teaches(String status) {
    return !"interrupted".equals(status) && !"no_verifier".equals(status);
  }

  /** Context keys from broadest to narrowest. */
  static List<String> contexts(String dimension, String benchOrLanguage) {
    List<String> keys = new ArrayList<>(3);
    keys.add("*");
    if (dimension != null) {
      keys.add(dimension);
      if (benchOrLanguage != null) {
        keys.add(dimension + "|" + benchOrLanguage);
      }
    }
    return keys;
  }

  /** The tally for a context, route and kind, or null when memory has none. */
  Tally get(String context, String route, String kind) {
    if (!ANY.equals(kind)) {
      return null;
    }
    Map<String, Tally> byRoute = tallies.get(context);
    return byRoute == null ? null : byRoute.get(route);
  }

  /** A context's tallies over all attempts, by route (read-only view; empty when memory has none). */
  Map<String, Tally> tallies(String context) {
    Map<String, Tally> byRoute = tallies.get(context);
    return byRoute == null ? Map.of() : Collections.unmodifiableMap(byRoute);
  }

  /** Pattern tallies of a context (read-only view; empty when memory has none). */
  Map<Pattern, Tally> patterns(String context) {
    return Collections.unmodifiableMap(patterns.getOrDefault(context, Map.of()));
  }

  /** Grows whenever a record lands in the context, so fitted models know when to refit. */
  long version(String context) {
    return versions.getOrDefault(context, 0L);
  }

  private Tally tally(String context, String route) {
    return tallies.computeIfAbsent(context, k -> new HashMap<>()).computeIfAbsent(route, k -> new Tally());
  }
}
