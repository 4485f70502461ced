package dev.acr.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.context.Dimension;
import dev.acr.verify.VerifyResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a failed attempt's tests are said to have left failing. */
class AttemptTestsTest {

  private static VerifyResult failing(int exit, String... names) {
    return new VerifyResult(false, exit, 10, "", false, null, List.of(names), false);
  }

  private static final KnownFailures SEVEN = KnownFailures.of(failing(1, "a", "b", "c", "d", "e", "f", "g"),
      Dimension.BUG_FIXING, "fix the failing withQuery tests");

  @Test
  void namesWhatStillFailsAndHowManyOfTheBaselinesNoLongerFail() {
    assertThat(AttemptTests.failedNote(failing(1, "g"), SEVEN, NO_LOG))
        .isEqualTo("its tests fail (exit 1): 1 test (g); of the 7 that failed before, 6 no longer fail");
    assertThat(AttemptTests.failedNote(failing(1, "a", "new"), SEVEN, NO_LOG))
        .isEqualTo("its tests fail (exit 1): 2 tests (a, new); of the 7 that failed before, 6 no longer fail, and 1 did not fail before");
    assertThat(AttemptTests.failedNote(failing(1, "a", "b", "c", "d", "e", "f", "g", "new"), SEVEN, NO_LOG))
        .isEqualTo("its tests fail (exit 1): 8 tests (a, b, c and 5 more); every one that failed before still fails, and 1 did not fail before");
    assertThat(AttemptTests.failedNote(failing(1, "a"), KnownFailures.of(failing(1, "a"), Dimension.BUG_FIXING, "fix a"), NO_LOG))
        .isEqualTo("its tests fail (exit 1): 1 test (a), the same as before the change");
  }

  /** No such file: the result's own tail is read instead. */
  private static final Path NO_LOG = Path.of("no-such-verify.log");

  @Test
  void aBuildThatFailsBeforeAnyTestIsSaidToBeTheBuild(@TempDir Path dir) throws Exception {
    Path log = Files.writeString(dir.resolve("verify.log"), "[ERROR] COMPILATION ERROR : \n"
        + "[ERROR] /r/lib/src/main/java/Value.java:[3,9] cannot find symbol\n[INFO] BUILD FAILURE\n");
    assertThat(AttemptTests.failedNote(failing(1), SEVEN, log))
        .isEqualTo("its build fails (exit 1: /r/lib/src/main/java/Value.java:3: cannot find symbol)");
  }

  /** sindresorhus/camelcase's xo && ava: the linter rejected the change before any test ran. */
  @Test
  void aLintThatFailsBeforeAnyTestIsSaidToBeTheLint(@TempDir Path dir) throws Exception {
    Path log = Files.writeString(dir.resolve("verify.log"), "> xo && ava && tsd\n\n  index.js:4:24\n"
        + "  ✖  4:24  Unnecessary escape character: \\-.  no-useless-escape\n\n  1 error\n");
    assertThat(AttemptTests.failedNote(failing(1), SEVEN, log))
        .isEqualTo("its lint fails (exit 1: index.js:4: Unnecessary escape character: \\-. (no-useless-escape))");
  }

  @Test
  void saysOnlyWhatItKnows() {
    assertThat(AttemptTests.failedNote(failing(2), SEVEN, NO_LOG)).as("no test named: a build error, say").isEqualTo("its tests fail (exit 2)");
    assertThat(AttemptTests.failedNote(failing(0, "x"), null, NO_LOG))
        .as("no baseline to compare; a runner that exits 0").isEqualTo("its tests fail (exit 0, failures read from its output): 1 test (x)");
    assertThat(AttemptTests.failedNote(new VerifyResult(false, 1, 10, "", false, null, List.of("a"), true), SEVEN, NO_LOG))
        .as("a list cut short compares nothing").isEqualTo("its tests fail (exit 1): over 1 test (a)");
    assertThat(AttemptTests.failedNote(new VerifyResult(false, 137, 10, "", true, null, List.of(), false), SEVEN, NO_LOG))
        .as("stopped at the limit: said where it happens").isNull();
    assertThat(AttemptTests.failedNote(new VerifyResult(true, 0, 10, "", false, null, List.of(), false), SEVEN, NO_LOG)).isNull();
    assertThat(AttemptTests.failedNote(null, SEVEN, NO_LOG)).as("interrupted before a result").isNull();
  }
}
