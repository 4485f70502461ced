package dev.acr.policy;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each context's first-call tallies of a policy's routes ({@link SingleCall#firstCalls}), kept
 * per context chain. A one-call decision read them anew each time: a pattern key per route and a
 * hash lookup per route and context (44 on the ID test), whose equality check compared the empty
 * failure lists through iterators. A tally, once made, stays memory's tally for its context and
 * pattern and counts each new record in place, so the kept ones are current; where memory had
 * none, they are looked up again once memory made any new tally ({@link MemoryStats#born}), as
 * {@link RouteFigures} does. The same tallies, so the same estimates bit for bit.
 */
final class FirstCalls {

  /** One chain's tallies ({@code [context][route]}, null where memory has none) and when the missing were looked up. */
  private static final class Kept {
    final MemoryStats.Tally[][] tallies;
    long lookedUp = -1;

    Kept(MemoryStats.Tally[][] tallies) {
      this.tallies = tallies;
    }
  }

  private final MemoryStats stats;
  private final List<String> routes;
  /** By context chain, as {@link MemoryStats#contextKeys} hands out one instance per chain. */
  private final Map<List<String>, Kept> byChain = new IdentityHashMap<>();

  /** For the routes named {@code routes} (memory's instances). */
  FirstCalls(MemoryStats stats, List<String> routes) {
    this.stats = stats;
    this.routes = routes;
  }

  /** The first-call tallies in the chain {@code ctx}, current with memory (never mutate the arrays). */
  MemoryStats.Tally[][] of(List<String> ctx) {
    Kept kept = byChain.get(ctx);
    if (kept == null) {
      kept = new Kept(new MemoryStats.Tally[ctx.size()][routes.size()]);
      byChain.put(ctx, kept);
    }
    if (kept.lookedUp != stats.born) {
      MemoryStats.Tally[][] found = SingleCall.firstCalls(stats, ctx, routes);
      for (int c = 0; c < found.length; c++) {
        for (int r = 0; r < found[c].length; r++) {
          if (kept.tallies[c][r] == null) {
            kept.tallies[c][r] = found[c][r];
          }
        }
      }
      kept.lookedUp = stats.born;
    }
    return kept.tallies;
  }
}
