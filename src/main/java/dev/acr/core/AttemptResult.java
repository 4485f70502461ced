package dev.acr.core;

/**
 * The outcome of running one route on one task, whether a real process ran or a benchmark table
 * was looked up. {@code performance} is 1/0 for a pass/fail verifier and the benchmark's score in
 * [0,1] where the table has one; {@code resolved} is whether the attempt counts as verified (stops
 * escalation). Cost and tokens are null when unknown.
 */
public record AttemptResult(
    Route route,
    AttemptStatus status,
    boolean resolved,
    double performance,
    boolean applyOk,
    Integer exitCode,
    long durationMs,
    Double costUsd,
    Long inputTokens,
    Long outputTokens) {

  public double costOrZero() {
    return costUsd == null ? 0.0 : costUsd;
  }
}
