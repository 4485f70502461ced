package dev.acr.verify;

import dev.acr.exec.Colour;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many tests a run executed, by the runner's own summary: skipped, pending, to-do and
 * expected-failure tests do not count as executed (an expected failure that passed neither: it is
 * often a flaky test, passing in one run and failing as expected in the next). Compared with the baseline's, it tells a change
 * that makes the tests pass by running fewer of them, whatever the language: the patch scan
 * ({@link DisabledTests}) knows the markers of the runners it knows, and each sweep of real
 * repositories found one it did not (Raku's {@code todo}, Ant's qualified {@code @Ignore}, a deleted
 * {@code ert-deftest}). Only the summaries read here count; a runner that prints none (go test
 * without -v, Gradle) is compared with nothing.
 *
 * <p>Read line by line as the command runs, like {@link NoTests}. Summaries are summed: one per
 * package or module (cargo, Maven's reactor, dotnet, TAP plans) or per invocation ({@code pytest a
 * && pytest b}).
 */
public final class TestCounts {

  private static final Pattern PYTEST = Pattern.compile(
      "^=*\\s*((?:\\d+ (?:passed|failed|errors?|skipped|xfailed|xpassed|deselected|warnings?|rerun)(?:, )?)+) in [\\d.]+s\\b");
  /** What a pytest summary counts of tests (not of warnings or errors): one with any of them is a count. */
  private static final Set<String> PYTEST_TESTS = Set.of("passed", "failed", "skipped", "xfailed", "xpassed", "deselected");
  /** A failing pytest subtest (-v's progress, the short summary, its test's reason): pytest 9 counts it as a test failed. */
  private static final Pattern PYTEST_SUBFAILED = Pattern.compile("\\bSUBFAILED\\b|contains \\d+ failed subtests?\\b");
  private static final Pattern UNITTEST_RAN = Pattern.compile("^Ran (\\d+) tests? in ");
  private static final Pattern UNITTEST_END = Pattern.compile("^(?:OK|FAILED)(?: \\((.*)\\))?$");
  private static final Pattern JEST = Pattern.compile("^Tests:\\s+(.*\\b\\d+ total)$");
  private static final Pattern VITEST = Pattern.compile("^Tests\\s+((?:\\d+ \\w+\\s*\\|?\\s*)+)\\((\\d+)\\)$");
  private static final Pattern MOCHA = Pattern.compile("^(\\d+) (passing|failing|pending)(?: \\([^)]*\\))?$");
  private static final Pattern CARGO = Pattern.compile("^test result: \\w+\\. (\\d+) passed; (\\d+) failed; \\d+ ignored;");
  /** RSpec's and hspec's; Crystal's spec puts its errors before the pending ("3 examples, 0 failures, 0 errors, 1 pending"). */
  private static final Pattern RSPEC = Pattern.compile("^(\\d+) examples?, \\d+ failures?(?:, \\d+ errors?)?(?:, (\\d+) pending)?");
  private static final Pattern MINITEST = Pattern.compile("^(\\d+) runs, \\d+ assertions, \\d+ failures, \\d+ errors, (\\d+) skips");
  private static final Pattern SUREFIRE = Pattern.compile(
      "^(?:\\[(?:INFO|ERROR|WARNING)\\]\\s+)?Tests run: (\\d+), Failures: \\d+, Errors: \\d+, Skipped: (\\d+)$");
  /** Surefire's (and failsafe's) line for a module without a test class, where it prints no count; Maven exits 0. */
  private static final Pattern SUREFIRE_NONE = Pattern.compile("^(?:\\[INFO\\]\\s+)?No tests to run\\.$");
  /** Surefire's line for a test class, which names it last ("... -- in a.ATest", 2.x: "... - in a.ATest"). */
  private static final Pattern SUREFIRE_CLASS = Pattern.compile("^(?:\\[\\w+\\]\\s+)?Tests run: \\d+, .* -?- in ([\\w.$]+)$");
  /** Surefire's line for a failure, which names the test ("a.ATest.one") or, when the class's own code failed, the class. */
  private static final Pattern SUREFIRE_FAILURE = Pattern.compile("^(?:\\[\\w+\\]\\s+)?([\\w.$]+)(?: --|\\s)\\s*Time elapsed: .*<<< (?:ERROR|FAILURE)!$");
  private static final Pattern ANT_JUNIT = Pattern.compile(
      "^\\[junit(?:launcher)?\\] Tests run: (\\d+), Failures: \\d+, Errors: \\d+, Skipped: (\\d+), Time elapsed");
  private static final Pattern PHPUNIT_OK = Pattern.compile("^OK \\((\\d+) tests?, ");
  private static final Pattern PHPUNIT = Pattern.compile("^Tests: (\\d+), Assertions: \\d+(.*)\\.$");
  private static final Pattern PROVE = Pattern.compile("^Files=\\d+, Tests=(\\d+),");
  private static final Pattern CTEST = Pattern.compile("^\\d+% tests passed, \\d+ tests? failed out of (\\d+)$");
  private static final Pattern DOTNET = Pattern.compile(
      "^(?:Passed|Failed)!\\s+-\\s+Failed:\\s+(\\d+), Passed:\\s+(\\d+), Skipped:\\s+\\d+, Total:\\s+\\d+");
  private static final Pattern ERT = Pattern.compile("^Ran (\\d+) tests?, \\d+ results? as expected(.*)$");
  private static final Pattern DART = Pattern.compile("^\\d+:\\d+ \\+(\\d+)(?: ~\\d+)?(?: -(\\d+))?: (?:All tests passed!|Some tests failed\\.)");
  /** A failing setUpAll or tearDownAll, which Dart counts as a failed test: named once per error it threw. */
  private static final Pattern DART_FIXTURE = Pattern.compile("^\\d+:\\d+ \\+\\d+(?: ~\\d+)?(?: -\\d+)?: (.*\\((?:setUpAll|tearDownAll)\\)) \\[E\\]$");
  /** A failure in mocha's list or its spec reporter's progress: its number, then the title ("1) clamp", "2) \"after all\" hook"). */
  private static final Pattern MOCHA_FAILURE = Pattern.compile("^(\\d+)\\) ");
  /** A failing mocha hook, counted in "failing" though it is no test: named on the failure's line or the next. */
  private static final Pattern MOCHA_HOOK = Pattern.compile("\"(?:before|after) (?:all|each)\" hook\\b[^:]*");
  private static final Pattern TAP_PLAN = Pattern.compile("^1\\.\\.(\\d+)\\b");
  private static final Pattern TAP_OFF = Pattern.compile("^(?:not )?ok\\b.*#\\s*(?i:skip|todo)\\b");
  private static final Pattern COUNT = Pattern.compile("(\\d+) ([a-z]+)");

