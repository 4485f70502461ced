package dev.acr.core;

import java.util.List;

/**
 * Everything one task's run produced: its attempts in the order they started, whether one
 * verified, the run's wall time ({@code wallMs}: the sum of its batches' wall times, so a race
 * counts once per batch, not once per attempt) and each attempt's race id ({@code raceIds}, in
 * the attempts' order; null for an attempt that ran alone). {@code standing} (-1: the default
 * rule of {@link #finalIndex()}) is the attempt whose result stands when a race's batch ended
 * where a run one attempt at a time would have stopped before its last racer.
 */
public record RunOutcome(
    Task task, List<AttemptResult> attempts, StopReason stopReason, long wallMs, List<String> raceIds, int standing) {

  /** A run whose result is its verified attempt, else its last ({@link #finalIndex()}). */
  public RunOutcome(Task task, List<AttemptResult> attempts, StopReason stopReason, long wallMs, List<String> raceIds) {
    this(task, attempts, stopReason, wallMs, raceIds, -1);
  }

  /** A run whose attempts ran one after another: its wall time is their durations' sum. */
  public RunOutcome(Task task, List<AttemptResult> attempts, StopReason stopReason) {
    this(task, attempts, stopReason, attempts.stream().mapToLong(AttemptResult::durationMs).sum(),
        java.util.Collections.nCopies(attempts.size(), null));
  }

  /** The race id of attempt {@code index} (0-based), null when it ran alone. */
  public String raceId(int index) {
    return raceIds.get(index);
  }

  public enum StopReason {
    VERIFIED,
    PLAN_EXHAUSTED,
    MAX_ATTEMPTS,
    BUDGET,
    NO_VERIFIER,
    INTERRUPTED,
    /** A question was answered: nothing to verify, nothing to escalate. */
    ANSWERED,
    /**
     * An attempt left failing only tests that failed before any change and that the task is not
     * about ({@link RunLoop#ONLY_BASELINE_FAILURES}): every further attempt would be judged by them.
     */
    ONLY_BASELINE_FAILURES
  }

  public boolean verified() {
    return stopReason == StopReason.VERIFIED;
  }

  /** The attempt whose result stands: the verified one, else the last one (null if none). */
  public AttemptResult finalAttempt() {
    return attempts.isEmpty() ? null : attempts.get(finalIndex());
  }

  /**
   * The index of {@link #finalAttempt()} (-1 when nothing ran): {@code standing} when set, else the
   * verified attempt, else the last. In a race the attempts that were cancelled after the winner
   * may come after it.
   */
  public int finalIndex() {
    if (standing >= 0) {
      return standing;
    }
    for (int i = attempts.size() - 1; i >= 0; i--) {
      if (attempts.get(i).resolved()) {
        return i;
      }
    }
    return attempts.size() - 1;
  }

  /** Performance of the run: the final attempt's performance (0 when nothing ran). */
  public double performance() {
    AttemptResult last = finalAttempt();
    return last == null ? 0.0 : last.performance();
  }

  public double totalCost() {
    // By index: an iterator per call under the bench launcher's shallow inlining (once per replayed task).
    double sum = 0;
    for (int i = 0; i < attempts.size(); i++) {
      sum += attempts.get(i).costOrZero();
    }
    return sum;
  }
}
