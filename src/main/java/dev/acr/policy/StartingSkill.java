package dev.acr.policy;

import dev.acr.core.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Each route's skill before memory says anything: from priors where they know its model, else from its price. */
final class StartingSkill {

  static final double PRICE_SLOPE = 1.0;

  private StartingSkill() {}

  static Map<String, Double> of(List<Route> routes, Map<Route, Double> costGuess, Priors priors) {
    Map<String, Double> skill = priceSkill(routes, costGuess);
    for (Route r : routes) {
      Priors.Entry e = priors.of(r.model(), null);
      if (e != null) {
        skill.put(r.name(), priorSkill(e.verified()));
      }
    }
    return Map.copyOf(skill);
  }

  /**
   * The skill whose chance on a task of average difficulty is the prior's verified share: the
   * skill model's chance is σ(skill − difficulty) averaged over difficulty ~ N(0, 2²), close to
   * σ(skill / 1.6) (the probit approximation).
   */
  static double priorSkill(double verified) {
    double p = Math.min(0.98, Math.max(0.02, verified));
    return 1.6 * Math.log(p / (1 - p));
  }

  /**
   * Before memory says anything, a route's skill is centred by its price: providers price
   * models by capability, so a model costing e-times more starts {@link #PRICE_SLOPE} higher on
   * the logistic scale than the median-priced one. Memory overrules this after a few attempts.
   */
  static Map<String, Double> priceSkill(List<Route> routes, Map<Route, Double> costGuess) {
    java.util.List<Double> logs = new ArrayList<>();
    for (Route r : routes) {
      Double c = costGuess.get(r);
      if (c != null && c > 0) {
        logs.add(Math.log(c));
      }
    }
    Map<String, Double> out = new java.util.HashMap<>();
    if (logs.size() < 2) {
      return out;
    }
    java.util.Collections.sort(logs);
    double median = logs.get(logs.size() / 2);
    for (Route r : routes) {
      Double c = costGuess.get(r);
      if (c != null && c > 0) {
        out.put(r.name(), PRICE_SLOPE * (Math.log(c) - median));
      }
    }
    return out;
  }
}
