package dev.acr.verify;

import java.util.regex.Pattern;

/**
 * The summary lines {@link NoTests} reads of the less common runners: D's druntime, SWI-Prolog's plunit, meson, automake's
 * harnesses, Guile's SRFI-64, FiveAM and RT (Common Lisp), Deno, sbt and the Scala frameworks, Zig, XCTest and
 * swift-testing, Dart, Julia and nimble. Apart only to keep NoTests short; each format is the runner's own.
 */
final class MoreSummaries {

  /** druntime's {@code 1/5 modules FAILED unittests}: tests ran. */
  static final Pattern DRUNTIME_FAILED = Pattern.compile("^\\d+/\\d+ modules? FAILED unittests$");
  /**
   * plunit's summary (SWI-Prolog's {@code run_tests}), each line after swipl's {@code % }: {@code All 25 tests passed},
   * {@code 4 tests failed}, {@code 21 tests passed}, {@code test passed} for one; with no unit loaded
   * {@code No tests to run}, and exit 0.
   */
  static final Pattern PLUNIT = Pattern.compile("^% (?:All )?(\\d+) tests? (?:passed|failed)\\b|^% test passed$");
  static final Pattern PLUNIT_NONE = Pattern.compile("^% No tests to run$");
  /**
   * meson test's summary, one count a line ({@code Ok:                 4}, {@code Fail:               12}); any
   * above zero means tests ran. All of them zero (every test skipped) ran none, and a project that defines no
   * test prints {@code No tests defined.} and exits 0.
   */
  static final Pattern MESON = Pattern.compile("^(Ok|Expected Fail|Fail|Unexpected Pass|Timeout):\\s+(\\d+)$");
  static final Pattern MESON_NONE = Pattern.compile("^No tests defined\\.$");
  /**
   * automake's test harness summary ({@code make check}), one count a line: {@code # PASS:  7}, {@code # FAIL:  2}. A failure,
   * an error or a pass means tests ran; {@code # PASS:  0} alone (none in TESTS, {@code # TOTAL: 0}, or every test skipped) that none did.
   */
  static final Pattern AUTOMAKE = Pattern.compile("^# (PASS|XFAIL|FAIL|XPASS|ERROR):\\s+(\\d+)$");
  /**
   * The same from automake's older serial harness ({@code AUTOMAKE_OPTIONS = serial-tests}), which prints no such counts:
   * {@code All 2 tests passed}, {@code 1 of 2 tests failed}, {@code All 3 tests behaved as expected (1 expected failure)},
   * {@code 1 of 3 tests did not behave as expected (1 unexpected pass)}.
   */
  static final Pattern AUTOMAKE_SERIAL =
      Pattern.compile("^(?:All (\\d+)|\\d+ of (\\d+)) tests? (?:passed|failed|behaved as expected|did not behave as expected)\\b");
  /**
   * Guile's SRFI-64 summary after a suite's outermost {@code test-end}, one count a line and only those above zero:
   * {@code # of expected passes      2}, {@code # of unexpected failures  1} (DejaGnu prints the same). A suite of no test prints
   * its {@code %%%% Starting test lyrics} line alone, and guile exits 0.
   */
  static final Pattern SRFI64 =
      Pattern.compile("^# of (expected passes|unexpected failures|expected failures|unexpected successes|skipped tests)\\s+(\\d+)$");
  static final Pattern SRFI64_START = Pattern.compile("^%%%% Starting test (.+?)(?:\\s+\\(Writing full log to .*\\))?$");
  /** FiveAM's {@code run!} of a suite without a test (or of no suite at all): {@code Didn't run anything...huh?} */
  static final Pattern FIVEAM_NONE = Pattern.compile("^Didn't run anything\\.\\.\\.huh\\?$");
  /** RT's count from {@code do-tests}: {@code Doing 59 pending tests of 59 tests total.} (0 when the suite is emptied). */
  static final Pattern LISP_COUNTS = Pattern.compile("^Doing (\\d+) pending tests? of \\d+ tests? total\\.$");
  /**
   * FiveAM's {@code run!} summary: {@code Did 2 checks.}, then {@code Pass: 0 ( 0%)}, {@code Skip: 2 (100%)}, {@code Fail: 0 ( 0%)}.
   * Skipped checks count among the checks done, so tests ran only when one passed or failed.
   */
  static final Pattern FIVEAM = Pattern.compile("^(?:Did (\\d+) checks?\\.|(Pass|Skip|Fail): (\\d+) \\(\\s*\\d+%\\))$");
  /**
   * deno test's summary {@code ok | 58 passed (1171 steps) | 0 failed (4s)} ({@code FAILED | ...} when one failed; tests
   * that are only {@code ignored} ran none), and without a test file {@code error: No test modules found}.
   */
  static final Pattern DENO = Pattern.compile("^(?:ok|FAILED) \\| (\\d+) passed(?: \\([^)]*\\))? \\| (\\d+) failed");
  static final Pattern DENO_NONE = Pattern.compile("^error: No test modules found");
  /** sbt's level before each line it logs, {@code [info] }: the count after it is what is read. */
  static final Pattern SBT_LEVEL = Pattern.compile("^\\[(?:info|warn|error|success)\\] ");
  /**
   * sbt's own summary (sbt's TestResultLogger, for a framework that prints none, munit's): {@code Passed: Total 135, Failed 0,
   * Errors 0, Passed 135}, then {@code , Skipped 1, Ignored 2} when above zero; skipped and ignored tests did not run. Its
   * {@code No tests to run for Test / test} says none ran (sbt 1.10 printed nothing at all for a build without a test class:
   * {@link NoTests}).
   */
  static final Pattern SBT = Pattern.compile("^(?:Passed|Failed|Error): Total \\d+, Failed (\\d+), Errors (\\d+), Passed (\\d+)");
  static final Pattern SBT_NONE = Pattern.compile("^No tests to run for \\S");
  /**
   * scalatest's summary, through sbt or scalatest-maven-plugin: {@code Tests: succeeded 5, failed 0, canceled 0, ignored 0, pending 0};
   * a suite of ignored tests only succeeds none and fails none.
   */
  static final Pattern SCALATEST = Pattern.compile("^Tests: succeeded (\\d+), failed (\\d+), canceled \\d+, ignored \\d+");
  /**
   * The other Scala frameworks' own summaries, which sbt prints instead of its own: uTest's {@code Tests: 3, Passed: 3, Failed: 0},
   * ZIO Test's {@code 3 tests passed. 0 tests failed. 0 tests ignored.} (specs2's {@code 2 examples, 0 failure, 0 error} reads as RSpec's).
   */
  static final Pattern SCALA_OTHERS = Pattern.compile("^Tests: (\\d+), Passed: \\d+, Failed: \\d+|^(\\d+) tests? passed\\. (\\d+) tests? failed\\.");
  /**
   * zig test's {@code All 13 tests passed.} and {@code 12 passed; 0 skipped; 1 failed.}; zig build's {@code --summary all},
   * {@code Build Summary: 1/3 steps succeeded; 1 failed; 11/13 tests passed; 2 failed} (Zig 0.11); skipped tests do not count
   * ({@code 0/4 tests passed; 4 skipped}: a stand-in that skipped every test was verified before this). A test step that only
   * compiles the tests (optz at a57f383: {@code addTest} without {@code addRunArtifact}) prints {@code Build Summary: 2/2
   * steps succeeded} and no count.
   */
  static final Pattern ZIG = Pattern.compile("^All (\\d+) tests? passed\\.$|^(\\d+) passed; \\d+ skipped; (\\d+) failed\\.$");
  static final Pattern ZIG_BUILD = Pattern.compile("^Build Summary: \\d+/\\d+ steps succeeded(?:; \\d+ failed)?(?:; (\\d+)/\\d+ tests? passed)?");
  /** The tests that failed after zig build's count of those that passed ({@code ; 2 failed}); the skipped ({@code ; 4 skipped}) did not run. */
  static final Pattern ZIG_BUILD_FAILED = Pattern.compile("tests? passed(?:; \\d+ skipped)?; (\\d+) failed");
  /**
   * XCTest's {@code Executed 114 tests, with 27 failures (1 unexpected) in 1.600 (1.611) seconds} and Swift Testing's {@code ✘ Test run
   * with 3 tests failed after 0.002 seconds with 1 issue.} ({@code swift test} runs both; a package of only one prints 0 for the other).
   */
  static final Pattern SWIFT = Pattern.compile("^Executed (\\d+) tests?, with \\d+ failures?|^\\S+ Test run with (\\d+) tests?\\b");
  /** dart test's last line (reporter/expanded.dart): {@code 00:01 +2: All tests passed!}, {@code 00:01 +1 -1: Some tests failed.}. */
  static final Pattern DART = Pattern.compile("^\\d+:\\d+ \\+(\\d+)(?: ~\\d+)?(?: -(\\d+))?: (?:Some tests failed\\.|All (?:other )?tests passed!)");
  static final Pattern DART_NONE = Pattern.compile("^(?:\\d+:\\d+ [+~\\-\\d ]+: )?(?:No tests ran|All tests skipped)\\.$");
  /** Julia's Test, when a testset failed: {@code Some tests did not pass: 1 passed, 1 failed, 0 errored, 0 broken.} */
  static final Pattern JULIA = Pattern.compile("Some tests did not pass: (\\d+) passed, (\\d+) failed, (\\d+) errored, \\d+ broken\\.");
  /** nimble test without a test file: {@code Warning: No tests found!} (and exit 0). */
  static final Pattern NIMBLE_NONE = Pattern.compile("^Warning: No tests found!$");

  private MoreSummaries() {}
}
