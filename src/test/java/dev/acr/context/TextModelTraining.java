package dev.acr.context;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Trains the shipped word model (src/main/resources/dev/acr/context/text-model.tsv) from every
 * labelled terse prompt we may train on: the own sets of this folder's resources (and one folder
 * deeper: cls9/, cls10/, cls11/), the rows of the classifier tests (counted twice), the first two blind
 * probes (never bench/blind-probe-3, the held-out measure) and the tune halves of the three older
 * probes (never their held-out halves, never OOD176; not the dev prompts,
 * which stay a check: derived counts of ../shared's data are not ours to commit). Runs only
 * when asked, see bench/classifier-model/README.md:
 *
 * <pre>mvn -q -B -o test -Dtest=TextModelTraining -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dacr.train.probes=/tmp/probes -Dacr.train.out=src/main/resources/dev/acr/context/text-model.tsv</pre>
 *
 * where /tmp/probes holds each probe's collect.py output as real-prompts.jsonl, terse-probe.jsonl
 * and fresh-probe.jsonl.
 */
@EnabledIfSystemProperty(named = "acr.train.out", matches = ".+")
class TextModelTraining {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final List<String> PROBES = List.of("real-prompts", "terse-probe", "fresh-probe");

  /**
   * How many times each test row is counted, chosen with the blend by held-out checks
   * (bench/classifier-model/blind.py --row-weight): counted once, the model trained also on the
   * blind probes and the later rounds' sets reads a test row that the rules leave tied against it.
   */
  static final int ROW_WEIGHT = 2;

  /** The blind probes trained on: prompts.jsonl and labels.tsv committed in bench/. */
  static final List<String> BLIND_PROBES = List.of("blind-probe", "blind-probe-2");

  @Test
  void trainsTheShippedModel() throws IOException {
    Path project = Path.of("").toAbsolutePath();
    List<Example> examples = new ArrayList<>();
    Map<String, Integer> perSource = new java.util.TreeMap<>();
    Path own = project.resolve("src/test/resources/dev/acr/context");
    List<Path> files;
    // One folder deeper too: the hand-written sets of later rounds (cls9/, cls10/), each its own source.
    try (var walk = Files.walk(own, 2)) {
      // Not cls10/held-out.jsonl: ClassifierSymptomsTest keeps it as a set nothing was tuned on.
      files = walk.filter(p -> p.toString().endsWith(".jsonl") && !p.endsWith("cls10/held-out.jsonl")).sorted().toList();
    }
    for (Path f : files) {
      String source = own.relativize(f).toString();
      perSource.put(source, addLabelled(f, source, examples));
    }
    // The first two blind probes (written by other authors, committed with their labels), now that
    // bench/blind-probe-3 is the held-out measure; never blind-probe-3 itself.
    for (String probe : BLIND_PROBES) {
      perSource.put(probe, addBlind(probe, project.resolve("bench/" + probe), examples));
    }
    // Not the dev prompts (../shared): the shipped counts would carry data we may read but not commit; they stay a check.
    perSource.put("test rows", addTestRows(examples));
    Path probes = Path.of(System.getProperty("acr.train.probes", "/tmp/probes"));
    // -Dacr.train.held=true: the held-out halves too (for grouped cross-validation over the probes,
    // bench/classifier-model/lopo.py, or a model trained on every probe prompt we have).
    List<String> halves = Boolean.getBoolean("acr.train.held") ? List.of("tune", "held") : List.of("tune");
    for (String probe : PROBES) {
      for (String half : halves) {
        perSource.put(probe + " " + half, addHalf(probe, half, probes.resolve(probe + ".jsonl"),
            project.resolve("bench/" + probe + "/labels.tsv"), examples));
      }
    }
    List<PromptText> texts = new ArrayList<>();
    List<Dimension> labels = new ArrayList<>();
    for (Example e : examples) {
      // The test rows are hand-picked hard cases and the tests' contract: counted ROW_WEIGHT times,
      // so that a model trained on more prompts of other kinds still reads them as the tests do.
      for (int i = 0; i < (e.source().equals("test rows") ? ROW_WEIGHT : 1); i++) {
        texts.add(e.text());
        labels.add(e.label());
      }
    }
    TextModel model = TextModel.train(texts, labels);
    Path out = Path.of(System.getProperty("acr.train.out"));
    try (Writer w = new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8)) {
      model.write(w);
    }
    System.err.printf("acr: trained on %d terse prompts %s: %d features -> %s (%d bytes)%n",
        examples.size(), perSource, model.size(), out, Files.size(out));
    assertThat(model.size()).isGreaterThan(1000);
    String dump = System.getProperty("acr.train.dump", "");
    if (!dump.isEmpty()) {
      dump(examples, Path.of(dump));
    }
    // -Dacr.train.check=FILE.jsonl -Dacr.train.checkdump=OUT.jsonl: prompts checked, never trained on
    // (the dev prompts), dumped like the training data so that blind.py can count a model's misses there.
    String check = System.getProperty("acr.train.check", "");
    if (!check.isEmpty()) {
      List<Example> checked = new ArrayList<>();
      addLabelled(Path.of(check), "check", checked);
      dump(checked, Path.of(System.getProperty("acr.train.checkdump")));
    }
  }

  /**
   * One labelled prompt: {@code source} groups it for cross-validation (an own set's file, the
   * dev prompts, the test rows, a probe's repository), {@code id} is a probe row's id.
   */
  private record Example(String prompt, PromptText text, Dimension label, String source, String id) {}

  /**
   * For bench/classifier-model/cv.py: each example with its source, label, the rules' scores and
   * the words the model's features are made of, one JSON object a line.
   */
  private static void dump(List<Example> examples, Path out) throws IOException {
    try (Writer w = Files.newBufferedWriter(out)) {
      for (Example e : examples) {
        var o = JSON.createObjectNode();
        o.put("source", e.source());
        o.put("id", e.id());
        o.put("dimension", e.label().id());
        var rules = o.putArray("rules");
        for (double v : Classifier.ruleScores(e.prompt())) {
          rules.add(v);
        }
        var words = o.putArray("words");
        for (String x : e.text().norm().split("[^a-z0-9_]+")) {
          if (!x.isEmpty()) {
            words.add(x);
          }
        }
        var head = o.putArray("head");
        e.text().head().forEach(head::add);
        w.write(JSON.writeValueAsString(o) + "\n");
      }
    }
  }

  /** The classifier tests whose @Test methods check rows of prompts through ClassifierRows. */
  private static final List<Class<?>> ROW_TESTS =
      List.of(ClassifierTest.class, ClassifierSignalsTest.class, ClassifierShapesTest.class,
          ClassifierDeliverablesTest.class, ClassifierLaterClausesTest.class, ClassifierSymptomsTest.class);

  /**
   * The rows of the classifier tests, collected by running each @Test method with ClassifierRows
   * collecting instead of checking. The other tests of ClassifierTest run too and what they
   * assert is ignored here: only the rows, which do not depend on the classifier, are kept.
   */
  private static int addTestRows(List<Example> examples) throws IOException {
    List<String[]> rows = new ArrayList<>();
    ClassifierRows.collector = batch -> rows.addAll(List.of(batch));
    try {
      for (Class<?> type : ROW_TESTS) {
        for (Method m : sortedTests(type)) {
          Object test;
          try {
            var ctor = type.getDeclaredConstructor();
            ctor.setAccessible(true);
            test = ctor.newInstance();
          } catch (ReflectiveOperationException | LinkageError e) {
            // ClassifierTest makes a Classifier, which reads the shipped model: without a readable
            // one its rows would be silently missing from the training data.
            throw new IllegalStateException("cannot make " + type.getSimpleName() + " to collect its rows"
                + " (is the shipped model readable? restore it with git checkout, then train again)", e);
          }
          try {
            m.setAccessible(true);
            m.invoke(test);
          } catch (ReflectiveOperationException | RuntimeException e) {
            // A test that fails: what it asserts is no concern here, its rows are in.
          }
        }
      }
    } finally {
      ClassifierRows.collector = null;
    }
    int n = 0;
    for (String[] row : rows) {
      n += add(row[0], row[1], "test rows", "", examples);
    }
    return n;
  }

  private static List<Method> sortedTests(Class<?> type) {
    List<Method> tests = new ArrayList<>();
    for (Method m : type.getDeclaredMethods()) {
      if (m.isAnnotationPresent(Test.class)) {
        tests.add(m);
      }
    }
    tests.sort(Comparator.comparing(Method::getName));
    return tests;
  }

  /** A {"prompt", "dimension"} file's terse prompts (long-form ones are left to the rules). */
  private static int addLabelled(Path file, String source, List<Example> examples) throws IOException {
    int n = 0;
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        JsonNode r = JSON.readTree(line);
        n += add(r.get("prompt").asText(), r.get("dimension").asText(), source, "", examples);
      }
    }
    return n;
  }

  /** A blind probe: its prompts.jsonl joined with its labels.tsv. */
  private static int addBlind(String probe, Path dir, List<Example> examples) throws IOException {
    Map<String, String> label = labels(dir.resolve("labels.tsv"));
    int n = 0;
    for (String line : Files.readAllLines(dir.resolve("prompts.jsonl"))) {
      JsonNode r = JSON.readTree(line);
      String id = r.get("id").asText();
      n += add(r.get("prompt").asText(), label.get(id), probe, id, examples);
    }
    return n;
  }

  private static Map<String, String> labels(Path labelFile) throws IOException {
    Map<String, String> label = new HashMap<>();
    for (String line : Files.readAllLines(labelFile)) {
      if (!line.startsWith("#")) {
        String[] cols = line.split("\t");
        label.put(cols[0], cols[1]);
      }
    }
    return label;
  }

  /** A probe's half: collect.py's rows joined with labels.tsv, ambiguous and not-a-task left out. */
  private static int addHalf(String probe, String half, Path file, Path labelFile, List<Example> examples)
      throws IOException {
    assertThat(file).as("a probe rebuilt by its collect.py (see its README)").exists();
    Map<String, String> label = labels(labelFile);
    int n = 0;
    for (String line : Files.readAllLines(file)) {
      JsonNode r = JSON.readTree(line);
      String dimension = label.get(r.get("id").asText());
      if (r.get("half").asText().equals(half) && !dimension.equals("ambiguous") && !dimension.equals("not-a-task")) {
        String id = r.get("id").asText();
        n += add(r.get("prompt").asText(), dimension, probe + ":" + id.substring(0, id.indexOf('@')), id, examples);
      }
    }
    return n;
  }

  private static int add(String prompt, String dimension, String source, String id, List<Example> examples) {
    PromptText text = PromptText.of(prompt);
    if (text.longForm()) {
      return 0;
    }
    examples.add(new Example(prompt, text, Dimension.of(dimension), source, id));
    return 1;
  }
}
