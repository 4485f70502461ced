package dev.acr.verify;

import static dev.acr.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GNU Autotools, as troglobit/libuev (autoconf 2.71, automake 1.16.5, libtool 2.4.7) and projects
 * made here printed it (docs/real-repos.md, 2026-12-06, Autotools): the command found from a
 * configure.ac whose Makefile.am files set TESTS, automake's harness naming the failing tests and
 * running none, and autoreconf or configure unable to configure.
 */
class AutotoolsTest {

  @TempDir Path root;

  private static final String CONFIGURE_AC = "AC_INIT([libuev], [2.4.1])\nAM_INIT_AUTOMAKE([foreign])\nLT_INIT\nAC_PROG_CC\n"
      + "AC_CONFIG_FILES([Makefile src/Makefile test/Makefile])\nAC_OUTPUT\n";

  @Test
  void aConfigureAcWhoseTestFolderSetsTestsRunsMakeCheckOutOfTree() throws IOException {
    write(root, "configure.ac", CONFIGURE_AC);
    write(root, "Makefile.am", "SUBDIRS = src test\n");
    write(root, "test/Makefile.am", "TESTS           =\nTESTS          += active\ncheck_PROGRAMS  = $(TESTS)\n");
    write(root, ".gitignore", "*.o\nMakefile.in\nconfigure\ndepcomp\n");
    assertThat(VerifyDetector.detect(root, null)).hasValueSatisfying(c -> {
      assertThat(c.source()).isEqualTo("detected: configure.ac, Makefile.am (TESTS)");
      assertThat(c.command()).startsWith("{ [ -x configure ] || autoreconf -fi; } && if [ -f config.status ]; then make check VERBOSE=1;")
          .contains("mkdir -p _build && echo '*' > _build/.gitignore && cd _build",
              "grep -qxF \"abs_top_srcdir = $(pwd)/..\" Makefile 2>/dev/null || ../configure");
    });
    assertThat(PackageFolder.nearest(root, root.resolve("test"))).as("test/Makefile.am starts no project")
        .isEqualTo(new PackageFolder(root, "configure.ac"));
  }

  /** autoreconf's files would be left untracked in the user's tree by the recheck: they are made in a copy instead. */
  @Test
  void aProjectThatDoesNotIgnoreConfigureIsBuiltInACopy() throws IOException {
    write(root, "configure.ac", CONFIGURE_AC);
    write(root, "Makefile.am", "TESTS = t\n");
    write(root, ".gitignore", "*.o\n# configure\n/configure.log\n");
    assertThat(VerifyDetector.detect(root, null)).hasValueSatisfying(c -> {
      assertThat(c.source()).isEqualTo("detected: configure.ac, Makefile.am (TESTS); .gitignore does not ignore configure");
      assertThat(c.command()).isEqualTo("rm -rf _build/src && mkdir -p _build/src && echo '*' > _build/.gitignore"
          + " && tar --exclude=./_build --exclude=./.git -cf - . | tar -xf - -C _build/src && cd _build/src && autoreconf -fi"
          + " && ./configure && make check VERBOSE=1");
    });
    write(root, ".gitignore", "*.o\n/configure\n");
    assertThat(VerifyDetector.detect(root, null)).map(VerifyCommand::command).hasValue(Autotools.COMMAND);
    write(root, ".gitignore", "");
    write(root, "configure", "#!/bin/sh\n");
    assertThat(VerifyDetector.detect(root, null)).as("a committed configure: autoreconf does not run")
        .map(VerifyCommand::command).hasValue(Autotools.COMMAND);
  }

  @Test
  void withoutTestsOrWithoutMakefileAmNothingIsDetected() throws IOException {
    write(root, "configure.in", CONFIGURE_AC);
    write(root, "Makefile.am", "SUBDIRS = src\ncheck_PROGRAMS = t\n# TESTS = t\n");
    write(root, "_build/config.status", "");
    write(root, "_build/test/Makefile.am", "TESTS = copied\n");
    write(root, ".git/Makefile.am", "TESTS = hidden\n");
    assertThat(Autotools.definesTests(root)).as("check_PROGRAMS alone builds, runs nothing").isFalse();
    assertThat(VerifyDetector.detect(root, null)).isEmpty();
    write(root, "tests/Makefile.am", "TESTS = test-version test-reader\n");
    assertThat(VerifyDetector.detect(root, null)).map(VerifyCommand::source)
        .contains("detected: configure.in, Makefile.am (TESTS); .gitignore does not ignore configure");
  }

