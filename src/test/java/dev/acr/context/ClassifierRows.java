package dev.acr.context;

import static org.assertj.core.api.Assertions.assertThat;

/** The classifier's row checks, shared by the tests that hold rows of prompts. */
final class ClassifierRows {

  private static final Classifier CLASSIFIER = new Classifier();

  private ClassifierRows() {}

  /** Each row: a prompt, its dimension, what it checks (shown when the row fails). */
  static void assertRows(String[][] rows) {
    for (String[] c : rows) {
      assertThat(CLASSIFIER.classify(c[0]).dimension()).as(c[2] + ": " + c[0]).isEqualTo(Dimension.of(c[1]));
    }
  }
}
