package dev.acr.verify;

import static dev.acr.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Meson, as benhoyt/inih and pkgconf/pkgconf (meson 1.0.1, ninja 1.11.1) printed it
 * (docs/real-repos.md, 2026-12-06, Meson): the command found from a meson.build that defines
 * tests, meson test's failing tests and its runs of none, and a setup that cannot configure.
 */
class MesonTest {

  @TempDir Path root;

  private static final String INIH = "project('inih',\n    ['c'],\n    license : 'BSD-3-Clause',\n    version : '62',\n"
      + "    default_options : ['cpp_std=c++11'],\n)\nif get_option('tests')\n    subdir('tests')\nendif\n";

  @Test
  void aProjectWhoseSubdirDefinesTestsRunsMesonTest() throws IOException {
    write(root, "meson.build", INIH);
    write(root, "ini.c", "int ini_parse(void) { return 0; }\n");
    assertThat(VerifyDetector.detect(root, null)).as("no test() anywhere yet").isEmpty();
    write(root, "tests/meson.build", "foreach name, properties : tests\n"
        + "  test('test_' + name, runtest, depends : [exe], args : [files('baseline_' + name + '.txt'), exe.full_path()])\nendforeach\n");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand(
        "if [ -d builddir/meson-private ]; then meson setup --reconfigure builddir; else meson setup builddir; fi"
            + " && meson test -C builddir --print-errorlogs", "detected: meson.build (test())"));
    assertThat(PackageFolder.nearest(root, root.resolve("tests"))).as("tests/meson.build starts no project")
        .isEqualTo(new PackageFolder(root, "meson.build"));
  }

  @Test
  void testsOnlyInACommentASubprojectOrABuildFolderAreNotTheProjects() throws IOException {
    write(root, "meson.build", "project('x', 'c')\n# test('later', exe)\nbenchmark('speed', exe)\nr = cc.run('int main(){}')\n");
    write(root, "subprojects/munit/meson.build", "project('munit', 'c')\ntest('munit example test', munit_example)\n");
    write(root, "builddir/meson-private/coredata.dat", "");
    write(root, "builddir/meson.build", "test('copied', exe)\n");
    write(root, ".git/meson.build", "test('hidden', exe)\n");
    assertThat(MesonBuild.definesTests(root)).isFalse();
    assertThat(VerifyDetector.detect(root, null)).isEmpty();
    write(root, "meson.build", "project('x', 'c')\nt = executable('t', 't.c')\ntest ('t', t)\n");
    assertThat(MesonBuild.definesTests(root)).isTrue();
  }

  /** fortran-lang/test-drive keeps CMake with CTest and a meson.build; nemequ/munit a Makefile with a test target. */
  @Test
  void cmakeWithTestingAndAMakefilesTestTargetComeFirst() throws IOException {
    write(root, "meson.build", "project('test-drive', 'fortran')\ntest('all', exe)\n");
    write(root, "CMakeLists.txt", "project(\"test-drive\" LANGUAGES Fortran)\ninclude(CTest)\n");
    assertThat(VerifyDetector.detect(root, null)).map(VerifyCommand::source).contains("detected: CMakeLists.txt (enable_testing)");
    write(root, "CMakeLists.txt", "project(\"test-drive\" LANGUAGES Fortran)\n");
    write(root, "fpm.toml", "name = \"test-drive\"\n");
    assertThat(VerifyDetector.detect(root, null)).as("Meson before fpm: nothing to download")
        .map(VerifyCommand::source).contains("detected: meson.build (test())");
    write(root, "Makefile", "test:\n\t./example\n");
    assertThat(VerifyDetector.detect(root, null)).map(VerifyCommand::command).contains("make test");
  }

  @Test
  void projectNamesItsLanguages() throws IOException {
    write(root, "meson.build", INIH);
    assertThat(MesonBuild.languages(root)).containsExactly("c");
    write(root, "meson.build", "project(\n  'x', 'vala', 'c', 'cpp',\n  version: '1.0',\n)\n");
    assertThat(MesonBuild.languages(root)).containsExactly("vala", "c", "cpp");
    write(root, "meson.build", "project('x')\n");
    assertThat(MesonBuild.languages(root)).isEmpty();
  }

  @Test
  void failingTestsAreNamedOnceEach() {
    FailingTests failing = new FailingTests(root);
    for (String line : List.of("[32/32] Linking target examples/unittest_INIReaderExample",
        " 1/16 test_multi                       FAIL            0.01s   exit status 1",
        ">>> MALLOC_PERTURB_=125 /x/tests/runtest.sh /x/build/../tests/baseline_multi.txt /x/build/tests/unittest_multi",
        "< ... funny4=two : colons;",
        " 7/16 test_string                      OK              0.01s",
        "10/16 test_heap_realloc                FAIL            0.01s   exit status 1",
        " 1/1 munit example test        FAIL           0.02s   exit status 1",
        " 2/3 inih:unit / slow          TIMEOUT        30.01s   killed by signal 15 SIGTERM",
        " 3/3 crash                     ERROR           0.00s   exit status 99",
        " 1/2 skipped                   SKIP            0.00s   exit status 77",
        "Summary of Failures:",
        " 1/16 test_multi                       FAIL            0.01s   exit status 1",
        "Fail:               12  ")) {
      failing.accept(line);
    }
    assertThat(failing.names()).containsExactly("test_multi", "test_heap_realloc", "munit example test", "inih:unit / slow", "crash");
  }

  @Test
  void noTestsDefinedOrAllSkippedRanNone() {
    assertThat(NoTests.in(List.of("ninja: no work to do.", "No tests defined."))).contains("No tests defined.");
    assertThat(NoTests.in(List.of(" 1/1 t  SKIP  0.00s   exit status 77", "", "Ok:                 0   ", "Expected Fail:      0   ",
        "Fail:               0   ", "Unexpected Pass:    0   ", "Skipped:            1   ", "Timeout:            0   ")))
        .contains("meson test: Ok: 0");
    assertThat(NoTests.in(List.of("Ok:                 0   ", "Expected Fail:      0   ", "Fail:               16  "))).isEmpty();
    assertThat(NoTests.in(List.of("Ok:                 32  ", "Fail:               0   "))).isEmpty();
  }

  @Test
  void whatMesonCannotFindStopsTheRun() {
    assertThat(CannotRun.check(127, List.of("sh: 1: meson: not found"), root, root, "fix the failing test"))
        .map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("apt-get install meson ninja-build"));
    assertThat(CannotRun.check(1, List.of("ERROR: Could not detect Ninja v1.8.2 or newer"), root, root, "fix it"))
        .map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("apt-get install ninja-build"));
    assertThat(CannotRun.check(1, List.of("Run-time dependency glib-2.0 found: NO (tried pkgconfig and cmake)", "",
        "meson.build:2:0: ERROR: Dependency \"glib-2.0\" not found, tried pkgconfig and cmake"), root, root, "fix it"))
        .map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("apt-get install libglib2.0-dev"));
    assertThat(CannotRun.check(1, List.of("meson.build:4:0: ERROR: Dependency \"libfoo-1\" not found, tried pkgconfig"), root, root,
        "fix it")).map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("apt-file search /libfoo-1.pc"));
    assertThat(CannotRun.check(1, List.of("meson.build:1:0: ERROR: Meson version is 1.0.1 but project requires >=1.3"), root, root,
        "fix it")).map(CannotRun.Why::problem).contains("Meson 1.0.1 is older than the project asks for (>=1.3)");
    assertThat(CannotRun.check(1, List.of("meson.build:1:0: ERROR: Could not execute Vala compiler: valac"), root, root, "fix it"))
        .map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("apt-get install valac"));
    assertThat(CannotRun.check(1, List.of("meson.build:2:0: ERROR: Program 'xsltproc' not found or not executable"), root, root,
        "fix it")).isPresent();
    assertThat(CannotRun.check(1, List.of("meson.build:2:0: ERROR: Dependency \"glib-2.0\" not found"), root, root,
        "port the library to glib-2.0")).as("the prompt asks for it").isEmpty();
    assertThat(CannotRun.check(12, List.of(" 1/16 test_multi   FAIL   0.01s   exit status 1", "Fail:               12  "), root, root,
        "fix it")).as("tests that ran and failed").isEmpty();
  }
}
