package dev.acr.verify;

import static dev.acr.verify.MoreSummaries.*;

import dev.acr.exec.Colour;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a test command that ran no test at all, from the summary lines the common runners print.
 * Such a command exits 0 for any change (Python 3.11's unittest says "Ran 0 tests" and "OK"), so
 * it would "verify" whatever an agent did, or an agent that deleted the tests: acr counts it as
 * not passing, and stops before any agent when the baseline already runs nothing.
 *
 * <p>Conservative: one runner's line saying it ran something (a count above zero, a pass or a
 * failure) means tests ran, so a command that runs several suites, one of them empty, still counts.
 */
public final class NoTests {
  private static final Pattern UNITTEST = Pattern.compile("^Ran (\\d+) tests? in ");
  private static final Pattern PYTEST_NONE = Pattern.compile("^=*\\s*no tests ran in [\\d.]+s");
  /** pytest's last line, with or without -q: {@code 3 passed, 1 failed in 0.12s}, {@code ===== 2 passed in 0.01s =====}. */
  private static final Pattern PYTEST_RAN =
      Pattern.compile("^=*\\s*\\d+ (?:passed|failed|errors?|skipped|xfailed|xpassed|deselected)\\b.* in [\\d.]+s");
  /** What a pytest summary counts of tests that ran, to a result. */
  private static final Set<String> PYTEST_RESULTS = Set.of("passed", "failed", "error", "errors", "xpassed");
  private static final Pattern CARGO = Pattern.compile("^running (\\d+) tests?$");
  private static final Pattern GO_NONE = Pattern.compile("^\\?\\s+\\S+\\s+\\[no test files\\]$");
  private static final Pattern GO_RAN = Pattern.compile("^(?:ok|FAIL|---|panic:)\\s");
  /** Jest's {@code No tests found, exiting with code 1}, Vitest's {@code No test files found, exiting with code 1}. */
  private static final Pattern JEST_NONE = Pattern.compile("^No tests? (?:files )?found, exiting with code");
  /** RSpec's {@code 3 examples, 0 failures} and minitest's {@code 3 runs, 5 assertions, 0 failures}. */
  private static final Pattern RUBY = Pattern.compile("^(\\d+) (?:examples?, \\d+ failures?|runs, \\d+ assertions)");
  /** PHPUnit: {@code No tests executed!}, or a count: {@code OK (3 tests, 5 assertions)}, {@code Tests: 3, Assertions: 4, Failures: 1.}. */
  private static final Pattern PHPUNIT_NONE = Pattern.compile("^No tests executed!");
  private static final Pattern PHPUNIT = Pattern.compile("^(?:OK \\((\\d+) tests?,|Tests: (\\d+), Assertions:)");
  /** Jest's {@code Tests:       1 failed, 20 passed, 21 total} and Vitest's {@code Tests  1 failed | 20 passed (21)}: their counts decide. */
  private static final Pattern JEST_RAN = Pattern.compile("^Tests:?\\s+(?:\\d+ \\w+\\s*[,|]\\s*)*\\d+ (?:passed|failed|skipped|todo)\\b");
  /**
   * prove's summary {@code Files=8, Tests=27, 1 wallclock secs (...)}; with no test file, {@code
   * Files=0, Tests=0} (and exit 0). The files count, not the tests: a test file that dies before
   * its first test (the module under repair does not compile) gives {@code Files=1, Tests=0}, a
   * failure for an agent to fix.
   */
  private static final Pattern PROVE = Pattern.compile("^Files=(\\d+), Tests=\\d+,");
  /**
   * ExUnit's summary: {@code 1 doctest, 3 tests, 0 failures}, {@code 2 properties, 5 tests, 1 failure (1 excluded)};
   * doctests and properties are tests too. A test module without a test prints {@code 0 failures} alone, and
   * {@code mix test} with no test file {@code There are no tests to run}; both exit 0.
   */
  private static final Pattern EXUNIT = Pattern.compile("^(?:(\\d+) doctests?, )?(?:(\\d+) propert(?:y|ies), )?(\\d+) tests?, \\d+ failures?");
  private static final Pattern EXUNIT_NONE = Pattern.compile("^(?:There are no tests to run$|0 failures(?:,? \\(?\\d+ excluded\\)?)?$)");
  /**
   * busted's summary {@code 49 successes / 1 failure / 0 errors / 0 pending : 0.07 seconds}. Errors
   * alone say nothing: a spec that cannot load the module under repair is one (a failure for an
   * agent to fix), and so is busted's own {@code No test files found matching Lua pattern: _spec}
   * (exit 1), which says no test ran.
   */
  private static final Pattern BUSTED = Pattern.compile("^(\\d+) success(?:es)? / (\\d+) failures? / (\\d+) errors? / \\d+ pending\\b");
  private static final Pattern BUSTED_NONE =
      Pattern.compile("^Error -> (?:No test files found matching Lua pattern|Cannot find file or directory: )");
  /** Alcotest's last line: {@code Test Successful in 0.040s. 27 tests run.}, {@code 1 failure! in 0.058s. 27 tests run.} */
  private static final Pattern ALCOTEST = Pattern.compile("^(?:Test Successful|\\d+ failures?!) in [\\d.]+s\\. (\\d+) tests? run\\.");
  /**
   * cabal's summary {@code 1 of 1 test suites (1 of 1 test cases) passed.}: suites that ran, passing or not;
   * a package without a test-suite gives {@code No tests to run for the package hsx-0.1} and exit 0.
   */
  private static final Pattern CABAL = Pattern.compile("^\\d+ of (\\d+) test suites");
  private static final Pattern CABAL_NONE = Pattern.compile("^No tests to run for the package ");
  /** testthat's summary {@code [ FAIL 0 | WARN 0 | SKIP 0 | PASS 609 ]}: failures and passes are tests that ran. */
  private static final Pattern TESTTHAT = Pattern.compile("^\\[ FAIL (\\d+) \\| WARN \\d+ \\| SKIP \\d+ \\| PASS (\\d+) \\]");
  /** rebar3 eunit's count without failures, {@code 0 tests} for none; CTest's {@code 100% tests passed, 0 tests failed out of 12}. */
  private static final Pattern COUNT_ALONE = Pattern.compile("^(\\d+) tests?$|^\\d+% tests passed, \\d+ tests? failed out of (\\d+)");
  /** CTest with no test added: {@code No tests were found!!!} (and exit 0). */
  private static final Pattern CTEST_NONE = Pattern.compile("^No tests were found!!!");
  /** A TAP plan ({@code bats} into a pipe, node's TAP reporter): {@code 1..0} plans no test at all. */
  private static final Pattern TAP_PLAN = Pattern.compile("^1\\.\\.(\\d+)(?:\\s*#.*)?$");
  /**
   * clojure.test's {@code Ran 55 tests containing 293 assertions.} (lein test, the Clojure CLI's
   * runners), tcltest's {@code all.tcl:	Total	22	Passed	22	Skipped	0	Failed	0}, and druntime's
   * {@code 5 modules passed unittests} (dub test). tcltest counts only what each test file reports
   * back, so a failed test's own line ({@link SummaryFailures#TCLTEST_FAILED}) also says tests ran. AUnit's (Ada)
   * {@code Total Tests Run:   23}, one per runner a test program calls. Buttercup's {@code Ran 1446 out of 1471 specs, 0 failed, in
   * 67.19s.} (Emacs Lisp); oruntests' {@code dimfun.m ..... PASS 6/8} per file (GNU Octave), whose
   * {@code The following files in /x have no tests:} alone says none ran.
   */
  private static final Pattern MORE_COUNTS = Pattern.compile(
      "^Ran (\\d+) tests? containing \\d+ assertions?\\.|^\\S+:\\s+Total\\s+(\\d+)\\s+Passed\\s|^(\\d+) modules? passed unittests$"
      + "|^Total Tests Run:\\s+(\\d+)$|^Ran (\\d+)(?: out of \\d+)? specs?, |^\\S+\\.m \\.+ PASS\\s+\\d+/(\\d+)$");
  private static final Pattern OCTAVE_NONE = Pattern.compile("^The following files in .+ have no tests:$");
  /**
   * raco test's summary of rackunit's checks: {@code 7 tests passed}, {@code 1/7 test failures}. A run
   * of modules without a check prints neither, only the modules it ran ({@code raco test: "./info.rkt"}),
   * and exits 0: then it ran no test (threading-lib of lexi-lambda/threading, whose tests are in threading-test).
   */
  private static final Pattern RACKUNIT = Pattern.compile("^(\\d+) tests? passed$|^\\d+/(\\d+) tests? failures?$");
  private static final String RACO_MODULE = "raco test: ";
  private static final Pattern CRYSTAL_SPEC = Pattern.compile("^\\s*crystal\\s+spec\\b");
  /** RSpec's {@code 0 examples, 0 failures, 1 error occurred outside of examples}: a spec failed to load, which is a failure. */
  private static final String OUTSIDE_OF_EXAMPLES = "occurred outside of examples";

