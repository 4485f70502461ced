package dev.acr.context;

import java.util.List;
import java.util.Objects;

/**
 * The classifier's verdict for one prompt.
 *
 * @param dimension the most likely CodeRouterBench dimension
 * @param confidence softmax margin between the winner and the runner-up, in [0, 1]; 0 means the
 *     classifier had nothing to go on (or a dead heat) and the dimension is only a default
 * @param evidence short human-readable reasons for the winning dimension, strongest first
 * @param runnerUp the second-best dimension, or {@code null} when no other dimension scored at all
 */
public record Classification(
    Dimension dimension, double confidence, List<String> evidence, Dimension runnerUp) {

  public Classification {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(evidence, "evidence");
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("confidence must be in [0,1]: " + confidence);
    }
    evidence = List.copyOf(evidence);
  }

  /** The verdict for prompts with no usable signal: generation is the least surprising default. */
  static Classification noSignal() {
    return new Classification(Dimension.CODE_GENERATION, 0.0, List.of("no signal"), null);
  }
}
