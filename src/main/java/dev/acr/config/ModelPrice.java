package dev.acr.config;

/** USD per one million input and output tokens. */
public record ModelPrice(double inputPer1m, double outputPer1m) {
  public ModelPrice {
    if (!(inputPer1m >= 0) || !(outputPer1m >= 0)) {
      throw new IllegalArgumentException("prices must be finite and >= 0");
    }
  }

  /** The cost in USD of {@code in} input and {@code out} output tokens. */
  public double cost(long in, long out) {
    return (in * inputPer1m + out * outputPer1m) / 1_000_000.0;
  }
}
