package dev.acr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.core.AttemptResult;
import dev.acr.core.AttemptStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Metric definitions against the hand-computed fixture (see {@link Fixtures}).
 *
 * <p>Rewards (perf − 0.1·cost): t1 gpt −0.05, kimi −0.01, opus 0.80 → oracle opus 0.80; t2 gpt
 * 0.90, kimi 0.98, opus 0.70 → oracle kimi 0.98; t3 gpt −0.04, kimi −0.01, opus 0.90 → oracle
 * opus 0.90. Oracle total 2.68.
 *
 * <p>ACRouter (cheap kimi → gpt, opus if ≥ 2 apply_ok): t1 kimi ✗ (apply) → gpt ✗ (apply) →
 * opus ✓, cost 2.6, reward 0.74; t2 kimi ✓, cost 0.2, reward 0.98; t3 kimi ✗ (no apply) → gpt ✗
 * (apply), only one apply_ok so stop, cost 0.5, reward −0.05, final gpt.
 */
class BenchMetricsTest {
  @TempDir Path dir;

  private Map<String, Metrics> canonical(BenchDataset dataset) throws Exception {
    BenchTable table = new BenchLoader(new ObjectMapper()).load(Fixtures.write(dir), dataset);
    List<Contestant> rows = Contestants.all(table, new TaskFeatures(table.tasks()));
    List<BenchReplay.DatasetReport> reports =
        BenchReplay.run(List.of(new BenchReplay.Plan(table, 8, rows)), new BenchReplay.Options(0, 1, 1, 1));
    return reports.get(0).routers().stream()
        .collect(Collectors.toMap(BenchReplay.RouterReport::name, BenchReplay.RouterReport::canonical));
  }

  @Test
  void oodLoadsInTaskFileOrderAndQuotedIds() throws Exception {
    BenchTable table = new BenchLoader(new ObjectMapper()).load(Fixtures.write(dir), BenchDataset.OOD176);
    assertThat(table.tasks()).extracting(t -> t.key()).containsExactly("t1, with comma", "t2", "t3");
    assertThat(table.routes()).extracting(r -> r.name())
        .containsExactly("codex:gpt-5.4", "opencode:kimi-k2.5", "claude-code:claude-opus-4-6");
    AttemptResult c = table.cell(0, 2);
    assertThat(c.resolved()).isTrue();
    assertThat(c.status()).isEqualTo(AttemptStatus.VERIFIED);
    assertThat(c.costUsd()).isEqualTo(2.0);
    assertThat(table.oracleRoute(0)).isEqualTo(2);
    assertThat(table.oracleRoute(1)).isEqualTo(1);
    assertThat(table.oracleReward(1)).isCloseTo(0.98, within(1e-12));
  }

  @Test
  void oracleAndAlwaysRows() throws Exception {
    Map<String, Metrics> m = canonical(BenchDataset.OOD176);
    Metrics oracle = m.get("Oracle");
    assertThat(oracle.get(Metric.N)).isEqualTo(3);
    assertThat(oracle.get(Metric.AVG_PERF)).isCloseTo(100.0, within(1e-9));
    assertThat(oracle.get(Metric.CUM_REG)).isCloseTo(0.0, within(1e-9));
    assertThat(oracle.get(Metric.TOTAL_USD)).isCloseTo(3.2, within(1e-9));
    assertThat(oracle.get(Metric.R_ACC)).isEqualTo(1.0);

    Metrics gpt = m.get("Always-gpt-5.4");
    assertThat(gpt.get(Metric.AVG_PERF)).isCloseTo(100.0 / 3, within(1e-9));
    assertThat(gpt.get(Metric.TOTAL_USD)).isCloseTo(1.9, within(1e-9));
    assertThat(gpt.get(Metric.CUM_REG)).isCloseTo(2.68 - 0.81, within(1e-9));
    assertThat(gpt.get(Metric.PERF_PER_USD)).isCloseTo((100.0 / 3) / 1.9, within(1e-9));
    assertThat(gpt.get(Metric.R_ACC)).isEqualTo(0.0);
    assertThat(gpt.get(Metric.APPLY_OK)).isCloseTo(100.0, within(1e-9));
    assertThat(gpt.get(Metric.AVG_STEPS)).isEqualTo(1.0);
    assertThat(gpt.get(Metric.ESCALATIONS)).isEqualTo(0.0);

    Metrics kimi = m.get("Always-kimi-k2.5");
    assertThat(kimi.get(Metric.R_ACC)).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(kimi.get(Metric.APPLY_OK)).isCloseTo(200.0 / 3, within(1e-9));
  }

