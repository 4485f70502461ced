package dev.acr.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.context.Dimension;
import dev.acr.core.Route;
import dev.acr.core.Task;
import dev.acr.memory.MemoryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Attempts in which the agent did no work, and the escalation's narrower draw. */
class IdleAttemptsTest {

  private static final Route CHEAP = new Route("opencode", "cheap");
  private static final Route MID = new Route("codex", "mid");
  private static final Route STRONG = new Route("claude-code", "strong");

  private static MemoryRecord rec(String task, int attempt, Route r, boolean ok, Long tokens) {
    return new MemoryRecord(
        "t", "run", attempt, task, null, "bug_fixing", r.tool(), r.model(), r.name(), ok, true,
        ok ? "verified" : "failed", 0, 0, tokens == null || tokens > 0 ? 0.5 : 0.0, tokens, tokens, "test", null,
        "bench", "python");
  }

  private static MemoryStats.Tally pattern(MemoryStats stats, Route r, String... failedBefore) {
    return stats.patterns("*").get(new MemoryStats.Pattern(r.name(), List.of(failedBefore)));
  }

  @Test
  void aFailureTheBaselineAlreadyHadTeachesNothing() {
    MemoryRecord plain = rec("a", 1, MID, false, 1200L);
    MemoryRecord baselineOnly = new MemoryRecord(
        plain.ts(), plain.runId(), plain.attempt(), plain.task(), plain.prompt(), plain.dimension(), plain.tool(),
        plain.model(), plain.route(), false, true, "failed", 1, 0, 0.5, 1200L, 1200L, "test", null, "bench", "python",
        dev.acr.core.RunLoop.ONLY_BASELINE_FAILURES, null, null);
    MemoryStats stats = MemoryStats.of(List.of(baselineOnly, rec("a", 2, STRONG, true, 900L)));
    assertThat(stats.tallies("*").get(MID.name())).isNull();
    // STRONG was, as far as the task's difficulty goes, the first try.
    assertThat(pattern(stats, STRONG).successes).isEqualTo(1);
    assertThat(MemoryStats.of(List.of(plain)).tallies("*").get(MID.name()).n).isEqualTo(1);
  }

  @Test
  void idleFailureCountsForTheRouteButNotInLaterFailureSets() {
    MemoryStats stats = MemoryStats.of(List.of(
        rec("a", 1, CHEAP, false, 0L),
        rec("a", 2, MID, false, 1200L),
        rec("a", 3, STRONG, true, 900L)));
    assertThat(stats.tallies("*").get(CHEAP.name()).n).isEqualTo(1);
    assertThat(stats.tallies("*").get(CHEAP.name()).idle).isEqualTo(1);
    assertThat(stats.tallies("*").get(MID.name()).idle).isZero();
    // MID came after an idle CHEAP: as far as the task's difficulty goes, it was the first try.
    assertThat(pattern(stats, MID).n).isEqualTo(1);
    assertThat(pattern(stats, MID, CHEAP.name())).isNull();
    assertThat(pattern(stats, STRONG, MID.name()).successes).isEqualTo(1);
    // The skill fit sees the idle attempt as no attempt at all.
    PatternTable table = PatternTable.of(stats.patterns("*"));
    int cheap = table.routes.indexOf(CHEAP.name());
    int seen = 0;
    for (int i = 0; i < table.size(); i++) {
      if (table.route[i] == cheap) {
        assertThat(table.attempts[i]).isZero();
        seen++;
      } else {
        assertThat(table.attempts[i]).isEqualTo(1);
      }
    }
    assertThat(seen).isEqualTo(1);
  }

  @Test
  void unknownTokensOrAVerifiedAttemptAreNotIdle() {
    MemoryStats stats = MemoryStats.of(List.of(
        rec("a", 1, CHEAP, false, null),
        rec("a", 2, MID, true, 0L)));
    assertThat(stats.tallies("*").get(CHEAP.name()).idle).isZero();
    assertThat(stats.tallies("*").get(MID.name()).idle).isZero();
    assertThat(pattern(stats, MID, CHEAP.name()).n).isEqualTo(1);
  }

