package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failing checks' places in a baseline's output, and a change that deletes one: dleonard0/infod3's assert() and a
 * pytest test that asserts twice (docs/real-repos-2026-12-06.md, seventeenth session).
 */
class FailedChecksTest {

  @TempDir Path tmp;

  @Test
  void wherePlacesAreChecks() {
    assertThat(FailedChecks.of("t-match: daemon/t-match.c:65: main: Assertion `match(\"x*€\", \"xせ₫€\")' failed."))
        .containsExactly("daemon/t-match.c:65");
    assertThat(FailedChecks.of("tests/test_calc.py:6: AssertionError")).containsExactly("tests/test_calc.py:6");
    assertThat(FailedChecks.of("/root/.acr/worktrees/calc-1a2b3c4d/1/src/calc.py:9: AssertionError")).as("the worktree left out")
        .containsExactly("src/calc.py:9");
    assertThat(FailedChecks.of("    calc_test.go:9: add(2, 3) = -1, want 5")).containsExactly("calc_test.go:9");
    assertThat(FailedChecks.of("  File \"/root/.acr/worktrees/calc-1a2b3c4d/1/tests/test_calc.py\", line 6, in test_add"))
        .containsExactly("tests/test_calc.py:6");
    assertThat(FailedChecks.of("    at Object.<anonymous> (test/calc.test.js:12:5)")).containsExactly("test/calc.test.js:12");
    assertThat(FailedChecks.of("calc.py:2: in add")).as("a frame in the code under test").isEmpty();
    assertThat(FailedChecks.of("calc.py:2: ZeroDivisionError")).isEmpty();
    assertThat(FailedChecks.of("tests/fixtures/data.json:3: not valid")).as("a fixture is no test").isEmpty();
  }

  private Path patch(String text) throws IOException {
    Path p = tmp.resolve("changes.patch");
    Files.writeString(p, text);
    return p;
  }

  private static final String HEADER = "diff --git a/tests/test_calc.py b/tests/test_calc.py\nindex 1..2 100644\n"
      + "--- a/tests/test_calc.py\n+++ b/tests/test_calc.py\n";

  @Test
  void aFailingCheckDeletedOrCommentedOut() throws IOException {
    Set<String> places = Set.of("tests/test_calc.py:6");
    Path deleted = patch(HEADER + "@@ -3,4 +3,3 @@ from calc import add\n \n def test_add():\n     assert add(0, 0) == 0\n"
        + "-    assert add(2, 3) == 5\n");
    assertThat(FailedChecks.deleted(deleted, places)).contains("the failing check at tests/test_calc.py:6 ('assert add(2, 3) == 5') deleted");
    assertThat(FailedChecks.deletedBy(deleted, "fix the failing test", places)).hasValueSatisfying(s -> assertThat(s)
        .startsWith("its change turns tests off instead of making them pass (the failing check at tests/test_calc.py:6"));
    assertThat(FailedChecks.deletedBy(deleted, "remove the test of add(2, 3)", places)).as("asked for").isEmpty();
    assertThat(FailedChecks.deleted(deleted, Set.of("tests/test_calc.py:5"))).as("another line").isEmpty();
    assertThat(FailedChecks.deleted(deleted, Set.of("test_calc.py:6"))).as("a path from the package folder").isPresent();

    Path commented = patch(HEADER + "@@ -5,2 +5,2 @@ def test_add():\n     assert add(0, 0) == 0\n-    assert add(2, 3) == 5\n"
        + "+    # assert add(2, 3) == 5\n");
    assertThat(FailedChecks.deleted(commented, places)).contains(
        "the failing check at tests/test_calc.py:6 ('assert add(2, 3) == 5') commented out");
    Path changed = patch(HEADER + "@@ -5,2 +5,2 @@ def test_add():\n     assert add(0, 0) == 0\n-    assert add(2, 3) == 5\n"
        + "+    assert add(2, 3) == -1\n");
    assertThat(FailedChecks.deleted(changed, places)).as("changed, not deleted: the tests say what it expects now").isEmpty();
    assertThat(FailedChecks.deleted(deleted, Set.of())).isEmpty();
  }

  /** Line numbers count from each hunk's start on the old side, over context and removed lines, not added ones. */
  @Test
  void lineNumbersAfterAnEarlierHunk() throws IOException {
    Path p = patch("diff --git a/daemon/t-match.c b/daemon/t-match.c\n--- a/daemon/t-match.c\n+++ b/daemon/t-match.c\n"
        + "@@ -1,3 +1,5 @@\n #include <assert.h>\n+#include <stdio.h>\n+#include <string.h>\n #include \"match.h\"\n \n"
        + "@@ -62,5 +64,4 @@ main()\n \tFAIL(\"x?y\", \"xせんy\");\n \tPASS(\"x??y\", \"xせんy\");\n \tPASS(\"x*y\", \"xせんy\");\n"
        + "-\tPASS(\"x*€\", \"xせ₫€\");\n \n");
    assertThat(FailedChecks.deleted(p, Set.of("daemon/t-match.c:65"))).contains(
        "the failing check at daemon/t-match.c:65 ('PASS(\"x*€\", \"xせ₫€\");') deleted");
    assertThat(FailedChecks.deleted(p, Set.of("daemon/t-match.c:67"))).as("the new side's number").isEmpty();
  }
}
