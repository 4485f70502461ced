package dev.acr.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Default per-model prices (USD per 1M input/output tokens) for the eight CodeRouterBench models,
 * used when a model spec in the tool config gives none.
 */
public final class Prices {
  private static final Map<String, ModelPrice> DEFAULTS;

  static {
    Map<String, ModelPrice> m = new LinkedHashMap<>();
    m.put("claude-opus-4-6", new ModelPrice(5.0, 25.0));
    m.put("claude-sonnet-4-6", new ModelPrice(3.0, 15.0));
    m.put("gpt-5.4", new ModelPrice(2.5, 15.0));
    m.put("glm-5", new ModelPrice(0.8, 3.0));
    m.put("kimi-k2.5", new ModelPrice(0.01, 2.9));
    m.put("MiniMax-M2.7", new ModelPrice(1.0, 3.0));
    m.put("Qwen3-Max", new ModelPrice(0.34, 1.38));
    m.put("qwen3.5-plus", new ModelPrice(0.11, 0.66));
    DEFAULTS = Collections.unmodifiableMap(m);
  }

  private Prices() {}

  /** The default price of a CodeRouterBench model name (exact match, then case-insensitive). */
  public static Optional<ModelPrice> forModel(String modelName) {
    if (modelName == null) {
      return Optional.empty();
    }
    ModelPrice p = DEFAULTS.get(modelName);
    if (p != null) {
      return Optional.of(p);
    }
    for (Map.Entry<String, ModelPrice> e : DEFAULTS.entrySet()) {
      if (e.getKey().equalsIgnoreCase(modelName)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** All defaults, in benchmark order. */
  public static Map<String, ModelPrice> defaults() {
    return DEFAULTS;
  }
}
