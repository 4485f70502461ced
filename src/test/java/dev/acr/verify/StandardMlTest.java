package dev.acr.verify;

import static dev.acr.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standard ML as uenoB/short has it (docs/real-repos-2026-12-06.md, thirteenth session): a driver, tests/run.sml, run by
 * Poly/ML 5.7.1 on standard input, and its UnitTest's output, as printed there with a bug in WordPatriciaMap.isEmpty.
 */
class StandardMlTest {

  private static final String DRIVER = "use \"../unit-test.sml\";\nuse \"../word-patricia-map.sml\";\n"
      + "use \"test-word-patricia-map.sml\";\nuse \"call-main.sml\";\n";

  @TempDir Path root;

  @Test
  void aDriverThatUsesTheFilesIsRunByPolyFromItsFolder() throws IOException {
    write(root, "word-patricia-map.sml", "structure WordPatriciaMap = struct end\n");
    write(root, "tests/run.sml", "(* nothing loaded yet *)\n");
    assertThat(VerifyDetector.detect(root, null)).as("a file that loads nothing is no driver").isEmpty();
    write(root, "tests/run.sml", DRIVER);
    assertThat(VerifyDetector.detect(root, null))
        .contains(new VerifyCommand("cd tests && poly < run.sml", "detected: tests/run.sml (Standard ML, run by Poly/ML)"));
    write(root, "Makefile", "test:\n\tmlton tests/run.mlb && tests/run\n");
    assertThat(VerifyDetector.detect(root, null)).as("the project's own test target first")
        .contains(new VerifyCommand("make test", "detected: Makefile"));
  }

  @Test
  void aDriverAtTheTopRunsThere() throws IOException {
    write(root, "tests.sml", "use \"parser.sml\";\nuse \"parser-tests.sml\";\n");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand("poly < tests.sml",
        "detected: tests.sml (Standard ML, run by Poly/ML)"));
  }

  @Test
  void unitTestsSummaryCountsAndNamesTheFailures() {
    TestCounts counts = new TestCounts();
    FailingTests failing = new FailingTests(root);
    for (String line : List.of("val test_WordPatriciaMap = ?: UnitTest.test", "val it = (): unit", "....x....",
        "FAIL: WordPatriciaMap/isEmpty:1", "", "215 tests total, 1 tests failed.")) {
      counts.accept(line);
      failing.accept(line);
    }
    assertThat(counts.result()).isEqualTo(Map.of("UnitTest", new TestCounts.Count(215, 1)));
    assertThat(failing.names()).containsExactly("WordPatriciaMap/isEmpty:1");
  }

  /** A stand-in made call-main.sml exit 0 whatever UnitTest.main said: it was verified and applied before. */
  @Test
  void aFailureCountFailsADriverThatExitsZero() throws Exception {
    VerifyResult r = run("printf 'FAIL: WordPatriciaMap/isEmpty:1\\n\\n215 tests total, 1 tests failed.\\n'");
    assertThat(r.passed()).isFalse();
    assertThat(r.failing()).containsExactly("WordPatriciaMap/isEmpty:1");
    assertThat(r.tail()).endsWith("[acr] the test command exited 0, but its output says tests failed"
        + " (UnitTest: 215 tests total, 1 tests failed.): counted as failing");
    assertThat(run("printf '214 tests total, 0 tests failed.\\n'").passed()).isTrue();
  }

  /** Poly/ML reading the driver goes on past a file that does not compile, and exits 0 when the driver's exit is not reached. */
  @Test
  void aFileThatDoesNotCompileFailsThoughPolyExitsZero() throws Exception {
    String error = "../word-patricia-map.sml:263: error: Value or constructor (fals) has not been declared Found near fals";
    VerifyResult r = run("printf '" + error + "\\nException- Fail \"Static Errors\" raised\\n140 tests total, 0 tests failed.\\n'");
    assertThat(r.passed()).isFalse();
    assertThat(r.counts()).containsEntry("UnitTest", new TestCounts.Count(140, 1));
    assertThat(r.tail()).contains("(Exception- Fail \"Static Errors\" raised): counted as failing");
    assertThat(BuildErrors.first(List.of(error)))
        .contains("../word-patricia-map.sml:263: Value or constructor (fals) has not been declared Found near fals");
  }

  @Test
  void polyIsPolyMlFromDebian() {
    assertThat(InstallHints.of("poly", root)).contains("Poly/ML: Debian's polyml");
  }

  private VerifyResult run(String command) throws Exception {
    return new Verifier().run(new VerifyCommand(command, "--verify"), root, Duration.ofSeconds(30), Map.of(),
        root.resolve("logs/verify.log"));
  }
}
