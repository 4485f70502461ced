package dev.acr.exec;

/**
 * What one agent run cost, as far as its output tells. Every field but {@code source} may be null.
 * {@code source} is {@link #REPORTED} (the tool printed a cost), {@link #ESTIMATED} (tokens times
 * the model's price) or {@link #UNKNOWN} (no cost known; tokens may still be).
 */
public record Usage(Double costUsd, Long inputTokens, Long outputTokens, String source) {
  public static final String REPORTED = "reported";
  public static final String ESTIMATED = "estimated from tokens";
  public static final String UNKNOWN = "unknown";

  public Usage {
    if (source == null) {
      source = UNKNOWN;
    }
  }

  public static Usage unknown() {
    return new Usage(null, null, null, UNKNOWN);
  }
}
