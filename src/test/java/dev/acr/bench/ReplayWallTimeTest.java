package dev.acr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.core.Route;
import dev.acr.live.FixedChainRouter;
import dev.acr.policy.RacingRouter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay's wall time against a hand computation on the small fixture tables ({@link Fixtures}).
 *
 * <p>ID test, chain kimi → gpt → opus (only a score of 1 verifies). One at a time: i1 kimi 900 ✗,
 * gpt 1200 ✗, opus 3000 ✓ = 5100 ms; i2 kimi 800 ✗, gpt 1000 ✓ = 1800 ms; total 6900 ms. Racing
 * all three: i1 ends when opus verifies at 3000 ms; i2 when gpt verifies at 1000 ms, opus (2500 ms,
 * $0.03) cancelled then, paying 1000/2500 of its cost ($0.012); total 4000 ms.
 *
 * <p>OOD176 has no latency: each cell is the proxy 1 call × 3600 + 10 output tokens × 16.1 = 3761 ms.
 */
class ReplayWallTimeTest {
  @TempDir Path dir;

  private static final double HOUR_MS = 3_600_000.0;

  private BenchTable load(BenchDataset dataset) throws Exception {
    return new BenchLoader(new ObjectMapper()).load(Fixtures.write(dir), dataset);
  }

  private static List<Route> chain(BenchTable table, String... models) {
    return java.util.Arrays.stream(models)
        .map(m -> table.routes().stream().filter(r -> m.equals(r.model())).findFirst().orElseThrow())
        .toList();
  }

  @Test
  void sequentialWallTimeIsTheSumOfLatencies() throws Exception {
    BenchTable table = load(BenchDataset.ID_TEST);
    FixedChainRouter seq = new FixedChainRouter("seq", chain(table, "kimi-k2.5", "gpt-5.4", "claude-opus-4-6"));
    Replay.Result r = Replay.run(table, seq, null, new int[] {0, 1}, 3, false);
    assertThat(r.metrics().get(Metric.WALL_HOURS)).isCloseTo(6900 / HOUR_MS, within(1e-12));
  }

  @Test
  void aRaceCountsEachBatchOnceAndCancelledAttemptsPayTheirShare() throws Exception {
    BenchTable table = load(BenchDataset.ID_TEST);
    FixedChainRouter chain = new FixedChainRouter("seq", chain(table, "kimi-k2.5", "gpt-5.4", "claude-opus-4-6"));
    RacingRouter race = new RacingRouter(chain, t -> List.of(), 3, false, 60);
    Replay.Result r = Replay.run(table, race, null, new int[] {0, 1}, 3, true);
    assertThat(r.metrics().get(Metric.WALL_HOURS)).isCloseTo(4000 / HOUR_MS, within(1e-12));
    double i1 = 0.001 + 0.01 + 0.02;
    double i2 = 0.002 + 0.01 + 0.03 * 1000 / 2500;
    assertThat(r.metrics().get(Metric.TOTAL_USD)).isCloseTo(i1 + i2, within(1e-12));
    assertThat(r.records()).filteredOn(rec -> rec.status().equals("cancelled")).hasSize(1)
        .allMatch(rec -> rec.model().equals("claude-opus-4-6") && rec.durationMs() == 1000);
  }

  /**
   * The racing row draws the acr row's seeds: valuing time at $0 it never races, so it must
   * replay exactly as acr does, canonical seeds and shuffles alike. With seeds of its own (as
   * before) the same router differed in CumReg and wall time by its random draws alone.
   */
  @Test
  void theRacingRowSharesAcrsSeeds() throws Exception {
    BenchTable table = new BenchLoader(new ObjectMapper()).load(Fixtures.realData(), BenchDataset.OOD176);
    // Cap 8 too: there a task's plans after the first read skills as of its start, which the
    // race's width estimates must read as well (policy/AcrPolicy#posteriors).
    for (int cap : new int[] {3, 8}) {
      List<Contestant> rows = List.of(AcrRow.contestant(table, cap), AcrRow.racing(table, cap, 3, true, 0.0));
      List<BenchReplay.RouterReport> r = BenchReplay.run(List.of(new BenchReplay.Plan(table, cap, rows)),
          new BenchReplay.Options(2, 1001, 2, 1)).get(0).routers();
      assertThat(r.get(1).name()).isEqualTo("acr --race auto");
      assertThat(r.get(1).seeds()).as("cap " + cap).isEqualTo(r.get(0).seeds());
      assertThat(r.get(1).shuffled()).as("cap " + cap).isEqualTo(r.get(0).shuffled());
    }
  }

  @Test
  void ood176UsesTheCallsAndTokensProxy() throws Exception {
    BenchTable table = load(BenchDataset.OOD176);
    FixedChainRouter gpt = new FixedChainRouter("gpt", chain(table, "gpt-5.4"));
    Replay.Result r = Replay.run(table, gpt, null, new int[] {0, 1, 2}, 1, false);
    assertThat(TimeModel.proxyMs(0, 10)).isEqualTo(3761);
    assertThat(r.metrics().get(Metric.WALL_HOURS)).isCloseTo(3 * 3761 / HOUR_MS, within(1e-12));
  }
}
