package dev.acr.live;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acr.config.ToolsConfig;
import dev.acr.core.Route;
import dev.acr.core.Router;
import dev.acr.memory.RouteTimes;
import dev.acr.policy.CostGuess;
import dev.acr.policy.RacePlanner;
import dev.acr.policy.RacingRouter;
import dev.acr.policy.RouteEstimate;
import dev.acr.verify.VerifyDetector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many attempts of a live run go at once, and why: {@code --race N}, {@code --race auto} (the
 * {@link RacePlanner} decides from the policy's estimates), or one at a time. Never a race with
 * {@code --in-place} (one directory cannot host two agents) nor where the repository's {@code
 * .acr/config.json} says {@code "race": false} (tests that cannot run twice at once).
 */
public record RaceChoice(int width, boolean auto, String why) {

  /**
   * The router the run loop asks for each batch's width: {@code router} itself when not racing,
   * else racing it (auto: the {@link RacePlanner} again for each batch), every batch kept within
   * what the budget leaves by the policy's cost estimates.
   */
  public Router around(Router router, Decision d) {
    if (width < 2) {
      return router;
    }
    Map<Route, Double> priceGuess = new HashMap<>();
    for (Route r : d.chain()) {
      d.config().price(r).ifPresent(p -> priceGuess.put(r, CostGuess.fromPrices(p.inputPer1m(), p.outputPer1m())));
    }
    RouteTimes times = d.routeTimes() != null ? d.routeTimes() : new RouteTimes();
    return new RacingRouter(router, task -> d.estimates(), width, auto, d.config().timeValuePerHour(),
        new RacingRouter.Known(times, d.fallback(), priceGuess));
  }

  /** Whether {@code --race}, else the config's {@code "race"}, says auto. */
  static boolean wantsAuto(RunRequest req, ToolsConfig config) {
    String race = req.race() != null ? req.race() : config.race();
    return race != null && race.strip().equalsIgnoreCase("auto");
  }

  /** The choice as {@code --json} shows it (dry run and result): {"width", "auto", "why"}. */
  public ObjectNode toJson() {
    return JsonNodeFactory.instance.objectNode().put("width", width).put("auto", auto).put("why", why);
  }

  public static final RaceChoice SEQUENTIAL = new RaceChoice(1, false, "one attempt at a time (no --race)");

  /**
   * Reads {@code --race}, else the config's {@code "race"}; throws for anything but {@code auto} or
   * a whole number ≥ 1.
   */
  public static RaceChoice of(RunRequest req, Decision d) throws UsageError {
    String race = req.race() != null ? req.race() : d.config().race();
    if (race == null || race.isBlank()) {
      return SEQUENTIAL;
    }
    boolean auto = race.strip().equalsIgnoreCase("auto");
    int asked = auto ? RacePlanner.AUTO_MAX : parse(race);
    String said = req.race() != null ? "--race " + race.strip() : "\"race\": " + race.strip() + " in " + d.configSource();
    if (asked == 1) {
      return new RaceChoice(1, false, "one attempt at a time (" + said + ")");
    }
    if (req.inPlace() || !d.signals().git()) {
      return new RaceChoice(1, false, "not racing: --in-place lets one agent at a time edit the directory");
    }
    if (Boolean.FALSE.equals(d.signals().repoConfig().race())) {
      return new RaceChoice(1, false, "not racing: " + VerifyDetector.CONFIG
          + " says \"race\": false (its tests cannot run twice at once)");
    }
    if (!auto) {
      return new RaceChoice(asked, false, "racing up to " + asked + " attempts at once (" + said + ")");
    }
    List<RacePlanner.Leg> legs = new ArrayList<>();
    List<String> durations = new ArrayList<>();
    RouteTimes times = d.routeTimes() != null ? d.routeTimes() : new RouteTimes();
    // In the chain's order: the estimates come in the config's.
    for (Route r : d.chain()) {
      d.estimates().stream().filter(e -> e.route().equals(r)).findFirst().ifPresent(e -> {
        long ms = RacingRouter.durationMs(times, r);
        legs.add(new RacePlanner.Leg(e.successChance(), e.expectedCostUsd(), ms));
        if (durations.size() < RacePlanner.AUTO_MAX) {
          durations.add(r.name() + " ~" + Math.round(ms / 1000.0) + " s (" + RacingRouter.durationSource(times, r) + ")");
        }
      });
    }
    if (legs.size() < 2) {
      return new RaceChoice(1, true, said + ": not racing: the policy has no estimates for the chain's routes"
          + " (--chain or --tool fixes them); pass --race N to race them anyway");
    }
    RacePlanner.Choice c = RacePlanner.choose(legs, asked, d.config().timeValuePerHour());
    return new RaceChoice(c.width(), true, said + ": " + (c.width() > 1 ? "racing " + c.width() + ": " : "not racing: ") + c.why()
        + "; expected durations: " + String.join(", ", durations));
  }

  private static int parse(String race) throws UsageError {
    try {
      int n = Integer.parseInt(race.strip());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Said below.
    }
    throw new UsageError("--race: expected auto or a whole number of attempts at once (≥ 1), got '" + race + "'");
  }
}
