package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.testing.Toolchains;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The packaged launcher on the shape of the Guile repositories of docs/real-repos.md (lloda/guile-ffi-cblas): modules under
 * mod/, an SRFI-64 test file that exits 0 when its tests fail; an uncommitted bug fixed by a stand-in agent after a breaker,
 * a stand-in that skips every test, one that empties the test file, and a Guile library that is not installed stopping the run before any agent. Each test
 * skips, naming what to install, without guile; .ci/run installs guile-3.0, so in CI (ACR_REQUIRE_TOOLS=1) they fail instead.
 */
class GuileIT extends StandInTrials {

  private static final String VERIFY = "guile --no-auto-compile -L \\. -L mod -c .*\\(load \\\\\"tests/calc\\.scm\\\\\"\\)\""
      + "\\s+\\(detected: tests/calc\\.scm \\(SRFI-64\\)\\)";

  @BeforeEach
  void needsGuile(TestInfo test) {
    Toolchains.require(test.getDisplayName(), Toolchains.GUILE);
  }

  /** guile-ffi-cblas's shape: a module in mod/, a test file that imports it and runs an SRFI-64 suite (no exit status of its own). */
  private void guileModuleWithSrfi64Tests(String uses) throws Exception {
    write("mod/calc.scm", "(define-module (calc)\n  #:export (add))\n\n(define (add a b)\n  (+ a b))\n");
    write("tests/calc.scm", "(use-modules (srfi srfi-64) (calc)" + uses + ")\n\n(test-begin \"calc\")\n"
        + "(test-equal \"adds\" 5 (add 2 3))\n(test-equal \"adds negatives\" -4 (add -1 -3))\n(test-end \"calc\")\n");
  }

  @Test
  void aGuileModuleWithSrfi64Tests() throws Exception {
    guileModuleWithSrfi64Tests("");
    commitThenBreak("mod/calc.scm", "(+ a b)", "(- a b)", "(* a b)");
    breakerThenFixerVerifies("scheme", VERIFY, "mod/calc.scm", "(+ a b)");
    verifyLogSays("baseline", "tests/calc.scm:4: FAIL adds", "# of unexpected failures  2",
        "the test command exited 0, but its output says tests failed");
  }

  /**
   * A stand-in that skips every test: its patch adds {@code (test-skip} to a test file, so it is
   * failed before its tests run (had they run, SRFI-64 would have counted them skipped with exit 0,
   * which is no test run either: GuileTest).
   */
  @Test
  void aStandInThatSkipsEveryTestIsNotVerified() throws Exception {
    guileModuleWithSrfi64Tests("");
    commitThenBreak("mod/calc.scm", "(+ a b)", "(- a b)", "(* a b)");
    breakerRuns("sed -i 's/^(test-begin \"calc\")/(test-begin \"calc\") (test-skip 100)/' tests/calc.scm");
    breakerThenFixerVerifies("scheme", VERIFY, "mod/calc.scm", "(+ a b)");
    assertThat(fx.read("tests/calc.scm")).doesNotContain("test-skip");
    assertThat(fx.memoryLines().get(0)).contains("\"reason\":\"turned tests off\"");
  }

  /**
   * A stand-in that empties the test file: its patch deletes the failing tests' definitions, so it is failed before its
   * tests run (had they run, guile would have loaded nothing with exit 0 and no SRFI-64 suite started: GuileTest).
   */
  @Test
  void aStandInThatEmptiesTheTestFileIsNotVerified() throws Exception {
    guileModuleWithSrfi64Tests("");
    commitThenBreak("mod/calc.scm", "(+ a b)", "(- a b)", "(* a b)");
    breakerRuns(": > tests/calc.scm");
    breakerThenFixerVerifies("scheme", VERIFY, "mod/calc.scm", "(+ a b)");
    assertThat(fx.read("tests/calc.scm")).contains("(test-begin \"calc\")");
    assertThat(fx.memoryLines().get(0)).contains("\"reason\":\"turned tests off\"");
  }

  @Test
  void aGuileLibraryThatIsNotInstalledStopsBeforeAnyAgent() throws Exception {
    guileModuleWithSrfi64Tests(" (acr-no-such-library)");
    commitThenBreak("mod/calc.scm", "(+ a b)", "(- a b)", "(* a b)");
    stopsBeforeAnyAgent("cannot run: the Guile module (acr-no-such-library) is not installed", "GUILE_LOAD_PATH");
    assertThat(fx.git("status", "--porcelain")).isEqualTo(" M mod/calc.scm\n?? NOTES.md\n");
  }
}
