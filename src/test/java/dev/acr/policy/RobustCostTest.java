package dev.acr.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RobustCostTest {

  private static MemoryStats.Tally costs(double... usd) {
    MemoryStats.Tally t = new MemoryStats.Tally();
    for (double c : usd) {
      t.add(false, 0, c);
    }
    return t;
  }

  private static MemoryStats.Tally[] levels(MemoryStats.Tally... tallies) {
    return tallies;
  }

  @Test
  void emptyMemoryKeepsThePriceGuess() {
    assertThat(RobustCost.estimate(0.5, 2, levels((MemoryStats.Tally) null))).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void oneOutlierBarelyMovesTheEstimate() {
    // Five attempts at about $0.40 and one at $10, the shape of opus's old112 costs.
    MemoryStats.Tally[] tallies = levels(costs(0.4, 0.35, 0.45, 0.4, 0.4, 10));
    double robust = RobustCost.estimate(0.4, 2, tallies);
    double mean = RobustCost.arithmetic(0.4, 2, tallies);
    assertThat(mean).isGreaterThan(1.5);
    assertThat(robust).isBetween(0.4, 0.8);
  }

  @Test
  void consistentCostsReplaceTheGuess() {
    double[] many = new double[200];
    java.util.Arrays.fill(many, 2.0);
    double c = RobustCost.estimate(0.1, 2, levels(costs(many)));
    assertThat(c).isBetween(1.8, 2.0);
  }

  @Test
  void narrowerContextPullsTowardItsOwnCosts() {
    double broad = RobustCost.estimate(1.0, 2, levels(costs(1, 1, 1, 1)));
    double narrow = RobustCost.estimate(1.0, 2, levels(costs(1, 1, 1, 1), costs(4, 4, 4, 4)));
    assertThat(broad).isCloseTo(1.0, within(1e-9));
    assertThat(narrow).isGreaterThan(2.0).isLessThan(4.0);
  }

  @Test
  void freeAttemptsAndUnpricedRoutesFallBackToThePlainMean() {
    MemoryStats.Tally[] tallies = levels(costs(0, 0.3));
    assertThat(RobustCost.estimate(0, 2, tallies)).isCloseTo(RobustCost.arithmetic(0, 2, tallies), within(1e-12));
  }
}
