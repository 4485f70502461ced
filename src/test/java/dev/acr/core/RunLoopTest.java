package dev.acr.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.context.Dimension;
import dev.acr.live.FixedChainRouter;
import dev.acr.memory.MemoryRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared loop: escalation, limits, stop reasons and the records it writes. */
class RunLoopTest {
  static final Route A = new Route("a", "m1");
  static final Route B = new Route("b", "m2");
  static final Route C = new Route("c", null);
  static final Task TASK = new Task("k", "fix it", Dimension.BUG_FIXING, null, "java");

  final List<MemoryRecord> records = new ArrayList<>();

  static AttemptResult result(Route r, AttemptStatus s, double cost) {
    boolean ok = s == AttemptStatus.VERIFIED;
    return new AttemptResult(r, s, ok, ok ? 1 : 0, true, 0, 10, cost, 5L, 1L);
  }

  RunOutcome run(Map<Route, AttemptStatus> outcomes, int max, Double budget, List<Route> chain) {
    AttemptExecutor exec = (task, route, n) -> result(route, outcomes.get(route), 0.5);
    RunLoop loop = new RunLoop(new FixedChainRouter("test", chain), exec, records::add,
        new RunLoop.Limits(max, budget), "live", true, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    return loop.run(TASK, "run-1", RunLoop.SILENT);
  }

  @Test
  void escalatesUntilVerified() {
    RunOutcome o = run(Map.of(A, AttemptStatus.FAILED, B, AttemptStatus.VERIFIED, C, AttemptStatus.VERIFIED), 3, null,
        List.of(A, B, C));
    assertThat(o.stopReason()).isEqualTo(RunOutcome.StopReason.VERIFIED);
    assertThat(o.attempts()).extracting(AttemptResult::route).containsExactly(A, B);
    assertThat(o.totalCost()).isEqualTo(1.0);
    assertThat(records).extracting(MemoryRecord::attempt).containsExactly(1, 2);
    MemoryRecord second = records.get(1);
    assertThat(second.route()).isEqualTo("b:m2");
    assertThat(second.tool()).isEqualTo("b");
    assertThat(second.model()).isEqualTo("m2");
    assertThat(second.status()).isEqualTo("verified");
    assertThat(second.resolved()).isTrue();
    assertThat(second.runId()).isEqualTo("run-1");
    assertThat(second.dimension()).isEqualTo("bug_fixing");
    assertThat(second.language()).isEqualTo("java");
    // The whole prompt's length, kept even where the prompt itself is cut or not stored.
    assertThat(second.promptChars()).isEqualTo("fix it".length());
    assertThat(second.source()).isEqualTo("live");
    assertThat(second.score()).isNull();
    assertThat(second.ts()).isEqualTo("1970-01-01T00:00:00Z");
  }

  @Test
  void stopsAtMaxAttempts() {
    RunOutcome o = run(Map.of(A, AttemptStatus.FAILED, B, AttemptStatus.TIMEOUT, C, AttemptStatus.VERIFIED), 2, null,
        List.of(A, B, C));
    assertThat(o.stopReason()).isEqualTo(RunOutcome.StopReason.MAX_ATTEMPTS);
    assertThat(records).extracting(MemoryRecord::status).containsExactly("failed", "timeout");
  }

  @Test
  void attemptsWhereNoAgentCouldRunDoNotUseUpMaxAttempts() {
    Route d = new Route("d", null);
    RunOutcome o = run(Map.of(A, AttemptStatus.INFRA_ERROR, B, AttemptStatus.ACR_ERROR, C, AttemptStatus.FAILED,
        d, AttemptStatus.VERIFIED), 2, null, List.of(A, B, C, d));
    assertThat(o.stopReason()).isEqualTo(RunOutcome.StopReason.VERIFIED);
    assertThat(records).extracting(MemoryRecord::status).containsExactly("infra_error", "acr_error", "failed", "verified");
  }

  @Test
  void aRunWhereNoAgentCanRunStillEndsOnceEveryRouteWasTried() {
    RunOutcome o = run(Map.of(A, AttemptStatus.INFRA_ERROR, B, AttemptStatus.INFRA_ERROR, C, AttemptStatus.ACR_ERROR), 1,
        null, List.of(A, B, C));
    assertThat(o.stopReason()).isEqualTo(RunOutcome.StopReason.PLAN_EXHAUSTED);
    assertThat(o.attempts()).extracting(AttemptResult::route).containsExactly(A, B, C);
  }

  @Test
  void stopsOnceTheBudgetIsSpent() {
    RunOutcome o = run(Map.of(A, AttemptStatus.AGENT_ERROR, B, AttemptStatus.VERIFIED), 3, 0.4, List.of(A, B));
    assertThat(o.stopReason()).isEqualTo(RunOutcome.StopReason.BUDGET);
    assertThat(o.attempts()).hasSize(1);
  }

  @Test
  void doesNotEscalateBlindlyWithoutAVerifier() {
    RunOutcome o = run(Map.of(A, AttemptStatus.NO_VERIFIER, B, AttemptStatus.VERIFIED), 3, null, List.of(A, B));
    assertThat(o.stopReason()).isEqualTo(RunOutcome.StopReason.NO_VERIFIER);
    assertThat(o.attempts()).hasSize(1);
    assertThat(o.verified()).isFalse();
  }

  @Test
  void stopsAfterAnAttemptThatLeftOnlyTheBaselinesFailures() {
    AttemptExecutor exec = (task, route, n) -> route.equals(A)
        ? new AttemptResult(A, AttemptStatus.FAILED, false, 0, true, 0, 10, 0.5, 5L, 1L, RunLoop.ONLY_BASELINE_FAILURES, null, null)
        : result(route, AttemptStatus.VERIFIED, 0.5);
    RunOutcome o = new RunLoop(new FixedChainRouter("test", List.of(A, B)), exec, records::add, new RunLoop.Limits(3, null),
        "live", true, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).run(TASK, "run-1", RunLoop.SILENT);
    assertThat(o.stopReason()).isEqualTo(RunOutcome.StopReason.ONLY_BASELINE_FAILURES);
    assertThat(o.attempts()).extracting(AttemptResult::route).containsExactly(A);
    assertThat(o.verified()).isFalse();
    assertThat(records).extracting(MemoryRecord::reason).containsExactly(RunLoop.ONLY_BASELINE_FAILURES);
  }

  @Test
  void stopsWhenInterruptedAndWhenThePlanRunsOut() {
    RunOutcome o = run(Map.of(A, AttemptStatus.INTERRUPTED, B, AttemptStatus.VERIFIED), 3, null, List.of(A, B));
    assertThat(o.stopReason()).isEqualTo(RunOutcome.StopReason.INTERRUPTED);
    records.clear();
    RunOutcome p = run(Map.of(A, AttemptStatus.FAILED), 3, null, List.of(A));
    assertThat(p.stopReason()).isEqualTo(RunOutcome.StopReason.PLAN_EXHAUSTED);
    assertThat(p.performance()).isZero();
  }

  @Test
  void recordsScoresThatAreNotPassFail() {
    AttemptExecutor exec = (task, route, n) ->
        new AttemptResult(route, AttemptStatus.FAILED, false, 0.4, true, null, 0, null, null, null);
    new RunLoop(new FixedChainRouter("t", List.of(C)), exec, records::add, new RunLoop.Limits(1, null), "replay",
        false, Clock.systemUTC()).run(TASK, "r", RunLoop.SILENT);
    assertThat(records.get(0).score()).isEqualTo(0.4);
    assertThat(records.get(0).prompt()).isNull();
    assertThat(records.get(0).route()).isEqualTo("c");
    assertThat(records.get(0).model()).isNull();
  }
}
