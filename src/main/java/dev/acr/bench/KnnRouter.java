package dev.acr.bench;

import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.Router;
import dev.acr.core.Task;
import java.util.Arrays;
import java.util.List;

/**
 * kNN retrieval, online. It remembers only what it ran: for each earlier attempt the task, the
 * route and the reward it got (performance − 0.1 × USD). For a new task it
 * takes the {@link #K} most similar earlier attempts (cosine over {@link TaskFeatures}; ties go to
 * the more recent) and picks the offered route with the best neighbour mean reward, shrunk
 * toward the route's overall mean with weight one so a single lucky neighbour does not decide.
 * A route it has never run is tried first (in menu order): without one observation there is
 * nothing to shrink toward. After a failed attempt, when the attempt limit allows another, it
 * re-plans the same way over the routes not yet tried on the task, and runs that route if it was
 * never run or its score is above zero (the attempt is expected to be worth its cost).
 */
public final class KnnRouter implements Router {
  static final int K = 5;
  /** Cosine 1 up to float rounding of the normalised vectors. */
  private static final float FULL = 1f - 1e-5f;

  private final RouteMenu menu;
  private final TaskFeatures features;
  private final int[] pastRow;
  /** Each past attempt's row's vector class ({@link TaskFeatures#bagClass}). */
  private final int[] pastClass;
  /** Per vector class, its similarity to the row of the current search ({@link #nearest}). */
  private final float[] classSimilarity;
  private final int[] pastRoute;
  private final double[] pastReward;
  private int past;
  private final double[] sum;
  private final int[] count;
  private final double[] nbrSum;
  private final int[] nbrCount;
  private final int[] topRow = new int[K];
  private final float[] topSim = new float[K];
  /** The last {@link #nearest} search: its row, the memory's size then, and how many it found. */
  private int foundRow = -1;
  private int foundPast = -1;
  private int foundCount;

  /** {@code capacity}: attempts to remember, i.e. tasks × the attempt limit. */
  public KnnRouter(RouteMenu menu, TaskFeatures features, int capacity) {
    this.menu = menu;
    this.features = features;
    this.pastRow = new int[capacity];
    this.pastClass = new int[capacity];
    this.classSimilarity = new float[features.bagClasses()];
    this.pastRoute = new int[capacity];
    this.pastReward = new double[capacity];
    this.sum = new double[menu.size()];
    this.count = new int[menu.size()];
    this.nbrSum = new double[menu.size()];
    this.nbrCount = new int[menu.size()];
  }

  @Override
  public String name() {
    return "kNN";
  }

  @Override
  public List<Route> plan(Task task, List<AttemptResult> attemptsSoFar) {
    int row = features.row(task);
    int[] offered = menu.untried(task, attemptsSoFar);
    if (row < 0 || offered.length == 0) {
      return List.of();
    }
    for (int r : offered) {
      if (count[r] == 0) {
        return menu.only(r);
      }
    }
    // A run re-plans after each failure, but the memory grows only when it ends (observe): the
    // same row over the same past has the same neighbours, so the last search is reused.
    if (row != foundRow || past != foundPast) {
      foundCount = nearest(row);
      foundRow = row;
      foundPast = past;
    }
    Arrays.fill(nbrSum, 0);
    Arrays.fill(nbrCount, 0);
    for (int i = 0; i < foundCount; i++) {
      nbrSum[pastRoute[topRow[i]]] += pastReward[topRow[i]];
      nbrCount[pastRoute[topRow[i]]]++;
    }
    int best = -1;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int r : offered) {
      double score = (nbrSum[r] + sum[r] / count[r]) / (nbrCount[r] + 1);
      if (score > bestScore) {
        bestScore = score;
        best = r;
      }
    }
    return attemptsSoFar.isEmpty() || bestScore > 0 ? menu.only(best) : List.of();
  }

  @Override
  public void observe(Task task, List<AttemptResult> attempts) {
    int row = features.row(task);
    if (row < 0) {
      return;
    }
    for (AttemptResult a : attempts) {
      if (past == pastRow.length) {
        return;
      }
      int r = menu.index(a.route());
      double reward = BenchTable.reward(a);
      pastRow[past] = row;
      pastClass[past] = features.bagClass(row);
      pastRoute[past] = r;
      pastReward[past++] = reward;
      sum[r] += reward;
      count[r]++;
    }
  }

  /** Fills topRow (indices into the past arrays) with up to K nearest; returns how many. */
  private int nearest(int row) {
    // The similarities by class, looked up once per search: the scan below then reads one flat
    // array instead of two lookups into the triangle per past attempt (the same floats).
    features.similaritiesTo(row, classSimilarity);
    int found = 0;
    // Newest first, so an equal similarity never displaces a more recent neighbour.
    for (int p = past - 1; p >= 0; p--) {
      if (found == K && topSim[K - 1] >= FULL) {
        break; // cosine cannot exceed 1: nothing older can displace K identical contexts
      }
      float s = pastRow[p] == row ? 1f : classSimilarity[pastClass[p]];
      if (s <= 0 || (found == K && s <= topSim[K - 1])) {
        continue;
      }
      int i = found < K ? found++ : K - 1;
      while (i > 0 && topSim[i - 1] < s) {
        topSim[i] = topSim[i - 1];
        topRow[i] = topRow[i - 1];
        i--;
      }
      topSim[i] = s;
      topRow[i] = p;
    }
    return found;
  }
}
