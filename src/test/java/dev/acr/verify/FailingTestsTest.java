package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The failing tests' names, as the common runners print them, without their times or line numbers. */
class FailingTestsTest {

  private static List<String> names(String... lines) {
    FailingTests f = new FailingTests();
    for (String l : lines) {
      f.accept(l);
    }
    return f.names();
  }

  @Test
  void eachRunnersLineForAFailingTest() {
    assertThat(names("FAILED tests/test_dates.py::test_parse_iso - AssertionError: assert 1 == 2",
        "ERROR tests/test_db.py::test_connect - ConnectionRefusedError", "3 failed, 10 passed in 0.52s"))
        .containsExactly("tests/test_dates.py::test_parse_iso", "tests/test_db.py::test_connect");
    // zap 0.2.9 (xml2js's npm test), coloured, one line a test: the file's name in magenta, then the test's.
    assertThat(names("\u001b[35mprocessors\u001b[0m/test normalize... passed",
        "\u001b[35mprocessors\u001b[0m/test firstCharLowerCase... \u001b[1;31mfailed\u001b[0m", "node:assert:90"))
        .containsExactly("processors/test firstCharLowerCase");
    // pytest -v with addopts = "-rs" (opentelemetry-python's): no FAILED line in the short summary, only the test's own.
    assertThat(names("tests/propagators/test__envcarrier.py::TestEnvironmentCarrier::test_extract_not_sampled FAILED [ 50%]",
        "tests/trace/test_span.py::test_ctor PASSED [ 83%]", "tests/test_db.py::test_connect[local host] ERROR [ 90%]",
        "============== 1 failed, 273 passed, 49 subtests passed in 0.98s ==============="))
        .containsExactly("tests/propagators/test__envcarrier.py::TestEnvironmentCarrier::test_extract_not_sampled",
            "tests/test_db.py::test_connect[local host]");
    assertThat(names("ok 1 global default", "not ok 80 non-writable shims directory", "not ok 81 later # TODO not yet",
        "# (in test file test/rbenv.bats, line 12)")).containsExactly("non-writable shims directory");
    // prove without -v: Test::More's diagnostics (and pascal-tap's, nested), not a TODO test's.
    assertThat(names("        # Failed test 'todo line ok'", "        # expected: 'not ok 1 # TODO '",
        "#   Failed test 'parses dates'", "#   at t/parse.t line 12.", "#   Failed (TODO) test 'later'", "#   Failed test at t/a.t line 3."))
        .containsExactly("todo line ok", "parses dates");
    assertThat(names("--- FAIL: TestLRU_Contains (0.00s)", "    --- FAIL: TestLRU/sub (0.01s)", "FAIL",
        "FAIL\tgithub.com/hashicorp/golang-lru/simplelru\t0.012s"))
        .as("the package's line is not a failure of its own beside its tests").containsExactly("TestLRU_Contains", "TestLRU/sub");
    assertThat(names("test hash::tests::empty ... FAILED", "test hash::tests::one ... ok"))
        .containsExactly("hash::tests::empty");
    assertThat(names("[ERROR] dev.acr.FooTest.bar -- Time elapsed: 0.030 s <<< FAILURE!",
        "[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.1 s <<< FAILURE! -- in dev.acr.FooTest",
        "[ERROR] baz(org.apache.commons.cli.BarTest)  Time elapsed: 0.01 s  <<< ERROR!"))
        .containsExactly("dev.acr.FooTest.bar", "baz(org.apache.commons.cli.BarTest)");
    assertThat(names("TurbineTest > cancel() FAILED")).containsExactly("TurbineTest > cancel()");
    assertThat(names("rspec ./spec/color_spec.rb:12 # TTY::Color detects support")).containsExactly("TTY::Color detects support");
    assertThat(names("  ● defu › merges arrays", " FAIL  src/sum.test.js (5.2 s)", " FAIL  test/defu.test.ts > defu > nulls"))
        .containsExactly("defu › merges arrays", "src/sum.test.js", "test/defu.test.ts > defu > nulls");
    assertThat(names("1) Webmozart\\Assert\\Tests\\AssertTest::testAssert", "  1) test adds (MathTest)"))
        .containsExactly("Webmozart\\Assert\\Tests\\AssertTest::testAssert", "test adds (MathTest)");
    assertThat(names("Failure → spec/semver_spec.lua @ 45")).containsExactly("spec/semver_spec.lua @ 45");
    assertThat(names("  [FAIL]        base64          3   alphabet.")).containsExactly("base64          3   alphabet");
    assertThat(names("\t  3 - parser_test (Failed)")).containsExactly("parser_test");
    assertThat(names("── Failure ('test-parse.R:12:3'): parses dates ──────────")).containsExactly("parses dates");
    assertThat(names("Failure ('test.R:8'): all parts are lowercase (except some)"))
        .containsExactly("all parts are lowercase (except some)");
    assertThat(names("FAIL in (parse-test) (core_test.clj:12)")).containsExactly("parse-test");
    // Nim's unittest, then nimble's line for the test file that failed (an absolute path in acr's worktree).
    assertThat(names("    /tmp/x/tests/tcalc.nim(5, 20): Check failed: add(2, 3) == 6", "  [FAILED] adds", "  [OK] adds zero",
        "Error: execution of an external program failed: '/tmp/wt/1/tests/tcalc '")).containsExactly("adds", "tcalc");
    // tcltest: the line opening a failed test's report and the one closing it.
    assertThat(names("==== ip-pi-global ini2::parse_ini global section FAILED", "==== Contents of test case:",
        "==== ip-pi-global FAILED", "==== cp-2 FAILED")).containsExactly("ip-pi-global", "cp-2");
    // D's unittests under dub: the module whose unittest threw, not the line.
    assertThat(names("core.exception.AssertError@source/dxml/internal.d(217): Assertion failure",
        "dxml.parser.XMLParsingException@source/dxml/parser.d(5846): [3:13]: Name contains invalid character: '_' (0x5F)",
        "4/5 modules FAILED unittests")).containsExactly("source/dxml/internal.d", "source/dxml/parser.d");
  }

