package dev.acr.verify;

import dev.acr.exec.Colour;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a test command that exited 0 though its tests failed, from the runner's own words (and swipl's
 * syntax errors, below). tcltest is one: its {@code runAllTests} exits 0 whatever failed, printing the failures and a summary
 * ({@code all.tcl:	Total	22	Passed	17	Skipped	0	Failed	5}). Without this any change, or
 * a breaker's, would "verify" a Tcl project (bef/qmon, docs/real-repos.md).
 *
 * <p>Read line by line as the command runs, like {@link NoTests}. A failing test's own report
 * counts even when the summary says {@code Failed 0}: a test file run in a separate interpreter
 * without a closing {@code cleanupTests} reports no counts back, only its failures.
 */
final class SummaryFailures {

  /** tcltest's summary: {@code all.tcl:	Total	22	Passed	17	Skipped	0	Failed	5}. */
  private static final Pattern TCLTEST_SUMMARY = Pattern.compile("^\\S+:\\s+Total\\s+(\\d+)\\s+Passed\\s+\\d+\\s+Skipped\\s+\\d+\\s+Failed\\s+(\\d+)");
  /** tcltest's line closing a failed test's report: {@code ==== ip-pi-global FAILED}. */
  static final Pattern TCLTEST_FAILED = Pattern.compile("^==== (\\S+) (?:.* )?FAILED$");
  /**
   * A test file that died before its tests ran (a syntax error, a package it requires missing):
   * {@code Test file error: can't find package fileutil}, and after the summary {@code Test files
   * exiting with errors:}.
   */
  private static final Pattern TCLTEST_FILE_ERROR = Pattern.compile("^Test file error: |^Test files exiting with errors:");

  /**
   * swipl loading a Prolog file it cannot read: {@code ERROR: /x/test/calc.plt:5:30: Syntax error: Operator expected}.
   * swipl skips that clause and goes on, and plunit passes the tests that did load, exit 0: a test hidden
   * behind a syntax error would pass a project's own {@code swipl -g run_tests -t halt} (simonharris/plunit_assert's
   * make test). Only a syntax error in loading a file: a passing test may print other errors on purpose.
   */
  private static final Pattern PROLOG_SYNTAX_ERROR = Pattern.compile("^ERROR: \\S+\\.(?:pl|plt|pro):\\d+:\\d+: Syntax error: ");

  /**
   * Guile's SRFI-64 runner, which exits 0 whatever failed: {@code # of unexpected failures  2} after a suite's outermost
   * {@code test-end} (an unexpected pass of a test marked to fail counts too). A Makefile's loop over the test files
   * (HiPhish/guile-msgpack's make check) passes it on.
   */
  private static final Pattern SRFI64_FAILURES = Pattern.compile("^# of (?:unexpected failures|unexpected successes)\\s+(\\d+)$");

  /**
   * Common Lisp's FiveAM ({@code Fail: 9 ( 6%)} in {@code run!}'s summary) and RT ({@code 2 out of 59 total tests failed: A, B.}):
   * an ASDF test-op that ignores what they return (sharplispers/split-sequence's) leaves sbcl exiting 0.
   */
  private static final Pattern LISP_FAILURES =
      Pattern.compile("^(?:Fail: (\\d+) \\(\\s*\\d+%\\)$|(\\d+) out of \\d+ total tests? failed\\b)");

  /**
   * scalatest's closing count, {@code *** 1 TEST FAILED ***}, {@code *** 2 SUITES ABORTED ***}: sbt and scalatest-maven-plugin
   * fail the build with it, but a pom that sets the plugin's {@code testFailureIgnore} exits 0.
   */
  private static final Pattern SCALATEST_FAILED = Pattern.compile("^(?:\\[\\w+\\] )?\\*\\*\\* (\\d+) (?:TESTS? FAILED|SUITES? ABORTED) \\*\\*\\*$");

  /**
   * AUnit's text reporter (Ada), whose runner exits 0 whatever failed unless the project asks for its status:
   * {@code Failed Assertions: 1}, {@code Unexpected Errors: 2} after {@code Total Tests Run:   5} (skordal/ada-regex).
   */
  private static final Pattern AUNIT_FAILURES = Pattern.compile("^(?:Failed Assertions|Unexpected Errors):\\s+(\\d+)$");

  /**
   * Haxe 3's haxe.unit (hx3compat's in Haxe 4): {@code FAILED 15 tests, 1 failed, 14 success}. Its TestRunner's run()
   * returns whether all passed, which a test main that ignores it (JWambaugh/TJSON's) leaves neko exiting 0.
   */
  private static final Pattern HAXE_UNIT_FAILED = Pattern.compile("^FAILED \\d+ tests, (\\d+) failed, \\d+ success$");

  /**
   * Ant's junit task (and junitlauncher), per test class: {@code [junit] Tests run: 4, Failures: 1, Errors: 0, Skipped: 0, ...}.
   * Without {@code haltonfailure} the build goes on and ends "BUILD SUCCESSFUL", exit 0 (BuildToolsK2/ANT).
   */
  private static final Pattern ANT_JUNIT = Pattern.compile("^\\[junit(?:launcher)?\\] Tests run: \\d+, Failures: (\\d+), Errors: (\\d+)");

  /** oruntests (GNU Octave), which exits 0 whatever failed: {@code FAIL    2} under a file's {@code PASS 6/8} line. */
  private static final Pattern OCTAVE_FAIL = Pattern.compile("^FAIL\\s+(\\d+)$");

