package dev.acr.policy;

/**
 * A first guess of what one attempt costs, before memory has any: a typical agentic coding
 * attempt reads far more than it writes, so assume 100k input and 5k output tokens. Memory's
 * observed costs replace this guess as soon as a route has been tried.
 */
public final class CostGuess {
  static final long TYPICAL_INPUT_TOKENS = 100_000;
  static final long TYPICAL_OUTPUT_TOKENS = 5_000;

  private CostGuess() {}

  /** USD per attempt from USD-per-1M-token prices. */
  public static double fromPrices(double inputPer1m, double outputPer1m) {
    return (inputPer1m * TYPICAL_INPUT_TOKENS + outputPer1m * TYPICAL_OUTPUT_TOKENS) / 1_000_000.0;
  }
}
