package dev.acr.live;

import dev.acr.config.ToolsConfig;
import dev.acr.context.Classification;
import dev.acr.context.RepoSignals;
import dev.acr.core.Route;
import dev.acr.core.Router;
import dev.acr.core.Task;
import dev.acr.memory.RouteTimes;
import dev.acr.policy.Fallback;
import dev.acr.policy.MemoryStats;
import dev.acr.policy.RouteEstimate;
import java.util.List;
import java.util.Set;

/**
 * What acr decided before running anything: the context it read, where the config came from,
 * the router and the chain it plans, with the policy's estimates. Dry-run prints this. {@code
 * stats} is what the policy learns from; the run feeds it each new record. {@code fallback} says
 * which routes an infra error rules out (the run records new cool-downs with it), {@code
 * unavailable} which tools or providers cannot run now and why, {@code exploring} (null when not)
 * says the first route was chosen to learn about it rather than because it looks best. {@code
 * routeTimes} (null unless {@code --race auto} may race) is how long each route's attempts took in
 * memory, what the race planner expects of them.
 */
public record Decision(
    Task task,
    Classification classification,
    RepoSignals signals,
    ToolsConfig config,
    String configSource,
    Router router,
    String chainSource,
    List<Route> chain,
    List<RouteEstimate> estimates,
    Set<String> missingTools,
    MemoryStats stats,
    List<String> warnings,
    Fallback fallback,
    List<Unavailable> unavailable,
    String exploring,
    boolean wroteStatsSnapshot,
    RouteTimes routeTimes) {

  /** Nothing can run: the chain is empty because every candidate route is unavailable. */
  public boolean nothingCanRun() {
    return chain.isEmpty() && !unavailable.isEmpty() && estimates.isEmpty();
  }

  /**
   * The same decision for a task known better than a prompt's hash and classification: a live
   * problem has its own id and labelled dimension, which its memory records must carry.
   */
  public Decision withTask(Task known) {
    return new Decision(known, classification, signals, config, configSource, router, chainSource, chain, estimates,
        missingTools, stats, warnings, fallback, unavailable, exploring, wroteStatsSnapshot, routeTimes);
  }
}
