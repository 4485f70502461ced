package dev.acr.policy;

import java.util.SplittableRandom;

/**
 * Posterior over one route's skill in one context, on the skill grid ({@link SkillModel}).
 *
 * <p>A class rather than a record only for what draws search, made on the first draw: a broader
 * context's posterior is fitted to hand its mean and variance to the narrower one and is rarely
 * drawn from, and a fit makes a dozen posteriors.
 */
final class Posterior {

  private final double[] weights;
  private final double mean;
  private final double variance;
  /** What draws search, made on the first draw; null until then. */
  private Draws draws;

  /**
   * Buckets of draws: a draw u in [b/64, (b+1)/64) lands on a grid point from {@code start[b]} to
   * {@code start[b + 1]}.
   */
  private static final int BUCKETS = 64;

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

  /**
   * The running sums of the weights, added up left to right, and per bucket of draws the first
   * grid point whose sum reaches the bucket's lower end, b/64 (the last point when none does).
   * Final fields, so a second thread sees both whole (a policy plans on one thread; another would
   * only make the same again).
   */
  private record Draws(double[] sums, int[] start) {}

  private Draws draws() {
    Draws d = draws;
    if (d == null) {
      double[] c = new double[weights.length];
      double acc = 0;
      for (int i = 0; i < weights.length; i++) {
        acc += weights[i];
        c[i] = acc;
      }
      int last = c.length - 1;
      int[] start = null;
      if (!Double.isNaN(c[last])) {
        start = new int[BUCKETS + 1];
        int i = 0;
        for (int b = 0; b <= BUCKETS; b++) {
          double low = (double) b / BUCKETS;
          while (i < last && !(c[i] >= low)) {
            i++;
          }
          start[b] = i;
        }
      }
      d = new Draws(c, start);
      draws = d;
    }
    return d;
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
   * <p>A draw u in [0, 1) is searched for only within its bucket (see {@link Draws}): every sum
   * before {@code start[b]} is below b/64, so below u; the sum at {@code start[b + 1]} reaches
   * (b+1)/64, so u (or that point is the last). The first point reaching u is therefore in that
   * range, mostly one or two points wide, and the search finds the same point as over the whole
   * grid in fewer dependent steps (draws were a twentieth of a replay). Any other u, or sums with
   * a NaN, search the whole grid as before.
   */
  int quantile(double u) {
    Draws d = draws();
    double[] c = d.sums();
    int[] start = d.start();
    if (start != null && u >= 0 && u < 1) {
      int b = (int) (u * BUCKETS); // exact: a power of two
      return search(c, u, start[b], start[b + 1] - start[b] + 1);
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
