package dev.acr.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The worth of one more observation of a normal belief, in reward. */
class KnowledgeGradientTest {

  @Test
  void theNormalDistributionFunctionMatchesItsTable() {
    assertThat(KnowledgeGradient.normalCdf(0)).isCloseTo(0.5, within(1e-7));
    assertThat(KnowledgeGradient.normalCdf(1)).isCloseTo(0.8413447, within(1e-6));
    assertThat(KnowledgeGradient.normalCdf(-1.959964)).isCloseTo(0.025, within(1e-6));
    assertThat(KnowledgeGradient.normalCdf(-6)).isBetween(0.0, 1e-8);
  }

  @Test
  void itIsTheExpectedGainOfTheBetterChoiceAfterTheObservation() {
    // E[max(μ + σ̃Z, b)] − max(μ, b), integrated numerically for μ = 0.4, σ̃ = 0.1, b = 0.5.
    double mean = 0.4;
    double sd = 0.1;
    double best = 0.5;
    double expected = 0;
    double step = 1e-4;
    for (double z = -10; z < 10; z += step) {
      double density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
      expected += Math.max(mean + sd * z, best) * density * step;
    }
    assertThat(KnowledgeGradient.of(mean, sd, best)).isCloseTo(expected - best, within(1e-5));
  }

  @Test
  void aRouteNearTheBestWithAWideBeliefTeachesMost() {
    double near = KnowledgeGradient.of(0.48, 0.05, 0.5);
    double far = KnowledgeGradient.of(0.2, 0.05, 0.5);
    double narrow = KnowledgeGradient.of(0.48, 0.005, 0.5);
    assertThat(near).isGreaterThan(10 * far);
    assertThat(near).isGreaterThan(5 * narrow);
    // The best route itself: what a call could show is that it is worse than the runner-up.
    assertThat(KnowledgeGradient.of(0.52, 0.05, 0.5)).isCloseTo(near, within(1e-12));
  }

  @Test
  void aBeliefThatCannotMoveTeachesNothing() {
    assertThat(KnowledgeGradient.of(0.5, 0, 0.5)).isZero();
    assertThat(KnowledgeGradient.of(0.5, Double.NaN, 0.5)).isZero();
  }
}
