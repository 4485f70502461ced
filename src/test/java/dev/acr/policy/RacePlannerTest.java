package dev.acr.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** --race auto: race when the time saved, valued at the user's time, beats the extra cost. */
class RacePlannerTest {
  static RacePlanner.Leg leg(double p, double usd) {
    return new RacePlanner.Leg(p, usd, 180_000);
  }

  @Test
  void unsureMemoryRaces() {
    RacePlanner.Choice c = RacePlanner.choose(List.of(leg(0.3, 0.1), leg(0.3, 0.1), leg(0.3, 0.1)), 3, 60);
    assertThat(c.width()).isGreaterThan(1);
    assertThat(c.why()).contains("memory is unsure (first route 30%)");
  }

  @Test
  void expensiveSecondRoutesOrWorthlessTimeRunOneAtATime() {
    assertThat(RacePlanner.choose(List.of(leg(0.3, 0.1), leg(0.5, 50.0)), 3, 60).width()).isEqualTo(1);
    assertThat(RacePlanner.choose(List.of(leg(0.3, 0.1), leg(0.5, 0.1)), 3, 0).width()).as("time worth nothing").isEqualTo(1);
  }

  @Test
  void gainByHand() {
    // Two legs, 180 s each, p 0.5 and 0.5, $1 each. In turn: 180 + 0.5·180 = 270 s, $1.5.
    // At once: 180 s × (1 − (1 − 0.25)/2) = 112.5 s, $2. Saves 157.5 s = $2.625 at $60/h; gain $2.125.
    List<RacePlanner.Leg> plan = List.of(leg(0.5, 1.0), leg(0.5, 1.0));
    assertThat(RacePlanner.seconds(plan, 2)).isCloseTo(157.5, within(1e-9));
    assertThat(RacePlanner.gain(plan, 2, 60)).isCloseTo(2.125, within(1e-9));
  }
}
