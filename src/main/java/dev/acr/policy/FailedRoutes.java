package dev.acr.policy;

import dev.acr.policy.MemoryStats.Pattern;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The patterns of {@link MemoryStats}'s current task: which set of routes had failed on it so far,
 * and each route's {@link Pattern} after exactly that set. A pattern used to be found per record
 * by sorting a copy of the failed routes and looking the new pattern up by value (hashing and
 * comparing the lists): ~40% of a replay's memory updates. Here each distinct set is a node that
 * remembers its routes' patterns and the node one more failure leads to, so a record finds its
 * pattern with one lookup by route name.
 *
 * <p>Exact: a node's pattern for a route is the very instance the memory's canonical map returned
 * the first time for that route and set (the map never drops one), and that first time is the
 * same record as before, so the canonical map gets the same keys at the same records. A set is
 * keyed by its sorted list as before (duplicates included), so what a failure leads to depends
 * only on the set and the route.
 */
final class FailedRoutes {

  /** One set of failed routes: its sorted list, its routes' patterns, the sets one more failure leads to. */
  private static final class Node {
    final List<String> sorted;
    final Map<String, Pattern> patterns = new HashMap<>();
    final Map<String, Node> after = new HashMap<>();

    Node(List<String> sorted) {
      this.sorted = sorted;
    }
  }

  private final Map<List<String>, Node> nodes = new HashMap<>();
  /** The node of no failures, made on first use. */
  private Node none;
  /** The current task's node; null when it must be found from the failed list (a restored memory). */
  private Node current;

  /** A new task: nothing has failed on it yet. */
  void newTask() {
    if (none == null) {
      none = node(List.of());
    }
    current = none;
  }

  /**
   * The pattern of {@code route} after the current task's failures, {@code failed} (in failure
   * order), from {@code canonical}, the memory's one instance of each pattern.
   */
  Pattern pattern(String route, List<String> failed, Map<Pattern, Pattern> canonical) {
    Node n = current;
    if (n == null) {
      n = node(failed);
      current = n;
    }
    Pattern p = n.patterns.get(route);
    if (p == null) {
      p = canonical.computeIfAbsent(new Pattern(route, n.sorted), k -> k);
      n.patterns.put(route, p);
    }
    return p;
  }

  /** {@code route} failed too; {@code failed} already ends with it. */
  void failed(String route, List<String> failed) {
    Node n = current;
    if (n == null) {
      return; // found from the list when next needed
    }
    Node next = n.after.get(route);
    if (next == null) {
      next = node(failed);
      n.after.put(route, next);
    }
    current = next;
  }

  /** The node of a set of failed routes given in any order. */
  private Node node(List<String> failed) {
    String[] sorted = failed.toArray(new String[0]);
    Arrays.sort(sorted);
    return nodes.computeIfAbsent(Collections.unmodifiableList(Arrays.asList(sorted)), Node::new);
  }
}
