package dev.acr.live;

import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.Router;
import dev.acr.core.Task;
import java.util.ArrayList;
import java.util.List;

/** Tries the given routes in exactly this order: {@code --chain}, or a matching keyword rule. */
public record FixedChainRouter(String name, List<Route> chain) implements Router {

  @Override
  public List<Route> plan(Task task, List<AttemptResult> attemptsSoFar) {
    List<Route> rest = new ArrayList<>(chain);
    for (AttemptResult a : attemptsSoFar) {
      rest.remove(a.route());
    }
    return rest;
  }
}