  /**
   * What a runner's summaries said: the tests they counted as executed, and how many summaries there were (one per
   * invocation, test binary, module or TAP stream).
   */
  public record Count(int ran, int summaries) {}

  /** By runner: only the same runner's counts are compared. */
  private final Map<String, Count> ran = new LinkedHashMap<>();
  /** unittest's "Ran N", waiting for the OK/FAILED line that says how many of them were skipped. */
  private int unittestPending = -1;
  /**
   * Whether a pytest subtest failed: pytest 9 counts it in "failed" besides its test (two tests with a failing subtest
   * each: "3 failed, 1 passed"; fixed: "2 passed"), so the run's pytest count is not one of tests and is not compared.
   */
  private boolean pytestSubtestFailed;
  /** The test class surefire last reported on, and how many failures were of a class's own code, not of a test. */
  private String surefireClass;
  private int surefireClassFailures;
  /** The setUpAll and tearDownAll Dart counted as failed tests ("(tearDownAll) [E]", "test/a_test.dart: (setUpAll) [E]"). */
  private final Set<String> dartFixtureFailures = new HashSet<>();
  /** The number of mocha's failure last named, and the failures that were hooks ("1 \"after all\" hook for \"b\""). */
  private String mochaFailure = "";
  private final Set<String> mochaHookFailures = new HashSet<>();
  /** The runners read apart ({@link TestTotals}): GoogleTest, Catch2, go test -v, ExUnit, Swift's, Zig, Julia and more. */
  private final TestTotals totals = new TestTotals();

