package dev.acr.policy;

import dev.acr.core.AttemptResult;
import dev.acr.core.AttemptStatus;
import dev.acr.core.Route;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which routes may run at all, the other half of how acr picks a route ({@link AcrPolicy} weighs
 * the ones that may). An {@code infra_error} says nothing about a route's skill, but it says what
 * else will fail the same way:
 *
 * <ul>
 *   <li>"not signed in" or "network": the tool's other routes would fail too, so the run skips
 *       them and moves on to another tool (for this run only: the user may sign in any minute);
 *   <li>"quota" or "rate limit": the provider's routes are skipped for a cool-down, remembered
 *       across runs ({@link Cooldown}): until the reset time the CLI reported, else for {@link
 *       #QUOTA_DEFAULT} or {@link #RATE_LIMIT_DEFAULT};
 *   <li>"unknown model", "provider error": only that route failed; it is not tried again in the run.
 *       A second unknown model from the same tool stops that tool's routes too: one misnamed model
 *       is a typo in the config, two say the tool's model list is the problem (opencode offline
 *       with no catalogue says "Model not found" for every model, ~6 s each).
 * </ul>
 *
 * A route's provider is the tool, or for a tool whose model args name their provider
 * ({@code zhipuai/glm-5}, as opencode's do) the tool and that first segment ({@code opencode/zhipuai}).
 */
public final class Fallback {

  static final String UNKNOWN_MODEL = "unknown model";

  /** How long a used-up quota is left alone when the CLI did not say when it resets. */
  public static final Duration QUOTA_DEFAULT = Duration.ofHours(1);
  /** How long a rate limit is left alone when the CLI did not say when it resets. */
  public static final Duration RATE_LIMIT_DEFAULT = Duration.ofMinutes(10);

  /** Allows every route: replays and tests without a config. */
  public static final Fallback NONE = new Fallback(Map.of(), List.of());

  private final Map<Route, String> providers;
  private final List<Cooldown> cooldowns;

  /**
   * @param providers each route's provider (routes not in it are their tool's own provider)
   * @param cooldowns the cool-downs in force (expired ones are ignored by {@link #coolingDown})
   */
  public Fallback(Map<Route, String> providers, List<Cooldown> cooldowns) {
    this.providers = Map.copyOf(providers);
    this.cooldowns = List.copyOf(cooldowns);
  }

  /** The provider of a route whose model is passed as {@code modelArg} (null: none). */
  public static String provider(String tool, String modelArg) {
    int slash = modelArg == null ? -1 : modelArg.indexOf('/');
    return slash > 0 ? tool + "/" + modelArg.substring(0, slash) : tool;
  }

  public String providerOf(Route r) {
    return providers.getOrDefault(r, r.tool());
  }

  /** The cool-down keeping this route's provider out at {@code now}, if any. */
  public Optional<Cooldown> coolingDown(Route r, Instant now) {
    String p = providerOf(r);
    for (Cooldown c : cooldowns) {
      if (c.provider().equals(p) && c.activeAt(now)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code r} may still run on a task after {@code soFar}, by what their infra errors said. */
  public boolean allows(Route r, List<AttemptResult> soFar) {
    return why(r, soFar) == null;
  }

  /**
   * Whether {@link #allows} holds for every route after {@code soFar}: only an infra error with
   * a reason rules a route out, so without one a plan need not ask route by route.
   */
  public boolean allowsAll(List<AttemptResult> soFar) {
    for (int i = 0; i < soFar.size(); i++) {
      AttemptResult a = soFar.get(i);
      if (a.status() == AttemptStatus.INFRA_ERROR && a.reason() != null) {
        return false;
      }
    }
    return true;
  }

  /** Why {@code r} may not run after {@code soFar} (e.g. "codex: not signed in"), or null when it may. */
  public String why(Route r, List<AttemptResult> soFar) {
    int unknownModels = 0;
    for (AttemptResult a : soFar) {
      if (a.status() != AttemptStatus.INFRA_ERROR || a.reason() == null) {
        continue;
      }
      if (UNKNOWN_MODEL.equals(a.reason()) && a.route().tool().equals(r.tool()) && ++unknownModels == 2) {
        return r.tool() + ": " + UNKNOWN_MODEL + " twice (its list of models may be out of date or out of reach)";
      }
      if (toolWide(a.reason()) && a.route().tool().equals(r.tool())) {
        return a.route().tool() + ": " + a.reason();
      }
      if (providerWide(a.reason()) && providerOf(a.route()).equals(providerOf(r))) {
        return providerOf(r) + ": " + a.reason();
      }
    }
    return null;
  }

  /** Routes of {@code routes} that {@link #allows} after {@code soFar}, in order. */
  public List<Route> allowed(List<Route> routes, List<AttemptResult> soFar) {
    List<Route> out = new ArrayList<>(routes.size());
    for (Route r : routes) {
      if (allows(r, soFar)) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * The cool-down an attempt's result calls for, if any: until the CLI's reset time when it gave
   * one in the future, else for the documented default.
   */
  public Optional<Cooldown> cooldownAfter(AttemptResult a, Instant now) {
    if (a.status() != AttemptStatus.INFRA_ERROR || !providerWide(a.reason())) {
      return Optional.empty();
    }
    Instant until = a.retryAt() != null && a.retryAt().isAfter(now) ? a.retryAt()
        : now.plus("quota".equals(a.reason()) ? QUOTA_DEFAULT : RATE_LIMIT_DEFAULT);
    return Optional.of(new Cooldown(providerOf(a.route()), until, a.reason()));
  }

  /** A tool that cannot sign in or reach the network cannot run any of its routes. */
  static boolean toolWide(String reason) {
    return "not signed in".equals(reason) || "network".equals(reason) || "not installed".equals(reason);
  }

  /** A quota or rate limit belongs to the provider's account, not to one model. */
  static boolean providerWide(String reason) {
    return "quota".equals(reason) || "rate limit".equals(reason);
  }
}