  @Test
  void aCommittedConfigureAndMakefileInWithACheckRule() throws IOException {
    write(root, "configure", "#!/bin/sh\n");
    write(root, "Makefile.in", "all:\n\t$(CC) -o t t.c\ncheck: all\n\t./t\n");
    assertThat(VerifyDetector.detect(root, null)).map(VerifyCommand::source).contains("detected: configure, Makefile.in (check)");
    write(root, "Makefile.in", "all:\n\t$(CC) -o t t.c\n");
    assertThat(VerifyDetector.detect(root, null)).isEmpty();
  }

  /** A committed Makefile's test target needs make alone; CMake and Meson build out of the tree with nothing to generate in it. */
  @Test
  void makeCmakeAndMesonComeFirst() throws IOException {
    write(root, "configure.ac", CONFIGURE_AC);
    write(root, "Makefile.am", "TESTS = t\n");
    write(root, "meson.build", "project('pkgconf', 'c')\ntest('api', exe)\n");
    assertThat(VerifyDetector.detect(root, null)).map(VerifyCommand::source).contains("detected: meson.build (test())");
    write(root, "CMakeLists.txt", "project(x C)\nenable_testing()\n");
    assertThat(VerifyDetector.detect(root, null)).map(VerifyCommand::source).contains("detected: CMakeLists.txt (enable_testing)");
    write(root, "Makefile", "test:\n\t./t\n");
    assertThat(VerifyDetector.detect(root, null)).map(VerifyCommand::command).contains("make test");
  }

  @Test
  void theHarnessNamesEachFailingTestOnce() {
    FailingTests failing = new FailingTests(root);
    for (String line : List.of("PASS: active", "PASS: api", "FAIL: complete", "FAIL: cronrun", "SKIP: slow", "XFAIL: known",
        "FAIL: timer", "ERROR: crash", "XPASS: fixed-bug", "FAIL: t/parse.sh 3 - a key without a value",
        "# TOTAL: 7", "# FAIL:  3", "See test/test-suite.log", "FAIL complete (exit status: 1)", "ERROR crash (exit status: 99)",
        "ERROR: Dependency \"glib-2.0\" not found, tried pkgconfig and cmake", "ERROR: /x/test/subsumes_chk.plt:11:")) {
      failing.accept(line);
    }
    assertThat(failing.names()).containsExactly("complete", "cronrun", "timer", "crash", "fixed-bug", "t/parse.sh");
  }

  @Test
  void aSummaryOfNoneOrNoSummaryAtAllRanNone() {
    List<String> none = List.of("Testsuite summary for calc 1.0", "# TOTAL: 0", "# PASS:  0", "# SKIP:  0", "# XFAIL: 0", "# FAIL:  0",
        "# XPASS: 0", "# ERROR: 0");
    assertThat(NoTests.in(none)).contains("make check: # PASS: 0");
    assertThat(NoTests.in(List.of("# TOTAL: 3", "# PASS:  0", "# SKIP:  3", "# FAIL:  0"))).as("all skipped").contains("make check: # PASS: 0");
    assertThat(NoTests.in(List.of("# TOTAL: 7", "# PASS:  4", "# FAIL:  3"))).isEmpty();
    assertThat(NoTests.in(List.of("# TOTAL: 2", "# PASS:  0", "# FAIL:  2"))).isEmpty();

    for (String command : List.of(Autotools.COMMAND, Autotools.COPY_COMMAND)) {
      NoTests ours = new NoTests(command);
      ours.accept("make[1]: Nothing to be done for 'check-am'.");
      assertThat(ours.result(0)).as("no Makefile.am sets TESTS: no harness, exit 0")
          .contains("make check printed no test-suite summary: no Makefile.am sets TESTS");
      assertThat(ours.result(2)).as("a build that failed is for an agent to fix").isEmpty();
    }
    // automake's serial harness (serial-tests) prints no "# PASS:" counts, only a banner line between rules of '='.
    for (String banner : List.of("All 2 tests passed", "1 of 2 tests failed", "All 3 tests behaved as expected (1 expected failure)")) {
      NoTests serial = new NoTests(Autotools.COMMAND);
      serial.accept("PASS: t1.sh");
      serial.accept("==================");
      serial.accept(banner);
      assertThat(serial.result(0)).as(banner).isEmpty();
    }
    NoTests other = new NoTests("make check");
    other.accept("make[1]: Nothing to be done for 'check-am'.");
    assertThat(other.result(0)).as("a make check of the user's own").isEmpty();
  }

