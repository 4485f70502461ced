package dev.acr.policy;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What memory says about each configured route in a task's contexts, per attempt: the chance it
 * runs at all, its mean partial score when it fails, its expected cost ({@link RobustCost}). Each
 * is shrunk context by context, broadest first, {@code strength} pseudo-attempts of the broader
 * figure counting in the narrower one.
 *
 * <p>Every decision needs these for every candidate, and working them out each time took a dozen
 * hash lookups per route and decision. So each route's tallies in a context chain are looked up
 * once and kept (a tally, once made, stays memory's tally for that context and route; where memory
 * had none, looked up again once memory made any new tally), and the figures are kept until one
 * of those tallies counts another attempt (every record adds one to its tallies' {@code n}). Most
 * records touch one route, so most routes' figures carry over from one decision to the next. The
 * figures are the same arithmetic on the same tallies in the same order, so the same bits.
 */
final class RouteFigures {

  /** One route in one context chain: its tallies, broadest first (null where memory has none), and its figures. */
  static final class Row {
    private final MemoryStats.Tally[] tallies;
    /** Each tally's attempt count when the figures were worked out (-1: no tally). */
    private final int[] counted;
    /** {@link MemoryStats#born} when the missing tallies were last looked up. */
    private long lookedUp = -1;
    /** {@link MemoryStats#routeRecords} of the route when the figures were last made current. */
    private int records = -1;
    private boolean worked;
    private double run;
    private double partial;
    private double cost;

    private Row(int levels) {
      this.tallies = new MemoryStats.Tally[levels];
      this.counted = new int[levels];
    }

    /** The chance an attempt does any work at all: 1 before memory says otherwise. */
    double run() {
      return run;
    }

    /** Mean performance of an attempt that did not verify (partial scores; 0 for pass/fail). */
    double partial() {
      return partial;
    }

    /** Expected USD of an attempt: the price guess, replaced by memory's typical cost as it accrues. */
    double cost() {
      return cost;
    }
  }

  private final MemoryStats stats;
  private final List<String> names;
  private final double[] guesses;
  private final double strength;
  /** Each route's number in memory ({@link MemoryStats#routeName}). */
  private final int[] ids;
  /** By context chain, as {@link MemoryStats#contextKeys} hands out one instance per chain. */
  private final Map<List<String>, Row[]> byChain = new IdentityHashMap<>();
  /** The chain of the last call and its rows (in {@link #byChain}). */
  private List<String> lastChain;
  private Row[] lastRows;

  /** For the routes named {@code names} (memory's instances) with price guesses {@code guesses}. */
  RouteFigures(MemoryStats stats, List<String> names, double[] guesses, double strength) {
    this.stats = stats;
    this.names = names;
    this.guesses = guesses;
    this.strength = strength;
    this.ids = new int[names.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = stats.routeName(names.get(i)).id();
    }
  }

  /** Configured route {@code route}'s figures in the context chain {@code ctx}, current with memory. */
  Row of(List<String> ctx, int route) {
    // A decision asks for every candidate in one chain, and a run plans one task several times.
    Row[] rows = ctx == lastChain ? lastRows : byChain.get(ctx);
    if (rows == null) {
      rows = new Row[names.size()];
      byChain.put(ctx, rows);
    }
    lastChain = ctx;
    lastRows = rows;
    Row row = rows[route];
    if (row == null) {
      row = new Row(ctx.size());
      rows[route] = row;
    }
    // No record of the route since the figures were made current: none of its tallies counted
    // another attempt, nor was one made (a route's tallies change only with its own records), so
    // they stand without reading the tallies, scattered over the heap.
    int records = stats.routeRecords(ids[route]);
    if (row.worked && row.records == records) {
      return row;
    }
    row.records = records;
    if (row.lookedUp != stats.born) {
      for (int i = 0; i < ctx.size(); i++) {
        if (row.tallies[i] == null) {
          MemoryStats.Context c = stats.byContext.get(ctx.get(i));
          row.tallies[i] = c == null ? null : c.tallies.get(names.get(route));
        }
      }
      row.lookedUp = stats.born;
    }
    if (!row.worked || changed(row)) {
      work(row, guesses[route]);
    }
    return row;
  }

  private static boolean changed(Row row) {
    for (int i = 0; i < row.tallies.length; i++) {
      MemoryStats.Tally t = row.tallies[i];
      if ((t == null ? -1 : t.n) != row.counted[i]) {
        return true;
      }
    }
    return false;
  }

  private void work(Row row, double guess) {
    MemoryStats.Tally[] tallies = row.tallies;
    for (int i = 0; i < tallies.length; i++) {
      row.counted[i] = tallies[i] == null ? -1 : tallies[i].n;
    }
    // The chance it runs, shrunk like the partial scores: attempts that did any work, over attempts.
    double run = 1;
    double partial = 0;
    for (MemoryStats.Tally t : tallies) {
      if (t != null && t.n > 0) {
        run = (run * strength + (t.n - t.idle)) / (strength + t.n);
      }
      if (t != null && t.failures > 0) {
        partial = (partial * strength + t.partialSum) / (strength + t.failures);
      }
    }
    row.run = run;
    row.partial = partial;
    row.cost = RobustCost.estimate(guess, strength, tallies);
    row.worked = true;
  }
}
