package dev.acr.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.context.Dimension;
import dev.acr.core.AttemptExecutor;
import dev.acr.core.AttemptResult;
import dev.acr.core.AttemptStatus;
import dev.acr.core.Route;
import dev.acr.core.RunLoop;
import dev.acr.core.RunOutcome;
import dev.acr.core.Task;
import dev.acr.memory.MemoryRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Infra errors are not evidence, and they rule out what would fail the same way. */
class FallbackTest {
  private static final Route CLAUDE_OPUS = new Route("claude-code", "opus");
  private static final Route CLAUDE_SONNET = new Route("claude-code", "sonnet");
  private static final Route CODEX = new Route("codex", "gpt");
  private static final Route GLM = new Route("opencode", "glm-5");
  private static final Route GLM_AIR = new Route("opencode", "glm-air");
  private static final Route KIMI = new Route("opencode", "kimi");
  private static final List<Route> ROUTES = List.of(CLAUDE_OPUS, CLAUDE_SONNET, CODEX, GLM, GLM_AIR, KIMI);
  private static final Map<Route, String> PROVIDERS = Map.of(
      GLM, Fallback.provider("opencode", "zhipuai/glm-5"), GLM_AIR, Fallback.provider("opencode", "zhipuai/glm-air"),
      KIMI, Fallback.provider("opencode", "openrouter/moonshotai/kimi"));
  private static final Map<Route, Double> COST = Map.of(
      CLAUDE_OPUS, 1.0, CLAUDE_SONNET, 0.5, CODEX, 0.3, GLM, 0.05, GLM_AIR, 0.02, KIMI, 0.03);
  private static final Instant NOW = Instant.parse("2026-12-04T20:00:00Z");

  private static Task task(String key) {
    return new Task(key, "fix the failing add test", Dimension.BUG_FIXING, null, "python");
  }

  private static AttemptResult infra(Route r, String reason, Instant retryAt) {
    return new AttemptResult(r, AttemptStatus.INFRA_ERROR, false, 0, false, 1, 900, null, null, null, reason, null, retryAt);
  }

  private static AcrPolicy policy(MemoryStats stats, Fallback fallback) {
    return new AcrPolicy(ROUTES, stats, COST, PolicyConfig.defaults().withMaxAttempts(6), 7, fallback, Priors.none());
  }

  @Test
  void providerIsTheToolOrTheFirstSegmentOfAProviderModelArg() {
    assertThat(Fallback.provider("codex", "gpt-5.4")).isEqualTo("codex");
    assertThat(Fallback.provider("opencode", "zhipuai/glm-5")).isEqualTo("opencode/zhipuai");
    assertThat(Fallback.provider("opencode", "openrouter/moonshotai/kimi-k2.5")).isEqualTo("opencode/openrouter");
    assertThat(Fallback.provider("mine", null)).isEqualTo("mine");
  }

  @Test
  void anAttemptWhereNoAgentCouldRunLeavesItsPlaceInMaxAttemptsToTheNextRoute() {
    Fallback f = new Fallback(PROVIDERS, List.of());
    List<AttemptResult> soFar = List.of(infra(CLAUDE_OPUS, "not signed in", null));
    AcrPolicy oneCall = new AcrPolicy(ROUTES, new MemoryStats(), COST, PolicyConfig.defaults().withMaxAttempts(1), 7, f, Priors.none());
    assertThat(oneCall.plan(task("a"), soFar)).hasSize(1).doesNotContain(CLAUDE_OPUS, CLAUDE_SONNET);
    // A failed attempt did use the one call up.
    AttemptResult failed = new AttemptResult(CODEX, AttemptStatus.FAILED, false, 0, true, 1, 900, null, null, null, null, null, null);
    assertThat(oneCall.plan(task("a"), List.of(failed))).isEmpty();
  }

  @Test
  void afterASignInFailureTheToolsOtherRoutesAreSkipped() {
    Fallback f = new Fallback(PROVIDERS, List.of());
    List<AttemptResult> soFar = List.of(infra(CLAUDE_OPUS, "not signed in", null));
    assertThat(f.why(CLAUDE_SONNET, soFar)).isEqualTo("claude-code: not signed in");
    assertThat(f.allows(CODEX, soFar)).isTrue();
    List<Route> plan = policy(new MemoryStats(), f).plan(task("a"), soFar);
    assertThat(plan).isNotEmpty().doesNotContain(CLAUDE_OPUS, CLAUDE_SONNET);
    // Without the fallback the same policy would still consider Claude's other route.
    assertThat(policy(new MemoryStats(), Fallback.NONE).plan(task("a"), soFar)).doesNotContain(CLAUDE_OPUS);
  }

  @Test
  void afterANetworkFailureTooButNotAfterAnUnknownModel() {
    Fallback f = new Fallback(PROVIDERS, List.of());
    assertThat(f.allows(CLAUDE_SONNET, List.of(infra(CLAUDE_OPUS, "network", null)))).isFalse();
    assertThat(f.allows(CLAUDE_SONNET, List.of(infra(CLAUDE_OPUS, "unknown model", null)))).isTrue();
    assertThat(f.allows(CLAUDE_SONNET, List.of(infra(CLAUDE_OPUS, "provider error", null)))).isTrue();
  }