  @Test
  void whatAutoreconfOrConfigureCannotFindStopsTheRun() {
    assertThat(CannotRun.check(127, List.of("sh: 1: autoreconf: not found"), root, root, "fix the failing test"))
        .map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("apt-get install autoconf automake libtool"));
    assertThat(CannotRun.check(1, List.of("Can't exec \"libtoolize\": No such file or directory at /usr/share/autoconf/Autom4te/FileUtils.pm"
        + " line 293.", "autoreconf: error: libtoolize failed with exit status: 2"), root, root, "fix it"))
        .map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("apt-get install libtool"));
    assertThat(CannotRun.check(1, List.of("configure.ac:5: warning: macro 'LT_INIT' not found in library",
        "configure.ac:5: error: possibly undefined macro: LT_INIT"), root, root, "fix it"))
        .map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("apt-get install libtool"));
    assertThat(CannotRun.check(1, List.of("configure.ac:5: error: possibly undefined macro: AM_PROG_NOPE"), root, root, "fix it"))
        .map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("/usr/share/aclocal"));
    assertThat(CannotRun.check(2, List.of("../configure: line 4113: syntax error near unexpected token `-Wall'",
        "../configure: line 4113: `AX_CHECK_COMPILE_FLAG(-Wall)'"), root, root, "fix it"))
        .map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("apt-get install autoconf-archive"));
    assertThat(CannotRun.check(1, List.of("configure: error: Package requirements (acr-no-such-lib >= 1.0) were not met:"), root, root,
        "fix it")).map(CannotRun.Why::problem)
        .contains("the library acr-no-such-lib that configure asks pkg-config for is not installed");
    assertThat(CannotRun.check(77, List.of("configure: error: no acceptable C compiler found in $PATH"), root, root, "fix it"))
        .map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("apt-get install gcc"));
    assertThat(CannotRun.check(1, List.of("configure: error: libcheck not found"), root, root, "fix it"))
        .map(CannotRun.Why::problem).contains("configure stopped (configure: error: libcheck not found)");
    assertThat(CannotRun.check(1, List.of("configure: error: libcheck not found"), root, root, "fix the configure check"))
        .as("the prompt asks for it").isEmpty();
    assertThat(CannotRun.check(2, List.of("checking for flex... no", "checking for lex... no", "checking for a sed ... /usr/bin/sed",
        "cc1: fatal error: ../../src/lexer.c: No such file or directory", "compilation terminated.",
        "make[1]: *** [Makefile:503: libconfuse_la-lexer.lo] Error 1"), root, root, "fix it")).hasValueSatisfying(why -> {
          assertThat(why.problem()).isEqualTo("flex is not installed (configure: checking for flex... no), so the C file it generates"
              + " is missing");
          assertThat(why.todo()).contains("apt-get install flex");
        });
    assertThat(CannotRun.check(2, List.of("checking for flex... flex", "cc1: fatal error: ../../src/lexer.c: No such file or directory"),
        root, root, "fix it")).map(CannotRun.Why::problem).as("flex there: the file is missing for another reason")
        .contains("../../src/lexer.c: No such file or directory");
    assertThat(CannotRun.check(2, List.of("FAIL: timer", "# FAIL:  3", "See test/test-suite.log"), root, root, "fix it"))
        .as("tests that ran and failed").isEmpty();
  }
}
