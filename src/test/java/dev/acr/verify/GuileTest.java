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
 * Guile projects tested with SRFI-64, as HiPhish/guile-msgpack, lloda/guile-ffi-cblas and igneus/lilygabc (Guile 3.0.8)
 * printed them (docs/real-repos.md, 2026-12-06, Guile): the test command found from the test files, their modules and a
 * makefile, SRFI-64's summaries read (it exits 0 when tests fail), failing tests named, and a Guile library or a shared
 * library that is not installed told from a failing test.
 */
class GuileTest {

  private static final String SUITE = "(use-modules (srfi srfi-64) (msgpack pack))\n\n(test-begin \"Boolean\")\n"
      + "(test-equal \"true\" #vu8(#xC3) (pack #t))\n(test-end \"Boolean\")\n";
  private static final String LOG_OFF = "-c \"(use-modules (srfi srfi-64)) (false-if-exception (unless (procedure? test-log-to-file)"
      + " (set! test-log-to-file #f))) (load \\\"";

  @TempDir Path root;

  @Test
  void aTestFileRunsInGuileWithTheModulesFoldersOnTheLoadPath() throws IOException {
    write(root, "mod/ffi/cblas.scm", ";; CBLAS\n(define-module (ffi cblas))\n");
    write(root, "mod/ffi/cblas/arrays.scm", "(define-module (ffi cblas arrays)\n  #:export (stride))\n");
    write(root, "test/common.scm", "(import (srfi srfi-1))\n(define (make-v type) type)\n");
    assertThat(VerifyDetector.detect(root, null)).as("no test file yet").isEmpty();
    write(root, "test/test-ffi-cblas.scm", "(import (ffi cblas) (srfi srfi-64))\n(include \"common.scm\")\n\n(test-begin \"ffi-cblas\")\n");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand("guile --no-auto-compile -L . -L mod " + LOG_OFF
        + "test/test-ffi-cblas.scm\\\")\"", "detected: test/test-ffi-cblas.scm (SRFI-64)"));
  }

  @Test
  void severalTestFilesEachRunInAGuileOfTheirOwn() throws IOException {
    write(root, "msgpack/pack.scm", "(define-module (msgpack pack))\n");
    write(root, "tests/pack.scm", SUITE);
    write(root, "tests/unpack/boolean.scm", SUITE.replace("pack)", "unpack)"));
    // A helper module whose macro wraps test-begin runs nothing by itself; a file of another test library is no SRFI-64 test.
    write(root, "tests/utility/test-cases.scm", "(define-module (tests utility test-cases))\n(use-modules (srfi srfi-64))\n"
        + "(define-syntax test-cases\n  (syntax-rules ()\n    ((_ title body ...)\n     (begin\n  (test-begin title) body ...))))\n");
    write(root, "tests/other.scm", "(use-modules (unit-test))\n(test-begin \"x\")\n");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand("s=0; for f in tests/pack.scm tests/unpack/boolean.scm;"
        + " do guile --no-auto-compile -L . " + LOG_OFF + "$f\\\")\" || s=1; done; exit $s", "detected: tests/ (2 test files) (SRFI-64)"));
  }

  @Test
  void aMakefileCheckTargetThatRunsGuileComesFirstAMakeTestTargetBeforeIt() throws IOException {
    write(root, "msgpack/pack.scm", "(define-module (msgpack pack))\n");
    write(root, "test/pack.scm", SUITE);
    write(root, "makefile", ".PHONY: check\ncheck: ./test\n\t@for f in test/*.scm; do guile -L . $$f; done\n");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand("make check", "detected: makefile (check), test/ (SRFI-64)"));
    write(root, "makefile", "check:\n\tshellcheck *.sh\n");
    assertThat(VerifyDetector.detect(root, null)).as("a check target that runs no guile: a linter's")
        .hasValueSatisfying(c -> assertThat(c.command()).startsWith("guile --no-auto-compile"));
    write(root, "makefile", "test-unit:\n\tls tests/unit/*_test.scm | GUILE_LOAD_PATH=. xargs -L1 guile\n\ntest: test-unit\n");
    assertThat(VerifyDetector.detect(root, null)).as("make's test target, found before any build tool")
        .contains(new VerifyCommand("make test", "detected: makefile"));
  }

  @Test
  void testFilesAtTheRootCountWhenNoTestFolderHasAny() throws IOException {
    write(root, "sum-of-multiples.scm", "(define (sum-of-multiples l n) 0)\n");
    write(root, "sum-of-multiples-test.scm", "(load \"sum-of-multiples.scm\")\n(use-modules (srfi srfi-64))\n(test-begin \"som\")\n");
    assertThat(VerifyDetector.detect(root, null)).hasValueSatisfying(c -> assertThat(c.command()).endsWith(
        "(load \\\"sum-of-multiples-test.scm\\\")\""));
  }

  /** Guile 3.0.8's SRFI-64 runner: only the counts above zero, after the outermost test-end; a suite of no test prints its start alone. */
  @Test
  void srfi64SummariesSayWhetherTestsRan() {
    assertThat(NoTests.in(List.of("%%%% Starting test ffi-cblas  (Writing full log to \"ffi-cblas.log\")", "# of expected passes      2104")))
        .isEmpty();
    assertThat(NoTests.in(List.of("%%%% Starting test ffi-cblas", "# of expected passes      2092", "# of unexpected failures  12")))
        .isEmpty();
    NoTests empty = new NoTests("make check");
    empty.accept("%%%% Starting test ffi-cblas");
    assertThat(empty.result(0)).contains("SRFI-64 counted no test (suite ffi-cblas)");
    assertThat(empty.result(1)).as("a file that died after its start: a failure").isEmpty();
    assertThat(NoTests.in(List.of("%%%% Starting test ffi-cblas", "# of skipped tests        2104"))).as("every test skipped")
        .contains("# of skipped tests 2104");
  }

  /**
   * A detected command over SRFI-64's own runner that starts no suite ran no test: a stand-in that turned guile-msgpack's
   * check recipe into {@code do :; done} was verified and applied before this. Not so for a command the user names, nor for
   * test files that install a runner of their own, which may print no such line.
   */
  @Test
  void aDetectedSrfi64CommandThatStartsNoSuiteRanNoTest() throws IOException {
    NoTests silent = new NoTests("make check", "detected: makefile (check), test/ (SRFI-64)");
    silent.accept("make: Nothing to be done for 'check'.");
    assertThat(silent.result(0)).contains("no SRFI-64 suite started (no %%%% Starting test line)");
    assertThat(silent.result(2)).isEmpty();
    assertThat(new NoTests("make check", "--verify").result(0)).isEmpty();
    write(root, "tests/calc.scm", "(use-modules (srfi srfi-64))\n(test-begin \"calc\")\n(test-end \"calc\")\n");
    assertThat(VerifyDetector.detect(root, null)).map(VerifyCommand::source).contains("detected: tests/calc.scm (SRFI-64)");
    write(root, "tests/runner.scm", "(define-module (tests runner))\n(test-runner-factory (lambda () (tap-runner)))\n");
    assertThat(VerifyDetector.detect(root, null)).map(VerifyCommand::source).contains("detected: tests/calc.scm (SRFI-64, own runner)");
    assertThat(new NoTests("make check", "detected: tests/calc.scm (SRFI-64, own runner)").result(0)).isEmpty();
  }

  /** guile-msgpack's make check with my bug: SRFI-64 reports the failure and the loop exits 0. */
  @Test
  void aSrfi64FailureFailsTheRunThoughItExitsZero() throws Exception {
    Verifier verifier = new Verifier();
    VerifyResult r = verifier.run(new VerifyCommand("echo '%%%% Starting test Boolean  (Writing full log to \"Boolean.log\")';"
        + " echo 'test/pack/utility/test-cases.scm:75: FAIL'; echo '# of expected passes      1';"
        + " echo '# of unexpected failures  1'", "--verify"), root, Duration.ofSeconds(30), Map.of(), root.resolve("logs/verify.log"));
    assertThat(r.passed()).isFalse();
    assertThat(r.exitCode()).isZero();
    assertThat(r.tail()).endsWith("(# of unexpected failures 1): counted as failing");
    r = verifier.run(new VerifyCommand("echo '# of expected failures    12'; echo '# of unexpected successes 2092'", "--verify"), root,
        Duration.ofSeconds(30), Map.of(), root.resolve("logs/verify.log"));
    assertThat(r.passed()).as("every test marked to fail: the ones that pass are unexpected").isFalse();
    r = verifier.run(new VerifyCommand("echo '%%%% Starting test Boolean'; echo '# of expected passes      2'", "--verify"), root,
        Duration.ofSeconds(30), Map.of(), root.resolve("logs/verify.log"));
    assertThat(r.passed()).isTrue();
  }

  @Test
  void failingTestsAreNamedByTheirNameElseTheirFile() {
    FailingTests failing = new FailingTests(root);
    for (String line : List.of("%%%% Starting test arith", root + "/tests/arith.scm:4: FAIL subtracts", "tests/arith.scm:5: FAIL",
        "tests/arith.scm:9: FAIL", "test/pack/utility/test-cases.scm:75: XPASS", "# of unexpected failures  3")) {
      failing.accept(line);
    }
    assertThat(failing.names()).containsExactly("subtracts", "tests/arith.scm", "test/pack/utility/test-cases.scm");
  }

  @Test
  void aGuileLibraryThatIsNotInstalledStopsTheRunAModuleOfTheProjectDoesNot() throws IOException {
    write(root, "msgpack/pack.scm", "(define-module (msgpack pack))\n");
    List<String> output = List.of("ice-9/boot-9.scm:3330:6: In procedure resolve-interface:", "no code for module (json)");
    Optional<CannotRun.Why> why = CannotRun.check(1, output, root, root, "fix the failing test");
    assertThat(why).map(CannotRun.Why::problem).contains("the Guile module (json) is not installed (guile: no code for module (json))");
    assertThat(why).map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("apt-get install guile-json"));
    assertThat(CannotRun.check(1, List.of("no code for module (acr no such)"), root, root, "fix it")).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).contains("GUILE_LOAD_PATH"));
    assertThat(CannotRun.check(1, List.of("no code for module (msgpack pack)"), root, root, "fix it"))
        .as("the project's own module: its load path or its code is the agent's to fix").isEmpty();
    assertThat(CannotRun.check(1, output, root, root, "read the config with json")).as("asked for").isEmpty();
  }

  /** igneus/lilygabc's make test on Debian 12's Guile 3.0.8: its structure tests call spawn, which Guile 3.0.9 added. */
  @Test
  void aProcedureOfALaterGuileStopsTheRunOneOfTheProjectDoesNot() throws IOException {
    write(root, "tests/lily_structures/process.scm", "(define (process-file f)\n  (spawn \"lilypond\" (list \"lilypond\" f)))\n");
    List<String> output = List.of("tests/lily_structures/process.scm:16:13: In procedure process-file:", "Unbound variable: spawn",
        "make: *** [Makefile:24: test-structures] Error 1");
    assertThat(CannotRun.check(2, output, root, root, "fix the failing test")).map(CannotRun.Why::problem).contains("the installed"
        + " Guile is older than the project needs: spawn, which the code calls, came with Guile 3.0.9 (guile: Unbound variable: spawn)");
    assertThat(CannotRun.check(1, List.of("Unbound variable: expand-special-chars"), root, root, "fix it"))
        .as("any other name: a definition the agent may have to restore").isEmpty();
    write(root, "lilygabc/util.scm", "(define* (spawn program args)\n  (system* program))\n");
    assertThat(CannotRun.check(2, output, root, root, "fix the failing test")).as("the project's own spawn").isEmpty();
  }

  /** lloda/guile-ffi-cblas without a libcblas.so (Debian's libblas-dev has libblas.so, which the project takes by its own variable). */
  @Test
  void aSharedLibraryTheFfiOpensStopsTheRun() {
    List<String> output = List.of("ERROR: In procedure dlopen:", "In procedure dlopen: file \"libcblas.so\", message \"libcblas.so: cannot"
        + " open shared object file: No such file or directory\"");
    assertThat(CannotRun.check(1, output, root, root, "fix the failing test")).map(CannotRun.Why::problem)
        .contains("the shared library libcblas.so that the code opens through Guile's FFI (dynamic-link) is not installed");
    assertThat(CannotRun.check(127, List.of("sh: 1: guile: not found"), root, root, "fix the failing test")).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).contains("Debian's guile-3.0"));
  }
}
