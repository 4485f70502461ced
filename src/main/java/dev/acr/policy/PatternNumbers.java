package dev.acr.policy;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers for routes, failure sets and patterns, shared by all the pattern tables of one skill
 * model (one table per context): a route, a failure set or a pattern has the same number in every
 * context's table.
 *
 * <p>Why: {@link ContextShift} keeps σ rows, beliefs and chances for every context under one
 * broader fit. With shared numbers it finds them in arrays, where it used to look them up in hash
 * maps by route name, failure list and pattern on every refit (a twentieth of the fits' time). A
 * table asks for a number once per key, the first time it meets it, not once per fit.
 */
final class PatternNumbers {

  private final Map<String, Integer> routes = new HashMap<>();
  private final Map<List<String>, Integer> failureSets = new HashMap<>();
  /** By identity, as {@link PatternTable} indexes patterns: memory keeps one instance per pattern. */
  private final Map<MemoryStats.Pattern, Integer> patterns = new IdentityHashMap<>();

  int route(String name) {
    return numberOf(routes, name);
  }

  /** A failure set's number: the routes that failed, in failure order. */
  int failureSet(List<String> failed) {
    return numberOf(failureSets, failed);
  }

  int pattern(MemoryStats.Pattern p) {
    return numberOf(patterns, p);
  }

  /** The key's number, the next one when the key is new. */
  private static <K> int numberOf(Map<K, Integer> numbers, K key) {
    Integer n = numbers.get(key);
    if (n == null) {
      n = numbers.size();
      numbers.put(key, n);
    }
    return n;
  }
}
