package dev.acr.policy;

import dev.acr.core.Route;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The candidates' sampled skills for one decision, and the short lookahead over them. {@code
 * scratch} holds one difficulty belief per lookahead depth: the search is depth-first, so the
 * belief after a failure at depth d is only read below d, and reusing one array per depth
 * spares the dozens of copies per decision that kept the garbage collector busy in replays.
 */
record Chain(
    List<Route> routes, SkillModel model, double[] difficulty, int[] skill, double[] cost, double[] partial,
    double[] run, double[][] scratch) {

  Chain(List<Route> routes, SkillModel model, double[] difficulty, int[] skill, double[] cost, double[] partial,
      double[] run) {
    this(routes, model, difficulty, skill, cost, partial, run, new double[0][]);
  }

  /** This depth's scratch belief, set to w after route j failed. */
  private double[] afterFailure(double[] w, int j, int depth) {
    double[] to = scratch[depth];
    model.failedAt(w, to, skill[j], run[j]);
    return to;
  }

  /** Route j's chance under belief w: that it runs at all, times that it then verifies. */
  private double chance(double[] w, int j) {
    return run[j] * model.chanceAt(w, skill[j]);
  }

  /** The escalation chain worth running, best first; empty when no attempt is worth it. */
  List<Route> bestOrder(int depth, double standing, double lambda) {
    if (scratch.length <= depth) {
      return withScratch(depth).bestOrder(depth, standing, lambda);
    }
    List<Route> order = new ArrayList<>(depth);
    long used = 0;
    double[] w = difficulty.clone();
    double stand = standing;
    // Failing j then k leaves the same difficulty belief as failing k then j, so the best last
    // attempt after that pair is worked out once per unordered pair (a third of all planning
    // time went to working it out twice), by the first step for every pair; the second step,
    // which picks the plan's second route, reads it back instead of working it out again.
    double[] pairs = depth == 3 ? newPairs() : null;
    int previous = -1;
    for (int k = depth; k > 0; k--) {
      int best = -1;
      double bestValue = stand;
      for (int j = 0; j < routes.size(); j++) {
        if ((used & (1L << j)) == 0) {
          double v = valueOf(j, w, used, k, lambda, pairs, previous);
          if (v > bestValue + 1e-12) {
            bestValue = v;
            best = j;
          }
        }
      }
      if (best < 0) {
        break;
      }
      order.add(routes.get(best));
      previous = best;
      used |= 1L << best;
      model.failedAt(w, w, skill[best], run[best]);
      stand = partial[best];
    }
    return order;
  }

  private Chain withScratch(int depth) {
    return new Chain(routes, model, difficulty, skill, cost, partial, run, new double[depth + 1][difficulty.length]);
  }

  private double[] newPairs() {
    double[] pairs = new double[routes.size() * routes.size()];
    Arrays.fill(pairs, Double.NaN);
    return pairs;
  }

  /**
   * Expected reward of trying j next under difficulty belief w, then acting best. {@code pairs}
   * (or null) caches the best last attempt after two failures, for beliefs that started from
   * one common w; {@code first} is the route that failed before j there (-1 at the top).
   */
  private double valueOf(int j, double[] w, long used, int depth, double lambda, double[] pairs, int first) {
    double p = chance(w, j);
    double ifFailed = partial[j];
    if (depth == 2 && pairs != null && first >= 0) {
      int key = Math.min(first, j) * routes.size() + Math.max(first, j);
      if (Double.isNaN(pairs[key])) {
        double[] after = afterFailure(w, j, depth);
        pairs[key] = bestLast(after, used | (1L << j), Double.NEGATIVE_INFINITY, lambda);
      }
      ifFailed = Math.max(partial[j], pairs[key]);
    } else if (depth > 1) {
      double[] after = afterFailure(w, j, depth);
      ifFailed = best(after, used | (1L << j), depth - 1, partial[j], lambda, depth == 3 ? pairs : null, j);
    }
    return p - lambda * cost[j] + (1 - p) * ifFailed;
  }

  private double best(double[] w, long used, int depth, double standing, double lambda, double[] pairs, int first) {
    if (depth == 1) {
      return bestLast(w, used, standing, lambda);
    }
    double best = standing;
    for (int j = 0; j < routes.size(); j++) {
      if ((used & (1L << j)) == 0) {
        best = Math.max(best, valueOf(j, w, used, depth, lambda, pairs, first));
      }
    }
    return best;
  }

  /** {@link #best} for the last attempt of the lookahead, where most of planning's time goes. */
  private double bestLast(double[] w, long used, double standing, double lambda) {
    double best = standing;
    for (int j = 0; j < routes.size(); j++) {
      if ((used & (1L << j)) == 0) {
        best = Math.max(best, lastValue(j, chance(w, j), lambda));
      }
    }
    return best;
  }

  /** {@link #valueOf} with no attempt after this one: a failure leaves its partial score. */
  private double lastValue(int j, double p, double lambda) {
    return p - lambda * cost[j] + (1 - p) * partial[j];
  }
}
