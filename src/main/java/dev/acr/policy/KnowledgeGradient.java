package dev.acr.policy;

/**
 * What one more call of a route is expected to teach, in reward: the knowledge gradient of a
 * normal belief (Frazier, Powell and Dayanik 2008). One call moves the route's mean by a normal
 * amount of sd {@code σ̃} (the posterior's sd now less what it will be after the call); the
 * decision changes only if the route's mean crosses the best other route's, so the call is worth
 * E[max(μ + σ̃Z, best other)] − max(μ, best other) = σ̃ · f(−|μ − best other| / σ̃), with f(z) =
 * z·Φ(z) + φ(z). Large for a route whose mean is near the best and whose belief is still wide;
 * near zero for one memory has told apart.
 */
final class KnowledgeGradient {

  private KnowledgeGradient() {}

  /**
   * The value of one more observation of a route whose reward belief has mean {@code mean} and
   * whose mean's sd would shrink by {@code sdChange} (√(sd now² − sd after²)), when the best of
   * the other routes' means is {@code bestOther}.
   */
  static double of(double mean, double sdChange, double bestOther) {
    if (!(sdChange > 0)) {
      return 0;
    }
    double z = -Math.abs(mean - bestOther) / sdChange;
    return sdChange * (z * normalCdf(z) + Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI));
  }

  /**
   * Φ(z), the standard normal's distribution function, through the complementary error function
   * (Numerical Recipes' erfc: fractional error below 1.2e-7 everywhere).
   */
  static double normalCdf(double z) {
    double x = Math.abs(z) / Math.sqrt(2);
    double t = 1 / (1 + 0.5 * x);
    double erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277)))))))));
    return z >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
  }
}
