package dev.acr.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.core.AttemptResult;
import dev.acr.core.AttemptStatus;
import dev.acr.core.Route;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TaskCostScaleTest {

  private static final Route A = new Route("t", "a");

  private static AttemptResult paid(double usd) {
    return new AttemptResult(A, AttemptStatus.FAILED, false, 0, true, 1, 1, usd, null, null);
  }

  /** Tasks whose log costs share a task effect of the given sd, over three routes. */
  private static TaskCostScale learned(double taskSd, int tasks) {
    TaskCostScale s = new TaskCostScale();
    SplittableRandom rng = new SplittableRandom(7);
    double[] routeMean = {-3, -1, 0.5};
    for (int t = 0; t < tasks; t++) {
      s.newTask();
      double effect = taskSd * gaussian(rng);
      for (int r = 0; r < 3; r++) {
        s.observe("r" + r, Math.exp(routeMean[r] + effect + 0.5 * gaussian(rng)));
      }
    }
    return s;
  }

  private static double gaussian(SplittableRandom rng) {
    return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  @Test
  void emptyMemoryChangesNothing() {
    TaskCostScale s = new TaskCostScale();
    assertThat(s.rho()).isZero();
    assertThat(s.factor(List.of(paid(5)), a -> "t:a")).isEqualTo(1.0);
  }

  @Test
  void learnsTheLinkWhenTasksDriveCosts() {
    // task sd 1, noise sd 0.5: true correlation 1 / 1.25 = 0.8
    TaskCostScale s = learned(1.0, 300);
    assertThat(s.rho()).isBetween(0.6, 0.9);
    s.newTask();
    // r1's usual log cost is -1; this task's r1 attempt cost e^1: predicted far above usual.
    AttemptResult expensive = new AttemptResult(new Route("r1", ""), AttemptStatus.FAILED, false, 0, true, 1, 1,
        Math.exp(1), null, null);
    assertThat(s.factor(List.of(expensive), a -> "r1")).isGreaterThan(Math.exp(1.2));
    AttemptResult cheap = new AttemptResult(new Route("r1", ""), AttemptStatus.FAILED, false, 0, true, 1, 1,
        Math.exp(-3), null, null);
    assertThat(s.factor(List.of(cheap), a -> "r1")).isLessThan(Math.exp(-1.2));
  }

  @Test
  void independentCostsStayUnlinked() {
    TaskCostScale s = learned(0.0, 300);
    assertThat(s.rho()).isLessThan(0.1);
  }

  @Test
  void unknownAndFreeCostsTeachNothing() {
    TaskCostScale s = learned(1.0, 100);
    double before = s.rho();
    s.newTask();
    s.observe("r0", null);
    s.observe("r1", 0.0);
    assertThat(s.rho()).isEqualTo(before);
    assertThat(s.factor(List.of(paid(0.0)), a -> "r1")).isEqualTo(1.0);
  }
}
