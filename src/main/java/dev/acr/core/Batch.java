package dev.acr.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One batch of a race: several routes attempted at once; an attempt that verifies wins and the
 * others are cancelled. A batch of one is an ordinary attempt.
 *
 * <p>A live executor ({@link AttemptExecutor#concurrent()}) runs each attempt on its own thread
 * ({@link LiveRace}): when one verifies, the racers whose agents still work are stopped, those
 * already running their tests may finish them (for a bounded time, {@link Rules#letFinishMs}),
 * and the cheapest of the verified is applied. A replay's table lookups return at once, so they
 * are looked up in turn and the race is decided by their durations: the first to finish verified
 * wins (at the same moment: the cheaper, then the one started first); an attempt that would have
 * finished after the winner is cancelled at the winner's time and pays for the share of its run
 * it got.
 */
public final class Batch {

  /** A batch's results in start order, the winner's index (-1 when none) and its wall time. */
  public record Result(List<AttemptResult> attempts, int winner, long wallMs) {}

  /** The longest a verified racer waits for others' tests to finish, whatever its own took. */
  public static final long LET_FINISH_MAX_MS = 60_000;
  /** Added to the winner's own test time when waiting for the others'. */
  public static final long LET_FINISH_GRACE_MS = 5_000;

  /**
   * What a router tells a race about its routes (its defaults: nothing known, and the documented
   * wait). See {@link Router#raceRules}.
   */
  public interface Rules {
    Rules NONE = new Rules() {};

    /** An attempt's expected cost on {@code route}, for a verified attempt that reported none; null when unknown. */
    default Double costGuessUsd(Route route) {
      return null;
    }

    /**
     * Why a racer on {@code running} should stop now that another ended as {@code ended} (e.g.
     * "codex: not signed in": the same tool would fail the same way), or null to let it run.
     */
    default String stopsAfter(Route running, AttemptResult ended) {
      return null;
    }

    /**
     * How long racers already running their tests when one verified may still take: as long
     * again as the winner's tests took plus a grace, at most {@link #LET_FINISH_MAX_MS}.
     */
    default long letFinishMs(long winnerTestsMs) {
      return Math.min(winnerTestsMs + LET_FINISH_GRACE_MS, LET_FINISH_MAX_MS);
    }
  }

  private Batch() {}

  /**
   * Runs {@code routes} as attempts {@code firstNumber}, {@code firstNumber + 1}, ...; {@code
   * finished} hears each result on the calling thread (a verified one after it was delivered).
   * Interrupted (Ctrl-C): every attempt is stopped, each reports {@code interrupted}, nothing is
   * delivered, and the interrupt flag stays set.
   */
  public static Result run(AttemptExecutor executor, Task task, List<Route> routes, int firstNumber, Rules rules,
      BiConsumer<Integer, AttemptResult> finished) {
    if (routes.size() == 1) {
      AttemptResult r = attemptOrInterrupted(executor, task, routes.get(0), firstNumber, Cancellation.none());
      if (r.resolved()) {
        r = deliverOrInterrupted(executor, task, r, firstNumber).result();
      }
      finished.accept(firstNumber, r);
      return new Result(List.of(r), r.resolved() ? 0 : -1, r.durationMs());
    }
    return executor.concurrent()
        ? LiveRace.run(executor, task, routes, firstNumber, rules, finished)
        : byDuration(executor, task, routes, firstNumber, finished);
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
    if (winner >= 0) {
      results[winner] = deliverOrInterrupted(executor, task, results[winner], firstNumber + winner).result();
    }
    for (int i : all) {
      AttemptResult r = results[i];
      if (winner >= 0 && i != winner && (r.durationMs() > first || r.resolved())) {
        // Stopped at the winner's moment: it ran for that long and paid for that share.
        double share = r.durationMs() == 0 ? 1.0 : (double) first / r.durationMs();
        results[i] = cancelled(r, first, r.costUsd() == null ? null : r.costUsd() * share, null);
      }
      finished.accept(firstNumber + i, results[i]);
    }
    return new Result(List.of(results), winner >= 0 && results[winner].resolved() ? winner : -1, wall);
  }

  /** Among the verified results at {@code candidates}, the cheapest, then the one started first; -1 if none. */
  static int cheapestVerified(AttemptResult[] results, List<Integer> candidates) {
    return candidates.stream()
        .filter(i -> results[i].resolved())
        .min(Comparator.<Integer>comparingDouble(i -> results[i].costOrZero()).thenComparing(i -> i))
        .orElse(-1);
  }

  /**
   * What an attempt of a race is recorded as: as it ended, unless the batch stopped it ({@code
   * token} cancelled and the attempt reports {@code interrupted}): then {@code cancelled}, or,
   * when it was stopped because another racer's infra error ({@code stoppedFor}) rules its route
   * out too, that error with its reason. An attempt that failed, verified or hit an infra error
   * on its own just before the stop keeps what it ended with.
   */
  static AttemptResult ended(AttemptResult r, Cancellation token, AttemptResult stoppedFor) {
    if (!token.isCancelled() || r.status() != AttemptStatus.INTERRUPTED) {
      return r;
    }
    if (stoppedFor != null) {
      return new AttemptResult(r.route(), AttemptStatus.INFRA_ERROR, false, 0.0, false, r.exitCode(), r.durationMs(),
          r.costUsd(), r.inputTokens(), r.outputTokens(), stoppedFor.reason(), r.modelUsed(), stoppedFor.retryAt());
    }
    return cancelled(r, r.durationMs(), r.costUsd(), null);
  }

  static AttemptResult cancelled(AttemptResult r, long durationMs, Double costUsd, String reason) {
    return new AttemptResult(r.route(), AttemptStatus.CANCELLED, false, 0.0, false, null, durationMs, costUsd,
        r.inputTokens(), r.outputTokens(), reason, r.modelUsed(), null);
  }

  static AttemptResult interrupted(AttemptResult r) {
    return new AttemptResult(r.route(), AttemptStatus.INTERRUPTED, false, 0.0, false, r.exitCode(), r.durationMs(),
        r.costUsd(), r.inputTokens(), r.outputTokens(), null, r.modelUsed(), null);
  }

  static AttemptResult attemptOrInterrupted(
      AttemptExecutor executor, Task task, Route route, int number, Cancellation token) {
    try {
      return executor.attempt(task, route, number, token);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new AttemptResult(route, AttemptStatus.INTERRUPTED, false, 0, false, null, 0, null, null, null);
    }
  }

  /** Delivers a verified attempt; interrupted (the delivery put the user's tree back): {@code interrupted}. */
  static AttemptExecutor.Delivered deliverOrInterrupted(AttemptExecutor executor, Task task, AttemptResult r, int number) {
    if (Thread.currentThread().isInterrupted()) {
      return new AttemptExecutor.Delivered(interrupted(r), false);
    }
    try {
      return executor.deliver(task, r, number);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new AttemptExecutor.Delivered(interrupted(r), false);
    }
  }
}
