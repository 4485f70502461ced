package dev.acr.bench;

import dev.acr.core.Route;
import dev.acr.policy.AcrPolicy;
import dev.acr.policy.CostGuess;
import dev.acr.policy.MemoryStats;
import dev.acr.policy.PolicyConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code acr} row: our policy replayed from empty memory. It learns only from the memory
 * records the RunLoop writes for its own attempts (its MemoryStats is teed behind the replay's
 * collector), exactly as a live run feeds it. Per-attempt cost guesses come from models.json
 * prices; a replayed memory file has none, so the policy starts at 0 and learns costs from its
 * records. {@code acr+priors} (stats seeded from prior memory) has no prior source yet, so that
 * row is not produced.
 */
final class AcrRow {
  private AcrRow() {}

  static Contestant contestant(BenchTable table, int maxAttempts) {
    Map<Route, Double> guesses = new HashMap<>();
    table.prices().forEach((route, p) -> guesses.put(route, CostGuess.fromPrices(p.inputPer1m(), p.outputPer1m())));
    RouteMenu menu = table.menu();
    return new Contestant("acr", false, false, true, Contestant.upTo(maxAttempts), seed -> {
      MemoryStats stats = new MemoryStats();
      AcrPolicy policy = new AcrPolicy(table.routes(), stats, guesses, PolicyConfig.defaults().withMaxAttempts(maxAttempts), seed);
      return new Contestant.Seat(new OfferedOnly(policy, menu), stats);
    });
  }
}
