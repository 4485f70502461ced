package dev.acr.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The shared shift of a narrower context (see {@code SkillModel.shiftByContext}): a posterior over
 * one offset added to every route's prior skill, on a grid of {@link #POINTS} shifts.
 *
 * <p>For a given shift, a pattern's chance depends on the routes' prior skills and on the pattern
 * (its route and its failure set), not on the context's counts. The prior skills come from the
 * broader context's fit, which every narrower context under it, and every refit of one under the
 * same broader fit, shares. So one instance per broader fit keeps, per shift, each σ row, each
 * failure set's difficulty belief and each pattern's log chances, and a refit only sums its
 * counts against them. They are computed exactly as a fresh fit would (same operations, same
 * order), so the shift, and every decision, is the same bit for bit.
 *
 * <p>They are kept by the tables' shared numbers ({@link PatternNumbers}): every table given to
 * one instance must number with the same {@link PatternNumbers}, as a skill model's tables do.
 */
final class ContextShift {

  static final int POINTS = 11;
  private static final double RANGE = 5;

  private final double[] difficulties;
  private final double[] difficultyPrior;
  private final double contextSd;
  /** Each route's prior skill before the shift. */
  private final Map<String, Double> base;
  /** The numbering of every table met so far (null before the first). */
  private PatternNumbers numbers;
  /** Per route number, per shift: σ(base + shift − difficulty) over the difficulty grid. */
  private double[][][] rows = new double[0][][];
  /** Per failure-set number, per shift: the difficulty belief. */
  private double[][][] beliefs = new double[0][][];
  /** Per pattern number: its chances and their logs at every shift. */
  private Chances[] chances = new Chances[0];

  ContextShift(double[] difficulties, double[] difficultyPrior, double contextSd, Map<String, Double> base) {
    this.difficulties = difficulties;
    this.difficultyPrior = difficultyPrior;
    this.contextSd = contextSd;
    this.base = base;
  }

  static double shiftAt(int g) {
    return RANGE * (-1 + 2.0 * g / (POINTS - 1));
  }

