package dev.acr.verify;

import static dev.acr.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fortran, as fortran-lang/test-drive (gfortran 12, CMake with CTest, an fpm.toml beside it)
 * printed it (docs/real-repos.md): the test command found from CMakeLists.txt or fpm.toml, and
 * test-drive's failing tests named.
 */
class FortranTest {

  @TempDir Path root;

  @Test
  void anFpmPackageRunsFpmTestAndCMakeWithTestingComesFirst() throws IOException {
    write(root, "fpm.toml", "name = \"test-drive\"\nversion = \"0.6.1\"\n");
    write(root, "src/testdrive.F90", "module testdrive\nend module testdrive\n");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand("fpm test", "detected: fpm.toml"));
    assertThat(PackageFolder.nearest(root, root.resolve("src"))).isEqualTo(new PackageFolder(root, "fpm.toml"));
    write(root, "CMakeLists.txt", "cmake_minimum_required(VERSION 3.14)\nproject(\"test-drive\" LANGUAGES Fortran)\n");
    assertThat(VerifyDetector.detect(root, null)).as("a CMake project without testing").map(VerifyCommand::command)
        .contains("fpm test");
    write(root, "CMakeLists.txt", "project(\"test-drive\" LANGUAGES Fortran)\ninclude(CTest)\nadd_subdirectory(\"test\")\n");
    assertThat(VerifyDetector.detect(root, null)).map(VerifyCommand::source).contains("detected: CMakeLists.txt (enable_testing)");
  }

  @Test
  void testDrivesFailingTestsAreNamed() {
    FailingTests failing = new FailingTests(root);
    for (String line : List.of("# Testing: check",
        "  Starting \u001b[0;34mrun-good-suite\u001b[0m \u001b[0;2m...\u001b[0m (3/6)",
        "       \u001b[0;2m...\u001b[0m \u001b[0;34mrun-good-suite\u001b[0m \u001b[0;1m[\u001b[0;1;31mFAILED\u001b[0;1m]\u001b[0m",
        "  Message: Integer value mismatch",
        "       ... always-fail [EXPECTED FAIL]",
        "       ... select-missing [PASSED]",
        "       ... int-i4 [FAILED]",
        "3 test(s) failed!")) {
      failing.accept(line);
    }
    assertThat(failing.names()).containsExactly("run-good-suite", "int-i4");
  }

  @Test
  void aMissingFpmSaysWhereToGetIt() {
    assertThat(CannotRun.check(127, List.of("sh: 1: fpm: not found"), root, root, "fix it"))
        .map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("pip install fpm"));
  }
}