  /** Reads one line of the command's output. */
  public synchronized void accept(String raw) {
    String line = Colour.strip(raw).strip();
    Matcher m;
    if (PYTEST_SUBFAILED.matcher(line).find()) {
      pytestSubtestFailed = true;
    }
    if ((m = DART_FIXTURE.matcher(line)).find()) {
      dartFixtureFailures.add(m.group(1));
    }
    if ((m = MOCHA_FAILURE.matcher(line)).find()) {
      mochaFailure = m.group(1);
    }
    if ((m = MOCHA_HOOK.matcher(line)).find()) {
      // A failing after() or afterEach() adds a failure to tests that passed; fixed, it adds none: counted, the fix ran fewer.
      mochaHookFailures.add(mochaFailure + " " + m.group());
    }
    if ((m = SUREFIRE_CLASS.matcher(line)).find()) {
      surefireClass = m.group(1);
    } else if ((m = SUREFIRE_FAILURE.matcher(line)).find() && m.group(1).equals(surefireClass)) {
      // A failing @AfterAll (JUnit 5, surefire 3.3.1): "Tests run: 3, ..., Errors: 1" for a class of two tests, counted
      // as a test in the totals too; the fix that makes it pass prints "Tests run: 2".
      surefireClassFailures++;
    }
    if ((m = PYTEST.matcher(line)).find()) {
      Map<String, Integer> c = counts(m.group(1));
      if (c.keySet().stream().anyMatch(PYTEST_TESTS::contains)) {
        // Not errors: a failing test whose teardown also fails is "1 failed, 1 error", one test.
        // Nor xpassed: an expected failure, often a flaky test, that passed this time (and is xfailed the next).
        // A summary of skipped tests only ("5 skipped in 0.1s") counts none run; one of warnings alone is no test's.
        add("pytest", c.getOrDefault("passed", 0) + c.getOrDefault("failed", 0));
      }
    } else if ((m = UNITTEST_RAN.matcher(line)).find()) {
      unittestPending = Integer.parseInt(m.group(1));
    } else if (unittestPending >= 0 && (m = UNITTEST_END.matcher(line)).find()) {
      String details = m.group(1) == null ? "" : m.group(1);
      add("unittest", unittestPending - number(details, "skipped=(\\d+)") - number(details, "expected failures=(\\d+)")
          - number(details, "unexpected successes=(\\d+)"));
      unittestPending = -1;
    } else if ((m = JEST.matcher(line)).find()) {
      Map<String, Integer> c = counts(m.group(1));
      add("jest", c.getOrDefault("total", 0) - c.getOrDefault("skipped", 0) - c.getOrDefault("todo", 0));
    } else if ((m = VITEST.matcher(line)).find()) {
      Map<String, Integer> c = counts(m.group(1));
      add("vitest", Integer.parseInt(m.group(2)) - c.getOrDefault("skipped", 0) - c.getOrDefault("todo", 0));
    } else if ((m = MOCHA.matcher(line)).find()) {
      // One summary: "N passing" always, then "M pending" and "K failing" when there are any. Counted as two, a failing
      // baseline ("3 passing", "1 failing") was never compared with its fix ("4 passing").
      if (m.group(2).equals("passing")) {
        add("mocha", Integer.parseInt(m.group(1)));
      } else if (m.group(2).equals("failing")) {
        more("mocha", Integer.parseInt(m.group(1)));
      }
    } else if ((m = CARGO.matcher(line)).find()) {
      add("cargo", Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)));
    } else if ((m = RSPEC.matcher(line)).find()) {
      add("rspec", Integer.parseInt(m.group(1)) - (m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
    } else if ((m = MINITEST.matcher(line)).find()) {
      add("minitest", Integer.parseInt(m.group(1)) - Integer.parseInt(m.group(2)));
    } else if ((m = SUREFIRE.matcher(line)).find()) {
      add("surefire", Integer.parseInt(m.group(1)) - Integer.parseInt(m.group(2)));
    } else if (SUREFIRE_NONE.matcher(line).find()) {
      add("surefire", 0);
    } else if ((m = ANT_JUNIT.matcher(line)).find()) {
      add("ant-junit", Integer.parseInt(m.group(1)) - Integer.parseInt(m.group(2)));
    } else if ((m = PHPUNIT_OK.matcher(line)).find()) {
      add("phpunit", Integer.parseInt(m.group(1)));
    } else if ((m = PHPUNIT.matcher(line)).find()) {
      add("phpunit", Integer.parseInt(m.group(1)) - number(m.group(2), "Skipped: (\\d+)") - number(m.group(2), "Incomplete: (\\d+)"));
    } else if ((m = PROVE.matcher(line)).find()) {
      add("prove", Integer.parseInt(m.group(1)));
    } else if ((m = CTEST.matcher(line)).find()) {
      add("ctest", Integer.parseInt(m.group(1)));
    } else if ((m = DOTNET.matcher(line)).find()) {
      add("dotnet", Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)));
    } else if ((m = ERT.matcher(line)).find()) {
      add("ert", Integer.parseInt(m.group(1)) - number(m.group(2), "(\\d+) skipped"));
    } else if ((m = DART.matcher(line)).find()) {
      add("dart", Integer.parseInt(m.group(1)) + (m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
    } else if ((m = TAP_PLAN.matcher(line)).find()) {
      add("tap", Integer.parseInt(m.group(1)));
    } else if (TAP_OFF.matcher(line).find()) {
      // A TAP test the stream marks skipped or to-do: not run, and no summary of its own.
      more("tap", -1);
    } else {
      totals.accept(line, this);
    }
  }

  /** Executed tests by runner, for the summaries seen; empty when the output had none acr reads. */
  public synchronized Map<String, Count> result() {
    Map<String, Count> result = new LinkedHashMap<>(ran);
    if (pytestSubtestFailed) {
      result.remove("pytest");
    }
    result.computeIfPresent("surefire", (k, c) -> new Count(c.ran() - surefireClassFailures, c.summaries()));
    result.computeIfPresent("dart", (k, c) -> new Count(c.ran() - dartFixtureFailures.size(), c.summaries()));
    result.computeIfPresent("mocha", (k, c) -> new Count(c.ran() - mochaHookFailures.size(), c.summaries()));
    if (totals.zigUncounted()) {
      result.remove("zig");
    }
    return Map.copyOf(result);
  }

  /**
   * Where {@code attempt} (a run's {@link #result}) executed fewer tests than {@code baseline} under the same runner, said for
   * the user ("pytest ran 9 tests where the baseline ran 10"); null when no runner's count fell. Only where both printed
   * as many summaries: a command that prints its log again when it fails (automake's test-suite.log) counts the same
   * tests twice, and a test file deleted whole is the patch scan's to tell ({@link DisabledTests}).
   */
  public static String fewer(Map<String, Count> baseline, Map<String, Count> attempt) {
    for (Map.Entry<String, Count> b : baseline.entrySet()) {
      Count a = attempt.get(b.getKey());
      if (a != null && a.summaries() == b.getValue().summaries() && a.ran() < b.getValue().ran()) {
        return b.getKey() + " ran " + a.ran() + " test" + (a.ran() == 1 ? "" : "s") + " where the baseline ran " + b.getValue().ran();
      }
    }
    return null;
  }

  /** A summary of {@code runner}'s that counted {@code n} tests run. */
  void add(String runner, int n) {
    ran.merge(runner, new Count(n, 1), (x, y) -> new Count(x.ran() + y.ran(), x.summaries() + y.summaries()));
  }

  /** {@code n} tests more run (fewer when negative) for the summary of {@code runner}'s being read: no summary of their own. */
  void more(String runner, int n) {
    ran.merge(runner, new Count(n, 0), (x, y) -> new Count(x.ran() + y.ran(), x.summaries()));
  }

  static Map<String, Integer> counts(String text) {
    return counts(COUNT, text);
  }

  /** The numbers {@code p} finds in {@code text} (its first group), by what they count (its second), summed. */
  static Map<String, Integer> counts(Pattern p, String text) {
    Map<String, Integer> c = new LinkedHashMap<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      c.merge(m.group(2), Integer.parseInt(m.group(1)), Integer::sum);
    }
    return c;
  }

  private static int number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }
}
