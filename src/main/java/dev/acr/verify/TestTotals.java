package dev.acr.verify;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The summaries of GoogleTest, Catch2, go test -v, gotestsum, ExUnit, tasty, XCTest, swift-testing, Zig, Julia's Test,
 * Deno, node:test, Jasmine, uvu, zap, hapi's lab, AVA and Standard ML's UnitTest, read for {@link TestCounts} (apart only to keep each file short),
 * with the same rule: skipped, pending, excluded and broken tests do not count as run. Each format is the runner's own,
 * from its source: what it prints with its usual command.
 */
final class TestTotals {

  /** GoogleTest's total after the run (gtest 1.8 said "test cases"): those it skipped are told after it. */
  private static final Pattern GTEST = Pattern.compile("^\\[==========\\] (\\d+) tests? from \\d+ test (?:suites?|cases?) ran\\.");
  private static final Pattern GTEST_SKIPPED = Pattern.compile("^\\[  SKIPPED \\] (\\d+) tests?, listed below:$");
  private static final Pattern CATCH2_PASSED = Pattern.compile("^All tests passed \\(\\d+ assertions? in (\\d+) test cases?\\)$");
  /** Catch2's table when a test failed or was skipped: the first row counts test cases, each column only when not zero. */
  private static final Pattern CATCH2 = Pattern.compile("^test cases:\\s+(\\d+)((?:\\s+\\|\\s+\\d+ [a-z ]+)*)$");
  private static final Pattern CATCH2_COLUMN = Pattern.compile("\\|\\s+(\\d+) ([a-z ]+?)\\s*(?=\\||$)");
  /** ExUnit: each kind of test ("1 doctest, 3 tests, "), the failures, then any excluded, invalid and skipped. */
  private static final Pattern EXUNIT = Pattern.compile(
      "^((?:\\d+ (?:tests?|doctests?|propert(?:y|ies)), )+)\\d+ failures?((?:, \\d+ (?:excluded|invalid|skipped))*)$");
  private static final Pattern TASTY = Pattern.compile("^(?:All (\\d+) tests passed|\\d+ out of (\\d+) tests failed) \\([\\d.]+s\\)$");
  /** XCTest's "Executed" line of the suite of all tests run (a filter's "Selected tests"); each class and bundle has one too. */
  private static final Pattern XCTEST_ALL = Pattern.compile("^Test Suite '(?:All|Selected) tests' (?:passed|failed) at ");
  private static final Pattern XCTEST = Pattern.compile("^Executed (\\d+) tests?, with (?:(\\d+) tests? skipped and )?\\d+ failures? \\(");
  /** swift-testing's end of run (a symbol first): its count takes in the skipped tests, each named before it. */
  private static final Pattern SWIFT_TESTING = Pattern.compile("^\\S*\\s*Test run with (\\d+) tests?(?: in \\d+ suites?)? (?:passed|failed) after ");
  private static final Pattern SWIFT_TESTING_SKIPPED = Pattern.compile("^\\S*\\s*Test .+ skipped(?:\\.|: \".*\")$");
  /** Zig's test runner ({@code zig test}): the passed exclude the skipped. */
  private static final Pattern ZIG = Pattern.compile("^(?:All (\\d+) tests passed(?: \\(\\d+ skipped\\))?\\.|(\\d+) passed; \\d+ skipped; (\\d+) failed\\.)$");
  /** zig build's summary: "N/M tests passed", then the skipped ("; 1 skipped" before 0.14, "(1 skipped, 1 failed)" since). */
  private static final Pattern ZIG_BUILD = Pattern.compile("^Build Summary: .*?; \\d+/(\\d+) tests passed(.*)$");
  private static final Pattern ZIG_SKIPPED = Pattern.compile("[;(,] ?(\\d+) skipped");
  /** A step of zig build's tree whose result came from its cache: its tests did not run and are not in the summary. */
  private static final Pattern ZIG_CACHED = Pattern.compile("\\brun \\S.* cached$");
  /** A test step of that tree that ran ("run test 4 pass, 1 skip (5 total)"; 0.11: "run test 3 passed", "run test 4/6 passed"). */
  private static final Pattern ZIG_RAN = Pattern.compile("\\brun \\S.* \\d+(?:/\\d+)? pass(?:ed)?\\b");
  private static final Pattern JULIA_HEADER = Pattern.compile("^Test Summary:.*\\|((?:\\s+[A-Z][a-z]+)+)\\s*$");
  private static final Pattern DENO = Pattern.compile("^(?:ok|FAILED) \\| (\\d+) passed(?: \\((\\d+) steps?\\))? \\| (\\d+) failed(?: \\((\\d+) steps?\\))?");
  /** node:test's closing counts, by its spec reporter ("ℹ tests 4") or its TAP one ("# tests 4"). */
  private static final Pattern NODE_TEST = Pattern.compile("^(?:ℹ|#) (tests|skipped|todo) (\\d+)$");
  /**
   * Jasmine's {@code 3 specs, 1 failure, 1 pending spec} (its count takes in the pending) and, for a run of no spec,
   * {@code Incomplete: No specs found} (Jasmine 5 exits 0 after it).
   */
  private static final Pattern JASMINE = Pattern.compile("^(\\d+) specs?, \\d+ failures?(?:, (\\d+) pending specs?)?$");
  private static final Pattern JASMINE_NONE = Pattern.compile("^Incomplete: No specs found$");
  /** uvu's {@code Total:     3}, which leaves out the skipped, then {@code Passed:    2}: read as a pair, "Total:" alone is anyone's. */
  private static final Pattern UVU_TOTAL = Pattern.compile("^Total:\\s+(\\d+)$");
  private static final Pattern UVU_PASSED = Pattern.compile("^Passed:\\s+\\d+$");
  /** zap (CoffeeScript's and node's), which prints a count only when it found no test, and exits 0. */
  private static final String ZAP_NONE = "All of 0 tests passed. Yeah!";
  /** hapi's lab: {@code 3 tests complete}, {@code 1 of 2 tests failed}, each count without the skipped ("(1 skipped)" after it). */
  private static final Pattern LAB = Pattern.compile("^(?:(\\d+) tests complete|\\d+ of (\\d+) tests failed)(?: \\(\\d+ skipped\\))?$");
  /**
   * Standard ML's UnitTest (uenoB/short's unit-test.sml): {@code 215 tests total, 1 tests failed.}. It has no skipping; its
   * driver exits 1 when a test failed, but a driver that ignores {@code UnitTest.main}'s result exits 0 after it.
   */
  static final Pattern SML_UNIT_TEST = Pattern.compile("^(\\d+) tests total, (\\d+) tests failed\\.$");
  /**
   * AVA: each test's line ("✔ title"; a known failure's "✔ [expected fail] title" is not counted), its rule ("─") before its
   * summary, then the failed ("1 test failed": the passed are not told then), the passed when none failed ("20 tests
   * passed"), the known failures, the skipped, the to-do (sindresorhus/camelcase's xo && ava && tsd).
   */
  private static final Pattern AVA_PASSED = Pattern.compile("^✔ (?!\\[expected fail\\] )\\S");
  private static final Pattern AVA_SUMMARY =
      Pattern.compile("^(\\d+) (?:(tests? failed)|(tests? passed)|known failures?|tests? skipped|tests? todo)$");
  /** gotestsum's last line; with --rerun-fails ("DONE 2 runs, ") a rerun test is counted again, so that one is not read. */
  private static final Pattern GOTESTSUM = Pattern.compile("^DONE (\\d+ runs, )?(\\d+) tests?((?:, \\d+ (?:skipped|failures?|errors?))*) in \\S+$");
  /** go test -v: each test and subtest it ran; its package's closing line ends the package's summary. */
  private static final Pattern GO_RUN = Pattern.compile("^=== RUN\\s+\\S");
  private static final Pattern GO_RESULT = Pattern.compile("^--- (?:PASS|FAIL): \\S+ \\(");
  private static final Pattern GO_PACKAGE = Pattern.compile("^(?:ok|FAIL)\\s+\\S+\\s+(?:[\\d.]+s|\\(cached\\)|\\[)");

