package dev.acr.bench;

import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.Router;
import dev.acr.core.Task;
import java.util.List;

/** Always-&lt;model&gt;: one attempt of one fixed route; nothing where that route is unavailable. */
public final class AlwaysRouter implements Router {
  private final RouteMenu menu;
  private final int route;
  private final String name;

  public AlwaysRouter(RouteMenu menu, int route, String name) {
    this.menu = menu;
    this.route = route;
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Route> plan(Task task, List<AttemptResult> attemptsSoFar) {
    return attemptsSoFar.isEmpty() && menu.isOffered(task, route) ? menu.only(route) : List.of();
  }
}
