package dev.acr.e2e;

import dev.acr.testing.Toolchains;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The packaged launcher on a CHICKEN 5 egg made here in the shape of Zipheir/srfi-141 (docs/real-repos-2026-12-06.md, sixth
 * session): NAME.egg, its module at the top, tests/run.scm importing it. Built in a copy of the tree, so chicken-install's
 * .so and build scripts stay out of the user's files; an uncommitted bug fixed by a stand-in after a breaker, and the test
 * egg its test-dependencies name, not installed, stopping the run before any agent. Each test skips, naming what to install,
 * without chicken-install; .ci/run installs chicken-bin, so in CI (ACR_REQUIRE_TOOLS=1) they fail instead.
 */
class ChickenIT extends StandInTrials {

  private static final String VERIFY = "rm -rf _build/src .* csi -s run\\.scm\\s+\\(detected: calc\\.egg, tests/run\\.scm\\)";

  @BeforeEach
  void needsChicken(TestInfo test) {
    Toolchains.require(test.getDisplayName(), Toolchains.CHICKEN);
  }

  private void eggWithTests(String eggExtra, String testImports) throws Exception {
    write("calc.egg", "((synopsis \"calc\")\n (license \"BSD\")\n" + eggExtra + " (components (extension calc)))\n");
    write("calc.scm", "(module calc (add)\n  (import scheme)\n  (define (add a b) (+ a b)))\n");
    write("tests/run.scm", "(import scheme (chicken base) calc" + testImports + ")\n"
        + "(define failed 0)\n"
        + "(define (check name ok) (unless ok (set! failed (+ failed 1)) (print \"FAIL \" name)))\n"
        + "(check \"adds\" (= (add 2 3) 5))\n(check \"adds negatives\" (= (add -1 -3) -4))\n"
        + "(exit (if (= failed 0) 0 1))\n");
    commitThenBreak("calc.scm", "(+ a b)", "(- a b)", "(* a b)");
  }

  @Test
  void aChickenEggWithTests() throws Exception {
    eggWithTests("", "");
    breakerThenFixerVerifies("scheme", VERIFY, "calc.scm", "(+ a b)");
    verifyLogSays("baseline", "FAIL adds");
  }

  @Test
  void theTestEggNotInstalledStopsTheRunBeforeAnyAgent() throws Exception {
    eggWithTests(" (test-dependencies acr-no-such-egg)\n", " acr-no-such-egg");
    stopsBeforeAnyAgent("the egg acr-no-such-egg that calc.egg depends on is not installed");
  }
}