  @Test
  void colourIsIgnoredRepeatsCountOnceAndPastTheLimitTheListIsIncomplete() {
    assertThat(names("\u001b[31mFAILED tests/test_a.py::test_x\u001b[0m", "FAILED tests/test_a.py::test_x"))
        .containsExactly("tests/test_a.py::test_x");
    assertThat(names("FAILED testing/test_iniconfig.py::test_iscommentline_true[  #qwe] - assert False",
        "FAILED testing/test_iniconfig.py::test_iscommentline_true[ ;qwe]", "FAILED t.py::test_y[a-b] - x"))
        .as("a parametrized id with spaces, whole").containsExactly("testing/test_iniconfig.py::test_iscommentline_true[  #qwe]",
            "testing/test_iniconfig.py::test_iscommentline_true[ ;qwe]", "t.py::test_y[a-b]");
    assertThat(names("--- FAIL: TestReset (0.00s)", "FAIL", "FAIL\tgithub.com/cespare/xxhash/v2\t0.005s", "ok  \texample.com/b\t0.01s",
        "panic: boom", "FAIL\texample.com/c\t0.02s")).as("a package beside its named test is not a second failure; one without is")
        .containsExactly("TestReset", "example.com/c");
    FailingTests f = new FailingTests();
    for (int i = 0; i <= FailingTests.KEPT; i++) {
      f.accept("not ok " + i + " case " + i);
    }
    assertThat(f.names()).hasSize(FailingTests.KEPT);
    assertThat(f.incomplete()).isTrue();
    assertThat(names("all good", "3 passed in 0.1s")).isEmpty();
  }

  /** review19: ERT's "FAILED  name" line is not unittest's closing "FAILED (failures=1)", whose count is no test. */
  @Test
  void unittestsClosingCountIsNoTest() {
    assertThat(names("FAIL: test_title (catalog.tests.BookTest.test_title)", "Ran 3 tests in 0.002s", "", "FAILED (failures=1)"))
        .containsExactly("test_title (catalog.tests.BookTest.test_title)");
    assertThat(names("ERROR: test_db (app.tests.DbTest.test_db)", "FAILED (errors=1)")).containsExactly("test_db (app.tests.DbTest.test_db)");
    assertThat(names("   FAILED  2/3  s-trim (0.000 sec)", "   FAILED  s-trim")).containsExactly("s-trim");
    assertThat(names("Ran 2 tests.", "FAILED (failures=1, errors=1)")).as("shUnit2's").isEmpty();
  }

  /** ankane/safely: minitest names the test on the line after "  1) Failure:", which read as a test called "Failure". */
  @Test
  void minitestNamesTheTestOnTheLineAfterItsNumber() {
    assertThat(names("  1) Failure:", "TagTest#test_default [/home/u/.acr/worktrees/safely-0efad680/1/test/tag_test.rb:5]:",
        "Expected: \"[safely] Boom\"", "  Actual: \"[safe] Boom\"", "", "  2) Error:", "SafelyTest#test_context:",
        "NameError: undefined local variable or method `x' for #<SafelyTest:0x1>", "    test/safely_test.rb:19:in `block in test_context'",
        "  3) Failure:", "Safely::spec#test_0001_reports a message [test/spec_test.rb:9]:", "Expected false to be truthy.",
        "21 runs, 26 assertions, 2 failures, 1 errors, 1 skips"))
        .containsExactly("TagTest#test_default", "SafelyTest#test_context", "Safely::spec#test_0001_reports a message");
    assertThat(names("  1) Skipped:", "TagTest#test_later [test/tag_test.rb:30]:", "not yet")).as("a skip is no failure").isEmpty();
  }

