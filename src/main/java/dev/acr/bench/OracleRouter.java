package dev.acr.bench;

import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.Router;
import dev.acr.core.Task;
import java.util.List;

/**
 * The bound, not a router: built with the whole table, it picks per task the route with the best
 * single-call reward (performance − 0.1 × USD). It is the one exception to the information rule
 * and every report labels it a bound. Ties go to the earlier route in models.json order.
 */
public final class OracleRouter implements Router {
  private final BenchTable table;

  public OracleRouter(BenchTable table) {
    this.table = table;
  }

  @Override
  public String name() {
    return "Oracle";
  }

  @Override
  public List<Route> plan(Task task, List<AttemptResult> attemptsSoFar) {
    int t = table.taskIndex(task);
    if (!attemptsSoFar.isEmpty() || t < 0 || table.oracleRoute(t) < 0) {
      return List.of();
    }
    return table.menu().only(table.oracleRoute(t));
  }
}
