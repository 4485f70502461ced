package dev.acr.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One model a tool can drive. {@code name} is the route's model name (the CodeRouterBench model
 * name for the shipped ones); {@code arg} is what {@code {model}} renders to in the command (for
 * opencode {@code provider/model}), defaulting to the name. Prices are USD per 1M tokens and may be
 * null, in which case {@link Prices} defaults apply.
 */
public record ModelSpec(String name, String arg, Double inputPer1m, Double outputPer1m) {
  public ModelSpec {
    Objects.requireNonNull(name, "name");
    if (arg == null) {
      arg = name;
    }
  }

  public static ModelSpec of(String name) {
    return new ModelSpec(name, name, null, null);
  }

  /** The configured price if both halves are given, else the default for the model name. */
  public Optional<ModelPrice> price() {
    if (inputPer1m != null && outputPer1m != null) {
      return Optional.of(new ModelPrice(inputPer1m, outputPer1m));
    }
    return Prices.forModel(name);
  }
}
