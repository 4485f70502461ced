package dev.acr.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.context.Dimension;
import dev.acr.live.FixedChainRouter;
import dev.acr.memory.MemoryRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** RunLoop with races: batches, the winner, cancellation, race ids, limits and wall time. */
class RaceRunLoopTest {
  static final Route A = new Route("a", "m1");
  static final Route B = new Route("b", "m2");
  static final Route C = new Route("c", null);
  static final Route D = new Route("d", null);
  static final Task TASK = new Task("k", "fix it", Dimension.BUG_FIXING, null, "java");

  final List<MemoryRecord> records = Collections.synchronizedList(new ArrayList<>());

  /** A table lookup: each route's status, duration and cost. */
  record Row(AttemptStatus status, long ms, double cost) {}

  static AttemptExecutor table(Map<Route, Row> rows) {
    return (task, route, n) -> {
      Row row = rows.get(route);
      boolean ok = row.status() == AttemptStatus.VERIFIED;
      return new AttemptResult(route, row.status(), ok, ok ? 1 : 0, ok, 0, row.ms(), row.cost(), 10L, 1L);
    };
  }

  RunOutcome run(AttemptExecutor exec, int max, Double budget, int race, List<Route> chain) {
    RunLoop loop = new RunLoop(new FixedChainRouter("test", chain), exec, records::add,
        new RunLoop.Limits(max, budget, race), "replay", true, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    return loop.run(TASK, "run-1", RunLoop.SILENT);
  }

  @Test
  void inAReplayTheFirstToFinishVerifiedWinsAndTheLaterOnesPayForTheirShare() {
    RunOutcome o = run(table(Map.of(
        A, new Row(AttemptStatus.VERIFIED, 100, 1.0),
        B, new Row(AttemptStatus.VERIFIED, 40, 2.0),
        C, new Row(AttemptStatus.FAILED, 20, 0.1))), 3, null, 3, List.of(A, B, C));
    assertThat(o.stopReason()).isEqualTo(RunOutcome.StopReason.VERIFIED);
    assertThat(o.finalAttempt().route()).isEqualTo(B);
    assertThat(o.attempts()).extracting(AttemptResult::status)
        .containsExactly(AttemptStatus.CANCELLED, AttemptStatus.VERIFIED, AttemptStatus.FAILED);
    // A ran 40 of its 100 ms when B won: 40% of its $1.
    assertThat(o.attempts().get(0).costUsd()).isEqualTo(0.4);
    assertThat(o.attempts().get(0).durationMs()).isEqualTo(40);
    assertThat(o.totalCost()).isEqualTo(0.4 + 2.0 + 0.1);
    assertThat(o.wallMs()).isEqualTo(40);
    assertThat(records).extracting(MemoryRecord::raceId).containsOnly("run-1-race1");
    assertThat(records).extracting(MemoryRecord::attempt).containsExactlyInAnyOrder(1, 2, 3);
  }

  @Test
  void severalVerifyingTogetherTheCheaperWins() {
    RunOutcome o = run(table(Map.of(
        A, new Row(AttemptStatus.VERIFIED, 50, 1.0),
        B, new Row(AttemptStatus.VERIFIED, 50, 0.5))), 3, null, 2, List.of(A, B));
    assertThat(o.finalAttempt().route()).isEqualTo(B);
    assertThat(o.attempts().get(0).status()).isEqualTo(AttemptStatus.CANCELLED);
    assertThat(o.attempts().get(0).resolved()).isFalse();
  }

  @Test
  void noneOfABatchVerifyingStartsTheNextAndWallTimeAddsUpPerBatch() {
    RunOutcome o = run(table(Map.of(
        A, new Row(AttemptStatus.FAILED, 30, 0.1),
        B, new Row(AttemptStatus.AGENT_ERROR, 70, 0.1),
        C, new Row(AttemptStatus.VERIFIED, 10, 0.1))), 5, null, 2, List.of(A, B, C));
    assertThat(o.stopReason()).isEqualTo(RunOutcome.StopReason.VERIFIED);
    assertThat(o.attempts()).extracting(AttemptResult::route).containsExactly(A, B, C);
    assertThat(o.wallMs()).isEqualTo(70 + 10);
    assertThat(records).extracting(MemoryRecord::raceId).containsExactly("run-1-race1", "run-1-race1", null);
  }

  @Test
  void maxAttemptsCountsEveryStartedAttemptAndBudgetStopsTheNextBatch() {
    Map<Route, Row> failing = Map.of(
        A, new Row(AttemptStatus.FAILED, 1, 0.3), B, new Row(AttemptStatus.FAILED, 1, 0.3),
        C, new Row(AttemptStatus.FAILED, 1, 0.3), D, new Row(AttemptStatus.FAILED, 1, 0.3));
    RunOutcome capped = run(table(failing), 3, null, 2, List.of(A, B, C, D));
    assertThat(capped.attempts()).hasSize(3);
    assertThat(capped.stopReason()).isEqualTo(RunOutcome.StopReason.MAX_ATTEMPTS);
    RunOutcome budget = run(table(failing), 9, 0.5, 2, List.of(A, B, C, D));
    assertThat(budget.attempts()).hasSize(2);
    assertThat(budget.stopReason()).isEqualTo(RunOutcome.StopReason.BUDGET);
  }

  @Test
  void aRacerThatCouldNotRunLeavesItsPlaceInMaxAttemptsToTheNextBatch() {
    // Two at a time, at most two attempts: A could not run, so after the first batch one
    // attempt is left, and C gets it (one at a time, as the room left says).
    RunOutcome o = run(table(Map.of(
        A, new Row(AttemptStatus.INFRA_ERROR, 1, 0), B, new Row(AttemptStatus.FAILED, 1, 0.3),
        C, new Row(AttemptStatus.VERIFIED, 1, 0.3), D, new Row(AttemptStatus.VERIFIED, 1, 0.3))), 2, null, 2,
        List.of(A, B, C, D));
    assertThat(o.stopReason()).isEqualTo(RunOutcome.StopReason.VERIFIED);
    assertThat(o.attempts()).extracting(AttemptResult::route).containsExactly(A, B, C);
    assertThat(records).extracting(MemoryRecord::raceId).containsExactly("run-1-race1", "run-1-race1", null);
  }

  @Test
  void liveAttemptsRunAtOnceAndTheLoserIsCancelledThroughItsToken() {
    CountDownLatch slowStarted = new CountDownLatch(1);
    AttemptExecutor live = new AttemptExecutor() {
      @Override
      public AttemptResult attempt(Task task, Route route, int n) {
        throw new AssertionError("a race passes a token");
      }

      @Override
      public AttemptResult attempt(Task task, Route route, int n, Cancellation cancel) throws InterruptedException {
        if (route.equals(A)) {
          CountDownLatch stopped = new CountDownLatch(1);
          cancel.onCancel(stopped::countDown);
          slowStarted.countDown();
          stopped.await();
          return new AttemptResult(route, AttemptStatus.INTERRUPTED, false, 0, false, null, 5, 0.25, 1L, 1L);
        }
        // B verifies only once A runs, so both really ran at once.
        slowStarted.await();
        return new AttemptResult(route, AttemptStatus.VERIFIED, true, 1, true, 0, 5, 0.5, 1L, 1L);
      }

      @Override
      public boolean concurrent() {
        return true;
      }
    };
    RunOutcome o = run(live, 3, null, 2, List.of(A, B));
    assertThat(o.stopReason()).isEqualTo(RunOutcome.StopReason.VERIFIED);
    assertThat(o.finalAttempt().route()).isEqualTo(B);
    AttemptResult loser = o.attempts().get(0);
    assertThat(loser.status()).isEqualTo(AttemptStatus.CANCELLED);
    assertThat(loser.costUsd()).as("its reported cost still counts").isEqualTo(0.25);
    assertThat(o.totalCost()).isEqualTo(0.75);
    assertThat(records).extracting(MemoryRecord::status).containsExactlyInAnyOrder("verified", "cancelled");
  }

  @Test
  void interruptedWhileWaitingEveryAttemptIsStoppedAndRecordedInterrupted() {
    CountDownLatch bothStarted = new CountDownLatch(2);
    Thread caller = Thread.currentThread();
    AttemptExecutor live = new AttemptExecutor() {
      @Override
      public AttemptResult attempt(Task task, Route route, int n) throws InterruptedException {
        bothStarted.countDown();
        if (bothStarted.getCount() == 0) {
          caller.interrupt();
        }
        Thread.sleep(60_000);
        throw new AssertionError("not interrupted");
      }

      @Override
      public boolean concurrent() {
        return true;
      }
    };
    RunOutcome o = run(live, 3, null, 2, List.of(A, B, C));
    assertThat(Thread.interrupted()).isTrue();
    assertThat(o.stopReason()).isEqualTo(RunOutcome.StopReason.INTERRUPTED);
    assertThat(o.attempts()).extracting(AttemptResult::status).containsOnly(AttemptStatus.INTERRUPTED).hasSize(2);
    assertThat(records).hasSize(2);
  }

  @Test
  void aRaceEndsWhereARunOneAtATimeWouldHaveStoppedAndThatAttemptStands() {
    // A router that stops once an attempt passed half its tests. A and B race; neither verifies;
    // A scored 0.8, B 0. One at a time, the run would have stopped after A with 0.8: so does the
    // race, and A's result stands, though B (paid for) started later.
    Router stopsOnAGoodPartial = new Router() {
      @Override
      public String name() {
        return "partial";
      }

      @Override
      public List<Route> plan(Task task, List<AttemptResult> soFar) {
        if (soFar.stream().anyMatch(a -> a.performance() >= 0.5)) {
          return List.of();
        }
        return List.of(A, B, C).stream().filter(r -> soFar.stream().noneMatch(a -> a.route().equals(r))).toList();
      }
    };
    AttemptExecutor scores = (task, route, n) -> new AttemptResult(route, AttemptStatus.FAILED, false,
        route.equals(A) ? 0.8 : 0.0, true, 1, 10, 0.1, 1L, 1L);
    RunOutcome o = new RunLoop(stopsOnAGoodPartial, scores, records::add, new RunLoop.Limits(3, null, 2), "replay", true,
        Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).run(TASK, "run-1", RunLoop.SILENT);
    assertThat(o.attempts()).extracting(AttemptResult::route).containsExactly(A, B);
    assertThat(o.stopReason()).isEqualTo(RunOutcome.StopReason.PLAN_EXHAUSTED);
    assertThat(o.finalAttempt().route()).isEqualTo(A);
    assertThat(o.performance()).isEqualTo(0.8);
    assertThat(o.totalCost()).isEqualTo(0.2);
    // Had A scored 0.2, one at a time would have gone on to B: B stands, and C runs next.
    AttemptExecutor low = (task, route, n) -> new AttemptResult(route, AttemptStatus.FAILED, false,
        route.equals(A) ? 0.2 : 0.0, true, 1, 10, 0.1, 1L, 1L);
    RunOutcome on = new RunLoop(stopsOnAGoodPartial, low, records::add, new RunLoop.Limits(3, null, 2), "replay", true,
        Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).run(TASK, "run-2", RunLoop.SILENT);
    assertThat(on.attempts()).extracting(AttemptResult::route).containsExactly(A, B, C);
    assertThat(on.finalAttempt().route()).isEqualTo(C);
  }

  @Test
  void anInfraErrorStopsTheRacersItRulesOutAndNoLaterBatchStartsTheTool() {
    // Routes of tool "x" and of tool "y": x1 is not signed in; x2, racing beside it, would fail
    // the same way, so it is stopped and recorded with that reason; y1 fails on its own; the
    // next batch leaves x3 out, as a sequential run would, and runs y2.
    Route x1 = new Route("x", "m1");
    Route x2 = new Route("x", "m2");
    Route x3 = new Route("x", "m3");
    Route y1 = new Route("y", "m1");
    Route y2 = new Route("y", "m2");
    CountDownLatch x1Failed = new CountDownLatch(1);
    List<Route> started = Collections.synchronizedList(new ArrayList<>());
    AttemptExecutor live = new BatchTest.Scripted() {
      @Override
      public AttemptResult attempt(Task task, Route route, int n, Cancellation cancel) throws InterruptedException {
        started.add(route);
        if (route.equals(x1)) {
          x1Failed.countDown();
          return new AttemptResult(route, AttemptStatus.INFRA_ERROR, false, 0, false, 1, 5, null, null, null,
              "not signed in", null, null);
        }
        if (route.equals(x2)) {
          CountDownLatch stopped = new CountDownLatch(1);
          cancel.onCancel(stopped::countDown);
          if (!stopped.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("x2 was not stopped when x1's tool turned out not signed in");
          }
          return new AttemptResult(route, AttemptStatus.INTERRUPTED, false, 0, false, null, 5, 0.02, 1L, 1L);
        }
        if (route.equals(y1)) {
          x1Failed.await();
          return new AttemptResult(route, AttemptStatus.FAILED, false, 0, true, 1, 5, 0.1, 1L, 1L);
        }
        return new AttemptResult(route, AttemptStatus.VERIFIED, true, 1, true, 0, 5, 0.1, 1L, 1L);
      }
    };
    dev.acr.policy.Fallback fallback = new dev.acr.policy.Fallback(Map.of(), List.of());
    List<Route> chain = List.of(x1, x2, y1, x3, y2);
    Router racing = new dev.acr.policy.RacingRouter(new FixedChainRouter("test", chain, fallback), t -> List.of(), 3,
        false, 60, new dev.acr.policy.RacingRouter.Known(new dev.acr.memory.RouteTimes(), fallback, Map.of()));
    RunOutcome o = new RunLoop(racing, live, records::add, new RunLoop.Limits(8, null, 3), "live", true,
        Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).run(TASK, "run-1", RunLoop.SILENT);
    assertThat(o.stopReason()).isEqualTo(RunOutcome.StopReason.VERIFIED);
    assertThat(started).doesNotContain(x3);
    assertThat(o.attempts()).extracting(a -> a.route().name() + "=" + a.status().id() + "/" + a.reason())
        .containsExactly("x:m1=infra_error/not signed in", "x:m2=infra_error/not signed in", "y:m1=failed/null",
            "y:m2=verified/null");
    assertThat(o.attempts().get(1).costUsd()).as("what it reported still counts").isEqualTo(0.02);
  }

  @Test
  void aBudgetKeepsEachBatchWithinWhatItLeavesByTheEstimatedCosts() {
    // $1 of budget; the estimates say A and B cost $0.6 each, C $0.3: A and B together would
    // overrun it, so the first batch is A alone; then $0.5 is left for B ($0.6) alone.
    Map<Route, Double> cost = Map.of(A, 0.6, B, 0.6, C, 0.3, D, 0.3);
    java.util.function.Function<Task, List<dev.acr.policy.RouteEstimate>> estimates = t -> List.of(A, B, C, D).stream()
        .map(r -> new dev.acr.policy.RouteEstimate(r, 0.5, cost.get(r), 0, "test")).toList();
    Router racing = new dev.acr.policy.RacingRouter(new FixedChainRouter("test", List.of(A, B, C, D)), estimates, 3, false, 60);
    RunLoop loop = new RunLoop(racing, table(Map.of(
        A, new Row(AttemptStatus.FAILED, 10, 0.5),
        B, new Row(AttemptStatus.FAILED, 10, 0.6),
        C, new Row(AttemptStatus.FAILED, 10, 0.3),
        D, new Row(AttemptStatus.VERIFIED, 10, 0.3))), records::add,
        new RunLoop.Limits(8, 1.0, 3), "replay", true, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    RunOutcome o = loop.run(TASK, "run-1", RunLoop.SILENT);
    assertThat(o.attempts()).extracting(AttemptResult::route).containsExactly(A, B);
    assertThat(o.stopReason()).isEqualTo(RunOutcome.StopReason.BUDGET);
    assertThat(o.raceIds()).containsExactly(null, null);
    // Without a budget the same router races three at once, and the outcome names the race.
    RunOutcome free = new RunLoop(racing, table(Map.of(
        A, new Row(AttemptStatus.FAILED, 10, 0.5),
        B, new Row(AttemptStatus.FAILED, 10, 0.6),
        C, new Row(AttemptStatus.FAILED, 10, 0.3),
        D, new Row(AttemptStatus.VERIFIED, 10, 0.3))), records::add,
        new RunLoop.Limits(8, null, 3), "replay", true, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).run(TASK, "run-2", RunLoop.SILENT);
    assertThat(free.raceIds()).containsExactly("run-2-race1", "run-2-race1", "run-2-race1", null);
  }
}
