package dev.acr.live;

import dev.acr.core.AttemptResult;
import dev.acr.core.AttemptStatus;
import dev.acr.core.RunOutcome;
import dev.acr.policy.Cooldown;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When no agent could run (exit 3): one line per tool saying what to fix, e.g. {@code codex: not
 * signed in — run 'codex login' or set CODEX_API_KEY}. The hints come from the config ({@code
 * install}, {@code login_hint}, {@code key_env}), never from the tool's name.
 */
public final class NothingRan {
  private NothingRan() {}

  /** Why nothing could even start: every candidate tool is not installed or cooling down. */
  public static List<String> before(Decision d, AcrPaths paths) {
    List<String> lines = new ArrayList<>();
    for (Unavailable u : d.unavailable()) {
      lines.add(u.fixLine(d.config(), ZoneId.systemDefault(), paths.cooldowns()));
    }
    return lines;
  }

  /**
   * After a run: when every attempt ended {@code infra_error}, a line per tool that failed so
   * (its first reason), then the tools that were unavailable from the start; else nothing.
   */
  public static List<String> after(Decision d, AcrPaths paths, RunOutcome outcome, Instant now) {
    List<AttemptResult> attempts = outcome.attempts();
    if (attempts.isEmpty() || !attempts.stream().allMatch(a -> a.status() == AttemptStatus.INFRA_ERROR)) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    Set<String> told = new LinkedHashSet<>();
    for (AttemptResult a : attempts) {
      if (!told.add(a.route().tool())) {
        continue;
      }
      String reason = a.reason() == null ? "provider error" : a.reason();
      Optional<Cooldown> c = d.fallback().cooldownAfter(a, now);
      String routes = c.isPresent() ? c.get().provider() + " routes" : a.route().tool() + ":*";
      lines.add(new Unavailable(a.route().tool(), routes, reason, c.map(Cooldown::until).orElse(null))
          .fixLine(d.config(), ZoneId.systemDefault(), paths.cooldowns()));
    }
    for (Unavailable u : d.unavailable()) {
      if (told.add(u.tool())) {
        lines.add(u.fixLine(d.config(), ZoneId.systemDefault(), paths.cooldowns()));
      }
    }
    return lines;
  }
}
