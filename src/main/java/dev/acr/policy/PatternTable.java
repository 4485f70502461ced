package dev.acr.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A context's pattern tallies as arrays: routes and failure sets become small ints, and patterns
 * keep the map's iteration order.
 *
 * <p>Fitting reads every pattern for each shift tried and each fit pass; with arrays it no longer
 * hashes route names and failure lists in those loops, and each failure set's difficulty belief
 * is computed once per step instead of once per pattern. Failure sets are kept as a prefix tree
 * (a set is its prefix plus one more failure), so a belief is its prefix's belief updated once:
 * the same updates in the same order as starting from the prior, made once for all sets sharing
 * them. Sums still run pattern by pattern in the map's order.
 *
 * <p>One table lives as long as its context's memory and is {@link #refresh refreshed} before
 * each fit: memory only ever adds patterns, so a pattern's route and failure set are indexed the
 * first time it is seen and merely looked up afterwards (a refit used to rebuild the tree from
 * every pattern). Route and node numbers are then in order of first appearance rather than of
 * the current map order; every result is per route or per node, so that changes no value.
 */
final class PatternTable {

  /** Every route named by a pattern, as the pattern's route or as one that failed before it. */
  final List<String> routes = new ArrayList<>();
  /** Every route that is some pattern's route, in order of first appearance. */
  final List<String> patternRoutes = new ArrayList<>();
  /** Per pattern: its route (index into {@link #routes}). */
  int[] route = new int[0];
  /** Per pattern: its failure set (a node of the prefix tree). */
  int[] failureSet = new int[0];
  /**
   * Per pattern: its number among all patterns of the model's tables ({@link PatternNumbers}; unlike
   * its position, it stays with the pattern as the map grows).
   */
  int[] serial = new int[0];
  /**
   * Per pattern: attempts that verified, and all attempts that did any work (idle ones, {@link
   * MemoryStats#idle}, say nothing about a skill against the task's difficulty).
   */
  double[] successes = new double[0];
  double[] attempts = new double[0];
  /** Per pattern, in the same order: the pattern itself (its identity in memory). */
  MemoryStats.Pattern[] patterns = new MemoryStats.Pattern[0];

  private final PatternNumbers numbers;
  private final Map<String, Integer> routeIds = new HashMap<>();
  /** Per route index: the route's number among all of the model's tables. */
  private int[] routeNumber = new int[8];
  /** Which of {@link #routes} are in {@link #patternRoutes}, by route index. */
  private final java.util.BitSet isPatternRoute = new java.util.BitSet();
  /**
   * A pattern's {route, failure-set node, number}, from the first time it was seen. By identity: memory
   * keeps one instance per pattern (a stray equal instance would only be indexed again, to the
   * same numbers), and hashing a pattern hashes its whole failure list.
   */
  private final Map<MemoryStats.Pattern, int[]> ids = new IdentityHashMap<>();
  /** Node of (prefix node, next failed route); (−1, −1) is the empty set. */
  private final Map<Long, Integer> nodeIds = new HashMap<>();
  /**
   * The prefix tree of failure sets, parents before children: node k is node {@code prefix[k]}
   * (−1: the empty set) with route {@code lastFailed[k]} failed after it. Nodes include the
   * prefixes no pattern names, so that sets sharing a prefix share its updates.
   */
  private int[] prefix = new int[8];
  private int[] lastFailed = new int[8];
  /** Per node: its failure set's number among all of the model's tables. */
  private int[] nodeNumber = new int[8];
  /** Each node's failure set as route names, in failure order. */
  private final List<List<String>> paths = new ArrayList<>();
  private int nodes;

  /** A table numbering its routes, failure sets and patterns with numbers of its own. */
  PatternTable() {
    this(new PatternNumbers());
  }

  /** A table numbering its routes, failure sets and patterns as the other tables of {@code numbers} do. */
  PatternTable(PatternNumbers numbers) {
    this.numbers = numbers;
  }

