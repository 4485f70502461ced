package dev.acr.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.acr.memory.MemoryRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The skill model keeps work across refits ({@link PatternTable#refresh}, {@link ContextShift});
 * these tests hold each to exactly what computing it afresh gives, bit for bit, while memory grows.
 */
class FitCachesTest {

  private static final List<String> ROUTES = List.of("t/a", "t/b", "t/c", "t/d", "t/e", "t/f");
  private static final List<String> DIMS = List.of("bug_fixing", "code_generation");
  private static final List<String> BENCHES = List.of("b1", "b2", "b3");

  /** Runs of one to four attempts on random routes, each stopping at its first success. */
  private static void feed(MemoryStats stats, SplittableRandom rng, int runs, int firstRun) {
    for (int run = firstRun; run < firstRun + runs; run++) {
      String dim = DIMS.get(rng.nextInt(DIMS.size()));
      String bench = BENCHES.get(rng.nextInt(BENCHES.size()));
      int attempts = 1 + rng.nextInt(4);
      for (int a = 1; a <= attempts; a++) {
        String route = ROUTES.get(rng.nextInt(ROUTES.size()));
        boolean ok = rng.nextDouble() < 0.3;
        stats.append(new MemoryRecord("2026-12-05T00:00:00Z", "run-" + run, a, "task-" + run, null, dim,
            "t", route.substring(2), route, ok, true, ok ? "verified" : "failed", 0, 0,
            0.01 + rng.nextDouble(), null, null, "test", ok ? null : rng.nextDouble() * 0.5, bench, null));
        if (ok) {
          break;
        }
      }
    }
  }

  @Test
  void aRefreshedTableReadsLikeANewOne() {
    MemoryStats stats = new MemoryStats();
    SplittableRandom rng = new SplittableRandom(7);
    Map<String, PatternTable> kept = new HashMap<>();
    double[] difficulties = new SkillModel(stats, 2, 2, 1, Map.of()).difficulties;
    double[] prior = new SkillModel(stats, 2, 2, 1, Map.of()).difficultyPrior;
    for (int step = 0; step < 30; step++) {
      feed(stats, rng, 5, step * 5);
      for (String ctx : stats.byContext.keySet()) {
        Map<MemoryStats.Pattern, MemoryStats.Tally> pats = stats.patterns(ctx);
        PatternTable grown = kept.computeIfAbsent(ctx, k -> new PatternTable());
        assertThat(grown.refresh(pats)).isTrue();
        PatternTable fresh = PatternTable.of(pats);
        double[][] grownBeliefs = grown.beliefs(rows(grown, difficulties), prior);
        double[][] freshBeliefs = fresh.beliefs(rows(fresh, difficulties), prior);
        assertThat(grown.size()).isEqualTo(pats.size());
        for (int i = 0; i < grown.size(); i++) {
          assertThat(grown.patterns[i]).isEqualTo(fresh.patterns[i]);
          assertThat(grown.routes.get(grown.route[i])).isEqualTo(fresh.routes.get(fresh.route[i]));
          assertThat(grown.path(grown.failureSet[i])).isEqualTo(grown.patterns[i].failedBefore())
              .isEqualTo(fresh.path(fresh.failureSet[i]));
          assertThat(grown.successes[i]).isEqualTo(fresh.successes[i]);
          assertThat(grown.attempts[i]).isEqualTo(fresh.attempts[i]);
          assertThat(grownBeliefs[grown.failureSet[i]]).isEqualTo(freshBeliefs[fresh.failureSet[i]]);
        }
      }
    }
    assertThat(kept.get("*").refresh(Map.of())).as("a smaller memory is not the one it grew with").isFalse();
  }

  @Test
  void aSharedShiftIsTheShiftComputedAfresh() {
    MemoryStats stats = new MemoryStats();
    SkillModel model = new SkillModel(stats, 2, 2, 1, Map.of());
    SplittableRandom rng = new SplittableRandom(11);
    Map<String, Double> base = new HashMap<>();
    for (String r : ROUTES) {
      base.put(r, rng.nextDouble() * 4 - 2);
    }
    ContextShift shared = new ContextShift(model.difficulties, model.difficultyPrior, 1.0, base);
    // Fresh tables each time, numbered as one model numbers its tables.
    PatternNumbers numbers = new PatternNumbers();
    int compared = 0;
    for (int step = 0; step < 25; step++) {
      feed(stats, rng, 4, step * 4);
      for (String ctx : stats.byContext.keySet()) {
        PatternTable table = PatternTable.of(stats.patterns(ctx), numbers);
        double expected = reference(model, table, base);
        assertThat(shared.meanShift(table)).isEqualTo(expected);
        double[] skill = new double[table.routes.size()];
        for (int r = 0; r < skill.length; r++) {
          skill[r] = base.get(table.routes.get(r));
        }
        assertThat(shared.hasBase(table.routes, skill)).isTrue();
        skill[0] = Math.nextUp(skill[0]);
        assertThat(shared.hasBase(table.routes, skill)).isFalse();
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(100);
    PatternTable otherNumbering = PatternTable.of(stats.patterns("*"));
    assertThatThrownBy(() -> shared.meanShift(otherNumbering))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The shift's posterior mean computed directly: every belief and chance anew for each shift. */
  private static double reference(SkillModel model, PatternTable table, Map<String, Double> base) {
    double[] lp = new double[11];
    double max = Double.NEGATIVE_INFINITY;
    for (int g = 0; g < 11; g++) {
      double shift = 5 * (-1 + 2.0 * g / 10);
      double ll = -0.5 * Math.pow(shift / 1.0, 2);
      double[] skill = new double[table.routes.size()];
      for (int r = 0; r < skill.length; r++) {
        skill[r] = base.get(table.routes.get(r)) + shift;
      }
      double[][] rows = PatternTable.sigmoidRows(skill, model.difficulties);
      double[][] beliefs = table.beliefs(rows, model.difficultyPrior);
      for (int i = 0; i < table.size(); i++) {
        double p = Math.min(1 - 1e-9, Math.max(1e-9, Beliefs.chance(beliefs[table.failureSet[i]], rows[table.route[i]])));
        double k = table.successes[i];
        ll += k * Math.log(p) + (table.attempts[i] - k) * Math.log(1 - p);
      }
      lp[g] = ll;
      max = Math.max(max, ll);
    }
    double z = 0;
    double m = 0;
    for (int g = 0; g < 11; g++) {
      double wgt = Math.exp(lp[g] - max);
      z += wgt;
      m += wgt * 5 * (-1 + 2.0 * g / 10);
    }
    return m / z;
  }

  /** Each of the table's routes at a skill fixed by its name, as σ rows. */
  private static double[][] rows(PatternTable table, double[] difficulties) {
    double[] skill = new double[table.routes.size()];
    for (int r = 0; r < skill.length; r++) {
      skill[r] = ROUTES.indexOf(table.routes.get(r)) - 2.5;
    }
    return PatternTable.sigmoidRows(skill, difficulties);
  }

  /** The record Pattern used to be: its hash decides hash-map order, which the fits' sums follow. */
  private record AsRecord(String route, List<String> failedBefore) {}

  @Test
  void aPatternHashesAndComparesLikeTheRecordItWas() {
    MemoryStats stats = new MemoryStats();
    feed(stats, new SplittableRandom(3), 200, 0);
    assertThat(stats.canonicalPatterns).hasSizeGreaterThan(20);
    for (MemoryStats.Pattern p : stats.canonicalPatterns.keySet()) {
      assertThat(p.hashCode()).isEqualTo(new AsRecord(p.route(), p.failedBefore()).hashCode());
      MemoryStats.Pattern copy = new MemoryStats.Pattern(new String(p.route()), List.copyOf(p.failedBefore()));
      assertThat(copy).isEqualTo(p).hasSameHashCodeAs(p);
      assertThat(new MemoryStats.Pattern(p.route() + "x", p.failedBefore())).isNotEqualTo(p);
    }
  }

  @Test
  void aDrawFindsThePointALeftToRightScanFinds() {
    SplittableRandom rng = new SplittableRandom(5);
    for (int t = 0; t < 200; t++) {
      double[] w = new double[49];
      double z = 0;
      for (int i = 0; i < w.length; i++) {
        // Sparse weights: runs of zeros make equal running sums, where the first one must win.
        w[i] = rng.nextDouble() < 0.5 ? 0 : rng.nextDouble();
        z += w[i];
      }
      for (int i = 0; i < w.length; i++) {
        w[i] /= z;
      }
      Posterior post = new Posterior(w, 0, 1);
      for (int k = 0; k < 50; k++) {
        double u = k == 0 ? 1.0 : k == 1 ? 0.0 : rng.nextDouble();
        assertThat(post.quantile(u)).isEqualTo(scan(w, u));
      }
    }
  }

  @Test
  void aDrawFromAConcentratedPosteriorFindsThePointAScanFinds() {
    // Mass on a few points, tails far below 2^-53 on both sides (as fitted posteriors are): the
    // binary search must agree with the scan there too, and at the edges of the draws.
    SplittableRandom rng = new SplittableRandom(11);
    for (int t = 0; t < 300; t++) {
      double centre = 5 + rng.nextDouble() * 38;
      double sd = 0.2 + rng.nextDouble() * 3;
      double[] w = new double[49];
      double z = 0;
      for (int i = 0; i < w.length; i++) {
        w[i] = Math.exp(-0.5 * Math.pow((i - centre) / sd, 2));
        z += w[i];
      }
      for (int i = 0; i < w.length; i++) {
        w[i] /= z;
      }
      Posterior post = new Posterior(w, 0, 1);
      double total = 0;
      for (double x : w) {
        total += x;
      }
      double[] edges = {0, 0x1p-53, 0x1p-54, 0x1p-52, 1e-300, total, Math.nextDown(total), Math.nextUp(total), 1, 0.5};
      for (double u : edges) {
        assertThat(post.quantile(u)).as("u = %s", u).isEqualTo(scan(w, u));
      }
      for (int k = 0; k < 50; k++) {
        double u = rng.nextDouble();
        assertThat(post.quantile(u)).isEqualTo(scan(w, u));
        assertThat(post.sample(new SplittableRandom(k), 0.5)).isEqualTo(scan(w, 0.5 + (new SplittableRandom(k).nextDouble() - 0.5) * 0.5));
      }
    }
  }

  /** The quantile as it was computed: add the weights up until they reach u. */
  private static int scan(double[] w, double u) {
    double acc = 0;
    for (int i = 0; i < w.length; i++) {
      acc += w[i];
      if (u <= acc) {
        return i;
      }
    }
    return w.length - 1;
  }

  /** Runs of one to three attempts in one dimension and bench, each stopping at its first success. */
  private static void feedInto(MemoryStats stats, SplittableRandom rng, int records, String dim, String bench) {
    int written = 0;
    for (int run = 0; written < records; run++) {
      int attempts = 1 + rng.nextInt(3);
      for (int a = 1; a <= attempts && written < records; a++, written++) {
        String route = ROUTES.get(rng.nextInt(ROUTES.size()));
        boolean ok = rng.nextDouble() < 0.3;
        stats.append(new MemoryRecord("2026-12-05T00:00:00Z", dim + bench + "-" + stats.records() + "-" + run, a,
            "task-" + dim + bench + stats.records(), null, dim, "t", route.substring(2), route, ok, true,
            ok ? "verified" : "failed", 0, 0, 0.01 + rng.nextDouble(), null, null, "test", ok ? null : 0.0, bench, null));
        if (ok) {
          break;
        }
      }
    }
  }

  @Test
  void aNarrowerFitStandsUntilABroaderMemoryDoubled() {
    MemoryStats stats = new MemoryStats();
    SkillModel model = new SkillModel(stats, 2, 2, 1, Map.of());
    SplittableRandom rng = new SplittableRandom(13);
    feedInto(stats, rng, 40, "bug_fixing", "b1");
    feedInto(stats, rng, 40, "code_generation", "b1");
    List<String> chain = stats.contextKeys("bug_fixing", "b1");
    Map<String, Posterior> fitted = model.posteriors(chain, ROUTES);
    long root = stats.version("*");
    long own = stats.version("bug_fixing|b1");
    // Records of another dimension only: everything refits there, this chain's own memory is the same.
    while (stats.version("*") + 10 <= 2 * root) {
      feedInto(stats, rng, 10, "code_generation", "b2");
      model.posteriors(stats.contextKeys("code_generation", "b2"), ROUTES);
      assertThat(model.posteriors(chain, ROUTES)).as("broader memory not yet doubled").isSameAs(fitted);
    }
    feedInto(stats, rng, 20, "code_generation", "b2");
    assertThat(stats.version("*")).isGreaterThan(2 * root);
    assertThat(model.posteriors(chain, ROUTES)).as("broader memory doubled").isNotSameAs(fitted);
    assertThat(stats.version("bug_fixing|b1")).isEqualTo(own);
  }

  @Test
  void aFailureWrittenElsewhereIsTheInPlaceUpdateBitForBit() {
    SplittableRandom rng = new SplittableRandom(17);
    for (int n : new int[] {1, 3, 4, 17, 33}) {
      for (int trial = 0; trial < 50; trial++) {
        double[] w = new double[n];
        double[] chance = new double[n];
        for (int j = 0; j < n; j++) {
          w[j] = rng.nextDouble();
          chance[j] = trial == 0 ? 1.0 : rng.nextDouble();
        }
        double[] inPlace = w.clone();
        Beliefs.fail(inPlace, chance);
        double[] before = w.clone();
        double[] to = new double[n];
        Beliefs.fail(w, to, chance);
        assertThat(w).as("w is left as it was").isEqualTo(before);
        for (int j = 0; j < n; j++) {
          assertThat(Double.doubleToRawLongBits(to[j])).isEqualTo(Double.doubleToRawLongBits(inPlace[j]));
        }
      }
    }
  }
}
