package dev.acr.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Live races: which verified racer is applied, which racers are let finish, what a stopped one is recorded as. */
class BatchTest {
  static final Route A = new Route("a", "m1");
  static final Route B = new Route("b", "m2");
  static final Route C = new Route("c", null);
  static final Task TASK = new Task("k", "fix it", null, null, "java");

  static AttemptResult result(Route r, AttemptStatus s, Double cost) {
    boolean ok = s == AttemptStatus.VERIFIED;
    return new AttemptResult(r, s, ok, ok ? 1 : 0, ok, 0, 5, cost, 1L, 1L);
  }

  static AttemptResult infra(Route r, String reason) {
    return new AttemptResult(r, AttemptStatus.INFRA_ERROR, false, 0, false, 1, 5, 0.01, 1L, 1L, reason, null, null);
  }

  /** A live executor whose attempts are scripted per route; it records what it was asked to deliver. */
  abstract static class Scripted implements AttemptExecutor {
    final List<Integer> delivered = Collections.synchronizedList(new ArrayList<>());
    /** Attempts whose change fails its recheck in the user's tree (recorded acr_error). */
    final List<Integer> failsInTheUsersTree = new ArrayList<>();

    @Override
    public AttemptResult attempt(Task task, Route route, int n) {
      throw new AssertionError("a race passes a token");
    }

    @Override
    public Delivered deliver(Task task, AttemptResult verified, int n) {
      delivered.add(n);
      return failsInTheUsersTree.contains(n) ? new Delivered(result(verified.route(), AttemptStatus.ACR_ERROR, 0.1), false)
          : new Delivered(verified, true);
    }

    @Override
    public boolean concurrent() {
      return true;
    }
  }

  static void await(CountDownLatch latch) throws InterruptedException {
    assertThat(latch.await(60, TimeUnit.SECONDS)).as("the other racer got there").isTrue();
  }

