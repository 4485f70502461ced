package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.testing.Toolchains;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The packaged launcher on the shape of the autotools repositories of docs/real-repos.md
 * (troglobit/libuev): a configure.ac and a Makefile.am whose TESTS automake's harness runs, no
 * configure committed; an uncommitted bug fixed by a stand-in agent after a breaker, a stand-in
 * that deletes TESTS, a project that does not ignore what autoreconf generates, and a library
 * configure cannot find stopping the run before any agent. Each test skips, naming what to
 * install, without autoreconf, make and a C compiler; .ci/run installs autoconf and automake, so
 * in CI (ACR_REQUIRE_TOOLS=1) they fail instead.
 */
class AutotoolsIT extends StandInTrials {

  private static final String OUT_OF_TREE = "\\{ \\[ -x configure \\] \\|\\| autoreconf -fi; \\} && .* && make check VERBOSE=1; fi"
      + "\\s+\\(detected: configure\\.ac, Makefile\\.am \\(TESTS\\)\\)";

  /** What autoreconf and configure write into the tree, ignored as autotools projects do (libuev, libyaml). */
  private static final String GITIGNORE = "/configure\nMakefile\nMakefile.in\n/aclocal.m4\n/autom4te.cache/\n/compile\n/depcomp\n"
      + "/install-sh\n/missing\n/test-driver\nconfig.*\n*.o\n*.log\n*.trs\ntest_calc\n";

  @BeforeEach
  void needsAutotools(TestInfo test) {
    Toolchains.require(test.getDisplayName(), Toolchains.AUTORECONF, Toolchains.MAKE, Toolchains.CC);
  }

  private void cProjectWithAutomakeTests(String configureAcExtra) throws Exception {
    write("configure.ac", "AC_INIT([calc], [1.0])\nAM_INIT_AUTOMAKE([foreign])\nAC_PROG_CC\n" + configureAcExtra
        + "AC_CONFIG_FILES([Makefile])\nAC_OUTPUT\n");
    write("Makefile.am", "check_PROGRAMS = test_calc\ntest_calc_SOURCES = calc.c test_calc.c\nTESTS = test_calc\n");
    write("calc.c", "int add(int a, int b) { return a + b; }\n");
    write("test_calc.c", "#include <stdio.h>\nint add(int, int);\n"
        + "int main(void) { if (add(2, 3) != 5) { puts(\"add is wrong\"); return 1; } return 0; }\n");
  }

  @Test
  void aCProjectWithAutomakeTests() throws Exception {
    cProjectWithAutomakeTests("");
    write(".gitignore", GITIGNORE);
    commitThenBreak("calc.c", "a + b", "a - b", "a * b");
    breakerThenFixerVerifies("c", OUT_OF_TREE, "calc.c", "return a + b;");
    assertThat(fx.repo.resolve("_build/.gitignore")).as("the recheck's build folder, ignored by its own .gitignore").exists();
    assertThat(fx.repo.resolve("calc.o")).as("objects are built out of the tree").doesNotExist();
  }

  /** autoreconf's files, not ignored, would stay untracked in the user's tree after the recheck: they are made in a copy. */
  @Test
  void aProjectThatDoesNotIgnoreWhatAutoreconfWritesKeepsACleanTree() throws Exception {
    cProjectWithAutomakeTests("");
    commitThenBreak("calc.c", "a + b", "a - b", "a * b");
    breakerThenFixerVerifies("c", "rm -rf _build/src && .* && cd _build/src && autoreconf -fi && \\./configure && make check VERBOSE=1"
        + "\\s+\\(detected: configure\\.ac, Makefile\\.am \\(TESTS\\); \\.gitignore does not ignore configure\\)", "calc.c", "return a + b;");
    assertThat(fx.repo.resolve("configure")).doesNotExist();
  }

  /** A stand-in that deletes TESTS: automake then runs no harness, make check builds and exits 0. */
  @Test
  void aStandInThatDeletesTestsIsNotVerified() throws Exception {
    cProjectWithAutomakeTests("");
    write(".gitignore", GITIGNORE);
    commitThenBreak("calc.c", "a + b", "a - b", "a * b");
    Fixtures.script(fx.agents.resolve("sed-breaker"), "touch \"$ACR_TEST_PIDS/agent-ran\"\nsed -i '/^TESTS/d' Makefile.am\n");
    breakerThenFixerVerifies("c", OUT_OF_TREE, "calc.c", "return a + b;");
    assertThat(fx.read("Makefile.am")).contains("TESTS = test_calc");
    verifyLogSays("attempt-1", "the test command ran no tests (make check printed no test-suite summary: no Makefile.am sets TESTS)");
  }

  /** pkg-config's PKG_CHECK_MODULES: without pkg-config installed autoconf would stop on the macro instead. */
  @Test
  void aLibraryConfigureCannotFindStopsBeforeAnyAgent(TestInfo test) throws Exception {
    Toolchains.require(test.getDisplayName(), Toolchains.PKG_CONFIG);
    cProjectWithAutomakeTests("PKG_CHECK_MODULES([DEP], [acr-no-such-lib-1 >= 1.0])\n");
    write(".gitignore", GITIGNORE);
    commitThenBreak("calc.c", "a + b", "a - b", "a * b");
    stopsBeforeAnyAgent("cannot run: the library acr-no-such-lib-1 that configure asks pkg-config for is not installed",
        "apt-file search /acr-no-such-lib-1.pc");
    assertThat(fx.git("status", "--porcelain")).isEqualTo(" M calc.c\n?? NOTES.md\n");
  }
}
