package dev.acr.policy;

import dev.acr.memory.MemoryRecord;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The contexts of a key list from {@link MemoryStats#contextKeys(String, String, Integer)} (by
 * instance), and each route's and pattern's tallies in them, filled in by {@link MemoryStats} as
 * records first reach each: a record then finds its contexts and tallies with one lookup by route
 * and one by pattern, not two per context.
 */
final class ContextChain {
  final List<String> keys;
  final MemoryStats.Context[] contexts;
  final Map<String, MemoryStats.Tally[]> routes = new HashMap<>();
  final Map<MemoryStats.Pattern, MemoryStats.Tally[]> patterns = new HashMap<>();

  private ContextChain(List<String> keys) {
    this.keys = keys;
    this.contexts = new MemoryStats.Context[keys.size()];
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
