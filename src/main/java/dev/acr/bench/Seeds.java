package dev.acr.bench;

/**
 * Seed derivation, so everything is a pure function of {@code --seed}: order i, router name and
 * run j each get their own well-mixed seed, independent of thread scheduling.
 */
final class Seeds {
  private Seeds() {}

  /** SplitMix64's finaliser: consecutive inputs give unrelated outputs. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static long order(long seed, int order) {
    return mix(mix(seed) + 0x9E3779B97F4A7C15L * (order + 1));
  }

  static long router(long orderSeed, String router, int run) {
    return mix(orderSeed ^ mix(router.hashCode()) ^ mix(0x632BE59BD9B4E019L * (run + 1)));
  }

  /** Order 0 is the canonical (file) order; order i ≥ 1 is a Fisher–Yates shuffle. */
  static int[] permutation(int n, long seed, int order) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    if (order == 0) {
      return p;
    }
    java.util.SplittableRandom rng = new java.util.SplittableRandom(order(seed, order));
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = p[i];
      p[i] = p[j];
      p[j] = tmp;
    }
    return p;
  }
}
