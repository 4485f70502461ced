package dev.acr.policy;

import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.Router;
import dev.acr.core.Router.Room;
import dev.acr.core.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A router that races: the delegate plans, this says how many of its next routes go at once. A
 * fixed width ({@code --race N}) or {@code auto}: the {@link RacePlanner} weighs the policy's
 * per-route chances and costs, and each route's mean duration so far (a prior before any), against
 * the user's time.
 */
public final class RacingRouter implements Router {
  private final Router delegate;
  private final Function<Task, List<RouteEstimate>> estimates;
  private final int width;
  private final boolean auto;
  private final double timeValuePerHour;
  private final Map<Route, long[]> durations = new HashMap<>();

  /**
   * @param width the widest batch (fixed width when not {@code auto})
   * @param estimates the policy's beliefs for a task (AcrPolicy::estimates); used by auto only
   */
  public RacingRouter(
      Router delegate, Function<Task, List<RouteEstimate>> estimates, int width, boolean auto, double timeValuePerHour) {
    this.delegate = delegate;
    this.estimates = estimates;
    this.width = width;
    this.auto = auto;
    this.timeValuePerHour = timeValuePerHour;
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
    List<RacePlanner.Leg> legs = new ArrayList<>();
    for (Route r : untried) {
      RouteEstimate e = byRoute.get(r);
      if (e == null) {
        break;
      }
      legs.add(new RacePlanner.Leg(e.successChance(), e.expectedCostUsd(), meanDuration(r)));
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

  @Override
  public void observe(Task task, List<AttemptResult> attempts) {
    for (AttemptResult a : attempts) {
      if (a.status().isEvidence()) {
        long[] sum = durations.computeIfAbsent(a.route(), r -> new long[2]);
        sum[0] += a.durationMs();
        sum[1]++;
      }
    }
    delegate.observe(task, attempts);
  }

  /** The route's mean duration so far; else the mean of all routes'; else the prior. */
  private long meanDuration(Route r) {
    long[] own = durations.get(r);
    if (own != null && own[1] > 0) {
      return own[0] / own[1];
    }
    long total = 0;
    long n = 0;
    for (long[] d : durations.values()) {
      total += d[0];
      n += d[1];
    }
    return n > 0 ? total / n : RacePlanner.PRIOR_DURATION_MS;
  }
}
