package dev.acr.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.core.AttemptResult;
import dev.acr.core.AttemptStatus;
import dev.acr.core.Route;
import dev.acr.core.RunOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run where every attempt ended {@code infra_error}: one line per tool with the fix its config
 * gives (login_hint, key_env), the tools skipped from the start after them. The detector that
 * turns a CLI's output into these results is not on this branch, so the results are made here.
 */
class NothingRanTest {
  @TempDir Path tmp;

  private Decision decide(Path config) throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    for (String name : List.of("codex", "claude")) {
      Path p = bin.resolve(name);
      Files.writeString(p, "#!/bin/sh\nexit 0\n");
      p.toFile().setExecutable(true);
    }
    Map<String, String> env = Map.of("PATH", bin + ":/usr/bin:/bin", "HOME", tmp.toString(), "ACR_HOME",
        tmp.resolve("acr").toString());
    RunRequest req = new RunRequest("fix the failing add test", Files.createDirectories(tmp.resolve("repo")), config, null,
        "true", null, null, 3, null, Duration.ofMinutes(1), 0, false, false, true, env);
    return new Planner().decide(req, AcrPaths.from(env, null));
  }

  private static AttemptResult infra(Route r, String reason) {
    return new AttemptResult(r, AttemptStatus.INFRA_ERROR, false, 0, false, 1, 10, null, null, null, reason, null, null);
  }

  @Test
  void everyAttemptAnInfraErrorGivesTheFixPerTool() throws Exception {
    Path config = tmp.resolve("tools.json");
    Files.writeString(config, """
        {"tools": [
          {"name": "codex", "command": ["codex", "exec"], "login_hint": "codex login", "key_env": ["CODEX_API_KEY"],
           "models": ["gpt-5.4"]},
          {"name": "claude-code", "command": ["claude", "-p"], "key_env": ["ANTHROPIC_API_KEY"], "models": ["opus"]},
          {"name": "ghost", "command": ["acr-test-no-such-ghost"], "install": "npm i -g ghost"}
        ]}
        """);
    Decision d = decide(config);
    assertThat(d.unavailable()).extracting(Unavailable::tool).containsExactly("ghost");
    AcrPaths paths = AcrPaths.from(Map.of("ACR_HOME", tmp.resolve("acr").toString()), null);
    RunOutcome allInfra = new RunOutcome(d.task(), List.of(
        infra(new Route("codex", "gpt-5.4"), "not signed in"),
        infra(new Route("claude-code", "opus"), "network")), RunOutcome.StopReason.PLAN_EXHAUSTED);
    assertThat(NothingRan.after(d, paths, allInfra, Instant.now())).containsExactly(
        "codex: not signed in — run 'codex login' or set CODEX_API_KEY",
        "claude-code: network — it could not reach its provider: check the network connection and any proxy, then run again",
        "ghost: not installed — install it with: npm i -g ghost");
    RunOutcome oneRan = new RunOutcome(d.task(), List.of(
        infra(new Route("codex", "gpt-5.4"), "not signed in"),
        new AttemptResult(new Route("claude-code", "opus"), AttemptStatus.FAILED, false, 0, true, 1, 10, null, null, null)),
        RunOutcome.StopReason.PLAN_EXHAUSTED);
    assertThat(NothingRan.after(d, paths, oneRan, Instant.now())).as("an agent did run").isEmpty();
  }

  @Test
  void aToolsLineNamesWhatStopsAllItsRoutesOverWhatStoppedOne() throws Exception {
    // Offline, opencode's first route said "unknown model" (its list of models never downloaded),
    // its second "network": fixing the first route's model would not have helped.
    Path config = tmp.resolve("tools.json");
    Files.writeString(config, """
        {"tools": [{"name": "codex", "command": ["codex", "exec"], "models": ["a", "b", "c"]}]}
        """);
    Decision d = decide(config);
    AcrPaths paths = AcrPaths.from(Map.of("ACR_HOME", tmp.resolve("acr").toString()), null);
    RunOutcome offline = new RunOutcome(d.task(), List.of(
        infra(new Route("codex", "a"), "unknown model"), infra(new Route("codex", "b"), "provider error"),
        infra(new Route("codex", "c"), "network")), RunOutcome.StopReason.PLAN_EXHAUSTED);
    assertThat(NothingRan.after(d, paths, offline, Instant.now())).containsExactly(
        "codex: network — it could not reach its provider: check the network connection and any proxy, then run again");
    RunOutcome models = new RunOutcome(d.task(), List.of(
        infra(new Route("codex", "a"), "unknown model"), infra(new Route("codex", "b"), "provider error")),
        RunOutcome.StopReason.PLAN_EXHAUSTED);
    assertThat(NothingRan.after(d, paths, models, Instant.now())).hasSize(1).allMatch(l -> l.startsWith("codex: unknown model"));
  }

  @Test
  void anUnknownModelOfTheBundledConfigIsFixedInTheUsersOwnCopy() throws Exception {
    String line = new Unavailable("opencode", "opencode:*", "unknown model", null)
        .fixLine(dev.acr.config.ConfigLoader.bundled(), java.time.ZoneOffset.UTC, tmp.resolve("cooldowns.json"));
    assertThat(line).contains("fix its \"arg\" in a copy of the bundled tools.example.json saved as ~/.config/acr/tools.json")
        .doesNotContain("<bundled");
    String other = new Unavailable("opencode", "opencode:*", "who knows", null)
        .fixLine(dev.acr.config.ConfigLoader.bundled(), java.time.ZoneOffset.UTC, tmp.resolve("cooldowns.json"));
    assertThat(other).as("acr runs shows no logs").contains("acr explain last");
  }
}
