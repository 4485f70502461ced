package dev.acr.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextModelTest {

  @Test
  void theShippedModelLoadsAndReadsTersePrompts() {
    TextModel model = TextModel.shipped();
    assertThat(model.size()).isGreaterThan(1000);
    double[] lp = model.logPosterior(PromptText.of("fix the crash when the config file is empty"));
    assertThat(lp).hasSize(Dimension.values().length);
    assertThat(argmax(lp)).isEqualTo(Dimension.BUG_FIXING);
    double total = 0;
    for (double v : lp) {
      total += Math.exp(v);
    }
    assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(model.logPosterior(PromptText.of("zxqv blorp"))).as("no known feature").isNull();
  }

  /** Every line of the shipped file is found by the binary search: sorted as bytes, each feature once, its counts whole. */
  @Test
  void everyShippedFeatureIsFoundWithItsCounts() throws IOException {
    TextModel model = TextModel.shipped();
    List<String> lines;
    try (var in = TextModel.class.getResourceAsStream("/dev/acr/context/text-model.tsv")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    List<String> features = lines.subList(3, lines.size());
    assertThat(features).hasSize(model.size());
    int[] totals = new int[Dimension.values().length];
    for (String line : features) {
      String[] parts = line.split("\t");
      int[] counts = model.counts(parts[0]);
      assertThat(counts).as(parts[0]).isNotNull();
      String[] expected = parts[1].split(" ");
      for (int d = 0; d < counts.length; d++) {
        assertThat(counts[d]).as(parts[0]).isEqualTo(Integer.parseInt(expected[d]));
        totals[d] += counts[d];
      }
    }
    assertThat(model.counts("zzzz-not-a-feature")).isNull();
    String[] header = lines.get(2).split(" ");
    for (int d = 0; d < totals.length; d++) {
      assertThat(totals[d]).as("the header's feature total of dimension " + d).isEqualTo(Integer.parseInt(header[d]));
    }
  }

  @Test
  void featuresAreWordsPairsAndTheOpeningWord() {
    assertThat(TextModel.features(PromptText.of("please fix the parser")))
        .containsExactly("please", "fix", "please fix", "the", "fix the", "parser", "the parser", "^fix");
  }

  @Test
  void countsSurviveWritingAndReading() throws IOException {
    TextModel model = tiny();
    StringWriter out = new StringWriter();
    model.write(out);
    TextModel back = TextModel.read(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
    StringWriter again = new StringWriter();
    back.write(again);
    assertThat(again.toString()).isEqualTo(out.toString());
    assertThat(back.logPosterior(PromptText.of("zorp the frobnicator")))
        .containsExactly(model.logPosterior(PromptText.of("zorp the frobnicator")));
  }

  @Test
  void aFileThatIsNoModelIsRefusedWithItsReason() {
    assertThatThrownBy(() -> TextModel.read(new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IOException.class).hasMessageContaining("not an acr text model");
    String shortHeader = "# acr text model v1\n1 2 3 4 5 6 7 8 9\n1 2\nfix\t1 2 3 4 5 6 7 8 9\n";
    assertThatThrownBy(() -> TextModel.read(new ByteArrayInputStream(shortHeader.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IOException.class).hasMessageContaining("expected 9 counts");
    // Feature lines are read when looked up, not at load (which runs on every start).
    String shortRow = "# acr text model v1\n1 2 3 4 5 6 7 8 9\n1 2 3 4 5 6 7 8 9\nfix\t1 2\n";
    assertThatThrownBy(() -> TextModel.read(new ByteArrayInputStream(shortRow.getBytes(StandardCharsets.UTF_8)))
        .logPosterior(PromptText.of("fix it"))).hasMessageContaining("rebuild acr");
  }

  @Test
  void theModelDecidesWhatTheRulesLeaveClose() {
    // "the form needs a zorp frobnicator": the rules read a wish for something built (1 point); the model has only seen
    // "zorp" and "frobnicator" in algorithm prompts, and its share outweighs a weak lead.
    String prompt = "the form needs a zorp frobnicator";
    double[] rules = Classifier.ruleScores(prompt);
    assertThat(argmax(rules)).isEqualTo(Dimension.CODE_GENERATION);
    assertThat(new Classifier(tiny(), 0).classify(prompt).dimension()).isEqualTo(Dimension.CODE_GENERATION);
    Classification blended = new Classifier(tiny(), TextModel.WEIGHT).classify(prompt);
    assertThat(blended.dimension()).isEqualTo(Dimension.ALGORITHM);
    assertThat(blended.evidence()).anyMatch(e -> e.startsWith("word model +"));
  }

  @Test
  void theModelNeitherOverturnsAClearVerdictNorDecidesAlone() {
    // The same model is sure these are algorithms; its share is bounded, the rules' lead is not.
    String clear = "the zorp frobnicator crashes with a NullPointerException, fix it";
    Classification verdict = new Classifier(tiny(), TextModel.WEIGHT).classify(clear);
    assertThat(verdict.dimension()).isEqualTo(Dimension.BUG_FIXING);
    // A lead the model cannot overturn (more than weight × floor) is left alone: the model is not read, nor shown.
    double[] rules = Classifier.ruleScores(clear);
    double[] sorted = rules.clone();
    java.util.Arrays.sort(sorted);
    assertThat(sorted[sorted.length - 1] - sorted[sorted.length - 2]).isGreaterThan(TextModel.WEIGHT * TextModel.FLOOR);
    assertThat(verdict.evidence()).noneMatch(e -> e.startsWith("word model"));
    assertThat(verdict.confidence()).isEqualTo(new Classifier(tiny(), 0).classify(clear).confidence());
    // Words no rule reads: the verdict stays "no signal", whatever the model thinks.
    Classification alone = new Classifier(tiny(), TextModel.WEIGHT).classify("zorp frobnicator");
    assertThat(alone.confidence()).isZero();
    assertThat(alone.evidence()).containsExactly("no signal");
  }

  /** A model that has seen "zorp" and "frobnicator" only in algorithm prompts, and every dimension. */
  private static TextModel tiny() {
    List<PromptText> texts = new ArrayList<>();
    List<Dimension> labels = new ArrayList<>();
    for (String p : List.of("zorp frobnicator in rust", "a zorp frobnicator", "zorp frobnicator, iterative",
        "frobnicator zorp variant", "the zorp frobnicator again", "zorp frobnicator with a heap")) {
      texts.add(PromptText.of(p));
      labels.add(Dimension.ALGORITHM);
    }
    for (Dimension d : Dimension.values()) {
      for (int i = 0; d != Dimension.ALGORITHM && i < 3; i++) {
        texts.add(PromptText.of(d.id() + " item " + i));
        labels.add(d);
      }
    }
    return TextModel.train(texts, labels);
  }

  private static Dimension argmax(double[] scores) {
    int best = 0;
    for (int d = 1; d < scores.length; d++) {
      best = scores[d] > scores[best] ? d : best;
    }
    return Dimension.values()[best];
  }
}
