package dev.acr.core;

/**
 * Runs one attempt of a route on a task and says how it went, verification included. The only
 * part of the loop that differs between a live run (an agent process, then the project's tests)
 * and a replay (a benchmark table lookup).
 */
public interface AttemptExecutor {
  AttemptResult attempt(Task task, Route route, int attemptNumber) throws InterruptedException;

  /**
   * One attempt of a race: when {@code cancel} is cancelled (another attempt won), the attempt
   * stops as soon as it can and reports {@link AttemptStatus#CANCELLED}. Executors that cannot be
   * stopped ignore the token.
   */
  default AttemptResult attempt(Task task, Route route, int attemptNumber, Cancellation cancel)
      throws InterruptedException {
    return attempt(task, route, attemptNumber);
  }

  /**
   * Whether attempts take real wall time, so a race runs them on threads at once and the first to
   * finish verified wins. A table lookup returns at once: a race of it is decided by the attempts'
   * reported durations instead ({@link Batch}).
   */
  default boolean concurrent() {
    return false;
  }
}
