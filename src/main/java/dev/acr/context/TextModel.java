package dev.acr.context;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * A multinomial naive Bayes model of a terse prompt's words, shipped beside the rules: the rules
 * know the phrasings they were written for, the model has seen the words of every labelled prompt
 * (bench/classifier-model/README.md says which, and how the shipped counts are rebuilt).
 *
 * <p>Features are binary: each lower-cased word of {@link PromptText#norm()}, each pair of adjacent
 * words and the opening word after fillers ({@code ^fix}). The resource holds only integer counts
 * (prompts per dimension, and per feature the prompts of each dimension that have it), so training
 * is exact and the file regenerates byte for byte; the smoothing is applied here.
 */
final class TextModel {

  static final String RESOURCE = "/dev/acr/context/text-model.tsv.gz";

  private static final String MAGIC = "# acr text model v1";

  private static final int DIMS = Dimension.values().length;

  /**
   * What the model adds to a terse prompt's rule scores: its log posterior at temperature
   * {@link #TEMPERATURE}, floored at {@code -FLOOR} and shifted to be non-negative, times this
   * weight; so at most 2 points, enough to settle what the rules leave close, not to overturn a
   * clear verdict. The three chosen by cross-validation (bench/classifier-model/README.md).
   */
  static final double WEIGHT = 1;

  static final double FLOOR = 2;

  /**
   * Naive Bayes counts every word as independent evidence, so its posteriors are far too sure;
   * dividing the log-likelihoods by this softens them before they are normalised.
   */
  static final double TEMPERATURE = 4;

  /** Additive smoothing of the word likelihoods, chosen by cross-validation (see the README). */
  static final double ALPHA = 0.1;

  /** Features seen in fewer training prompts are left out of the shipped counts. */
  static final int MIN_COUNT = 3;

  private final int[] prompts;
  private final Map<String, int[]> counts;
  private final double[] denominator;

  TextModel(int[] prompts, Map<String, int[]> counts) {
    this.prompts = prompts.clone();
    this.counts = counts;
    int[] total = new int[DIMS];
    for (int[] c : counts.values()) {
      for (int d = 0; d < DIMS; d++) {
        total[d] += c[d];
      }
    }
    denominator = new double[DIMS];
    for (int d = 0; d < DIMS; d++) {
      denominator[d] = Math.log(total[d] + ALPHA * counts.size());
    }
  }

  /** The shipped model, read once on first use. */
  static TextModel shipped() {
    return Shipped.MODEL;
  }

  private static final class Shipped {
    static final TextModel MODEL = readResource();

    private static TextModel readResource() {
      try (InputStream in = TextModel.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("acr: " + RESOURCE + " is missing from the jar; rebuild acr (mvn package)");
        }
        return read(new GZIPInputStream(in, 1 << 14));
      } catch (IOException e) {
        throw new UncheckedIOException("acr: cannot read " + RESOURCE + "; rebuild acr (mvn package)", e);
      }
    }
  }

  /** The model's features of a terse prompt, each once, in order of first appearance. */
  static Set<String> features(PromptText text) {
    Set<String> out = new LinkedHashSet<>();
    String previous = null;
    for (String w : text.norm().split("[^a-z0-9_]+")) {
      if (w.isEmpty()) {
        continue;
      }
      out.add(w);
      if (previous != null) {
        out.add(previous + " " + w);
      }
      previous = w;
    }
    if (!text.head().isEmpty()) {
      out.add("^" + text.head().get(0));
    }
    return out;
  }

  /**
   * Log posterior per dimension (by ordinal, tempered, normalised to sum to one), or null when none of the
   * prompt's features was seen in training: then the model knows nothing the prior does not.
   */
  double[] logPosterior(PromptText text) {
    double[] lp = new double[DIMS];
    int total = 0;
    for (int p : prompts) {
      total += p;
    }
    for (int d = 0; d < DIMS; d++) {
      lp[d] = Math.log((prompts[d] + 1.0) / (total + DIMS));
    }
    int known = 0;
    for (String f : features(text)) {
      int[] c = counts.get(f);
      if (c == null) {
        continue;
      }
      known++;
      for (int d = 0; d < DIMS; d++) {
        lp[d] += Math.log(c[d] + ALPHA) - denominator[d];
      }
    }
    if (known == 0) {
      return null;
    }
    for (int d = 0; d < DIMS; d++) {
      lp[d] /= TEMPERATURE;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double v : lp) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (double v : lp) {
      sum += Math.exp(v - max);
    }
    double log = Math.log(sum);
    for (int d = 0; d < DIMS; d++) {
      lp[d] = lp[d] - max - log;
    }
    return lp;
  }

  /** The points {@link #logPosterior} adds to each dimension at {@code weight}; null when it knows no feature. */
  double[] share(PromptText text, double weight) {
    double[] lp = logPosterior(text);
    if (lp == null) {
      return null;
    }
    double[] share = new double[DIMS];
    for (int d = 0; d < DIMS; d++) {
      share[d] = weight * (Math.max(lp[d], -FLOOR) + FLOOR);
    }
    return share;
  }

  /** Counts the features of labelled prompts; those in fewer than {@link #MIN_COUNT} are dropped. */
  static TextModel train(List<PromptText> texts, List<Dimension> labels) {
    int[] prompts = new int[DIMS];
    Map<String, int[]> all = new HashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      int d = labels.get(i).ordinal();
      prompts[d]++;
      for (String f : features(texts.get(i))) {
        all.computeIfAbsent(f, k -> new int[DIMS])[d]++;
      }
    }
    Map<String, int[]> kept = new TreeMap<>();
    for (Map.Entry<String, int[]> e : all.entrySet()) {
      int n = 0;
      for (int c : e.getValue()) {
        n += c;
      }
      if (n >= MIN_COUNT) {
        kept.put(e.getKey(), e.getValue());
      }
    }
    return new TextModel(prompts, kept);
  }

  /** Writes the counts: a header, the prompts per dimension, then one sorted line per feature. */
  void write(Writer out) throws IOException {
    out.write(MAGIC + "\n");
    out.write(join(prompts) + "\n");
    for (Map.Entry<String, int[]> e : new TreeMap<>(counts).entrySet()) {
      out.write(e.getKey() + "\t" + join(e.getValue()) + "\n");
    }
  }

  private static String join(int[] values) {
    StringBuilder b = new StringBuilder();
    for (int v : values) {
      b.append(b.length() == 0 ? "" : " ").append(v);
    }
    return b.toString();
  }

  static TextModel read(InputStream in) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 14);
    if (!MAGIC.equals(r.readLine())) {
      throw new IOException("not an acr text model (expected '" + MAGIC + "' on its first line)");
    }
    int[] prompts = parse(r.readLine());
    Map<String, int[]> counts = new HashMap<>(1 << 13);
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      int tab = line.indexOf('\t');
      counts.put(line.substring(0, tab), parse(line.substring(tab + 1)));
    }
    return new TextModel(prompts, counts);
  }

  private static int[] parse(String line) throws IOException {
    int[] out = new int[DIMS];
    int d = 0;
    int v = 0;
    for (int i = 0; i <= line.length(); i++) {
      char c = i < line.length() ? line.charAt(i) : ' ';
      if (c == ' ') {
        if (d == DIMS) {
          throw new IOException("more than " + DIMS + " counts in '" + line + "'");
        }
        out[d++] = v;
        v = 0;
      } else if (c >= '0' && c <= '9') {
        v = v * 10 + (c - '0');
      } else {
        throw new IOException("not a count in '" + line + "'");
      }
    }
    if (d != DIMS) {
      throw new IOException("expected " + DIMS + " counts in '" + line + "'");
    }
    return out;
  }

  /** Number of features kept (for the README's size line and the tests). */
  int size() {
    return counts.size();
  }
}
