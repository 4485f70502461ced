package dev.acr.bench;

import dev.acr.core.AttemptExecutor;
import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.Task;
import java.util.BitSet;

/**
 * The replay's attempt: looks the (task, route) cell up instead of running an agent. It is the
 * only door to the outcomes, and it records every cell it opened, so the replay can check after
 * each task that the router paid (an attempt in the run) for every cell revealed — a router that
 * calls this executor on its own to peek is caught by {@link Replay}.
 */
public final class TableExecutor implements AttemptExecutor {
  private final BenchTable table;
  private final BitSet revealed;
  private long reveals;
  /** The task of the last attempt and its index: a run attempts one task several times in a row. */
  private Task lastTask;
  private int lastIndex;

  /** Package-private: code outside the replay (a router) cannot open a door of its own. */
  TableExecutor(BenchTable table) {
    this.table = table;
    this.revealed = new BitSet(table.taskCount() * Math.max(1, table.routes().size()));
  }

  @Override
  public AttemptResult attempt(Task task, Route route, int attemptNumber) {
    if (task != lastTask) {
      lastIndex = table.taskIndex(task);
      lastTask = task;
    }
    int t = lastIndex;
    int r = table.routeIndex(route);
    if (t < 0) {
      throw new IllegalArgumentException("task '" + task.key() + "' is not in the table");
    }
    AttemptResult cell = r < 0 ? null : table.cell(t, r);
    if (cell == null) {
      // Routers are only offered available routes (RouteMenu); planning another is a router bug.
      throw new IllegalStateException("route " + route + " is not available on task '" + task.key() + "'");
    }
    revealed.set(bit(t, r));
    reveals++;
    return cell;
  }

  /** How many cells were opened so far (a cell opened twice counts twice). */
  public long reveals() {
    return reveals;
  }

  /** The set of opened cells as bits {@code task * routes + route}. */
  public BitSet revealed() {
    return (BitSet) revealed.clone();
  }

  int bit(int task, int route) {
    return task * table.routes().size() + route;
  }
}
