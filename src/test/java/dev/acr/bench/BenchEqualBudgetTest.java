package dev.acr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The equal-budget rule on the bundled data: at every attempt limit no router makes more calls on
 * a task than the limit, every row of a table says its protocol, and the online baselines that
 * can escalate do so above a limit of one (re-planning without the routes already tried).
 */
class BenchEqualBudgetTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ESCALATING = Set.of("Random", "LinUCB", "LinTS", "kNN", "acr");

  private static List<BenchReplay.DatasetReport> replay(BenchDataset dataset, int... caps) throws Exception {
    BenchTable table = new BenchLoader(JSON).load(Fixtures.realData(), dataset);
    TaskFeatures features = new TaskFeatures(table.tasks());
    List<Decisions> published = dataset == BenchDataset.ID_TEST
        ? PublishedRouters.load(Fixtures.realData(), table, JSON, note -> {})
        : List.of();
    List<BenchReplay.Plan> plans = new ArrayList<>();
    for (int cap : caps) {
      plans.add(new BenchReplay.Plan(table, cap, Contestants.all(table, features, cap, published)));
    }
    return BenchReplay.run(plans, new BenchReplay.Options(1, 1, 2, 2));
  }

  @Test
  void noRouterExceedsTheLimitAndBaselinesEscalateAboveOne() throws Exception {
    for (BenchDataset dataset : BenchDataset.values()) {
      for (BenchReplay.DatasetReport d : replay(dataset, 1, 3)) {
        for (BenchReplay.RouterReport r : d.routers()) {
          String what = dataset.key() + " cap " + d.cap() + " " + r.name();
          assertThat(r.decisions()).as(what).isNotEmpty()
              .allSatisfy(x -> assertThat(x.chain().size()).as(what).isLessThanOrEqualTo(d.cap()));
          assertThat(r.records()).as(what).allSatisfy(x -> assertThat(x.attempt()).isLessThanOrEqualTo(d.cap()));
          assertThat(r.protocol()).as(what).isNotBlank();
          double escalations = r.canonical().get(Metric.ESCALATIONS);
          if (d.cap() == 1) {
            assertThat(escalations).as(what).isZero();
            assertThat(r.protocol()).as(what).contains("single call").doesNotContain("escalates");
          } else if (ESCALATING.contains(r.name())) {
            assertThat(escalations).as(what + " escalates").isPositive();
            assertThat(r.protocol()).as(what).isEqualTo("escalates ≤ 3 calls");
            for (Metrics shuffled : r.shuffled()) {
              assertThat(shuffled.get(Metric.AVG_STEPS)).as(what).isLessThanOrEqualTo(3.0);
            }
          } else if (r.name().startsWith("Always-") || r.bound()) {
            assertThat(escalations).as(what).isZero();
            assertThat(r.protocol()).as(what).contains("single call");
          }
        }
      }
    }
  }

  @Test
  void canonicalRowIsTheMeanOverTheSeedsOfARandomisedRouter() throws Exception {
    BenchReplay.DatasetReport d = replay(BenchDataset.OOD176, 3).get(0);
    for (BenchReplay.RouterReport r : d.routers()) {
      boolean seeded = Set.of("Random", "LinTS", "acr").contains(r.name()); // at cap 3
      assertThat(r.seeds()).as(r.name()).hasSize(seeded ? 2 : 1);
      assertThat(r.canonical().values()).as(r.name()).containsExactly(Metrics.mean(r.seeds()));
    }
    BenchReplay.RouterReport random = d.routers().stream().filter(r -> r.name().equals("Random")).findFirst().orElseThrow();
    assertThat(random.seeds().get(0)).isNotEqualTo(random.seeds().get(1));
  }

  @Test
  void acrsSingleCallIgnoresItsSeedSoItsCanonicalOrderRunsOnce() throws Exception {
    for (BenchDataset dataset : BenchDataset.values()) {
      BenchTable table = new BenchLoader(JSON).load(Fixtures.realData(), dataset);
      Contestant acr = AcrRow.contestant(table, 1);
      assertThat(acr.seeded()).isFalse();
      // The claim behind running it once: the same row forced to use three seeds agrees with itself.
      Contestant forced = new Contestant(acr.name(), false, false, true, acr.protocol(), acr.factory());
      BenchReplay.RouterReport r = BenchReplay.run(
          List.of(new BenchReplay.Plan(table, 1, List.of(forced))), new BenchReplay.Options(0, 7, 3, 2))
          .get(0).routers().get(0);
      assertThat(r.seeds()).as(dataset.key()).hasSize(3);
      assertThat(r.seeds().get(1).values()).as(dataset.key()).containsExactly(r.seeds().get(0).values());
      assertThat(r.seeds().get(2).values()).as(dataset.key()).containsExactly(r.seeds().get(0).values());
    }
  }
}