  @Test
  void snapshotKeepsTheIdleCounts() throws Exception {
    MemoryStats stats = MemoryStats.of(List.of(rec("a", 1, CHEAP, false, 0L), rec("a", 2, MID, false, 10L)));
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    StatsSnapshot.write(stats, new java.io.DataOutputStream(bytes));
    MemoryStats back = StatsSnapshot.read(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
    assertThat(back.tallies("*").get(CHEAP.name()).idle).isEqualTo(1);
    assertThat(pattern(back, CHEAP).idle).isEqualTo(1);
    assertThat(back.failedOnCurrentTask).containsExactly(MID.name());
  }

  @Test
  void aRouteThatSeldomRunsIsNoLongerTriedFirst() {
    List<Route> routes = List.of(CHEAP, MID, STRONG);
    Map<Route, Double> cost = Map.of(CHEAP, 0.01, MID, 0.1, STRONG, 1.0);
    Task task = new Task("new", "fix it", Dimension.BUG_FIXING, "bench", "python");
    // With nothing known the cheapest route comes first (PolicyTest); after thirty attempts in
    // which it never did any work it does not, though no attempt of it ever failed on a task.
    assertThat(new AcrPolicy(routes, new MemoryStats(), cost, PolicyConfig.defaults(), 1).plan(task, List.of()).get(0))
        .isEqualTo(CHEAP);
    List<MemoryRecord> recs = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      recs.add(rec("t" + i, 1, CHEAP, false, 0L));
    }
    MemoryStats stats = MemoryStats.of(recs);
    for (long seed = 0; seed < 5; seed++) {
      List<Route> plan = new AcrPolicy(routes, stats, cost, PolicyConfig.defaults(), seed).plan(task, List.of());
      assertThat(plan).isNotEmpty();
      assertThat(plan.get(0)).isNotEqualTo(CHEAP);
    }
  }

  @Test
  void aFailureOfARouteThatMayNotRunMovesTheBeliefLess() {
    double[] chance = {0.1, 0.5, 0.9};
    double[] w = {0.3, 0.4, 0.3};
    double[] sure = new double[3];
    double[] same = new double[3];
    double[] half = new double[3];
    double[] never = new double[3];
    Beliefs.fail(w, sure, chance);
    Beliefs.fail(w, same, chance, 1.0);
    Beliefs.fail(w, half, chance, 0.5);
    Beliefs.fail(w, never, chance, 0.0);
    assertThat(same).containsExactly(sure);
    assertThat(never).containsExactly(w);
    // Less weight moves to the hard end (index 0) than after a sure failure, more than after none.
    assertThat(half[0]).isGreaterThan(w[0]).isLessThan(sure[0]);
    assertThat(half[0] + half[1] + half[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void narrowedDrawStaysNearTheMedian() {
    double[] weights = new double[49];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = Math.exp(-0.5 * Math.pow((i - 24) / 6.0, 2));
    }
    double z = java.util.Arrays.stream(weights).sum();
    for (int i = 0; i < weights.length; i++) {
      weights[i] /= z;
    }
    Posterior post = new Posterior(weights, 0, 1);
    SplittableRandom a = new SplittableRandom(7);
    SplittableRandom b = new SplittableRandom(7);
    SplittableRandom c = new SplittableRandom(7);
    int wide = 0;
    int narrow = 0;
    for (int k = 0; k < 200; k++) {
      int plain = post.sample(a);
      assertThat(post.sample(b, 1.0)).isEqualTo(plain);
      int half = post.sample(c, AcrPolicy.ESCALATION_SPREAD);
      wide = Math.max(wide, Math.abs(plain - post.median()));
      narrow = Math.max(narrow, Math.abs(half - post.median()));
      assertThat(Math.abs(half - post.median())).isLessThanOrEqualTo(Math.abs(plain - post.median()));
    }
    assertThat(narrow).isLessThan(wide);
    assertThat(post.sample(new SplittableRandom(3), 0.0)).isEqualTo(post.median());
  }
}
