package dev.acr.bench;

import dev.acr.core.Task;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Features of the router-visible part of tasks (prompt, dimension, bench, language), computed
 * once per dataset from {@link Task}s alone and shared read-only by all replay threads. Nothing
 * here looks at outcomes, and nothing mixes one task's text into another's features (no IDF),
 * so a router using them knows no more than the task in front of it.
 *
 * <ul>
 *   <li>dense bandit context, {@link #DIM} values: bias, dimension one-hot, hashed bench (4),
 *       hashed language (2), log prompt length, hashed prompt tokens (7); stored sparsely.
 *   <li>retrieval vectors for kNN: L2-normalised hashed bag of words (log tf) of the prompt, or the
 *       dimension/bench/language one-hot where there is no prompt; cosine similarities are
 *       precomputed as a matrix so a kNN decision is a row scan.
 * </ul>
 */
public final class TaskFeatures {
  public static final int DIM = 24;
  private static final int DIMENSION_AT = 1;
  private static final int BENCH_AT = 10;
  private static final int LANGUAGE_AT = 14;
  private static final int LENGTH_AT = 16;
  private static final int TOKENS_AT = 17;
  private static final int TOKEN_BUCKETS = 7;
  private static final int WORD_BUCKETS = 2048;
  /** Every key a bag may hold: the word buckets, then dimension, bench and language ones. */
  private static final int BUCKETS = WORD_BUCKETS + 160;

  private final Map<String, Integer> index;
  /**
   * The same rows by the given task instances, which the replay hands to the routers: found by
   * identity without reading the key string (LinUCB, LinTS and kNN ask per plan and per run).
   */
  private final Map<Task, Integer> ownIndex;
  private final int[][] nonzero;
  private final double[][] values;
  /** Per task: its retrieval vector's class; tasks with equal vectors share one. */
  private final int[] bagClass;
  /** Cosine similarity between classes, lower triangle with the diagonal. */
  private final float[][] similarity;

  public TaskFeatures(List<Task> tasks) {
    int n = tasks.size();
    index = new HashMap<>(n * 2);
    nonzero = new int[n][];
    values = new double[n][];
    bagClass = new int[n];
    // Without prompts (the ID split) thousands of tasks share a handful of vectors; comparing
    // classes instead of tasks turns millions of sparse dot products into a few hundred.
    Map<Bag, Integer> classes = new HashMap<>();
    java.util.List<Bag> distinct = new java.util.ArrayList<>();
    int[] counts = new int[BUCKETS];
    for (int t = 0; t < n; t++) {
      Task task = tasks.get(t);
      index.put(task.key(), t);
      Bag bag = bag(task, counts);
      bagClass[t] = classes.computeIfAbsent(bag, b -> {
        distinct.add(b);
        return distinct.size() - 1;
      });
      dense(task, bag, t);
    }
    // From the key map, so that a key listed twice gives the row the key lookup gives.
    ownIndex = new java.util.IdentityHashMap<>(n);
    for (Task task : tasks) {
      ownIndex.put(task, index.get(task.key()));
    }
    similarity = new float[distinct.size()][];
    // Each row's vector spread out densely, so a dot product is one pass over the other bag's
    // keys instead of a merge of two sorted lists (most of loading OOD176's 176 long prompts).
    float[] dense = new float[BUCKETS];
    for (int i = 0; i < distinct.size(); i++) {
      // Lower triangle only: sim is symmetric. The diagonal is what two different tasks with
      // one vector get (the dot product, which rounding may keep just below 1).
      Bag a = distinct.get(i);
      for (int k = 0; k < a.keys.length; k++) {
        dense[a.keys[k]] = a.weights[k];
      }
      similarity[i] = new float[i + 1];
      for (int j = 0; j <= i; j++) {
        similarity[i][j] = dot(dense, distinct.get(j).keys, distinct.get(j).weights);
      }
      for (int key : a.keys) {
        dense[key] = 0;
      }
    }
  }

  /** Row of a task, or -1 when unknown. */
  public int row(Task task) {
    Integer i = ownIndex.get(task);
    if (i != null) {
      return i;
    }
    i = index.get(task.key());
    return i == null ? -1 : i;
  }

  /** Indices of the non-zero bandit features of a row (never mutate). */
  int[] nonzero(int row) {
    return nonzero[row];
  }

  /** Values matching {@link #nonzero(int)} (never mutate). */
  double[] values(int row) {
    return values[row];
  }

  /** The retrieval vector class of a row: rows of one class have equal vectors. */
  int bagClass(int row) {
    return bagClass[row];
  }

  /** How many distinct retrieval vectors there are ({@link #bagClass} is below this). */
  int bagClasses() {
    return similarity.length;
  }

  /**
   * Into {@code out}, per class, its similarity to row {@code a}'s vector: {@link #similarity}
   * of {@code a} and any row of that class other than {@code a} itself (a row is 1 to itself).
   */
  void similaritiesTo(int a, float[] out) {
    int ca = bagClass[a];
    for (int c = 0; c < similarity.length; c++) {
      out[c] = ca >= c ? similarity[ca][c] : similarity[c][ca];
    }
  }

  /** Cosine similarity of the retrieval vectors of two rows. */
  float similarity(int a, int b) {
    if (a == b) {
      return 1f;
    }
    int ca = bagClass[a];
    int cb = bagClass[b];
    return ca >= cb ? similarity[ca][cb] : similarity[cb][ca];
  }

  private void dense(Task task, Bag bag, int t) {
    double[] x = new double[DIM];
    x[0] = 1;
    if (task.dimension() != null) {
      x[DIMENSION_AT + task.dimension().ordinal()] = 1;
    }
    if (task.bench() != null) {
      x[BENCH_AT + Math.floorMod(task.bench().hashCode(), 4)] = 1;
    }
    if (task.language() != null) {
      x[LANGUAGE_AT + Math.floorMod(task.language().hashCode(), 2)] = 1;
    }
    if (task.prompt() != null) {
      x[LENGTH_AT] = Math.log1p(task.prompt().length()) / 10.0;
      double[] folded = new double[TOKEN_BUCKETS];
      for (int i = 0; i < bag.keys.length; i++) {
        folded[Math.floorMod(bag.keys[i] * 0x9E3779B1, TOKEN_BUCKETS)] += bag.weights[i];
      }
      double norm = Math.sqrt(Arrays.stream(folded).map(v -> v * v).sum());
      for (int b = 0; b < TOKEN_BUCKETS && norm > 0; b++) {
        x[TOKENS_AT + b] = 0.5 * folded[b] / norm;
      }
    }
    int count = 0;
    for (double v : x) {
      count += v != 0 ? 1 : 0;
    }
    nonzero[t] = new int[count];
    values[t] = new double[count];
    for (int i = 0, k = 0; i < DIM; i++) {
      if (x[i] != 0) {
        nonzero[t][k] = i;
        values[t][k++] = x[i];
      }
    }
  }

  /** Sorted hashed word buckets with L2-normalised log-tf weights; equal when both arrays are. */
  private record Bag(int[] keys, float[] weights) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Bag b && Arrays.equals(keys, b.keys) && Arrays.equals(weights, b.weights);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(keys) + Arrays.hashCode(weights);
    }
  }

  /**
   * The task's bag. {@code counts} is a zeroed scratch array of {@link #BUCKETS} entries, left
   * zeroed: counting words into it, rather than into a map, is what makes the 176 long OOD176
   * prompts quick to read.
   */
  private static Bag bag(Task task, int[] counts) {
    int[] keys;
    int[] tf;
    int distinct = task.prompt() == null ? 0 : countWords(task.prompt(), counts);
    if (distinct > 0) {
      keys = new int[distinct];
      tf = new int[distinct];
      for (int k = 0, i = 0; i < distinct; k++) {
        if (counts[k] > 0) {
          keys[i] = k;
          tf[i++] = counts[k];
          counts[k] = 0;
        }
      }
    } else {
      // No prompt (the ID split): the context is all there is to compare (keys in rising order).
      int[] context = new int[3];
      int n = 0;
      context[n++] = WORD_BUCKETS + (task.dimension() == null ? 0 : 1 + task.dimension().ordinal());
      if (task.bench() != null) {
        context[n++] = WORD_BUCKETS + 16 + Math.floorMod(task.bench().hashCode(), 64);
      }
      if (task.language() != null) {
        context[n++] = WORD_BUCKETS + 96 + Math.floorMod(task.language().hashCode(), 64);
      }
      keys = Arrays.copyOf(context, n);
      tf = new int[n];
      Arrays.fill(tf, 1);
    }
    float[] w = new float[keys.length];
    double norm = 0;
    for (int i = 0; i < keys.length; i++) {
      w[i] = (float) Math.log1p(tf[i]);
      norm += w[i] * w[i];
    }
    for (int i = 0; i < w.length; i++) {
      w[i] /= (float) Math.sqrt(norm);
    }
    return new Bag(keys, w);
  }

  /**
   * Counts the prompt's words of three or more letters or digits into their hashed buckets (the
   * lower-cased word's String hash); returns how many buckets it filled.
   */
  private static int countWords(String p, int[] counts) {
    int filled = 0;
    int start = -1;
    for (int i = 0; i <= p.length(); i++) {
      boolean word = i < p.length() && isLetterOrDigit(p.charAt(i));
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        // Words of one or two letters are mostly noise in issue texts.
        if (i - start >= 3 && counts[Math.floorMod(lowerCaseHash(p, start, i), WORD_BUCKETS)]++ == 0) {
          filled++;
        }
        start = -1;
      }
    }
    return filled;
  }

  /** {@link Character#isLetterOrDigit(char)}, answered directly for ASCII. */
  private static boolean isLetterOrDigit(char c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    return Character.isLetterOrDigit(c);
  }

  /**
   * {@code p.substring(start, end).toLowerCase(Locale.ROOT).hashCode()} without making either
   * string when the word is ASCII (String's hash is the same sum over its chars).
   */
  private static int lowerCaseHash(String p, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      char c = p.charAt(i);
      if (c >= 128) {
        return p.substring(start, end).toLowerCase(java.util.Locale.ROOT).hashCode();
      }
      h = 31 * h + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    return h;
  }

  /**
   * The dot product of a dense vector and a bag: the products of the shared keys summed in key
   * order, as a merge of the two sorted bags sums them (the other keys add exact zeros: weights
   * are never negative, so the sum never is).
   */
  private static float dot(float[] dense, int[] keys, float[] weights) {
    float s = 0;
    for (int k = 0; k < keys.length; k++) {
      s += dense[keys[k]] * weights[k];
    }
    return s;
  }
}
