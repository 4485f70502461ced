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
 * pattern by its route's number, without a lookup.
 *
 * <p>Exact: a node's pattern for a route is the very instance the memory's canonical map returned
 * the first time for that route and set (the map never drops one), and that first time is the
 * same record as before, so the canonical map gets the same keys at the same records. A set is
 * keyed by its sorted list as before (duplicates included), so what a failure leads to depends
 * only on the set and the route.
 */
final class FailedRoutes {

  /**
   * One set of failed routes: its sorted list, and by route number ({@link MemoryStats#routeName})
   * its routes' patterns and the sets one more failure leads to (null where not met yet).
   */
  private static final class Node {
    final List<String> sorted;
    Pattern[] patterns = new Pattern[0];
    Node[] after = new Node[0];

    Node(List<String> sorted) {
      this.sorted = sorted;
    }

    Pattern pattern(int route) {
      return at(patterns, route);
    }

    void pattern(int route, Pattern p) {
      patterns = with(patterns, route, p);
    }

    Node after(int route) {
      return at(after, route);
    }

    void after(int route, Node next) {
      after = with(after, route, next);
    }
  }

  /** {@code array[i]}, or null past its end. */
  private static <T> T at(T[] array, int i) {
    return i < array.length ? array[i] : null;
  }

  /** {@code array}, grown to hold index {@code i} when it is too short, with {@code value} at i. */
  private static <T> T[] with(T[] array, int i, T value) {
    T[] out = i < array.length ? array : Arrays.copyOf(array, Math.max(i + 1, 2 * array.length));
    out[i] = value;
    return out;
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
  Pattern pattern(MemoryStats.RouteName route, List<String> failed, Map<Pattern, Pattern> canonical) {
    Node n = current;
    if (n == null) {
      n = node(failed);
      current = n;
    }
    Pattern p = n.pattern(route.id());
    if (p == null) {
      p = canonical.computeIfAbsent(new Pattern(route.name(), n.sorted), k -> k);
      n.pattern(route.id(), p);
    }
    return p;
  }

  /** {@code route} failed too; {@code failed} already ends with it. */
  void failed(MemoryStats.RouteName route, List<String> failed) {
    Node n = current;
    if (n == null) {
      return; // found from the list when next needed
    }
    Node next = n.after(route.id());
    if (next == null) {
      next = node(failed);
      n.after(route.id(), next);
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
