package dev.acr.policy;

import java.util.SplittableRandom;

/** Draws from Beta(a, b) through two Gamma draws (Marsaglia and Tsang), for Thompson sampling. */
final class BetaSampler {
  private BetaSampler() {}

  static double sample(SplittableRandom rng, double a, double b) {
    double x = gamma(rng, a);
    double y = gamma(rng, b);
    return x / (x + y);
  }

  private static double gamma(SplittableRandom rng, double shape) {
    if (shape < 1) {
      // Boost small shapes: Gamma(k) = Gamma(k + 1) * U^(1/k).
      return gamma(rng, shape + 1) * Math.pow(rng.nextDouble(), 1.0 / shape);
    }
    double d = shape - 1.0 / 3.0;
    double c = 1.0 / Math.sqrt(9 * d);
    while (true) {
      double x = gaussian(rng);
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = rng.nextDouble();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }

  private static double gaussian(SplittableRandom rng) {
    double u1 = rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }
}
