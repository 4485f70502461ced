package dev.acr.policy;

import dev.acr.core.AttemptResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Some tasks are long: every agent reads more, calls more tools and pays more on them. So what
 * the attempts on a task have cost so far says something about what the next one will cost
 * there, and a policy that ignores it keeps escalating to an expensive model on exactly the tasks
 * where that model is most expensive.
 *
 * <p>Model: log cost(route, task) = mean log cost of the route + a task effect shared by all
 * routes + noise. The share of the variance that the task effect explains, ρ (the correlation of
 * two routes' log costs on the same task), is learned from memory: every pair of paid attempts
 * on one task is a sample. It starts at zero (no adjustment) and needs a few dozen pairs to move,
 * so a small memory changes nothing. Given residuals e₁..eₙ of this task's attempts, the best
 * linear predictor of the next route's residual is ρ·Σe / (1 + (n−1)ρ).
 */
final class TaskCostScale {

  /** Pseudo pairs at ρ = 0: how much evidence it takes before costs are linked at all. */
  private static final double PRIOR_PAIRS = 20;
  private static final double MAX_RHO = 0.9;

  /** Per route: count and sum of log cost, over paid attempts. */
  // Package-private for StatsSnapshot, which saves and restores exactly this state.
  final Map<String, double[]> logCost = new HashMap<>();
  final List<Double> residuals = new ArrayList<>();
  double crossSum;
  long pairs;
  double squareSum;
  long squares;

  void newTask() {
    residuals.clear();
  }

  /** Learns from one attempt of the current task; free or unknown costs teach nothing. */
  void observe(String route, Double costUsd) {
    if (costUsd == null || !(costUsd > 0)) {
      return;
    }
    double log = Math.log(costUsd);
    double[] s = logCost.computeIfAbsent(route, k -> new double[2]);
    if (s[0] >= 2) {
      double e = log - s[1] / s[0];
      for (double prev : residuals) {
        crossSum += e * prev;
        pairs++;
      }
      squareSum += e * e;
      squares++;
      residuals.add(e);
    }
    s[0]++;
    s[1] += log;
  }

  /** The correlation of two routes' log costs on one task, shrunk towards zero. */
  double rho() {
    if (squares < 2 || squareSum <= 0) {
      return 0;
    }
    double variance = squareSum / squares;
    double r = crossSum / ((pairs + PRIOR_PAIRS) * variance);
    return Math.max(0, Math.min(MAX_RHO, r));
  }

  /**
   * The factor by which this task's attempts so far say the next attempt's cost differs from the
   * route's usual one; 1 when nothing is known.
   */
  double factor(List<AttemptResult> soFar, java.util.function.Function<AttemptResult, String> routeName) {
    double rho = rho();
    if (rho == 0) {
      return 1;
    }
    double sum = 0;
    int n = 0;
    for (AttemptResult a : soFar) {
      double[] s = logCost.get(routeName.apply(a));
      if (a.costUsd() != null && a.costUsd() > 0 && s != null && s[0] >= 2) {
        sum += Math.log(a.costUsd()) - s[1] / s[0];
        n++;
      }
    }
    return n == 0 ? 1 : Math.exp(rho * sum / (1 + (n - 1) * rho));
  }
}
