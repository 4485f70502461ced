package dev.acr.bench;

import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.Router;
import dev.acr.core.Task;
import java.util.List;

/**
 * One uniformly random offered route per attempt. After a failure (when the attempt limit allows
 * another) it draws again among the offered routes not yet tried on the task, so at a cap above
 * one it escalates like the other baselines; the loop stops it at the first resolved attempt.
 */
public final class RandomRouter implements Router {
  private final RouteMenu menu;
  private final java.util.SplittableRandom rng;

  public RandomRouter(RouteMenu menu, long seed) {
    this.menu = menu;
    this.rng = new java.util.SplittableRandom(seed);
  }

  @Override
  public String name() {
    return "Random";
  }

  @Override
  public List<Route> plan(Task task, List<AttemptResult> attemptsSoFar) {
    int[] untried = menu.untried(task, attemptsSoFar);
    return untried.length == 0 ? List.of() : menu.only(untried[rng.nextInt(untried.length)]);
  }
}
