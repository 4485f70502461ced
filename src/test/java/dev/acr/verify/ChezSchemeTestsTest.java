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
 * Chez Scheme as nanopass/nanopass-framework-scheme has it (docs/real-repos-2026-12-06.md, sixteenth session): the
 * framework's libraries in nanopass/, test libraries in tests/, and the runner test-all.ss at the root, run with {@code
 * scheme --script test-all.ss}; the lines Chez Scheme 9.5 printed there.
 */
class ChezSchemeTestsTest {

  @TempDir Path root;

  @Test
  void theRunnerAtTheRootImportsTheTestLibraries() throws IOException {
    write(root, "nanopass/helpers.ss", "(library (nanopass helpers)\n  (export errorf)\n  (import (rnrs)))\n");
    write(root, "tests/alltests.ss", "(library (tests alltests)\n  (export main-tests)\n  (import (rnrs))\n"
        + "  (define main-tests '()))\n");
    write(root, "tests/unit-tests.ss", "(library (tests unit-tests)\n  (export run-unit-tests)\n  (import (rnrs))\n"
        + "  (test-suite unit-tests\n    (test parse-language #t)))\n");
    assertThat(VerifyDetector.detect(root, null)).as("libraries alone, tests/alltests.ss among them").isEmpty();
    write(root, "test-all.ss", "(import (rnrs) (tests unit-tests))\n\n(printf \"Running unit tests\\n\")\n"
        + "(exit (if (run-unit-tests) 0 1))\n");
    assertThat(VerifyDetector.detect(root, null)).contains(
        new VerifyCommand("scheme --script test-all.ss", "detected: test-all.ss (Chez Scheme, run by scheme)"));
  }

  /** An R6RS program in a test folder runs from the root, where Chez's library path finds the project's libraries. */
  @Test
  void aProgramInTheTestFolderRunsFromTheRoot() throws IOException {
    write(root, "json.sls", "(library (json)\n  (export parse)\n  (import (rnrs)))\n");
    write(root, "tests/run-tests.sps", "#!r6rs\n(import (rnrs) (json))\n(exit (equal? (parse \"1\") 1))\n");
    assertThat(ChezSchemeTests.detect(root)).contains(
        new VerifyCommand("scheme --program tests/run-tests.sps", "detected: tests/run-tests.sps (Chez Scheme, run by scheme)"));
  }

  /** Racket's old .ss files start with #lang, and a runner must import or load something: neither is a Chez program to run. */
  @Test
  void racketsFilesAndFilesThatLoadNothingAreNoRunner() throws IOException {
    write(root, "tests.ss", "#lang scheme\n(require rackunit)\n(import (rnrs))\n");
    assertThat(ChezSchemeTests.detect(root)).isEmpty();
    Files.delete(root.resolve("tests.ss"));
    write(root, "test.ss", "(define (f x) (+ x 1))\n(display (f 1))\n");
    assertThat(ChezSchemeTests.detect(root)).isEmpty();
    write(root, "test.ss", "(load \"lib.ss\")\n(display (f 1))\n");
    assertThat(ChezSchemeTests.detect(root)).as("a script that loads what it tests").contains(
        new VerifyCommand("scheme --script test.ss", "detected: test.ss (Chez Scheme, run by scheme)"));
  }

  /** Chez's expander reports what it cannot compile with its place; a condition raised at run time names none. */
  @Test
  void expansionErrorsAreTheBuildsRunTimeOnesAreNot() {
    assertThat(BuildErrors.first(List.of("Running unit tests",
        "Exception: attempt to reference unbound identifier iff at line 22, char 26 of nanopass/unparser.ss")))
        .contains("nanopass/unparser.ss:22: attempt to reference unbound identifier iff");
    assertThat(BuildErrors.first(List.of("Exception: library (nosuch lib) not found"))).contains("library (nosuch lib) not found");
    assertThat(BuildErrors.first(List.of("Exception in car: 1 is not a pair"))).isEmpty();
    assertThat(BuildErrors.first(List.of("    caught expection... Exception in parse-Lmaybe: invalid syntax #f"))).isEmpty();
  }

  /**
   * A stand-in on nanopass blanked the two failing (test ...) forms of tests/unit-tests.ss, and was verified: the test-suite
   * macro counts no test by a name acr reads, so only the patch can tell. Only a change to tests alone that adds none.
   */
  @Test
  void testsDeletedByAChangeToTestsAloneTurnTestsOffWhenTheyFailedBefore() throws IOException {
    String deleted = "diff --git a/tests/unit-tests.ss b/tests/unit-tests.ss\nindex 1..2 100644\n--- a/tests/unit-tests.ss\n"
        + "+++ b/tests/unit-tests.ss\n@@ -104,12 +104,12 @@\n                (primapp + (var x) (var y)))))))\n \n"
        + "-    (test unparse-language\n-      (assert-equal?\n-        `(quoted 5)\n-        (unparse-LUNPARSE (quoted 5) #t))\n"
        + "+\n+\n+\n+\n"
        + "-    (test parse-language\n-      (assert-equal? 1 1))\n+\n+\n     (test boolean-terminals\n";
    Path patch = patch(deleted);
    assertThat(DisabledTests.find(patch, "fix the failing unparse-language test", List.of(), true)).hasValueSatisfying(r -> assertThat(r)
        .startsWith("its change turns tests off instead of making them pass (2 tests deleted from tests/unit-tests.ss"
            + " ('(test unparse-language'), and nothing but tests changed)"));
    assertThat(DisabledTests.find(patch, "fix the failing unparse-language test", List.of(), false)).as("the tests passed before").isEmpty();
    assertThat(DisabledTests.find(patch, "remove the unparse tests", List.of(), true)).as("asked for").isEmpty();
    assertThat(DisabledTests.find(patch(deleted + "diff --git a/nanopass/unparser.ss b/nanopass/unparser.ss\nindex 1..2 100644\n"
        + "--- a/nanopass/unparser.ss\n+++ b/nanopass/unparser.ss\n@@ -22,1 +22,1 @@\n-  #`(if raw? (#,h ir) ir)\n"
        + "+  #`(if raw? ir (#,h ir))\n"), "fix the failing unparse-language test", List.of(), true)).as("the code changed too").isEmpty();
    assertThat(DisabledTests.find(patch(deleted.replace("+\n+\n     (test boolean", "+    (test parse-languages\n+\n     (test boolean")),
        "fix the failing unparse-language test", List.of(), true)).as("a test added, one moved or rewritten").isEmpty();
  }

  private Path patch(String text) throws IOException {
    Path p = root.resolve("changes.patch");
    Files.writeString(p, text);
    return p;
  }
}
