package dev.acr.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A context's pattern tallies, copied once per fit into arrays: routes and failure sets become
 * small ints, and patterns keep the map's iteration order.
 *
 * <p>Fitting reads every pattern for each shift tried and each fit pass; with arrays it no longer
 * hashes route names and failure lists in those loops, and each failure set's difficulty belief
 * is computed once per step instead of once per pattern. Failure sets are kept as a prefix tree
 * (a set is its prefix plus one more failure), so a belief is its prefix's belief updated once:
 * the same updates in the same order as starting from the prior, made once for all sets sharing
 * them. Sums still run pattern by pattern in the map's order.
 */
final class PatternTable {

  /** Every route named by a pattern, as the pattern's route or as one that failed before it. */
  final List<String> routes;
  /** Per pattern: its route (index into {@link #routes}). */
  final int[] route;
  /** Per pattern: its failure set (a node of the prefix tree). */
  final int[] failureSet;
  /** Per pattern: attempts that verified, and all attempts. */
  final double[] successes;
  final double[] attempts;
  /**
   * The prefix tree of failure sets, parents before children: node k is node {@code prefix[k]}
   * (−1: the empty set) with route {@code lastFailed[k]} failed after it. Nodes include the
   * prefixes no pattern names, so that sets sharing a prefix share its updates.
   */
  private final int[] prefix;
  private final int[] lastFailed;

  private PatternTable(List<String> routes, int[] route, int[] failureSet, double[] successes,
      double[] attempts, int[] prefix, int[] lastFailed) {
    this.routes = routes;
    this.route = route;
    this.failureSet = failureSet;
    this.successes = successes;
    this.attempts = attempts;
    this.prefix = prefix;
    this.lastFailed = lastFailed;
  }

  static PatternTable of(Map<MemoryStats.Pattern, MemoryStats.Tally> pats) {
    Map<String, Integer> routeIds = new HashMap<>();
    List<String> routes = new ArrayList<>();
    Tree tree = new Tree();
    int size = pats.size();
    int[] route = new int[size];
    int[] failureSet = new int[size];
    double[] successes = new double[size];
    double[] attempts = new double[size];
    int i = 0;
    for (Map.Entry<MemoryStats.Pattern, MemoryStats.Tally> e : pats.entrySet()) {
      route[i] = id(e.getKey().route(), routeIds, routes);
      int node = -1;
      for (String failed : e.getKey().failedBefore()) {
        node = tree.child(node, id(failed, routeIds, routes));
      }
      failureSet[i] = node < 0 ? tree.child(-1, -1) : node;
      successes[i] = e.getValue().successes;
      attempts[i] = e.getValue().n;
      i++;
    }
    return new PatternTable(List.copyOf(routes), route, failureSet, successes, attempts,
        tree.prefix(), tree.lastFailed());
  }

  /** Builds the prefix tree: one node per (prefix node, next failed route). */
  private static final class Tree {
    private final Map<Long, Integer> nodes = new HashMap<>();
    private final List<int[]> edges = new ArrayList<>();

    /** The node for {@code parent} then {@code failed} (−1, −1: the empty set), made when new. */
    int child(int parent, int failed) {
      return nodes.computeIfAbsent(((long) parent << 32) | (failed & 0xffffffffL), k -> {
        edges.add(new int[] {parent, failed});
        return edges.size() - 1;
      });
    }

    int[] prefix() {
      return edges.stream().mapToInt(e -> e[0]).toArray();
    }

    int[] lastFailed() {
      return edges.stream().mapToInt(e -> e[1]).toArray();
    }
  }

  private static int id(String name, Map<String, Integer> ids, List<String> names) {
    Integer id = ids.get(name);
    if (id == null) {
      id = names.size();
      names.add(name);
      ids.put(name, id);
    }
    return id;
  }

  int size() {
    return route.length;
  }

  /** σ(skill − difficulty) over the difficulty grid, for each route at its given skill. */
  static double[][] sigmoidRows(double[] skill, double[] difficulties) {
    double[][] rows = new double[skill.length][difficulties.length];
    for (int r = 0; r < skill.length; r++) {
      for (int j = 0; j < difficulties.length; j++) {
        rows[r][j] = Sigmoid.fast(skill[r] - difficulties[j]);
      }
    }
    return rows;
  }

  /** The number of failure-set nodes, the length of {@link #beliefs}' result. */
  int nodes() {
    return prefix.length;
  }

  /**
   * The difficulty belief after each failure-set node, starting from the prior; indexed like
   * {@link #failureSet}'s values.
   */
  double[][] beliefs(double[][] sigmoidRows, double[] prior) {
    double[][] out = new double[prefix.length][];
    for (int k = 0; k < prefix.length; k++) {
      if (lastFailed[k] < 0) {
        out[k] = prior.clone();
      } else {
        double[] w = (prefix[k] < 0 ? prior : out[prefix[k]]).clone();
        Beliefs.fail(w, sigmoidRows[lastFailed[k]]);
        out[k] = w;
      }
    }
    return out;
  }
}
