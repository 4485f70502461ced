package dev.acr.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A batch of live attempts, each on its own thread. When one verifies, the racers whose agents
 * still work are stopped at once; those already running their tests may finish them, for at
 * most {@link Batch.Rules#letFinishMs} (about as long as the winner's tests took), so several
 * verifying together are compared, not raced to the apply. Then the cheapest verified (reported
 * cost, else the route's expected cost, an unknown cost counting as dearer than any known; ties:
 * the one started first) is delivered; if its change fails in the user's tree the next one is
 * tried. A racer hitting an infra error that rules out other racers' routes (the same tool not
 * signed in, the same provider's quota) stops those still in their agent run.
 */
final class LiveRace {
  private final AttemptExecutor executor;
  private final Task task;
  private final List<Route> routes;
  private final int firstNumber;
  private final Batch.Rules rules;
  private final BiConsumer<Integer, AttemptResult> finished;
  private final int n;
  private final AttemptResult[] results;
  private final Cancellation[] tokens;
  /** For a racer stopped because another's infra error rules its route out: that error. */
  private final AttemptResult[] stoppedFor;
  private final List<Integer> verified = new ArrayList<>();
  private boolean interrupted;

  private LiveRace(AttemptExecutor executor, Task task, List<Route> routes, int firstNumber, Batch.Rules rules,
      BiConsumer<Integer, AttemptResult> finished) {
    this.executor = executor;
    this.task = task;
    this.routes = routes;
    this.firstNumber = firstNumber;
    this.rules = rules;
    this.finished = finished;
    this.n = routes.size();
    this.results = new AttemptResult[n];
    this.tokens = new Cancellation[n];
    this.stoppedFor = new AttemptResult[n];
  }

  static Batch.Result run(AttemptExecutor executor, Task task, List<Route> routes, int firstNumber, Batch.Rules rules,
      BiConsumer<Integer, AttemptResult> finished) {
    return new LiveRace(executor, task, routes, firstNumber, rules, finished).run();
  }

  private Batch.Result run() {
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "acr-race-attempt");
      t.setDaemon(true);
      return t;
    });
    CompletionService<AttemptResult> done = new ExecutorCompletionService<>(pool);
    Map<Future<AttemptResult>, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Cancellation token = new Cancellation();
      tokens[i] = token;
      Route route = routes.get(i);
      int number = firstNumber + i;
      index.put(done.submit(() -> Batch.attemptOrInterrupted(executor, task, route, number, token)), i);
    }
    try {
      long deadline = 0;
      boolean waiting = false;
      for (int left = n; left > 0; ) {
        Future<AttemptResult> f;
        try {
          f = waiting ? done.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS) : done.take();
        } catch (InterruptedException e) {
          // Ctrl-C: stop every attempt's tree (their threads' interrupts), then collect them.
          interrupted = true;
          pool.shutdownNow();
          f = takeUninterruptibly(done);
        }
        if (f == null) {
          // The others' tests took too long: they are stopped and arrive cancelled.
          waiting = false;
          stopRunning();
          continue;
        }
        left--;
        int i = index.get(f);
        AttemptResult r = Batch.ended(get(f), tokens[i], stoppedFor[i]);
        if (r.resolved() && interrupted) {
          r = Batch.interrupted(r); // after Ctrl-C nothing is delivered
        }
        results[i] = r;
        if (r.resolved()) {
          if (verified.isEmpty()) {
            long waitMs = letFinish(i);
            waiting = waitMs >= 0;
            deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, waitMs));
          }
          verified.add(i); // recorded once the cheapest is chosen and delivered
          continue;
        }
        stopRuledOut(r);
        finished.accept(firstNumber + i, r);
      }
      int winner = deliverCheapest();
      return new Batch.Result(List.of(results), winner, (System.nanoTime() - start) / 1_000_000);
    } finally {
      pool.shutdownNow();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Attempt {@code winner} just verified: stops the racers whose agents still work and returns
   * how long those already testing may take (-1 when none is).
   */
  private long letFinish(int winner) {
    long now = System.nanoTime();
    long testsFrom = tokens[winner].agentFinishedAt();
    long testsMs = testsFrom < 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(now - testsFrom);
    boolean anyTesting = false;
    for (int j = 0; j < n; j++) {
      if (results[j] == null) {
        if (tokens[j].agentFinishedAt() >= 0) {
          anyTesting = true;
        } else {
          tokens[j].cancel();
        }
      }
    }
    return anyTesting ? rules.letFinishMs(testsMs) : -1;
  }

  private void stopRunning() {
    for (int j = 0; j < n; j++) {
      if (results[j] == null) {
        tokens[j].cancel();
      }
    }
  }

  /** After an infra error: the racers still in their agent run whose routes it rules out are stopped. */
  private void stopRuledOut(AttemptResult ended) {
    if (ended.status() != AttemptStatus.INFRA_ERROR) {
      return;
    }
    for (int j = 0; j < n; j++) {
      if (results[j] == null && !tokens[j].isCancelled() && tokens[j].agentFinishedAt() < 0
          && rules.stopsAfter(routes.get(j), ended) != null) {
        stoppedFor[j] = ended;
        tokens[j].cancel();
      }
    }
  }

  /**
   * Delivers the cheapest verified attempt (the next when its change fails in the user's tree or
   * is refused); records the verified ones. Returns the winner's index, -1 when none.
   */
  private int deliverCheapest() {
    List<Integer> order = new ArrayList<>(verified);
    order.sort(Comparator.<Integer>comparingDouble(this::costForChoice).thenComparing(i -> i));
    int winner = -1;
    int refused = -1;
    for (int i : order) {
      if (interrupted || Thread.currentThread().isInterrupted()) {
        results[i] = Batch.interrupted(results[i]);
      } else if (winner < 0) {
        AttemptExecutor.Delivered d = Batch.deliverOrInterrupted(executor, task, results[i], firstNumber + i);
        results[i] = d.result();
        if (d.result().resolved() && d.inTree()) {
          winner = i;
        } else if (d.result().resolved() && refused < 0) {
          refused = i; // not applied (the user's tree changed, say): the run reports it if no other goes in
        }
      }
    }
    if (winner < 0) {
      winner = refused;
    }
    for (int i : order) {
      if (i != winner && results[i].resolved()) {
        results[i] = Batch.cancelled(results[i], results[i].durationMs(), results[i].costUsd(),
            "verified too; attempt " + (firstNumber + winner) + " was chosen, the cheapest verified that went in");
      }
      finished.accept(firstNumber + i, results[i]);
    }
    return winner;
  }

  /** The cost that orders verified racers: reported, else the route's expected cost, else dearer than any. */
  private double costForChoice(int i) {
    if (results[i].costUsd() != null) {
      return results[i].costUsd();
    }
    Double guess = rules.costGuessUsd(results[i].route());
    return guess != null ? guess : Double.MAX_VALUE;
  }

  private static Future<AttemptResult> takeUninterruptibly(CompletionService<AttemptResult> done) {
    while (true) {
      try {
        return done.take();
      } catch (InterruptedException again) {
        // Already stopping every attempt; a second Ctrl-C changes nothing.
      }
    }
  }

  private static AttemptResult get(Future<AttemptResult> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw Failures.rethrow(e);
    } catch (InterruptedException e) {
      throw new IllegalStateException("a finished attempt cannot block", e);
    }
  }
}
