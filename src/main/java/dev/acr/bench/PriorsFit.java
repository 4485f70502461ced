package dev.acr.bench;

import dev.acr.core.AttemptResult;
import dev.acr.core.Task;
import dev.acr.policy.Priors;
import java.util.List;

/**
 * Priors from benchmark tables: every (task, model) cell is one single call of that model. The
 * {@code acr+priors} row of a dataset is fitted on the other datasets only, never on its own.
 */
public final class PriorsFit {
  private PriorsFit() {}

  public static Priors of(List<BenchTable> tables) {
    Priors.Builder b = new Priors.Builder();
    StringBuilder source = new StringBuilder("CodeRouterBench");
    for (BenchTable table : tables) {
      source.append(' ').append(table.name());
      for (int t = 0; t < table.taskCount(); t++) {
        Task task = table.tasks().get(t);
        String dim = task.dimension() == null ? null : task.dimension().id();
        for (int r : table.offered(t)) {
          AttemptResult c = table.cell(t, r);
          if (c.route().model() != null) {
            b.add(c.route().model(), dim, c.performance(), c.resolved());
          }
        }
      }
    }
    return b.build(source.toString());
  }

  /** Priors for table {@code i} from every other table; null when there is no other. */
  public static Priors others(List<BenchTable> tables, int i) {
    List<BenchTable> rest = new java.util.ArrayList<>(tables);
    rest.remove(i);
    return rest.isEmpty() ? null : of(rest);
  }
}
