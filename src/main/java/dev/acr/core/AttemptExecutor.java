package dev.acr.core;

/**
 * Runs one attempt of a route on a task and says how it went, verification included. The only
 * part of the loop that differs between a live run (an agent process, then the project's tests)
 * and a replay (a benchmark table lookup).
 */
public interface AttemptExecutor {
  AttemptResult attempt(Task task, Route route, int attemptNumber) throws InterruptedException;
}
