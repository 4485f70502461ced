package dev.acr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's reference figures, recomputed through the replay (real data; skipped without it). */
class BenchReproductionTest {

  private static Map<String, Metrics> canonical(BenchDataset dataset, String... names) throws Exception {
    BenchTable table = new BenchLoader(new ObjectMapper()).load(Fixtures.realData(), dataset);
    List<String> wanted = List.of(names);
    List<Contestant> rows = Contestants.all(table, new TaskFeatures(table.tasks())).stream()
        .filter(c -> wanted.contains(c.name())).toList();
    return BenchReplay.run(List.of(new BenchReplay.Plan(table, rows)), new BenchReplay.Options(0, 1, 8, 2))
        .get(0).routers().stream()
        .collect(Collectors.toMap(BenchReplay.RouterReport::name, BenchReplay.RouterReport::canonical));
  }

  /** AvgPerf% / CumReg / $Total rounded as in the README. */
  private static String readme(Metrics m) {
    return String.format(Locale.ROOT, "%.2f / %.1f / %.2f",
        m.get(Metric.AVG_PERF), m.get(Metric.CUM_REG), m.get(Metric.TOTAL_USD));
  }

  @Test
  void acrouterCascadeReproducesOod176() throws Exception {
    Metrics a = canonical(BenchDataset.OOD176, "ACRouter").get("ACRouter");
    assertThat(readme(a)).isEqualTo("73.30 / 15.9 / 86.72");
    assertThat(a.get(Metric.N)).isEqualTo(176);
  }

  @Test
  void oracleAndAlwaysRowsMatchReadme() throws Exception {
    Map<String, Metrics> m = canonical(BenchDataset.OOD176, "Oracle", "Always-gpt-5.4", "Always-claude-opus-4-6");
    assertThat(readme(m.get("Oracle"))).isEqualTo("78.98 / 0.0 / 27.62");
    assertThat(readme(m.get("Always-gpt-5.4"))).isEqualTo("64.20 / 25.1 / 18.27");
    assertThat(readme(m.get("Always-claude-opus-4-6"))).isEqualTo("63.64 / 43.7 / 194.91");
    // The upstream baseline table's Apply_ok% for the oracle; equal only with ties broken by
    // models.json order.
    assertThat(String.format(Locale.ROOT, "%.1f", m.get("Oracle").get(Metric.APPLY_OK))).isEqualTo("85.8");
  }

  @Test
  void idAlwaysOpusMatchesReadme() throws Exception {
    Metrics m = canonical(BenchDataset.ID_TEST, "Always-claude-opus-4-6").get("Always-claude-opus-4-6");
    assertThat(readme(m)).isEqualTo("43.83 / 475.5 / 34.02");
    assertThat(m.get(Metric.N)).isEqualTo(2919);
  }
}
