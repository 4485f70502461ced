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
    assertThat(read("5 skipped, 1 warning in 0.01s")).as("every test skipped").isEqualTo(Map.of("pytest", 0));
    assertThat(read("Ran 12 tests in 0.003s", "", "OK (skipped=2, expected failures=1)")).isEqualTo(Map.of("unittest", 9));
    assertThat(read("Ran 3 tests in 0.003s", "FAILED (failures=1)")).isEqualTo(Map.of("unittest", 3));
    assertThat(read("Tests:       1 failed, 2 skipped, 1 todo, 5 passed, 9 total")).isEqualTo(Map.of("jest", 6));
    assertThat(read("      Tests  5 passed | 2 skipped (7)")).isEqualTo(Map.of("vitest", 5));
    assertThat(read("  5 passing (12ms)", "  2 pending", "  1 failing")).isEqualTo(Map.of("mocha", 6));
    assertThat(read("test result: FAILED. 6 passed; 1 failed; 2 ignored; 0 measured; 0 filtered out; finished in 0.01s",
        "test result: ok. 3 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s"))
        .as("summed over the crate's test binaries").isEqualTo(Map.of("cargo", 10));
    assertThat(read("12 examples, 1 failure, 2 pending")).isEqualTo(Map.of("rspec", 10));
    assertThat(read("12 examples, 1 failure, 1 error, 2 pending")).as("Crystal's spec").isEqualTo(Map.of("rspec", 10));
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

  /**
   * mocha counts a failing hook in "failing" (mocha 12.0.3: a throwing after() and afterEach() and a root after(), with
   * tests a, b, c, d: "3 passing", "3 failing", d never run); fixed, "4 passing". The spec reporter names each hook as it
   * fails and the list names it again.
   */
  @Test
  void mochaCountsNoFailingHookAsATest() {
    String[] baseline = {"  clamp", "    ✔ a", "    ✔ b", "    1) \"after all\" hook for \"b\"", "  other", "    ✔ c",
        "    2) \"after each\" hook for \"c\"", "  3) \"after all\" hook in \"{root}\"", "  3 passing (15ms)", "  3 failing", "",
        "  1) clamp", "       \"after all\" hook for \"b\":", "     Error: boom", "  2) other", "       \"after each\" hook for \"c\":",
        "     Error: each", "  3) \"after all\" hook in \"{root}\":", "     Error: root"};
    assertThat(read(baseline)).isEqualTo(Map.of("mocha", 3));
    assertThat(TestCounts.fewer(counts(baseline), counts("  4 passing (9ms)"))).isNull();
    assertThat(read("  1 passing (8ms)", "  1 failing", "  1) clamp", "       above:", "     AssertionError: 0 == 10"))
        .as("a failing test is a test").isEqualTo(Map.of("mocha", 2));
  }

  /** GoogleTest run directly (a Makefile's test target): "N tests from M test suites ran." less those it skipped. */
  @Test
  void readsGoogleTestsTotals() {
    String[] baseline = {"[==========] Running 3 tests from 1 test suite.", "[  FAILED  ] Calc.Sub (0 ms)",
        "[==========] 3 tests from 1 test suite ran. (0 ms total)", "[  PASSED  ] 2 tests.", "[  FAILED  ] 1 test, listed below:",
        "[  FAILED  ] Calc.Sub", "", " 1 FAILED TEST"};
    assertThat(counts(baseline)).isEqualTo(Map.of("gtest", new TestCounts.Count(3, 1)));
    assertThat(read("[==========] 3 tests from 1 test suite ran. (0 ms total)", "[  PASSED  ] 2 tests.",
        "[  SKIPPED ] 1 test, listed below:", "[  SKIPPED ] Calc.Sub")).as("GTEST_SKIP").isEqualTo(Map.of("gtest", 2));
    assertThat(read("[==========] 4 tests from 2 test cases ran. (1 ms total)")).as("gtest 1.8").isEqualTo(Map.of("gtest", 4));
    assertThat(TestCounts.fewer(counts(baseline), counts("[==========] 2 tests from 1 test suite ran. (0 ms total)",
        "[  PASSED  ] 2 tests."))).isEqualTo("gtest ran 2 tests where the baseline ran 3");
    assertThat(TestCounts.fewer(counts(baseline), counts("[  SKIPPED ] Calc.Sub (0 ms)", "[==========] 3 tests from 1 test suite ran. (0 ms total)",
        "[  PASSED  ] 2 tests.", "[  SKIPPED ] 1 test, listed below:", "[  SKIPPED ] Calc.Sub")))
        .isEqualTo("gtest ran 2 tests where the baseline ran 3");
    assertThat(TestCounts.fewer(counts(baseline), counts("[==========] 3 tests from 1 test suite ran. (1 ms total)",
        "[  PASSED  ] 3 tests."))).as("fixed").isNull();
    String[] twice = {"[==========] 3 tests from 1 test suite ran. (0 ms total)", "[  PASSED  ] 2 tests.", "[  FAILED  ] 1 test, listed below:",
        "[==========] 3 tests from 1 test suite ran. (0 ms total)", "[  PASSED  ] 2 tests.", "[  FAILED  ] 1 test, listed below:"};
    assertThat(TestCounts.fewer(counts(twice), counts("[==========] 3 tests from 1 test suite ran. (1 ms total)", "[  PASSED  ] 3 tests.")))
        .as("a failing run that prints its output again (ctest's log and the binary's)").isNull();
  }

  /** Catch2's totals: "All tests passed (A assertions in N test cases)", else a table whose first row counts test cases. */
  @Test
  void readsCatch2sTotals() {
    String[] baseline = {"test cases: 4 | 3 passed | 1 failed", "assertions: 9 | 8 passed | 1 failed"};
    assertThat(counts(baseline)).isEqualTo(Map.of("catch2", new TestCounts.Count(4, 1)));
    assertThat(read("All tests passed (12 assertions in 4 test cases)")).isEqualTo(Map.of("catch2", 4));
    assertThat(read("All tests passed (1 assertion in 1 test case)")).isEqualTo(Map.of("catch2", 1));
    assertThat(read("test cases:  6 |  3 passed | 1 failed | 1 skipped | 1 failed as expected", "assertions: 12 | 11 passed | 1 failed"))
        .as("skipped and [!mayfail] are not counted").isEqualTo(Map.of("catch2", 4));
    assertThat(read("test cases: 2 | 2 passed", "assertions: - none -")).isEqualTo(Map.of("catch2", 2));
    assertThat(TestCounts.fewer(counts(baseline), counts("All tests passed (8 assertions in 3 test cases)")))
        .isEqualTo("catch2 ran 3 tests where the baseline ran 4");
    assertThat(TestCounts.fewer(counts(baseline), counts("All tests passed (9 assertions in 4 test cases)"))).as("fixed").isNull();
  }

  /** ExUnit's "N tests, M failures", doctests and properties besides, less the excluded and skipped. */
  @Test
  void readsExUnitsTotals() {
    assertThat(counts("3 tests, 1 failure")).isEqualTo(Map.of("exunit", new TestCounts.Count(3, 1)));
    assertThat(read("1 doctest, 4 tests, 0 failures, 2 excluded, 1 skipped")).isEqualTo(Map.of("exunit", 2));
    assertThat(read("2 properties, 1 test, 0 failures")).isEqualTo(Map.of("exunit", 3));
    assertThat(read("3 tests, 0 failures, 3 invalid")).as("a failing setup_all: its tests are the module's").isEqualTo(Map.of("exunit", 3));
    assertThat(read("12 examples, 1 failure")).as("RSpec's, not ExUnit's").isEqualTo(Map.of("rspec", 12));
    assertThat(TestCounts.fewer(counts("3 tests, 1 failure"), counts("2 tests, 0 failures"))).isEqualTo("exunit ran 2 tests where the baseline ran 3");
    assertThat(TestCounts.fewer(counts("3 tests, 1 failure"), counts("3 tests, 0 failures, 1 skipped")))
        .isEqualTo("exunit ran 2 tests where the baseline ran 3");
    assertThat(TestCounts.fewer(counts("3 tests, 1 failure"), counts("3 tests, 0 failures"))).as("fixed").isNull();
  }

  /**
   * go test -v names each test and subtest it ran ("--- PASS:", "--- FAIL:"), counted per package; plain go test names only
   * the failing ones, which is no count: nothing is said.
   */
  @Test
  void readsGoTestVerbosesTestsPerPackage() {
    String[] baseline = {"=== RUN   TestAdd", "--- PASS: TestAdd (0.00s)", "=== RUN   TestTable", "=== RUN   TestTable/one",
        "=== RUN   TestTable/two", "    calc_test.go:20: got 3, want 4", "--- FAIL: TestTable (0.00s)", "    --- PASS: TestTable/one (0.00s)",
        "    --- FAIL: TestTable/two (0.00s)", "=== RUN   TestSlow", "    calc_test.go:30: slow", "--- SKIP: TestSlow (0.00s)", "FAIL",
        "FAIL\texample.com/calc\t0.002s", "?   \texample.com/calc/cmd\t[no test files]"};
    assertThat(counts(baseline)).isEqualTo(Map.of("go", new TestCounts.Count(4, 1)));
    String[] dropped = {"=== RUN   TestAdd", "--- PASS: TestAdd (0.00s)", "=== RUN   TestTable", "=== RUN   TestTable/one",
        "--- PASS: TestTable (0.00s)", "    --- PASS: TestTable/one (0.00s)", "PASS", "ok  \texample.com/calc\t0.002s"};
    assertThat(TestCounts.fewer(counts(baseline), counts(dropped))).as("the failing case dropped from the table")
        .isEqualTo("go ran 3 tests where the baseline ran 4");
    String[] fixed = {"=== RUN   TestAdd", "--- PASS: TestAdd (0.00s)", "=== RUN   TestTable", "--- PASS: TestTable (0.00s)",
        "    --- PASS: TestTable/one (0.00s)", "    --- PASS: TestTable/two (0.00s)", "PASS", "ok  \texample.com/calc\t(cached)"};
    assertThat(TestCounts.fewer(counts(baseline), counts(fixed))).isNull();
    assertThat(read("--- FAIL: TestTable (0.00s)", "    --- FAIL: TestTable/two (0.00s)", "FAIL", "FAIL\texample.com/calc\t0.002s",
        "ok  \texample.com/calc/util\t0.001s")).as("without -v").isEmpty();
    assertThat(counts("=== RUN   TestA", "--- PASS: TestA (0.00s)", "ok  \ta/x\t0.1s", "=== RUN   TestB", "--- PASS: TestB (0.00s)",
        "ok  \ta/y\t0.1s")).isEqualTo(Map.of("go", new TestCounts.Count(2, 2)));
  }

  /**
   * gotestsum, a common wrapper of go test, ends with "DONE N tests" (subtests and skipped among them); with --rerun-fails
   * ("DONE 2 runs, ...") a rerun test is counted again, so a failing baseline would count more than its fix.
   */
  @Test
  void readsGotestsumsTotal() {
    assertThat(read("DONE 12 tests, 1 skipped, 2 failures, 1 error in 1.234s")).isEqualTo(Map.of("gotestsum", 11));
    assertThat(TestCounts.fewer(counts("DONE 4 tests, 1 failure in 0.512s"), counts("DONE 3 tests in 0.400s")))
        .isEqualTo("gotestsum ran 3 tests where the baseline ran 4");
    assertThat(TestCounts.fewer(counts("DONE 4 tests, 1 failure in 0.512s"), counts("DONE 4 tests in 0.400s"))).isNull();
    assertThat(read("DONE 2 runs, 5 tests, 1 failure in 0.901s")).as("--rerun-fails").isEmpty();
  }

  /** tasty's "All N tests passed" and "M out of N tests failed"; hspec's "N examples, M failures" is RSpec's line. */
  @Test
  void readsHaskellsTotals() {
    assertThat(read("All 5 tests passed (0.01s)")).isEqualTo(Map.of("tasty", 5));
    assertThat(TestCounts.fewer(counts("1 out of 5 tests failed (0.02s)"), counts("All 4 tests passed (0.01s)")))
        .isEqualTo("tasty ran 4 tests where the baseline ran 5");
    assertThat(TestCounts.fewer(counts("1 out of 5 tests failed (0.02s)"), counts("All 5 tests passed (0.01s)"))).isNull();
    assertThat(read("3 examples, 1 failure, 1 pending")).isEqualTo(Map.of("rspec", 2));
  }

  /** XCTest prints "Executed N tests" for each suite, class and bundle: the "All tests" (or "Selected tests") suite's is the total. */
  @Test
  void readsXCTestsTotal() {
    String[] baseline = {"Test Suite 'All tests' started at 2026-12-07 02:00:00.000", "Test Suite 'CalcTests' failed at 2026-12-07 02:00:00.010",
        "\t Executed 3 tests, with 1 failure (0 unexpected) in 0.002 (0.002) seconds", "Test Suite 'debug.xctest' failed at 2026-12-07 02:00:00.010",
        "\t Executed 3 tests, with 1 failure (0 unexpected) in 0.002 (0.002) seconds", "Test Suite 'All tests' failed at 2026-12-07 02:00:00.011",
        "\t Executed 3 tests, with 1 failure (0 unexpected) in 0.002 (0.003) seconds"};
    assertThat(counts(baseline)).isEqualTo(Map.of("xctest", new TestCounts.Count(3, 1)));
    assertThat(TestCounts.fewer(counts(baseline), counts("Test Suite 'All tests' passed at 2026-12-07 02:00:00.011",
        "\t Executed 3 tests, with 1 test skipped and 0 failures (0 unexpected) in 0.002 (0.003) seconds")))
        .isEqualTo("xctest ran 2 tests where the baseline ran 3");
    assertThat(TestCounts.fewer(counts(baseline), counts("Test Suite 'Selected tests' passed at 2026-12-07 02:00:00.011",
        "\t Executed 3 tests, with 0 failures (0 unexpected) in 0.002 (0.003) seconds"))).isNull();
  }

  /**
   * swift-testing (swift test of Swift 6, beside XCTest): "Test run with N tests" counts the skipped ones too, each named
   * "Test x skipped" before it.
   */
  @Test
  void readsSwiftTestingsTotal() {
    String[] baseline = {"◇ Test run started.", "✘ Test clamps() recorded an issue at CalcTests.swift:9:5: Expectation failed: clamp(11) == 10",
        "✘ Test clamps() failed after 0.001 seconds with 1 issue.", "✘ Test run with 3 tests in 1 suite failed after 0.002 seconds with 1 issue."};
    assertThat(counts(baseline)).isEqualTo(Map.of("swift-testing", new TestCounts.Count(3, 1)));
    assertThat(TestCounts.fewer(counts(baseline), counts("➜ Test clamps() skipped: \"later\"", "✔ Test run with 3 tests passed after 0.002 seconds.")))
        .isEqualTo("swift-testing ran 2 tests where the baseline ran 3");
    assertThat(TestCounts.fewer(counts(baseline), counts("✔ Test run with 3 tests in 1 suite passed after 0.002 seconds."))).isNull();
    assertThat(read("Test Case '-[CalcTests testSlow]' skipped (0.001 seconds).", "Test run with 2 tests passed after 0.002 seconds."))
        .as("XCTest's skipped line is not swift-testing's").isEqualTo(Map.of("swift-testing", 2));
  }

  /**
   * Zig: the test runner's own line (zig test) and zig build's "Build Summary" with its tree of steps (acr's command passes
   * --summary all). A step whose result came from zig's cache ran no test and is not in the summary's count, so a run with
   * one is not compared, nor is a summary without its tree (--summary line).
   */
  @Test
  void readsZigsTotals() {
    assertThat(read("All 3 tests passed.")).isEqualTo(Map.of("zig", 3));
    assertThat(read("All 3 tests passed (1 skipped).")).isEqualTo(Map.of("zig", 3));
    assertThat(read("2 passed; 1 skipped; 1 failed.")).isEqualTo(Map.of("zig", 3));
    assertThat(read("Build Summary: 3/5 steps succeeded; 1 failed; 10/12 tests passed; 1 skipped; 1 failed", "test transitive failure",
        "+- run test 10/12 passed, 1 failed, 1 skipped")).as("zig 0.11").isEqualTo(Map.of("zig", 11));
    String[] baseline = {"Build Summary: 2/3 steps succeeded (1 failed); 4/6 tests passed (1 skipped, 1 failed)", "test transitive failure",
        "+- run test 4 pass, 1 skip, 1 fail (6 total)", "   +- compile test Debug native success 1s"};
    assertThat(read(baseline)).isEqualTo(Map.of("zig", 5));
    assertThat(TestCounts.fewer(counts(baseline), counts("Build Summary: 3/3 steps succeeded; 4/5 tests passed (1 skipped)",
        "test success", "+- run test 4 pass, 1 skip (5 total) 2ms"))).isEqualTo("zig ran 4 tests where the baseline ran 5");
    assertThat(TestCounts.fewer(counts(baseline), counts("Build Summary: 3/3 steps succeeded; 5/6 tests passed (1 skipped)",
        "test success", "+- run test 5 pass, 1 skip (6 total) 2ms"))).isNull();
    assertThat(read("Build Summary: 5/5 steps succeeded; 3/3 tests passed", "test success", "+- run test 3 pass (3 total) 2ms",
        "+- run test cached")).as("a cached test step").isEmpty();
    assertThat(read("Build Summary: 3/3 steps succeeded; 3/3 tests passed")).as("no tree").isEmpty();
  }

  /** Julia's Test summary table: its first row, under the header that names its columns; broken tests are expected failures. */
  @Test
  void readsJuliasTestSummary() {
    String[] baseline = {"Test Summary: | Pass  Fail  Total  Time", "Calc          |    3     1      4  0.2s",
        "ERROR: LoadError: Some tests did not pass: 3 passed, 1 failed, 0 errored, 0 broken."};
    assertThat(counts(baseline)).isEqualTo(Map.of("julia", new TestCounts.Count(4, 1)));
    assertThat(read("Test Summary:  | Pass  Error  Broken  Total", "Calc tests     |    5      1       2      8", "  parse        |    2             1      3"))
        .isEqualTo(Map.of("julia", 6));
    assertThat(TestCounts.fewer(counts(baseline), counts("Test Summary: | Pass  Total  Time", "Calc          |    3      3  0.1s")))
        .isEqualTo("julia ran 3 tests where the baseline ran 4");
    assertThat(TestCounts.fewer(counts(baseline), counts("Test Summary: | Pass  Total  Time", "Calc          |    4      4  0.1s"))).isNull();
  }

  /** Deno's "ok | N passed | M failed" (steps counted too, ignored not), node:test's "tests N" less skipped and to-do. */
  @Test
  void readsDenoAndNodeTestsTotals() {
    assertThat(read("ok | 3 passed | 0 failed | 1 ignored (12ms)")).isEqualTo(Map.of("deno", 3));
    assertThat(TestCounts.fewer(counts("FAILED | 0 passed (1 step) | 1 failed (1 step) (15ms)"), counts("ok | 1 passed (1 step) | 0 failed (9ms)")))
        .isEqualTo("deno ran 2 tests where the baseline ran 3");
    assertThat(TestCounts.fewer(counts("FAILED | 0 passed (1 step) | 1 failed (1 step) (15ms)"), counts("ok | 1 passed (2 steps) | 0 failed (9ms)")))
        .isNull();
    String[] spec = {"ℹ tests 4", "ℹ suites 1", "ℹ pass 3", "ℹ fail 1", "ℹ cancelled 0", "ℹ skipped 0", "ℹ todo 0", "ℹ duration_ms 52.1"};
    assertThat(counts(spec)).isEqualTo(Map.of("node:test", new TestCounts.Count(4, 1)));
    assertThat(TestCounts.fewer(counts(spec), counts("# tests 4", "# suites 1", "# pass 3", "# fail 0", "# cancelled 0", "# skipped 1", "# todo 0")))
        .isEqualTo("node:test ran 3 tests where the baseline ran 4");
    assertThat(TestCounts.fewer(counts(spec), counts("ℹ tests 4", "ℹ pass 4", "ℹ fail 0", "ℹ skipped 0", "ℹ todo 0"))).isNull();
  }

  /** Jasmine's count takes in the pending specs; uvu's Total and lab's counts leave out the skipped; zap counts only when it found none. */
  @Test
  void readsJasmineUvuAndZapTotals() {
    assertThat(read("3 specs, 1 failure, 1 pending spec")).isEqualTo(Map.of("jasmine", 2));
    assertThat(read("12 specs, 0 failures")).isEqualTo(Map.of("jasmine", 12));
    assertThat(read("No specs found", "Incomplete: No specs found")).isEqualTo(Map.of("jasmine", 0));
    assertThat(TestCounts.fewer(counts("3 specs, 1 failure"), counts("3 specs, 0 failures, 1 pending spec")))
        .isEqualTo("jasmine ran 2 tests where the baseline ran 3");
    assertThat(read("  Total:     4", "  Passed:    3", "  Skipped:   1", "  Duration:  3.29ms")).isEqualTo(Map.of("uvu", 4));
    assertThat(read("Total:     4", "Duration:  3.29ms")).as("not uvu's pair").isEmpty();
    assertThat(read("All of 0 tests passed. Yeah!")).isEqualTo(Map.of("zap", 0));
    assertThat(counts("[INFO] No tests to run.", "[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0"))
        .as("a reactor: a module without tests, one with").isEqualTo(Map.of("surefire", new TestCounts.Count(3, 2)));
    assertThat(read("1 of 2 tests failed (1 skipped)", "Test duration: 12 ms")).as("hapi's lab").isEqualTo(Map.of("lab", 2));
    assertThat(read("1 tests complete (2 skipped)")).isEqualTo(Map.of("lab", 1));
    assertThat(read("\u001b[35mprocessors\u001b[0m/test normalize... passed")).isEmpty();
  }
}
