package dev.acr.bench;

import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.Router;
import dev.acr.core.Task;
import java.util.List;
import java.util.SplittableRandom;

/** One uniformly random offered route per task, single attempt. */
public final class RandomRouter implements Router {
  private final RouteMenu menu;
  private final SplittableRandom rng;

  public RandomRouter(RouteMenu menu, long seed) {
    this.menu = menu;
    this.rng = new SplittableRandom(seed);
  }

  @Override
  public String name() {
    return "Random";
  }

  @Override
  public List<Route> plan(Task task, List<AttemptResult> attemptsSoFar) {
    int[] offered = menu.offered(task);
    if (!attemptsSoFar.isEmpty() || offered.length == 0) {
      return List.of();
    }
    return menu.only(offered[rng.nextInt(offered.length)]);
  }
}
