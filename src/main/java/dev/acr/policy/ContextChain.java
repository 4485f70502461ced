package dev.acr.policy;

import dev.acr.memory.MemoryRecord;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The contexts of a key list from {@link MemoryStats#contextKeys(String, String, Integer)} (by
 * instance), and each route's and pattern's tallies in them, filled in by {@link MemoryStats} as
 * records first reach each: a record then finds its contexts and tallies by its route's number
 * and one lookup by pattern, not two lookups per context.
 */
final class ContextChain {
  final List<String> keys;
  final MemoryStats.Context[] contexts;
  /** Each route's tallies here, by its number in the memory ({@link MemoryStats#routeName}); null until its first record. */
  private MemoryStats.Tally[][] routes = new MemoryStats.Tally[0][];
  final Map<MemoryStats.Pattern, MemoryStats.Tally[]> patterns = new HashMap<>();

  private ContextChain(List<String> keys) {
    this.keys = keys;
    this.contexts = new MemoryStats.Context[keys.size()];
  }

  /** The tallies of route number {@code route} in these contexts (null where not made yet). */
  MemoryStats.Tally[] routeTallies(int route) {
    if (route >= routes.length) {
      routes = Arrays.copyOf(routes, Math.max(route + 1, 2 * routes.length));
    }
    MemoryStats.Tally[] tallies = routes[route];
    if (tallies == null) {
      tallies = new MemoryStats.Tally[contexts.length];
      routes[route] = tallies;
    }
    return tallies;
  }

  /** One memory's chains, by key list. */
  static final class Finder {
    private final MemoryStats stats;
    private final Map<List<String>, ContextChain> chains = new IdentityHashMap<>();
    /** The last record's chain and the three fields it was found by; see {@link #of}. */
    private ContextChain last;
    private String lastDimension;
    private String lastBench;
    private Integer lastPromptChars;

    Finder(MemoryStats stats) {
      this.stats = stats;
    }

    /**
     * The record's chain. A run's records all come from one task, so the last record's chain is
     * reused while the three fields it was made from stay the same, instead of three map lookups
     * per record (the context keys' and the chain's). Those maps are only read here and in
     * {@link MemoryStats#contextKeys}, so skipping a lookup changes nothing else.
     */
    ContextChain of(MemoryRecord r) {
      String benchOrLanguage = r.bench() != null ? r.bench() : r.language();
      if (last != null && Objects.equals(r.dimension(), lastDimension) && Objects.equals(benchOrLanguage, lastBench)
          && Objects.equals(r.promptChars(), lastPromptChars)) {
        return last;
      }
      List<String> keys = stats.contextKeys(r.dimension(), benchOrLanguage, r.promptChars());
      ContextChain c = chains.get(keys);
      if (c == null) {
        c = new ContextChain(keys);
        chains.put(keys, c);
      }
      last = c;
      lastDimension = r.dimension();
      lastBench = benchOrLanguage;
      lastPromptChars = r.promptChars();
      return c;
    }
  }
}
