package dev.acr.bench;

import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.Router;
import dev.acr.core.Task;
import java.util.List;
import java.util.SplittableRandom;

/**
 * LinUCB and linear Thompson sampling, one ridge-regression arm per route over the
 * {@link TaskFeatures} context, online and cost-aware: the reward it learns is the chosen route's
 * performance − 0.1 × USD, from every attempt it made. After a failed attempt, when the
 * attempt limit allows another, it re-plans over the routes not yet tried on the task and runs
 * the best of them if that route's score (the same score it chooses by) is above zero, i.e. if
 * the attempt is expected to be worth its cost; the first attempt always runs. Each arm keeps A⁻¹ (Sherman–Morrison updates)
 * and θ = A⁻¹b (updated by recursive least squares); contexts are sparse, so a decision costs routes × d × nnz.
 *
 * <p>LinTS samples x·θ̃ with θ̃ ~ N(θ, v²A⁻¹) directly as x·θ + v·√(xᵀA⁻¹x)·z: the projection of
 * that Gaussian on x is exactly this scalar Gaussian, which saves a Cholesky per arm per task.
 */
public final class LinearBanditRouter implements Router {
  public enum Kind {
    UCB("LinUCB"),
    TS("LinTS");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** Exploration width: α for UCB, v for TS. Not tuned on the benchmark. */
  static final double UCB_ALPHA = 1.0;
  static final double TS_V = 0.5;

  private final Kind kind;
  private final RouteMenu menu;
  private final TaskFeatures features;
  private final SplittableRandom rng;
  private final double[][][] aInv;
  private final double[][] theta;
  private final double[] scratch = new double[TaskFeatures.DIM];
  /** Per arm: one past the highest feature index it has learned from (its rows of A⁻¹ beyond are the identity's). */
  private final int[] reach;
  /** Updates made so far; the cache below holds for one context row and one count ({@link #armFigures}). */
  private long learned;
  private int cachedRow = -1;
  private long cachedAt = -1;
  private final boolean[] cachedArm;
  private final double[] cachedMean;
  private final double[] cachedWidth;

  public LinearBanditRouter(Kind kind, RouteMenu menu, TaskFeatures features, long seed) {
    this.kind = kind;
    this.menu = menu;
    this.features = features;
    this.rng = new SplittableRandom(seed);
    int arms = menu.size();
    int d = TaskFeatures.DIM;
    aInv = new double[arms][d][d];
    theta = new double[arms][d];
    reach = new int[arms];
    cachedArm = new boolean[arms];
    cachedMean = new double[arms];
    cachedWidth = new double[arms];
    for (double[][] a : aInv) {
      for (int i = 0; i < d; i++) {
        a[i][i] = 1.0; // ridge λ = 1
      }
    }
  }

  @Override
  public String name() {
    return kind.label;
  }

  @Override
  public List<Route> plan(Task task, List<AttemptResult> attemptsSoFar) {
    int row = features.row(task);
    int[] offered = menu.untried(task, attemptsSoFar);
    if (row < 0 || offered.length == 0) {
      return List.of();
    }
    if (row != cachedRow || learned != cachedAt) {
      java.util.Arrays.fill(cachedArm, false);
      cachedRow = row;
      cachedAt = learned;
    }
    int best = -1;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int r : offered) {
      if (!cachedArm[r]) {
        armFigures(row, r);
      }
      double mean = cachedMean[r];
      double width = cachedWidth[r];
      double score = kind == Kind.UCB ? mean + UCB_ALPHA * width : mean + TS_V * width * rng.nextGaussian();
      if (score > bestScore) {
        bestScore = score;
        best = r;
      }
    }
    return attemptsSoFar.isEmpty() || bestScore > 0 ? menu.only(best) : List.of();
  }

