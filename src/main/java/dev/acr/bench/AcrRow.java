package dev.acr.bench;

import dev.acr.core.Route;
import dev.acr.policy.AcrPolicy;
import dev.acr.policy.CostGuess;
import dev.acr.policy.MemoryStats;
import dev.acr.policy.PolicyConfig;
import dev.acr.policy.Priors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code acr} row: our policy replayed from empty memory. It learns only from the memory
 * records the RunLoop writes for its own attempts (its MemoryStats is teed behind the replay's
 * collector), exactly as a live run feeds it. Per-attempt cost guesses come from models.json
 * prices; a replayed memory file has none, so the policy starts at 0 and learns costs from its
 * records. {@code acr+priors} is the same policy starting from priors ({@link Priors}); the
 * replay fits them on the other dataset only (or reads --priors FILE), never on the replayed one.
 */
final class AcrRow {
  private AcrRow() {}

  /** The {@code acr} row, and {@code acr+priors} when {@code priors} is not null. */
  static List<Contestant> contestants(BenchTable table, int maxAttempts, Priors priors) {
    List<Contestant> rows = new ArrayList<>();
    rows.add(row("acr", table, maxAttempts, Priors.none()));
    if (priors != null) {
      rows.add(row("acr+priors", table, maxAttempts, priors));
    }
    return rows;
  }

  private static Contestant row(String name, BenchTable table, int maxAttempts, Priors priors) {
    Map<Route, Double> guesses = new HashMap<>();
    table.prices().forEach((route, p) -> guesses.put(route, CostGuess.fromPrices(p.inputPer1m(), p.outputPer1m())));
    RouteMenu menu = table.menu();
    PolicyConfig config = PolicyConfig.defaults().withMaxAttempts(maxAttempts);
    return new Contestant(name, false, false, 1, 1, seed -> {
      MemoryStats stats = new MemoryStats();
      AcrPolicy policy = new AcrPolicy(table.routes(), stats, guesses, config, seed, priors);
      return new Contestant.Seat(new OfferedOnly(policy, menu), stats);
    });
  }
}
