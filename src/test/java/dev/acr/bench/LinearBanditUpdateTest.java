package dev.acr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * LinUCB/LinTS's A⁻¹ update skips the rows and columns of features an arm never saw; it must
 * give, bit for bit, what the full d×d Sherman–Morrison update gives.
 */
class LinearBanditUpdateTest {

  private static final int D = TaskFeatures.DIM;

  @Test
  void theSparseUpdateIsTheFullUpdateBitForBit() {
    SplittableRandom rng = new SplittableRandom(17);
    for (int arm = 0; arm < 20; arm++) {
      double[][] sparse = identity();
      double[][] full = identity();
      double[] u = new double[D];
      double[] uFull = new double[D];
      // Like the ID test (no prompt features) for the first arms, all features for the others.
      int features = arm < 10 ? 16 : D;
      int reach = 0;
      for (int step = 0; step < 300; step++) {
        int[] nz = rng.ints(0, features).distinct().limit(1 + rng.nextInt(5)).sorted().toArray();
        double[] xv = new double[nz.length];
        for (int k = 0; k < xv.length; k++) {
          xv[k] = rng.nextBoolean() ? 1 : rng.nextDouble() - 0.5;
        }
        reach = Math.max(reach, nz[nz.length - 1] + 1);
        double denom = LinearBanditRouter.shermanMorrison(sparse, reach, nz, xv, u);
        double denomFull = fullUpdate(full, nz, xv, uFull);
        assertThat(denom).isEqualTo(denomFull);
        for (int i = 0; i < D; i++) {
          assertThat(Double.doubleToRawLongBits(u[i])).isEqualTo(Double.doubleToRawLongBits(uFull[i]));
          for (int j = 0; j < D; j++) {
            assertThat(Double.doubleToRawLongBits(sparse[i][j])).as("step %d, A⁻¹[%d][%d]", step, i, j)
                .isEqualTo(Double.doubleToRawLongBits(full[i][j]));
          }
        }
      }
    }
  }

  private static double[][] identity() {
    double[][] m = new double[D][D];
    for (int i = 0; i < D; i++) {
      m[i][i] = 1;
    }
    return m;
  }

  /**
   * The textbook update with x dense: u = A⁻¹x over every column, then every row and column of
   * A⁻¹ − u uᵀ/δ (a zero of x adds ±0 to a sum, which changes no bit).
   */
  private static double fullUpdate(double[][] m, int[] nz, double[] xv, double[] u) {
    double[] x = new double[D];
    for (int k = 0; k < nz.length; k++) {
      x[nz[k]] = xv[k];
    }
    for (int i = 0; i < D; i++) {
      u[i] = 0;
      for (int j = 0; j < D; j++) {
        u[i] += m[i][j] * x[j];
      }
    }
    double denom = 1.0;
    for (int j = 0; j < D; j++) {
      if (x[j] != 0) {
        denom += x[j] * u[j];
      }
    }
    for (int i = 0; i < D; i++) {
      double ui = u[i] / denom;
      for (int j = 0; j < D; j++) {
        m[i][j] -= ui * u[j];
      }
    }
    return denom;
  }
}
