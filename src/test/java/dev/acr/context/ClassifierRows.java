package dev.acr.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;

/** The classifier's row checks, shared by the tests that hold rows of prompts. */
final class ClassifierRows {

  /** Made on first use: TextModelTraining collects rows before a shipped model need exist. */
  private static Classifier classifier;

  /**
   * Where rows go instead of being checked while TextModelTraining collects them: each row is a
   * labelled prompt we wrote, as the own sets are, and the word model is trained on them too.
   */
  static Consumer<String[][]> collector;

  private ClassifierRows() {}

  /** Each row: a prompt, its dimension, what it checks (shown when the row fails). */
  static void assertRows(String[][] rows) {
    if (collector != null) {
      collector.accept(rows);
      return;
    }
    if (classifier == null) {
      classifier = new Classifier();
    }
    for (String[] c : rows) {
      assertThat(classifier.classify(c[0]).dimension()).as(c[2] + ": " + c[0]).isEqualTo(Dimension.of(c[1]));
    }
  }
}
