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
 * is computed once per step instead of once per pattern. Sums still run pattern by pattern in
 * the map's order, with the arithmetic of {@link SkillModel#failed} and {@link SkillModel#chance},
 * so the fit is bit-for-bit what it was.
 */
final class PatternTable {

  /** Every route named by a pattern, as the pattern's route or as one that failed before it. */
  final List<String> routes;
  /** Per pattern: its route (index into {@link #routes}). */
  final int[] route;
  /** Per pattern: its failure set (index into {@link #failureSets}). */
  final int[] failureSet;
  /** Per pattern: attempts that verified, and all attempts. */
  final double[] successes;
  final double[] attempts;
  /** Distinct failure sets: the routes that had failed, in the pattern's order. */
  final int[][] failureSets;

  private PatternTable(List<String> routes, int[] route, int[] failureSet, double[] successes,
      double[] attempts, int[][] failureSets) {
    this.routes = routes;
    this.route = route;
    this.failureSet = failureSet;
    this.successes = successes;
    this.attempts = attempts;
    this.failureSets = failureSets;
  }

  static PatternTable of(Map<MemoryStats.Pattern, MemoryStats.Tally> pats) {
    Map<String, Integer> routeIds = new HashMap<>();
    List<String> routes = new ArrayList<>();
    Map<List<String>, Integer> setIds = new HashMap<>();
    List<int[]> sets = new ArrayList<>();
    int size = pats.size();
    int[] route = new int[size];
    int[] failureSet = new int[size];
    double[] successes = new double[size];
    double[] attempts = new double[size];
    int i = 0;
    for (Map.Entry<MemoryStats.Pattern, MemoryStats.Tally> e : pats.entrySet()) {
      route[i] = id(e.getKey().route(), routeIds, routes);
      List<String> failed = e.getKey().failedBefore();
      Integer set = setIds.get(failed);
      if (set == null) {
        int[] ids = new int[failed.size()];
        for (int f = 0; f < ids.length; f++) {
          ids[f] = id(failed.get(f), routeIds, routes);
        }
        set = sets.size();
        sets.add(ids);
        setIds.put(failed, set);
      }
      failureSet[i] = set;
      successes[i] = e.getValue().successes;
      attempts[i] = e.getValue().n;
      i++;
    }
    return new PatternTable(List.copyOf(routes), route, failureSet, successes, attempts, sets.toArray(new int[0][]));
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

  /** The difficulty belief after each failure set, starting from the prior. */
  double[][] beliefs(double[][] sigmoidRows, double[] prior) {
    double[][] out = new double[failureSets.length][];
    for (int s = 0; s < failureSets.length; s++) {
      double[] w = prior.clone();
      for (int q : failureSets[s]) {
        failedIn(w, sigmoidRows[q]);
      }
      out[s] = w;
    }
    return out;
  }

  /** {@link SkillModel#failed} with the route's σ row already computed. */
  private static void failedIn(double[] w, double[] sig) {
    double z = 0;
    for (int j = 0; j < w.length; j++) {
      w[j] *= 1 - sig[j];
      z += w[j];
    }
    if (z > 0) {
      for (int j = 0; j < w.length; j++) {
        w[j] /= z;
      }
    }
  }

  /** {@link SkillModel#chance} with the route's σ row already computed. */
  static double chance(double[] w, double[] sig) {
    double p = 0;
    for (int j = 0; j < w.length; j++) {
      p += w[j] * sig[j];
    }
    return p;
  }
}
