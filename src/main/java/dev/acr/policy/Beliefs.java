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

  private Beliefs() {}

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

  /**
   * {@link #chance} of two rows under two beliefs at once, into {@code out[ia]} and {@code
   * out[ib]}: each of the eight partial sums adds the same products in the same order as two
   * calls would, so the same bits. Why: one chance is a chain of dependent additions that keeps
   * the processor waiting; two independent chains interleaved fill those waits (a quarter faster
   * per chance, measured), and callers work out chances in batches (a node's candidates, a
   * pattern's shifts).
   */
  static void chance2(double[] wa, double[] ca, double[] wb, double[] cb, double[] out, int ia, int ib) {
    double a0 = 0;
    double a1 = 0;
    double a2 = 0;
    double a3 = 0;
    double b0 = 0;
    double b1 = 0;
    double b2 = 0;
    double b3 = 0;
    int n = wa.length;
    int j = 0;
    for (; j + 4 <= n; j += 4) {
      a0 += ca[j] * wa[j];
      a1 += ca[j + 1] * wa[j + 1];
      a2 += ca[j + 2] * wa[j + 2];
      a3 += ca[j + 3] * wa[j + 3];
      b0 += cb[j] * wb[j];
      b1 += cb[j + 1] * wb[j + 1];
      b2 += cb[j + 2] * wb[j + 2];
      b3 += cb[j + 3] * wb[j + 3];
    }
    for (; j < n; j++) {
      a0 += ca[j] * wa[j];
      b0 += cb[j] * wb[j];
    }
    out[ia] = (a0 + a1) + (a2 + a3);
    out[ib] = (b0 + b1) + (b2 + b3);
  }

  /** Updates belief w in place with one failure of a route whose σ row is {@code chance}. */
  static void fail(double[] w, double[] chance) {
    fail(w, w, chance);
  }

  /**
   * Writes into {@code to} belief {@code w} after one failure of a route whose σ row is {@code
   * chance} ({@code to} may be w). The planner's copy-then-update in one pass: the same products
   * in the same order, so the same bits as copying w and updating the copy.
   */
  static void fail(double[] w, double[] to, double[] chance) {
    // Updates and sums Σ w[j] in one pass, into the same four partial sums, in the same order, as
    // chance() would (it used to be chance(w, ones) after the update: x·1 is x, so the total is
    // the same bit for bit without a second pass or the multiplications).
    int n = w.length;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 4 <= n; j += 4) {
      s0 += to[j] = w[j] * (1 - chance[j]);
      s1 += to[j + 1] = w[j + 1] * (1 - chance[j + 1]);
      s2 += to[j + 2] = w[j + 2] * (1 - chance[j + 2]);
      s3 += to[j + 3] = w[j + 3] * (1 - chance[j + 3]);
    }
    for (; j < n; j++) {
      s0 += to[j] = w[j] * (1 - chance[j]);
    }
    double z = (s0 + s1) + (s2 + s3);
    if (z > 0) {
      double inv = 1 / z;
      for (j = 0; j < n; j++) {
        to[j] *= inv;
      }
    }
  }

  /**
   * {@link #fail(double[], double[], double[])} for a route that runs at all only with chance
   * {@code run}: the failure's likelihood is 1 − run·chance instead of 1 − chance. With {@code run}
   * 1, the four-sum update above (the same bits as a route that always runs).
   */
  static void fail(double[] w, double[] to, double[] chance, double run) {
    if (run == 1) {
      fail(w, to, chance);
      return;
    }
    double z = 0;
    for (int j = 0; j < w.length; j++) {
      to[j] = w[j] * (1 - run * chance[j]);
      z += to[j];
    }
    if (z > 0) {
      for (int j = 0; j < w.length; j++) {
        to[j] /= z;
      }
    }
  }
}
