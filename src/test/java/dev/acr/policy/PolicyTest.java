package dev.acr.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.context.Dimension;
import dev.acr.core.AttemptResult;
import dev.acr.core.AttemptStatus;
import dev.acr.core.Route;
import dev.acr.core.Task;
import dev.acr.memory.MemoryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyTest {

  private static final Route CHEAP = new Route("opencode", "cheap");
  private static final Route MID = new Route("codex", "mid");
  private static final Route STRONG = new Route("claude-code", "strong");
  private static final List<Route> ROUTES = List.of(CHEAP, MID, STRONG);
  private static final Map<Route, Double> COST = Map.of(CHEAP, 0.01, MID, 0.1, STRONG, 1.0);

  private static Task task(String key) {
    return new Task(key, "fix it", Dimension.BUG_FIXING, "bench", "python");
  }

  private static MemoryRecord rec(String task, int attempt, Route r, boolean ok, double cost) {
    return new MemoryRecord(
        "t", "run", attempt, task, null, "bug_fixing", r.tool(), r.model(), r.name(), ok, true,
        ok ? "verified" : "failed", 0, 0, cost, null, null, "test", null, "bench", "python");
  }

  private static AttemptResult failure(Route r) {
    return new AttemptResult(r, AttemptStatus.FAILED, false, 0, true, 1, 0, COST.get(r), null, null);
  }

  private static AcrPolicy policy(MemoryStats stats, long seed) {
    return new AcrPolicy(ROUTES, stats, COST, PolicyConfig.defaults(), seed);
  }

  @Test
  void emptyMemoryStartsCheapAndKeepsStrongerRoutesForLater() {
    List<Route> plan = policy(new MemoryStats(), 1).plan(task("a"), List.of());
    assertThat(plan).isNotEmpty();
    // With nothing known all routes look alike, so the cheapest try comes first.
    assertThat(plan.get(0)).isEqualTo(CHEAP);
    assertThat(plan).doesNotHaveDuplicates();
  }

  @Test
  void routeThatVerifiesInMemoryRanksFirst() {
    List<MemoryRecord> recs = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      recs.add(rec("t" + i, 1, CHEAP, false, 0.01));
      recs.add(rec("t" + i, 2, MID, true, 0.1));
    }
    MemoryStats stats = MemoryStats.of(recs);
    AcrPolicy p = policy(stats, 2);
    for (long seed = 0; seed < 5; seed++) {
      assertThat(policy(stats, seed).plan(task("new" + seed), List.of()).get(0)).isEqualTo(MID);
    }
    RouteEstimate mid = p.estimates(task("x")).stream().filter(e -> e.route().equals(MID)).findFirst().orElseThrow();
    assertThat(mid.successChance()).isGreaterThan(0.7);
    assertThat(mid.source()).startsWith("memory");
  }

  @Test
  void strongFailureLowersNextChanceMoreThanWeakFailure() {
    SkillModel m = new SkillModel(new MemoryStats(), 1.5, 2.0, 1.0, java.util.Map.of());
    double[] afterWeak = m.difficultyPrior.clone();
    m.failed(afterWeak, -3);
    double[] afterStrong = m.difficultyPrior.clone();
    m.failed(afterStrong, 3);
    double fresh = m.chance(m.difficultyPrior, 1.0);
    assertThat(m.chance(afterWeak, 1.0)).isLessThan(fresh);
    assertThat(m.chance(afterStrong, 1.0)).isLessThan(m.chance(afterWeak, 1.0) - 0.1);
  }

  @Test
  void stopsWhenNoAttemptIsWorthItsPrice() {
    List<MemoryRecord> recs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      recs.add(rec("t" + i, 1, CHEAP, false, 0.01));
      recs.add(rec("t" + i, 2, MID, false, 0.1));
      recs.add(rec("t" + i, 3, STRONG, false, 1.0));
    }
    AcrPolicy p = new AcrPolicy(ROUTES, MemoryStats.of(recs), COST, PolicyConfig.defaults().withLambda(1.0), 3);
    assertThat(p.plan(task("hopeless"), List.of(failure(CHEAP)))).isEmpty();
  }

  @Test
  void sameSeedSamePlan() {
    List<MemoryRecord> recs = List.of(rec("t", 1, CHEAP, false, 0.01), rec("t", 2, STRONG, true, 1.0));
    List<Route> a = policy(MemoryStats.of(recs), 7).plan(task("q"), List.of(failure(CHEAP)));
    List<Route> b = policy(MemoryStats.of(recs), 7).plan(task("q"), List.of(failure(CHEAP)));
    assertThat(a).isEqualTo(b);
  }

  @Test
  void respectsMaxAttempts() {
    AcrPolicy p = new AcrPolicy(ROUTES, new MemoryStats(), COST, PolicyConfig.defaults().withMaxAttempts(1), 1);
    assertThat(p.plan(task("a"), List.of()).size()).isLessThanOrEqualTo(1);
    assertThat(p.plan(task("a"), List.of(failure(CHEAP)))).isEmpty();
  }
}
