package dev.acr.core;

import java.util.List;

/** Everything one task's run produced: its attempts in order and whether one verified. */
public record RunOutcome(Task task, List<AttemptResult> attempts, StopReason stopReason) {

  public enum StopReason {
    VERIFIED,
    PLAN_EXHAUSTED,
    MAX_ATTEMPTS,
    BUDGET,
    NO_VERIFIER,
    INTERRUPTED,
    /** A question was answered: nothing to verify, nothing to escalate. */
    ANSWERED
  }

  public boolean verified() {
    return stopReason == StopReason.VERIFIED;
  }

  /** The attempt whose result stands: the verified one, else the last one (null if none). */
  public AttemptResult finalAttempt() {
    return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
  }

  /** Performance of the run: the final attempt's performance (0 when nothing ran). */
  public double performance() {
    AttemptResult last = finalAttempt();
    return last == null ? 0.0 : last.performance();
  }

  public double totalCost() {
    double sum = 0;
    for (AttemptResult a : attempts) {
      sum += a.costOrZero();
    }
    return sum;
  }
}
