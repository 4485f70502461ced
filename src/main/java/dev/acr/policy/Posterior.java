package dev.acr.policy;

import java.util.SplittableRandom;

/** Posterior over one route's skill in one context, on the skill grid ({@link SkillModel}). */
record Posterior(double[] weights, double mean, double variance, double[] cumulative) {

  Posterior(double[] weights, double mean, double variance) {
    this(weights, mean, variance, cumulative(weights));
  }

  /** Running sums of the weights, added up left to right. */
  private static double[] cumulative(double[] weights) {
    double[] c = new double[weights.length];
    double acc = 0;
    for (int i = 0; i < weights.length; i++) {
      acc += weights[i];
      c[i] = acc;
    }
    return c;
  }

  /** A Thompson draw: the index of a skill grid point. */
  int sample(SplittableRandom rng) {
    return quantile(rng.nextDouble());
  }

  /**
   * A Thompson draw narrowed toward the median: the quantile 0.5 + (u − 0.5)·spread of a uniform
   * u. With spread 1 it is {@link #sample(SplittableRandom)}, the same point from the same draw.
   */
  int sample(SplittableRandom rng, double spread) {
    double u = rng.nextDouble();
    return quantile(spread == 1 ? u : 0.5 + (u - 0.5) * spread);
  }

  /** The grid point at the middle of the posterior: a draw without exploration. */
  int median() {
    return quantile(0.5);
  }

  /**
   * The first grid point whose running sum reaches u (the last when rounding leaves the total
   * below u). A binary search over the sums made once per fit: the running sums are
   * non-decreasing, so it finds the point a left-to-right scan would, without adding up the
   * weights again for every draw.
   */
  int quantile(double u) {
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (u <= cumulative[mid]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
