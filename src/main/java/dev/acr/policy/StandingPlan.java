package dev.acr.policy;

import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.Task;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * A task's last escalation plan, kept so that the task's next attempts may follow it instead of
 * planning again ({@link AcrPolicy#plan}, in a run allowed more attempts than the plan looks
 * ahead). A plan is already the best chain given that its routes fail in turn: each later route
 * was chosen under the difficulty belief that the earlier failures leave, the failed route's mean
 * partial score as what stands, and the task's costs as they stood. So while the attempts fail
 * exactly so, with news no better for stopping than the plan assumed, its next route is still its
 * answer, and planning again would only redraw the skills. Those redraws at each escalation mostly
 * paid for detours at cap 8 (see {@link AcrPolicy#ESCALATION_SPREAD}); one draw per plan window is
 * Thompson sampling per episode. Measured on the tuning seeds (bench/README.md, "Speed work,
 * seventh round"): OOD176 cap 8 CumReg 10.96 → 10.39 shuffled, 9.79 → 9.83 canonical; ID cap 8
 * AvgPerf 57.26 → 57.34, and ~30% of the ID test's decisions at cap 8 are not planned again.
 *
 * <p>{@code made} is how many attempts the task had when the plan was made; {@code partial} the
 * partial score it assumed for each of its routes; {@code costFactor} the task's cost factor
 * ({@link TaskCostScale}) it priced them with.
 */
record StandingPlan(Task task, int made, List<Route> order, double costFactor, double[] partial) {

  /**
   * The plan's routes not yet run, when every attempt since it was made ran its next route and
   * failed as it assumed: the agent did some work (so the difficulty belief moved as planned), no
   * better a partial score than assumed (a better one makes stopping likelier worth it) and the
   * task's cost factor, {@code costFactorNow}, asked only then, is no higher (dearer next attempts
   * make stopping likelier worth it). Else null: plan again.
   */
  List<Route> rest(Task current, List<AttemptResult> soFar, DoubleSupplier costFactorNow) {
    int done = soFar.size() - made;
    if (current != task || done < 1 || done >= order.size()) {
      return null;
    }
    for (int i = 0; i < done; i++) {
      AttemptResult a = soFar.get(made + i);
      if (a.route() != order.get(i) || a.resolved() || !a.status().isEvidence()
          || MemoryStats.idle(a.resolved(), a.inputTokens(), a.outputTokens()) || a.performance() > partial[i]) {
        return null;
      }
    }
    return costFactorNow.getAsDouble() > costFactor ? null : order.subList(done, order.size());
  }
}