  /**
   * Poly/ML reading a Standard ML driver on standard input ({@link StandardMlTests}): a file that does not compile, or a
   * top-level declaration that raised, is reported so and the next one read, and poly exits 0 at the end of its input when
   * the driver's own exit was never reached: {@code Exception- Fail "Static Errors" raised}.
   */
  private static final Pattern POLYML_RAISED = Pattern.compile("^Exception- .+ raised$");

  /**
   * Forth's test words, which report a mismatch with the test's own line and go on; gforth exits 0 at the runner's {@code bye}.
   * Hayes's tester and gforth's ttester: {@code INCORRECT RESULT: T{ 1 2 + -> 4 }T}, {@code WRONG NUMBER OF RESULTS: …},
   * {@code NUMBER OF CELL RESULTS BEFORE AND AFTER '->' DOES NOT MATCH: …}; ffl's tst.fs: {@code stack contents
   * mismatch: t{ s" foo" b64-var b64-encode s" Zm9v" ?str }t} (irdvo/ffl, {@link ForthTests}). The test's own line must follow.
   */
  private static final Pattern FORTH_MISMATCH = Pattern.compile("(?:^|\\s)(?:INCORRECT (?:FP |CELL )?RESULT|WRONG NUMBER OF (?:FP )?RESULTS"
      + "|NUMBER OF (?:FLOAT |CELL )?RESULTS [^:]*|(?:float )?stack (?:contents mismatch|underflow|overflow)): \\s*[Tt]?\\{\\s");
  /** ffl's closing count: {@code Forth Foundation Library Test: 6 errors in 3645 tests took 2161 ms.} */
  private static final Pattern FFL_SUMMARY = Pattern.compile("Test: (\\d+) errors? in \\d+ tests? took \\d+ ms\\.$");

  private String failed;

  /**
   * Whether tcltest reported failed tests but counted none ({@code Total 0}): its test files run in
   * separate interpreters without a closing {@code cleanupTests}, so a passing run would look like
   * one that ran nothing, and no attempt could verify (bef/qmon run as {@code tclsh test/run.tcl}).
   */
  static boolean tcltestUncounted(List<String> lines) {
    boolean failures = false;
    boolean zero = false;
    for (String raw : lines) {
      String line = Colour.strip(raw).strip();
      Matcher m = TCLTEST_SUMMARY.matcher(line);
      failures |= TCLTEST_FAILED.matcher(line).find();
      zero |= m.find() && m.group(1).equals("0");
    }
    return failures && zero;
  }

  /** The summary's count of failures, when above zero: the clearest words for the report. */
  private String summary;

  /** One line of the command's output. */
  synchronized void accept(String raw) {
    String line = Colour.strip(raw).strip();
    Matcher m = TCLTEST_SUMMARY.matcher(line);
    Matcher srfi64 = SRFI64_FAILURES.matcher(line);
    if (m.find()) {
      summary = summary == null && Integer.parseInt(m.group(2)) > 0 ? line.replaceAll("\\s+", " ") : summary;
    } else if (srfi64.find()) {
      summary = summary == null && Integer.parseInt(srfi64.group(1)) > 0 ? line.replaceAll("\\s+", " ") : summary;
    } else if ((m = LISP_FAILURES.matcher(line)).find()) {
      int count = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
      summary = summary == null && count > 0 ? (m.group(1) != null ? "FiveAM: " + line.replaceAll("\\s+", " ") : m.group()) : summary;
    } else if ((m = SCALATEST_FAILED.matcher(line)).find()) {
      summary = summary == null && Integer.parseInt(m.group(1)) > 0 ? "scalatest: " + line.replaceFirst("^\\[\\w+\\] ", "") : summary;
    } else if ((m = HAXE_UNIT_FAILED.matcher(line)).find()) {
      summary = summary == null && Integer.parseInt(m.group(1)) > 0 ? "haxe.unit: " + line : summary;
    } else if ((m = ANT_JUNIT.matcher(line)).find()) {
      summary = summary == null && Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)) > 0 ? "Ant's junit: " + line : summary;
    } else if ((m = OCTAVE_FAIL.matcher(line)).find()) {
      summary = summary == null && Integer.parseInt(m.group(1)) > 0 ? "oruntests: " + line.replaceAll("\\s+", " ") : summary;
    } else if ((m = TestTotals.SML_UNIT_TEST.matcher(line)).find()) {
      summary = summary == null && Integer.parseInt(m.group(2)) > 0 ? "UnitTest: " + line : summary;
    } else if ((m = FFL_SUMMARY.matcher(line)).find()) {
      summary = summary == null && Integer.parseInt(m.group(1)) > 0 ? line : summary;
    } else if ((m = AUNIT_FAILURES.matcher(line)).find()) {
      summary = summary == null && Integer.parseInt(m.group(1)) > 0 ? "AUnit: " + line.replaceAll("\\s+", " ") : summary;
    } else if (failed == null && (TCLTEST_FAILED.matcher(line).find() || TCLTEST_FILE_ERROR.matcher(line).find()
        || PROLOG_SYNTAX_ERROR.matcher(line).find() || POLYML_RAISED.matcher(line).find() || FORTH_MISMATCH.matcher(line).find())) {
      failed = line.replaceAll("\\s+", " ");
    }
  }

  /** The summary line that counts failures, else the first line that says a test failed; empty when none did. */
  synchronized Optional<String> result() {
    return Optional.ofNullable(summary != null ? summary : failed);
  }
}
