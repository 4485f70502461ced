package dev.acr.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.acr.core.Route;
import dev.acr.memory.MemoryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The single call's price prior, scaled by how far memory bears the price order out. */
class SingleCallPriorsTest {

  private static final Route CHEAP = new Route("opencode", "cheap");
  private static final Route MID = new Route("opencode", "mid");
  private static final Route DEAR = new Route("claude-code", "dear");
  private static final List<Route> ROUTES = List.of(CHEAP, MID, DEAR);
  private static final Map<Route, Double> COST = Map.of(CHEAP, 0.01, MID, 0.1, DEAR, 1.0);

  private static MemoryRecord rec(String task, Route r, double score, String dim) {
    boolean ok = score >= 1;
    return new MemoryRecord(
        "t", "run-" + task, 1, task, null, dim, r.tool(), r.model(), r.name(), ok, true,
        ok ? "verified" : "failed", 0, 0, COST.get(r), null, null, "test", ok ? null : score, "b", null);
  }

  /** {@code calls} first calls of each route in each of two dimensions, scoring {@code scores} (by route). */
  private static MemoryStats memory(int calls, double... scores) {
    List<MemoryRecord> recs = new ArrayList<>();
    for (String dim : List.of("bug_fixing", "code_generation")) {
      for (int i = 0; i < calls; i++) {
        for (int r = 0; r < ROUTES.size(); r++) {
          recs.add(rec(dim + r + "-" + i, ROUTES.get(r), scores[r], dim));
        }
      }
    }
    return MemoryStats.of(recs);
  }

  private static SingleCallPriors priors(MemoryStats stats) {
    return priors(stats, Priors.none());
  }

  private static SingleCallPriors priors(MemoryStats stats, Priors priors) {
    return new SingleCallPriors(
        new ConfiguredRoutes(ROUTES, stats), stats, priors, StartingSkill.priceSkill(ROUTES, COST));
  }

  @Test
  void withoutMemoryThePriceOrderIsTakenAtItsWord() {
    SingleCallPriors p = priors(new MemoryStats());
    assertThat(p.scale()).isEqualTo(1.0);
    double[] mean = p.of("bug_fixing")[0];
    assertThat(mean[2]).isGreaterThan(mean[1]);
    assertThat(mean[1]).isGreaterThan(mean[0]);
  }

  @Test
  void whereEveryRouteDoesAlikeTheCheapRoutesRiseToTheAverage() {
    SingleCallPriors p = priors(memory(30, 0.5, 0.5, 0.5));
    assertThat(p.scale()).isLessThan(0.1);
    double[] prior = priors(new MemoryStats()).of("bug_fixing")[0];
    double average = (prior[0] + prior[1] + prior[2]) / 3;
    assertThat(prior[0]).isLessThan(average - 0.1);
    double[] mean = p.of("bug_fixing")[0];
    assertThat(Math.abs(mean[0] - average)).isLessThan(0.1 * (average - prior[0]));
    assertThat(p.of("bug_fixing")[1]).containsExactly(
        SingleCallPriors.PRICE_CALLS, SingleCallPriors.PRICE_CALLS, SingleCallPriors.PRICE_CALLS);
  }

  @Test
  void theDearRouteKeepsMostOfItsPriceAdvantageWhateverTheScale() {
    // Memory says prices rank nothing here, yet the dearest route stays above the average by at
    // least DEAR_MIN_SCALE of its price advantage: at one call per task that advantage is what
    // keeps it in the draw after an early failure or two.
    SingleCallPriors p = priors(memory(30, 0.5, 0.5, 0.5));
    assertThat(p.scale()).isLessThan(SingleCallPriors.DEAR_MIN_SCALE);
    double[] prior = priors(new MemoryStats()).of("bug_fixing")[0];
    double average = (prior[0] + prior[1] + prior[2]) / 3;
    assertThat(prior[2]).isGreaterThan(average + 0.1);
    double[] mean = p.of("bug_fixing")[0];
    assertThat(mean[2] - average).isCloseTo(SingleCallPriors.DEAR_MIN_SCALE * (prior[2] - average), within(1e-9));
  }

  @Test
  void wherePricesRankTheRoutesTheScaleStaysNearOne() {
    // Observed means follow the prior's own advantages, so the slope is about 1.
    MemoryStats none = new MemoryStats();
    double[] prior = priors(none).of(null)[0];
    SingleCallPriors p = priors(memory(30, prior[0], prior[1], prior[2]));
    assertThat(p.scale()).isBetween(0.9, 1.1);
  }

  @Test
  void whereCheapRoutesDoBetterTheScaleIsZeroNotNegative() {
    SingleCallPriors p = priors(memory(30, 0.9, 0.5, 0.1));
    assertThat(p.scale()).isEqualTo(0.0);
  }

  @Test
  void aMeasuredPriorIsNotScaledOnlyTheGuessesFromPrices() {
    // The cheap model's prior was measured (0.2); the other two are priced. Memory says prices
    // rank nothing here, so the priced two move toward their average; the measured one stays.
    Priors known = new Priors("test", Map.of("cheap", Map.of(Priors.ALL, new Priors.Entry(50, 0.2, 0.2))));
    MemoryStats stats = memory(30, 0.5, 0.5, 0.5);
    double[][] unscaled = priors(new MemoryStats(), known).of("bug_fixing");
    double[][] scaled = priors(stats, known).of("bug_fixing");
    assertThat(scaled[0][0]).isEqualTo(0.2);
    assertThat(scaled[1][0]).isEqualTo(Priors.CALLS);
    assertThat(scaled[0][2] - scaled[0][1]).isLessThan(0.5 * (unscaled[0][2] - unscaled[0][1]));
  }
}
