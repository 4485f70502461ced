package dev.acr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * acr's own policy, replayed from empty memory through the same engine as `acr bench replay`
 * (default attempt limit, 20 shuffled orders, seed 1), against the targets the README reports.
 * Real data; skipped without it.
 */
class BenchAcrTargetsTest {

  private static BenchReplay.RouterReport acr(BenchDataset dataset) throws Exception {
    BenchTable table = new BenchLoader(new ObjectMapper()).load(Fixtures.realData(), dataset);
    List<Contestant> rows = Contestants.all(table, new TaskFeatures(table.tasks())).stream()
        .filter(c -> c.name().equals("acr")).toList();
    BenchReplay.RouterReport r = BenchReplay.run(List.of(new BenchReplay.Plan(table, Contestants.DEFAULT_MAX_ATTEMPTS, rows)),
            new BenchReplay.Options(20, 1, 1, 2))
        .get(0).routers().get(0);
    System.out.printf(Locale.ROOT, "%s acr canonical: AvgPerf %.2f%%, CumReg %.2f, $%.2f; 20 shuffles: AvgPerf %.2f%%, CumReg %.2f%n",
        dataset, r.canonical().get(Metric.AVG_PERF), r.canonical().get(Metric.CUM_REG),
        r.canonical().get(Metric.TOTAL_USD), mean(r, Metric.AVG_PERF), mean(r, Metric.CUM_REG));
    return r;
  }

  @Test
  void ood176FromEmptyMemory() throws Exception {
    BenchReplay.RouterReport r = acr(BenchDataset.OOD176);
    assertThat(r.canonical().get(Metric.CUM_REG)).as("canonical CumReg").isLessThanOrEqualTo(OOD_CANONICAL_CUMREG);
    assertThat(r.canonical().get(Metric.AVG_PERF)).as("canonical AvgPerf%").isGreaterThanOrEqualTo(76.0);
    assertThat(mean(r, Metric.CUM_REG)).as("shuffled mean CumReg").isLessThanOrEqualTo(OOD_SHUFFLED_CUMREG);
  }

  @Test
  void idTestFromEmptyMemory() throws Exception {
    BenchReplay.RouterReport r = acr(BenchDataset.ID_TEST);
    assertThat(mean(r, Metric.AVG_PERF)).as("shuffled mean AvgPerf%").isGreaterThanOrEqualTo(49.0);
  }

  private static double mean(BenchReplay.RouterReport r, Metric metric) {
    return r.shuffled().stream().mapToDouble(m -> m.get(metric)).average().orElseThrow();
  }

  // The targets: 12.0 canonical and 14.0 mean over the shuffled orders (acr reaches 11.5
  // and 12.5 with seed 1, see the README).
  static final double OOD_CANONICAL_CUMREG = 12.0;
  static final double OOD_SHUFFLED_CUMREG = 14.0;
}
