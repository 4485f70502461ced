package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How many tests a run executed, by its runner's summary: skipped, pending, to-do and expected failures do not count. */
class TestCountsTest {

  /** Tests run by runner, as the summaries of {@code lines} say. */
  private static Map<String, Integer> read(String... lines) {
    Map<String, Integer> ran = new java.util.HashMap<>();
    counts(lines).forEach((runner, c) -> ran.put(runner, c.ran()));
    return ran;
  }

  private static Map<String, TestCounts.Count> counts(String... lines) {
    TestCounts c = new TestCounts();
    for (String l : lines) {
      c.accept(l);
    }
    return c.result();
  }

  @Test
  void readsEachRunnersSummary() {
    assertThat(read("=========== 1 failed, 9 passed, 2 skipped, 1 xfailed, 1 error in 0.52s ===========")).isEqualTo(Map.of("pytest", 10));
    assertThat(read("10 passed in 0.05s")).as("pytest -q").isEqualTo(Map.of("pytest", 10));
    assertThat(read("1 warning in 0.01s")).as("no test counted").isEmpty();
    assertThat(read("Ran 12 tests in 0.003s", "", "OK (skipped=2, expected failures=1)")).isEqualTo(Map.of("unittest", 9));
    assertThat(read("Ran 3 tests in 0.003s", "FAILED (failures=1)")).isEqualTo(Map.of("unittest", 3));
    assertThat(read("Tests:       1 failed, 2 skipped, 1 todo, 5 passed, 9 total")).isEqualTo(Map.of("jest", 6));
    assertThat(read("      Tests  5 passed | 2 skipped (7)")).isEqualTo(Map.of("vitest", 5));
    assertThat(read("  5 passing (12ms)", "  2 pending", "  1 failing")).isEqualTo(Map.of("mocha", 6));
    assertThat(read("test result: FAILED. 6 passed; 1 failed; 2 ignored; 0 measured; 0 filtered out; finished in 0.01s",
        "test result: ok. 3 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s"))
        .as("summed over the crate's test binaries").isEqualTo(Map.of("cargo", 10));
    assertThat(read("12 examples, 1 failure, 2 pending")).isEqualTo(Map.of("rspec", 10));
    assertThat(read("12 runs, 30 assertions, 0 failures, 0 errors, 1 skips")).isEqualTo(Map.of("minitest", 11));
    assertThat(read("[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.01 s -- in a.ATest",
        "[ERROR] Tests run: 12, Failures: 1, Errors: 0, Skipped: 1")).as("the totals, not each class").isEqualTo(Map.of("surefire", 11));
    assertThat(read("    [junit] Tests run: 3, Failures: 0, Errors: 0, Skipped: 1, Time elapsed: 0.02 sec")).isEqualTo(Map.of("ant-junit", 2));
    assertThat(read("OK (12 tests, 30 assertions)")).isEqualTo(Map.of("phpunit", 12));
    assertThat(read("Tests: 12, Assertions: 30, Failures: 1, Skipped: 2, Incomplete: 1.")).isEqualTo(Map.of("phpunit", 9));
    assertThat(read("Files=3, Tests=42,  0 wallclock secs")).isEqualTo(Map.of("prove", 42));
    assertThat(read("100% tests passed, 0 tests failed out of 12")).isEqualTo(Map.of("ctest", 12));
    assertThat(read("Passed!  - Failed:     0, Passed:    12, Skipped:     1, Total:    13, Duration: 5 ms")).isEqualTo(Map.of("dotnet", 12));
    assertThat(read("Ran 12 tests, 10 results as expected, 1 unexpected, 1 skipped (2026-12-06)")).isEqualTo(Map.of("ert", 11));
    assertThat(read("00:01 +12 ~1 -2: Some tests failed.")).isEqualTo(Map.of("dart", 14));
    assertThat(read("1..4", "ok 1 a", "not ok 2 b # TODO not yet", "ok 3 c # skip no db", "ok 4 d")).isEqualTo(Map.of("tap", 2));
    assertThat(read("ok  \texample.com/x\t0.01s")).as("go test prints no count").isEmpty();
  }