  private String none;
  /** Whether a runner whose tests {@link TestCounts} does not count said it ran one. */
  private boolean ran;
  /**
   * The runners {@link TestCounts} counts whose summary said tests ran (unittest's {@code Ran 5 tests}, RSpec's {@code 5
   * examples, 0 failures, 5 pending}, pytest's {@code 5 skipped in 0.1s}): their counts, which leave out the skipped, decide.
   */
  private final Set<String> claimed = new TreeSet<>();
  /** Whether raco test named a module it ran. */
  private boolean raco;
  /**
   * Whether the command is Crystal's spec runner, which without a spec file prints nothing and exits 0
   * (Crystal 1.6): for it, no summary means no spec ran.
   */
  private final boolean crystalSpec;
  /**
   * Whether the command is acr's own for an autotools project: a tree whose Makefile.am files set no TESTS builds and passes
   * {@code make check} without any summary, so for it no summary means no test ran.
   */
  private final boolean autotools;
  /** Whether automake's harness printed its summary. */
  private boolean automake;
  /** The first SRFI-64 suite that started, when one did. */
  private String srfi64Suite;
  /**
   * Whether the command was detected for SRFI-64 test files reporting through SRFI-64's own runner: a run of them that
   * starts no suite ran no test (a test file emptied, a makefile's check recipe turned into a no-op).
   */
  private final boolean srfi64;
  /** Whether the command was detected for an ASDF test-op whose framework's summary acr reads: a run without one ran no test. */
  private final boolean asdfSummary;
  /**
   * Whether the command is the detected {@code sbt test}: sbt 1.10 with no test class prints no test line at all and exits 0
   * (a stand-in that deleted src/test was verified before this), so for it no summary means no test ran.
   */
  private final boolean sbt;
  /** Whether the command is the detected {@code zig build test}, whose Build Summary counts the tests it ran. */
  private final boolean zigBuild;
  /** zig build's Build Summary line when it counted no test. */
  private String zigUncounted;

