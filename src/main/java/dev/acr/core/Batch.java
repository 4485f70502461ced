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
import java.util.function.BiConsumer;

/**
 * One batch of a race: several routes attempted at once, the first to finish verified wins and
 * the others are cancelled. Several verified at the same moment: the cheaper wins (then the one
 * started first), so a race is deterministic. A batch of one is an ordinary attempt.
 *
 * <p>A live executor ({@link AttemptExecutor#concurrent()}) runs each attempt on its own thread
 * and "first" is wall-clock order. A replay's table lookups return at once, so they are looked up
 * in turn and "first" is by their durations: an attempt that would have finished after the winner
 * is cancelled at the winner's time and pays for the share of its run it got.
 */
public final class Batch {

  /** A batch's results in start order, the winner's index (-1 when none) and its wall time. */
  public record Result(List<AttemptResult> attempts, int winner, long wallMs) {}

  private Batch() {}

  /**
   * Runs {@code routes} as attempts {@code firstNumber}, {@code firstNumber + 1}, ...; {@code
   * finished} hears each result on the calling thread in finishing order. Interrupted (Ctrl-C):
   * every attempt is stopped, each reports {@code interrupted}, and the interrupt flag stays set.
   */
  public static Result run(
      AttemptExecutor executor, Task task, List<Route> routes, int firstNumber, BiConsumer<Integer, AttemptResult> finished) {
    if (routes.size() == 1) {
      AttemptResult r = attemptOrInterrupted(executor, task, routes.get(0), firstNumber, Cancellation.none());
      finished.accept(firstNumber, r);
      return new Result(List.of(r), r.resolved() ? 0 : -1, r.durationMs());
    }
    return executor.concurrent()
        ? concurrently(executor, task, routes, firstNumber, finished)
        : byDuration(executor, task, routes, firstNumber, finished);
  }

  private static Result concurrently(
      AttemptExecutor executor, Task task, List<Route> routes, int firstNumber, BiConsumer<Integer, AttemptResult> finished) {
    int n = routes.size();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "acr-race-attempt");
      t.setDaemon(true);
      return t;
    });
    CompletionService<AttemptResult> done = new ExecutorCompletionService<>(pool);
    Map<Future<AttemptResult>, Integer> index = new HashMap<>();
    List<Cancellation> tokens = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Cancellation token = new Cancellation();
      tokens.add(token);
      Route route = routes.get(i);
      int number = firstNumber + i;
      index.put(done.submit(() -> attemptOrInterrupted(executor, task, route, number, token)), i);
    }
    AttemptResult[] results = new AttemptResult[n];
    int winner = -1;
    boolean interrupted = false;
    try {
      for (int left = n; left > 0; ) {
        List<Future<AttemptResult>> now = new ArrayList<>();
        try {
          now.add(done.take());
        } catch (InterruptedException e) {
          // Ctrl-C: stop every attempt's tree (their threads' interrupts), then collect them.
          interrupted = true;
          pool.shutdownNow();
          now.add(takeUninterruptibly(done));
        }
        for (Future<AttemptResult> f = done.poll(); f != null; f = done.poll()) {
          now.add(f);
        }
        left -= now.size();
        List<Integer> arrived = new ArrayList<>();
        for (Future<AttemptResult> f : now) {
          int i = index.get(f);
          results[i] = cancelledIfStopped(get(f), tokens.get(i));
          arrived.add(i);
        }
        if (winner < 0 && !interrupted) {
          winner = cheapestVerified(results, arrived);
          if (winner >= 0) {
            for (int i = 0; i < n; i++) {
              if (i != winner && results[i] == null) {
                tokens.get(i).cancel();
              }
            }
          }
        }
        for (int i : arrived) {
          if (winner >= 0 && i != winner && results[i].resolved()) {
            results[i] = cancelled(results[i], results[i].durationMs(), results[i].costUsd());
          }
          finished.accept(firstNumber + i, results[i]);
        }
      }
    } finally {
      pool.shutdownNow();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return new Result(List.of(results), winner, (System.nanoTime() - start) / 1_000_000);
  }

  private static Result byDuration(
      AttemptExecutor executor, Task task, List<Route> routes, int firstNumber, BiConsumer<Integer, AttemptResult> finished) {
    int n = routes.size();
    AttemptResult[] results = new AttemptResult[n];
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      results[i] = attemptOrInterrupted(executor, task, routes.get(i), firstNumber + i, Cancellation.none());
      all.add(i);
    }
    Comparator<Integer> byFinish = Comparator.comparingLong(i -> results[i].durationMs());
    all.sort(byFinish);
    long first = all.stream().filter(i -> results[i].resolved()).mapToLong(i -> results[i].durationMs()).min().orElse(-1);
    int winner = first < 0 ? -1
        : cheapestVerified(results, all.stream().filter(i -> results[i].durationMs() == first).toList());
    long wall = winner >= 0 ? first : results[all.get(n - 1)].durationMs();
    for (int i : all) {
      AttemptResult r = results[i];
      if (winner >= 0 && i != winner && (r.durationMs() > first || r.resolved())) {
        // Stopped at the winner's moment: it ran for that long and paid for that share.
        double share = r.durationMs() == 0 ? 1.0 : (double) first / r.durationMs();
        results[i] = cancelled(r, first, r.costUsd() == null ? null : r.costUsd() * share);
      }
      finished.accept(firstNumber + i, results[i]);
    }
    return new Result(List.of(results), winner, wall);
  }

  /** Among the verified results at {@code candidates}, the cheapest, then the one started first; -1 if none. */
  static int cheapestVerified(AttemptResult[] results, List<Integer> candidates) {
    return candidates.stream()
        .filter(i -> results[i].resolved())
        .min(Comparator.<Integer>comparingDouble(i -> results[i].costOrZero()).thenComparing(i -> i))
        .orElse(-1);
  }

  private static AttemptResult attemptOrInterrupted(
      AttemptExecutor executor, Task task, Route route, int number, Cancellation token) {
    try {
      return executor.attempt(task, route, number, token);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new AttemptResult(route, AttemptStatus.INTERRUPTED, false, 0, false, null, 0, null, null, null);
    }
  }

  /** An attempt stopped because another won is cancelled, whatever its executor made of the stop. */
  private static AttemptResult cancelledIfStopped(AttemptResult r, Cancellation token) {
    return token.isCancelled() && r.status() != AttemptStatus.CANCELLED ? cancelled(r, r.durationMs(), r.costUsd()) : r;
  }

  private static AttemptResult cancelled(AttemptResult r, long durationMs, Double costUsd) {
    return new AttemptResult(r.route(), AttemptStatus.CANCELLED, false, 0.0, false, null, durationMs, costUsd,
        r.inputTokens(), r.outputTokens(), null, r.modelUsed(), null);
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
