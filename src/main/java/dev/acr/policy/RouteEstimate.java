package dev.acr.policy;

import dev.acr.core.Route;

/**
 * What the policy believes of one route for one task: the chance an attempt verifies, its
 * expected cost, and where the belief comes from ({@code prior} or {@code memory n=12}).
 */
public record RouteEstimate(Route route, double successChance, double expectedCostUsd, int evidence, String source) {

  /** Expected reward of a single attempt under cost weight lambda. */
  public double expectedReward(double lambda) {
    return successChance - lambda * expectedCostUsd;
  }
}