  /** A table of {@code pats} as they are now; for a table kept across fits, see {@link #refresh}. */
  static PatternTable of(Map<MemoryStats.Pattern, MemoryStats.Tally> pats) {
    return of(pats, new PatternNumbers());
  }

  /** {@link #of(Map)} numbered as the other tables of {@code numbers}. */
  static PatternTable of(Map<MemoryStats.Pattern, MemoryStats.Tally> pats, PatternNumbers numbers) {
    PatternTable t = new PatternTable(numbers);
    t.refresh(pats);
    return t;
  }

  /** The numbers this table's {@link #routeNumber}, {@link #nodeNumber} and {@link #serial} come from. */
  PatternNumbers numbers() {
    return numbers;
  }

  /**
   * Reads the context's pattern tallies again, in map order. Returns false (and reads nothing)
   * when the map has fewer patterns than this table already indexed: it is not the memory this
   * table grew with, so the caller makes a new table.
   */
  boolean refresh(Map<MemoryStats.Pattern, MemoryStats.Tally> pats) {
    if (pats.size() < ids.size()) {
      return false;
    }
    int size = pats.size();
    // The last refresh's patterns, in its order, for read's walk along them.
    previous = patterns;
    previousRoute = route;
    previousFailureSet = failureSet;
    previousSerial = serial;
    if (route.length != size) {
      route = new int[size];
      failureSet = new int[size];
      serial = new int[size];
      successes = new double[size];
      attempts = new double[size];
      patterns = new MemoryStats.Pattern[size];
    }
    // forEach walks the map's table in the order its iterator would, without an iterator and an
    // entry wrapper per pattern (a refit reads every pattern of its context; this walk was a
    // twentieth of a replay).
    cursor = 0;
    match = 0;
    pats.forEach(this::read);
    previous = null;
    previousRoute = null;
    previousFailureSet = null;
    previousSerial = null;
    return true;
  }

  /** Position of the next pattern {@link #read} reads in the current refresh. */
  private int cursor;
  /**
   * The last refresh's patterns and their numbers, and the position in them {@link #read} expects
   * to meet next. Why: a hash map adding a key leaves its other keys in the same order (only
   * growing its table reorders them), so between refits a context's patterns come back mostly in
   * the order they came last time, new ones in between. read walks along the last order and
   * copies a pattern's numbers when it is the one expected there, and looks it up by identity
   * only when not (a new pattern, or after the map grew): the same numbers, most lookups spared.
   */
  private MemoryStats.Pattern[] previous;
  private int[] previousRoute;
  private int[] previousFailureSet;
  private int[] previousSerial;
  private int match;

  /** Reads the next pattern of the map, indexing it when new. */
  private void read(MemoryStats.Pattern p, MemoryStats.Tally t) {
    int i = cursor++;
    if (match < previous.length && previous[match] == p) {
      route[i] = previousRoute[match];
      failureSet[i] = previousFailureSet[match];
      serial[i] = previousSerial[match];
      match++;
    } else {
      int[] id = ids.get(p);
      if (id == null) {
        id = index(p);
        ids.put(p, id);
        if (!isPatternRoute.get(id[0])) {
          isPatternRoute.set(id[0]);
          patternRoutes.add(p.route());
        }
      }
      route[i] = id[0];
      failureSet[i] = id[1];
      serial[i] = id[2];
    }
    successes[i] = t.successes;
    attempts[i] = t.n - t.idle;
    patterns[i] = p;
  }

  /** A new pattern's route, failure-set node and number, adding the nodes of its prefixes as needed. */
  private int[] index(MemoryStats.Pattern p) {
    int r = routeId(p.route());
    int node = -1;
    for (String failed : p.failedBefore()) {
      node = child(node, routeId(failed));
    }
    return new int[] {r, node < 0 ? child(-1, -1) : node, numbers.pattern(p)};
  }

  private int routeId(String name) {
    Integer id = routeIds.get(name);
    if (id == null) {
      id = routes.size();
      routes.add(name);
      routeIds.put(name, id);
      if (id == routeNumber.length) {
        routeNumber = Arrays.copyOf(routeNumber, 2 * id);
      }
      routeNumber[id] = numbers.route(name);
    }
    return id;
  }

