package dev.acr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The data README's reference figures, recomputed through the replay on the data bundled in acr:
 * the paper's OOD176 cascade, the Oracle and Always rows, and every published single-call router
 * of the ID test.
 */
class BenchReproductionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Map<String, Metrics> canonical(BenchDataset dataset, int cap, String... names) throws Exception {
    BenchTable table = new BenchLoader(JSON).load(Fixtures.realData(), dataset);
    List<Decisions> published = dataset == BenchDataset.ID_TEST
        ? PublishedRouters.load(Fixtures.realData(), table, JSON, note -> { throw new AssertionError(note); })
        : List.of();
    List<String> wanted = List.of(names);
    List<Contestant> rows = Contestants.all(table, new TaskFeatures(table.tasks()), cap, published).stream()
        .filter(c -> wanted.contains(c.name())).toList();
    assertThat(rows).hasSameSizeAs(wanted);
    return BenchReplay.run(List.of(new BenchReplay.Plan(table, cap, rows)), new BenchReplay.Options(0, 1, 1, 2))
        .get(0).routers().stream()
        .collect(Collectors.toMap(BenchReplay.RouterReport::name, BenchReplay.RouterReport::canonical));
  }

  /** AvgPerf% / CumReg / $Total rounded as in the README. */
  private static String readme(Metrics m) {
    return String.format(Locale.ROOT, "%.2f / %.1f / %.2f",
        m.get(Metric.AVG_PERF), m.get(Metric.CUM_REG), m.get(Metric.TOTAL_USD));
  }

  /** AvgPerf% / $Total, the columns the paper's ID table shares with these CSVs. */
  private static String perfAndCost(Metrics m) {
    return String.format(Locale.ROOT, "%.2f / %.2f", m.get(Metric.AVG_PERF), m.get(Metric.TOTAL_USD));
  }

  @Test
  void acrouterCascadeReproducesOod176() throws Exception {
    // The cascade makes at most five calls, so caps 5 and 8 give the paper's figures.
    for (int cap : new int[] {5, 8}) {
      Metrics a = canonical(BenchDataset.OOD176, cap, "ACRouter").get("ACRouter");
      assertThat(readme(a)).as("cap " + cap).isEqualTo("73.30 / 15.9 / 86.72");
      assertThat(a.get(Metric.N)).isEqualTo(176);
    }
  }

  @Test
  void oracleAndAlwaysRowsMatchReadme() throws Exception {
    Map<String, Metrics> m = canonical(BenchDataset.OOD176, 1, "Oracle", "Always-gpt-5.4", "Always-claude-opus-4-6");
    assertThat(readme(m.get("Oracle"))).isEqualTo("78.98 / 0.0 / 27.62");
    assertThat(readme(m.get("Always-gpt-5.4"))).isEqualTo("64.20 / 25.1 / 18.27");
    assertThat(readme(m.get("Always-claude-opus-4-6"))).isEqualTo("63.64 / 43.7 / 194.91");
    // The upstream baseline table's Apply_ok% for the oracle; equal only with ties broken by
    // models.json order.
    assertThat(String.format(Locale.ROOT, "%.1f", m.get("Oracle").get(Metric.APPLY_OK))).isEqualTo("85.8");
  }

  @Test
  void idAlwaysOpusMatchesReadme() throws Exception {
    Metrics m = canonical(BenchDataset.ID_TEST, 1, "Always-claude-opus-4-6").get("Always-claude-opus-4-6");
    assertThat(readme(m)).isEqualTo("43.83 / 475.5 / 34.02");
    assertThat(m.get(Metric.N)).isEqualTo(2919);
  }

  @Test
  void publishedIdRoutersReproduceTheDataReadme() throws Exception {
    Map<String, String> expected = Map.of(
        "ACRouter", "50.14 / 22.31",
        "DimensionBest", "49.86 / 11.42",
        "Qwen3.5-9B-FT", "48.03 / 6.89",
        "Qwen3.5-2B-FT", "47.86 / 8.71",
        "Qwen3.5-27B-FT", "47.83 / 7.13",
        "Qwen3.5-0.8B-FT", "47.68 / 8.80",
        "LogReg", "47.26 / 6.09",
        "RouteLLM-SW", "47.18 / 6.13",
        "TF-IDF+MLP", "46.97 / 6.27",
        "RouteLLM-MF", "46.16 / 5.67");
    assertThat(expected.keySet()).isEqualTo(Decisions.PUBLISHED.keySet());
    Map<String, Metrics> m = canonical(BenchDataset.ID_TEST, 1, expected.keySet().toArray(String[]::new));
    for (Map.Entry<String, String> e : expected.entrySet()) {
      Metrics row = m.get(e.getKey());
      assertThat(perfAndCost(row)).as(e.getKey()).isEqualTo(e.getValue());
      assertThat(row.get(Metric.N)).isEqualTo(2919);
      assertThat(row.get(Metric.AVG_STEPS)).as(e.getKey() + " makes one call per task").isEqualTo(1.0);
    }
  }

  @Test
  void publishedRowsAreSingleCallTableRowsOnly() throws Exception {
    BenchTable table = new BenchLoader(JSON).load(Fixtures.realData(), BenchDataset.ID_TEST);
    List<Decisions> published = PublishedRouters.load(Fixtures.realData(), table, JSON, note -> {});
    TaskFeatures features = new TaskFeatures(table.tasks());
    assertThat(Contestants.all(table, features, 1, published)).extracting(Contestant::name).contains("ACRouter", "Cascade");
    assertThat(Contestants.all(table, features, 3, published)).extracting(Contestant::name)
        .contains("Cascade").doesNotContain("ACRouter", "LogReg");
  }
}
