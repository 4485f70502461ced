package dev.acr.bench;

import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.Task;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One dataset as the replay engine reads it: tasks in canonical order, the routes, and for each
 * (task, route) the single-call outcome as an {@link AttemptResult} (null where the route was
 * never run on that task, which makes it unavailable there). Built once, then shared read-only by
 * every replay thread; the cell arrays never leave this package except through {@link
 * TableExecutor} (one revealed cell per paid attempt) and {@link OracleRouter} (the bound).
 */
public final class BenchTable {
  /** The paper's cost weight: reward = performance − 0.1 × USD. */
  public static final double COST_WEIGHT = 0.1;

  /** USD per 1M input and output tokens of a route's model, from models.json. */
  public record Price(double inputPer1m, double outputPer1m) {}

  private final String name;
  private final List<Task> tasks;
  private final List<Route> routes;
  private final AttemptResult[][] cells;
  private final Map<Route, Price> prices;
  private final Map<String, Integer> taskIndex;
  /**
   * The same indices by the table's own task instances, which the replay hands to the run loop
   * and so to every router: found by identity without reading the key string (a router asks per
   * run or per plan, hundreds of thousands of times a replay).
   */
  private final Map<Task, Integer> ownTaskIndex;
  /** The routes as an array, for {@link #routeIndex}'s identity scan. */
  private final Route[] routeArray;
  private final Map<Route, Integer> routeIndex;
  private final int[][] offered;
  private final int[] oracle;
  private final double[] oracleReward;
  private final RouteMenu menu;

  BenchTable(String name, List<Task> tasks, List<Route> routes, AttemptResult[][] cells, Map<Route, Price> prices) {
    this.name = name;
    this.tasks = List.copyOf(tasks);
    this.routes = List.copyOf(routes);
    this.cells = cells;
    this.prices = Map.copyOf(prices);
    this.taskIndex = new HashMap<>(tasks.size() * 2);
    this.ownTaskIndex = new IdentityHashMap<>(tasks.size());
    for (int t = 0; t < tasks.size(); t++) {
      taskIndex.put(tasks.get(t).key(), t);
    }
    // Built from the key map so that a key listed twice gives the index the key lookup gives.
    for (Task task : this.tasks) {
      ownTaskIndex.put(task, taskIndex.get(task.key()));
    }
    this.routeArray = this.routes.toArray(new Route[0]);
    this.routeIndex = new HashMap<>();
    for (int r = 0; r < routes.size(); r++) {
      routeIndex.put(routes.get(r), r);
    }
    this.offered = new int[tasks.size()][];
    this.oracle = new int[tasks.size()];
    this.oracleReward = new double[tasks.size()];
    for (int t = 0; t < tasks.size(); t++) {
      int count = 0;
      int[] idx = new int[routes.size()];
      int best = -1;
      double bestReward = Double.NEGATIVE_INFINITY;
      for (int r = 0; r < routes.size(); r++) {
        AttemptResult c = cells[t][r];
        if (c == null) {
          continue;
        }
        idx[count++] = r;
        double reward = reward(c);
        // Strictly greater: ties go to the earlier route (models.json order), so rAcc is stable.
        if (reward > bestReward) {
          bestReward = reward;
          best = r;
        }
      }
      offered[t] = java.util.Arrays.copyOf(idx, count);
      oracle[t] = best;
      oracleReward[t] = best < 0 ? 0.0 : bestReward;
    }
    this.menu = new RouteMenu(this);
  }

  static double reward(AttemptResult r) {
    return r.performance() - COST_WEIGHT * r.costOrZero();
  }

  public String name() {
    return name;
  }

  public List<Task> tasks() {
    return tasks;
  }

  public List<Route> routes() {
    return routes;
  }

  public int taskCount() {
    return tasks.size();
  }

  public Map<Route, Price> prices() {
    return prices;
  }

  /** Index of a task key, or -1. */
  int taskIndex(String key) {
    Integer i = taskIndex.get(key);
    return i == null ? -1 : i;
  }

  /** Index of a task by its key, or -1; the table's own instances are found without hashing the key. */
  int taskIndex(Task task) {
    Integer i = ownTaskIndex.get(task);
    return i != null ? i : taskIndex(task.key());
  }

  /**
   * Index of a route, or -1. Routers hand back the table's own route objects, so an identity
   * scan of the few routes finds them without hashing (a replay asks several times per attempt).
   */
  int routeIndex(Route route) {
    for (int r = 0; r < routeArray.length; r++) {
      if (routeArray[r] == route) {
        return r;
      }
    }
    Integer i = routeIndex.get(route);
    return i == null ? -1 : i;
  }

  /** The cell, or null when the route is unavailable on the task. Package-private on purpose. */
  AttemptResult cell(int task, int route) {
    return cells[task][route];
  }

  /** Indices of the routes available on a task (ascending); never mutate the array. */
  int[] offered(int task) {
    return offered[task];
  }

  /** The best single-call reward route of a task (-1 if none is available). */
  int oracleRoute(int task) {
    return oracle[task];
  }

  double oracleReward(int task) {
    return oracleReward[task];
  }

  /** What a router may know before acting: which routes can be run on which task. */
  public RouteMenu menu() {
    return menu;
  }
}
