package dev.acr.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BeliefsTest {

  private static double[] random(SplittableRandom rng, int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = rng.nextDouble();
    }
    return a;
  }

  /** The planner's decisions rely on chance2 giving each chance bit for bit as chance does. */
  @Test
  void twoChancesAtOnceAreTheSameBitsAsOneByOne() {
    SplittableRandom rng = new SplittableRandom(7);
    // The difficulty grid's size and lengths around it, including one below the four-sum unroll.
    for (int n : new int[] {SkillModel.DIFFICULTY_POINTS, 1, 3, 4, 8, 33}) {
      for (int round = 0; round < 200; round++) {
        double[] wa = random(rng, n);
        double[] ca = random(rng, n);
        double[] wb = random(rng, n);
        double[] cb = random(rng, n);
        double[] out = new double[3];
        Beliefs.chance2(wa, ca, wb, cb, out, 2, 0);
        assertThat(Double.doubleToRawLongBits(out[2])).isEqualTo(Double.doubleToRawLongBits(Beliefs.chance(wa, ca)));
        assertThat(Double.doubleToRawLongBits(out[0])).isEqualTo(Double.doubleToRawLongBits(Beliefs.chance(wb, cb)));
        assertThat(out[1]).isZero();
      }
    }
  }
}
