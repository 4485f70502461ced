package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.testing.Toolchains;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The packaged launcher on the shape of nanopass/nanopass-framework-scheme (docs/real-repos-2026-12-06.md, sixteenth
 * session): an R6RS library at the root, test libraries in tests/ with a test-suite procedure of the project's own that
 * names no test the way a known runner does, and test-all.ss, which imports them and exits 1 when a test failed. An
 * uncommitted bug fixed by a stand-in after a breaker, and a stand-in that deletes the failing tests. Each test skips,
 * naming what to install, without Chez Scheme; .ci/run installs it, so in CI (ACR_REQUIRE_TOOLS=1) they fail instead.
 */
class ChezSchemeIT extends StandInTrials {

  private static final String VERIFY = "scheme --script test-all\\.ss\\s+\\(detected: test-all\\.ss \\(Chez Scheme, run by scheme\\)\\)";

  @BeforeEach
  void needsChezScheme(TestInfo test) {
    Toolchains.require(test.getDisplayName(), Toolchains.CHEZ_SCHEME);
  }

  private void libraryWithTests() throws Exception {
    write("mathx.sls", "(library (mathx)\n  (export square cube)\n  (import (rnrs))\n"
        + "  (define (square n) (* n n))\n  (define (cube n) (* n (square n))))\n");
    write("tests/check.sls", ";; The project's own tests: each a name and a truth, printed; the suite says whether all held.\n"
        + "(library (tests check)\n  (export test test-suite)\n  (import (rnrs))\n"
        + "  (define-syntax test\n    (syntax-rules ()\n      [(_ name expr) (cons 'name (guard (e [#t #f]) expr))]))\n"
        + "  (define (test-suite . results)\n    (for-each (lambda (r) (display \"  Testing \") (display (car r))\n"
        + "                (display (if (cdr r) \" ...#t\" \" ...#f\")) (newline)) results)\n"
        + "    (for-all cdr results)))\n");
    write("tests/math-tests.sls", "(library (tests math-tests)\n  (export run-math-tests)\n  (import (rnrs) (tests check) (mathx))\n"
        + "  (define (run-math-tests)\n    (test-suite\n"
        + "      (test square-of-three (= (square 3) 9))\n      (test square-of-zero (= (square 0) 0))\n"
        + "      (test cube-of-two (= (cube 2) 8)))))\n");
    write("test-all.ss", "(import (rnrs) (tests math-tests))\n\n(display \"Running math tests\\n\")\n"
        + "(exit (if (run-math-tests) 0 1))\n");
  }

  @Test
  void aLibraryTestedByAProgramChezRuns() throws Exception {
    libraryWithTests();
    commitThenBreak("mathx.sls", "(* n n)", "(+ n n)", "(- n n)");
    breakerThenFixerVerifies("scheme", VERIFY, "mathx.sls", "(define (square n) (* n n))");
    verifyLogSays("baseline", "Testing square-of-three ...#f");
  }

  /** A stand-in that deletes the failing tests: the rest pass, but it changed tests alone and deleted two. */
  @Test
  void aStandInThatDeletesTheFailingTestsIsNotVerified() throws Exception {
    libraryWithTests();
    commitThenBreak("mathx.sls", "(* n n)", "(+ n n)", "(- n n)");
    breakerRuns("sed -i -e '/(test square-of-three/d' -e '/(test cube-of-two/d' tests/math-tests.sls");
    breakerThenFixerVerifies("scheme", VERIFY, "mathx.sls", "(define (square n) (* n n))");
    assertThat(fx.read("tests/math-tests.sls")).contains("(test square-of-three");
    assertThat(fx.memoryLines().get(0)).contains("\"reason\":\"turned tests off\"");
  }

  /**
   * A stand-in that changes what the failing test expects: verified, since the tests pass, but the user is told it changed
   * only tests, though the runner named no failing test.
   */
  @Test
  void aStandInThatChangesOnlyTheTestsIsVerifiedWithAWord() throws Exception {
    libraryWithTests();
    commitThenBreak("mathx.sls", "(* n n)", "(+ n n)", "(- n n)");
    breakerRuns("sed -i 's/(= (square 3) 9)/(= (square 3) 6)/' tests/math-tests.sls");
    Fixtures.Run r = acr("--chain", "sed-breaker", "fix the failing test");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("it changed only tests (tests/math-tests.sls), not the code they test");
    assertThat(fx.read("tests/math-tests.sls")).contains("(= (square 3) 6)");
  }
}
