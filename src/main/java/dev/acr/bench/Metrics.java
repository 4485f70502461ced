package dev.acr.bench;

import java.util.List;

/**
 * One row of the replay table; values indexed by {@link Metric} ordinal. Perf/$ is NaN when
 * nothing was spent. The array is never exposed, so the record stays a value.
 */
public record Metrics(double[] values) {
  public Metrics {
    values = values.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Metrics m && java.util.Arrays.equals(values, m.values);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Metrics" + java.util.Arrays.toString(values);
  }

  public double get(Metric m) {
    return values[m.ordinal()];
  }

  /** Accumulates one replay, task by task, following the README protocol. */
  static final class Tally {
    private int n;
    private double perf;
    private double usd;
    private double regret;
    private int oracleHits;
    private int applyOk;
    private long steps;
    private long escalations;
    private long wallMs;

    /** Adds one task and returns the cumulative regret so far. */
    double add(double performance, double cost, boolean oracleRoute, boolean finalApplyOk, int attempts, double oracleReward) {
      n++;
      perf += performance;
      usd += cost;
      regret += oracleReward - (performance - BenchTable.COST_WEIGHT * cost);
      oracleHits += oracleRoute ? 1 : 0;
      applyOk += finalApplyOk ? 1 : 0;
      steps += attempts;
      escalations += Math.max(0, attempts - 1);
      return regret;
    }

    /** Adds one task's wall time (its batches', not its attempts' sum). */
    void addWall(long ms) {
      wallMs += ms;
    }

    Metrics metrics() {
      double[] v = new double[Metric.values().length];
      double avgPerf = n == 0 ? 0 : 100.0 * perf / n;
      v[Metric.N.ordinal()] = n;
      v[Metric.AVG_PERF.ordinal()] = avgPerf;
      v[Metric.CUM_REG.ordinal()] = regret;
      v[Metric.TOTAL_USD.ordinal()] = usd;
      v[Metric.PERF_PER_USD.ordinal()] = usd > 0 ? avgPerf / usd : Double.NaN;
      v[Metric.R_ACC.ordinal()] = n == 0 ? 0 : (double) oracleHits / n;
      v[Metric.APPLY_OK.ordinal()] = n == 0 ? 0 : 100.0 * applyOk / n;
      v[Metric.AVG_STEPS.ordinal()] = n == 0 ? 0 : (double) steps / n;
      v[Metric.ESCALATIONS.ordinal()] = escalations;
      v[Metric.WALL_HOURS.ordinal()] = wallMs / 3_600_000.0;
      return new Metrics(v);
    }
  }

  /** Plain per-metric mean (across seeds or shuffled orders). */
  static double[] mean(List<Metrics> runs) {
    double[] v = new double[Metric.values().length];
    for (Metrics m : runs) {
      for (int i = 0; i < v.length; i++) {
        v[i] += m.values[i];
      }
    }
    for (int i = 0; i < v.length; i++) {
      v[i] = runs.isEmpty() ? Double.NaN : v[i] / runs.size();
    }
    return v;
  }

  /** Sample standard deviation per metric (n − 1; 0 for a single run, NaN for none). */
  static double[] sd(List<Metrics> runs) {
    double[] mean = mean(runs);
    double[] v = new double[mean.length];
    for (int i = 0; i < v.length; i++) {
      if (runs.size() < 2) {
        v[i] = runs.isEmpty() ? Double.NaN : 0;
        continue;
      }
      double s = 0;
      for (Metrics m : runs) {
        double d = m.values[i] - mean[i];
        s += d * d;
      }
      v[i] = Math.sqrt(s / (runs.size() - 1));
    }
    return v;
  }
}
