package dev.acr.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.context.Dimension;
import dev.acr.core.AttemptResult;
import dev.acr.core.AttemptStatus;
import dev.acr.core.Route;
import dev.acr.core.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandingPlanTest {

  private static final Route A = new Route("opencode", "a");
  private static final Route B = new Route("codex", "b");
  private static final Route C = new Route("claude-code", "c");
  private static final Task TASK = new Task("t1", "fix it", Dimension.BUG_FIXING, "bench", "python");
  /** Made before any attempt, at cost factor 1, assuming partial scores 0.2, 0.3, 0.4. */
  private static final StandingPlan PLAN = new StandingPlan(TASK, 0, List.of(A, B, C), 1.0, new double[] {0.2, 0.3, 0.4});

  private static AttemptResult failed(Route r, double performance, Long tokens) {
    return new AttemptResult(r, AttemptStatus.FAILED, false, performance, true, 1, 0, 0.1, tokens, tokens);
  }

  @Test
  void standsWhileItsRoutesFailAsAssumed() {
    assertThat(PLAN.rest(TASK, List.of(failed(A, 0.1, 100L)), () -> 1.0)).containsExactly(B, C);
    assertThat(PLAN.rest(TASK, List.of(failed(A, 0.2, 100L), failed(B, 0.0, null)), () -> 0.9)).containsExactly(C);
  }

  @Test
  void plansAgainOnNewsThePlanDidNotAssume() {
    // A better partial score than assumed, a dearer task, an idle attempt, a verified one, an
    // infra error, another route than planned: each may make another answer best.
    assertThat(PLAN.rest(TASK, List.of(failed(A, 0.25, 100L)), () -> 1.0)).isNull();
    assertThat(PLAN.rest(TASK, List.of(failed(A, 0.1, 100L)), () -> 1.2)).isNull();
    assertThat(PLAN.rest(TASK, List.of(failed(A, 0.0, 0L)), () -> 1.0)).isNull();
    AttemptResult verified = new AttemptResult(A, AttemptStatus.VERIFIED, true, 1, true, 0, 0, 0.1, 100L, 100L);
    assertThat(PLAN.rest(TASK, List.of(verified), () -> 1.0)).isNull();
    AttemptResult infra = new AttemptResult(A, AttemptStatus.INFRA_ERROR, false, 0, false, 1, 0, null, null, null);
    assertThat(PLAN.rest(TASK, List.of(infra), () -> 1.0)).isNull();
    assertThat(PLAN.rest(TASK, List.of(failed(B, 0.0, 100L)), () -> 1.0)).isNull();
  }

  @Test
  void plansAgainForAnotherTaskAndPastItsEnd() {
    Task other = new Task("t2", "fix it", Dimension.BUG_FIXING, "bench", "python");
    assertThat(PLAN.rest(other, List.of(failed(A, 0.0, 100L)), () -> 1.0)).isNull();
    assertThat(PLAN.rest(TASK, List.of(), () -> 1.0)).isNull();
    List<AttemptResult> all = List.of(failed(A, 0.0, 100L), failed(B, 0.0, 100L), failed(C, 0.0, 100L));
    assertThat(PLAN.rest(TASK, all, () -> 1.0)).isNull();
  }
}
