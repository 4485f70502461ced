package dev.acr.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.memory.MemoryRecord;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Planning keeps work between decisions ({@link RouteFigures}) and holds the skill model's σ rows
 * itself ({@link SkillModel#chanceRows}); these tests hold each to exactly what working it out afresh gives,
 * bit for bit, while memory grows.
 */
class PlanningCachesTest {

  private static final List<String> ROUTES = List.of("t/a", "t/b", "t/c", "t/d");

  @Test
  void sigmaRowsGiveTheSkillModelsChancesBitForBit() {
    SkillModel model = new SkillModel(new MemoryStats(), 2.0, 2.0, 1.0, Map.of());
    double[][] rows = model.chanceRows();
    SplittableRandom rng = new SplittableRandom(3);
    for (int k = 0; k < 200; k++) {
      double[] w = new double[SkillModel.DIFFICULTY_POINTS];
      for (int j = 0; j < w.length; j++) {
        w[j] = rng.nextDouble();
      }
      int s = rng.nextInt(rows.length);
      assertThat(Beliefs.chance(w, rows[s])).isEqualTo(model.chanceAt(w, s));
    }
  }

  @Test
  void keptFiguresAreThoseWorkedOutAfreshWhileMemoryGrows() {
    MemoryStats stats = new MemoryStats();
    List<String> names = ROUTES.stream().map(stats::name).toList();
    double[] guesses = {0.01, 0.1, 0.0, 1.0};
    RouteFigures kept = new RouteFigures(stats, names, guesses, 2.0);
    SplittableRandom rng = new SplittableRandom(7);
    List<String> dims = List.of("bug_fixing", "code_generation");
    for (int run = 0; run < 300; run++) {
      String dim = dims.get(rng.nextInt(dims.size()));
      String bench = rng.nextBoolean() ? "b1" : "b2";
      int promptChars = 100 + rng.nextInt(5000);
      List<String> ctx = stats.contextKeys(dim, bench, promptChars);
      RouteFigures fresh = new RouteFigures(stats, names, guesses, 2.0);
      for (int r = 0; r < names.size(); r++) {
        RouteFigures.Row a = kept.of(ctx, r);
        RouteFigures.Row b = fresh.of(ctx, r);
        assertThat(a.run()).isEqualTo(b.run());
        assertThat(a.partial()).isEqualTo(b.partial());
        assertThat(a.cost()).isEqualTo(b.cost());
      }
      String route = ROUTES.get(rng.nextInt(ROUTES.size()));
      boolean ok = rng.nextDouble() < 0.3;
      long tokens = rng.nextDouble() < 0.1 ? 0 : 1000;
      stats.append(new MemoryRecord("2026-12-05T00:00:00Z", "run-" + run, 1, "task-" + run, null, dim,
          "t", route.substring(2), route, ok, true, ok ? "verified" : "failed", 0, 0,
          rng.nextDouble() < 0.2 ? 0.0 : 0.01 + rng.nextDouble(), tokens, tokens, "test",
          ok ? null : rng.nextDouble() * 0.5, bench, null, null, null, null, promptChars));
    }
    // Memory taught something: the figures moved off their starting values.
    List<String> ctx = stats.contextKeys("bug_fixing", "b1");
    assertThat(kept.of(ctx, 0).partial()).isGreaterThan(0);
    assertThat(kept.of(ctx, 1).cost()).isNotEqualTo(0.1);
  }
}
