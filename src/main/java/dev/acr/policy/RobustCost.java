package dev.acr.policy;

/**
 * What an attempt of a route is expected to cost, for planning: the geometric mean of its paid
 * attempts (the mean of log cost), shrunk toward the price guess, context by context.
 *
 * <p>Why not the plain mean: agent costs are heavy-tailed (on CodeRouterBench claude-opus-4-6's
 * median attempt costs $0.46, its mean $1.11, its worst $10), and a route the policy only calls
 * after others failed is called on the long, expensive tasks. One $10 attempt among a handful then
 * makes the arithmetic mean say $5 and the route is never called again; on the log scale one
 * outlier moves the estimate by its log over n, not by its dollars over n.
 */
final class RobustCost {

  private RobustCost() {}

  /**
   * The estimate in USD. {@code guess} is the price guess (weighing {@code strength} attempts at
   * the broadest context); each context's tally of the route (broadest first; null where memory
   * has none) then pulls the log mean toward its own, counting {@code strength} pseudo-attempts of
   * the broader estimate. Where the guess is not positive (a free or unpriced route) the plain mean
   * of memory's costs is used.
   */
  static double estimate(double guess, double strength, MemoryStats.Tally[] tallies) {
    if (!(guess > 0)) {
      return arithmetic(guess, strength, tallies);
    }
    double log = Math.log(guess);
    for (MemoryStats.Tally t : tallies) {
      if (t != null && t.logCostN > 0) {
        log = (log * strength + t.logCostSum) / (strength + t.logCostN);
      }
    }
    return Math.exp(log);
  }

  /** The arithmetic mean of memory's costs, shrunk toward the guess the same way. */
  static double arithmetic(double guess, double strength, MemoryStats.Tally[] tallies) {
    double c = guess;
    for (MemoryStats.Tally t : tallies) {
      if (t != null && t.costN > 0) {
        c = (c * strength + t.costSum) / (strength + t.costN);
      }
    }
    return c;
  }
}
