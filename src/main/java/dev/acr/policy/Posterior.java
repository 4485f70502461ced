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
  /**
   * The grid points a draw can land on, made with {@link #cumulative}: from {@code from}, the
   * first whose running sum reaches {@link #SMALLEST_DRAW}, to {@code to}, the first whose running
   * sum is the total. See {@link #quantile}.
   */
  private int from;
  private int to;

  /** The smallest u above 0 a plain draw makes: {@link SplittableRandom#nextDouble()} gives multiples of 2^−53. */
  private static final double SMALLEST_DRAW = 0x1p-53;

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
      int last = c.length - 1;
      int lo = 0;
      while (lo < last && !(c[lo] >= SMALLEST_DRAW)) {
        lo++;
      }
      int hi = lo;
      while (hi < last && c[hi] != c[last]) {
        hi++;
      }
      from = lo;
      to = hi;
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
   *
   * <p>A posterior's mass sits on a dozen of the grid's points, so a draw u with
   * 2^−53 ≤ u ≤ total is searched for only from {@link #from} to {@link #to}: below {@code from}
   * every sum is under 2^−53, so under u; at {@code to} the sum is the total, so at least u. The
   * first point reaching u is therefore in that range and the search finds the same point in fewer
   * steps (draws were a twentieth of a replay). Any other u (0, above the total, a
   * NaN total) searches the whole grid as before.
   */
  int quantile(double u) {
    double[] c = cumulative();
    int last = c.length - 1;
    if (u >= SMALLEST_DRAW && u <= c[last]) {
      return search(c, u, from, to - from + 1);
    }
    return search(c, u, 0, c.length);
  }

  /** The first of the n sums from base on that reaches u, the last of them when none does. */
  private static int search(double[] c, double u, int base, int n) {
    while (n > 1) {
      int half = n >>> 1;
      base = c[base + half - 1] < u ? base + half : base;
      n -= half;
    }
    return base;
  }
}
