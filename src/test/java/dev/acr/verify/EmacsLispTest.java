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
 * Emacs Lisp packages tested with ERT, as Wilfred/ht.el (Cask, test/test-helper.el requiring f, test/ht-test.el) and
 * magnars/s.el (run-tests.sh loading dev/examples.el) showed them with Debian's Emacs 28 (docs/real-repos-2026-12-06.md,
 * sweep4): both got "verify none found" or a shell's language before.
 */
class EmacsLispTest {

  @TempDir Path root;

  @Test
  void ertTestFilesLoadAfterTheirHelper() throws IOException {
    write(root, "ht.el", ";;; ht.el --- hash tables\n(provide 'ht)\n");
    assertThat(VerifyDetector.detect(root, null)).isEmpty();
    write(root, "test/test-helper.el", "(require 'f)\n");
    write(root, "test/ht-test.el", "(require 'ht)\n\n(ert-deftest ht-test-get ()\n  (should (ht-get (ht) 1 t)))\n");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand("emacs --batch -L . -L test -l test/test-helper.el"
        + " -l test/ht-test.el -f ert-run-tests-batch-and-exit", "detected: test/*.el (ERT)"));
    write(root, "Makefile", "test:\n\tcask exec ert-runner\n");
    assertThat(VerifyDetector.detect(root, null)).as("the project's own target first").map(VerifyCommand::command).contains("make test");
  }

  @Test
  void rootTestFilesElseTheProjectsErtScript() throws IOException {
    write(root, "s.el", ";;; s.el --- strings\n(ert-deftest not-a-test-file () t)\n");
    write(root, "run-tests.sh", "#!/usr/bin/env bash\n$EMACS -batch -l dev/ert.el -l s.el -l dev/examples.el -f ert-run-tests-batch-and-exit\n");
    assertThat(VerifyDetector.detect(root, null)).as("s.el is no test file by its name; its script runs ERT")
        .contains(new VerifyCommand("sh run-tests.sh", "detected: run-tests.sh (ERT)"));
    write(root, "s-test.el", "(ert-deftest s-trim () (should (equal (s-trim \" a \") \"a\")))\n");
    assertThat(VerifyDetector.detect(root, null)).map(VerifyCommand::command)
        .contains("emacs --batch -L . -l s-test.el -f ert-run-tests-batch-and-exit");
  }

  @Test
  void aDeclaredPackageNotInstalledStopsTheRun() throws IOException {
    write(root, "ht.el", ";; Package-Requires: ((dash \"2.12.0\") (emacs \"24\"))\n(provide 'ht)\n");
    String cask = "Debugger entered--Lisp error: (file-missing \"Cannot open load file\" \"No such file or directory\" \"f\")";
    assertThat(CannotRun.check(255, List.of("Loading test-helper.el...", cask), root, root, "fix the failing ht-get test"))
        .as("f is nobody's dependency yet").isEmpty();
    write(root, "Cask", "(source gnu)\n(package-file \"ht.el\")\n(development\n (depends-on \"f\")\n (depends-on \"ert-runner\"))\n");
    assertThat(CannotRun.check(255, List.of(cask), root, root, "fix the failing ht-get test")).map(CannotRun.Why::problem)
        .contains("the Emacs package f that the project depends on is not installed");
    assertThat(CannotRun.check(255, List.of("Cannot open load file: No such file or directory, dash"), root, root, "fix it"))
        .as("Package-Requires").isPresent();
    assertThat(CannotRun.check(255, List.of("Cannot open load file: No such file or directory, ht-extras"), root, root, "fix it"))
        .as("its own, not declared").isEmpty();
    assertThat(CannotRun.check(255, List.of(cask), root, root, "install f and fix the ht-get test")).as("the prompt names f").isEmpty();
  }

  /** ERT's lines name the failing tests, and a change that deletes one's {@code ert-deftest} turns it off. */
  @Test
  void ertNamesItsFailuresAndADeletedErtDeftestTurnsOneOff() throws IOException {
    FailingTests f = new FailingTests();
    for (String l : List.of("Test ht-test-get condition:", "   FAILED  12/42  ht-test-get", "Ran 42 tests, 41 results as expected,"
        + " 1 unexpected (2026-12-06 20:28:05+0000, 0.02 sec)", "", "1 unexpected results:", "   FAILED  ht-test-get",
        "   FAILED  ht-test-set (0.000120 sec) at test/ht-test.el:13")) {
      f.accept(l);
    }
    assertThat(f.names()).containsExactly("ht-test-get", "ht-test-set");
    Path patch = root.resolve("changes.patch");
    Files.writeString(patch, "diff --git a/test/ht-test.el b/test/ht-test.el\n--- a/test/ht-test.el\n+++ b/test/ht-test.el\n"
        + "@@ -18,8 +18,4 @@\n (ert-deftest ht-test-create ()\n   (should (ht-p (ht-create))))\n \n-(ert-deftest ht-test-get ()\n"
        + "-  (let ((h (ht (1 2))))\n-    (should (equal (ht-get h 1) 2))))\n-\n (ert-deftest ht-test-get-default ()\n");
    assertThat(DisabledTests.find(patch, "fix the failing ht-get test", List.of("ht-test-get"))).isPresent();
  }

  /** bbatsov/projectile: buttercup specs in test/, run through Eldev (not in Debian); "verify none found" before. */
  @Test
  void buttercupSpecsRunThroughItsDiscovery() throws IOException {
    write(root, "projectile.el", ";;; projectile.el --- Manage and navigate projects\n(provide 'projectile)\n");
    write(root, "Eldev", "(eldev-add-loading-roots 'test \"test\")\n");
    write(root, "test/projectile-test-helpers.el", "(provide 'projectile-test-helpers)\n");
    assertThat(VerifyDetector.detect(root, null)).isEmpty();
    write(root, "test/projectile-core-test.el", "(require 'projectile-test-helpers)\n\n(describe \"projectile-expand-root\"\n"
        + "  (it \"expands a name\" (expect (projectile-expand-root \"a\") :to-equal \"/p/a\")))\n");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand(
        "emacs --batch -L . -L test -l buttercup -f buttercup-run-discover test", "detected: test/*.el (buttercup)"));
  }

  /** Buttercup's summary names each failed spec on the line after a rule of 40 '=', and "Ran 0 specs" ran none. */
  @Test
  void buttercupNamesItsFailedSpecsAndCountsThem() {
    List<String> out = List.of("projectile--impl-to-test-dir", "  replaces occurrences of src-dir with test-dir  FAILED (0.1ms)",
        "========================================", "\u001b[31mprojectile--impl-to-test-dir replaces occurrences of src-dir with test-dir\u001b[0m",
        "Traceback (most recent call last):", "\u001b[31mFAILED\u001b[0m: Expected `(projectile--impl-to-test-dir \"/foo/src/Foo\")' to be `equal'",
        "========================================", "\u001b[31mFile failed to load completely:  test/projectile-worktree-test.el\u001b[0m",
        "", "Ran 1446 out of 1471 specs, \u001b[31m2 failed\u001b[0m, in 42.16s.", "buttercup-run failed: \"\"");
    FailingTests names = new FailingTests();
    out.forEach(names::accept);
    assertThat(names.names()).containsExactly("projectile--impl-to-test-dir replaces occurrences of src-dir with test-dir",
        "test/projectile-worktree-test.el");
    assertThat(NoTests.in(out)).isEmpty();
    assertThat(NoTests.in(List.of("Ran 0 specs, 0 failed, in 0.0ms."))).contains("Ran 0 specs, 0 failed, in 0.0ms.");
  }
}
