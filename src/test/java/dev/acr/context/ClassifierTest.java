package dev.acr.context;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ClassifierTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Classifier classifier = new Classifier();

  private record Labelled(String id, String prompt, Dimension expected) {}

  // ---------------------------------------------------------------- labelled data sets

  @Test
  void devSetAccuracyIsAtLeast85Percent() throws IOException {
    Path dev = devPromptsPath();
    Assumptions.assumeTrue(
        dev != null,
        "dev prompts not found: expected ../shared/prompts/dev-prompts.jsonl next to the project"
            + " root or a file named by env var ACR_DEV_PROMPTS; skipping the accuracy check");
    List<Labelled> rows = parse(Files.readAllLines(dev, StandardCharsets.UTF_8));
    double accuracy = report("dev set " + dev.normalize(), rows);
    assertThat(accuracy).isGreaterThanOrEqualTo(0.85);
  }

  /** Our own prompts, written before tuning and never used to pick rules: a generalisation check. */
  @Test
  void heldOutSetAccuracy() throws IOException {
    List<Labelled> rows;
    try (InputStream in = getClass().getResourceAsStream("holdout-prompts.jsonl")) {
      assertThat(in).as("holdout-prompts.jsonl on the test classpath").isNotNull();
      rows = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    }
    double accuracy = report("held-out set", rows);
    assertThat(accuracy).isGreaterThanOrEqualTo(0.80);
  }

  private static Path devPromptsPath() {
    Path beside = Path.of(System.getProperty("user.dir")).resolve("../shared/prompts/dev-prompts.jsonl");
    if (Files.isRegularFile(beside)) {
      return beside;
    }
    String env = System.getenv("ACR_DEV_PROMPTS");
    if (env != null && !env.isBlank() && Files.isRegularFile(Path.of(env))) {
      return Path.of(env);
    }
    return null;
  }

  private static List<Labelled> parse(List<String> lines) throws IOException {
    List<Labelled> rows = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode node = JSON.readTree(line);
      rows.add(new Labelled(node.path("id").asText(), node.path("prompt").asText(),
          Dimension.of(node.path("dimension").asText())));
    }
    return rows;
  }

  /** Classifies all rows, prints accuracy, the confusion matrix and the misses; returns accuracy. */
  private double report(String name, List<Labelled> rows) {
    Dimension[] dims = Dimension.values();
    int[][] confusion = new int[dims.length][dims.length];
    List<String> misses = new ArrayList<>();
    int correct = 0;
    long start = System.nanoTime();
    for (Labelled row : rows) {
      Classification c = classifier.classify(row.prompt());
      confusion[row.expected().ordinal()][c.dimension().ordinal()]++;
      if (c.dimension() == row.expected()) {
        correct++;
      } else {
        misses.add(String.format("  %-6s expected %-18s got %-18s (%.2f) %s | %s", row.id(),
            row.expected().id(), c.dimension().id(), c.confidence(), c.evidence(),
            oneLine(row.prompt())));
      }
    }
    long micros = (System.nanoTime() - start) / 1_000;
    double accuracy = rows.isEmpty() ? 0 : (double) correct / rows.size();
    StringBuilder out = new StringBuilder();
    out.append(String.format("%n== %s: accuracy %d/%d = %.1f%% (%d µs for all prompts)%n", name,
        correct, rows.size(), 100 * accuracy, micros));
    out.append("rows = expected, columns = predicted\n").append(String.format("%-19s", ""));
    for (Dimension d : dims) {
      out.append(String.format("%6.5s", abbreviation(d)));
    }
    out.append('\n');
    for (Dimension expected : dims) {
      out.append(String.format("%-19s", expected.id()));
      for (Dimension predicted : dims) {
        out.append(String.format("%6d", confusion[expected.ordinal()][predicted.ordinal()]));
      }
      out.append('\n');
    }
    if (!misses.isEmpty()) {
      out.append("misclassified:\n").append(String.join("\n", misses)).append('\n');
    }
    System.out.print(out);
    return accuracy;
  }

  private static String abbreviation(Dimension d) {
    String[] parts = d.id().split("_");
    return parts.length == 1 ? parts[0].substring(0, 4)
        : parts[0].substring(0, 2) + "_" + parts[1].substring(0, 2);
  }

  private static String oneLine(String s) {
    String flat = s.replaceAll("\\s+", " ");
    return flat.length() > 110 ? flat.substring(0, 110) + "…" : flat;
  }
}
