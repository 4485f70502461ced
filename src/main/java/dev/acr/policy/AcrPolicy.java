package dev.acr.policy;

import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.Router;
import dev.acr.core.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * How acr picks a route. This file is the whole answer.
 *
 * <p>For every route, memory gives a Beta belief about its chance to verify on this kind of task
 * (dimension, then dimension with bench or repo language, each narrower context starting from
 * the broader one's estimate), and, once routes have failed on the task, a belief about its
 * chance given each of those failures. The next route is chosen by Thompson sampling: draw a
 * chance for each route from its belief, then plan a short escalation chain that maximises
 * expected reward (verified − λ·USD) over the attempts still allowed, stopping early when one
 * more attempt is not worth its price. Only the first route of the plan runs; the plan is made
 * again after each failure with what that failure taught.
 */
public final class AcrPolicy implements Router {

  private static final double UNINFORMED_CHANCE = 0.5;
  private static final double COST_GUESS_WEIGHT = 1.0;

  private final List<Route> routes;
  private final MemoryStats stats;
  private final Map<Route, Double> costGuess;
  private final PolicyConfig config;
  private final long seed;

  public AcrPolicy(
      List<Route> routes,
      MemoryStats stats,
      Map<Route, Double> attemptCostGuessUsd,
      PolicyConfig config,
      long seed) {
    this.routes = List.copyOf(routes);
    this.stats = stats;
    this.costGuess = Map.copyOf(attemptCostGuessUsd);
    this.config = config;
    this.seed = seed;
  }

  @Override
  public String name() {
    return "acr";
  }

  /** Posterior-mean beliefs for a task's first attempt, for dry-run and the shell. */
  public List<RouteEstimate> estimates(Task task) {
    List<String> ctx = contexts(task);
    List<RouteEstimate> out = new ArrayList<>();
    for (Route r : routes) {
      double[] ab = belief(ctx, r.name(), MemoryStats.FIRST, UNINFORMED_CHANCE);
      int n = evidence(ctx, r.name());
      String source = n == 0 ? "prior" : "memory n=" + n;
      out.add(new RouteEstimate(r, ab[0] / (ab[0] + ab[1]), expectedCost(ctx, r), n, source));
    }
    return out;
  }

  @Override
  public List<Route> plan(Task task, List<AttemptResult> soFar) {
    int remaining = Math.min(config.lookahead(), config.maxAttempts() - soFar.size());
    Set<String> tried = new HashSet<>();
    List<String> failed = new ArrayList<>();
    for (AttemptResult a : soFar) {
      tried.add(a.route().name());
      if (!a.resolved()) {
        failed.add(a.route().name());
      }
    }
    List<Route> candidates = new ArrayList<>();
    for (Route r : routes) {
      if (!tried.contains(r.name())) {
        candidates.add(r);
      }
    }
    if (remaining <= 0 || candidates.isEmpty()) {
      return List.of();
    }
    Chain chain = beliefs(task, candidates, failed, soFar.size());
    double standing = soFar.isEmpty() ? 0.0 : soFar.get(soFar.size() - 1).performance();
    return chain.bestOrder(remaining, standing, config.lambda());
  }

  /** Sampled beliefs about the candidates now, and mean beliefs for the lookahead. */
  private Chain beliefs(Task task, List<Route> candidates, List<String> failed, int attemptIndex) {
    List<String> ctx = contexts(task);
    int n = candidates.size();
    SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ task.key().hashCode() * 31L ^ attemptIndex);
    double[] chanceNow = new double[n];
    double[] cost = new double[n];
    double[] partial = new double[n];
    double[][] afterFailure = new double[n][n];
    for (int j = 0; j < n; j++) {
      String route = candidates.get(j).name();
      double[] first = belief(ctx, route, MemoryStats.FIRST, UNINFORMED_CHANCE);
      double firstMean = first[0] / (first[0] + first[1]);
      double escalatedPrior = firstMean * config.escalationFactor();
      chanceNow[j] = BetaSampler.sample(rng, first[0], first[1]);
      // Each failure so far is its own piece of evidence; the most pessimistic one binds.
      for (String q : failed) {
        double[] ab = belief(ctx, route, MemoryStats.afterFailure(q), escalatedPrior);
        chanceNow[j] = Math.min(chanceNow[j], BetaSampler.sample(rng, ab[0], ab[1]));
      }
      for (int i = 0; i < n; i++) {
        if (i != j) {
          String q = candidates.get(i).name();
          double[] ab = belief(ctx, route, MemoryStats.afterFailure(q), escalatedPrior);
          afterFailure[i][j] = ab[0] / (ab[0] + ab[1]);
        }
      }
      cost[j] = expectedCost(ctx, candidates.get(j));
      partial[j] = expectedPartial(ctx, route);
    }
    return new Chain(candidates, chanceNow, cost, partial, afterFailure);
  }

  /** Beta(a, b) for a route and tally kind, narrowing context by context from {@code topMean}. */
  private double[] belief(List<String> ctx, String route, String kind, double topMean) {
    double m = config.priorStrength();
    double mean = topMean;
    double a = m * mean;
    double b = m * (1 - mean);
    for (String c : ctx) {
      MemoryStats.Tally t = stats.get(c, route, kind);
      double n = t == null ? 0 : t.n;
      double s = t == null ? 0 : t.successes;
      a = m * mean + s;
      b = m * (1 - mean) + n - s;
      mean = a / (a + b);
    }
    return new double[] {a, b};
  }

  private double expectedCost(List<String> ctx, Route r) {
    double c = costGuess.getOrDefault(r, 0.0);
    for (String k : ctx) {
      MemoryStats.Tally t = stats.get(k, r.name(), MemoryStats.ANY);
      if (t != null && t.costN > 0) {
        c = (c * COST_GUESS_WEIGHT + t.costSum) / (COST_GUESS_WEIGHT + t.costN);
      }
    }
    return c;
  }

  /** Mean performance of an attempt that did not verify (partial scores; 0 for pass/fail). */
  private double expectedPartial(List<String> ctx, String route) {
    double p = 0;
    for (String k : ctx) {
      MemoryStats.Tally t = stats.get(k, route, MemoryStats.ANY);
      if (t != null && t.failures > 0) {
        p = (p + t.partialSum) / (1 + t.failures);
      }
    }
    return p;
  }

  private int evidence(List<String> ctx, String route) {
    MemoryStats.Tally t = stats.get(ctx.get(ctx.size() - 1), route, MemoryStats.ANY);
    return t == null ? 0 : t.n;
  }

  private static List<String> contexts(Task task) {
    String dim = task.dimension() == null ? null : task.dimension().id();
    return MemoryStats.contexts(dim, task.bench() != null ? task.bench() : task.language());
  }

  /** The candidates' beliefs for one decision, and the short lookahead over them. */
  private record Chain(
      List<Route> routes, double[] chanceNow, double[] cost, double[] partial, double[][] afterFailure) {

    /** The escalation chain worth running, best first; empty when no attempt is worth it. */
    List<Route> bestOrder(int depth, double standing, double lambda) {
      List<Route> order = new ArrayList<>();
      long used = 0;
      int last = -1;
      double stand = standing;
      for (int k = depth; k > 0; k--) {
        int best = -1;
        double bestValue = stand;
        for (int j = 0; j < routes.size(); j++) {
          if ((used & (1L << j)) == 0) {
            double v = valueOf(j, used, k, lambda);
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
        used |= 1L << best;
        last = best;
        stand = partial[last];
      }
      return order;
    }

    /** Expected reward of trying j next (after the failures in {@code used}), then acting best. */
    private double valueOf(int j, long used, int depth, double lambda) {
      double p = chance(j, used);
      double ifFailed = depth > 1 ? best(used | (1L << j), depth - 1, partial[j], lambda) : partial[j];
      return p - lambda * cost[j] + (1 - p) * ifFailed;
    }

    private double best(long used, int depth, double standing, double lambda) {
      double best = standing;
      for (int j = 0; j < routes.size(); j++) {
        if ((used & (1L << j)) == 0) {
          best = Math.max(best, valueOf(j, used, depth, lambda));
        }
      }
      return best;
    }

    private double chance(int j, long used) {
      double p = chanceNow[j];
      for (int i = 0; i < routes.size(); i++) {
        if ((used & (1L << i)) != 0) {
          p = Math.min(p, afterFailure[i][j]);
        }
      }
      return p;
    }
  }
}
