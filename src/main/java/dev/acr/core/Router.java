package dev.acr.core;

import java.util.List;

/**
 * Chooses routes. Before each attempt the loop asks for a plan given the attempts already made
 * on this task; the first untried route of the plan runs next, an empty plan stops the task.
 * Routers see only the {@link Task} and the feedback of attempts they chose (the information
 * rule); learning routers learn either from memory records or from {@link #observe}.
 */
public interface Router {
  String name();

  /** Remaining routes worth trying for this task, best first; empty means stop. */
  List<Route> plan(Task task, List<AttemptResult> attemptsSoFar);

  /**
   * How many of the plan's next routes may run at once as one batch, within the run's race limit;
   * routers without an opinion leave it to the limit. A racing router ({@code --race auto})
   * says 1 where memory is sure, and keeps a batch within what {@code room} leaves.
   */
  default int raceWidth(Task task, List<Route> untried, List<AttemptResult> attemptsSoFar, Room room) {
    return Integer.MAX_VALUE;
  }

  /**
   * How this task's races judge their attempts: expected costs for choosing among several that
   * verify, which infra errors stop which other racers. Routers that do not race keep the defaults.
   */
  default Batch.Rules raceRules(Task task) {
    return Batch.Rules.NONE;
  }

  /** What a run has left for its next batch: attempts, and dollars ({@code budgetLeftUsd} null: no budget). */
  record Room(int attemptsLeft, Double budgetLeftUsd) {}

  /** Called once the task is finished, with every attempt made on it. */
  default void observe(Task task, List<AttemptResult> attempts) {}
}
