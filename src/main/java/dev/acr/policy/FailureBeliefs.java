package dev.acr.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Difficulty beliefs after a set of failed routes, for one fixed assignment of skills to routes.
 *
 * <p>Fitting a context reads the same few failure sets and routes over and over (every pattern
 * of the context, for every shift tried and every fit pass), so this memoises each route's σ row
 * and each failure set's belief. The arithmetic is exactly that of {@link SkillModel#failed} and
 * {@link SkillModel#chance}, in the same order, so results are bit-for-bit the same.
 *
 * <p>Lives for one fit step only: the skills it was made with must not change under it.
 */
final class FailureBeliefs {

  private final double[] difficulties;
  private final double[] prior;
  private final ToDoubleFunction<String> skillOf;
  private final Map<String, double[]> sigmoidRows = new HashMap<>();
  private final Map<List<String>, double[]> beliefs = new HashMap<>();

  /**
   * @param model gives the difficulty grid and prior
   * @param skillOf each route's skill for this step
   */
  FailureBeliefs(SkillModel model, ToDoubleFunction<String> skillOf) {
    this.difficulties = model.difficulties;
    this.prior = model.difficultyPrior;
    this.skillOf = skillOf;
  }

  /**
   * The difficulty belief after the given routes failed, in that order. The array is shared
   * between callers asking for the same failures: read it, never write it.
   */
  double[] after(List<String> failed) {
    double[] w = beliefs.get(failed);
    if (w == null) {
      w = prior.clone();
      for (String q : failed) {
        failedIn(w, row(q));
      }
      beliefs.put(failed, w);
    }
    return w;
  }

  /** Chance the route verifies under belief w: {@link SkillModel#chance} at its skill. */
  double chance(double[] w, String route) {
    double[] sig = row(route);
    double p = 0;
    for (int j = 0; j < w.length; j++) {
      p += w[j] * sig[j];
    }
    return p;
  }

  /** σ(skill − difficulty) over the difficulty grid for a route, computed once. */
  private double[] row(String route) {
    double[] sig = sigmoidRows.get(route);
    if (sig == null) {
      double skill = skillOf.applyAsDouble(route);
      sig = new double[difficulties.length];
      for (int j = 0; j < sig.length; j++) {
        sig[j] = SkillModel.fastSigmoid(skill - difficulties[j]);
      }
      sigmoidRows.put(route, sig);
    }
    return sig;
  }

  /** {@link SkillModel#failed} with the route's σ row already computed. */
  private static void failedIn(double[] w, double[] sig) {
    double z = 0;
    for (int j = 0; j < w.length; j++) {
      w[j] *= 1 - sig[j];
      z += w[j];
    }
    if (z > 0) {
      for (int j = 0; j < w.length; j++) {
        w[j] /= z;
      }
    }
  }
}
