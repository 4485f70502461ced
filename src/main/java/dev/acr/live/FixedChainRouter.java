package dev.acr.live;

import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.Router;
import dev.acr.core.Task;
import dev.acr.policy.Fallback;
import java.util.ArrayList;
import java.util.List;

/**
 * Tries the given routes in exactly this order: {@code --chain}, or a matching keyword rule; but
 * not those {@link Fallback} rules out after an infra error (a tool that is not signed in).
 */
public record FixedChainRouter(String name, List<Route> chain, Fallback fallback) implements Router {

  public FixedChainRouter(String name, List<Route> chain) {
    this(name, chain, Fallback.NONE);
  }

  @Override
  public List<Route> plan(Task task, List<AttemptResult> attemptsSoFar) {
    List<Route> rest = new ArrayList<>(chain);
    for (AttemptResult a : attemptsSoFar) {
      rest.remove(a.route());
    }
    return fallback.allowed(rest, attemptsSoFar);
  }
}
