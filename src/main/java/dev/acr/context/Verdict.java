package dev.acr.context;

import dev.acr.context.Classifier.Hit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The classifier's verdict from its scores: the winner, how sure, and why (the strongest hits). */
final class Verdict {
  private Verdict() {}

  /** Softmax temperature: a 5-point lead gives ~0.75 confidence, a 1-point lead ~0.1-0.2. */
  private static final double TEMPERATURE = 2.0;

  private static final int MAX_EVIDENCE = 6;

  /**
   * Tie-break order, most specific first: a prompt that scores equally for "bug" and "generation"
   * is better served by the specialised route; generation is the catch-all and goes last.
   */
  private static final List<Dimension> PRIORITY =
      List.of(
          Dimension.BUG_FIXING,
          Dimension.TEST_GENERATION,
          Dimension.CODE_COMPLETION,
          Dimension.MULTI_LANGUAGE,
          Dimension.ALGORITHM,
          Dimension.DATA_SCIENCE,
          Dimension.CODE_REFACTORING,
          Dimension.CODE_UNDERSTANDING,
          Dimension.CODE_GENERATION);

  /** The winner of {@code scores} (indexed by ordinal), its confidence and its strongest evidence from {@code hits}. */
  static Classification of(double[] scores, Map<Dimension, List<Hit>> hits, PromptText text) {
    Dimension[] ranked = PRIORITY.toArray(new Dimension[0]);
    // Stable sort over the priority order: equal scores keep the more specific dimension first.
    // Plain lambdas, not Comparator.comparingDouble: the JDK's combinators are serialisable
    // lambdas, which class-data sharing cannot archive (each would be spun on every start).
    Arrays.sort(ranked, (a, b) -> Double.compare(-scores[a.ordinal()], -scores[b.ordinal()]));
    Dimension top = ranked[0];
    Dimension second = ranked[1];
    if (scores[top.ordinal()] <= 0) {
      return Classification.noSignal();
    }
    double confidence = softmaxMargin(scores, top, second);
    // The strongest first (a stable sort: equal weights keep their order), each label once.
    List<Hit> strongest = new ArrayList<>();
    for (Hit h : hits.getOrDefault(top, List.of())) {
      if (h.weight() > 0) {
        strongest.add(h);
      }
    }
    strongest.sort((a, b) -> Double.compare(b.weight(), a.weight()));
    List<String> evidence = new ArrayList<>();
    for (Hit h : strongest) {
      if (evidence.size() == MAX_EVIDENCE) {
        break;
      }
      if (!evidence.contains(h.label())) {
        evidence.add(h.label());
      }
    }
    for (String c : text.corrections()) {
      evidence.add("typo " + c);
    }
    Dimension runnerUp = scores[second.ordinal()] > 0 ? second : null;
    return new Classification(top, confidence, evidence, runnerUp);
  }

  /** Probability mass of the winner minus that of the runner-up under a softmax of all scores. */
  private static double softmaxMargin(double[] scores, Dimension top, Dimension second) {
    double max = scores[top.ordinal()];
    double sum = 0;
    for (double s : scores) {
      sum += Math.exp((s - max) / TEMPERATURE);
    }
    double pTop = 1.0 / sum;
    double pSecond = Math.exp((scores[second.ordinal()] - max) / TEMPERATURE) / sum;
    return Math.max(0.0, Math.min(1.0, pTop - pSecond));
  }
}
