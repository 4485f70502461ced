package dev.acr.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.context.Dimension;
import dev.acr.core.Route;
import dev.acr.core.Task;
import dev.acr.memory.MemoryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The policy at a cap of one attempt: the best single call, not the cheap start of a chain. */
class SingleCallTest {

  private static final Route CHEAP = new Route("opencode", "cheap");
  private static final Route STRONG = new Route("claude-code", "strong");
  private static final List<Route> ROUTES = List.of(CHEAP, STRONG);
  private static final Map<Route, Double> COST = Map.of(CHEAP, 0.01, STRONG, 0.5);

  private static Task task(String key, Dimension dim, String bench) {
    return new Task(key, "fix it", dim, bench, null);
  }

  /** One first attempt of {@code r} on its own task, with a partial score. */
  private static MemoryRecord rec(String task, Route r, double score, String dim, String bench) {
    boolean ok = score >= 1;
    return new MemoryRecord(
        "t", "run-" + task, 1, task, null, dim, r.tool(), r.model(), r.name(), ok, true,
        ok ? "verified" : "failed", 0, 0, COST.get(r), null, null, "test", ok ? null : score, bench, null);
  }

  private static AcrPolicy policy(MemoryStats stats, int maxAttempts, long seed, Priors priors) {
    return new AcrPolicy(ROUTES, stats, COST, PolicyConfig.defaults().withMaxAttempts(maxAttempts), seed, Fallback.NONE, priors);
  }

