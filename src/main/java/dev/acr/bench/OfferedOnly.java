package dev.acr.bench;

import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.Router;
import dev.acr.core.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a router that plans over all routes (acr's policy knows no per-task menu) so its plans
 * keep only routes offered on the task, in its order. On the benchmark tables every route is
 * offered and the plan passes through untouched.
 */
final class OfferedOnly implements Router {
  private final Router inner;
  private final RouteMenu menu;
  /** The task of the last plan and whether all routes are offered on it: a run plans one task several times. */
  private Task lastTask;
  private boolean allOffered;

  OfferedOnly(Router inner, RouteMenu menu) {
    this.inner = inner;
    this.menu = menu;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public List<Route> plan(Task task, List<AttemptResult> attemptsSoFar) {
    List<Route> plan = inner.plan(task, attemptsSoFar);
    if (task != lastTask) {
      allOffered = menu.offered(task).length == menu.size();
      lastTask = task;
    }
    if (allOffered) {
      return plan;
    }
    List<Route> kept = new ArrayList<>(plan.size());
    for (Route r : plan) {
      int i = menu.index(r);
      if (i >= 0 && menu.isOffered(task, i)) {
        kept.add(r);
      }
    }
    return kept;
  }

  @Override
  public void observe(Task task, List<AttemptResult> attempts) {
    inner.observe(task, attempts);
  }
}
