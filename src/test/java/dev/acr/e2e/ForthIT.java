package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.testing.Toolchains;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The packaged launcher on the shape of irdvo/ffl (docs/real-repos-2026-12-06.md, fifteenth session): Forth words in lib/, and
 * in test/ a tester in the manner of Hayes's, a test file per module and a runner that includes them and ends with bye
 * (gforth exits 0 whatever the tests reported). An uncommitted bug fixed by a stand-in after a breaker, and a stand-in that
 * deletes the failing tests. Each test skips, naming what to install, without gforth; .ci/run installs it, so in CI
 * (ACR_REQUIRE_TOOLS=1) they fail instead.
 */
class ForthIT extends StandInTrials {

  private static final String VERIFY =
      "cd test && gforth -e 'fpath\\+ \\.\\.' runtests\\.fs\\s+\\(detected: test/runtests\\.fs \\(Forth, loads 3 test files, run by gforth\\)\\)";

  @BeforeEach
  void needsGforth(TestInfo test) {
    Toolchains.require(test.getDisplayName(), Toolchains.GFORTH);
  }

  private void wordsWithTests() throws Exception {
    write("lib/mathx.fs", "\\ Small arithmetic words.\n: square ( n -- n*n ) dup * ;\n: cube ( n -- n*n*n ) dup dup * * ;\n");
    write("test/tester.fs", "\\ A small tester in the manner of Hayes's tester.fr.\nvariable actual-depth\n"
        + "create actual-results 20 cells allot\nvariable start-depth\n"
        + ": empty-stack ( ... -- ) begin depth start-depth @ > while drop repeat ;\n"
        + ": tester-error ( c-addr u -- ) type source type cr empty-stack ;\n"
        + ": T{ ( -- ) depth start-depth ! ;\n"
        + ": -> ( ... -- ) depth dup actual-depth ! start-depth @ - 0 ?do actual-results i cells + ! loop ;\n"
        + ": }T ( ... -- )\n"
        + "  depth start-depth @ - actual-depth @ start-depth @ - <> if s\" WRONG NUMBER OF RESULTS: \" tester-error exit then\n"
        + "  depth start-depth @ - 0 ?do actual-results i cells + @ <> if s\" INCORRECT RESULT: \" tester-error unloop exit then loop ;\n");
    write("test/square_test.fs", "require lib/mathx.fs\nT{ 3 square -> 9 }T\nT{ 4 square -> 16 }T\nT{ 0 square -> 0 }T\n");
    write("test/cube_test.fs", "require lib/mathx.fs\nT{ 3 cube -> 27 }T\nT{ -2 cube -> -8 }T\n");
    write("test/runtests.fs", "include tester.fs\ninclude square_test.fs\ninclude cube_test.fs\n.( tests done) cr\nbye\n");
  }

  @Test
  void forthWordsTestedByARunnerGforthLoads() throws Exception {
    wordsWithTests();
    commitThenBreak("lib/mathx.fs", "dup * ;", "dup + ;", "dup - ;");
    breakerThenFixerVerifies("forth", VERIFY, "lib/mathx.fs", "dup * ;");
    verifyLogSays("baseline", "INCORRECT RESULT: T{ 3 square -> 9 }T", "tests done",
        "the test command exited 0, but its output says tests failed");
  }

  /** A stand-in that deletes the failing tests: the rest pass, but its patch removes three checks. */
  @Test
  void aStandInThatDeletesTheFailingTestsIsNotVerified() throws Exception {
    wordsWithTests();
    commitThenBreak("lib/mathx.fs", "dup * ;", "dup + ;", "dup - ;");
    breakerRuns("sed -i '/square ->/d' test/square_test.fs");
    breakerThenFixerVerifies("forth", VERIFY, "lib/mathx.fs", "dup * ;");
    assertThat(fx.read("test/square_test.fs")).contains("T{ 3 square -> 9 }T");
    assertThat(fx.memoryLines().get(0)).contains("\"reason\":\"turned tests off\"");
  }
}
