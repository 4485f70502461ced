package dev.acr.bench;

/** The columns of the replay table, in order, with their metrics.json keys. */
public enum Metric {
  N("n"),
  AVG_PERF("AvgPerf%"),
  CUM_REG("CumReg"),
  TOTAL_USD("$Total"),
  PERF_PER_USD("Perf/$"),
  R_ACC("rAcc"),
  APPLY_OK("Apply_ok%"),
  AVG_STEPS("AvgSteps"),
  ESCALATIONS("Escalations"),
  /** Total wall time of the replay in hours: a race's batch counts once (bench/TimeModel). */
  WALL_HOURS("Wall_h");

  private final String key;

  Metric(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
