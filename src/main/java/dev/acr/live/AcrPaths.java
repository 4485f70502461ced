package dev.acr.live;

import java.nio.file.Path;
import java.util.Map;

/** Where acr keeps its state: {@code $ACR_HOME} (default {@code ~/.acr}), memory and run logs. */
public record AcrPaths(Path home, Path memory, Path runs) {

  public static AcrPaths from(Map<String, String> env, Path memoryOverride) {
    String configured = env.get("ACR_HOME");
    Path home =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".acr");
    Path memory = memoryOverride != null ? memoryOverride : home.resolve("memory.jsonl");
    return new AcrPaths(home, memory, home.resolve("runs"));
  }

  /** The worktrees acr keeps between runs, a folder per repository ({@link dev.acr.git.KeptWorktrees}). */
  public Path worktrees() {
    return home.resolve("worktrees");
  }

  /** The providers acr leaves alone after a quota or rate limit ({@link CooldownStore}). */
  public Path cooldowns() {
    return home.resolve("cooldowns.json");
  }
}