  /** opencode offline without its model list: every model "not found", ~6 s each; two are enough to tell. */
  @Test
  void aSecondUnknownModelFromOneToolSkipsItsOtherRoutes() {
    Fallback f = new Fallback(PROVIDERS, List.of());
    List<AttemptResult> one = List.of(infra(GLM, "unknown model", null));
    assertThat(f.allows(KIMI, one)).isTrue();
    List<AttemptResult> two = List.of(infra(GLM, "unknown model", null), infra(KIMI, "unknown model", null));
    assertThat(f.why(GLM_AIR, two)).isEqualTo("opencode: unknown model twice (its list of models may be out of date or out of reach)");
    assertThat(f.allows(CODEX, two)).as("another tool").isTrue();
    assertThat(f.allows(GLM_AIR, List.of(infra(GLM, "unknown model", null), infra(CODEX, "unknown model", null))))
        .as("one each from two tools").isTrue();
  }

  @Test
  void aQuotaSkipsTheProvidersRoutesOnlyAndCallsForACooldown() {
    Fallback f = new Fallback(PROVIDERS, List.of());
    List<AttemptResult> soFar = List.of(infra(GLM, "quota", null));
    assertThat(f.allows(GLM_AIR, soFar)).isFalse();
    assertThat(f.allows(KIMI, soFar)).as("another provider of the same tool").isTrue();
    assertThat(f.cooldownAfter(soFar.get(0), NOW))
        .contains(new Cooldown("opencode/zhipuai", NOW.plus(Fallback.QUOTA_DEFAULT), "quota"));
    Instant reset = NOW.plus(Duration.ofMinutes(37));
    assertThat(f.cooldownAfter(infra(CODEX, "rate limit", reset), NOW)).contains(new Cooldown("codex", reset, "rate limit"));
    assertThat(f.cooldownAfter(infra(CODEX, "rate limit", null), NOW).orElseThrow().until())
        .isEqualTo(NOW.plus(Fallback.RATE_LIMIT_DEFAULT));
    assertThat(f.cooldownAfter(infra(CODEX, "not signed in", null), NOW)).isEmpty();
  }

  @Test
  void aCooldownInForceHoldsTheProvidersRoutesUntilItEnds() {
    Fallback f = new Fallback(PROVIDERS, List.of(new Cooldown("opencode/zhipuai", NOW.plusSeconds(60), "quota")));
    assertThat(f.coolingDown(GLM, NOW)).isPresent();
    assertThat(f.coolingDown(GLM_AIR, NOW)).isPresent();
    assertThat(f.coolingDown(KIMI, NOW)).isEmpty();
    assertThat(f.coolingDown(GLM, NOW.plusSeconds(61))).isEmpty();
  }

  /**
   * A run where every tool is signed out: the loop tries one route per tool and stops; its
   * records, fed to memory, leave the next decision's estimates exactly at their priors.
   */
  @Test
  void aRunWhereNoToolIsSignedInTriesEachToolOnceAndTeachesNothing() {
    MemoryStats stats = new MemoryStats();
    Fallback f = new Fallback(PROVIDERS, List.of());
    AcrPolicy before = policy(stats, f);
    List<RouteEstimate> priors = before.estimates(task("next"));
    List<Route> tried = new ArrayList<>();
    AttemptExecutor signedOut = (task, route, n) -> {
      tried.add(route);
      return infra(route, "not signed in", null);
    };
    List<MemoryRecord> written = new ArrayList<>();
    for (int run = 0; run < 5; run++) {
      RunLoop loop = new RunLoop(before, signedOut, r -> {
        written.add(r);
        stats.append(r);
      }, new RunLoop.Limits(6, null), "live", false, Clock.fixed(NOW, ZoneOffset.UTC));
      tried.clear();
      RunOutcome out = loop.run(task("t" + run), "run" + run, RunLoop.SILENT);
      assertThat(out.attempts()).allMatch(a -> a.status() == AttemptStatus.INFRA_ERROR);
      assertThat(tried.stream().map(Route::tool).distinct().count()).as("one route per tool").isEqualTo(tried.size());
      assertThat(tried).hasSize(3);
    }
    assertThat(written).hasSize(15).allMatch(r -> "infra_error".equals(r.status()) && "not signed in".equals(r.reason()));
    List<RouteEstimate> after = policy(stats, f).estimates(task("next"));
    assertThat(after).isEqualTo(priors);
    assertThat(after).allMatch(e -> e.source().startsWith("prior") && e.evidence() == 0);
  }

  @Test
  void acrErrorsAreNotEvidenceEither() {
    List<MemoryRecord> recs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      recs.add(new MemoryRecord("t", "run" + i, 1, "task" + i, null, "bug_fixing", "codex", "gpt", "codex:gpt", false,
          false, i % 2 == 0 ? "acr_error" : "infra_error", null, 10, null, null, null, "live", null, null, "python"));
    }
    List<RouteEstimate> priors = policy(new MemoryStats(), Fallback.NONE).estimates(task("x"));
    assertThat(policy(MemoryStats.of(recs), Fallback.NONE).estimates(task("x"))).isEqualTo(priors);
  }
}
