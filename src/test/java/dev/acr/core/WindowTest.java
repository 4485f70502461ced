package dev.acr.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.live.FixedChainRouter;
import dev.acr.policy.RacingRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sliding window's replay model against a hand computation. */
class WindowTest {
  static final Route A = RaceRunLoopTest.A;
  static final Route B = RaceRunLoopTest.B;
  static final Route C = RaceRunLoopTest.C;

  /**
   * Two at a time, chain A → B → C: A fails at 30 ms and C starts then, not when B ends; C
   * verifies at 30 + 10 = 40 ms, so B (70 ms, $1) is cancelled at 40 ms and pays 40/70 of its
   * cost. The batch rule would have waited for B's verdict at 70 ms.
   */
  @Test
  void theNextRouteStartsAsSoonAsARacerFails() {
    AttemptExecutor exec = RaceRunLoopTest.table(Map.of(
        A, new RaceRunLoopTest.Row(AttemptStatus.FAILED, 30, 0.1),
        B, new RaceRunLoopTest.Row(AttemptStatus.VERIFIED, 70, 1.0),
        C, new RaceRunLoopTest.Row(AttemptStatus.VERIFIED, 10, 0.2)));
    Router router = new RacingRouter(new FixedChainRouter("t", List.of(A, B, C)), t -> List.of(), 2, false, 60);
    List<Integer> order = new ArrayList<>();
    RunOutcome o = new Window(router, exec, new RunLoop.Limits(3, null, 2))
        .run(RaceRunLoopTest.TASK, "run", RunLoop.SILENT, (n, r, id) -> order.add(n));
    assertThat(o.wallMs()).isEqualTo(40);
    assertThat(o.finalAttempt().route()).isEqualTo(C);
    assertThat(o.attempts()).extracting(AttemptResult::status)
        .containsExactly(AttemptStatus.FAILED, AttemptStatus.CANCELLED, AttemptStatus.VERIFIED);
    assertThat(o.attempts().get(1).costUsd()).isCloseTo(40.0 / 70, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(o.raceIds()).containsOnly("run-race1");
    assertThat(order).containsExactly(1, 3, 2);
  }
}
