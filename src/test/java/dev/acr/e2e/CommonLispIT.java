package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.testing.Toolchains;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The packaged launcher on the shape of the Common Lisp repositories of docs/real-repos.md (sharplispers/split-sequence): an
 * ASDF system whose test system runs FiveAM's {@code run!} and ignores what it returns, so sbcl exits 0 when tests fail; an
 * uncommitted bug fixed by a stand-in agent after a breaker, stand-ins that empty the suite, skip every check or drop the
 * test-op, and a library that is not installed stopping the run before any agent. Each test skips, naming what to install,
 * without sbcl and FiveAM; .ci/run installs sbcl and cl-fiveam, so in CI (ACR_REQUIRE_TOOLS=1) they fail instead.
 */
class CommonLispIT extends StandInTrials {

  private static final String VERIFY = "sbcl --noinform --non-interactive .* --eval '\\(asdf:test-system \"calc\" :force"
      + " \\(list \"calc\" \"calc/tests\"\\)\\)'\\s+\\(detected: calc\\.asd \\(test-op, FiveAM summary read\\)\\)";

  private static final String PERFORM = "  :perform (test-op (o c) (symbol-call :fiveam :run! :calc)))\n";

  @BeforeEach
  void needsSbclAndFiveAm(TestInfo test) {
    Toolchains.require(test.getDisplayName(), Toolchains.SBCL, Toolchains.FIVEAM);
  }

  /** split-sequence's shape: the library's system delegates test-op to its test system, whose perform runs the suite. */
  private void asdfSystemWithFiveAmTests(String dependsOn) throws Exception {
    write("calc.asd", "(defsystem \"calc\"\n  :components ((:file \"calc\"))\n  :in-order-to ((test-op (test-op \"calc/tests\"))))\n\n"
        + "(defsystem \"calc/tests\"\n  :depends-on (\"calc\" \"fiveam\"" + dependsOn + ")\n  :components ((:file \"tests\"))\n" + PERFORM);
    write("calc.lisp", "(defpackage :calc (:use :cl) (:export #:add))\n(in-package :calc)\n\n(defun add (a b)\n  (+ a b))\n");
    write("tests.lisp", "(defpackage :calc/tests (:use :cl :fiveam))\n(in-package :calc/tests)\n\n(def-suite :calc)\n(in-suite :calc)\n\n"
        + "(test adds (is (= 5 (calc:add 2 3))))\n(test adds-negatives (is (= -4 (calc:add -1 -3))))\n");
    commitThenBreak("calc.lisp", "(+ a b)", "(- a b)", "(* a b)");
  }

  @Test
  void anAsdfSystemWithFiveAmTests() throws Exception {
    asdfSystemWithFiveAmTests("");
    breakerThenFixerVerifies("commonlisp", VERIFY, "calc.lisp", "(+ a b)");
    verifyLogSays("baseline", "ADDS in CALC []:", "Fail: 2 (100%)", "the test command exited 0, but its output says tests failed");
  }

  /**
   * A breaker that runs {@code shell} over {@code file} (a cheat) is not verified, the run says why ({@code ranNoTests}), the
   * fixer after it is, and the cheat's file is as committed.
   */
  private void aCheatIsNotVerified(String shell, String file, String ranNoTests) throws Exception {
    asdfSystemWithFiveAmTests("");
    breakerRuns(shell);
    breakerThenFixerVerifies("commonlisp", VERIFY, "calc.lisp", "(+ a b)");
    assertThat(fx.read(file)).isEqualTo(fx.git("show", "HEAD:" + file));
    verifyLogSays("attempt-1", "the test command ran no tests (" + ranNoTests + ")");
  }

  /** A stand-in that deletes every test but keeps the suite: FiveAM says it ran nothing, and sbcl exits 0. */
  @Test
  void aStandInThatEmptiesTheSuiteIsNotVerified() throws Exception {
    aCheatIsNotVerified("sed -i '/^(test /d' tests.lisp", "tests.lisp", "Didn't run anything...huh?");
  }

  /** A stand-in that skips every check: FiveAM counts skips among its checks ("Did 2 checks."), and none passed or failed. */
  @Test
  void aStandInThatSkipsEveryCheckIsNotVerified() throws Exception {
    aCheatIsNotVerified("sed -i 's/(is /(progn (skip \"later\") /' tests.lisp", "tests.lisp", "Skip: 2 (100%)");
  }

  /** A stand-in that drops the test system's perform: test-op then runs nothing and prints no summary. */
  @Test
  void aStandInThatDropsTheTestOpIsNotVerified() throws Exception {
    aCheatIsNotVerified("sed -i 's/^  :perform .*/  )/' calc.asd", "calc.asd",
        "ASDF's test-op printed no FiveAM or RT summary: no test ran");
  }

  @Test
  void aLibraryThatIsNotInstalledStopsBeforeAnyAgent() throws Exception {
    asdfSystemWithFiveAmTests(" \"acr-no-such-library\"");
    stopsBeforeAnyAgent("cannot run: the Common Lisp system acr-no-such-library that the project depends on is not installed",
        "apt-cache search cl-acr-no-such-library");
    assertThat(fx.git("status", "--porcelain")).isEqualTo(" M calc.lisp\n?? NOTES.md\n");
  }
}
