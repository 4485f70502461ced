package dev.acr.bench;

import dev.acr.config.ConfigException;
import dev.acr.config.ConfigLoader;
import dev.acr.config.ToolsConfig;
import dev.acr.core.Route;

/**
 * Benchmark model name → route, through the shipped tools.example.json, so replayed memory and
 * live memory speak the same route names. A model the shipped config does not know goes to
 * opencode, the catch-all CLI for other providers.
 */
public final class BenchRoutes {
  private static final ToolsConfig SHIPPED = shipped();

  private BenchRoutes() {}

  public static Route routeForModel(String model) {
    return SHIPPED.routeForModel(model).orElseGet(() -> new Route("opencode", model));
  }

  private static ToolsConfig shipped() {
    try {
      return ConfigLoader.bundled();
    } catch (ConfigException e) {
      throw new IllegalStateException("the bundled tools.example.json is broken: " + e.getMessage(), e);
    }
  }
}
