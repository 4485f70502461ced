package dev.acr.bench;

import dev.acr.core.Route;

/**
 * Benchmark model name → route, as the shipped tools.example.json maps the eight CodeRouterBench
 * models. Kept in this one place so it can be switched to {@code ToolsConfig#routeForModel}
 * once the config loader lands; nothing else in the bench package knows tool names.
 */
public final class BenchRoutes {
  private BenchRoutes() {}

  public static Route routeForModel(String model) {
    return new Route(toolForModel(model), model);
  }

  static String toolForModel(String model) {
    return switch (model) {
      case "claude-opus-4-6", "claude-sonnet-4-6" -> "claude-code";
      case "gpt-5.4" -> "codex";
      // kimi-k2.5, glm-5, MiniMax-M2.7, Qwen3-Max, qwen3.5-plus and any model added later
      default -> "opencode";
    };
  }
}