  NoTests() {
    this("");
  }

  /** A scan of the output of {@code command}. */
  public NoTests(String command) {
    this(command, "");
  }

  /** A scan of the output of {@code command}, which came from {@code source} ({@link VerifyCommand#source()}). */
  public NoTests(String command, String source) {
    this.crystalSpec = CRYSTAL_SPEC.matcher(command).find();
    this.autotools = command.equals(Autotools.COMMAND) || command.equals(Autotools.COPY_COMMAND);
    this.srfi64 = source.startsWith("detected: ") && source.endsWith(GuileTests.SIMPLE_RUNNER);
    this.asdfSummary = source.startsWith("detected: ") && source.endsWith(CommonLispTests.READ_SUMMARY);
    this.zigBuild = source.startsWith("detected: ") && command.equals(LanguageToolchains.ZIG_BUILD_TEST);
    this.sbt = source.startsWith("detected: ") && command.startsWith("sbt ") && command.endsWith(" test");
  }

  /** What a command's output says when it exited 0: the line or count that says no test ran, else empty. */
  public static Optional<String> in(List<String> lines) {
    NoTests scan = new NoTests();
    TestCounts counts = new TestCounts();
    lines.forEach(line -> {
      scan.accept(line);
      counts.accept(line);
    });
    return scan.result(0, counts.result());
  }

