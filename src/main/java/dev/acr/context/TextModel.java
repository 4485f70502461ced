package dev.acr.context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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

  static final String RESOURCE = "/dev/acr/context/text-model.tsv";

  private static final String MAGIC = "# acr text model v1";

  private static final int DIMS = Dimension.values().length;

  /**
   * What the model adds to a terse prompt's rule scores: its log posterior at temperature
   * {@link #TEMPERATURE}, floored at {@code -FLOOR} and shifted to be non-negative, times this
   * weight; so at most 4 points, enough to settle what the rules leave close, not to overturn a
   * clear verdict. The three chosen by held-out checks (bench/classifier-model/README.md, blind.py;
   * floor 4 until cls11, when more training data made the model worth more on the blind probes).
   */
  static final double WEIGHT = 0.5;

  static final double FLOOR = 8;

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

  /**
   * The resource's text, inflated, and where each feature's line starts. Lines are sorted, so a
   * feature is found by binary search; nothing is parsed at load but the three header lines,
   * which keeps the load (on every start of acr) to inflating the file and one scan for newlines.
   */
  private final byte[] data;

  private final int[] lines;

  private final double[] denominator;

  private TextModel(int[] prompts, int[] totals, byte[] data, int[] lines) {
    this.prompts = prompts;
    this.data = data;
    this.lines = lines;
    denominator = new double[DIMS];
    for (int d = 0; d < DIMS; d++) {
      denominator[d] = Math.log(totals[d] + ALPHA * lines.length);
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
        return read(in);
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
      int[] c = counts(f);
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
    int[] totals = new int[DIMS];
    StringBuilder rows = new StringBuilder();
    for (Map.Entry<String, int[]> e : new TreeMap<>(all).entrySet()) {
      int n = 0;
      for (int c : e.getValue()) {
        n += c;
      }
      if (n >= MIN_COUNT) {
        rows.append(e.getKey()).append('\t').append(join(e.getValue())).append('\n');
        for (int d = 0; d < DIMS; d++) {
          totals[d] += e.getValue()[d];
        }
      }
    }
    String text = MAGIC + "\n" + join(prompts) + "\n" + join(totals) + "\n" + rows;
    try {
      return read(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the text was written just above
    }
  }

  /** Writes the model: a header, the prompts and the feature counts per dimension, one sorted line per feature. */
  void write(Writer out) throws IOException {
    out.write(new String(data, StandardCharsets.UTF_8));
  }

  private static String join(int[] values) {
    StringBuilder b = new StringBuilder();
    for (int v : values) {
      b.append(b.length() == 0 ? "" : " ").append(v);
    }
    return b.toString();
  }

  static TextModel read(InputStream in) throws IOException {
    byte[] data = in.readAllBytes();
    int[] header = new int[4];
    for (int i = 1, at = 0; i < header.length; i++) {
      at = next(data, at);
      header[i] = at;
    }
    if (!MAGIC.equals(line(data, 0, header[1]))) {
      throw new IOException("not an acr text model (expected '" + MAGIC + "' on its first line)");
    }
    int[] prompts = parse(line(data, header[1], header[2]));
    int[] totals = parse(line(data, header[2], header[3]));
    int count = 0;
    for (int i = header[3]; i < data.length; i++) {
      count += data[i] == '\n' ? 1 : 0;
    }
    int[] lines = new int[count];
    for (int i = header[3], n = 0; n < count; i = next(data, i)) {
      lines[n++] = i;
    }
    return new TextModel(prompts, totals, data, lines);
  }

  /** Where the line after the one starting at {@code at} starts (or the end). */
  private static int next(byte[] data, int at) {
    while (at < data.length && data[at] != '\n') {
      at++;
    }
    return Math.min(at + 1, data.length);
  }

  private static String line(byte[] data, int from, int next) {
    int end = next > from && data[next - 1] == '\n' ? next - 1 : next;
    return new String(data, from, end - from, StandardCharsets.UTF_8);
  }

  /** A feature's counts per dimension, or null when it is not in the model. */
  int[] counts(String feature) {
    byte[] key = feature.getBytes(StandardCharsets.UTF_8);
    int lo = 0;
    int hi = lines.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int cmp = compare(lines[mid], key);
      if (cmp == 0) {
        int tab = lines[mid] + key.length;
        try {
          return parse(line(data, tab + 1, mid + 1 < lines.length ? lines[mid + 1] : data.length));
        } catch (IOException e) {
          throw new UncheckedIOException("acr: a malformed line in " + RESOURCE + "; rebuild acr (mvn package)", e);
        }
      }
      if (cmp < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return null;
  }

  /** The feature of the line at {@code at} (up to its tab) against {@code key}, byte by byte. */
  private int compare(int at, byte[] key) {
    for (int i = 0; ; i++) {
      byte b = data[at + i];
      boolean lineEnds = b == '\t' || b == '\n';
      if (i == key.length) {
        return lineEnds ? 0 : 1;
      }
      if (lineEnds) {
        return -1;
      }
      if (b != key[i]) {
        return Integer.compare(b & 0xff, key[i] & 0xff);
      }
    }
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

  /** Number of features kept. */
  int size() {
    return lines.length;
  }
}