  /** GoogleTest run directly (not through CTest), gtest 1.12.1's own lines: each failing test once, without its parameter. */
  @Test
  void googleTestNamesEachFailingTestOnceWithoutItsParameter() {
    assertThat(names("[ RUN      ] ClampTest.Above", "t.cc:4: Failure", "[  FAILED  ] ClampTest.Above (0 ms)",
        "[----------] 1 test from ClampTyped/0, where TypeParam = int", "[  FAILED  ] ClampTyped/0.Big, where TypeParam = int (0 ms)",
        "[       OK ] Values/ClampParam.Works/1 (0 ms)", "[  FAILED  ] Values/ClampParam.Works/2, where GetParam() = 11 (0 ms)",
        "[==========] 7 tests from 4 test suites ran. (0 ms total)", "[  PASSED  ] 3 tests.", "[  FAILED  ] 3 tests, listed below:",
        "[  FAILED  ] ClampTest.Above", "[  FAILED  ] ClampTyped/0.Big, where TypeParam = int",
        "[  FAILED  ] Values/ClampParam.Works/2, where GetParam() = 11", "", " 3 FAILED TESTS"))
        .containsExactly("ClampTest.Above", "ClampTyped/0.Big", "Values/ClampParam.Works/2");
    assertThat(names("[  FAILED  ] 1 test, listed below:", " 1 FAILED TEST")).isEmpty();
    assertThat(names("[  FAILED  ] GoogleTestVerification.UninstantiatedParameterizedTestSuite<ClampParam>"))
        .as("a TEST_P left without its INSTANTIATE").containsExactly("GoogleTestVerification.UninstantiatedParameterizedTestSuite<ClampParam>");
  }

  /**
   * ctest --output-on-failure (acr's own command for CMake) shows a GoogleTest program's output under its ctest line: the program's
   * name in ctest's summary is not a failure beside its tests, as go test's package line is not; a test without gtest's lines is.
   */
  @Test
  void ctestsNameOfAGoogleTestProgramIsNotASecondFailure() {
    assertThat(names("Test project /tmp/names2/ctest/build", "1/2 Test #1: unit .............................***Failed    0.02 sec",
        "Running main() from ./googletest/src/gtest_main.cc", "[  FAILED  ] ClampTest.Above (0 ms)",
        "[  FAILED  ] 1 test, listed below:", "[  FAILED  ] ClampTest.Above", " 1 FAILED TEST",
        "2/2 Test #2: other ............................***Failed    0.01 sec", "0% tests passed, 2 tests failed out of 2",
        "The following tests FAILED:", "\t  1 - unit (Failed)", "\t  2 - other (Failed)", "Errors while running CTest"))
        .containsExactly("ClampTest.Above", "other");
  }

  /**
   * mocha 12.0.3's spec reporter: its list as the tests run, then a heading per failure, the describes' titles on further-indented
   * lines, the test's own last, with a colon. One test, by mocha's full title (the titles joined with a space).
   */
  @Test
  void mochaNamesANestedTestByItsFullTitle() {
    assertThat(names("  1) top level clamps", "  clamp", "    ✔ below", "    2) above", "    with floats", "      3) above max",
        "", "  hooks", "    ✔ x", "    4) \"after all\" hook for \"x\"", "", "", "  2 passing (8ms)", "  4 failing", "",
        "  1) top level clamps:", "", "      AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:", "",
        "  2) clamp", "       above:", "", "      AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:", "",
        "11 !== 10", "      at Context.<anonymous> (test/clamp.test.js:6:28)",
        "  3) clamp", "       with floats", "         above max:", "", "      AssertionError [ERR_ASSERTION]: Expected values",
        "  4) hooks", "       \"after all\" hook for \"x\":", "     Error: teardown",
        "      at Context.<anonymous> (test/clamp.test.js:12:23)"))
        .containsExactly("top level clamps", "clamp above", "clamp with floats above max", "hooks \"after all\" hook for \"x\"");
    assertThat(names("  1) test adds (MathTest)", "     test/math_test.exs:5", "     Assertion with == failed"))
        .as("ExUnit's heading, its place below it").containsExactly("test adds (MathTest)");
  }
}
