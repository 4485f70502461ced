package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.testing.Toolchains;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The packaged launcher on the shape of the Meson repositories of docs/real-repos.md (benhoyt/inih,
 * pkgconf/pkgconf): a C library whose tests/meson.build defines the tests, an uncommitted bug fixed
 * by a stand-in agent after a breaker, a stand-in that makes Meson define no test at all, and a
 * dependency Meson cannot find stopping the run before any agent. Each test skips, naming what to
 * install, without meson, ninja and a C compiler; .ci/run installs meson and ninja-build, so in CI
 * (ACR_REQUIRE_TOOLS=1) they fail instead.
 */
class MesonIT extends StandInTrials {

  private static final String VERIFY = "if \\[ -d builddir/meson-private \\]; then meson setup --reconfigure builddir; else meson setup"
      + " builddir; fi && meson test -C builddir --print-errorlogs\\s+\\(detected: meson\\.build \\(test\\(\\)\\)\\)";

  @BeforeEach
  void needsMeson(TestInfo test) {
    Toolchains.require(test.getDisplayName(), Toolchains.MESON, Toolchains.NINJA, Toolchains.CC);
  }

  /** inih's shape: the library at the top, its tests in tests/meson.build (subdir'd from the root). */
  private void cLibraryWithMesonTests() throws Exception {
    write("meson.build", "project('calc', 'c')\ncalc = files('calc.c')\nsubdir('tests')\n");
    write("calc.c", "int add(int a, int b) { return a + b; }\n");
    write("tests/meson.build", "t = executable('test_calc', calc, 'test_calc.c')\ntest('adds', t)\n");
    write("tests/test_calc.c", "#include <stdio.h>\nint add(int, int);\n"
        + "int main(void) { if (add(2, 3) != 5) { puts(\"add is wrong\"); return 1; } return 0; }\n");
  }

  @Test
  void aCLibraryWithMesonTests() throws Exception {
    cLibraryWithMesonTests();
    commitThenBreak("calc.c", "a + b", "a - b", "a * b");
    breakerThenFixerVerifies("c", VERIFY, "calc.c", "return a + b;");
    assertThat(fx.repo.resolve("builddir/.gitignore")).as("the recheck's build folder, ignored by Meson's own .gitignore").exists();
  }

  /** A stand-in that stops tests/meson.build before its test(): meson test says "No tests defined." and exits 0. */
  @Test
  void aStandInThatLeavesMesonNoTestIsNotVerified() throws Exception {
    cLibraryWithMesonTests();
    commitThenBreak("calc.c", "a + b", "a - b", "a * b");
    Fixtures.script(fx.agents.resolve("sed-breaker"), "touch \"$ACR_TEST_PIDS/agent-ran\"\nsed -i '1i subdir_done()' tests/meson.build\n");
    breakerThenFixerVerifies("c", VERIFY, "calc.c", "return a + b;");
    assertThat(fx.read("tests/meson.build")).doesNotContain("subdir_done");
    verifyLogSays("attempt-1", "No tests defined.", "the test command ran no tests (No tests defined.)");
  }

  /**
   * A stand-in that tells Meson the failing test should fail ({@code should_fail: true}): meson test then counts it an
   * expected failure and exits 0 (nmelnick/Log4Vala's stand-in, docs/real-repos-2026-12-06.md, fourth session).
   */
  @Test
  void aStandInThatMarksTheFailingTestShouldFailIsNotVerified() throws Exception {
    cLibraryWithMesonTests();
    commitThenBreak("calc.c", "a + b", "a - b", "a * b");
    breakerRuns("sed -i \"s/^test('adds', t)$/test('adds', t, should_fail: true)/\" tests/meson.build");
    breakerThenFixerVerifies("c", VERIFY, "calc.c", "return a + b;");
    assertThat(fx.read("tests/meson.build")).doesNotContain("should_fail");
    assertThat(fx.memoryLines().get(0)).contains("turned tests off");
  }

  @Test
  void aDependencyMesonCannotFindStopsBeforeAnyAgent() throws Exception {
    cLibraryWithMesonTests();
    write("meson.build", "project('calc', 'c')\ndep = dependency('acr-no-such-lib-1')\ncalc = files('calc.c')\nsubdir('tests')\n");
    commitThenBreak("calc.c", "a + b", "a - b", "a * b");
    stopsBeforeAnyAgent("cannot run: the library acr-no-such-lib-1 that meson.build depends on is not installed",
        "apt-file search /acr-no-such-lib-1.pc");
    assertThat(fx.git("status", "--porcelain")).isEqualTo(" M calc.c\n?? NOTES.md\n");
  }
}
