package dev.acr.policy;

import java.util.List;
import java.util.Map;

/**
 * What one call of a route is worth when it is the only call: its mean performance on a first
 * attempt (verified counts 1, a partial score its value), learned per context. When the run may
 * make one attempt, nothing follows a failure, so the escalation model's question (how a failure
 * changes the next route's chances) does not arise; the mean performance of a first call is
 * exactly what matters, and it uses partial scores directly.
 *
 * <p>Contexts are broad to narrow (the dimension, the dimension with the bench, that with the
 * prompt's length class where it is known, {@link PromptLength}; everything only for a task
 * without a dimension, see {@link #meanLevels}). In each, a route's mean is that
 * context's mean over all routes (its baseline, started from the broader context's, {@link
 * #baselines}) plus the route's
 * advantage over it. The advantage starts from the broader context's ({@link #STRENGTH}
 * pseudo-calls) and adds this context's first calls. Measuring routes against the baseline of
 * the same tasks keeps a route that happened to be tried on easy tasks from looking good: tasks
 * differ far more than routes do. The broadest context starts from the route's prior mean, as an
 * advantage over the average of all routes' priors: so a route memory has not tried yet keeps
 * its prior's place against the ones it has (priced above them, or known better by {@link
 * Priors}) instead of looking like the average of what was tried after the first record. Each
 * estimate is a normal belief whose standard deviation is √(noise variance / calls), the noise
 * variance learned from memory ({@link #noiseVariance}: how much one call's score varies around
 * its route's mean). The choice ({@link #choose(Estimate[], double[], double, double)}) is the
 * best mean reward plus what the call would teach over the tasks still to come in the context
 * ({@link KnowledgeGradient}, {@link #HORIZON_PER_CALL}).
 *
 * <p>Chosen on both datasets' tuning orders (seeds 1001, 2001, 3001), never on the reported ones;
 * see bench/README.md (seventh and twelfth rounds).
 */
final class SingleCall {

  /**
   * Pseudo-calls a broader context's advantage counts for in a narrower context: 3 (was 2) with
   * the price prior worth 6 calls ({@link SingleCallPriors#PRICE_CALLS}), so one bad call moves a
   * narrow context less (ninth round, adopted in the tenth with {@link SingleCallPriors#scale}).
   */
  static final double STRENGTH = 3;
  /**
   * The same for the prompt-length level ({@link PromptLength}), which refines a context rather
   * than naming a new kind of task: its first calls should not override what the context knows
   * as soon as the other levels' would. OOD176 cap 1, tuning seeds 1001, 2001, 3001, shuffled
   * CumReg with long prompts from 1,500 characters: 2 / 4 / 8 / 16 gave 29.54 / 28.42 / 29.02 /
   * 28.72 (30.74 without the level); from 2,500: 4 / 8 gave 29.40 / 29.32.
   */
  static final double PROMPT_LENGTH_STRENGTH = 4;
  /**
   * Tasks a context is expected still to see, per first call it has seen, for the worth of what a
   * call teaches ({@link #horizon}). At one call per task every exploring call is paid for in
   * reward at once, and what it teaches pays only on the context's later tasks: a context that
   * has seen n tasks is likely to see about n more (three times that here, which also makes up
   * for the knowledge gradient's looking one call ahead only). Twelfth round (bench/README.md),
   * tuning seeds 1001, 2001, 3001, 200 shuffles each, shuffled means, OOD176 cap 1 CumReg / ID
   * AvgPerf: 0.3 / 1 / 2 / 3 / 5 / 10 gave 26.83 / 27.30 / 27.33 / 27.35 / 27.72 / 28.14 and 48.36 /
   * 48.61 / 48.82 / 48.95 / 48.98 / 49.04 (a Thompson draw at spread 0.4, before: 28.34, 48.82).
   */
  static final double HORIZON_PER_CALL = 3;
  /**
   * Pseudo-calls a context's baseline starts from: the broader context's baseline (the routes'
   * average prior for the broadest) counts this much against the context's own first calls.
   */
  static final double BASELINE_CALLS = 8;
  /** The largest variance a score in [0, 1] can have: one call's noise before memory has any. */
  static final double MAX_VARIANCE = 0.25;
  /** Pseudo-calls a broader context's noise variance counts for in a narrower one. */
  static final double VARIANCE_CALLS = 4;
  /** Floor of the noise variance, so a context where every score was equal still draws. */
  static final double MIN_VARIANCE = 1e-4;

  private SingleCall() {}

  /**
   * Posterior mean and pseudo-count of a route's first-call performance in the narrowest context,
   * and the variance of one call's score there ({@link #noiseVariance}).
   */
  record Estimate(double mean, double count, double variance) {

    /** Standard deviation of the posterior of the mean: it shrinks like 1/√(calls). */
    double spread() {
      return Math.sqrt(variance / (count + 1));
    }

    /** How far one more call shrinks the posterior's sd: √(sd now² − sd after²). */
    double spreadChange() {
      return Math.sqrt(variance / (count + 1) - variance / (count + 2));
    }
  }

