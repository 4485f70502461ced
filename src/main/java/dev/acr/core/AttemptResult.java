package dev.acr.core;

/**
 * The outcome of running one route on one task, whether a real process ran or a benchmark table
 * was looked up. {@code performance} is 1/0 for a pass/fail verifier and the benchmark's score in
 * [0,1] where the table has one; {@code resolved} is whether the attempt counts as verified (stops
 * escalation). Cost and tokens are null when unknown. {@code reason} (null when none) says why an
 * infra or acr failure happened: for {@code infra_error} one of {@link #INFRA_REASONS}; {@code modelUsed}
 * (null when unknown) is the model the CLI reported; {@code retryAt} (null when unknown) is when a
 * quota or rate limit the CLI reported resets.
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
    Long outputTokens,
    String reason,
    String modelUsed,
    java.time.Instant retryAt) {

  /** The reasons an {@code infra_error} carries, as memory and {@code acr stats} spell them. */
  public static final java.util.List<String> INFRA_REASONS =
      java.util.List.of("not signed in", "network", "quota", "rate limit", "unknown model", "provider error", "not installed");

  /** A result with no reason and no reported model. */
  public AttemptResult(
      Route route, AttemptStatus status, boolean resolved, double performance, boolean applyOk, Integer exitCode,
      long durationMs, Double costUsd, Long inputTokens, Long outputTokens) {
    this(route, status, resolved, performance, applyOk, exitCode, durationMs, costUsd, inputTokens, outputTokens,
        null, null, null);
  }

  public double costOrZero() {
    return costUsd == null ? 0.0 : costUsd;
  }
}