  /** Memory where the strong route scores 0.9 and the cheap one 0.3 on bug fixing. */
  private static MemoryStats strongIsBetter() {
    List<MemoryRecord> recs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      recs.add(rec("s" + i, STRONG, 0.9, "bug_fixing", "b"));
      recs.add(rec("c" + i, CHEAP, 0.3, "bug_fixing", "b"));
    }
    return MemoryStats.of(recs);
  }

  @Test
  void oneCallGoesToTheBestSingleCallEvenWhenItCostsMore() {
    MemoryStats stats = strongIsBetter();
    for (long seed = 0; seed < 10; seed++) {
      assertThat(policy(stats, 1, seed, Priors.none()).plan(task("n" + seed, Dimension.BUG_FIXING, "b"), List.of()))
          .containsExactly(STRONG);
    }
  }

  @Test
  void partialScoresCountAsTheirValue() {
    // Neither route ever verifies; the strong one's partial scores are three times the cheap one's.
    MemoryStats stats = strongIsBetter();
    SingleCall.Estimate[] e = SingleCall.estimates(
        stats, List.of("*"), List.of("claude-code:strong", "opencode:cheap"), new double[] {0.5, 0.5}, new double[] {2, 2});
    SingleCall.Estimate strong = e[0];
    SingleCall.Estimate cheap = e[1];
    assertThat(strong.mean()).isBetween(0.85, 0.9);
    assertThat(cheap.mean()).isBetween(0.3, 0.35);
  }

  @Test
  void aNarrowContextIsMeasuredAgainstItsOwnBaseline() {
    // On bench "easy" the cheap route was only ever tried and scored 0.95, the strong one not at
    // all; everywhere the strong route is 0.6 above the cheap one. The cheap route's record on the
    // easy bench says the bench is easy, not that the cheap route beats the strong one there.
    MemoryStats stats = easyBench();
    List<String> ctx = MemoryStats.contexts("bug_fixing", "easy");
    SingleCall.Estimate[] e = SingleCall.estimates(
        stats, ctx, List.of("claude-code:strong", "opencode:cheap"), new double[] {0.5, 0.5}, new double[] {2, 2});
    assertThat(e[0].mean()).isGreaterThan(e[1].mean());
  }

  /** The strong route 0.6 above the cheap one on bench b; on bench "easy" only the cheap one, at 0.95. */
  private static MemoryStats easyBench() {
    List<MemoryRecord> recs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      recs.add(rec("s" + i, STRONG, 0.9, "bug_fixing", "b"));
      recs.add(rec("c" + i, CHEAP, 0.3, "bug_fixing", "b"));
      recs.add(rec("e" + i, CHEAP, 0.95, "bug_fixing", "easy"));
    }
    return MemoryStats.of(recs);
  }

  @Test
  void aRouteNotTriedYetKeepsItsPriorPlace() {
    // The strong route's prior is 0.8, the cheap one's 0.2; only the cheap one was tried (0.5).
    // The untried strong route stays above it instead of becoming the average of what was tried.
    List<MemoryRecord> recs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      recs.add(rec("c" + i, CHEAP, 0.5, "bug_fixing", "b"));
    }
    MemoryStats stats = MemoryStats.of(recs);
    SingleCall.Estimate[] e = SingleCall.estimates(stats, MemoryStats.contexts("bug_fixing", "b"),
        List.of("claude-code:strong", "opencode:cheap"), new double[] {0.8, 0.2}, new double[] {2, 2});
    assertThat(e[0].mean()).isGreaterThan(e[1].mean() + 0.2);
  }

  @Test
  void aNewDimensionStartsFromThePriorNotFromOtherDimensions() {
    // On bug fixing the cheap route beat the strong one by 0.6, forty times each; test generation
    // has no memory yet. Which route is best differs by dimension, so there the prior (strong 0.8,
    // cheap 0.2) decides, not bug fixing's advantage; bug fixing itself still follows its memory.
    List<MemoryRecord> recs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      recs.add(rec("s" + i, STRONG, 0.2, "bug_fixing", "b"));
      recs.add(rec("c" + i, CHEAP, 0.8, "bug_fixing", "b"));
    }
    MemoryStats stats = MemoryStats.of(recs);
    List<String> routes = List.of("claude-code:strong", "opencode:cheap");
    double[] prior = {0.8, 0.2};
    double[] calls = {2, 2};
    SingleCall.Estimate[] fresh = SingleCall.estimates(stats, MemoryStats.contexts("test_generation", "b"), routes, prior, calls);
    assertThat(fresh[0].mean()).isGreaterThan(fresh[1].mean() + 0.3);
    SingleCall.Estimate[] known = SingleCall.estimates(stats, MemoryStats.contexts("bug_fixing", "b"), routes, prior, calls);
    assertThat(known[1].mean()).isGreaterThan(known[0].mean() + 0.3);
  }

  @Test
  void oneEarlyFailureDoesNotPutEveryUntriedRouteAtZero() {
    // Priors: strong 0.8, mid 0.5, cheap 0.2; memory holds one failed call of the strong route.
    // A baseline taken from that call alone is 0, so mid (0 + its advantage 0) and cheap (0 - 0.3,
    // clamped) would tie at 0 and the price would pick the cheap one; started from the average
    // prior, the baseline barely moves and the prior order of the untried routes stands.
    MemoryStats stats = MemoryStats.of(List.of(rec("f", STRONG, 0, "bug_fixing", "b")));
    SingleCall.Estimate[] e = SingleCall.estimates(stats, MemoryStats.contexts("bug_fixing", "b"),
        List.of("claude-code:strong", "mid", "opencode:cheap"), new double[] {0.8, 0.5, 0.2}, new double[] {2, 2, 2});
    assertThat(e[1].mean()).isGreaterThan(e[2].mean() + 0.2);
    assertThat(e[1].mean()).isBetween(0.35, 0.5);
  }

  @Test
  void theOneCallIsMadeEvenWhenEveryRouteLooksWorthless() {
    // Nothing ever verified here: declining would leave the policy with nothing to learn from.
    List<MemoryRecord> recs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      recs.add(rec("s" + i, STRONG, 0, "bug_fixing", "b"));
      recs.add(rec("c" + i, CHEAP, 0, "bug_fixing", "b"));
    }
    for (long seed = 0; seed < 5; seed++) {
      assertThat(policy(MemoryStats.of(recs), 1, seed, Priors.none()).plan(task("h" + seed, Dimension.BUG_FIXING, "b"), List.of()))
          .hasSize(1);
    }
  }

  @Test
  void withOneCallTheChoiceWithoutExploringIsTheBestSingleCall() {
    // The dry run's "exploring:" note compares the plan with this; at a cap of one it must be the
    // single call's own choice at its means (the strong route on the easy bench, see above), not
    // the escalation planner's, which takes the cheap route's 0.95 there at face value.
    AcrPolicy one = policy(easyBench(), 1, 0, Priors.none());
    assertThat(one.planWithoutExploring(task("w", Dimension.BUG_FIXING, "easy"))).containsExactly(STRONG);
    assertThat(policy(easyBench(), 3, 0, Priors.none()).planWithoutExploring(task("w", Dimension.BUG_FIXING, "easy")))
        .first().isEqualTo(CHEAP);
  }

  @Test
  void oneCallNeverPlansASecond() {
    AcrPolicy p = policy(strongIsBetter(), 1, 3, Priors.none());
    assertThat(p.plan(task("x", Dimension.BUG_FIXING, "b"), List.of())).hasSize(1);
  }

  @Test
  void priorsDecideTheFirstCallBeforeMemoryHasAny() {
    Priors priors = new Priors.Builder()
        .add("cheap", "bug_fixing", 0.9, true).add("cheap", "bug_fixing", 0.9, true)
        .add("strong", "bug_fixing", 0.1, false).add("strong", "bug_fixing", 0.1, false)
        .build("test");
    int cheap = 0;
    for (long seed = 0; seed < 20; seed++) {
      List<Route> plan = policy(new MemoryStats(), 1, seed, priors).plan(task("p" + seed, Dimension.BUG_FIXING, "b"), List.of());
      cheap += plan.equals(List.of(CHEAP)) ? 1 : 0;
    }
    assertThat(cheap).isGreaterThanOrEqualTo(18);
    RouteEstimate e = policy(new MemoryStats(), 3, 1, priors).estimates(task("p", Dimension.BUG_FIXING, "b")).get(0);
    assertThat(e.source()).isEqualTo("prior: test");
    RouteEstimate bare = policy(new MemoryStats(), 3, 1, Priors.none()).estimates(task("p", Dimension.BUG_FIXING, "b")).get(0);
    assertThat(bare.source()).isEqualTo("prior: price");
  }
  @Test
  void aNewContextTakesTheBestMeanAndAGrownOneTriesAWideRivalNearIt() {
    // The first route 0.6 on a few calls' worth of belief, the second 0.55 never tried (pass/fail
    // noise): nothing to come in the context, nothing to learn for; one task to come, the second
    // route's call is worth its 0.05 below the first.
    SingleCall.Estimate known = new SingleCall.Estimate(0.6, 2, 0.25);
    SingleCall.Estimate untried = new SingleCall.Estimate(0.55, 0, 0.25);
    SingleCall.Estimate[] both = {known, untried};
    double[] free = {0, 0};
    assertThat(SingleCall.choose(both, free, 0.1, 0)).isEqualTo(0);
    assertThat(SingleCall.choose(both, free, 0.1, 1)).isEqualTo(1);
    // Told apart: 400 calls each, the second 0.05 below with little noise, is not tried again
    // however long the context goes on.
    SingleCall.Estimate[] apart = {new SingleCall.Estimate(0.6, 400, 0.01), new SingleCall.Estimate(0.55, 400, 0.01)};
    assertThat(SingleCall.choose(apart, free, 0.1, 1e5)).isEqualTo(0);
    // Its price counts as in the reward: 0.6 at $1 is below 0.55 for free at λ = 0.1.
    assertThat(SingleCall.choose(both, new double[] {1, 0}, 0.1, 0)).isEqualTo(1);
  }

  @Test
  void theHorizonIsThreeTasksPerCallSeenInTheNarrowestContext() {
    MemoryStats stats = scores(around(0.5, 0.5, 5), around(0.5, 0.5, 3));
    List<String> names = List.of("claude-code:strong", "opencode:cheap", "claude-code:strong");
    List<String> here = MemoryStats.contexts("bug_fixing", "b");
    // Two routes of one name share a tally, counted once: 8 calls.
    assertThat(SingleCall.horizon(SingleCall.firstCalls(stats, here, names))).isEqualTo(24);
    List<String> elsewhere = MemoryStats.contexts("bug_fixing", "other");
    assertThat(SingleCall.horizon(SingleCall.firstCalls(stats, elsewhere, names))).isZero();
  }

  @Test
  void theSingleCallDoesNotDependOnTheSeed() {
    // The choice is the best mean plus what the call teaches, not a random draw.
    MemoryStats stats = scores(around(0.6, 0.4, 6), around(0.5, 0.5, 2));
    List<Route> first = policy(stats, 1, 0, Priors.none()).plan(task("d", Dimension.BUG_FIXING, "b"), List.of());
    for (long seed = 1; seed < 10; seed++) {
      assertThat(policy(stats, 1, seed, Priors.none()).plan(task("d", Dimension.BUG_FIXING, "b"), List.of())).isEqualTo(first);
    }
  }

  /** Memory of first calls on bug fixing, bench b: each route's scores, one task each, in turn. */
  private static MemoryStats scores(double[] strong, double[] cheap) {
    List<MemoryRecord> recs = new ArrayList<>();
    for (int i = 0; i < strong.length; i++) {
      recs.add(rec("s" + i, STRONG, strong[i], "bug_fixing", "b"));
    }
    for (int i = 0; i < cheap.length; i++) {
      recs.add(rec("c" + i, CHEAP, cheap[i], "bug_fixing", "b"));
    }
    return MemoryStats.of(recs);
  }

  /** {@code n} scores alternating between {@code mean - half} and {@code mean + half}. */
  private static double[] around(double mean, double half, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = i % 2 == 0 ? mean - half : mean + half;
    }
    return out;
  }

  @Test
  void theNoiseVarianceIsHowMuchScoresVaryAroundTheirRoutesMean() {
    List<String> ctx = MemoryStats.contexts("bug_fixing", "b");
    List<String> names = List.of("claude-code:strong", "opencode:cheap");
    // Partial scores close to each route's own mean: far below m(1 - m) = 0.25 at a mean of 0.5.
    double close = SingleCall.noiseVariance(scores(around(0.6, 0.1, 200), around(0.4, 0.1, 200)), ctx, names);
    assertThat(close).isBetween(0.009, 0.012);
    // Pass/fail at one half: m(1 - m).
    double passFail = SingleCall.noiseVariance(scores(around(0.5, 0.5, 200), around(0.5, 0.5, 200)), ctx, names);
    assertThat(passFail).isBetween(0.24, 0.26);
    // Before memory has any, the largest a score in [0, 1] can have.
    assertThat(SingleCall.noiseVariance(new MemoryStats(), ctx, names)).isEqualTo(SingleCall.MAX_VARIANCE);
  }

  @Test
  void theDrawsSpreadShrinksLikeOneOverTheRootOfTheCalls() {
    List<String> ctx = MemoryStats.contexts("bug_fixing", "b");
    List<String> names = List.of("claude-code:strong", "opencode:cheap");
    double[] prior = {0.5, 0.5};
    double[] count = {2, 2};
    SingleCall.Estimate few = SingleCall.estimates(scores(around(0.5, 0.2, 25), around(0.5, 0.2, 25)), ctx, names, prior, count)[0];
    SingleCall.Estimate many = SingleCall.estimates(scores(around(0.5, 0.2, 400), around(0.5, 0.2, 400)), ctx, names, prior, count)[0];
    // 16 times the calls: a quarter of the spread (the pseudo-calls and the variance's own
    // shrinkage make it not quite exact).
    assertThat(few.spread() / many.spread()).isBetween(3.5, 4.5);
  }

  @Test
  void routesToldApartByLowNoiseScoresAreNotExploredAgain() {
    // Partial scores that barely vary: 30 calls each show the strong route 0.12 better, 0.05 of
    // which its price takes back. Assuming pass/fail noise (m(1 - m)) the draw would still pick
    // the cheap route about one time in eight.
    MemoryStats stats = scores(around(0.62, 0.02, 30), around(0.5, 0.02, 30));
    int strong = 0;
    for (long seed = 0; seed < 40; seed++) {
      List<Route> plan = policy(stats, 1, seed, Priors.none()).plan(task("q" + seed, Dimension.BUG_FIXING, "b"), List.of());
      strong += plan.equals(List.of(STRONG)) ? 1 : 0;
    }
    assertThat(strong).isEqualTo(40);
  }
}
