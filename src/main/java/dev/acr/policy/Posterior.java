package dev.acr.policy;

import java.util.SplittableRandom;

/**
 * Posterior over one route's skill in one context, on the skill grid ({@link SkillModel}).
 *
 * <p>A class rather than a record only for its running sums, made on the first draw: a broader
 * context's posterior is fitted to hand its mean and variance to the narrower one and is rarely
 * drawn from, and a fit makes a dozen posteriors.
 */
final class Posterior {

  private final double[] weights;
  private final double mean;
  private final double variance;
  /** Running sums of the weights, added up left to right; null until the first draw. */
  private double[] cumulative;

  Posterior(double[] weights, double mean, double variance) {
    this.weights = weights;
    this.mean = mean;
    this.variance = variance;
  }

  double[] weights() {
    return weights;
  }

  double mean() {
    return mean;
  }

  double variance() {
    return variance;
  }

  /** Running sums of the weights, added up left to right. */
  private double[] cumulative() {
    double[] c = cumulative;
    if (c == null) {
      c = new double[weights.length];
      double acc = 0;
      for (int i = 0; i < weights.length; i++) {
        acc += weights[i];
        c[i] = acc;
      }
      cumulative = c; // a policy plans on one thread; a second thread would only sum the same again
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
   * below u). A binary search over the sums made once: the running sums are non-decreasing, so
   * it finds the point a left-to-right scan would. Each step moves the base or not without a
   * branch to mispredict (a random u sends it either way), so a draw costs a few compares.
   */
  int quantile(double u) {
    double[] c = cumulative();
    int base = 0;
    int n = c.length;
    while (n > 1) {
      int half = n >>> 1;
      base = c[base + half - 1] < u ? base + half : base;
      n -= half;
    }
    // c[base] is now the first sum reaching u, or the last sum when none does.
    return base;
  }
}
