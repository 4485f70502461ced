package dev.acr.bench;

import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.Router;
import dev.acr.core.Task;
import java.util.List;

/**
 * ACRouter, the paper's cascade: the cheap routes in order, stopping at the first resolved one;
 * when all cheap attempts failed, the premium route runs only if at least {@code k} of the cheap
 * attempts had apply_ok (the patch applied, so the task looks tractable and worth the premium).
 * This reading reproduces the README's OOD176 figures (73.30 / 15.9 / 86.72) exactly. Routes
 * unavailable on a task are skipped. At most {@code cheap.length + 1} calls, fewer when the
 * replay's attempt limit is lower.
 */
public final class CascadeRouter implements Router {
  private final RouteMenu menu;
  private final int[] cheap;
  private final int premium;
  private final int k;
  private final String name;

  /** {@code name}: "ACRouter" on OOD176, where this is the paper's agent; "Cascade" on ID. */
  public CascadeRouter(String name, RouteMenu menu, int[] cheap, int premium, int k) {
    this.name = name;
    this.menu = menu;
    this.cheap = cheap.clone();
    this.premium = premium;
    this.k = k;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Route> plan(Task task, List<AttemptResult> attemptsSoFar) {
    int applied = 0;
    for (AttemptResult a : attemptsSoFar) {
      if (a.resolved()) {
        return List.of();
      }
      if (a.applyOk()) {
        applied++;
      }
    }
    for (int r : cheap) {
      if (menu.isOffered(task, r) && !tried(attemptsSoFar, r)) {
        return menu.only(r);
      }
    }
    if (premium >= 0 && applied >= k && menu.isOffered(task, premium) && !tried(attemptsSoFar, premium)) {
      return menu.only(premium);
    }
    return List.of();
  }

  private boolean tried(List<AttemptResult> attempts, int r) {
    return menu.tried(attempts, r);
  }
}
