package dev.acr.policy;

/** The logistic function σ(x) = 1 / (1 + e^−x), exactly and from a table. */
final class Sigmoid {

  private Sigmoid() {}

  static double exact(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static final double TABLE_LIMIT = 30;
  private static final double TABLE_STEP = 0.005;
  /**
   * σ at each table point and the step to the next point, interleaved: entry 2i is σ at point i
   * and 2i + 1 is σ(i + 1) − σ(i) (0 after the last point). Why: {@link #fast} then reads one
   * cache line instead of two entries apart, and does one subtraction less; the step is the same
   * subtraction made once, so every result is the same bit for bit.
   */
  private static final double[] TABLE = sigmoidTable();

  private static double[] sigmoidTable() {
    int n = (int) Math.round(2 * TABLE_LIMIT / TABLE_STEP) + 1;
    double[] sigmoid = new double[n];
    for (int i = 0; i < n; i++) {
      sigmoid[i] = exact(-TABLE_LIMIT + i * TABLE_STEP);
    }
    double[] t = new double[2 * n];
    for (int i = 0; i < n; i++) {
      t[2 * i] = sigmoid[i];
      t[2 * i + 1] = i + 1 < n ? sigmoid[i + 1] - sigmoid[i] : 0;
    }
    return t;
  }

  /**
   * σ(x) by linear interpolation in a table (error below 1e-6): fitting evaluates it millions of
   * times in a long replay, where Math.exp dominated the run time.
   */
  static double fast(double x) {
    if (x <= -TABLE_LIMIT) {
      return TABLE[0];
    }
    if (x >= TABLE_LIMIT) {
      return TABLE[TABLE.length - 2];
    }
    double pos = (x + TABLE_LIMIT) / TABLE_STEP;
    int i = (int) pos;
    double f = pos - i;
    // At the last point f is 0 and so is the step: σ(i) + 0·0 is σ(i), as before.
    return TABLE[2 * i] + f * TABLE[2 * i + 1];
  }
}
