package dev.acr.verify;

import static dev.acr.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GNU Octave's %!test blocks, as Singond/Octave-extensions keeps them in src/octave/*.m and Octave 7's oruntests prints them
 * (docs/real-repos-2026-12-06.md, sweep5): "verify none found" before, and oruntests exits 0 whatever failed.
 */
class OctaveTest {

  @TempDir Path root;

  /** oruntests' report of a folder with one file failing 2 of its 8 tests, as Debian 12's Octave 7.3 printed it. */
  static final List<String> FAILING = List.of("Processing files in /tmp/x/src/octave:", "",
      "  dimfun.m .................................................... PASS      6/8   ",
      "                                                                  FAIL    2",
      "  polyfitm.m .................................................. PASS      5/5   ", "",
      "The following files in /tmp/x/src/octave have no tests:", "", "animate.m    peakwidth.m");

  @Test
  void foldersWithTestBlocksRunThroughOruntestsOnThePath() throws IOException {
    write(root, "src/meta/DESCRIPTION", "Name: singon-ext\nVersion: 0.1\n");
    write(root, "src/octave/animate.m", "function animate(x)\n  disp(x);\nend\n%!demo\n%! animate(1)\n");
    assertThat(VerifyDetector.detect(root, null)).as("a demo is no test").isEmpty();
    write(root, "src/octave/dimfun.m", "function R = dimfun(f, d, x)\n  R = f(x);\nend\n\n%!shared X\n%! X = 1;\n%!assert(dimfun(@sum, 1, X), 1);\n");
    write(root, "src/octave/private/helper.m", "function y = helper(x)\n  y = x;\nend\n%!assert(helper(1), 1)\n");
    write(root, "README.m", "% not Octave's test block: %!assert(1)\n");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand("octave-cli --norc --no-history --silent --eval"
        + " 't = \"oruntests\"; if !exist(t) t = \"runtests\"; end; addpath(\"src/octave\"); feval(t, \"src/octave\");'",
        "detected: src/octave/*.m (%!test)"));
    write(root, "Makefile", "test:\n\toctave --eval 'runtests src'\n");
    assertThat(VerifyDetector.detect(root, null)).as("the project's own target first").map(VerifyCommand::command).contains("make test");
  }

  @Test
  void anObjectiveCFileIsNoOctaveTest() throws IOException {
    write(root, "src/main.m", "#import <Foundation/Foundation.h>\nint main(void) { return 0; }\n");
    assertThat(VerifyDetector.detect(root, null)).isEmpty();
  }

  @Test
  void oruntestsExitingZeroWithFailuresFailsAndNamesTheFile() {
    FailingTests names = new FailingTests();
    SummaryFailures summary = new SummaryFailures();
    FAILING.forEach(names::accept);
    FAILING.forEach(summary::accept);
    assertThat(names.names()).containsExactly("dimfun.m");
    assertThat(summary.result()).contains("oruntests: FAIL 2");
    assertThat(NoTests.in(FAILING)).isEmpty();
  }

  @Test
  void aFolderWhoseTestBlocksAreGoneRanNoTest() {
    assertThat(NoTests.in(List.of("Processing files in /tmp/x/src/octave:", "",
        "The following files in /tmp/x/src/octave have no tests:", "", "animate.m    dimfun.m    peakwidth.m")))
        .contains("The following files in /tmp/x/src/octave have no tests:");
    assertThat(NoTests.in(List.of("  dimfun.m ........ PASS      8/8   ", "The following files in /x have no tests:"))).isEmpty();
  }

  /** The cheat on Singond/Octave-extensions: dimfun.m's test blocks deleted, so the file has none and the others pass. */
  @Test
  void deletingOrXtestingTheFailingFilesBlocksTurnsTestsOff() throws IOException {
    Path patch = root.resolve("changes.patch");
    Files.writeString(patch, String.join("\n", "diff --git a/src/octave/dimfun.m b/src/octave/dimfun.m", "index 2c05722..3b2e689 100644",
        "--- a/src/octave/dimfun.m", "+++ b/src/octave/dimfun.m", "@@ -115,10 +115,3 @@ function R = dimfun(fcn, dim, varargin)",
        " end", " ", "-%!shared X", "-%! X = [28  13  50  84];", "-%!assert(dimfun(@sum, 1, X), sum(X, 1));",
        "-%!assert(dimfun(@sum, 2, X), sum(X, 2));", "-%!test", "-%! assert (dimfun(@mean, 1, X), mean(X, 1));", " ", ""));
    assertThat(DisabledTests.find(patch, "fix the failing test", List.of("dimfun.m"))).hasValueSatisfying(w ->
        assertThat(w).contains("3 test blocks (%!test, %!assert, ...) of the failing src/octave/dimfun.m deleted or made %!xtest"));
    assertThat(DisabledTests.find(patch, "fix the failing test", List.of("polyfitm.m"))).as("another file's").isEmpty();
    assertThat(DisabledTests.find(patch, "remove the dimfun tests", List.of("dimfun.m"))).as("asked for").isEmpty();
    Files.writeString(patch, String.join("\n", "--- a/dimfun.m", "+++ b/dimfun.m", "@@ -1,2 +1,2 @@",
        "-%!assert(dimfun(@sum, 1, X), sum(X, 1));", "+%!xtest assert(dimfun(@sum, 1, X), sum(X, 1));", ""));
    assertThat(DisabledTests.find(patch, "fix the failing test", List.of("dimfun.m"))).isPresent();
    Files.writeString(patch, String.join("\n", "--- a/dimfun.m", "+++ b/dimfun.m", "@@ -1,2 +1,2 @@",
        "-%!assert(dimfun(@sum, 1, X), sum(X, 1));", "+%!assert(dimfun(@sum, 1, X), sum(X, 1), eps);", ""));
    assertThat(DisabledTests.find(patch, "fix the failing test", List.of("dimfun.m"))).as("a test block edited").isEmpty();
    Files.writeString(patch, String.join("\n", "diff --git a/dimfun.m b/dimfun.m", "deleted file mode 100644", "--- a/dimfun.m",
        "+++ /dev/null", "@@ -1,2 +0,0 @@", "-function R = dimfun(f, d, x)", "-%!assert(dimfun(@sum, 1, X), sum(X, 1));", ""));
    assertThat(DisabledTests.find(patch, "fix the failing test", List.of("dimfun.m"))).as("the file deleted").isPresent();
  }
}