  /** Waits until the batch stops this attempt, as a stopped agent would. */
  static void awaitStop(Cancellation cancel) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    cancel.onCancel(stopped::countDown);
    await(stopped);
  }

  /** Racers whose agents all finish, then whose tests all pass together: each ends as {@code end} says. */
  static Scripted verifyingTogether(int racers, java.util.function.Function<Route, AttemptResult> end) {
    CountDownLatch allTesting = new CountDownLatch(racers);
    return new Scripted() {
      @Override
      public AttemptResult attempt(Task task, Route route, int n, Cancellation cancel) throws InterruptedException {
        cancel.agentFinished();
        allTesting.countDown();
        await(allTesting);
        return end.apply(route);
      }
    };
  }

  Map<Integer, AttemptResult> recorded = new ConcurrentHashMap<>();

  Batch.Result race(AttemptExecutor exec, Batch.Rules rules, Route... routes) {
    return Batch.run(exec, TASK, List.of(routes), 1, rules, recorded::put);
  }

  @Test
  void aCheaperRacerAlreadyTestingWhenADearerOneVerifiesIsLetFinishAndApplied() {
    CountDownLatch cheapTesting = new CountDownLatch(1);
    CountDownLatch dearDone = new CountDownLatch(1);
    Scripted exec = new Scripted() {
      @Override
      public AttemptResult attempt(Task task, Route route, int n, Cancellation cancel) throws InterruptedException {
        if (route.equals(A)) { // dear, first in the plan, verifies first
          await(cheapTesting);
          cancel.agentFinished();
          dearDone.countDown();
          return result(A, AttemptStatus.VERIFIED, 1.0);
        }
        if (route.equals(B)) { // cheap: its agent is done before A verifies; its tests end after
          cancel.agentFinished();
          cheapTesting.countDown();
          await(dearDone);
          return result(B, AttemptStatus.VERIFIED, 0.2);
        }
        awaitStop(cancel); // C's agent still works when A verifies: stopped at once
        return result(C, AttemptStatus.INTERRUPTED, 0.05);
      }
    };
    Batch.Rules patient = new Batch.Rules() {
      @Override
      public long letFinishMs(long winnerTestsMs) {
        return 60_000; // not what is tested here: a loaded machine may be slow to wake B
      }
    };
    Batch.Result r = race(exec, patient, A, B, C);
    assertThat(r.winner()).isEqualTo(1);
    assertThat(exec.delivered).as("only the cheaper is brought into the user's tree").containsExactly(2);
    assertThat(r.attempts()).extracting(AttemptResult::status)
        .containsExactly(AttemptStatus.CANCELLED, AttemptStatus.VERIFIED, AttemptStatus.CANCELLED);
    assertThat(r.attempts().get(0).reason()).contains("attempt 2 was chosen");
    assertThat(r.attempts().get(0).costUsd()).as("the loser's cost still counts").isEqualTo(1.0);
    assertThat(recorded).containsOnlyKeys(1, 2, 3);
  }

  @Test
  void theWaitForOthersTestsIsBoundedAndAnUnreportedCostIsTheRoutesGuess() {
    // A reports no cost: its guess, $0.1, counts.
    Scripted exec = verifyingTogether(2, route -> result(route, AttemptStatus.VERIFIED, route.equals(A) ? null : 0.5));
    Batch.Rules guess = new Batch.Rules() {
      @Override
      public Double costGuessUsd(Route route) {
        return route.equals(A) ? 0.1 : null;
      }
    };
    assertThat(race(exec, guess, B, A).winner()).as("B reported $0.5, A is guessed at $0.1").isEqualTo(1);

    // Waiting for others' tests no time at all: the racer still testing is stopped.
    CountDownLatch winnerBack = new CountDownLatch(1);
    Scripted slowTests = new Scripted() {
      @Override
      public AttemptResult attempt(Task task, Route route, int n, Cancellation cancel) throws InterruptedException {
        cancel.agentFinished();
        if (route.equals(A)) {
          winnerBack.countDown();
          return result(A, AttemptStatus.VERIFIED, 1.0);
        }
        await(winnerBack);
        awaitStop(cancel);
        return result(B, AttemptStatus.INTERRUPTED, 0.2);
      }
    };
    Batch.Rules noWait = new Batch.Rules() {
      @Override
      public long letFinishMs(long winnerTestsMs) {
        return 0;
      }
    };
    Batch.Result r = race(slowTests, noWait, A, B);
    assertThat(r.winner()).isZero();
    assertThat(r.attempts().get(1).status()).isEqualTo(AttemptStatus.CANCELLED);
    assertThat(slowTests.delivered).containsExactly(1);
  }

  @Test
  void whenTheCheapestsChangeFailsInTheUsersTreeTheNextVerifiedIsApplied() {
    Scripted exec = verifyingTogether(2, route -> result(route, AttemptStatus.VERIFIED, route.equals(A) ? 0.1 : 0.9));
    exec.failsInTheUsersTree.add(1);
    Batch.Result r = race(exec, Batch.Rules.NONE, A, B);
    assertThat(exec.delivered).containsExactly(1, 2);
    assertThat(r.winner()).isEqualTo(1);
    assertThat(r.attempts()).extracting(AttemptResult::status).containsExactly(AttemptStatus.ACR_ERROR, AttemptStatus.VERIFIED);
  }

  @Test
  void aRacerThatEndedOnItsOwnAsTheStopCameKeepsWhatItEndedWith() {
    Scripted exec = new Scripted() {
      @Override
      public AttemptResult attempt(Task task, Route route, int n, Cancellation cancel) throws InterruptedException {
        if (route.equals(C)) {
          return result(C, AttemptStatus.VERIFIED, 0.3);
        }
        awaitStop(cancel); // the stop arrives, but each had ended on its own: failed, not signed in
        return route.equals(A) ? result(A, AttemptStatus.FAILED, 0.2) : infra(B, "not signed in");
      }
    };
    Batch.Result r = race(exec, Batch.Rules.NONE, A, B, C);
    assertThat(r.winner()).isEqualTo(2);
    assertThat(r.attempts()).extracting(AttemptResult::status)
        .containsExactly(AttemptStatus.FAILED, AttemptStatus.INFRA_ERROR, AttemptStatus.VERIFIED);
    assertThat(r.attempts().get(1).reason()).isEqualTo("not signed in");
  }

  @Test
  void onlyAnAttemptStoppedByTheCancelIsCancelled() {
    Cancellation stopped = new Cancellation();
    stopped.cancel();
    Cancellation running = new Cancellation();
    AttemptResult interrupted = result(A, AttemptStatus.INTERRUPTED, 0.4);
    assertThat(Batch.ended(interrupted, stopped, null).status()).isEqualTo(AttemptStatus.CANCELLED);
    assertThat(Batch.ended(interrupted, stopped, null).costUsd()).isEqualTo(0.4);
    assertThat(Batch.ended(interrupted, running, null).status()).as("Ctrl-C, not a cancel").isEqualTo(AttemptStatus.INTERRUPTED);
    assertThat(Batch.ended(result(A, AttemptStatus.FAILED, 0.4), stopped, null).status()).isEqualTo(AttemptStatus.FAILED);
    assertThat(Batch.ended(infra(A, "quota"), stopped, null).reason()).isEqualTo("quota");
    AttemptResult sibling = Batch.ended(interrupted, stopped, infra(B, "not signed in"));
    assertThat(sibling.status()).isEqualTo(AttemptStatus.INFRA_ERROR);
    assertThat(sibling.reason()).isEqualTo("not signed in");
  }
}