  /** Reads one line of the test command's output (fed as it comes, so a long log is never held). */
  public synchronized void accept(String raw) {
    // sbt's level ([info] Tests: succeeded 0, ...) says nothing of the count, nor should the reason it gives.
    String line = SBT_LEVEL.matcher(Colour.strip(raw).strip()).replaceFirst("");
    Matcher m;
    if (line.contains(OUTSIDE_OF_EXAMPLES)) {
      ran = true;
    } else if ((m = MORE_COUNTS.matcher(line)).find()) {
      count(line, m, 6);
    } else if (DRUNTIME_FAILED.matcher(line).find() || SummaryFailures.TCLTEST_FAILED.matcher(line).find()) {
      ran = true;
    } else if ((m = MESON.matcher(line)).find()) {
      if (Integer.parseInt(m.group(2)) > 0) {
        ran = true;
      } else if (m.group(1).equals("Ok")) {
        none = none == null ? "meson test: Ok: 0" : none;
      }
    } else if ((m = AUTOMAKE.matcher(line)).find()) {
      automake = true;
      if (Integer.parseInt(m.group(2)) > 0) {
        ran = true;
      } else if (m.group(1).equals("PASS")) {
        none = none == null ? "make check: # PASS: 0" : none;
      }
    } else if (autotools && (m = AUTOMAKE_SERIAL.matcher(line)).find()) {
      automake = true;
      if (Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)) > 0) {
        ran = true;
      }
    } else if ((m = SRFI64.matcher(line)).find()) {
      if (Integer.parseInt(m.group(2)) > 0 && !m.group(1).equals("skipped tests")) {
        ran = true;
      } else {
        none = none == null ? line.replaceAll("\\s+", " ") : none;
      }
    } else if ((m = SRFI64_START.matcher(line)).find()) {
      srfi64Suite = srfi64Suite == null ? m.group(1) : srfi64Suite;
    } else if ((m = FIVEAM.matcher(line)).find()) {
      int count = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(3));
      if (count > 0 && m.group(2) != null && !m.group(2).equals("Skip")) {
        ran = true;
      } else if ((count == 0 && m.group(1) != null) || (count > 0 && "Skip".equals(m.group(2)))) {
        none = none == null ? line.replaceAll("\\s+", " ") : none;
      }
    } else if ((m = ZIG_BUILD.matcher(line)).find()) {
      if (m.group(1) != null) {
        Matcher failed = ZIG_BUILD_FAILED.matcher(line);
        int counted = Integer.parseInt(m.group(1)) + (failed.find() ? Integer.parseInt(failed.group(1)) : 0);
        if (counted > 0) {
          ran = true;
        } else {
          none = none == null ? line : none;
        }
      } else {
        zigUncounted = zigUncounted == null ? line : zigUncounted;
      }
    } else if ((m = SBT.matcher(line)).find() || (m = SCALATEST.matcher(line)).find() || (m = SCALA_OTHERS.matcher(line)).find()
        || (m = ZIG.matcher(line)).find()
        || (m = SWIFT.matcher(line)).find() || (m = DART.matcher(line)).find() || (m = JULIA.matcher(line)).find()) {
      count(line, m, m.groupCount());
    } else if ((m = EXUNIT.matcher(line)).find()) {
      count(line, m, m.groupCount());
    } else if (line.startsWith(RACO_MODULE)) {
      raco = true;
    } else if ((m = RACKUNIT.matcher(line)).find()) {
      count(line, m, 2);
    } else if ((m = TESTTHAT.matcher(line)).find() || (m = DENO.matcher(line)).find()) {
      count(line, m, 2);
    } else if ((m = PLUNIT.matcher(line)).find()) {
      if (m.group(1) == null) {
        ran = true; // "test passed": one ran
      } else {
        count(line, m, 1);
      }
    } else if ((m = BUSTED.matcher(line)).find()) {
      if (Integer.parseInt(m.group(3)) == 0 || Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)) > 0) {
        count(line, m, 2); // successes and failures
      }
    } else if ((m = UNITTEST.matcher(line)).find() || (m = CARGO.matcher(line)).matches() || (m = RUBY.matcher(line)).find()
        || (m = PHPUNIT.matcher(line)).find() || (m = PROVE.matcher(line)).find() || (m = TAP_PLAN.matcher(line)).find()
        || (m = ALCOTEST.matcher(line)).find() || (m = LISP_COUNTS.matcher(line)).find() || (m = CABAL.matcher(line)).find()
        || (m = COUNT_ALONE.matcher(line)).find()) {
      if (Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)) == 0) {
        none = none == null ? line : none;
      } else {
        ran(counted(m.pattern(), line));
      }
    } else if (PYTEST_NONE.matcher(line).find() || GO_NONE.matcher(line).matches() || JEST_NONE.matcher(line).find()
        || PHPUNIT_NONE.matcher(line).find() || EXUNIT_NONE.matcher(line).find() || BUSTED_NONE.matcher(line).find()
        || CABAL_NONE.matcher(line).find() || CTEST_NONE.matcher(line).find() || NIMBLE_NONE.matcher(line).find()
        || PLUNIT_NONE.matcher(line).find() || MESON_NONE.matcher(line).find() || FIVEAM_NONE.matcher(line).find()
        || DENO_NONE.matcher(line).find() || line.equals(NodeWorkspace.NONE_CHANGED) || SBT_NONE.matcher(line).find()
        || DART_NONE.matcher(line).find() || OCTAVE_NONE.matcher(line).find()) {
      none = none == null ? line : none;
    } else if (PYTEST_RAN.matcher(line).find()) {
      // Skipped, deselected or xfailed tests alone ran none: pytest exits 5 when a module-level skip left nothing
      // collected ("1 skipped in 0.16s", pytest.importorskip of a package not installed), else 0.
      if (TestCounts.counts(line).keySet().stream().anyMatch(PYTEST_RESULTS::contains)) {
        claimed.add("pytest");
      } else {
        none = none == null ? line : none;
      }
    } else if (JEST_RAN.matcher(line).find()) {
      claimed.add(line.startsWith("Tests:") ? "jest" : "vitest");
    } else if (GO_RAN.matcher(line).find()) {
      claimed.add("go"); // counted only under go test -v: there a package of skipped tests counts none
    }
  }

  /** The name {@link TestCounts} counts the runner of a summary matched by {@code p} under, or null when it counts none. */
  private static String counted(Pattern p, String line) {
    return p == UNITTEST ? "unittest" : p == CARGO ? "cargo" : p == PHPUNIT ? "phpunit" : p == TAP_PLAN ? "tap"
        : p == RUBY ? (line.contains(" runs, ") ? "minitest" : "rspec") : null;
  }

  /** A summary said tests ran: {@code runner}'s, when TestCounts counts it (null: one it does not). */
  private void ran(String runner) {
    if (runner == null) {
      ran = true;
    } else {
      claimed.add(runner);
    }
  }

  /** A summary whose groups 1 to {@code last} are counts: any above zero means tests ran, all zero that none did. */
  private void count(String line, Matcher m, int last) {
    int total = 0;
    for (int g = 1; g <= last; g++) {
      total += m.group(g) == null ? 0 : Integer.parseInt(m.group(g));
    }
    if (total > 0) {
      ran = true;
    } else {
      none = none == null ? line : none;
    }
  }

  /** What {@link #in} says, for the lines read so far, of a command that exited 0. */
  public synchronized Optional<String> result() {
    return result(0);
  }

  /**
   * What the lines read so far say of a command that ended with {@code exitCode}. A run that only
   * lacks a count (raco test's modules without a rackunit check, crystal spec without a spec file)
   * ran none when it exited 0; when it failed, a module or a spec that did not compile is why, and
   * that is a failure for an agent to fix.
   */
  public synchronized Optional<String> result(int exitCode) {
    return result(exitCode, ran || !claimed.isEmpty());
  }

  private Optional<String> result(int exitCode, boolean ran) {
    if (exitCode == 0 && !ran && none == null && raco) {
      return Optional.of("raco test counted no rackunit check");
    }
    if (exitCode == 0 && !ran && none == null && crystalSpec) {
      return Optional.of("crystal spec printed no summary: no spec file ran");
    }
    if (exitCode == 0 && !ran && none == null && autotools && !automake) {
      return Optional.of("make check printed no test-suite summary: no Makefile.am sets TESTS");
    }
    if (exitCode == 0 && !ran && none == null && srfi64Suite != null) {
      return Optional.of("SRFI-64 counted no test (suite " + srfi64Suite + ")");
    }
    if (exitCode == 0 && !ran && none == null && srfi64) {
      return Optional.of("no SRFI-64 suite started (no %%%% Starting test line)");
    }
    if (exitCode == 0 && !ran && none == null && asdfSummary) {
      return Optional.of("ASDF's test-op printed no FiveAM or RT summary: no test ran");
    }
    if (exitCode == 0 && !ran && none == null && sbt) {
      return Optional.of("sbt printed no test summary: no test class ran");
    }
    if (exitCode == 0 && !ran && none == null && zigBuild && zigUncounted != null) {
      return Optional.of("zig build test counted no test (" + zigUncounted + "): its test step builds the tests but runs none");
    }
    return ran || none == null ? Optional.empty() : Optional.of(none.replaceAll("^=+\\s*|\\s*=+$", ""));
  }

  /**
   * What the lines read so far say with the runners' counts of executed tests ({@code counts}, {@link TestCounts#result}),
   * which leave out the skipped: a run that exited 0, in which no count is above zero and no runner that TestCounts does
   * not count said it ran a test, ran none. So mocha's {@code 0 passing}, Jasmine's {@code No specs found}, uvu's {@code
   * Total: 0}, zap's {@code All of 0 tests passed} and Maven's {@code No tests to run.} need no line here (xml2js's {@code
   * npm test}, zap without the coffee-script it looks for, ran nothing and "verified" a stand-in's breaking change before
   * this), and a suite whose every test was skipped (pytest's {@code 5 skipped}, unittest's {@code OK (skipped=5)}) ran none.
   */
  public synchronized Optional<String> result(int exitCode, Map<String, TestCounts.Count> counts) {
    // A count without a summary of its own (TAP's skipped lines with no plan read) says nothing of the run.
    Set<String> summarised = new TreeSet<>();
    counts.forEach((runner, c) -> {
      if (c.summaries() > 0) {
        summarised.add(runner);
      }
    });
    if (ran || counts.values().stream().anyMatch(c -> c.ran() > 0) || !summarised.containsAll(claimed)) {
      return Optional.empty();
    }
    if (exitCode == 0 && none == null && !summarised.isEmpty()) {
      // A runner that said it ran tests, and counted none of them run, skipped them all.
      return Optional.of(String.join(" and ", summarised) + (claimed.isEmpty() ? " ran 0 tests"
          : " ran none of the tests it found: each was skipped, pending or to-do"));
    }
    return result(exitCode, false);
  }

}
