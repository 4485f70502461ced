package dev.acr.policy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The likelihood step of a fit ({@link SkillModel}): each route's log-likelihood over the skill
 * grid, summed over its patterns, with the other routes' skills at given means.
 *
 * <p>One instance per skill model, holding the arrays a call works in (σ rows, beliefs' log
 * chances, the routes' sums) and reusing them on the next call. Why: a replay makes tens of
 * thousands of fits, and these arrays were a tenth of everything it allocated; fresh arrays
 * each call meant zeroing new memory and collecting it. Reused arrays hold the same numbers a
 * fresh one would (a sum starts from zeros, as a new array does), so every bit is the same. A
 * policy plans on one thread, and a fit reads a call's result before the next call.
 */
final class LogLikelihoods {

  static final int VERIFIED = 1;
  static final int FAILED = 2;

  private final double[] difficulties;
  private final double[] difficultyPrior;
  /** σ(skill − difficulty) over the skill grid, per difficulty grid point. */
  private final double[][] chanceByDifficulty;
  private final int skillPoints;
  /** {@link #gridChances}' result, overwritten by each call. */
  private final double[] grid;
  /** Per table route: its skill, its σ row, and its log-likelihood sum. */
  private double[] skill = new double[0];
  private double[][] rows = new double[0][];
  private double[][] byRoute = new double[0][];
  /** Per node: the sides its patterns need, and its log chances (valid where {@link #made} is the call's number). */
  private int[] sides = new int[0];
  private double[][][] logChances = new double[0][][];
  private int[] made = new int[0];
  private int call;

  LogLikelihoods(double[] difficulties, double[] difficultyPrior, double[][] chanceByDifficulty) {
    this.difficulties = difficulties;
    this.difficultyPrior = difficultyPrior;
    this.chanceByDifficulty = chanceByDifficulty;
    this.skillPoints = chanceByDifficulty[0].length;
    this.grid = new double[skillPoints];
  }

  /** Which log chances a pattern's counts use: {@link #VERIFIED} when some verified, {@link #FAILED} when some failed. */
  static int sidesOf(double successes, double attempts) {
    return (successes > 0 ? VERIFIED : 0) | (attempts - successes > 0 ? FAILED : 0);
  }

  /**
   * Each route's log-likelihood over the skill grid, summed over its patterns, with the other
   * routes' skills at the given means. Patterns sharing a failure set share its belief and log
   * chances, computed once per call (the sums still run pattern by pattern, in map order). The
   * arrays are this instance's: valid until the next call.
   */
  Map<String, double[]> of(PatternTable table, Map<String, Double> means) {
    call++;
    int routes = table.routes.size();
    ensureRoutes(routes);
    for (int r = 0; r < routes; r++) {
      skill[r] = means.getOrDefault(table.routes.get(r), 0.0);
      PatternTable.sigmoidRow(skill[r], difficulties, rows[r]);
    }
    double[][] beliefs = table.beliefs(rows, difficultyPrior);
    ensureNodes(table.nodes());
    // Only the nodes patterns name need their log chances; inner prefixes do not. Nor does a
    // node need log P(verify) when none of its patterns ever verified (nine nodes in ten: routes
    // tried after others failed mostly fail too), nor log P(fail) when all did; the logs are
    // most of a fit's time. Leaving a side out changes no bit: its count is 0, and 0 times a
    // finite negative log is −0, which added to x gives x.
    Arrays.fill(sides, 0, table.nodes(), 0);
    for (int i = 0; i < table.size(); i++) {
      sides[table.failureSet[i]] |= sidesOf(table.successes[i], table.attempts[i]);
    }
    boolean[] used = new boolean[routes];
    for (int i = 0; i < table.size(); i++) {
      int set = table.failureSet[i];
      if (made[set] != call) {
        logChances(beliefs[set], sides[set], logChances[set]);
        made[set] = call;
      }
      int r = table.route[i];
      if (!used[r]) {
        Arrays.fill(byRoute[r], 0.0);
        used[r] = true;
      }
      addLogLikelihood(byRoute[r], logChances[set], table.successes[i], table.attempts[i]);
    }
    Map<String, double[]> loglik = new HashMap<>();
    List<String> names = table.routes;
    for (int r = 0; r < routes; r++) {
      if (used[r]) {
        loglik.put(names.get(r), byRoute[r]);
      }
    }
    return loglik;
  }

  private void ensureRoutes(int routes) {
    if (skill.length < routes) {
      int from = skill.length;
      skill = Arrays.copyOf(skill, routes);
      rows = Arrays.copyOf(rows, routes);
      byRoute = Arrays.copyOf(byRoute, routes);
      for (int r = from; r < routes; r++) {
        rows[r] = new double[difficulties.length];
        byRoute[r] = new double[skillPoints];
      }
    }
  }

  private void ensureNodes(int nodes) {
    if (sides.length < nodes) {
      int from = sides.length;
      int size = Math.max(nodes, 2 * from);
      sides = Arrays.copyOf(sides, size);
      made = Arrays.copyOf(made, size);
      logChances = Arrays.copyOf(logChances, size);
      for (int k = from; k < size; k++) {
        logChances[k] = new double[][] {new double[skillPoints], new double[skillPoints]};
      }
    }
  }

  /**
   * ll += k·log P(verify) + (n − k)·log P(fail) at every grid point, leaving out a side whose
   * count is 0 (the same bits, see {@link #of}; that side is not filled in).
   */
  private void addLogLikelihood(double[] ll, double[][] lc, double k, double n) {
    double[] yes = lc[0];
    double[] no = lc[1];
    double m = n - k;
    if (k > 0 && m > 0) {
      for (int j = 0; j < skillPoints; j++) {
        ll[j] += k * yes[j] + m * no[j];
      }
    } else if (k > 0) {
      for (int j = 0; j < skillPoints; j++) {
        ll[j] += k * yes[j];
      }
    } else if (m > 0) {
      for (int j = 0; j < skillPoints; j++) {
        ll[j] += m * no[j];
      }
    }
  }

  /**
   * Writes log P(verify) into lc[0] and log P(fail) into lc[1] at every skill grid point under
   * difficulty belief w, each only when {@code sides} asks for it.
   */
  private void logChances(double[] w, int sides, double[][] lc) {
    double[] p = gridChances(w);
    if ((sides & VERIFIED) != 0) {
      double[] yes = lc[0];
      for (int i = 0; i < skillPoints; i++) {
        yes[i] = Math.log(clamp(p[i]));
      }
    }
    if ((sides & FAILED) != 0) {
      double[] no = lc[1];
      for (int i = 0; i < skillPoints; i++) {
        no[i] = Math.log(1 - clamp(p[i]));
      }
    }
  }

  /**
   * The chance of verifying at every skill grid point under belief w, from the transposed table:
   * the loop over grid points is a plain multiply-add over an array, which the JIT turns into
   * vector instructions. Fitting spends much of a replay here.
   */
  private double[] gridChances(double[] w) {
    double[] p = grid;
    Arrays.fill(p, 0.0);
    for (int j = 0; j < w.length; j++) {
      double wj = w[j];
      double[] column = chanceByDifficulty[j];
      for (int i = 0; i < skillPoints; i++) {
        p[i] += column[i] * wj;
      }
    }
    return p;
  }

  static double clamp(double p) {
    return Math.min(1 - 1e-9, Math.max(1e-9, p));
  }
}
