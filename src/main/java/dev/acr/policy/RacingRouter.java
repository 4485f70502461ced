package dev.acr.policy;

import dev.acr.core.AttemptResult;
import dev.acr.core.Batch;
import dev.acr.core.Route;
import dev.acr.core.Router;
import dev.acr.core.Router.Room;
import dev.acr.core.Task;
import dev.acr.memory.RouteTimes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A router that races: the delegate plans, this says how many of its next routes go at once. A
 * fixed width ({@code --race N}) or {@code auto}: the {@link RacePlanner} weighs the policy's
 * per-route chances and costs, and each route's mean duration (memory's and this run's; the mean
 * of all routes' for a route without any; {@link RacePlanner#PRIOR_DURATION_MS} before any),
 * against the user's time. It also tells a race its rules ({@link #raceRules}): the expected cost
 * of each route, and which infra errors rule out which other racers ({@link Fallback}).
 */
public final class RacingRouter implements Router {
  private final Router delegate;
  private final Function<Task, List<RouteEstimate>> estimates;
  private final int width;
  private final boolean auto;
  private final double timeValuePerHour;
  private final Known known;

  /**
   * The policy's estimates are its beliefs before the task's first attempt; each failure already
   * seen on the task says it is harder, so each route's chance is taken as this much lower per
   * failure (0.7 chosen on the replay's tuning set over none; bench/README.md, "Wall time and races").
   */
  static final double FAILURE_DISCOUNT = 0.7;

  /**
   * What a live run knows besides the policy's estimates: routes' durations from memory (added to
   * as the run goes), which routes an infra error rules out, and each route's expected cost from
   * its price (for routes the policy has no estimate of, e.g. a {@code --chain}).
   */
  public record Known(RouteTimes durations, Fallback fallback, Map<Route, Double> priceGuessUsd) {
    /** Nothing known beforehand: a replay learns durations from its own attempts. */
    public static Known nothing() {
      return new Known(new RouteTimes(), Fallback.NONE, Map.of());
    }
  }

  /** A router racing with nothing known beforehand (a replay). */
  public RacingRouter(
      Router delegate, Function<Task, List<RouteEstimate>> estimates, int width, boolean auto, double timeValuePerHour) {
    this(delegate, estimates, width, auto, timeValuePerHour, Known.nothing());
  }

  /**
   * @param width the widest batch (fixed width when not {@code auto})
   * @param estimates the policy's beliefs for a task (AcrPolicy::estimates)
   */
  public RacingRouter(Router delegate, Function<Task, List<RouteEstimate>> estimates, int width, boolean auto,
      double timeValuePerHour, Known known) {
    this.delegate = delegate;
    this.estimates = estimates;
    this.width = width;
    this.auto = auto;
    this.timeValuePerHour = timeValuePerHour;
    this.known = known;
  }

  @Override
  public String name() {
    return delegate.name() + " --race " + (auto ? "auto" : Integer.toString(width));
  }

  @Override
  public List<Route> plan(Task task, List<AttemptResult> attemptsSoFar) {
    return delegate.plan(task, attemptsSoFar);
  }

  @Override
  public int raceWidth(Task task, List<Route> untried, List<AttemptResult> attemptsSoFar, Room room) {
    Double budgetLeftUsd = room.budgetLeftUsd();
    if (!auto && budgetLeftUsd == null) {
      return width;
    }
    Map<Route, RouteEstimate> byRoute = new HashMap<>();
    for (RouteEstimate e : estimates.apply(task)) {
      byRoute.put(e.route(), e);
    }
    long failures = attemptsSoFar.stream().filter(a -> a.status().isEvidence() && !a.resolved()).count();
    double discount = Math.pow(FAILURE_DISCOUNT, failures);
    List<RacePlanner.Leg> legs = new ArrayList<>();
    for (Route r : untried) {
      RouteEstimate e = byRoute.get(r);
      if (e == null) {
        break;
      }
      legs.add(new RacePlanner.Leg(e.successChance() * discount, e.expectedCostUsd(), durationMs(known.durations(), r)));
    }
    int chosen = !auto ? width : legs.isEmpty() ? 1 : RacePlanner.choose(legs, width, timeValuePerHour).width();
    return budgetLeftUsd == null ? chosen : Math.min(chosen, withinBudget(legs, budgetLeftUsd));
  }

  /**
   * The most of the first legs whose expected costs together fit the budget left (at least one:
   * the loop itself stops a run whose budget is spent). Routes without an estimate are not capped.
   */
  static int withinBudget(List<RacePlanner.Leg> legs, double budgetLeftUsd) {
    double sum = 0;
    for (int k = 0; k < legs.size(); k++) {
      sum += legs.get(k).costUsd();
      if (sum > budgetLeftUsd) {
        return Math.max(1, k);
      }
    }
    return Integer.MAX_VALUE;
  }

  /**
   * A race's rules: a verified racer that reported no cost is compared at the policy's expected
   * cost for its route, else its price's; a racer's infra error stops the racers whose routes
   * {@link Fallback} rules out with it.
   */
  @Override
  public Batch.Rules raceRules(Task task) {
    return new Batch.Rules() {
      @Override
      public Double costGuessUsd(Route route) {
        for (RouteEstimate e : estimates.apply(task)) {
          if (e.route().equals(route)) {
            return e.expectedCostUsd();
          }
        }
        return known.priceGuessUsd().get(route);
      }

      @Override
      public String stopsAfter(Route running, AttemptResult ended) {
        return known.fallback().why(running, List.of(ended));
      }
    };
  }

  @Override
  public void observe(Task task, List<AttemptResult> attempts) {
    for (AttemptResult a : attempts) {
      if (a.status().isEvidence()) {
        known.durations().add(a.route().name(), a.durationMs());
      }
    }
    delegate.observe(task, attempts);
  }

  /** The route's mean duration in {@code times}; else the mean of all routes'; else the prior. */
  public static long durationMs(RouteTimes times, Route r) {
    long own = times.meanMs(r.name());
    if (own >= 0) {
      return own;
    }
    long all = times.overallMeanMs();
    return all >= 0 ? all : RacePlanner.PRIOR_DURATION_MS;
  }

  /** Where {@link #durationMs} came from, in words the dry run prints. */
  public static String durationSource(RouteTimes times, Route r) {
    long n = times.count(r.name());
    return n > 0 ? "memory, " + n + " attempt" + (n == 1 ? "" : "s")
        : times.totalCount() > 0 ? "no record of it: the mean of other routes'"
        : "no record: the " + RacePlanner.PRIOR_DURATION_MS / 1000 + " s prior";
  }
}
