package dev.acr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test suite that already fails before any change, for a reason no agent is asked to fix (a
 * test that fails as root, say): the baseline names the failing tests and warns before an agent
 * is paid for, and the run stops after the first attempt that leaves only those failing.
 */
class CliKnownFailuresTest {
  @TempDir java.nio.file.Path tmp;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(tmp).withRepo();
    // TAP, as bats prints it: one test fails whatever the change, one until value.txt is fixed.
    Files.writeString(h.repo.resolve("check.sh"), "#!/bin/sh\necho 1..3\n"
        + "echo 'not ok 1 refuses a read-only shims directory'\n"
        + "if grep -qx fixed value.txt; then echo 'ok 2 value'; else echo 'not ok 2 value is fixed'; fi\n"
        + "if [ -e junk.txt ]; then echo 'not ok 3 no junk'; else echo 'ok 3 no junk'; fi\n"
        + "exit 1\n");
    h.git("commit", "-qam", "a check that fails as root");
    h.agent("greeter", "echo hello > GREETING.md\n");
    h.agent("junker", "echo junk > junk.txt\n");
    h.writeConfig(List.of(
        CliHarness.tool("fixer", h.agents.resolve("fixer").toString(), null),
        CliHarness.tool("greeter", h.agents.resolve("greeter").toString(), null),
        CliHarness.tool("junker", h.agents.resolve("junker").toString(), null)));
  }

  @Test
  void aPromptNotAboutTheFailingTestsIsWarnedAndStopsAfterAnAttemptThatLeavesOnlyThem() throws Exception {
    String before = h.status();
    CliHarness.Run r = h.acr("--chain", "junker,greeter,fixer", "--verify", "sh check.sh",
        "add a greeting file for new contributors");
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("acr: warning: 2 tests (refuses a read-only shims directory, value is fixed) already"
        + " fail before any change, and the prompt neither asks to fix a failing test nor names them")
        .contains("--verify 'CMD'");
    assertThat(r.err().indexOf("warning: 2 tests")).isLessThan(r.err().indexOf("attempt 1: junker"));
    // The junker broke a test that passed: failed, and the run goes on; the greeter left only the two.
    assertThat(r.err()).contains("attempt 2: greeter").doesNotContain("attempt 3");
    assertThat(r.out()).contains("attempt 2: only tests that already failed before any change still fail: 2 tests")
        .contains("not verified after 2 attempt(s) (only baseline failures)")
        .contains("attempt 2: patch kept (GREETING.md)")
        .doesNotContainPattern("(?m)^verified");
    assertThat(h.status()).isEqualTo(before);
    List<JsonNode> mem = h.memoryRecords();
    assertThat(mem).extracting(m -> m.get("status").asText()).containsExactly("failed", "failed");
    assertThat(mem.get(0).has("reason")).isFalse();
    assertThat(mem.get(1).get("reason").asText()).isEqualTo("only the tests that failed before any change");
    assertThat(h.run("explain", "last").out())
        .contains("tests failed before the first attempt: 2 tests (refuses a read-only shims directory, value is fixed)")
        .contains("reason    only the tests that failed before any change")
        .doesNotContain("as expected");
  }

  @Test
  void aPromptNamingSomeOfThemHearsOfTheOthersAndStopsAfterAnAttemptThatLeavesOnlyThose() throws Exception {
    String before = h.status();
    CliHarness.Run r = h.acr("--json", "--chain", "greeter,fixer,junker", "--verify", "sh check.sh",
        "fix the value test, it should say fixed");
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("as expected before a fix; the prompt does not name 1 test (refuses a read-only shims"
        + " directory), and an attempt verifies only when it passes too")
        .contains("otherwise acr stops after the first attempt that leaves only it failing");
    // The greeter fixed nothing: failed, counted, and the run goes on; the fixer left only the unnamed one.
    assertThat(r.err()).contains("attempt 2: fixer").doesNotContain("attempt 3");
    JsonNode n = r.json();
    assertThat(n.get("stop_reason").asText()).isEqualTo("only_baseline_failures");
    assertThat(n.get("verified").asBoolean()).isFalse();
    assertThat(h.status()).as("nothing applied").isEqualTo(before);
    List<JsonNode> mem = h.memoryRecords();
    assertThat(mem).extracting(m -> m.get("status").asText()).containsExactly("failed", "failed");
    assertThat(mem.get(0).has("reason")).isFalse();
    assertThat(mem.get(1).get("reason").asText()).isEqualTo("only the tests that failed before any change");
    // Not a fix asked for, yet naming one of them: the others are said all the same, since they end the run too.
    r = h.acr("--chain", "greeter", "--verify", "sh check.sh", "refactor how the value is computed into a small helper");
    assertThat(r.err()).contains("before any change; the prompt does not name 1 test (refuses a read-only shims directory)");
  }

  @Test
  void aFixWhoseOtherTestFailsOnceIsVerifiedOnASecondRunAndABreakIsNot() throws Exception {
    // Test 1 is flaky: it fails on the second run only (a counter outside the repository); test 2 is the task's.
    java.nio.file.Path counter = tmp.resolve("runs");
    Files.writeString(h.repo.resolve("check.sh"), "#!/bin/sh\necho 1..3\nn=$(cat " + counter + " 2>/dev/null || echo 0)\n"
        + "echo $((n + 1)) > " + counter + "\n"
        + "if [ \"$n\" -eq 1 ]; then echo 'not ok 1 times out under load'; fail=1; else echo 'ok 1 times out under load'; fi\n"
        + "if grep -qx fixed value.txt; then echo 'ok 2 value'; else echo 'not ok 2 value is fixed'; fail=1; fi\n"
        + "if [ -e junk.txt ]; then echo 'not ok 3 a clean tree'; fail=1; else echo 'ok 3 a clean tree'; fi\nexit ${fail:-0}\n");
    h.git("commit", "-qam", "a flaky test");
    h.agent("fixjunk", "echo fixed > value.txt\necho junk > junk.txt\n");
    h.writeConfig(List.of(
        CliHarness.tool("fixer", h.agents.resolve("fixer").toString(), null),
        CliHarness.tool("fixjunk", h.agents.resolve("fixjunk").toString(), null)));
    // Baseline: run 0 (test 1 passes, test 2 fails). The fixer's tests: run 1, test 1 fails; run 2 passes; the recheck too.
    CliHarness.Run r = h.acr("--chain", "fixer", "--verify", "sh check.sh", "fix the failing value test");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).contains("attempt 1 fixer: it made the tests that failed before pass, but 1 test (times out under load)"
        + " fails that did not before: running the tests once more, in case it is flaky");
    assertThat(r.out()).contains("attempt 1: its tests passed on a second run; on the first, 1 test (times out under load) failed"
        + " (a flaky test? see verify.log)");
    assertThat(h.memoryRecords()).extracting(m -> m.get("status").asText()).containsExactly("verified");
    assertThat(h.read("value.txt")).isEqualTo("fixed\n");
    // Flaky in your tree's recheck instead (run 2 of this run): the recheck runs once more, and the change stays applied.
    h.git("checkout", "-q", "--", "value.txt");
    Files.writeString(counter, "-1");
    r = h.acr("--chain", "fixer", "--verify", "sh check.sh", "fix the failing value test");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).contains("recheck: 1 test (times out under load) failed in your working tree; running the tests once more")
        .contains("recheck: passed on a second run in your working tree (1 test (times out under load) failed on the first: flaky?)");
    assertThat(h.read("value.txt")).isEqualTo("fixed\n");
    // A change that fixes the task's test and breaks another fails both runs: failed, and acr goes on to the next agent.
    h.git("checkout", "-q", "--", "value.txt");
    Files.writeString(counter, "5");
    r = h.acr("--chain", "fixjunk,fixer", "--verify", "sh check.sh", "fix the failing value test");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).contains("attempt 1 fixjunk: it made the tests that failed before pass").contains("attempt 2: fixer");
    assertThat(h.memoryRecords().subList(2, 4)).extracting(m -> m.get("status").asText()).containsExactly("failed", "verified");
    assertThat(h.repo.resolve("junk.txt")).doesNotExist();
  }

  @Test
  void aPromptToFixAFailingTestEscalatesAsBeforeAndTheBaselineNamesWhatFails() throws Exception {
    CliHarness.Run r = h.acr("--json", "--chain", "greeter,fixer", "--verify", "sh check.sh", "fix the failing test");
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("baseline: tests fail (exit 1): 2 tests (refuses a read-only shims directory,"
        + " value is fixed), as expected before a fix").doesNotContain("warning:");
    JsonNode n = r.json();
    assertThat(n.get("stop_reason").asText()).isEqualTo("plan_exhausted");
    assertThat(n.get("attempts")).hasSize(2);
  }

  /** tcltest exits 0 when tests fail: the baseline says the failures were read from the output, not "exit 0" alone. */
  @Test
  void aRunnerThatExitsZeroWhenTestsFailIsSaidToBeReadFromItsOutput() throws Exception {
    Files.writeString(h.repo.resolve("tcl.sh"), "#!/bin/sh\n"
        + "if grep -qx fixed value.txt; then echo 'all.tcl: Total 1 Passed 1 Skipped 0 Failed 0'; exit 0; fi\n"
        + "echo '==== value-1 value is fixed FAILED'\necho 'all.tcl: Total 1 Passed 0 Skipped 0 Failed 1'\nexit 0\n");
    h.git("add", "tcl.sh");
    h.git("commit", "-qm", "a tcltest-like check");
    CliHarness.Run r = h.acr("--chain", "greeter,fixer", "--verify", "sh tcl.sh", "fix the failing test");
    assertThat(r.err()).as(r.toString())
        .contains("baseline: tests fail (exit 0, failures read from its output): 1 test (value-1), as expected before a fix");
    assertThat(r.exit()).as(r.toString()).isEqualTo(0);
  }

  /** A test script that lints first (xo && ava): the lint's error is said, and how to run the tests without it. */
  @Test
  void aLintThatFailsBeforeAnyTestIsSaidToBeTheLint() throws Exception {
    Files.writeString(h.repo.resolve("lint.sh"), "#!/bin/sh\nif grep -qx fixed value.txt; then echo '1 test passed'; exit 0; fi\n"
        + "printf '\\n  value.js:2:7\\n  ✖  2:7  Unexpected var, use let or const instead.  no-var\\n\\n  1 error\\n'\nexit 1\n");
    h.git("add", "lint.sh");
    h.git("commit", "-qm", "a test script that lints first");
    CliHarness.Run r = h.acr("--chain", "greeter,fixer", "--verify", "sh lint.sh", "fix the failing test");
    assertThat(r.err()).as(r.toString()).contains("baseline: the lint fails (exit 1: value.js:2: Unexpected var, use let or"
            + " const instead. (no-var)) and no failing test is named; if that is the bug to fix, as expected; if not, no attempt"
            + " can verify here: rerun with --verify 'CMD' that runs the tests without the lint")
        .contains("attempt 1 greeter: its lint fails (exit 1: value.js:2: ");
    assertThat(r.exit()).as(r.toString()).isEqualTo(0);
  }

  /** google/gson's reactor: a module that did not compile, no test named; "tests fail, as expected" said nothing true. */
  @Test
  void aBuildThatFailsBeforeAnyTestIsSaidToBeTheBuild() throws Exception {
    Files.writeString(h.repo.resolve("build.sh"), "#!/bin/sh\nif grep -qx fixed value.txt; then echo 'Tests run: 1'; exit 0; fi\n"
        + "echo '[ERROR] COMPILATION ERROR : '\n"
        + "echo \"[ERROR] $(pwd)/lib/src/main/java/Value.java:[3,9] cannot find symbol\"\nexit 1\n");
    h.git("add", "build.sh");
    h.git("commit", "-qm", "a build that does not compile");
    CliHarness.Run r = h.acr("--chain", "greeter,fixer", "--verify", "sh build.sh", "fix the failing test");
    assertThat(r.err()).as(r.toString()).contains("baseline: the build fails (exit 1: ")
        .contains("lib/src/main/java/Value.java:3: cannot find symbol) and no failing test is named; if that is the bug to fix,"
            + " as expected; if not,"
            + " no attempt can verify here").doesNotContain("tests fail (exit 1)")
        .contains("attempt 1 greeter: its build fails (exit 1: ");
    assertThat(r.exit()).as(r.toString()).isEqualTo(0);
  }

  /** A C++-style error of 400 characters made the baseline's line wrap over half a screen. */
  @Test
  void aLongBuildErrorIsCutInTheBaselineLineAndIsWholeInItsLog() throws Exception {
    String error = "conflicting types for 'parse_expression'; have 'struct node *(" + "struct parser_state *, ".repeat(16) + "int)'";
    Files.writeString(h.repo.resolve("build.sh"), "#!/bin/sh\nif grep -qx fixed value.txt; then echo 'Tests run: 1'; exit 0; fi\n"
        + "echo \"src/parser.c:12:5: error: " + error + "\"\nexit 1\n");
    h.git("add", "build.sh");
    h.git("commit", "-qm", "a build that does not compile");
    CliHarness.Run r = h.acr("--chain", "fixer", "--verify", "sh build.sh", "fix the failing test");
    String line = r.errLines().stream().filter(l -> l.startsWith("acr: baseline: the build fails")).findFirst().orElseThrow();
    java.nio.file.Path log = h.acrHome.resolve("runs").resolve(h.memoryRecords().get(0).get("run_id").asText()).resolve("baseline/verify.log");
    assertThat(line).contains("(exit 1: src/parser.c:12: conflicting types for 'parse_expression'; have")
        .contains("… (all of it in " + log + ")) and no failing test is named").doesNotContain("int)'");
    assertThat(line.length()).as("the prose around it, the cut error and the log path").isLessThan(560);
    assertThat(Files.readString(log)).contains(error);
  }
}
