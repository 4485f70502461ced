package dev.acr.e2e;

import static dev.acr.e2e.RepoShapes.agents;
import static dev.acr.e2e.RepoShapes.commitAll;
import static dev.acr.e2e.RepoShapes.statuses;
import static dev.acr.e2e.RepoShapes.tree;
import static dev.acr.e2e.RepoShapes.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safety net after the apply, and acr's own failures: a change that passes in its worktree
 * but fails in the user's tree is rolled back exactly and kept as a patch; a failure of acr's
 * capture is acr's ({@code acr_error}), never the agent's.
 */
class RecheckIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  Fixtures fx;

  /**
   * The check passes in a worktree and fails in the user's tree, where an ignored file (which no
   * worktree has) says so: the kind of difference acr cannot know about.
   */
  @BeforeEach
  void setUp() throws Exception {
    fx = new Fixtures(tmp);
    write(fx.repo, "check.sh", "grep -qx fixed value.txt && ! test -f build/poison\n");
    write(fx.repo, "other.txt", "committed other\n");
    write(fx.repo, "run.sh", "#!/bin/sh\necho run\n");
    Files.setPosixFilePermissions(fx.repo.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    commitAll(fx);
    write(fx.repo, "build/poison", "only in the user's tree\n");
    // Uncommitted work of every kind the change then touches.
    write(fx.repo, "value.txt", "broken, with my uncommitted edit\n");
    write(fx.repo, "untracked.txt", "my untracked file\n");
    agents(fx, Map.of(
        "fixer", "echo fixed > value.txt\nrm other.txt untracked.txt\nmkdir -p new/dir\necho new > new/dir/added.txt\n"
            + "chmod -x run.sh\n",
        // A folder where this run's (the only run's) first patch goes.
        "sabotage", "mkdir -p \"$(ls -d \"$ACR_HOME\"/runs/*/)attempt-1/changes.patch\"\necho fixed > value.txt\n"));
  }

  @Test
  void aChangeThatFailsInTheUsersTreeIsRolledBackExactlyAndKept() throws Exception {
    Map<String, String> before = tree(fx.repo);
    String status = fx.git("status", "--porcelain");
    Fixtures.Run r = fx.acr("--chain", "fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(tree(fx.repo)).isEqualTo(before);
    assertThat(fx.git("status", "--porcelain")).isEqualTo(status);
    assertThat(r.out()).contains("not in your working tree").contains("put your working tree back exactly")
        .contains("The patch is kept at").contains("git apply").contains("--no-recheck");
    JsonNode rec = JSON.readTree(fx.memoryLines().get(0));
    assertThat(rec.get("status").asText()).isEqualTo("acr_error");
    assertThat(rec.get("resolved").asBoolean()).isFalse();
    assertThat(rec.get("reason").asText()).contains("recheck");
    Path patch = fx.home.resolve("runs/" + rec.get("run_id").asText() + "/attempt-1/changes.patch");
    assertThat(Files.readString(patch)).contains("new/dir/added.txt").contains("value.txt");
  }

  @Test
  void filesTheRechecksTestsLeaveAreNamedAndKept() throws Exception {
    // A test run that leaves a cache file and a build folder the project does not ignore (.phpunit.result.cache, a
    // Makefile's test binary): in the user's tree they are the recheck's doing, so acr says so and deletes nothing.
    write(fx.repo, "leave.sh", "touch .result.cache && mkdir -p out && echo bin > out/test_bin && grep -qx fixed value.txt\n");
    commitAll(fx);
    write(fx.repo, "value.txt", "broken, with my uncommitted edit\n");
    write(fx.repo, "untracked.txt", "my untracked file\n");
    Fixtures.Run r = fx.acr("--chain", "fixer", "--verify", "sh leave.sh", "fix value.txt");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.err()).contains("recheck: your tests left 2 untracked files in your working tree that the change did not make:"
        + " .result.cache, out/ (outputs of the test run; acr leaves them");
    assertThat(Files.exists(fx.repo.resolve(".result.cache"))).isTrue();
    assertThat(fx.read("out/test_bin")).isEqualTo("bin\n");
    // The change's own new file is the change's, not a leftover.
    assertThat(r.err()).doesNotContain("new/");
  }

  @Test
  void aFailingRecheckNamesWhatItsTestsLeftToo() throws Exception {
    write(fx.repo, "leave-fail.sh", "touch .result.cache && sh check.sh\n");
    commitAll(fx);
    write(fx.repo, "value.txt", "broken, with my uncommitted edit\n");
    Fixtures.Run r = fx.acr("--chain", "fixer", "--verify", "sh leave-fail.sh", "fix value.txt");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("put your working tree back exactly");
    assertThat(r.err()).contains("recheck: your tests left 1 untracked file in your working tree that the change did not make:"
        + " .result.cache");
    assertThat(fx.read("value.txt")).isEqualTo("broken, with my uncommitted edit\n");
  }

  @Test
  void noRecheckKeepsTheAppliedChange() throws Exception {
    Fixtures.Run r = fx.acr("--no-recheck", "--chain", "fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(statuses(fx)).containsExactly("verified");
    assertThat(fx.read("value.txt")).isEqualTo("fixed\n");
    assertThat(fx.read("new/dir/added.txt")).isEqualTo("new\n");
    assertThat(r.err()).doesNotContain("recheck");
  }

  @Test
  void aCaptureFailureIsAcrsErrorNotTheAgentsAndTheRunGoesOn() throws Exception {
    Files.delete(fx.repo.resolve("build/poison"));
    Fixtures.Run r = fx.acr("--chain", "sabotage,fixer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(statuses(fx)).containsExactly("acr_error", "verified");
    JsonNode first = JSON.readTree(fx.memoryLines().get(0));
    assertThat(first.get("reason").asText()).startsWith("could not capture what the agent changed");
    assertThat(r.out()).contains("acr's own failure, not sabotage's").contains("What to do");
    assertThat(fx.read("value.txt")).isEqualTo("fixed\n");
  }
}