  /**
   * Arm r's mean x·θ and width √(xᵀA⁻¹x) in context {@code row}, into the cache. A run re-plans
   * after each failure, but the arms learn only when it ends ({@link #observe}), so within a run
   * each arm's figures are the same numbers every time: computed once, the same way, they are
   * reused (LinTS still draws its noise anew per plan, as before).
   */
  private void armFigures(int row, int r) {
    int[] nz = features.nonzero(row);
    double[] xv = features.values(row);
    double mean = 0;
    for (int k = 0; k < nz.length; k++) {
      mean += theta[r][nz[k]] * xv[k];
    }
    cachedMean[r] = mean;
    cachedWidth[r] = Math.sqrt(Math.max(0, quadratic(aInv[r], nz, xv)));
    cachedArm[r] = true;
  }

  @Override
  public void observe(Task task, List<AttemptResult> attempts) {
    int row = features.row(task);
    if (row < 0) {
      return;
    }
    for (AttemptResult a : attempts) {
      learn(row, menu.index(a.route()), a);
    }
  }

  /** One ridge update of arm {@code r} with the attempt's reward in context {@code row}. */
  private void learn(int row, int r, AttemptResult a) {
    learned++;
    double reward = BenchTable.reward(a);
    int[] nz = features.nonzero(row);
    double[] xv = features.values(row);
    if (nz.length > 0) {
      reach[r] = Math.max(reach[r], nz[nz.length - 1] + 1);
    }
    double[] u = scratch;
    double denom = shermanMorrison(aInv[r], reach[r], nz, xv, u);
    // Recursive least squares: with u = A⁻¹x (before the update) and δ = 1 + xᵀu, the new
    // θ = A'⁻¹(b + r·x) is θ + u·(r − x·θ)/δ, O(d) instead of the O(d²) product A'⁻¹b.
    double predicted = 0;
    for (int k = 0; k < nz.length; k++) {
      predicted += theta[r][nz[k]] * xv[k];
    }
    double step = (reward - predicted) / denom;
    for (int i = 0; i < TaskFeatures.DIM; i++) {
      theta[r][i] += u[i] * step;
    }
  }

  /**
   * A⁻¹ after adding x xᵀ to A (x sparse: values {@code xv} at indices {@code nz}, ascending),
   * written in place; leaves u = A⁻¹x (before the update) in {@code u} and returns δ = 1 + xᵀu.
   * {@code reach}: one past the highest feature index the arm has learned from, this x included.
   */
  static double shermanMorrison(double[][] m, int reach, int[] nz, double[] xv, double[] u) {
    int d = m.length;
    // u = A⁻¹x (A⁻¹ is symmetric, so the same vector serves both sides). A row of A⁻¹ past every
    // feature the arm has learned from is still the identity's, so u is exactly 0 there.
    for (int i = 0; i < d; i++) {
      double s = 0;
      if (i < reach) {
        for (int k = 0; k < nz.length; k++) {
          s += m[i][nz[k]] * xv[k];
        }
      }
      u[i] = s;
    }
    double denom = 1.0;
    for (int k = 0; k < nz.length; k++) {
      denom += xv[k] * u[nz[k]];
    }
    // The rank-one update touches only rows and columns where u is non-zero: features the arm has
    // never seen keep A⁻¹'s identity rows, so u is 0 there (on the ID test, which has no prompts,
    // the last 8 of 24 features never occur). Skipping them changes no bit: m − 0·u[j] is m, since
    // no entry is ever −0 (entries start at +0 or 1, and a difference is −0 only from −0). The
    // columns stay one contiguous run, first to last non-zero, which the JIT vectorises.
    int lo = 0;
    while (lo < d && u[lo] == 0) {
      lo++;
    }
    int hi = d;
    while (hi > lo && u[hi - 1] == 0) {
      hi--;
    }
    for (int i = lo; i < hi; i++) {
      if (u[i] == 0) {
        continue;
      }
      double ui = u[i] / denom;
      double[] mi = m[i];
      for (int j = lo; j < hi; j++) {
        mi[j] -= ui * u[j];
      }
    }
    return denom;
  }

  private static double quadratic(double[][] m, int[] nz, double[] xv) {
    double s = 0;
    for (int p = 0; p < nz.length; p++) {
      double[] mrow = m[nz[p]];
      double inner = 0;
      for (int q = 0; q < nz.length; q++) {
        inner += mrow[nz[q]] * xv[q];
      }
      s += xv[p] * inner;
    }
    return s;
  }
}
