package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CHICKEN 5's eggs, as Zipheir/srfi-141 is laid out (docs/real-repos-2026-12-06.md, sixth session): {@code srfi-141.egg}
 * naming the {@code test} egg among its test-dependencies, and {@code tests/run.scm}. The lines are CHICKEN 5.3's csi and
 * chicken-install's, on srfi-141 without the test egg installed.
 */
class ChickenEggsTest {
  @TempDir Path root;

  private void write(String file, String text) throws IOException {
    Files.createDirectories(root.resolve(file).getParent());
    Files.writeString(root.resolve(file), text);
  }

  @Test
  void anEggWithTestsIsBuiltInACopyAndItsTestsRunWithCsi() throws IOException {
    write("srfi-141.scm", "(module (srfi 141) ())\n");
    write("srfi-141.egg", "((synopsis \"SRFI 141\")\n (test-dependencies test)\n (components (extension srfi-141)))\n");
    assertThat(VerifyDetector.detect(root, null)).as("before: no tests/run.scm, nothing to run").isEmpty();
    write("tests/run.scm", "(import test (srfi 141))\n(test 2 (floor-quotient 5 2))\n(test-exit)\n");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand(ChickenEggs.COMMAND, "detected: srfi-141.egg, tests/run.scm"));
    assertThat(ChickenEggs.COMMAND).startsWith(Autotools.IN_A_COPY + " && chicken-install -n && cd tests")
        .endsWith("csi -s run.scm");
    // CHICKEN 4's egg files do not build with CHICKEN 5 (caolan/chicken-toml's toml.setup and toml.meta).
    Files.delete(root.resolve("srfi-141.egg"));
    write("toml.setup", "(compile -O2 -d1 -s \"toml.scm\" -j \"toml\")\n");
    write("toml.meta", "((synopsis \"TOML\") (test-depends test medea))\n");
    assertThat(VerifyDetector.detect(root, null).map(VerifyCommand::command)).isNotEqualTo(java.util.Optional.of(ChickenEggs.COMMAND));
  }

  @Test
  void theEggsItDependsOnAreRead() throws IOException {
    write("x.egg", "; an egg\n((dependencies srfi-1 (srfi-13 \"0.2\"))\n (test-dependencies test (medea \"4\"))\n"
        + " (build-dependencies bind)\n (components (extension x)))\n");
    assertThat(ChickenEggs.dependencies(root)).containsExactly("srfi-1", "srfi-13", "test", "medea", "bind");
  }

  @Test
  void anEggItDependsOnMissingStopsTheRunAModuleOfItsOwnDoesNot() throws IOException {
    write("srfi-141.egg", "((test-dependencies test)\n (components (extension srfi-141)))\n");
    List<String> csi = List.of("Error: (import) during expansion of (import ...) - cannot import from undefined module: test", "",
        "\tCall history:", "", "\t<syntax>\t  (import (chicken condition) (srfi 141) test)\t<--");
    assertThat(CannotRun.check(70, csi, root, root, "fix the failing tests")).as("before: tests fail (exit 70), as expected")
        .map(CannotRun.Why::problem).contains("the egg test that srfi-141.egg depends on is not installed");
    assertThat(CannotRun.check(70, csi, root, root, "install the test egg and fix the tests")).isEmpty();
    List<String> fetch = List.of("fetching test", "TCP connect timeout", "Error: extension or version not found: \"test\"");
    assertThat(CannotRun.check(1, fetch, root, root, "fix it")).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).startsWith("install it (chicken-install test"));
    List<String> own = List.of("Error: (import) during expansion of (import ...) - cannot import from undefined module: srfi-141-impl");
    assertThat(CannotRun.check(70, own, root, root, "fix the failing tests")).as("the egg's own module: the agent's to mend").isEmpty();
    assertThat(CannotRun.check(127, List.of("sh: 1: chicken-install: not found"), root, root, "fix it")).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).contains("Debian's chicken-bin"));
  }
}