  /**
   * How many tasks the context is expected still to see ({@link #HORIZON_PER_CALL} per first call
   * memory holds in the narrowest context of the chain, {@code firstCalls}' last row).
   */
  static double horizon(MemoryStats.Tally[][] firstCalls) {
    MemoryStats.Tally[] narrowest = firstCalls[firstCalls.length - 1];
    double calls = 0;
    for (int r = 0; r < narrowest.length; r++) {
      MemoryStats.Tally t = narrowest[r];
      // Routes of one name share a tally: count it once.
      boolean seen = false;
      for (int q = 0; q < r && !seen; q++) {
        seen = narrowest[q] == t;
      }
      calls += t == null || seen ? 0 : t.n;
    }
    return HORIZON_PER_CALL * calls;
  }

  /**
   * Each context's first-call tally of each route ({@code [context][route]}, null where memory has
   * none): the estimates read each of them up to three times, and looking them up once per
   * decision spares a pattern key and a hash lookup each time.
   */
  static MemoryStats.Tally[][] firstCalls(MemoryStats stats, List<String> contexts, List<String> routes) {
    MemoryStats.Pattern[] first = new MemoryStats.Pattern[routes.size()];
    for (int r = 0; r < first.length; r++) {
      first[r] = new MemoryStats.Pattern(routes.get(r), List.of());
    }
    MemoryStats.Tally[][] out = new MemoryStats.Tally[contexts.size()][first.length];
    for (int c = 0; c < out.length; c++) {
      Map<MemoryStats.Pattern, MemoryStats.Tally> pats = stats.patterns(contexts.get(c));
      for (int r = 0; r < first.length; r++) {
        out[c][r] = pats.get(first[r]);
      }
    }
    return out;
  }

  /**
   * How much one call's score varies around its route's mean in the narrowest context: the
   * within-route variance of first calls, pooled over routes, shrunk level by level toward the
   * broader context's ({@link #VARIANCE_CALLS} pseudo-calls), from {@link #MAX_VARIANCE} before
   * memory has any. A pass/fail score varies by m(1 − m), but partial scores (a share of tests
   * passed, a similarity) often vary far less: on the ID test's refactoring tasks the within-route
   * variance is a sixth of m(1 − m). Assuming m(1 − m) there keeps exploring routes memory has
   * already told apart.
   */
  static double noiseVariance(MemoryStats stats, List<String> contexts, List<String> routes) {
    return noiseVariance(firstCalls(stats, contexts, routes));
  }

  /** {@link #noiseVariance(MemoryStats, List, List)} from every context's first-call tallies. */
  private static double noiseVariance(MemoryStats.Tally[][] firstCalls) {
    double v = MAX_VARIANCE;
    for (MemoryStats.Tally[] context : firstCalls) {
      double within = 0;
      double df = 0;
      for (MemoryStats.Tally t : context) {
        if (t != null && t.n > 1) {
          double sum = t.successes + t.partialSum;
          double squares = t.successes + t.partialSquareSum;
          within += Math.max(0, squares - sum * sum / t.n);
          df += t.n - 1;
        }
      }
      v = (v * VARIANCE_CALLS + within) / (VARIANCE_CALLS + df);
    }
    return Math.max(MIN_VARIANCE, v);
  }

  /**
   * Each context's baseline: the mean first-call performance of all routes there, starting from
   * the broader context's baseline ({@code start}, the routes' average prior, for the broadest)
   * worth {@link #BASELINE_CALLS} calls. A baseline taken from a context's first call or two is
   * that call's score, 0 or 1 on pass/fail work: one early failure put every route not yet tried
   * there at its prior advantage over 0, clamped to 0 for all below average, so the price decided
   * and the cheapest route went next (on OOD176 a lucky run of the cheap kimi-k2.5 could then
   * hold an old112 run for thirty tasks while claude-opus-4-6 had been tried once).
   */
  private static double[] baselines(MemoryStats.Tally[][] levels, double start) {
    double[] out = new double[levels.length];
    double broader = start;
    for (int i = 0; i < out.length; i++) {
      double n = 0;
      double sum = 0;
      for (MemoryStats.Tally t : levels[i]) {
        if (t != null) {
          n += t.n;
          sum += t.successes + t.partialSum;
        }
      }
      out[i] = (BASELINE_CALLS * broader + sum) / (BASELINE_CALLS + n);
      broader = out[i];
    }
    return out;
  }

  /**
   * Every route's estimate over the context chain (broadest first) with each context's baseline,
   * starting from its prior mean worth its prior count of calls.
   */
  static Estimate[] estimates(
      MemoryStats stats, List<String> contexts, List<String> routes, double[] priorMean, double[] priorCount) {
    return estimates(firstCalls(stats, contexts, routes), contexts, priorMean, priorCount);
  }