  /** The node for {@code parent} then {@code failed} (−1, −1: the empty set), made when new. */
  private int child(int parent, int failed) {
    long key = ((long) parent << 32) | (failed & 0xffffffffL);
    Integer known = nodeIds.get(key);
    if (known != null) {
      return known;
    }
    if (nodes == prefix.length) {
      prefix = Arrays.copyOf(prefix, nodes * 2);
      lastFailed = Arrays.copyOf(lastFailed, nodes * 2);
      nodeNumber = Arrays.copyOf(nodeNumber, nodes * 2);
    }
    prefix[nodes] = parent;
    lastFailed[nodes] = failed;
    List<String> path = new ArrayList<>(parent < 0 ? List.of() : paths.get(parent));
    if (failed >= 0) {
      path.add(routes.get(failed));
    }
    paths.add(List.copyOf(path));
    nodeNumber[nodes] = numbers.failureSet(paths.get(nodes));
    nodeIds.put(key, nodes);
    return nodes++;
  }

  int size() {
    return route.length;
  }

  /** σ(skill − difficulty) over the difficulty grid, for each route at its given skill. */
  static double[][] sigmoidRows(double[] skill, double[] difficulties) {
    double[][] rows = new double[skill.length][];
    for (int r = 0; r < skill.length; r++) {
      rows[r] = sigmoidRow(skill[r], difficulties);
    }
    return rows;
  }

  /** σ(skill − difficulty) over the difficulty grid. */
  static double[] sigmoidRow(double skill, double[] difficulties) {
    return sigmoidRow(skill, difficulties, new double[difficulties.length]);
  }

  /** σ(skill − difficulty) over the difficulty grid, written into {@code row}, which it returns. */
  static double[] sigmoidRow(double skill, double[] difficulties, double[] row) {
    for (int j = 0; j < difficulties.length; j++) {
      row[j] = Sigmoid.fast(skill - difficulties[j]);
    }
    return row;
  }

  /** The number of failure-set nodes (at most the length of {@link #beliefs}' result). */
  int nodes() {
    return nodes;
  }

  /** Node k's failed routes in the order the tree adds them. */
  List<String> path(int node) {
    return paths.get(node);
  }

  /** Route index r's number among all of the model's tables ({@link PatternNumbers}). */
  int routeNumber(int r) {
    return routeNumber[r];
  }

  /** Node k's failure set's number among all of the model's tables ({@link PatternNumbers}). */
  int nodeNumber(int node) {
    return nodeNumber[node];
  }

  /** The node a node's set grows from (−1: none), and the route that failed last (−1: none). */
  int prefix(int node) {
    return prefix[node];
  }

  int lastFailed(int node) {
    return lastFailed[node];
  }

  /**
   * The difficulty belief after each failure-set node, starting from the prior; indexed like
   * {@link #failureSet}'s values. The arrays are this table's, overwritten by the next call (a
   * fit reads them at once; reusing them spares allocating one per node and fit). Each is written
   * as copying its prefix's belief and updating the copy would write it, bit for bit.
   */
  double[][] beliefs(double[][] sigmoidRows, double[] prior) {
    if (beliefScratch.length < nodes) {
      int from = beliefScratch.length;
      beliefScratch = Arrays.copyOf(beliefScratch, Math.max(nodes, 2 * from));
      for (int k = from; k < beliefScratch.length; k++) {
        beliefScratch[k] = new double[prior.length];
      }
    }
    double[][] out = beliefScratch;
    for (int k = 0; k < nodes; k++) {
      if (lastFailed[k] < 0) {
        System.arraycopy(prior, 0, out[k], 0, prior.length);
      } else {
        Beliefs.fail(prefix[k] < 0 ? prior : out[prefix[k]], out[k], sigmoidRows[lastFailed[k]]);
      }
    }
    return out;
  }

  /** {@link #beliefs}' arrays, one per node (there may be more than nodes). */
  private double[][] beliefScratch = new double[0][];
}
