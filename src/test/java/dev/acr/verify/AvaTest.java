package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AVA 6.4.1's default reporter as sindresorhus/camelcase's {@code xo && ava && tsd} printed it (docs/real-repos-2026-12-06.md,
 * thirteenth session), with my bug in the message of the TypeError that its "invalid input" test expects. Before, the baseline
 * named no failing test, and neither a stand-in that deleted that test nor one that marked it {@code test.failing} (AVA's
 * "1 known failure", exit 0) ran fewer tests by acr's count: the second was verified and applied.
 */
class AvaTest {

  @TempDir Path dir;

  /** Twenty tests, {@code failing} of them failing, each passing one's line as AVA prints it. */
  private static List<String> run(int failing, String... summary) {
    List<String> lines = new ArrayList<>(List.of("", "> camelcase@9.0.0 test", "> xo && ava && tsd", ""));
    for (int i = 0; i < 20 - failing; i++) {
      lines.add("  ✔ camelCase case " + i);
    }
    if (failing > 0) {
      lines.addAll(List.of("  ✘ [fail]: invalid input Function threw unexpected exception", "  ─", "", "  invalid input", "",
          "  test.js:411", "", "   410: test('invalid input', t => {", "", "  Function threw unexpected exception:", ""));
    }
    lines.addAll(List.of("  ─", ""));
    lines.addAll(List.of(summary));
    return lines;
  }

  private static Map<String, TestCounts.Count> counts(List<String> lines) {
    TestCounts c = new TestCounts();
    lines.forEach(c::accept);
    return c.result();
  }

  @Test
  void theTestsRunAreCountedWhetherTheyPassOrFail() {
    assertThat(counts(run(1, "  1 test failed"))).isEqualTo(Map.of("ava", new TestCounts.Count(20, 1)));
    assertThat(counts(run(0, "  20 tests passed"))).isEqualTo(Map.of("ava", new TestCounts.Count(20, 1)));
    List<String> knownFailure = run(0, "  19 tests passed", "  1 known failure");
    knownFailure.set(4, "  ✔ [expected fail] invalid input");
    assertThat(counts(knownFailure)).as("a known failure is no test run").isEqualTo(Map.of("ava", new TestCounts.Count(19, 1)));
    assertThat(TestCounts.fewer(counts(run(1, "  1 test failed")), counts(knownFailure)))
        .isEqualTo("ava ran 19 tests where the baseline ran 20");
    assertThat(counts(List.of("  - [skip] invalid input", "  ─", "", "  1 test skipped")))
        .isEqualTo(Map.of("ava", new TestCounts.Count(0, 1)));
    assertThat(counts(List.of("  20 tests passed"))).as("not without AVA's rule: raco test says so too").isEmpty();
  }

  @Test
  void aFailingTestIsNamedByItsTitleNotItsMessage() {
    FailingTests failing = new FailingTests(dir);
    run(1, "  1 test failed").forEach(failing::accept);
    assertThat(failing.names()).containsExactly("invalid input");
  }

  @Test
  void aSuiteOfSkippedTestsRanNone() throws Exception {
    VerifyResult r = new Verifier().run(new VerifyCommand("printf '  - [skip] invalid input\\n  ─\\n\\n  1 test skipped\\n'", "--verify"),
        dir, Duration.ofSeconds(30), Map.of(), dir.resolve("logs/verify.log"));
    assertThat(r.passed()).isFalse();
    assertThat(r.noTests()).isEqualTo("ava ran 0 tests");
  }
}
