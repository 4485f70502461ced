package dev.acr.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {
  @TempDir Path tmp;

  @Test
  void tailIsTheLastLinesWithoutTrailingBlanks() throws Exception {
    Path log = Files.writeString(tmp.resolve("verify.log"), "one\r\ntwo\nthree\n\n\n");
    assertThat(RunFiles.tail(log, 2)).containsExactly("two", "three");
    assertThat(RunFiles.tail(log, 10)).containsExactly("one", "two", "three");
    assertThat(RunFiles.tail(Files.writeString(tmp.resolve("empty.log"), ""), 5)).isEmpty();
  }

  @Test
  void aLongLogIsReadFromItsEndAndAHalfLineIsDropped() throws Exception {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      b.append("line ").append(i).append('\n');
    }
    Path log = Files.writeString(tmp.resolve("verify.log"), b);
    assertThat(RunFiles.tail(log, 3)).containsExactly("line 19997", "line 19998", "line 19999");
    assertThat(RunFiles.tail(log, 1_000_000).get(0)).matches("line \\d+");
    assertThat(RunFiles.tail(log, 1_000_000)).hasSizeLessThan(20_000);
  }

  @Test
  void onlyRunIdsThatCanBeDirectoryNamesBecomePaths() {
    Path runs = tmp.resolve("runs");
    assertThat(RunFiles.runDir(runs, "20261123-104806-c40b")).contains(runs.resolve("20261123-104806-c40b"));
    assertThat(RunFiles.runDir(runs, "replay:ood176:acr:3")).isPresent();
    assertThat(RunFiles.runDir(runs, "../../etc")).isEmpty();
    assertThat(RunFiles.runDir(runs, "a/b")).isEmpty();
    assertThat(RunFiles.runDir(runs, "..")).isEmpty();
    assertThat(RunFiles.runDir(runs, ".hidden")).isEmpty();
    assertThat(RunFiles.runDir(runs, "")).isEmpty();
    assertThat(RunFiles.runDir(runs, null)).isEmpty();
  }

  @Test
  void attemptAndBaselineDirectoriesFollowTheLayout() {
    Path run = tmp.resolve("runs/r");
    assertThat(RunFiles.attemptDir(run, 2)).isEqualTo(run.resolve("attempt-2"));
    assertThat(RunFiles.baselineDir(run)).isEqualTo(run.resolve("baseline"));
  }

  @Test
  void whateverKeepsAVerifiedChangeOutSaysSoInTheOutcome() throws Exception {
    Path runDir = Files.createDirectories(tmp.resolve("run"));
    dev.acr.core.Route route = new dev.acr.core.Route("fixer", null);
    dev.acr.core.AttemptResult verified = new dev.acr.core.AttemptResult(
        route, dev.acr.core.AttemptStatus.VERIFIED, true, 1.0, true, 0, 5, null, null, null);
    dev.acr.core.RunOutcome outcome =
        new dev.acr.core.RunOutcome(null, java.util.List.of(verified), dev.acr.core.RunOutcome.StopReason.VERIFIED);
    Path patch = tmp.resolve("changes.patch");
    RunFiles.writeOutcome(runDir, null, outcome, java.util.List.of(),
        new dev.acr.git.ApplyResult(true, patch, java.util.List.of("a.txt"), "applied 1 file(s)"));
    assertThat(RunFiles.readJson(runDir.resolve(RunFiles.OUTCOME)).path("result").asText()).isEqualTo(RunFiles.APPLIED);

    // A later check (say, the tests in the user's tree) rolls it back: the outcome says so and why.
    RunFiles.recordNotApplied(runDir, "the tests failed in your working tree after applying; rolled back\ndetails");
    com.fasterxml.jackson.databind.JsonNode n = RunFiles.readJson(runDir.resolve(RunFiles.OUTCOME));
    assertThat(n.path("applied").asBoolean()).isFalse();
    assertThat(n.path("result").asText()).isEqualTo(RunFiles.VERIFIED_NOT_APPLIED);
    assertThat(n.path("not_applied").asText()).isEqualTo("the tests failed in your working tree after applying");
    assertThat(n.path("verified").asBoolean()).as("the rest is kept").isTrue();

    RunFiles.recordAppliedLater(runDir, 1, "2026-12-04T22:00:00Z");
    n = RunFiles.readJson(runDir.resolve(RunFiles.OUTCOME));
    assertThat(n.path("result").asText()).isEqualTo(RunFiles.APPLIED);
    assertThat(n.path("applied_by").asText()).isEqualTo("acr apply");
    assertThat(n.path("not_applied").isNull()).isTrue();

    RunFiles.writeOutcome(runDir, null, outcome, java.util.List.of(),
        new dev.acr.git.ApplyResult(false, patch, java.util.List.of("a.txt"), "the change does not apply; nothing was modified"));
    assertThat(RunFiles.readJson(runDir.resolve(RunFiles.OUTCOME)).path("not_applied").asText())
        .isEqualTo("the change does not apply");
  }
}
