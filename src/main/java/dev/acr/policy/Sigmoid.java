package dev.acr.policy;

/** The logistic function σ(x) = 1 / (1 + e^−x), exactly and from a table. */
final class Sigmoid {

  private Sigmoid() {}

  static double exact(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static final double TABLE_LIMIT = 30;
  private static final double TABLE_STEP = 0.005;
  private static final double[] SIGMOID = sigmoidTable();

  private static double[] sigmoidTable() {
    int n = (int) Math.round(2 * TABLE_LIMIT / TABLE_STEP) + 1;
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = exact(-TABLE_LIMIT + i * TABLE_STEP);
    }
    return t;
  }

  /**
   * σ(x) by linear interpolation in a table (error below 1e-6): fitting evaluates it millions of
   * times in a long replay, where Math.exp dominated the run time.
   */
  static double fast(double x) {
    if (x <= -TABLE_LIMIT) {
      return SIGMOID[0];
    }
    if (x >= TABLE_LIMIT) {
      return SIGMOID[SIGMOID.length - 1];
    }
    double pos = (x + TABLE_LIMIT) / TABLE_STEP;
    int i = (int) pos;
    double f = pos - i;
    return i + 1 < SIGMOID.length ? SIGMOID[i] + f * (SIGMOID[i + 1] - SIGMOID[i]) : SIGMOID[i];
  }
}
