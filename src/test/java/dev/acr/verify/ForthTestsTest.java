package dev.acr.verify;

import static dev.acr.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forth as irdvo/ffl has it (docs/real-repos-2026-12-06.md, fifteenth session): the library in ffl/, a runner test/ffl_test.fs
 * that includes ffl/tst.fs and every module's test file and ends with bye, and the output gforth 0.7.3 printed there with a
 * bug in b64-encode's last mask (exit 0).
 */
class ForthTestsTest {

  @TempDir Path root;

  @Test
  void aRunnerInTheTestFolderIsRunFromThereWithTheRootOnGforthsPath() throws IOException {
    write(root, "ffl/b64.fs", "\\ b64 - base64\n: b64-encode ( c-addr u str -- ) ;\n");
    write(root, "test/b64_test.fs", "include ffl/b64.fs\ninclude ffl/tst.fs\nt{ s\" f\" b64-var b64-encode s\" Zg==\" ?str }t\n");
    assertThat(VerifyDetector.detect(root, null)).as("a test file, no runner").isEmpty();
    write(root, "test/crc_test.fs", "include ffl/crc.fs\n");
    write(root, "test/ffl_test.fs", "include ffl/tst.fs\n\ntst-reset-tests\n\ninclude b64_test.fs\ninclude crc_test.fs\n"
        + "include missing_test.fs\n.( Forth Foundation Library Test: ) tst-get-result .\nbye\n");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand("cd test && gforth -e 'fpath+ ..' ffl_test.fs",
        "detected: test/ffl_test.fs (Forth, loads 2 test files, run by gforth)"));
  }

  /** A runner at the root named as one, which loads the library: no bye of its own, so gforth is told to leave. */
  @Test
  void aRunnerAtTheRootNamedAsOne() throws IOException {
    write(root, "forth16.fth", ": foo 1+ ;\n");
    write(root, "test.fth", "include forth16.fth\n\n: assert= <> if .\" FAIL: \" source type cr abort then ;\n42 foo 43 assert=\n");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand("gforth test.fth -e bye",
        "detected: test.fth (Forth, run by gforth)"));
    write(root, "test.fth", ": only-words 1 ;\n");
    assertThat(VerifyDetector.detect(root, null)).as("loads nothing").isEmpty();
  }

  /** F#'s tests are .fs files too: an F# project's, or files that load none with Forth's words, are no Forth runner. */
  @Test
  void fsharpIsNotForth() throws IOException {
    String fsharp = "module Tests\n\nopen Xunit\n\n[<Fact>]\nlet ``adds`` () = Assert.Equal(2, 1 + 1)\n";
    write(root, "tests/Tests.fs", fsharp);
    write(root, "tests/a_test.fs", fsharp);
    write(root, "tests/b_test.fs", fsharp);
    write(root, "tests/runtests.fs", "module Run\nopen System\n// include a_test.fs\n");
    assertThat(ForthTests.detect(root)).isEmpty();
    write(root, "tests/runtests.fs", "include a_test.fs\ninclude b_test.fs\n");
    write(root, "App.fsproj", "<Project/>\n");
    assertThat(ForthTests.detect(root)).as("an F# project").isEmpty();
  }

  @Test
  void aTestLineIsOneCheck() {
    assertThat(ForthTests.check("test/b64_test.fs", "t{ s\" foo\"    b64-var b64-encode s\" Zm9v\" ?str }t")).isTrue();
    assertThat(ForthTests.check("test/core.fth", "T{ 1 2 + -> 3 }T")).isTrue();
    assertThat(ForthTests.check("test/core.fth", "T{ -> }T")).isTrue();
    assertThat(ForthTests.check("test/core.fr", "{ 1 2 + -> 3 }")).as("Hayes's first tester").isTrue();
    assertThat(ForthTests.check("tests/Tests.fs", "{ Name = \"a\"; F = fun x -> x }")).as("an F# record").isFalse();
    assertThat(ForthTests.check("test/b64_test.fs", "\\ t{ 1 -> 1 }t")).as("a comment").isFalse();
    assertThat(ForthTests.check("test/b64_test.fs", "str-create b64-var")).isFalse();
  }

  /** A stand-in on irdvo/ffl deleted the six failing tests from test/b64_test.fs, and was verified. */
  @Test
  void testsRemovedFromAForthTestFileTurnTestsOff() throws IOException {
    Path patch = patch("diff --git a/test/b64_test.fs b/test/b64_test.fs\nindex 1..2 100644\n--- a/test/b64_test.fs\n+++ b/test/b64_test.fs\n"
        + "@@ -41,6 +41,2 @@\n t{ s\" fo\"     b64-var b64-encode s\" Zm8=\" ?str }t\n \n-t{ s\" foo\"    b64-var b64-encode s\" Zm9v\" ?str }t\n"
        + "-\n-t{ s\" foob\"   b64-var b64-encode s\" Zm9vYg==\" ?str }t\n \n");
    assertThat(DisabledTests.find(patch, "fix the failing base64 test", List.of())).hasValueSatisfying(reason -> assertThat(reason)
        .startsWith("its change turns tests off instead of making them pass (2 checks removed from the test file test/b64_test.fs"
            + " ('t{ s\" foo\"    b64-var b64-encode s\" Zm9v\" ?str }t')"));
    Path corrected = patch("diff --git a/test/b64_test.fs b/test/b64_test.fs\nindex 1..2 100644\n--- a/test/b64_test.fs\n+++ b/test/b64_test.fs\n"
        + "@@ -43,1 +43,1 @@\n-t{ s\" foo\"    b64-var b64-encode s\" Zm9w\" ?str }t\n+t{ s\" foo\"    b64-var b64-encode s\" Zm9v\" ?str }t\n");
    assertThat(DisabledTests.find(corrected, "fix the failing base64 test", List.of())).as("an expected value corrected").isEmpty();
    Path upper = patch("diff --git a/TESTS/CORE.FR b/TESTS/CORE.FR\nindex 1..2 100644\n--- a/TESTS/CORE.FR\n+++ b/TESTS/CORE.FR\n"
        + "@@ -3,1 +3,0 @@\n-T{ 1 2 + -> 3 }T\n");
    assertThat(DisabledTests.find(upper, "fix it", List.of())).as("a test file in upper case").isPresent();
    Path library = patch("diff --git a/ffl/b64.fs b/ffl/b64.fs\nindex 1..2 100644\n--- a/ffl/b64.fs\n+++ b/ffl/b64.fs\n@@ -90,1 +90,0 @@\n"
        + "-t{ 1 -> 1 }t\n");
    assertThat(DisabledTests.find(library, "fix it", List.of())).as("not a test file").isEmpty();
  }

  /** gforth exits 0 at the runner's bye whatever the test words reported. */
  @Test
  void theTestWordsReportsFailAPassingExit() {
    assertThat(summary("Testing: b64", "stack contents mismatch: t{ s\" foo\"    b64-var b64-encode s\" Zm9v\" ?str }t",
        "  expecting Zm9v and found Zm9P", "Forth Foundation Library Test: 6 errors in 3645 tests took 2161 ms."))
        .contains("Forth Foundation Library Test: 6 errors in 3645 tests took 2161 ms.");
    assertThat(summary("Testing: b64", "stack contents mismatch: t{ s\" foo\"    b64-var b64-encode s\" Zm9v\" ?str }t"))
        .contains("stack contents mismatch: t{ s\" foo\" b64-var b64-encode s\" Zm9v\" ?str }t");
    assertThat(summary("TESTING + ", "INCORRECT RESULT: T{ 1 2 + -> 4 }T")).contains("INCORRECT RESULT: T{ 1 2 + -> 4 }T");
    assertThat(summary("ok WRONG NUMBER OF RESULTS: T{ 1 2 -> 3 }T")).isPresent();
    assertThat(summary("INCORRECT CELL RESULT: T{ 1e 2 -> 1e 3 }T")).isPresent();
    assertThat(summary("Forth Foundation Library Test: 0 errors in 3645 tests took 2158 ms.")).isEmpty();
    assertThat(summary("vm: stack underflow: at pc 3", "INCORRECT RESULT: see the log")).as("no test's line").isEmpty();
  }

  @Test
  void gforthsLoadErrorsAreBuildErrors() {
    assertThat(BuildErrors.first(List.of("in file included from *OS command line*:-1", "tests/utils.test.fs:11: Undefined word",
        "    0 payload ['] sum >>>vec<<<", "Backtrace:"))).contains("tests/utils.test.fs:11: Undefined word (vec)");
    assertThat(BuildErrors.first(List.of("ffl_test.fs:29: No such file or directory", "include >>>ffl/tst.fs<<<")))
        .contains("ffl_test.fs:29: No such file or directory (ffl/tst.fs)");
    assertThat(BuildErrors.first(List.of("test/div_test.fs:3: Division by zero", "T{ 1 0 >>>/<<< -> 0 }T")))
        .as("a test's error at run time").isEmpty();
    assertThat(InstallHints.of("gforth", root)).contains("Gforth: Debian's gforth");
  }

  private static Optional<String> summary(String... lines) {
    SummaryFailures s = new SummaryFailures();
    for (String l : lines) {
      s.accept(l);
    }
    return s.result();
  }

  private Path patch(String text) throws IOException {
    Path p = root.resolve("changes.patch");
    Files.writeString(p, text);
    return p;
  }
}
