package dev.acr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.context.Dimension;
import dev.acr.core.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The retrieval similarities are what the plain definition gives: words of three or more
 * letters or digits, lower-cased (Locale.ROOT), hashed into buckets, log tf, L2-normalised,
 * cosine summed in key order. The reference below is that definition written the obvious way
 * (maps, substrings, a merge of sorted keys); the features must match it exactly, bit for bit,
 * including non-ASCII words whose lower case changes their length.
 */
class TaskFeaturesTest {

  private static final String[] WORDS = {
    "Parser", "PARSER", "parser", "fix", "ab", "x", "HTTP2", "retry", "42", "4242", "café", "CAFÉ", "İstanbul",
    "straße", "日本語", "naïve", "ΣΊΣΥΦΟΣ", "a1b2c3", "the", "crash", "quoted", "TimeSeries",
  };
  private static final String[] GAPS = {" ", "  ", ", ", "\n", "\r\n", "-", "_", ".", "(", ") ", "\t", "—", "→"};

  @Test
  void similaritiesMatchThePlainDefinitionExactly() {
    SplittableRandom rng = new SplittableRandom(3);
    List<Task> tasks = new ArrayList<>();
    Dimension[] dims = Dimension.values();
    for (int t = 0; t < 120; t++) {
      String prompt = t % 10 == 0 ? null : t % 10 == 1 ? "" : t % 10 == 2 ? "a b ab" : prompt(rng);
      tasks.add(new Task("t" + t, prompt, dims[rng.nextInt(dims.length)],
          rng.nextBoolean() ? "bench" + rng.nextInt(5) : null, rng.nextBoolean() ? "python" : null));
    }
    TaskFeatures features = new TaskFeatures(tasks);
    List<Map<Integer, Float>> reference = new ArrayList<>();
    for (Task task : tasks) {
      reference.add(referenceBag(task));
    }
    for (int a = 0; a < tasks.size(); a++) {
      for (int b = 0; b < tasks.size(); b++) {
        float expected = a == b ? 1f : referenceDot(reference.get(a), reference.get(b));
        assertThat(features.similarity(a, b)).as("tasks %d and %d", a, b).isEqualTo(expected);
      }
    }
  }

  private static String prompt(SplittableRandom rng) {
    StringBuilder sb = new StringBuilder();
    for (int i = rng.nextInt(1, 40); i > 0; i--) {
      sb.append(WORDS[rng.nextInt(WORDS.length)]).append(GAPS[rng.nextInt(GAPS.length)]);
    }
    return sb.toString();
  }

  /** The bag by the plain definition, key to weight, keys in rising order. */
  private static Map<Integer, Float> referenceBag(Task task) {
    java.util.TreeMap<Integer, Integer> tf = new java.util.TreeMap<>();
    String p = task.prompt();
    if (p != null) {
      int start = -1;
      for (int i = 0; i <= p.length(); i++) {
        boolean word = i < p.length() && Character.isLetterOrDigit(p.charAt(i));
        if (word && start < 0) {
          start = i;
        } else if (!word && start >= 0) {
          if (i - start >= 3) {
            tf.merge(Math.floorMod(p.substring(start, i).toLowerCase(Locale.ROOT).hashCode(), 2048), 1, Integer::sum);
          }
          start = -1;
        }
      }
    }
    if (tf.isEmpty()) {
      tf.put(2048 + 1 + task.dimension().ordinal(), 1);
      if (task.bench() != null) {
        tf.put(2048 + 16 + Math.floorMod(task.bench().hashCode(), 64), 1);
      }
      if (task.language() != null) {
        tf.put(2048 + 96 + Math.floorMod(task.language().hashCode(), 64), 1);
      }
    }
    Map<Integer, Float> w = new java.util.LinkedHashMap<>();
    double norm = 0;
    for (Map.Entry<Integer, Integer> e : tf.entrySet()) {
      float v = (float) Math.log1p(e.getValue());
      w.put(e.getKey(), v);
      norm += v * v;
    }
    float n = (float) Math.sqrt(norm);
    w.replaceAll((k, v) -> v / n);
    return w;
  }

  private static float referenceDot(Map<Integer, Float> a, Map<Integer, Float> b) {
    float s = 0;
    for (Map.Entry<Integer, Float> e : a.entrySet()) {
      Float other = b.get(e.getKey());
      if (other != null) {
        s += e.getValue() * other;
      }
    }
    return s;
  }
}
