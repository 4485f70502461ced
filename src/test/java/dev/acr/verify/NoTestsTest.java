package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoTestsTest {

  /** What a runner that found tests and ran none of them is said to have done. */
  private static final String ALL_OFF = " ran none of the tests it found: each was skipped, pending or to-do";

  @Test
  void runnersThatRanNothingAreTold() {
    assertThat(NoTests.in(List.of("", "----------------------------------------------------------------------",
        "Ran 0 tests in 0.000s", "", "OK"))).contains("Ran 0 tests in 0.000s");
    assertThat(NoTests.in(List.of("============================ no tests ran in 0.01s ============================")))
        .contains("no tests ran in 0.01s");
    assertThat(NoTests.in(List.of("?   \texample.com/m\t[no test files]", "?   \texample.com/m/sub\t[no test files]")))
        .contains("?   \texample.com/m\t[no test files]".strip());
    assertThat(NoTests.in(List.of("running 0 tests", "", "test result: ok. 0 passed; 0 failed"))).contains("running 0 tests");
    assertThat(NoTests.in(List.of("No tests found, exiting with code 1"))).isPresent();
    // Vitest 4.1, coloured into a pipe, as it printed for unjs/defu with a filter that matched nothing.
    assertThat(NoTests.in(List.of("\u001b[31mNo test files found, exiting with code 1", "\u001b[39m")))
        .contains("No test files found, exiting with code 1");
    // RSpec 3.12, minitest 5.15 and PHPUnit 9.6 as Debian 12 ships them, each exiting 0.
    assertThat(NoTests.in(List.of("Finished in 0.00033 seconds (files took 0.24245 seconds to load)", "0 examples, 0 failures")))
        .contains("0 examples, 0 failures");
    assertThat(NoTests.in(List.of("0 runs, 0 assertions, 0 failures, 0 errors, 0 skips"))).isPresent();
    assertThat(NoTests.in(List.of("PHPUnit 9.6.7 by Sebastian Bergmann and contributors.", "", "No tests executed!")))
        .contains("No tests executed!");
    // prove 3.44 (Perl 5.36) over an empty t/: exits 0.
    assertThat(NoTests.in(List.of("Files=0, Tests=0,  0 wallclock secs ( 0.00 usr +  0.00 sys =  0.00 CPU)", "Result: NOTESTS")))
        .contains("Files=0, Tests=0,  0 wallclock secs ( 0.00 usr +  0.00 sys =  0.00 CPU)");
    // ExUnit (Elixir 1.14): mix test without a test file, and a test module without a test; both exit 0.
    assertThat(NoTests.in(List.of("There are no tests to run"))).contains("There are no tests to run");
    assertThat(NoTests.in(List.of("Finished in 0.00 seconds (0.00s async, 0.00s sync)", "0 failures", "", "Randomized with seed 722378")))
        .contains("0 failures");
    assertThat(NoTests.in(List.of("0 doctests, 0 tests, 0 failures"))).isPresent();
    // busted 2.1 (Debian's lua-busted) without a spec file: exit 1, its one error is the missing spec.
    assertThat(NoTests.in(List.of("0 successes / 0 failures / 1 error / 0 pending : 0.00002 seconds", "",
        "Error -> No test files found matching Lua pattern: _spec"))).contains("Error -> No test files found matching Lua pattern: _spec");
    assertThat(NoTests.in(List.of("0 successes / 0 failures / 0 errors / 0 pending : 0.0001 seconds"))).isPresent();
    // bats 1.8 into a pipe prints TAP: an empty test/ plans nothing and exits 0.
    assertThat(NoTests.in(List.of("1..0"))).contains("1..0");
    // rebar3 eunit, testthat 3.1 and CTest 3.25 with nothing to run (each exits 0).
    assertThat(NoTests.in(List.of("Finished in 0.032 seconds", "0 tests"))).contains("0 tests");
    assertThat(NoTests.in(List.of("[ FAIL 0 | WARN 0 | SKIP 2 | PASS 0 ]"))).isPresent();
    assertThat(NoTests.in(List.of("Test project /tmp/e/build", "No tests were found!!!"))).isPresent();
    assertThat(NoTests.in(List.of("Test Successful in 0.001s. 0 tests run."))).isPresent();
    // cabal-install 3.4 on a package without a test-suite: exit 0.
    assertThat(NoTests.in(List.of("Resolving dependencies...", "No tests to run for the package hsx-0.1")))
        .contains("No tests to run for the package hsx-0.1");
  }

  @Test
  void anyRunnerThatRanSomethingMeansTestsRan() {
    assertThat(NoTests.in(List.of("Ran 3 tests in 0.010s", "", "OK"))).isEmpty();
    assertThat(NoTests.in(List.of("Ran 1 test in 0.001s", "FAILED (failures=1)"))).isEmpty();
    assertThat(NoTests.in(List.of("..F", "1 failed, 2 passed in 0.12s"))).isEmpty();
    assertThat(NoTests.in(List.of("===== 2 passed in 0.01s ====="))).isEmpty();
    // Several suites, one of them empty: the others ran.
    assertThat(NoTests.in(List.of("Ran 0 tests in 0.000s", "OK", "Ran 4 tests in 0.2s", "OK"))).isEmpty();
    assertThat(NoTests.in(List.of("?   \texample.com/m/cmd\t[no test files]", "ok  \texample.com/m\t0.01s"))).isEmpty();
    // cargo: the unit tests ran, the doc-tests had none.
    assertThat(NoTests.in(List.of("running 5 tests", "test result: ok. 5 passed", "running 0 tests"))).isEmpty();
    assertThat(NoTests.in(List.of("all good"))).isEmpty();
    assertThat(NoTests.in(List.of("60 examples, 1 failure"))).isEmpty();
    assertThat(NoTests.in(List.of("12 runs, 30 assertions, 0 failures, 0 errors, 0 skips"))).isEmpty();
    assertThat(NoTests.in(List.of("OK (22 tests, 319 assertions)"))).isEmpty();
    assertThat(NoTests.in(List.of("Finished in 33.071 seconds", "\u001b[0;32m8326 tests, 0 failures"))).isEmpty();
    assertThat(NoTests.in(List.of("[ FAIL 1 | WARN 0 | SKIP 0 | PASS 608 ]"))).isEmpty();
    assertThat(NoTests.in(List.of("100% tests passed, 0 tests failed out of 3"))).isEmpty();
    assertThat(NoTests.in(List.of("Files=8, Tests=27,  0 wallclock secs ( 0.03 usr  0.01 sys +  0.32 cusr  0.10 csys =  0.46 CPU)",
        "Result: PASS"))).isEmpty();
    // A test file that died before its first test (a syntax error in the module under repair): it ran, and failed.
    assertThat(NoTests.in(List.of("Files=1, Tests=0,  0 wallclock secs ( 0.02 usr  0.01 sys +  0.04 cusr  0.01 csys =  0.08 CPU)",
        "Result: FAIL"))).isEmpty();
    assertThat(NoTests.in(List.of("Tests: 22, Assertions: 319, Errors: 18, Failures: 1."))).isEmpty();
    assertThat(NoTests.in(List.of("No tests executed!", "OK (2 tests, 2 assertions)"))).isEmpty();
    // RSpec could not load a spec: the code under repair raised, which is a failure, not an empty suite.
    assertThat(NoTests.in(List.of("NameError: uninitialized constant TTY::Color::Parser",
        "0 examples, 0 failures, 1 error occurred outside of examples"))).isEmpty();
    // A workspace run: one package has no test files, another ran and failed (Vitest, then Jest).
    assertThat(NoTests.in(List.of("No test files found, exiting with code 1", " Tests  1 failed | 20 passed (21)"))).isEmpty();
    assertThat(NoTests.in(List.of("No tests found, exiting with code 1", "Tests:       1 failed, 20 passed, 21 total"))).isEmpty();
    // ExUnit, with doctests and properties counted as tests.
    assertThat(NoTests.in(List.of("1 doctest, 1 test, 0 failures"))).isEmpty();
    assertThat(NoTests.in(List.of("1 doctest, 0 tests, 0 failures"))).isEmpty();
    assertThat(NoTests.in(List.of("2 properties, 0 tests, 1 failure"))).isEmpty();
    assertThat(NoTests.in(List.of("1 test, 1 failure"))).isEmpty();
    assertThat(NoTests.in(List.of("41 tests, 0 failures, 2 excluded"))).isEmpty();
    // busted: kikito/inspect.lua's suite; a spec that cannot load the module under repair is an error, a failure to fix.
    assertThat(NoTests.in(List.of("49 successes / 0 failures / 0 errors / 0 pending : 0.074552 seconds"))).isEmpty();
    assertThat(NoTests.in(List.of("48 successes / 1 failure / 0 errors / 0 pending : 0.07 seconds"))).isEmpty();
    assertThat(NoTests.in(List.of("0 successes / 0 failures / 1 error / 0 pending : 0.0047 seconds", "",
        "Error -> spec/a_spec.lua @ 1", "spec/a_spec.lua:1: module 'inspect' not found:"))).isEmpty();
    // TAP from bats: a plan of 179 tests, one of them failing.
    assertThat(NoTests.in(List.of("1..179", "ok 1 blank invocation", "not ok 2 invalid command"))).isEmpty();
    // Alcotest 1.6 (Debian's), coloured as mirage/ocaml-base64's dune rule asks: passing, then failing.
    assertThat(NoTests.in(List.of("\u001b[32mTest Successful\u001b[0m in 0.040s. 27 tests run."))).isEmpty();
    assertThat(NoTests.in(List.of("\u001b[31m1 failure!\u001b[0m in 0.058s. 27 tests run."))).isEmpty();
    // cabal: hspec/HUnit's one suite, passing and failing.
    assertThat(NoTests.in(List.of("1 of 1 test suites (1 of 1 test cases) passed."))).isEmpty();
    assertThat(NoTests.in(List.of("0 of 1 test suites (0 of 1 test cases) passed."))).isEmpty();
  }

  /** Leiningen 2.10, nimble 0.13 (Nim 1.6), dub 1.27 with LDC 1.30 and tcltest 2.5, as Debian 12 ships them. */
  @Test
  void clojureNimDAndTclRunners() {
    assertThat(NoTests.in(List.of("lein test user", "", "Ran 0 tests containing 0 assertions.", "0 failures, 0 errors.")))
        .contains("Ran 0 tests containing 0 assertions.");
    assertThat(NoTests.in(List.of("lein test medley.core-test", "", "Ran 55 tests containing 293 assertions.",
        "0 failures, 0 errors."))).isEmpty();
    assertThat(NoTests.in(List.of("   Warning: No tests found!"))).contains("Warning: No tests found!");
    assertThat(NoTests.in(List.of("Running dxml-test-library ", "5 modules passed unittests"))).isEmpty();
    assertThat(NoTests.in(List.of("4/5 modules FAILED unittests", "Program exited with code 1"))).isEmpty();
    assertThat(NoTests.in(List.of("Tests ended at Sat Dec 05 14:00:10 UTC 2026", "all.tcl:\tTotal\t0\tPassed\t0\tSkipped\t0\tFailed\t0",
        "Sourced 0 Test Files."))).contains("all.tcl:\tTotal\t0\tPassed\t0\tSkipped\t0\tFailed\t0");
    assertThat(NoTests.in(List.of("run.tcl:\tTotal\t22\tPassed\t22\tSkipped\t0\tFailed\t0"))).isEmpty();
    // bef/qmon without -singleproc: its test files report no counts back, only their failures.
    assertThat(NoTests.in(List.of("==== ip-pi-global ini2::parse_ini global section FAILED", "==== ip-pi-global FAILED",
        "run.tcl:\tTotal\t0\tPassed\t0\tSkipped\t0\tFailed\t0"))).isEmpty();
  }

  /**
   * Runners whose counts {@link TestCounts} reads, as they print them into a pipe (mocha 10, Jasmine 5, uvu 0.5, zap 0.2, @hapi/lab 26, surefire 3):
   * each exits 0 having run nothing, and a count above zero, or any runner's test, means tests ran.
   */
  @Test
  void zeroCountsOfTheRunnersTestCountsReadsMeanNoTestRan() {
    assertThat(NoTests.in(List.of("", "", "  0 passing (1ms)", ""))).contains("mocha ran 0 tests");
    assertThat(NoTests.in(List.of("  x", "    - y", "  0 passing (4ms)", "  1 pending"))).as("every test pending")
        .contains("mocha ran 0 tests");
    assertThat(NoTests.in(List.of("  3 passing (12ms)"))).isEmpty();
    assertThat(NoTests.in(List.of("Started", "No specs found", "Finished in 0.003 seconds", "Incomplete: No specs found")))
        .contains("jasmine ran 0 tests");
    assertThat(NoTests.in(List.of("1 spec, 0 failures, 1 pending spec"))).contains("jasmine ran 0 tests");
    assertThat(NoTests.in(List.of("2 specs, 1 failure, 1 pending spec"))).isEmpty();
    assertThat(NoTests.in(List.of("\u001b[32m  (0 / 0)", "  Total:     0\u001b[32m", "  Passed:    0\u001b[39m", "  Skipped:   1")))
        .contains("uvu ran 0 tests");
    assertThat(NoTests.in(List.of("  Total:     2", "  Passed:    1", "  Skipped:   0"))).isEmpty();
    assertThat(NoTests.in(List.of("Total:     0"))).as("'Total:' without uvu's next line is anyone's").isEmpty();
    assertThat(NoTests.in(List.of("All of 0 tests passed. Yeah!"))).contains("zap ran 0 tests");
    // Maven 3.8 with surefire 3.2.5: a module without a test class, one whose every test is @Disabled, and a reactor
    // with one module of each.
    assertThat(NoTests.in(List.of("[INFO] --- maven-surefire-plugin:3.2.5:test (default-test) @ a ---", "[INFO] No tests to run.",
        "[INFO] BUILD SUCCESS"))).contains("surefire ran 0 tests");
    assertThat(NoTests.in(List.of("[WARNING] Tests run: 1, Failures: 0, Errors: 0, Skipped: 1, Time elapsed: 0.049 s -- in a.ATest",
        "[WARNING] Tests run: 1, Failures: 0, Errors: 0, Skipped: 1", "[INFO] BUILD SUCCESS"))).contains("surefire ran 0 tests");
    assertThat(NoTests.in(List.of("[INFO] No tests to run.", "[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0"))).isEmpty();
    assertThat(NoTests.in(List.of("0 tests complete (1 skipped)", "Test duration: 4 ms", "Leaks: No issues"))).contains("lab ran 0 tests");
    assertThat(NoTests.in(List.of("  0 passing (1ms)", "ok  \texample.com/m\t0.01s"))).as("go's tests ran").isEmpty();
    assertThat(NoTests.in(List.of("  0 passing (1ms)", "All of 0 tests passed. Yeah!"))).contains("mocha and zap ran 0 tests");
    assertThat(NoTests.in(List.of("ok 1 - skipped one # SKIP no database", "ok 2 - parses"))).as("no TAP plan: no count").isEmpty();
  }

  /**
   * A suite whose every test was skipped ran none (a database's tests without its server, pytest.importorskip without the
   * package): the counts, which leave out the skipped, decide for the runners they read, beside any other runner's test.
   */
  @Test
  void aSuiteWhoseEveryTestWasSkippedRanNone() {
    assertThat(NoTests.in(List.of("ssss", "5 skipped in 0.12s"))).contains("5 skipped in 0.12s");
    assertThat(NoTests.in(List.of("======= 3 skipped, 2 warnings in 0.20s =======")))
        .contains("3 skipped, 2 warnings in 0.20s");
    assertThat(NoTests.in(List.of("2 passed, 3 skipped in 0.12s"))).isEmpty();
    // pytest.importorskip at a module's top: nothing collected, and pytest exits 5; a collection error is a failure to fix.
    NoTests exit5 = new NoTests("python3 -m pytest -q");
    exit5.accept("1 skipped in 0.16s");
    assertThat(exit5.result(5, java.util.Map.of("pytest", new TestCounts.Count(0, 1)))).contains("1 skipped in 0.16s");
    NoTests collectionError = new NoTests("python3 -m pytest -q");
    collectionError.accept("1 skipped, 1 error in 0.20s");
    assertThat(collectionError.result(2, java.util.Map.of("pytest", new TestCounts.Count(0, 1)))).isEmpty();
    assertThat(NoTests.in(List.of("Ran 5 tests in 0.001s", "", "OK (skipped=5)"))).contains("unittest" + ALL_OFF);
    assertThat(NoTests.in(List.of("Ran 5 tests in 0.001s", "", "OK (skipped=4)"))).isEmpty();
    assertThat(NoTests.in(List.of("Ran 5 tests in 0.001s"))).as("no closing line to count by: it ran").isEmpty();
    assertThat(NoTests.in(List.of("5 examples, 0 failures, 5 pending"))).contains("rspec" + ALL_OFF);
    assertThat(NoTests.in(List.of("running 2 tests", "test result: ok. 0 passed; 0 failed; 2 ignored; 0 measured")))
        .contains("cargo" + ALL_OFF);
    assertThat(NoTests.in(List.of("Tests:       4 skipped, 4 total"))).contains("jest" + ALL_OFF);
    assertThat(NoTests.in(List.of("Tests  3 skipped | 1 todo (4)"))).as("Vitest").contains("vitest" + ALL_OFF);
    assertThat(NoTests.in(List.of("Tests:       1 skipped, 3 passed, 4 total"))).isEmpty();
    assertThat(NoTests.in(List.of("=== RUN   TestDB", "    db_test.go:9: no database", "--- SKIP: TestDB (0.00s)", "PASS",
        "ok  \texample.com/m\t0.01s"))).as("go test -v").contains("go" + ALL_OFF);
    assertThat(NoTests.in(List.of("=== RUN   TestDB", "--- SKIP: TestDB (0.00s)", "=== RUN   TestAdd", "--- PASS: TestAdd (0.00s)",
        "PASS", "ok  \texample.com/m\t0.01s"))).isEmpty();
    assertThat(NoTests.in(List.of("5 skipped in 0.12s", "ok  \texample.com/m\t0.01s"))).as("go's tests ran").isEmpty();
    assertThat(NoTests.in(List.of("Ran 5 tests in 0.001s", "OK (skipped=5)", "3 passed in 0.1s"))).isEmpty();
  }

  /** A run that failed is a failure to fix, whatever its counts (a mocha before-all hook failing: "0 passing", "1 failing"). */
  @Test
  void aFailedRunIsNotOneThatRanNoTests() {
    NoTests scan = new NoTests("npx mocha");
    TestCounts counts = new TestCounts();
    for (String line : List.of("  0 passing (3ms)", "  1 failing", "  1) \"before all\" hook for \"parses\":")) {
      scan.accept(line);
      counts.accept(line);
    }
    assertThat(scan.result(1, counts.result())).isEmpty();
    assertThat(scan.result(0, counts.result())).contains("mocha ran 0 tests");
  }
}
