package dev.acr.bench;

import java.util.List;

/**
 * The {@code acr} row (our policy, replayed from empty memory) and {@code acr+priors}. The policy
 * ({@code dev.acr.policy.AcrPolicy}) is not in this branch yet, so this factory yields no rows and
 * the table simply omits them. When it lands, the row is:
 *
 * <pre>
 * stats = new MemoryStats();
 * Seat(new AcrPolicy(table.routes(), stats, guesses, PolicyConfig.defaults(), seed), stats)
 * </pre>
 *
 * where {@code guesses} come from models.json prices via {@code CostGuess.fromPrices}; the replay
 * tees the collector and the stats so acr learns from the records the RunLoop writes.
 */
final class AcrRow {
  private AcrRow() {}

  static List<Contestant> contestants(BenchTable table) {
    return List.of();
  }
}
