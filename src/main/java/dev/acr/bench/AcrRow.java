package dev.acr.bench;

import dev.acr.core.Route;
import dev.acr.core.Router;
import dev.acr.policy.AcrPolicy;
import dev.acr.policy.CostGuess;
import dev.acr.policy.Fallback;
import dev.acr.policy.MemoryStats;
import dev.acr.policy.PolicyConfig;
import dev.acr.policy.Priors;
import dev.acr.policy.RacePlanner;
import dev.acr.policy.RacingRouter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The {@code acr} row: our policy replayed from empty memory. It learns only from the memory
 * records the RunLoop writes for its own attempts (its MemoryStats is teed behind the replay's
 * collector), exactly as a live run feeds it. Per-attempt cost guesses come from models.json
 * prices; a replayed memory file has none, so the policy starts at 0 and learns costs from its
 * records. {@code acr+priors} is the same policy starting from priors ({@link Priors}); the
 * replay fits them on the other dataset only (or reads --priors FILE), never on the replayed one.
 */
final class AcrRow {
  /** The row's name; the racing row draws its seeds. */
  static final String NAME = "acr";

  private AcrRow() {}

  /** The {@code acr} row at attempt limit {@code maxAttempts}, from empty memory and prices alone. */
  static Contestant contestant(BenchTable table, int maxAttempts) {
    return row(NAME, table, maxAttempts, Priors.none(), (policy, offered) -> offered);
  }

  /** The {@code acr+priors} row: the same policy starting from {@code priors} (fitted elsewhere). */
  static Contestant withPriors(BenchTable table, int maxAttempts, Priors priors) {
    return row("acr+priors", table, maxAttempts, priors, (policy, offered) -> offered);
  }

  /**
   * The same policy racing ({@code acr bench replay --race N|auto}): batches of up to {@code
   * width} routes, decided by the attempts' times ({@link dev.acr.core.Batch}); auto lets the
   * {@link RacePlanner} choose per batch, valuing time at {@code timeValuePerHour}. It draws the
   * {@code acr} row's seeds (common random numbers): until its first race it replays exactly as
   * {@code acr} does, so the rows' difference is racing's, not that of two unrelated seeds
   * (which alone moved OOD176's CumReg by up to 2.3 and its wall time by up to 7%).
   */
  static Contestant racing(BenchTable table, int maxAttempts, int width, boolean auto, double timeValuePerHour) {
    String name = "acr --race " + (auto ? "auto" : Integer.toString(width));
    Contestant c = row(name, table, maxAttempts, Priors.none(),
        (policy, offered) -> new RacingRouter(offered, policy::estimates, width, auto, timeValuePerHour));
    return new Contestant(c.name(), c.bound(), c.orderFree(), c.seeded(), c.protocol(), c.factory(), NAME);
  }

  private static Contestant row(
      String name, BenchTable table, int maxAttempts, Priors priors, BiFunction<AcrPolicy, Router, Router> around) {
    Map<Route, Double> guesses = new HashMap<>();
    table.prices().forEach((route, p) -> guesses.put(route, CostGuess.fromPrices(p.inputPer1m(), p.outputPer1m())));
    RouteMenu menu = table.menu();
    PolicyConfig config = PolicyConfig.defaults().withMaxAttempts(maxAttempts);
    // The single call is chosen without a draw (SingleCall.choose): at a limit of one the seed
    // changes nothing, so the canonical order runs once instead of once per seed.
    boolean seeded = maxAttempts > 1;
    return new Contestant(name, false, false, seeded, Contestant.upTo(maxAttempts), seed -> {
      MemoryStats stats = new MemoryStats();
      AcrPolicy policy = new AcrPolicy(table.routes(), stats, guesses, config, seed, Fallback.NONE, priors);
      return new Contestant.Seat(around.apply(policy, new OfferedOnly(policy, menu)), stats);
    });
  }
}
