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
 * repo language, and that with the prompt's length class where it is known, {@link PromptLength})
 * and per route, two ways: over all attempts (costs, partial scores), and per
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
    /** Sum and count of log cost over paid attempts (cost above zero), for {@link RobustCost}. */
    double logCostSum;
    int logCostN;
    double partialSum;
    /**
     * Sum of the squared partial scores of attempts that did not verify (a verified one scores
     * 1, its square 1): with {@link #partialSum} it gives how much scores spread ({@link SingleCall}).
     */
    double partialSquareSum;
    int failures;
    /** Failed attempts in which the agent did no work (see {@link #idle(MemoryRecord)}), among {@link #n}. */
    int idle;
    /** When it was made, among this memory's tallies and contexts (see {@link #born}). */
    long born;

    void add(boolean resolved, double performance, Double cost) {
      add(resolved, performance, cost, logCost(cost));
    }

    /** log(cost) for the log-normal tallies; 0 (and not counted) for a missing or zero cost. */
    static double logCost(Double cost) {
      return cost != null && cost > 0 ? Math.log(cost) : 0;
    }

    /** As above with log(cost) already taken (a record adds to six tallies; the log is the same). */
    void add(boolean resolved, double performance, Double cost, double logCost) {
      n++;
      if (resolved) {
        successes++;
      } else {
        failures++;
        partialSum += performance;
        partialSquareSum += performance * performance;
      }
      if (cost != null) {
        costSum += cost;
        costN++;
        if (cost > 0) {
          logCostSum += logCost;
          logCostN++;
        }
      }
    }
  }

  static final String ANY = "any";

  /**
   * Outcomes of a route given the exact set of routes that had already failed on the task. A
   * value like a record of its two fields, with the hash a record would have (so hash maps keep
   * their iteration order, which sums follow) computed once: every record looks its pattern up
   * in four maps, and hashing the failure list each time was a tenth of a replay.
   */
  static final class Pattern {
    private final String route;
    private final List<String> failedBefore;
    private final int hash;

    Pattern(String route, List<String> failedBefore) {
      this.route = route;
      this.failedBefore = failedBefore;
      this.hash = 31 * Objects.hashCode(route) + Objects.hashCode(failedBefore);
    }

    String route() {
      return route;
    }

    List<String> failedBefore() {
      return failedBefore;
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Pattern p && hash == p.hash && Objects.equals(route, p.route)
          && Objects.equals(failedBefore, p.failedBefore);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return "Pattern[route=" + route + ", failedBefore=" + failedBefore + "]";
    }
  }

  /**
   * What memory says in one context: tallies over all attempts by route (the only kind kept is
   * {@link #ANY}), pattern tallies, and a version that grows with every record.
   */
  static final class Context {
    final Map<String, Tally> tallies = new HashMap<>();
    final Map<Pattern, Tally> patterns = new HashMap<>();
    long version;
    long born;
    /** Whether the last call on {@link #tallies}, on {@link #patterns}, added a key; see {@link #kept}. */
    final boolean[] grew = new boolean[2];
  }

  final Map<String, Context> byContext = new HashMap<>();
  /**
   * One instance of each route name, failure pattern and context key list this memory has seen.
   * Records bring new String instances (a route's name is built per record), and map lookups
   * here, in the skill model and in the policy compare equal keys character by character; with
   * one instance each they compare by identity. Lookups and iteration order are unchanged.
   */
  private final Map<String, RouteName> names = new HashMap<>();
  final Map<Pattern, Pattern> canonicalPatterns = new HashMap<>();
  private final Map<String, Map<String, List<String>>> contextKeys = new HashMap<>();
  /** The key lists with a prompt-length level, by the list without it (by instance) and the level. */
  private final Map<List<String>, Map<String, List<String>>> withPromptLength = new java.util.IdentityHashMap<>();
  private final ContextChain.Finder chains = new ContextChain.Finder(this);
  private final java.util.function.Function<Object, Context> contextMaker = k -> newContext();
  private final java.util.function.Function<Object, Tally> tallyMaker = k -> newTally();
  // Package-private for StatsSnapshot, which saves and restores exactly this state.
  String currentRun;
  String currentTask;
  final List<String> failedOnCurrentTask = new ArrayList<>();
  private final FailedRoutes failedRoutes = new FailedRoutes();
  final TaskCostScale costScale = new TaskCostScale();
  long records;
  /**
   * Contexts and tallies made so far. A hash map's iteration order depends on the order its keys
   * came in, and the policy sums over these maps; StatsSnapshot refills them in birth order so a
   * restored memory iterates, and so rounds, exactly like one that read every record.
   */
  long born;

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
      failedRoutes.newTask();
      costScale.newTask();
    }
    if (!dev.acr.core.AttemptStatus.isEvidence(r.status(), r.reason())) {
      return;
    }
    RouteName routeName = routeName(r.route());
    String route = routeName.name();
    boolean idle = idle(r);
    // One pattern key serves every context of the record.
    Pattern p = failedRoutes.pattern(routeName, failedOnCurrentTask, canonicalPatterns);
    Double cost = r.costUsd();
    double logCost = Tally.logCost(cost);
    // computeIfAbsent as always (a HashMap grows at another size under put, which would change
    // its iteration order), but with one function made per memory, not a lambda per map and record.
    ContextChain chain = chains.of(r);
    List<String> keys = chain.keys;
    Context[] contexts = chain.contexts;
    Tally[] routeTallies = chain.routeTallies(routeName.id());
    if (routeName.id() >= routeRecords.length) {
      routeRecords = java.util.Arrays.copyOf(routeRecords, Math.max(routeName.id() + 1, 2 * routeRecords.length));
    }
    routeRecords[routeName.id()]++;
    Tally[] patternTallies = chain.patterns.get(p);
    if (patternTallies == null) {
      patternTallies = new Tally[contexts.length];
      chain.patterns.put(p, patternTallies);
    }
    for (int i = 0; i < contexts.length; i++) {
      Context c = contexts[i];
      if (c == null) {
        c = byContext.computeIfAbsent(keys.get(i), contextMaker);
        contexts[i] = c;
      }
      Tally all = kept(routeTallies, i, c, ROUTE_TALLIES, c.tallies, route);
      all.add(r.resolved(), r.performance(), cost, logCost);
      Tally pattern = kept(patternTallies, i, c, PATTERN_TALLIES, c.patterns, p);
      pattern.add(r.resolved(), r.performance(), cost, logCost);
      if (idle) {
        all.idle++;
        pattern.idle++;
      }
      c.version++;
    }
    if (!r.resolved() && !idle) {
      failedOnCurrentTask.add(route);
      failedRoutes.failed(routeName, failedOnCurrentTask);
    }
    costScale.observe(route, r.costUsd());
  }

  /**
   * A failed attempt in which the agent used no tokens: it never worked on the task, so its
   * failure says nothing about how hard the task is (only that the route may not run).
   */
  static boolean idle(MemoryRecord r) {
    return idle(r.resolved(), r.inputTokens(), r.outputTokens());
  }

  /** {@link #idle(MemoryRecord)} for an attempt still in the run (the policy's own failure set). */
  static boolean idle(boolean resolved, Long inputTokens, Long outputTokens) {
    return !resolved && zero(inputTokens) && zero(outputTokens);
  }

  private static boolean zero(Long tokens) {
    return tokens != null && tokens == 0;
  }

  Context newContext() {
    Context c = new Context();
    c.born = born++;
    return c;
  }

  Tally newTally() {
    Tally t = new Tally();
    t.born = born++;
    return t;
  }

  /** How one task's costs so far predict the next route's cost on it. */
  TaskCostScale costScale() {
    return costScale;
  }

  /**
   * A route name's one instance and its number in this memory, in order of first sight: a record
   * finds its route's failure nodes and tallies by that number ({@link FailedRoutes}, {@link
   * ContextChain}) instead of hashing the name again for each.
   */
  record RouteName(String name, int id) {}

  /** The one instance of this route name (the policy hands in its own names first). */
  String name(String route) {
    return routeName(route).name();
  }

  /**
   * Per route number, how many records added to its tallies: a route's tallies over all attempts
   * change, and new ones are made, only then ({@link RouteFigures} skips re-reading them).
   */
  private int[] routeRecords = new int[0];

  /** How many records added to the tallies of route number {@code id} so far. */
  int routeRecords(int id) {
    return id < routeRecords.length ? routeRecords[id] : 0;
  }

  /** The route name's one instance and number, made on first sight. */
  RouteName routeName(String route) {
    RouteName known = names.get(route);
    if (known == null) {
      known = new RouteName(route, names.size());
      names.put(route, known);
    }
    return known;
  }

  private static final int ROUTE_TALLIES = 0;
  private static final int PATTERN_TALLIES = 1;

  /**
   * The tally {@code kept[i]} stands for, from context c's map {@code which} ({@link
   * #ROUTE_TALLIES} or {@link #PATTERN_TALLIES}). A kept tally stands in for computeIfAbsent,
   * except right after that map got a new key: its next call may grow the table first (a HashMap
   * checks its size on every call), which changes its iteration order, so that call is still
   * made, as it always was.
   */
  private <K> Tally kept(Tally[] kept, int i, Context c, int which, Map<K, Tally> map, K key) {
    Tally t = kept[i];
    if (t == null || c.grew[which]) {
      long before = born;
      t = map.computeIfAbsent(key, tallyMaker);
      c.grew[which] = born != before;
      kept[i] = t;
    }
    return t;
  }

  /** {@link #contexts}, made once per pair (the lists and their keys are this memory's instances). */
  List<String> contextKeys(String dimension, String benchOrLanguage) {
    Map<String, List<String>> byBench = contextKeys.computeIfAbsent(dimension, k -> new HashMap<>());
    List<String> keys = byBench.get(benchOrLanguage);
    if (keys == null) {
      keys = List.copyOf(contexts(dimension, benchOrLanguage));
      byBench.put(benchOrLanguage, keys);
    }
    return keys;
  }

  /**
   * {@link #contextKeys(String, String)} with the prompt-length level ({@link PromptLength}) last,
   * when the prompt's length is known and the task has a dimension.
   */
  List<String> contextKeys(String dimension, String benchOrLanguage, Integer promptChars) {
    List<String> keys = contextKeys(dimension, benchOrLanguage);
    String level = PromptLength.level(promptChars);
    if (level == null || dimension == null) {
      return keys;
    }
    return withPromptLength.computeIfAbsent(keys, k -> new HashMap<>())
        .computeIfAbsent(level, l -> List.copyOf(contexts(dimension, benchOrLanguage, promptChars)));
  }

  /** Context keys from broadest to narrowest, the prompt-length level last where there is one. */
  static List<String> contexts(String dimension, String benchOrLanguage, Integer promptChars) {
    List<String> keys = contexts(dimension, benchOrLanguage);
    String level = PromptLength.level(promptChars);
    if (level != null && dimension != null) {
      keys.add(keys.get(keys.size() - 1) + "|" + level);
    }
    return keys;
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
    Context c = byContext.get(context);
    return c == null || !ANY.equals(kind) ? null : c.tallies.get(route);
  }

  /** A context's tallies over all attempts, by route (read-only view; empty when memory has none). */
  Map<String, Tally> tallies(String context) {
    Context c = byContext.get(context);
    return c == null ? Map.of() : Collections.unmodifiableMap(c.tallies);
  }

  /** Pattern tallies of a context (read-only view; empty when memory has none). */
  Map<Pattern, Tally> patterns(String context) {
    Context c = byContext.get(context);
    return c == null ? Map.of() : Collections.unmodifiableMap(c.patterns);
  }

  /** Grows whenever a record lands in the context, so fitted models know when to refit. */
  long version(String context) {
    Context c = byContext.get(context);
    return c == null ? 0 : c.version;
  }
}
