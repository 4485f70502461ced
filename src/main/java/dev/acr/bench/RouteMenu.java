package dev.acr.bench;

import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.Task;
import java.util.List;

/**
 * The routes a router may be offered on a task, and nothing else about the table. On the
 * CodeRouterBench tables every route is offered on every task. On a replayed user memory a route
 * that was never tried on a task has no outcome, so it is not offered there: the menu stands for
 * "the tools installed when that task ran", which a live router knows before acting.
 */
public final class RouteMenu {
  private final BenchTable table;
  private final List<List<Route>> singles;

  RouteMenu(BenchTable table) {
    this.table = table;
    this.singles = table.routes().stream().map(List::of).toList();
  }

  /** A one-route plan, cached so single-choice routers allocate nothing per decision. */
  public List<Route> only(int index) {
    return singles.get(index);
  }

  public List<Route> routes() {
    return table.routes();
  }

  public int size() {
    return table.routes().size();
  }

  public Route route(int index) {
    return table.routes().get(index);
  }

  /** Index of the route, or -1 when the table has no such route. */
  public int index(Route route) {
    return table.routeIndex(route);
  }

  /** Indices of the routes offered on this task, ascending; empty for an unknown task. */
  public int[] offered(Task task) {
    int t = table.taskIndex(task);
    return t < 0 ? new int[0] : table.offered(t);
  }

  /**
   * The routes offered on the task that none of {@code attempts} ran, ascending: what a router
   * may re-plan over after a failure. The offered array itself when nothing was tried yet.
   */
  public int[] untried(Task task, List<AttemptResult> attempts) {
    int[] offered = offered(task);
    if (attempts.isEmpty()) {
      return offered;
    }
    boolean[] tried = new boolean[size()];
    for (AttemptResult a : attempts) {
      int i = index(a.route());
      if (i >= 0) {
        tried[i] = true;
      }
    }
    int[] left = new int[offered.length];
    int n = 0;
    for (int r : offered) {
      if (!tried[r]) {
        left[n++] = r;
      }
    }
    return java.util.Arrays.copyOf(left, n);
  }

  /** Whether one of {@code attempts} ran route index {@code r}. */
  public boolean tried(List<AttemptResult> attempts, int r) {
    Route route = route(r);
    for (AttemptResult a : attempts) {
      if (a.route() == route || a.route().equals(route)) {
        return true;
      }
    }
    return false;
  }

  /** Whether route index {@code r} is offered on the task. */
  public boolean isOffered(Task task, int r) {
    for (int o : offered(task)) {
      if (o == r) {
        return true;
      }
    }
    return false;
  }
}