  /** {@link #estimates(MemoryStats, List, List, double[], double[])} from the chain's {@link #firstCalls}. */
  static Estimate[] estimates(
      MemoryStats.Tally[][] firstCalls, List<String> contexts, double[] priorMean, double[] priorCount) {
    List<String> levels = meanLevels(contexts);
    // The mean levels are the last contexts of the chain (meanLevels).
    MemoryStats.Tally[][] levelCalls =
        java.util.Arrays.copyOfRange(firstCalls, contexts.size() - levels.size(), contexts.size());
    double[] strength = new double[levels.size()];
    for (int i = 0; i < strength.length; i++) {
      strength[i] = strength(levels.get(i));
    }
    double average = 0;
    for (double m : priorMean) {
      average += m / priorMean.length;
    }
    double[] base = baselines(levelCalls, average);
    double variance = noiseVariance(firstCalls);
    Estimate[] out = new Estimate[priorMean.length];
    for (int r = 0; r < out.length; r++) {
      out[r] = estimate(levelCalls, r, strength, base, priorMean[r], average, priorCount[r], variance);
    }
    return out;
  }

  /**
   * The contexts a route's mean is pooled over: from the dimension on, where the task has one.
   * Which route is best differs from dimension to dimension (on the ID test the all-task best
   * route is best in five of nine, and up to 0.4 below the best in the others), so the all-task
   * advantage, learned from every dimension, is a poor start for a new one; the prior (a price,
   * or the priors' figure for the dimension) starts it instead. On both datasets' tuning orders
   * (seeds 1001, 2001, 3001) this gained 0.15 AvgPerf on the ID test (48.67 to 48.82) and kept
   * OOD176 where it was. The noise variance still pools over every context.
   */
  static List<String> meanLevels(List<String> contexts) {
    return contexts.size() > 1 ? contexts.subList(1, contexts.size()) : contexts;
  }

  /**
   * Route {@code r}'s estimate over the mean levels (broadest first, their first-call tallies and
   * {@link #strength}s) with each level's baseline, starting from {@code priorMean} worth {@code
   * priorCount} calls; the prior's advantage is its mean less {@code priorBase}.
   */
  private static Estimate estimate(MemoryStats.Tally[][] levels, int r, double[] strength, double[] base,
      double priorMean, double priorBase, double priorCount, double variance) {
    double mean = priorMean;
    double count = priorCount;
    double previousBase = priorBase;
    for (int i = 0; i < levels.length; i++) {
      MemoryStats.Tally t = levels[i][r];
      double k = i == 0 ? count : Math.min(count, strength[i]);
      double b = base[i];
      double n = t == null ? 0 : t.n;
      double sum = t == null ? 0 : t.successes + t.partialSum;
      double advantage = (k * (mean - previousBase) + sum - n * b) / (k + n);
      mean = b + advantage;
      previousBase = b;
      count = k + n;
    }
    return new Estimate(Math.min(1, Math.max(0, mean)), count, variance);
  }

  /** Pseudo-calls the broader context's advantage counts for in this one. */
  static double strength(String context) {
    return PromptLength.isLevel(context) ? PROMPT_LENGTH_STRENGTH : STRENGTH;
  }

  /**
   * Index of the best single-call reward, mean − λ·cost, plus {@code horizon} times what one call
   * would teach ({@link KnowledgeGradient}, against the best other route's mean reward). Where the
   * context is new the horizon is nought and the means decide (the prior's order); as the
   * context grows a route near the best whose belief is still wide gets its calls, and one memory
   * has told apart does not. Deterministic: a Thompson draw (spread scale 0.4 until the twelfth
   * round) explored by chance, and on OOD176's short contexts too much.
   */
  static int choose(Estimate[] estimates, double[] cost, double lambda, double horizon) {
    double[] value = new double[estimates.length];
    for (int j = 0; j < value.length; j++) {
      value[j] = estimates[j].mean() - lambda * cost[j];
    }
    double[] worth = new double[estimates.length];
    for (int j = 0; j < worth.length; j++) {
      double bestOther = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < value.length; k++) {
        if (k != j) {
          bestOther = Math.max(bestOther, value[k]);
        }
      }
      double teaches = bestOther == Double.NEGATIVE_INFINITY
          ? 0 : KnowledgeGradient.of(value[j], estimates[j].spreadChange(), bestOther);
      worth[j] = estimates[j].mean() + horizon * teaches;
    }
    return choose(worth, cost, lambda);
  }

  /**
   * Index of the best single-call reward ({@code performance} − λ·cost), even when it is below zero: the run was asked to
   * make its one call, and a policy that declines learns nothing, so once every route looked
   * worthless in a hard context it would decline there forever (a replay from empty memory did,
   * on OOD176's first hard tasks). -1 only when there is no route.
   */
  static int choose(double[] drawnPerformance, double[] cost, double lambda) {
    int best = -1;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < cost.length; j++) {
      double v = drawnPerformance[j] - lambda * cost[j];
      if (v > bestValue + 1e-12) {
        best = j;
        bestValue = v;
      }
    }
    return best;
  }
}
