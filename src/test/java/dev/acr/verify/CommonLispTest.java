package dev.acr.verify;

import static dev.acr.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Common Lisp projects tested through ASDF's test-op, as sharplispers/split-sequence (FiveAM) and tokenrove/anaphora (RT)
 * printed them under Debian 12's SBCL 2.2.9 (docs/real-repos.md, 2026-12-06, Common Lisp): the command found from the .asd
 * files, FiveAM's and RT's summaries read (split-sequence's test-op exits 0 when tests fail), failing tests named, and a
 * library that is not installed told from a system of the project's own.
 */
class CommonLispTest {

  private static final String REGISTRY = "sbcl --noinform --non-interactive --eval '(require :asdf)' --eval"
      + " '(asdf:initialize-source-registry (list :source-registry (list :tree (uiop:getcwd)) :inherit-configuration))'";
  private static final String SPLIT_SEQUENCE = "(defsystem :split-sequence\n  :components ((:file \"list\"))\n"
      + "  :in-order-to ((test-op (test-op :split-sequence/tests))))\n\n(defsystem :split-sequence/tests\n"
      + "  :depends-on (:split-sequence :fiveam)\n  :components ((:file \"tests\"))\n"
      + "  :perform (test-op (o c) (symbol-call :5am :run! :split-sequence)))\n";

  @TempDir Path root;

  @Test
  void anAsdFileWithATestOpRunsAsdfTestSystemOnItsSystem() throws IOException {
    write(root, "split-sequence.asd", SPLIT_SEQUENCE.replace("test-op", "load-op"));
    assertThat(VerifyDetector.detect(root, null)).as("no test-op").isEmpty();
    write(root, "split-sequence.asd", SPLIT_SEQUENCE);
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand(REGISTRY + " --eval '(asdf:test-system \"split-sequence\""
        + " :force (list \"split-sequence\" \"split-sequence/tests\"))'", "detected: split-sequence.asd (test-op, FiveAM summary read)"));
  }

  /** A test system of its own file (foo-test.asd) beside the library's: the library's system is tested, which delegates to it. */
  @Test
  void theLibrarysSystemComesBeforeItsTestSystemsFile() throws IOException {
    write(root, "anaphora-test.asd", "(asdf:defsystem \"anaphora-test\"\n  :depends-on (\"anaphora\" \"rt\")\n"
        + "  :perform (test-op (o c) (or (symbol-call :rt '#:do-tests) (error \"test-op failed\"))))\n");
    write(root, "anaphora.asd", "(defsystem #:anaphora\n  :in-order-to ((test-op (test-op \"anaphora-test\"))))\n");
    assertThat(VerifyDetector.detect(root, null)).hasValueSatisfying(c -> {
      assertThat(c.command()).endsWith("(asdf:test-system \"anaphora\" :force (list \"anaphora\" \"anaphora-test\"))'");
      assertThat(c.source()).isEqualTo("detected: anaphora.asd (test-op, RT summary read)");
    });
    write(root, "anaphora.asd", "(defsystem \"other-name\")\n");
    assertThat(VerifyDetector.detect(root, null)).as("a file whose system has another name: its test system's file")
        .hasValueSatisfying(c -> assertThat(c.command()).contains("(asdf:test-system \"anaphora-test\""));
  }

  /** A library's system without test-op beside its test system's perform (run by hand as (asdf:test-system :calc/tests)). */
  @Test
  void theSystemWhoseDefinitionHoldsTheTestOpIsTested() {
    assertThat(CommonLispTests.testedSystem("(defsystem \"calc\"\n  :components ((:file \"calc\")))\n\n(defsystem \"calc/tests\"\n"
        + "  :depends-on (\"calc\" \"fiveam\")\n  :perform (test-op (o c) (symbol-call :fiveam :run! :calc)))\n", "calc"))
        .isEqualTo("calc/tests");
    assertThat(CommonLispTests.testedSystem("(defsystem :anaphora)\n(defsystem :anaphora/test :depends-on (:anaphora :rt))\n"
        + "(defmethod perform ((o test-op) (c (eql (find-system :anaphora))))\n  (test-system :anaphora/test))\n", "anaphora"))
        .as("a perform method for the library's system").isEqualTo("anaphora");
    assertThat(CommonLispTests.testedSystem("(defsystem \"calc\")\n", "calc")).isNull();
  }

  @Test
  void aMakefileTestTargetComesFirst() throws IOException {
    write(root, "split-sequence.asd", SPLIT_SEQUENCE);
    write(root, "Makefile", "test:\n\tsbcl --script run-tests.lisp\n");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand("make test", "detected: Makefile"));
  }

  /** FiveAM's run! and RT's do-tests, as SBCL printed them: a count of none, or no summary at all from a detected command. */
  @Test
  void fiveAmAndRtSummariesSayWhetherTestsRan() {
    assertThat(NoTests.in(List.of("Running test suite SPLIT-SEQUENCE", " Did 141 checks.", "    Pass: 141 (100%)"))).isEmpty();
    assertThat(NoTests.in(List.of("Running test suite SPLIT-SEQUENCE", " Didn't run anything...huh?")))
        .contains("Didn't run anything...huh?");
    assertThat(NoTests.in(List.of(" Did 2 checks.", "    Pass: 0 ( 0%)", "    Skip: 2 (100%)", "    Fail: 0 ( 0%)")))
        .as("every check skipped").contains("Skip: 2 (100%)");
    assertThat(NoTests.in(List.of(" Did 3 checks.", "    Pass: 0 ( 0%)", "    Skip: 2 (66%)", "    Fail: 1 (33%)"))).isEmpty();
    assertThat(NoTests.in(List.of("Doing 59 pending tests of 59 tests total.", "No tests failed."))).isEmpty();
    assertThat(NoTests.in(List.of("Doing 0 pending tests of 0 tests total.", "No tests failed.")))
        .contains("Doing 0 pending tests of 0 tests total.");
    NoTests silent = new NoTests("sbcl ...", "detected: split-sequence.asd (test-op, FiveAM summary read)");
    silent.accept("; compilation finished in 0:00:00.124");
    assertThat(silent.result(0)).contains("ASDF's test-op printed no FiveAM or RT summary: no test ran");
    assertThat(silent.result(1)).as("a file that did not load: a failure").isEmpty();
    assertThat(new NoTests("sbcl ...", "detected: foo.asd (test-op)").result(0)).as("a framework acr does not read").isEmpty();
  }

  /** split-sequence's test-op ignores what run! returns, so sbcl exits 0 with failures; an RT test-op told not to signal likewise. */
  @Test
  void aFiveAmOrRtFailureFailsTheRunThoughItExitsZero() throws Exception {
    Verifier verifier = new Verifier();
    VerifyResult r = verifier.run(new VerifyCommand("echo ' Did 141 checks.'; echo '    Pass: 132 (93%)'; echo '    Skip: 0 ( 0%)';"
        + " echo '    Fail: 9 ( 6%)'", "--verify"), root, Duration.ofSeconds(30), Map.of(), root.resolve("logs/verify.log"));
    assertThat(r.passed()).isFalse();
    assertThat(r.exitCode()).isZero();
    assertThat(r.tail()).endsWith("(FiveAM: Fail: 9 ( 6%)): counted as failing");
    r = verifier.run(new VerifyCommand("echo 'Doing 59 pending tests of 59 tests total.'; echo '2 out of 59 total tests failed:"
        + " ANAPHORA-TEST::ASIF.1, ANAPHORA-TEST::ASIF.2.'", "--verify"), root, Duration.ofSeconds(30), Map.of(),
        root.resolve("logs/verify.log"));
    assertThat(r.passed()).isFalse();
    assertThat(r.tail()).endsWith("(2 out of 59 total tests failed): counted as failing");
    r = verifier.run(new VerifyCommand("echo ' Did 141 checks.'; echo '    Pass: 141 (100%)'; echo '    Fail: 0 ( 0%)'", "--verify"), root,
        Duration.ofSeconds(30), Map.of(), root.resolve("logs/verify.log"));
    assertThat(r.passed()).isTrue();
  }

  @Test
  void failingTestsAreNamed() {
    FailingTests failing = new FailingTests(root);
    for (String line : List.of(" Failure Details:", " --------------------------------", " SPLIT-SEQUENCE.FUZZ in SPLIT-SEQUENCE []: ",
        "  (SPLIT-SEQUENCE 0 (COERCE #(3 1 1 3 1 1 3 3 0 2 0 0 3 0 0 1 1 3 1 1 0 3 2 3 3",
        "                              0) 'LIST)", " Skip Details:", " ADDS []: ", "     later", "Test ANAPHORA-TEST::ASIF.1 failed",
        "Form: (LET ((ANAPHORA-TEST::X (LIST 0)))")) {
      failing.accept(line);
    }
    assertThat(failing.names()).containsExactly("SPLIT-SEQUENCE.FUZZ", "ANAPHORA-TEST::ASIF.1");
  }

  @Test
  void aLibraryThatIsNotInstalledStopsTheRunASystemOfTheProjectDoesNot() throws IOException {
    write(root, "split-sequence.asd", SPLIT_SEQUENCE);
    List<String> output = List.of("Unhandled ASDF/FIND-COMPONENT:MISSING-DEPENDENCY in thread #<SB-THREAD:THREAD \"main thread\" RUNNING",
        "  Component :FIVEAM not found, required by #<SYSTEM \"split-sequence/tests\">");
    Optional<CannotRun.Why> why = CannotRun.check(1, output, root, root, "fix the failing test");
    assertThat(why).map(CannotRun.Why::problem).contains("the Common Lisp system fiveam that the project depends on is not installed"
        + " (ASDF: Component :FIVEAM not found)");
    assertThat(why).map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("apt-get install cl-fiveam"));
    assertThat(CannotRun.check(1, List.of("Component \"parachute\" not found, required by #<SYSTEM \"x\">"), root, root, "fix it"))
        .map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("apt-cache search cl-parachute", "ql:quickload"));
    assertThat(CannotRun.check(1, List.of("Component :NET.DIDIERVERNA.ASDF-FLV not found, required by #<SYSTEM \"fiveam\">"), root, root,
        "fix it")).map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("apt-get install cl-asdf-flv"));
    assertThat(CannotRun.check(1, List.of("Component :SPLIT-SEQUENCE/TESTS not found, required by #<SYSTEM \"split-sequence\">"),
        root, root, "fix it")).as("the project's own system: the agent's to fix").isEmpty();
    assertThat(CannotRun.check(127, List.of("sh: 1: sbcl: not found"), root, root, "fix the failing test")).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).contains("Debian's sbcl"));
  }
}
