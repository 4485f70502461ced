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
   * (its first reason, or a later one that stops all its routes), then the tools that were unavailable from the start; else nothing.
   */
  public static List<String> after(Decision d, AcrPaths paths, RunOutcome outcome, Instant now) {
    List<AttemptResult> attempts = outcome.attempts();
    if (attempts.isEmpty() || !attempts.stream().allMatch(a -> a.status() == AttemptStatus.INFRA_ERROR)) {
      return List.of();
    }
    // Per tool, its first attempt, unless a later one hit what stops every route of it (offline,
    // not signed in, quota): then that one, as a route's "unknown model" may come from it.
    java.util.Map<String, AttemptResult> shown = new java.util.LinkedHashMap<>();
    for (AttemptResult a : attempts) {
      AttemptResult first = shown.putIfAbsent(a.route().tool(), a);
      if (first != null && routeOnly(first.reason()) && !routeOnly(a.reason())) {
        shown.put(a.route().tool(), a);
      }
    }
    List<String> lines = new ArrayList<>();
    Set<String> told = new LinkedHashSet<>(shown.keySet());
    for (AttemptResult a : shown.values()) {
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

  /** A reason that stopped one route only (policy.Fallback: it is not tried again in the run), or none. */
  private static boolean routeOnly(String reason) {
    return reason == null || reason.equals(dev.acr.exec.InfraSign.UNKNOWN_MODEL) || reason.equals(dev.acr.exec.InfraSign.PROVIDER_ERROR);
  }
}
