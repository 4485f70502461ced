package dev.acr.policy;

/**
 * The two inner loops of fitting and planning, over a difficulty belief (weights on the
 * difficulty grid): a route's chance under the belief, and the belief after the route failed.
 * Planning runs them hundreds of times per decision and a fit thousands of times, so each keeps
 * four partial sums: one running sum spends most of its time waiting for its previous addition.
 * (Summing in another order moves results by a few ulps; the replay's decisions, and so every
 * benchmark figure, came out identical when this was introduced.)
 */
final class Beliefs {

  /** The σ row of a route that verifies whatever the difficulty. */
  private static final double[] ALWAYS = ones(SkillModel.DIFFICULTY_POINTS);

  private Beliefs() {}

  private static double[] ones(int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, 1.0);
    return a;
  }

  /** Σ chance[j]·w[j]: the chance a route with σ row {@code chance} verifies under belief w. */
  static double chance(double[] w, double[] chance) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 4 <= w.length; j += 4) {
      s0 += chance[j] * w[j];
      s1 += chance[j + 1] * w[j + 1];
      s2 += chance[j + 2] * w[j + 2];
      s3 += chance[j + 3] * w[j + 3];
    }
    for (; j < w.length; j++) {
      s0 += chance[j] * w[j];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** Updates belief w in place with one failure of a route whose σ row is {@code chance}. */
  static void fail(double[] w, double[] chance) {
    for (int j = 0; j < w.length; j++) {
      w[j] *= 1 - chance[j];
    }
    // Σ w[j] as the chance of a route that always verifies: the same four partial sums.
    double z = chance(w, ALWAYS);
    if (z > 0) {
      double inv = 1 / z;
      for (int j = 0; j < w.length; j++) {
        w[j] *= inv;
      }
    }
  }
}