  /** Whether this instance's prior skills are, bit for bit, {@code skill} of {@code routes}. */
  boolean hasBase(List<String> routes, double[] skill) {
    for (int r = 0; r < skill.length; r++) {
      Double b = base.get(routes.get(r));
      if (b == null || Double.doubleToRawLongBits(b) != Double.doubleToRawLongBits(skill[r])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The posterior mean shift given the table's counts (the table's routes must be in the base,
   * and it must number as the tables before it did).
   */
  double meanShift(PatternTable table) {
    if (numbers == null) {
      numbers = table.numbers();
    } else if (numbers != table.numbers()) {
      throw new IllegalArgumentException("a context shift keeps its work by one numbering of patterns");
    }
    int size = table.size();
    double[][] yes = new double[size][];
    double[][] no = new double[size][];
    for (int i = 0; i < size; i++) {
      Chances c = chances(table, i);
      // Only the sides the counts use: most patterns never verified (see LogLikelihoods.of).
      int sides = LogLikelihoods.sidesOf(table.successes[i], table.attempts[i]);
      yes[i] = (sides & LogLikelihoods.VERIFIED) != 0 ? c.logVerify() : null;
      no[i] = (sides & LogLikelihoods.FAILED) != 0 ? c.logFail() : null;
    }
    double[] lp = new double[POINTS];
    double max = Double.NEGATIVE_INFINITY;
    for (int g = 0; g < POINTS; g++) {
      double ll = -0.5 * Math.pow(shiftAt(g) / contextSd, 2);
      for (int i = 0; i < size; i++) {
        // k·log c + (n − k)·log(1 − c), without the side whose count is 0: 0 times a finite
        // negative log is −0, and adding it changes no bit.
        double k = table.successes[i];
        double m = table.attempts[i] - k;
        if (yes[i] != null && no[i] != null) {
          ll += k * yes[i][g] + m * no[i][g];
        } else if (yes[i] != null) {
          ll += k * yes[i][g];
        } else if (no[i] != null) {
          ll += m * no[i][g];
        }
      }
      lp[g] = ll;
      max = Math.max(max, ll);
    }
    double z = 0;
    double m = 0;
    for (int g = 0; g < POINTS; g++) {
      double wgt = Math.exp(lp[g] - max);
      z += wgt;
      m += wgt * RANGE * (-1 + 2.0 * g / (POINTS - 1)); // not wgt * shiftAt(g): that rounds differently
    }
    return m / z;
  }

  /**
   * A pattern's chance at every shift and its logs, each log taken the first time a count needs
   * it (a pattern's counts grow, so a side may be needed later).
   */
  private static final class Chances {
    final double[] chance;
    private double[] logVerify;
    private double[] logFail;

    Chances(double[] chance) {
      this.chance = chance;
    }

    double[] logVerify() {
      if (logVerify == null) {
        logVerify = new double[POINTS];
        for (int g = 0; g < POINTS; g++) {
          logVerify[g] = Math.log(chance[g]);
        }
      }
      return logVerify;
    }

    double[] logFail() {
      if (logFail == null) {
        logFail = new double[POINTS];
        for (int g = 0; g < POINTS; g++) {
          logFail[g] = Math.log(1 - chance[g]);
        }
      }
      return logFail;
    }
  }

  private Chances chances(PatternTable table, int i) {
    int number = table.serial[i];
    if (number >= chances.length) {
      chances = Arrays.copyOf(chances, Math.max(number + 1, 2 * chances.length));
    }
    Chances c = chances[number];
    if (c == null) {
      double[][] w = belief(table, table.failureSet[i]);
      double[][] row = row(table, table.route[i]);
      double[] chance = new double[POINTS];
      // Two shifts at a time (Beliefs.chance2: the same bits as one by one, faster).
      int g = 0;
      for (; g + 2 <= POINTS; g += 2) {
        Beliefs.chance2(w[g], row[g], w[g + 1], row[g + 1], chance, g, g + 1);
      }
      for (; g < POINTS; g++) {
        chance[g] = Beliefs.chance(w[g], row[g]);
      }
      for (g = 0; g < POINTS; g++) {
        chance[g] = LogLikelihoods.clamp(chance[g]);
      }
      c = new Chances(chance);
      chances[number] = c;
    }
    return c;
  }

  /** The belief after a failure-set node at every shift: its prefix's, updated with its last failure. */
  private double[][] belief(PatternTable table, int node) {
    int number = table.nodeNumber(node);
    if (number >= beliefs.length) {
      beliefs = Arrays.copyOf(beliefs, Math.max(number + 1, 2 * beliefs.length));
    }
    double[][] w = beliefs[number];
    if (w == null) {
      w = new double[POINTS][];
      int last = table.lastFailed(node);
      double[][] before = last < 0 || table.prefix(node) < 0 ? null : belief(table, table.prefix(node));
      double[][] row = last < 0 ? null : row(table, last);
      for (int g = 0; g < POINTS; g++) {
        double[] from = before == null ? difficultyPrior : before[g];
        if (row == null) {
          w[g] = from.clone();
        } else {
          // Copy and update in one pass (the same bits as updating a copy).
          w[g] = new double[from.length];
          Beliefs.fail(from, w[g], row[g]);
        }
      }
      beliefs[number] = w;
    }
    return w;
  }

  /** σ(base + shift − difficulty) over the difficulty grid at every shift, for the table's route r. */
  private double[][] row(PatternTable table, int r) {
    int number = table.routeNumber(r);
    if (number >= rows.length) {
      rows = Arrays.copyOf(rows, Math.max(number + 1, 2 * rows.length));
    }
    double[][] row = rows[number];
    if (row == null) {
      row = new double[POINTS][];
      double b = base.get(table.routes.get(r));
      for (int g = 0; g < POINTS; g++) {
        row[g] = PatternTable.sigmoidRow(b + shiftAt(g), difficulties);
      }
      rows[number] = row;
    }
    return row;
  }
}
