package dev.acr.config;

import dev.acr.core.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A loaded tool config.
 *
 * @param source where it came from (a path, or {@code <bundled tools.example.json>}), for messages
 * @param tools all tools in config order, disabled ones included
 * @param rules keyword rules in config order
 * @param lambda cost weight, default {@link #DEFAULT_LAMBDA}
 * @param race the default of {@code --race}: null (one attempt at a time), {@code "auto"} or a
 *     number of attempts at once
 * @param timeValuePerHour what an hour of the user's waiting is worth in USD, against which
 *     {@code --race auto} weighs the extra cost of a race; default {@link #DEFAULT_TIME_VALUE_PER_HOUR}
 */
public record ToolsConfig(
    String source, List<ToolSpec> tools, List<RouteRule> rules, double lambda, boolean storePrompts, String race,
    double timeValuePerHour) {
  public static final double DEFAULT_LAMBDA = 0.1;
  /** A developer's hour, roughly: waiting for an agent is time not spent elsewhere. */
  public static final double DEFAULT_TIME_VALUE_PER_HOUR = 60.0;

  /** A config that leaves racing at its defaults. */
  public ToolsConfig(String source, List<ToolSpec> tools, List<RouteRule> rules, double lambda, boolean storePrompts) {
    this(source, tools, rules, lambda, storePrompts, null, DEFAULT_TIME_VALUE_PER_HOUR);
  }

  public ToolsConfig {
    Objects.requireNonNull(source, "source");
    tools = List.copyOf(tools);
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /** Every route of every enabled tool: tools in config order, then models in config order. */
  public List<Route> routes() {
    List<Route> out = new ArrayList<>();
    for (ToolSpec t : tools) {
      if (t.enabled()) {
        out.addAll(t.routes());
      }
    }
    return List.copyOf(out);
  }

  /** The tool with this name, enabled or not. */
  public Optional<ToolSpec> tool(String name) {
    for (ToolSpec t : tools) {
      if (t.name().equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * Resolves a user-given name: {@code tool:model} gives that route, {@code tool} gives all the
   * tool's routes, and a bare model name that belongs to exactly one enabled route gives that
   * route. Throws a one-line ConfigException naming the unknown name and listing the known ones.
   */
  public List<Route> resolve(String toolOrRouteName) throws ConfigException {
    String name = toolOrRouteName == null ? "" : toolOrRouteName.strip();
    int colon = name.indexOf(':');
    if (colon >= 0) {
      String toolName = name.substring(0, colon);
      String modelName = name.substring(colon + 1);
      ToolSpec t = enabledTool(toolName, name);
      if (t.models().isEmpty() && modelName.isEmpty()) {
        return t.routes();
      }
      if (t.model(modelName).isEmpty()) {
        throw new ConfigException(
            "unknown route '" + name + "': tool '" + toolName + "' has "
                + (t.models().isEmpty()
                    ? "no models"
                    : "models " + t.models().stream().map(ModelSpec::name).collect(Collectors.joining(", ")))
                + " (config: " + source + ")");
      }
      return List.of(new Route(toolName, modelName));
    }
    if (tool(name).isPresent()) {
      return enabledTool(name, name).routes();
    }
    List<Route> byModel = new ArrayList<>();
    for (Route r : routes()) {
      if (name.equals(r.model())) {
        byModel.add(r);
      }
    }
    if (byModel.size() == 1) {
      return List.copyOf(byModel);
    }
    if (byModel.size() > 1) {
      throw new ConfigException(
          "ambiguous name '" + name + "': it is a model of several routes ("
              + byModel.stream().map(Route::name).collect(Collectors.joining(", "))
              + "); say tool:model");
    }
    throw new ConfigException(
        "unknown tool or route '" + name + "'; known: " + knownNames() + " (config: " + source + ")");
  }

  private ToolSpec enabledTool(String toolName, String asked) throws ConfigException {
    Optional<ToolSpec> t = tool(toolName);
    if (t.isEmpty()) {
      throw new ConfigException(
          "unknown tool '" + toolName + "' in '" + asked + "'; known: " + knownNames() + " (config: " + source + ")");
    }
    if (!t.get().enabled()) {
      throw new ConfigException(
          "tool '" + toolName + "' is disabled in " + source + " (set \"enabled\": true to use it)");
    }
    return t.get();
  }

  private String knownNames() {
    List<String> names = new ArrayList<>();
    for (ToolSpec t : tools) {
      if (!t.enabled()) {
        continue;
      }
      names.add(t.name());
      if (!t.models().isEmpty()) {
        for (Route r : t.routes()) {
          names.add(r.name());
        }
      }
    }
    return names.isEmpty() ? "(no enabled tools)" : String.join(", ", names);
  }

  /** The model spec behind a route, if the route names a configured tool and model. */
  public Optional<ModelSpec> model(Route route) {
    if (route == null || route.model() == null) {
      return Optional.empty();
    }
    Optional<ToolSpec> tool = tool(route.tool());
    return tool.isPresent() ? tool.get().model(route.model()) : Optional.empty();
  }

  /** The route's price: the model spec's, else the CodeRouterBench default for its model name. */
  public Optional<ModelPrice> price(Route route) {
    Optional<ModelSpec> m = model(route);
    if (m.isPresent()) {
      return m.get().price();
    }
    return route == null ? Optional.empty() : Prices.forModel(route.model());
  }

  /**
   * The enabled route whose model name is this benchmark model name (exact match first, then
   * case-insensitive), e.g. {@code gpt-5.4} gives {@code codex:gpt-5.4}.
   */
  public Optional<Route> routeForModel(String benchModelName) {
    if (benchModelName == null) {
      return Optional.empty();
    }
    List<Route> all = routes();
    for (Route r : all) {
      if (benchModelName.equals(r.model())) {
        return Optional.of(r);
      }
    }
    for (Route r : all) {
      if (r.model() != null && r.model().equalsIgnoreCase(benchModelName)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * The routes of the first keyword rule that matches the prompt (whole-word, case-insensitive)
   * and points at an enabled tool; empty when none matches.
   */
  public List<Route> ruleMatches(String prompt) {
    for (RouteRule rule : rules) {
      Optional<ToolSpec> t = tool(rule.tool());
      if (t.isEmpty() || !t.get().enabled() || !rule.matches(prompt)) {
        continue;
      }
      if (rule.model() != null) {
        return List.of(new Route(rule.tool(), rule.model()));
      }
      return t.get().routes();
    }
    return List.of();
  }
}
