package dev.acr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code acr apply}: a kept patch reaches the working tree later, with the checks of a verified apply. */
class CliApplyTest {
  @TempDir Path tmp;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(tmp).withRepo();
    // Fixes value.txt in its worktree and, meanwhile, the user edits the same line in theirs:
    // the verified change no longer applies, as with a concurrent edit.
    h.agent("racer", "echo fixed > value.txt\necho mine > '" + h.repo.resolve("value.txt") + "'\n");
    h.writeConfig(List.of(
        CliHarness.tool("fixer", h.agents.resolve("fixer").toString(), null),
        CliHarness.tool("breaker", h.agents.resolve("breaker").toString(), null),
        CliHarness.tool("racer", h.agents.resolve("racer").toString(), null)));
  }

  private static String runId(CliHarness.Run r) {
    String last = r.out().lines().filter(l -> l.startsWith("run ")).reduce((a, b) -> b).orElseThrow();
    return last.substring(4, last.indexOf(':'));
  }

  @Test
  void aVerifiedChangeKeptOutByAConcurrentEditIsListedNotAppliedAndAppliesLater() throws Exception {
    CliHarness.Run r = h.acr("--chain", "racer", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    String id = runId(r);
    assertThat(r.out()).contains("verified, not applied").contains("apply it with: acr apply " + id + " 1");
    assertThat(r.out()).doesNotContain("applied to your working tree (");
    assertThat(h.read("value.txt")).isEqualTo("mine\n");

    CliHarness.Run runs = h.run("runs");
    assertThat(runs.out().lines().toList().get(1)).startsWith(id).contains(" verified, not applied ");
    assertThat(h.run("runs", "--json").json().get("runs").get(0).get("applied").asBoolean()).isFalse();
    assertThat(h.run("explain", id).out()).contains("verified, NOT applied: the change does not apply to your working tree")
        .contains("apply it with: acr apply " + id + " 1");

    // While the user's edit is there, acr apply refuses and leaves the tree as it was.
    String before = h.status();
    CliHarness.Run refused = h.run("apply", id);
    assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.out()).isEmpty();
    assertThat(refused.err()).startsWith("acr: attempt 1 of run " + id + " was not applied: the change does not apply")
        .contains("nothing was modified");
    assertThat(h.read("value.txt")).isEqualTo("mine\n");
    assertThat(h.status()).isEqualTo(before);

    h.git("checkout", "--", "value.txt");
    CliHarness.Run applied = h.run("apply", id.substring(0, id.length() - 1));
    assertThat(applied.exit()).as(applied.toString()).isZero();
    assertThat(applied.out()).isEqualTo("applied attempt 1 of run " + id + " to your working tree (value.txt); review with git diff\n");
    assertThat(h.read("value.txt")).isEqualTo("fixed\n");
    assertThat(h.git("diff", "--cached", "--name-only")).as("nothing staged").isEmpty();
    assertThat(h.run("runs").out().lines().toList().get(1)).contains(" verified, applied ");
    assertThat(h.run("explain", id).out()).contains("applied to the working tree later, by acr apply (attempt 1, ");

    CliHarness.Run again = h.run("apply", id, "1");
    assertThat(again.exit()).as(again.toString()).isZero();
    assertThat(again.out()).contains("already in your working tree");
    assertThat(h.read("value.txt")).isEqualTo("fixed\n");
  }

  @Test
  void aVerifiedPatchAppliedLaterIsRecheckedInYourTreeAndPutBackWhenItFailsThere() throws Exception {
    CliHarness.Run r = h.acr("--chain", "racer", "--verify", "sh check.sh", "fix value.txt");
    String id = runId(r);
    h.git("checkout", "--", "value.txt");
    // The user's tree now tests something the attempt's worktree did not: the recheck fails here.
    Files.writeString(h.repo.resolve("check.sh"), "grep -qx other value.txt\n");
    String before = h.status();
    CliHarness.Run refused = h.run("apply", id);
    assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.err()).contains("acr: recheck: running sh check.sh in your working tree")
        .contains("put your working tree back exactly as it was");
    assertThat(h.read("value.txt")).isEqualTo("broken\n");
    assertThat(h.status()).isEqualTo(before);

    CliHarness.Run unchecked = h.run("apply", "--no-recheck", id);
    assertThat(unchecked.exit()).as(unchecked.toString()).isZero();
    assertThat(unchecked.err()).doesNotContain("recheck");
    assertThat(h.read("value.txt")).isEqualTo("fixed\n");
  }

  @Test
  void aFailedAttemptsKeptPatchSaysHowAndAppliesWhenNamed() throws Exception {
    CliHarness.Run r = h.acr("--chain", "breaker", "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    String id = runId(r);
    assertThat(r.out()).contains("attempt 1: patch kept (value.txt): ").contains("; apply it with: acr apply " + id + " 1\n");
    CliHarness.Run applied = h.run("apply", id);
    assertThat(applied.exit()).as(applied.toString()).isZero();
    // Not named: the user did not ask for that attempt, acr chose it.
    assertThat(applied.err()).contains("acr: note: attempt 1 was not verified (failed); it is the only attempt of the run"
        + " that changed files, so its patch is applied").doesNotContain("as you asked");
    assertThat(h.read("value.txt")).isEqualTo("worse\n");
    h.git("checkout", "-q", "value.txt");
    CliHarness.Run named = h.run("apply", id, "1");
    assertThat(named.err()).contains("acr: note: attempt 1 was not verified (failed); applying its patch as you asked");
  }

  @Test
  void withoutATestCommandTheKeptPatchSaysHowToApplyIt() throws Exception {
    Files.delete(h.repo.resolve("check.sh"));
    h.git("add", "-A");
    h.git("commit", "-q", "-m", "no test");
    CliHarness.Run r = h.acr("--chain", "fixer", "fix value.txt");
    String id = runId(r);
    assertThat(r.out()).contains("apply it with: acr apply " + id + " 1");
    assertThat(h.read("value.txt")).isEqualTo("broken\n");
    assertThat(h.run("apply", id).exit()).isZero();
    assertThat(h.read("value.txt")).isEqualTo("fixed\n");
  }

  @Test
  void refusesAnUnknownRunAMissingAttemptAndAnotherRepository() throws Exception {
    CliHarness.assertUsageError(h.run("apply", "nosuchrun"), "no run 'nosuchrun' in memory");
    CliHarness.Run r = h.acr("--chain", "breaker", "--verify", "sh check.sh", "fix value.txt");
    String id = runId(r);
    CliHarness.assertUsageError(h.run("apply", id, "7"), "has no patch for attempt 7");
    Path other = Files.createDirectories(tmp.resolve("other"));
    new ProcessBuilder("git", "init", "-q", other.toString()).start().waitFor();
    CliHarness.Run elsewhere = h.runIn(other, "apply", id, "1");
    CliHarness.assertUsageError(elsewhere, "was made in ");
    assertThat(elsewhere.err()).contains("git apply ");
  }

  @Test
  void helpListsApplyAndItsExitCodes() {
    CliHarness.Run r = h.run("apply", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: acr apply").contains("RUN-ID|last").contains("[ATTEMPT]")
        .contains("1    does not apply to your working tree");
    assertThat(h.run("--help").err() + h.run("--help").out()).contains("apply");
  }

  @Test
  void jsonResultNamesTheApplyCommandOfAKeptPatch() throws Exception {
    CliHarness.Run r = h.acr("--json", "--chain", "breaker", "--verify", "sh check.sh", "fix value.txt");
    JsonNode n = r.json();
    assertThat(n.get("attempts").get(0).get("apply_command").asText())
        .isEqualTo("acr apply " + n.get("run_id").asText() + " 1");
  }
}
