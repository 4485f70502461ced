package dev.acr.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.core.Route;
import dev.acr.policy.RacePlanner;
import dev.acr.policy.RacingRouter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durations --race auto expects: memory's attempts that ran their course, per route. */
class RouteTimesTest {
  @TempDir Path tmp;

  static MemoryRecord rec(String route, String status, long ms) {
    return new MemoryRecord("2026-12-01T00:00:00Z", "r", 1, "t", null, "bug_fixing", route, null, route,
        status.equals("verified"), true, status, 0, ms, 0.01, null, null, "live", null, null, null);
  }

  @Test
  void onlyAttemptsThatRanTheirCourseCountAndRoutesWithoutAnyFallBack() throws Exception {
    Path memory = tmp.resolve("memory.jsonl");
    List<String> lines = new ArrayList<>();
    for (MemoryRecord r : List.of(rec("a", "verified", 30_000), rec("a", "timeout", 90_000), rec("a", "cancelled", 10),
        rec("a", "interrupted", 10), rec("a", "infra_error", 10), rec("b", "no_change", 12_000))) {
      lines.add(MemoryStore.toLine(r));
    }
    lines.add("not json");
    Files.write(memory, lines);
    List<String> problems = new ArrayList<>();
    RouteTimes t = RouteTimes.read(memory, problems::add);
    assertThat(problems).hasSize(1);
    assertThat(t.meanMs("a")).isEqualTo(60_000);
    assertThat(t.count("a")).isEqualTo(2);
    assertThat(t.overallMeanMs()).isEqualTo((30_000 + 90_000 + 12_000) / 3);
    assertThat(RacingRouter.durationMs(t, new Route("a", null))).isEqualTo(60_000);
    assertThat(RacingRouter.durationMs(t, new Route("c", null))).as("no record: the mean of all").isEqualTo(44_000);
    assertThat(RacingRouter.durationSource(t, new Route("a", null))).isEqualTo("memory, 2 attempts");
    RouteTimes none = RouteTimes.read(tmp.resolve("missing.jsonl"), problems::add);
    assertThat(RacingRouter.durationMs(none, new Route("a", null))).isEqualTo(RacePlanner.PRIOR_DURATION_MS);
  }
}