  @Test
  void fewerIsToldOnlyForTheSameRunnerAndAsManySummaries() {
    assertThat(TestCounts.fewer(counts("10 passed in 1s"), counts("9 passed, 1 skipped in 1s")))
        .isEqualTo("pytest ran 9 tests where the baseline ran 10");
    assertThat(TestCounts.fewer(counts("1 failed, 9 passed in 1s"), counts("10 passed in 1s"))).isNull();
    assertThat(TestCounts.fewer(counts("1 failed, 9 passed in 1s"), counts("12 passed in 1s"))).isNull();
    assertThat(TestCounts.fewer(counts("[ERROR] Tests run: 10, Failures: 1, Errors: 0, Skipped: 0"), counts()))
        .as("mvn -q prints no total when it passes").isNull();
    assertThat(TestCounts.fewer(counts(), counts("test result: ok. 3 passed; 0 failed; 0 ignored;"))).isNull();
    assertThat(TestCounts.fewer(counts("1..3", "not ok 2", "1..3"), counts("1..3")))
        .as("a failing run that prints its log again counts its tests twice").isNull();
    assertThat(TestCounts.fewer(counts("1..3", "ok 1", "not ok 2", "ok 3"), counts("1..3", "ok 1", "ok 2 # SKIP later", "ok 3")))
        .isEqualTo("tap ran 2 tests where the baseline ran 3");
  }
  /**
   * pytest 9 counts each failing subtest as "failed" besides its test (pytest 9.0.3, two tests, one failing subtest each:
   * "3 failed, 1 passed"; fixed: "2 passed"): a fix would be told it ran fewer. The short summary or -v names them.
   */
  @Test
  void pytestFailingSubtestsAreNotTests() {
    String[] baseline = {"test_sub.py uF.                                                          [100%]",
        "FAILED test_sub.py::test_subs - contains 1 failed subtest",
        "SUBFAILED(i=2) test_sub.py::T::test_u - AssertionError: 2 == 2",
        "========================= 3 failed, 1 passed in 1.01s =========================="};
    assertThat(TestCounts.fewer(counts(baseline), counts("============================== 2 passed in 0.87s ==============================="))).isNull();
    assertThat(TestCounts.fewer(counts("test_sub.py::test_subs SUBFAILED(i=1)                                    [ 50%]",
        "========================= 2 failed, 1 passed in 1.08s =========================="), counts("2 passed in 0.87s")))
        .as("-v").isNull();
    assertThat(TestCounts.fewer(counts("test_sub.py::test_subs SUBPASSED(i=0)                                    [ 50%]",
        "========================= 1 failed, 2 passed in 1.08s =========================="), counts("2 passed in 0.87s")))
        .as("passing subtests are not counted; a test less is").isEqualTo("pytest ran 2 tests where the baseline ran 3");
  }
  /** A failing @AfterAll is counted as a test by surefire 3.3.1 with JUnit 5.10.3 (a class of two tests: "Tests run: 3"). */
  @Test
  void surefireCountsNoFailingClassFixtureAsATest() {
    String[] baseline = {"[ERROR] Tests run: 3, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: 0.477 s <<< FAILURE! -- in p.ATest",
        "[ERROR] p.ATest -- Time elapsed: 0.477 s <<< ERROR!", "[ERROR] Tests run: 3, Failures: 0, Errors: 1, Skipped: 0"};
    assertThat(read(baseline)).isEqualTo(Map.of("surefire", 2));
    assertThat(TestCounts.fewer(counts(baseline), counts("[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0"))).isNull();
    assertThat(read("[ERROR] Tests run: 2, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: 0.150 s <<< FAILURE! -- in p.ATest",
        "[ERROR] p.ATest.two -- Time elapsed: 0.019 s <<< ERROR!", "[ERROR] Tests run: 2, Failures: 0, Errors: 1, Skipped: 0"))
        .as("a failing test is a test").isEqualTo(Map.of("surefire", 2));
  }
  /**
   * Dart's test package counts a failing setUpAll or tearDownAll as a failed test: its own test (test/runner/set_up_all_test
   * of dart-lang/test) has one test and a throwing tearDownAll print "-1: (tearDownAll) [E]" and "-1: Some tests failed.";
   * fixed, "+1: All tests passed!".
   */
  @Test
  void dartCountsNoFailingSetUpAllOrTearDownAllAsATest() {
    String[] baseline = {"00:00 +0: test", "00:00 +1: (tearDownAll)", "00:00 +1 -1: (tearDownAll) [E]", "  oh no",
        "00:00 +1 -1: (tearDownAll) [E]", "  and again", "00:00 +1 -1: Some tests failed."};
    assertThat(read(baseline)).isEqualTo(Map.of("dart", 1));
    assertThat(TestCounts.fewer(counts(baseline), counts("00:00 +1: All tests passed!"))).isNull();
    assertThat(read("00:00 +1 -1: test/a_test.dart: parses [E]", "00:00 +1 -1: Some tests failed."))
        .as("a failing test is a test").isEqualTo(Map.of("dart", 2));
  }
  /**
   * An expected failure that passed (pytest's xpassed, unittest's unexpected success) is a test the project does not count
   * on, often one marked for being flaky: counted, a flaky xfail test that passed in the baseline and failed as expected
   * on the fix was a test fewer.
   */
  @Test
  void anExpectedFailureIsNotCountedWhetherItFailsOrNot() {
    assertThat(TestCounts.fewer(counts("========= 10 passed, 1 xpassed in 0.31s ========="),
        counts("========= 10 passed, 1 xfailed in 0.30s ========="))).isNull();
    assertThat(TestCounts.fewer(counts("Ran 11 tests in 0.01s", "FAILED (unexpected successes=1)"),
        counts("Ran 11 tests in 0.01s", "OK (expected failures=1)"))).isNull();
    assertThat(read("Ran 12 tests in 0.003s", "", "OK (skipped=2, expected failures=1, unexpected successes=1)"))
        .isEqualTo(Map.of("unittest", 8));
  }

  /**
   * mocha prints "N passing" always, then "M pending" and "K failing" when there are any: one summary, not three. Read as
   * three, a failing baseline ("3 passing", "1 failing") and its fix ("4 passing") were never compared.
   */
  @Test
  void mochaPassingAndFailingAreOneSummary() {
    String[] baseline = {"  3 passing (8ms)", "  1 failing", "", "  1) calc", "       adds:", "     AssertionError: 3 == 4"};
    assertThat(counts(baseline)).isEqualTo(Map.of("mocha", new TestCounts.Count(4, 1)));
    assertThat(TestCounts.fewer(counts(baseline), counts("  3 passing (7ms)"))).as("the failing test deleted")
        .isEqualTo("mocha ran 3 tests where the baseline ran 4");
    assertThat(TestCounts.fewer(counts(baseline), counts("  3 passing (7ms)", "  1 pending"))).as("the failing test made pending")
        .isEqualTo("mocha ran 3 tests where the baseline ran 4");
    assertThat(TestCounts.fewer(counts(baseline), counts("  4 passing (7ms)"))).as("fixed").isNull();
    assertThat(TestCounts.fewer(counts(baseline), counts("  4 passing (7ms)", "  4 passing (7ms)"))).as("printed twice").isNull();
  }
}
