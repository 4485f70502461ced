package dev.acr.bench;

/**
 * How long a replayed attempt took, for tables without a measured time. The ID test has {@code
 * latency_ms} per cell and uses it as is. OOD176 has none, so its attempts get a proxy from what
 * the table does have, the number of model calls and the output tokens, with coefficients fitted
 * by least squares on the ID test's 22,512 cells with a positive latency (one call each):
 * {@code latency_ms ≈ 3600 + 16.1·output_tokens} per call (+3.0·input_tokens, left out here:
 * OOD176's {@code in_tok} sums the context every call re-sends, which agents' providers serve
 * from a prompt cache). See bench/README.md, "Wall time".
 */
public final class TimeModel {
  /** Per model call: request, queueing and first token. */
  public static final long MS_PER_CALL = 3600;
  /** Per output token, at the ID test's fitted rate (16.1 ms, i.e. ~62 tokens/s). */
  public static final double MS_PER_OUTPUT_TOKEN = 16.1;

  private TimeModel() {}

  /** The proxy wall time of an attempt that made {@code calls} model calls and wrote {@code outputTokens}. */
  public static long proxyMs(long calls, long outputTokens) {
    return Math.round(Math.max(1, calls) * MS_PER_CALL + outputTokens * MS_PER_OUTPUT_TOKEN);
  }
}