  /** The tests go test -v said it ran in the package being read; -1 when no {@code === RUN} was seen (plain go test). */
  private int goTests = -1;
  private boolean xctestAll;
  /** The tests swift-testing said it skipped in the run being read. */
  private int swiftSkipped;
  /** The columns of the Julia summary whose first row comes next; null when none does. */
  private List<String> juliaColumns;
  private boolean zigBuild;
  private boolean zigTree;
  private boolean zigCached;
  /** AVA's tests passed so far, whether its rule was read since, and whether its summary was counted. */
  private int avaPassed;
  private boolean avaRule;
  private boolean avaCounted;
  /** uvu's total just read, waiting for the "Passed:" line that makes it uvu's; -1 when none is. */
  private int uvuTotal = -1;

  /** Reads one line, colours stripped, that none of {@link TestCounts}'s own runners' summaries was. */
  void accept(String line, TestCounts counts) {
    Matcher m;
    int uvu = uvuTotal;
    uvuTotal = -1;
    if (juliaColumns != null) {
      List<String> columns = juliaColumns;
      juliaColumns = null;
      if (line.contains("|")) {
        julia(columns, line.substring(line.lastIndexOf('|') + 1).trim().split("\\s+"), counts);
        return;
      }
    }
    if (xctestAll && (m = XCTEST.matcher(line)).find()) {
      xctestAll = false;
      counts.add("xctest", Integer.parseInt(m.group(1)) - (m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
    } else if (XCTEST_ALL.matcher(line).find()) {
      xctestAll = true;
    } else if ((m = SWIFT_TESTING.matcher(line)).find()) {
      counts.add("swift-testing", Integer.parseInt(m.group(1)) - swiftSkipped);
      swiftSkipped = 0;
    } else if (SWIFT_TESTING_SKIPPED.matcher(line).find()) {
      swiftSkipped++;
    } else if (GO_RUN.matcher(line).find()) {
      goTests = Math.max(goTests, 0);
    } else if (GO_RESULT.matcher(line).find()) {
      goTests += goTests < 0 ? 0 : 1;
    } else if (GO_PACKAGE.matcher(line).find()) {
      if (goTests >= 0) {
        counts.add("go", goTests);
      }
      goTests = -1;
    } else if ((m = GOTESTSUM.matcher(line)).find()) {
      if (m.group(1) == null) {
        counts.add("gotestsum", Integer.parseInt(m.group(2)) - TestCounts.counts(m.group(3)).getOrDefault("skipped", 0));
      }
    } else if ((m = GTEST.matcher(line)).find()) {
      counts.add("gtest", Integer.parseInt(m.group(1)));
    } else if ((m = GTEST_SKIPPED.matcher(line)).find()) {
      counts.more("gtest", -Integer.parseInt(m.group(1)));
    } else if ((m = CATCH2_PASSED.matcher(line)).find()) {
      counts.add("catch2", Integer.parseInt(m.group(1)));
    } else if ((m = CATCH2.matcher(line)).find()) {
      Map<String, Integer> c = TestCounts.counts(CATCH2_COLUMN, m.group(2));
      counts.add("catch2", Integer.parseInt(m.group(1)) - c.getOrDefault("skipped", 0) - c.getOrDefault("failed as expected", 0));
    } else if ((m = EXUNIT.matcher(line)).find()) {
      int tests = TestCounts.counts(m.group(1)).values().stream().mapToInt(Integer::intValue).sum();
      Map<String, Integer> off = TestCounts.counts(m.group(2));
      counts.add("exunit", tests - off.getOrDefault("excluded", 0) - off.getOrDefault("skipped", 0));
    } else if ((m = TASTY.matcher(line)).find()) {
      counts.add("tasty", Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
    } else if ((m = ZIG.matcher(line)).find()) {
      counts.add("zig", m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3)));
    } else if ((m = ZIG_BUILD.matcher(line)).find()) {
      Matcher skipped = ZIG_SKIPPED.matcher(m.group(2));
      counts.add("zig", Integer.parseInt(m.group(1)) - (skipped.find() ? Integer.parseInt(skipped.group(1)) : 0));
      zigBuild = true;
    } else if (ZIG_CACHED.matcher(line).find()) {
      zigCached = true;
    } else if (ZIG_RAN.matcher(line).find()) {
      zigTree = true;
    } else if ((m = JULIA_HEADER.matcher(line)).find()) {
      juliaColumns = List.of(m.group(1).trim().split("\\s+"));
    } else if ((m = DENO.matcher(line)).find()) {
      counts.add("deno", number(m.group(1)) + number(m.group(2)) + number(m.group(3)) + number(m.group(4)));
    } else if ((m = JASMINE.matcher(line)).find()) {
      counts.add("jasmine", Integer.parseInt(m.group(1)) - number(m.group(2)));
    } else if (JASMINE_NONE.matcher(line).find()) {
      counts.add("jasmine", 0);
    } else if ((m = UVU_TOTAL.matcher(line)).find()) {
      uvuTotal = Integer.parseInt(m.group(1));
    } else if (uvu >= 0 && UVU_PASSED.matcher(line).find()) {
      counts.add("uvu", uvu);
    } else if ((m = LAB.matcher(line)).find()) {
      counts.add("lab", number(m.group(1)) + number(m.group(2)));
    } else if (AVA_PASSED.matcher(line).find()) {
      avaPassed = avaCounted ? 1 : avaPassed + 1;
      avaCounted = false;
      avaRule = false;
    } else if (line.equals("─")) {
      avaRule = true;
    } else if ((m = AVA_SUMMARY.matcher(line)).find()) {
      if (avaRule && !avaCounted && Integer.parseInt(m.group(1)) > 0) {
        counts.add("ava", m.group(2) != null ? avaPassed + Integer.parseInt(m.group(1)) : m.group(3) != null ? Integer.parseInt(m.group(1)) : 0);
        avaCounted = true;
      }
    } else if ((m = SML_UNIT_TEST.matcher(line)).find()) {
      counts.add("UnitTest", Integer.parseInt(m.group(1)));
    } else if (line.equals(ZAP_NONE)) {
      counts.add("zap", 0);
    } else if ((m = NODE_TEST.matcher(line)).find()) {
      int n = Integer.parseInt(m.group(2));
      if (m.group(1).equals("tests")) {
        counts.add("node:test", n);
      } else {
        counts.more("node:test", -n);
      }
    }
  }

  /**
   * Whether zig build's summary may leave tests out: a step's result came from its cache (its tests did not run and are
   * not counted), or the summary came without the tree that shows each step (--summary line). A --summary new tree hides
   * the cached steps and is not told from --summary all's: such a command is the user's own, acr's passes all.
   */
  boolean zigUncounted() {
    return zigCached || zigBuild && !zigTree;
  }

  /** Julia's first row: one number a column (Pass, Fail, Error, Broken, Total), then the time; broken tests are expected to fail. */
  private static void julia(List<String> columns, String[] values, TestCounts counts) {
    int ran = 0;
    for (int i = 0; i < Math.min(columns.size(), values.length); i++) {
      if (List.of("Pass", "Fail", "Error").contains(columns.get(i)) && values[i].matches("\\d+")) {
        ran += Integer.parseInt(values[i]);
      }
    }
    counts.add("julia", ran);
  }

  private static int number(String s) {
    return s == null ? 0 : Integer.parseInt(s);
  }
}
