package dev.acr.policy;

import dev.acr.core.Route;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The candidates' sampled skills for one decision, and the short lookahead over them. Each
 * candidate is held as the σ row of its drawn skill ({@link SkillModel#chanceRows}), so a chance is one
 * {@link Beliefs#chance} with no lookup in the skill model.
 *
 * <p>Scratch space is one array per lookahead depth: the search is depth-first, so what a node at
 * depth d writes (the belief after a failure there, its candidates' chances) is only read below
 * d, and reusing one array per depth spares the dozens of copies per decision that kept the
 * garbage collector busy in replays. Those arrays live in a {@link Scratch} the policy keeps
 * across its decisions (a replay makes hundreds of thousands of plans), not in the chain.
 */
final class Chain {

  /**
   * A policy's working arrays for its chains, one decision at a time (a policy plans for one run
   * loop, never two decisions at once), grown to the largest plan seen. Every array a chain reads
   * is written by that chain before it is read, so nothing carries from one decision to the next.
   */
  static final class Scratch {
    private double[][] beliefAt = new double[0][];
    private double[][] chancesAt = new double[0][];
    private double[][] firstFailed = new double[0][];
    private double[] pairs = new double[0];
    private double[] upper = new double[0];
    private double[] bound = new double[0];
    private int[] ranked = new int[0];
    private double[][] rows = new double[0][];
    private double[] w = new double[0];

    /** Room for {@code n} candidates, a grid of {@code grid} points and a lookahead of {@code depth}. */
    private void fit(int n, int grid, int depth) {
      if (w.length != grid || rows.length < n || beliefAt.length <= depth) {
        int m = Math.max(n, rows.length);
        int d = Math.max(depth + 1, beliefAt.length);
        beliefAt = new double[d][grid];
        chancesAt = new double[d][m];
        firstFailed = new double[m][grid];
        pairs = new double[m * m];
        upper = new double[m];
        bound = new double[m];
        ranked = new int[m];
        rows = new double[m][];
        w = new double[grid];
      }
    }
  }

  private final List<Route> routes;
  private final double[] difficulty;
  /** σ(skill − difficulty) over the difficulty grid: one row per candidate (the first n of the scratch's). */
  private final double[][] rows;
  private final double[] cost;
  private final double[] partial;
  private final double[] run;
  private final Scratch scratch;
  /** Per depth: the belief after a failure there, and the candidates' chances at a node there. */
  private double[][] beliefAt;
  private double[][] chancesAt;
  /**
   * In a three-step plan: per candidate, the belief after it failed first (the first step's
   * nodes), kept for the plan so that {@link #pair} can work a pair out from its lower candidate's
   * node whenever it is first needed, as the first step used to at that node.
   */
  private double[][] firstFailed;
  /**
   * In a three-step plan: the best last attempt after two failures, by unordered pair (NaN: not
   * worked out yet); see {@link #pair}. Null in plans of other depths.
   */
  private double[] pairs;
  /** Per candidate, a bound on its value at the current depth-2 node ({@link #node}). */
  private double[] upper;
  /** Per candidate, a bound on its value as the last attempt below the current node at depth 2 ({@link #rank}). */
  private double[] bound;
  /** The candidates of that node by {@link #bound}, highest first, and how many there are. */
  private int[] ranked;
  private int rankedCount;
  /**
   * The current depth-2 node's chances and used set, not yet {@link #rank}ed: the ranking is made
   * when that node's first {@link #bestLast} needs it. Below many nodes none does (every pair
   * after it was already worked out: the last first step's, and the plan's second step), and the
   * ranking's sort was a thirtieth of a replay. Nothing else reads it, so no value changes.
   */
  private double[] unranked;
  private long unrankedUsed;
  /**
   * Slack of {@link #bestLast}'s bounds, on a chance and on a value: far above the rounding
   * error of a sum of 17 products (~1e-15), far below what separates two routes' values.
   */
  private static final double MARGIN = 1e-9;

  /** A chain with working arrays of its own (tests, one-off plans). */
  Chain(List<Route> routes, double[][] sigma, double[] difficulty, int[] skill, double[] cost, double[] partial,
      double[] run) {
    this(routes, sigma, difficulty, skill, cost, partial, run, new Scratch());
  }

  /**
   * {@code sigma} gives the σ row of each skill grid point ({@link SkillModel#chanceRows}), {@code skill}
   * each candidate's drawn grid point; {@code scratch} the policy's working arrays.
   */
  Chain(List<Route> routes, double[][] sigma, double[] difficulty, int[] skill, double[] cost, double[] partial,
      double[] run, Scratch scratch) {
    this.routes = routes;
    this.difficulty = difficulty;
    this.cost = cost;
    this.partial = partial;
    this.run = run;
    this.scratch = scratch;
    int n = routes.size();
    scratch.fit(n, difficulty.length, 0);
    this.rows = scratch.rows;
    for (int j = 0; j < n; j++) {
      rows[j] = sigma[skill[j]];
    }
    this.bound = scratch.bound;
    this.ranked = scratch.ranked;
    this.upper = scratch.upper;
  }

  /** This depth's scratch belief, set to w after route j failed. */
  private double[] afterFailure(double[] w, int j, int depth) {
    double[] to = beliefAt[depth];
    failed(w, to, j);
    return to;
  }

  /**
   * Belief w after route j failed, written into {@code to}: a route that runs at all only with
   * chance run[j] fails either way.
   */
  private void failed(double[] w, double[] to, int j) {
    Beliefs.fail(w, to, rows[j], run[j]);
  }

  /**
   * The chances of the candidates not in {@code used} under belief w, into this depth's scratch:
   * that it runs at all, times that it then verifies. At depth 2 also keeps them for {@link
   * #bestLast}'s ranking ({@link #unranked}).
   */
  private double[] chances(double[] w, long used, int depth, double lambda) {
    double[] out = chancesAt[depth];
    // Two candidates at a time (Beliefs.chance2: the same bits, faster), an odd one out alone.
    int n = routes.size();
    int j = nextUnused(used, 0);
    while (j < n) {
      int k = nextUnused(used, j + 1);
      if (k < n) {
        Beliefs.chance2(w, rows[j], w, rows[k], out, j, k);
        out[j] = run[j] * out[j];
        out[k] = run[k] * out[k];
        j = nextUnused(used, k + 1);
      } else {
        out[j] = run[j] * Beliefs.chance(w, rows[j]);
        j = n;
      }
    }
    if (depth == 2) {
      unranked = out;
      unrankedUsed = used;
    }
    return out;
  }

  /** The first candidate from {@code j} on not in {@code used} (the candidate count when none). */
  private int nextUnused(long used, int j) {
    while (j < routes.size() && (used & (1L << j)) != 0) {
      j++;
    }
    return j;
  }

  /**
   * For the last attempts below a node at depth 2 (chances {@code p} there): each candidate's
   * bound on its last-attempt value ({@link #bestLast}), and the candidates by bound, highest first.
   */
  private void rank(double[] p, long used, double lambda) {
    int count = 0;
    for (int j = 0; j < routes.size(); j++) {
      if ((used & (1L << j)) == 0) {
        // No bound where the value need not grow with the chance (a partial score above 1) or is not a number.
        double b = lastValue(j, p[j] + MARGIN, lambda) + MARGIN;
        bound[j] = partial[j] <= 1 && !Double.isNaN(b) ? b : Double.POSITIVE_INFINITY;
        // Insertion sort: a handful of candidates.
        int at = count++;
        while (at > 0 && bound[ranked[at - 1]] < bound[j]) {
          ranked[at] = ranked[at - 1];
          at--;
        }
        ranked[at] = j;
      }
    }
    rankedCount = count;
  }

  /** The escalation chain worth running, best first; empty when no attempt is worth it. */
  List<Route> bestOrder(int depth, double standing, double lambda) {
    int n = routes.size();
    scratch.fit(n, difficulty.length, depth);
    beliefAt = scratch.beliefAt;
    chancesAt = scratch.chancesAt;
    firstFailed = scratch.firstFailed;
    List<Route> order = new ArrayList<>(depth);
    long used = 0;
    double[] w = scratch.w;
    System.arraycopy(difficulty, 0, w, 0, w.length);
    double stand = standing;
    // Failing j then k leaves the same difficulty belief as failing k then j, so the best last
    // attempt after that pair is worked out once per unordered pair (a third of all planning
    // time went to working it out twice), by whichever node first needs it; the second step,
    // which picks the plan's second route, reads it back or works out what no node needed.
    pairs = null;
    if (depth == 3) {
      pairs = scratch.pairs;
      Arrays.fill(pairs, 0, n * n, Double.NaN);
    }
    int previous = -1;
    for (int k = depth; k > 0; k--) {
      int best = -1;
      double bestValue = stand;
      double[] p = chances(w, used, k, lambda);
      for (int j = 0; j < n; j++) {
        if ((used & (1L << j)) == 0) {
          double v = valueOf(j, p[j], w, used, k, lambda, previous);
          if (v > bestValue + 1e-12) {
            bestValue = v;
            best = j;
          }
        }
      }
      if (best < 0) {
        break;
      }
      order.add(routes.get(best));
      previous = best;
      used |= 1L << best;
      failed(w, w, best);
      stand = partial[best];
    }
    return order;
  }

  /**
   * Expected reward of trying j next (chance p) under difficulty belief w, then acting best.
   * {@code first} is the route that failed before j in a three-step plan ({@link #pairs}), -1 at
   * the top.
   */
  private double valueOf(int j, double p, double[] w, long used, int depth, double lambda, int first) {
    double ifFailed = partial[j];
    if (depth == 2 && pairs != null && first >= 0) {
      ifFailed = Math.max(partial[j], pair(first, j, used | (1L << j), lambda));
    } else if (depth == 3 && pairs != null) {
      double[] after = firstFailed[j];
      failed(w, after, j);
      ifFailed = node(after, used | (1L << j), partial[j], lambda, j);
    } else if (depth > 1) {
      double[] after = afterFailure(w, j, depth);
      ifFailed = best(after, used | (1L << j), depth - 1, partial[j], lambda);
    }
    return p - lambda * cost[j] + (1 - p) * ifFailed;
  }

  /** {@link #valueOf} at depth 2 of a three-step plan, given the best last attempt after j failed too. */
  private double valueAfter(int j, double p, double lambda, double pair) {
    return p - lambda * cost[j] + (1 - p) * Math.max(partial[j], pair);
  }

  /**
   * The best last attempt after routes a and b both failed ({@code used} holds both), read as
   * max(partial of one of the pair, this), worked out once per unordered pair. Always from the
   * lower one's node, failing the higher one there, as the first step's nodes in index order
   * used to: the same belief bit for bit, whichever node or step needs the pair first.
   */
  private double pair(int a, int b, long used, double lambda) {
    int lo = Math.min(a, b);
    int hi = Math.max(a, b);
    int key = lo * routes.size() + hi;
    if (Double.isNaN(pairs[key])) {
      double[] after = beliefAt[2];
      failed(firstFailed[lo], after, hi);
      // Below both partials its value does not matter, which spares bestLast the candidates
      // that cannot reach them.
      pairs[key] = bestLast(after, used, Math.min(partial[a], partial[b]), lambda);
    }
    return pairs[key];
  }

  /**
   * {@link #best} at a depth-2 node of a three-step plan's first step (w: the belief after
   * {@code first} failed). Most of a plan's time went to the best last attempt after each pair
   * ({@link #pair}), yet most pairs cannot matter: the node keeps only the highest value. So the
   * children whose pair is known are valued first, then the others, highest {@link #upper} bound
   * first, and a child whose bound is below the best value so far is left out, its pair not
   * worked out (unless another node or the plan's second step needs it). The bound: the pair is
   * at most its standing or the highest last-attempt bound of {@link #rank} at this node among
   * the other candidates, and a value does not fall as its pair grows (rounding included: each
   * operation rounds monotonically). A child left out is below the maximum, so the maximum is
   * the same, bit for bit, in any order.
   */
  private double node(double[] w, long used, double standing, double lambda, int first) {
    double best = standing;
    double[] p = chances(w, used, 2, lambda);
    int n = routes.size();
    // The children whose pair is not known yet, as bits.
    long missing = 0;
    for (int k = 0; k < n; k++) {
      if ((used & (1L << k)) == 0) {
        double known = pairs[Math.min(first, k) * n + Math.max(first, k)];
        if (Double.isNaN(known)) {
          missing |= 1L << k;
        } else {
          best = Math.max(best, valueAfter(k, p[k], lambda, known));
        }
      }
    }
    if (missing == 0) {
      return best;
    }
    rankPending(lambda);
    // A child's pair is bounded by the highest bound among the others: the first ranked, or the
    // second where the first is the child itself.
    double second = rankedCount > 1 ? bound[ranked[1]] : Double.NEGATIVE_INFINITY;
    int top = -1;
    for (long left = missing; left != 0; left &= left - 1) {
      int k = Long.numberOfTrailingZeros(left);
      double last = ranked[0] != k ? bound[ranked[0]] : second;
      upper[k] = valueAfter(k, p[k], lambda, Math.max(Math.min(partial[first], partial[k]), last));
      if (top < 0 || upper[k] > upper[top]) {
        top = k;
      }
    }
    best = Math.max(best, valueAfter(top, p[top], lambda, pair(first, top, used | (1L << top), lambda)));
    for (long left = missing & ~(1L << top); left != 0; left &= left - 1) {
      int k = Long.numberOfTrailingZeros(left);
      if (!(upper[k] < best)) {
        best = Math.max(best, valueAfter(k, p[k], lambda, pair(first, k, used | (1L << k), lambda)));
      }
    }
    return best;
  }

  private double best(double[] w, long used, int depth, double standing, double lambda) {
    if (depth == 1) {
      return bestLast(w, used, standing, lambda);
    }
    double best = standing;
    double[] p = chances(w, used, depth, lambda);
    for (int j = 0; j < routes.size(); j++) {
      if ((used & (1L << j)) == 0) {
        best = Math.max(best, valueOf(j, p[j], w, used, depth, lambda, -1));
      }
    }
    return best;
  }

  /**
   * {@link #best} for the last attempt of the lookahead, where most of planning's time goes. w is
   * the belief at a node of depth 2 after one more failure, so no candidate's chance under w
   * exceeds its chance at that node: a failure makes hard tasks likelier, and every route's
   * chance falls with difficulty. So a candidate's value at that chance (with a margin far above
   * rounding, {@link #rank}) bounds its value here. Taken by bound, highest first, once a bound
   * falls below the best found so far neither that candidate nor any after it can change the
   * maximum, and their chances under w are not worked out (mostly only the first one's is). The
   * maximum is the same, bit for bit: it does not depend on the order it is taken in.
   */
  private double bestLast(double[] w, long used, double standing, double lambda) {
    rankPending(lambda);
    double best = standing;
    for (int i = 0; i < rankedCount; i++) {
      int j = ranked[i];
      if ((used & (1L << j)) == 0) {
        if (bound[j] < best) {
          break;
        }
        best = Math.max(best, lastValue(j, run[j] * Beliefs.chance(w, rows[j]), lambda));
      }
    }
    return best;
  }

  /** {@link #rank}s the current depth-2 node's candidates if that is not done yet. */
  private void rankPending(double lambda) {
    if (unranked != null) {
      rank(unranked, unrankedUsed, lambda);
      unranked = null;
    }
  }

  /** {@link #valueOf} with no attempt after this one: a failure leaves its partial score. */
  private double lastValue(int j, double p, double lambda) {
    return p - lambda * cost[j] + (1 - p) * partial[j];
  }
}
