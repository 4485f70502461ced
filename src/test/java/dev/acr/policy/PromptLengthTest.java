package dev.acr.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.context.Dimension;
import dev.acr.core.Route;
import dev.acr.core.Task;
import dev.acr.memory.MemoryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The prompt's length as the narrowest context: in memory's tallies and in the policy's choice. */
class PromptLengthTest {

  private static final Route CHEAP = new Route("opencode", "cheap");
  private static final Route STRONG = new Route("claude-code", "strong");
  private static final List<Route> ROUTES = List.of(CHEAP, STRONG);
  private static final Map<Route, Double> COST = Map.of(CHEAP, 0.01, STRONG, 0.5);
  private static final String SHORT = "fix the parser";
  private static final String LONG = "x".repeat(PromptLength.LONG);

  /** One first attempt of {@code r} on its own task with a prompt of {@code chars} characters. */
  private static MemoryRecord rec(String task, Route r, boolean ok, Integer chars) {
    return new MemoryRecord(
        "t", "run-" + task, 1, task, null, "bug_fixing", r.tool(), r.model(), r.name(), ok, true,
        ok ? "verified" : "failed", 0, 0, COST.get(r), null, null, "test", null, "b", null, null, null, null, chars);
  }

  @Test
  void aKnownLengthAddsOneLevelUnderTheBenchAndNoneOtherwise() {
    assertThat(MemoryStats.contexts("bug_fixing", "b", null)).containsExactly("*", "bug_fixing", "bug_fixing|b");
    assertThat(MemoryStats.contexts("bug_fixing", "b", PromptLength.LONG - 1))
        .containsExactly("*", "bug_fixing", "bug_fixing|b", "bug_fixing|b|prompt<" + PromptLength.LONG);
    assertThat(MemoryStats.contexts("bug_fixing", "b", PromptLength.LONG))
        .containsExactly("*", "bug_fixing", "bug_fixing|b", "bug_fixing|b|prompt>=" + PromptLength.LONG);
    assertThat(MemoryStats.contexts("bug_fixing", null, 10)).containsExactly("*", "bug_fixing", "bug_fixing|prompt<" + PromptLength.LONG);
    // Without a dimension there is nothing to refine.
    assertThat(MemoryStats.contexts(null, "b", 10)).containsExactly("*");
    assertThat(PromptLength.isLevel("bug_fixing|b|prompt>=" + PromptLength.LONG)).isTrue();
    assertThat(PromptLength.isLevel("bug_fixing|b")).isFalse();
  }

  @Test
  void recordsAreTalliedInTheirLengthClassAndInTheBroaderContexts() {
    MemoryStats stats = MemoryStats.of(List.of(rec("a", STRONG, true, 5_000), rec("b", STRONG, false, 100),
        rec("c", STRONG, true, null)));
    String route = "claude-code:strong";
    assertThat(stats.get("bug_fixing|b", route, MemoryStats.ANY).n).isEqualTo(3);
    assertThat(stats.get("bug_fixing|b|prompt>=" + PromptLength.LONG, route, MemoryStats.ANY).successes).isEqualTo(1);
    assertThat(stats.get("bug_fixing|b|prompt<" + PromptLength.LONG, route, MemoryStats.ANY).failures).isEqualTo(1);
    // The key lists are made once per length class.
    assertThat(stats.contextKeys("bug_fixing", "b", 5_000)).isSameAs(stats.contextKeys("bug_fixing", "b", 9_000));
    assertThat(stats.contextKeys("bug_fixing", "b", null)).isSameAs(stats.contextKeys("bug_fixing", "b"));
  }

  @Test
  void theSingleCallPoolsTheLengthLevelMoreStronglyThanTheOthers() {
    assertThat(SingleCall.strength("bug_fixing|b|prompt<" + PromptLength.LONG)).isEqualTo(SingleCall.PROMPT_LENGTH_STRENGTH);
    assertThat(SingleCall.strength("bug_fixing|b")).isEqualTo(SingleCall.STRENGTH);
    assertThat(SingleCall.PROMPT_LENGTH_STRENGTH).isGreaterThan(SingleCall.STRENGTH);
  }

  @Test
  void theChoiceFollowsWhatMemoryKnowsOfPromptsOfThatLength() {
    // On long prompts only the strong route verifies, on short ones both do (the cheap one is
    // then the better call); over the bench as a whole the strong one looks better.
    List<MemoryRecord> recs = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      recs.add(rec("ls" + i, STRONG, true, 4_000));
      recs.add(rec("lc" + i, CHEAP, false, 4_000));
      recs.add(rec("ss" + i, STRONG, true, 200));
      recs.add(rec("sc" + i, CHEAP, true, 200));
    }
    MemoryStats stats = MemoryStats.of(recs);
    Task shortTask = new Task("s", SHORT, Dimension.BUG_FIXING, "b", null);
    Task longTask = new Task("l", LONG, Dimension.BUG_FIXING, "b", null);
    for (long seed = 0; seed < 10; seed++) {
      AcrPolicy single = new AcrPolicy(ROUTES, stats, COST, PolicyConfig.defaults().withMaxAttempts(1), seed);
      assertThat(single.plan(longTask, List.of())).as("seed %d", seed).containsExactly(STRONG);
      assertThat(single.plan(shortTask, List.of())).as("seed %d", seed).containsExactly(CHEAP);
    }
    // The escalation model's beliefs follow the length too (where cheap first is still worth a
    // try at a cap of 3: it costs a fiftieth of the strong route).
    AcrPolicy chain = new AcrPolicy(ROUTES, stats, COST, PolicyConfig.defaults().withMaxAttempts(3), 1);
    assertThat(chance(chain, longTask, CHEAP)).isLessThan(0.2);
    assertThat(chance(chain, shortTask, CHEAP)).isGreaterThan(0.8);
  }

  @Test
  void memoryWithoutLengthsStillCountsAsEvidenceInTheDryRun() {
    // Records written before memory kept the prompt's length: the task's narrowest context is empty.
    List<MemoryRecord> recs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      recs.add(rec("t" + i, STRONG, true, null));
    }
    AcrPolicy policy = new AcrPolicy(ROUTES, MemoryStats.of(recs), COST, PolicyConfig.defaults(), 1);
    RouteEstimate strong = policy.estimates(new Task("x", SHORT, Dimension.BUG_FIXING, "b", null)).stream()
        .filter(e -> e.route().equals(STRONG)).findFirst().orElseThrow();
    assertThat(strong.evidence()).isEqualTo(5);
    assertThat(strong.source()).isEqualTo("memory n=5");
  }

  private static double chance(AcrPolicy policy, Task task, Route route) {
    return policy.estimates(task).stream().filter(e -> e.route().equals(route)).findFirst().orElseThrow().successChance();
  }
}
