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
   * stops as soon as it can and reports {@link AttemptStatus#INTERRUPTED} (the batch records it
   * {@code cancelled}); it calls {@link Cancellation#agentFinished} when its agent is done and its
   * tests begin. Executors that cannot be stopped ignore the token.
   */
  default AttemptResult attempt(Task task, Route route, int attemptNumber, Cancellation cancel)
      throws InterruptedException {
    return attempt(task, route, attemptNumber);
  }

  /**
   * Brings a verified attempt's change into the user's tree, once the batch has chosen it (a
   * replay has nothing to bring: the default keeps the result as it is). {@code inTree} says
   * whether the change is now in the user's tree; the result is what gets recorded: verified, or
   * {@code acr_error} when the change failed its recheck there and was rolled back.
   */
  default Delivered deliver(Task task, AttemptResult verified, int attemptNumber) throws InterruptedException {
    return new Delivered(verified, true);
  }

  /** See {@link #deliver}: the result as recorded, and whether the change is in the user's tree. */
  record Delivered(AttemptResult result, boolean inTree) {}

  /**
   * Whether attempts take real wall time, so a race runs them on threads at once and the first to
   * finish verified wins. A table lookup returns at once: a race of it is decided by the attempts'
   * reported durations instead ({@link Batch}).
   */
  default boolean concurrent() {
    return false;
  }
}
