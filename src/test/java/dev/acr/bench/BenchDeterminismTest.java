package dev.acr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Everything is a function of --seed, whatever the thread count; order-free rows really are. */
class BenchDeterminismTest {

  private static List<BenchReplay.DatasetReport> replay(BenchTable table, long seed, int threads) throws Exception {
    List<Contestant> rows = Contestants.all(table, new TaskFeatures(table.tasks()));
    return BenchReplay.run(List.of(new BenchReplay.Plan(table, 8, rows)), new BenchReplay.Options(3, seed, 3, threads));
  }

  private static String json(List<BenchReplay.DatasetReport> r, long seed) throws Exception {
    ObjectMapper json = new ObjectMapper();
    return json.writeValueAsString(MetricsJson.build(json, r, new BenchReplay.Options(3, seed, 3, 1)));
  }

  @Test
  void sameSeedSameResultsAcrossThreadCounts() throws Exception {
    BenchTable table = new BenchLoader(new ObjectMapper()).load(Fixtures.realData(), BenchDataset.OOD176);
    List<BenchReplay.DatasetReport> a = replay(table, 5, 1);
    List<BenchReplay.DatasetReport> b = replay(table, 5, 2);
    assertThat(json(a, 5)).isEqualTo(json(b, 5));
    for (int i = 0; i < a.get(0).routers().size(); i++) {
      assertThat(a.get(0).routers().get(i).decisions()).isEqualTo(b.get(0).routers().get(i).decisions());
      assertThat(a.get(0).routers().get(i).records()).isEqualTo(b.get(0).routers().get(i).records());
    }
  }

  @Test
  void anotherSeedChangesTheShuffles() throws Exception {
    BenchTable table = new BenchLoader(new ObjectMapper()).load(Fixtures.realData(), BenchDataset.OOD176);
    assertThat(json(replay(table, 5, 2), 5)).isNotEqualTo(json(replay(table, 6, 2), 5));
    assertThat(Seeds.permutation(50, 5, 1)).isNotEqualTo(Seeds.permutation(50, 5, 2));
    assertThat(Seeds.permutation(50, 5, 0)).isSorted();
  }

  @Test
  void orderFreeRowsGiveTheCanonicalMetricsOnAnyShuffle() throws Exception {
    BenchTable table = new BenchLoader(new ObjectMapper()).load(Fixtures.realData(), BenchDataset.OOD176);
    BenchReplay.Options options = new BenchReplay.Options(2, 9, 1, 1);
    for (Contestant c : Contestants.all(table, new TaskFeatures(table.tasks()))) {
      if (!c.orderFree()) {
        continue;
      }
      Metrics canonical = BenchReplay.shuffledOnce(table, 8, c, 0, options);
      for (int order = 1; order <= 2; order++) {
        Metrics shuffled = BenchReplay.shuffledOnce(table, 8, c, order, options);
        for (Metric m : Metric.values()) {
          assertThat(shuffled.get(m)).as(c.name() + " " + m.key()).isCloseTo(canonical.get(m), within(1e-9));
        }
      }
    }
  }
}