  @Test
  void cascadeRow() throws Exception {
    Metrics a = canonical(BenchDataset.OOD176).get("ACRouter");
    assertThat(a.get(Metric.AVG_PERF)).isCloseTo(200.0 / 3, within(1e-9));
    assertThat(a.get(Metric.TOTAL_USD)).isCloseTo(3.3, within(1e-9));
    assertThat(a.get(Metric.CUM_REG)).isCloseTo(0.06 + 0.0 + 0.95, within(1e-9));
    assertThat(a.get(Metric.R_ACC)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(a.get(Metric.APPLY_OK)).isCloseTo(100.0, within(1e-9));
    assertThat(a.get(Metric.AVG_STEPS)).isCloseTo(2.0, within(1e-12));
    assertThat(a.get(Metric.ESCALATIONS)).isEqualTo(3.0);
  }

  /**
   * ID: performance is the score, resolved iff score ≥ 1, apply_ok iff score > 0. i1 rewards gpt
   * 0.499, kimi −0.0001, opus 0.998 → opus; i2 gpt 0.999, kimi 0.2498, opus 0.997 → gpt.
   */
  @Test
  void idScoresAndDerivedFlags() throws Exception {
    BenchTable table = new BenchLoader(new ObjectMapper()).load(Fixtures.write(dir), BenchDataset.ID_TEST);
    AttemptResult half = table.cell(0, 0);
    assertThat(half.performance()).isEqualTo(0.5);
    assertThat(half.resolved()).isFalse();
    assertThat(half.applyOk()).isTrue();
    assertThat(half.durationMs()).isEqualTo(1200);
    assertThat(table.cell(0, 1).applyOk()).isFalse();
    assertThat(table.cell(1, 0).resolved()).isTrue();

    Map<String, Metrics> m = canonical(BenchDataset.ID_TEST);
    Metrics kimi = m.get("Always-kimi-k2.5");
    assertThat(kimi.get(Metric.AVG_PERF)).isCloseTo(12.5, within(1e-9));
    assertThat(kimi.get(Metric.APPLY_OK)).isCloseTo(50.0, within(1e-9));
    assertThat(kimi.get(Metric.CUM_REG)).isCloseTo((0.998 + 0.999) - (-0.0001 + 0.2498), within(1e-9));
    // The cascade's cheap chain here is kimi → gpt: i1 kimi 0 → gpt 0.5 (both unresolved, one
    // apply_ok, so no opus) ; i2 kimi 0.25 → gpt 1.0 resolved.
    Metrics a = m.get("Cascade");
    assertThat(a.get(Metric.AVG_PERF)).isCloseTo(75.0, within(1e-9));
    assertThat(a.get(Metric.TOTAL_USD)).isCloseTo(0.023, within(1e-12));
    assertThat(a.get(Metric.ESCALATIONS)).isEqualTo(2.0);
    assertThat(a.get(Metric.R_ACC)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void shuffleStatisticsAreMeanAndSampleSd() {
    double[] va = new double[Metric.values().length];
    va[Metric.N.ordinal()] = 1;
    va[Metric.AVG_PERF.ordinal()] = 10;
    double[] vb = va.clone();
    vb[Metric.AVG_PERF.ordinal()] = 20;
    Metrics a = new Metrics(va);
    Metrics b = new Metrics(vb);
    assertThat(Metrics.mean(List.of(a, b))[Metric.AVG_PERF.ordinal()]).isEqualTo(15.0);
    assertThat(Metrics.sd(List.of(a, b))[Metric.AVG_PERF.ordinal()]).isCloseTo(Math.sqrt(50), within(1e-12));
    assertThat(Metrics.sd(List.of(a))[Metric.AVG_PERF.ordinal()]).isEqualTo(0.0);
  }
}
