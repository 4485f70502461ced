package dev.acr.verify;

import dev.acr.exec.Colour;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The failing tests a test command's output names, line by line as it runs: so a baseline can say
 * which tests fail before any change, and an attempt's failures can be compared with them. Each
 * pattern is one runner's line for one failing test, its first group the test's name (not a line
 * number or a duration, which an unrelated change may move). A runner not listed here names
 * nothing: then nothing is compared and acr behaves as without this.
 */
final class FailingTests {

  /** At most this many names are kept; past it the list is marked incomplete and compares with nothing. */
  static final int KEPT = 200;

  /**
   * TAP (bats, prove): {@code not ok 80 non-writable shims directory}; not a TODO or a SKIP, which
   * TAP counts as passing. The Verifier also uses it to find failures scrolled out of sight.
   */
  static final Pattern TAP_NOT_OK = Pattern.compile("^not ok \\d+ (?!.*#\\s*(?:TODO|SKIP))(?:- )?(.+?)(?:\\s+#.*)?$");

  /** GoogleTest's line for a failing test (below); a test's name may end in a type's, {@code UninstantiatedParameterizedTestSuite<ClampParam>}. */
  private static final Pattern GTEST = Pattern.compile("^\\[ {2}FAILED {2}\\] ([A-Za-z_][\\w/.]*(?:<[^>]*>)?)(?:, where .*| \\(\\d+ ms\\))?$");
  /** ctest's summary, per failing test (below). */
  private static final Pattern CTEST = Pattern.compile("^\\s*\\d+ - (\\S+) \\((?:Failed|SEGFAULT|Timeout|Subprocess aborted|Exception|Not Run)\\)");
  /** ctest's line as a test ends, its output below it with --output-on-failure: {@code 1/2 Test #1: unit ......***Failed    0.02 sec}. */
  private static final Pattern CTEST_ENDED = Pattern.compile("^\\s*\\d+/\\d+ Test\\s+#\\d+: (\\S+) ");
  /**
   * The ctest test whose output is being read, and those whose output named GoogleTest's failing tests: ctest's summary then
   * names the program beside them, one failure counted twice ("3 tests (ClampTest.Above, Values/ClampParam.Works/2, unit)"),
   * as go test's package line would.
   */
  private String ctestShown;
  private final Set<String> ctestNamed = new java.util.HashSet<>();

  private static final List<Pattern> PATTERNS = List.of(
      // pytest's short summary: FAILED tests/test_a.py::test_x - AssertionError
      // A parametrized test's id may hold spaces (test_iscommentline_true[  #qwe], pytest-dev/iniconfig): up to its "]".
      Pattern.compile("^(?:FAILED|ERROR) (\\S+::[^\\s\\[]+\\[.*?\\](?= - |$)|\\S+::\\S+|\\S+\\.py)"),
      // pytest -v, per test, when the project's addopts (-rs) drop the failures from the short summary (open-telemetry/opentelemetry-python):
      // tests/propagators/test__envcarrier.py::TestEnv::test_not_sampled FAILED [ 50%]
      Pattern.compile("^(\\S+\\.py::.+?) (?:FAILED|ERROR)(?:\\s+\\[\\s*\\d+%\\])?$"),
      TAP_NOT_OK,
      // Test::More's diagnostics on stderr, which prove shows without -v (and pascal-tap's, bbrtj/pascal-tap), nested
      // subtests indented: "#   Failed test 'parses dates'"; not "#   Failed (TODO) test", which TAP counts as passing
      Pattern.compile("^\\s*#\\s+Failed test '(.+)'$"),
      // go test: --- FAIL: TestParse (0.00s)
      Pattern.compile("^\\s*--- FAIL: (\\S+)"),
      // cargo test: test parser::tests::empty ... FAILED
      Pattern.compile("^test (\\S+) \\.\\.\\. FAILED$"),
      // Maven Surefire: [ERROR] dev.x.FooTest.bar -- Time elapsed: 0.1 s <<< FAILURE!  (2.x: "bar(dev.x.FooTest)  Time elapsed");
      // a Spock feature's name has spaces: [ERROR] PublisherSpec.delivers events to all subscribers -- Time elapsed: ...
      Pattern.compile("^\\[ERROR\\] (?!Tests run:)(\\S+|\\S.*?(?= -- ))(?:\\s+--)?\\s+Time elapsed: .*<<< (?:FAILURE|ERROR)!"),
      // deno test's FAILURES section, a test or a step: parse() handles major ...  1.2.3  => ./parse_test.ts:19:13
      Pattern.compile("^(.+?)\\s+=> \\S+\\.[cm]?[jt]sx?:\\d+:\\d+$"),
      // Gradle: FooTest > bar() FAILED
      Pattern.compile("^(\\S+ > .+) FAILED$"),
      // RSpec: rspec ./spec/a_spec.rb:12 # Parser parses dates
      Pattern.compile("^rspec \\S+ # (.+)$"),
      // go test's package line: FAIL	example.com/x/parser	0.012s (before Jest's FAIL: the time is no name)
      Pattern.compile("^FAIL\\s+(\\S+)\\s+[\\d.]+s$"),
      // clojure.test: FAIL in (parse-test) (core_test.clj:12) (before Jest's FAIL)
      Pattern.compile("^(?:FAIL|ERROR) in \\((\\S+)\\)"),
      // unittest, and Django's runner (manage.py test) built on it: FAIL: test_title (catalog.tests.test_models.BookTest[.test_title]),
      // ERROR: setUpClass (catalog.tests.test_views.ViewTest); a subTest's adds " (i=1)" or " [message]"
      Pattern.compile("^(?:FAIL|ERROR): (\\w+ \\([\\w.]+\\)(?: \\(.*\\)| \\[.*\\])?)$"),
      // automake's test harness, per test (TESTS of a Makefile.am; a TAP test's line adds its number and description):
      // FAIL: test-reader, ERROR: api (exit 99), XPASS: known-bug; not "ERROR: Dependency "x" not found" nor plunit's "ERROR: /x/t.plt:11:";
      // and again in test-suite.log (make check VERBOSE=1): FAIL complete (exit status: 1); Standard ML's UnitTest (uenoB/short),
      // by the test's path, colons in it: FAIL: WordPatriciaMap/isEmpty:1
      Pattern.compile("^(?:FAIL|XPASS|ERROR):? ([\\w./+-]+(?::[\\w./+-]+)*)(?: \\d+ .*| \\(exit status: \\d+\\))?$"),
      // Jest: ● Suite › test; Vitest: FAIL  test/a.test.ts > suite > test; Jest's file line: FAIL  src/a.test.js
      Pattern.compile("^\\s*● (.+ › .+)$"),
      // (not oruntests' count under a file's line: "                 FAIL    2")
      Pattern.compile("^\\s*FAIL\\s+(?!\\d+$)(\\S.*?)(?:\\s+\\[[^\\]]*\\])?$"),
      // minitest, under "  1) Failure:" or "  1) Error:" (never its "  1) Skipped:"): TagTest#test_default [/x/test/tag_test.rb:5]:,
      // SafelyTest#test_context: (an error), Safely::spec#test_0001_reports a message [...]: (minitest/spec)
      Pattern.compile("^([A-Z][\\w:]*#test_.*?)(?: \\[[^\\]]+:\\d+\\])?:$"),
      // PHPUnit, ExUnit, mocha, EUnit, hspec: "1) Foo\\BarTest::testX", "  1) test adds (MathTest)"
      // (indented at most a little: a Lisp form printed across lines ends one with "   0) 'LIST)"); not minitest's
      // "  1) Failure:" before the test's name
      Pattern.compile("^\\s{0,6}\\d+\\) (?!(?:Failure|Error|Skipped):$)(\\S.*?):?$"),
      // Ant's junit task, per test class: [junit] Test org.nishant.MathTest FAILED (or "FAILED (timeout)", "FAILED (crashed)")
      Pattern.compile("^\\s*\\[junit\\] Test (\\S+) FAILED\\b"),
      // ERT (Emacs Lisp) in batch, per test as it ends and again in the summary: "   FAILED  62/73  s-trim", "   FAILED  s-trim"
      // (Emacs 28; later ones add the time, "(0.000 sec)", and the place, " at s-test.el:12"); a symbol, not unittest's closing
      // count, "FAILED (failures=1)"
      Pattern.compile("^\\s*FAILED\\s+(?:\\d+/\\d+\\s+)?([^\\s(]\\S*)(?:\\s+\\(.*)?$"),
      // Haxe's haxe.unit, per failing test before its summary: * TestParser::testSimple()
      Pattern.compile("^\\* (\\w+::\\w+)\\(\\)$"),
      // busted: Failure → spec/semver_spec.lua @ 45
      Pattern.compile("^(?:Failure|Error) → (.+)$"),
      // Alcotest: [FAIL]        base64          3   alphabet.
      Pattern.compile("^\\s*\\[FAIL\\]\\s+(.+?)\\.?$"),
      // GoogleTest, run directly or under ctest --output-on-failure, per test as it ends and again in its summary, a parameter's
      // value after a comma: [  FAILED  ] ClampTest.Above (0 ms), [  FAILED  ] Values/ClampParam.Works/2, where GetParam() = 11
      // (0 ms), [  FAILED  ] ClampTyped/0.Big, where TypeParam = int; not its count, [  FAILED  ] 2 tests, listed below:
      GTEST,
      // ctest:   3 - parser_test (Failed)
      CTEST,
      // testthat 3.1: Failure ('test.R:8'): all parts are lowercase (into a pipe), ── Failure (...): name ── (a terminal)
      Pattern.compile("^(?:── )?(?:Failure|Error) \\([^)]*\\): (.+?)(?: ─*)?$"),
      // Nim's unittest: [FAILED] adds; nimble's test task, per test file: Error: execution of an external program failed: '/x/tests/tcalc '
      Pattern.compile("^\\s*\\[FAILED\\]\\s+(.+)$"),
      Pattern.compile("^Error: execution of an external program failed: '(?:[^']*/)?([^'/]+?)\\s*'"),
      // tcltest: ==== ip-pi-global ini2::parse_ini global section FAILED (and ==== ip-pi-global FAILED closing its report)
      SummaryFailures.TCLTEST_FAILED,
      // D's unittests (dub test), per module: core.exception.AssertError@source/dxml/internal.d(217): unittest failure
      Pattern.compile("^\\S+?(?:Error|Exception)@(\\S+?\\.d)\\(\\d+\\): "),
      // Crystal's spec, after its summary: crystal spec spec/parser_spec.cr:382 # TOML::Parser raises on parse "a"
      Pattern.compile("^crystal spec \\S+ # (.+)$"),
      // rackunit, per failing check (a test-case's name is on a line of its own, if any): location:   main.rkt:38:2
      Pattern.compile("^location:\\s+(?:\\./)?(\\S+?):\\d+:\\d+$"),
      // raco test, per module that raised (a syntax error, a scribbling's example) or exited non-zero:
      // /x/tests/threading/cond.rkt:14:9: cond~>: bad syntax; threading.scrbl: raco test: non-zero exit: 1
      // (not a message's source location, which Racket shortens: .../fancy-app/main.rkt:28:19: arity mismatch;)
      Pattern.compile("^(?!\\.\\.\\.)(?:\\./)?(\\S+?\\.(?:rkt|scrbl)):\\d+:\\d+: "),
      Pattern.compile("^(\\S+?\\.(?:rkt|scrbl)): raco test: non-zero exit: \\d+$"),
      // meson test, per test as it ends and again under "Summary of Failures:" (a name may hold spaces, and a project's
      // or suite's prefix, "inih:unit / test_multi"):  1/16 test_multi                       FAIL            0.01s   exit status 1
      Pattern.compile("^\\s*\\d+/\\d+ (\\S.*?)\\s+(?:FAIL|ERROR|TIMEOUT|UNEXPECTEDPASS)\\s+\\d+(?:\\.\\d+)?s\\b"),
      // GLib's test framework (C, Vala), whose failed assertion aborts the program: meson names the program; this names the
      // function: Bail out! ERROR:../test/Level.test.vala:43:log4_vala_test_level_by_name_warn: assertion failed: (...)
      Pattern.compile("^(?:Bail out! )?ERROR:\\S+?:\\d+:(\\w+): "),
      // test-drive (Fortran; fpm test, or through ctest --output-on-failure):        ... run-good-suite [FAILED]
      Pattern.compile("^\\s+\\.\\.\\. (\\S.*?) \\[FAILED\\]$"),
      // plunit (SWI-Prolog), under its "ERROR: /x/test/subsumes_chk.plt:11:" line: a tab, then
      // "test variant_terms: failed" (or "received error: ...", "assertion ... failed", "wrong answer ...");
      // later plunits print "ERROR:     test subsumes_chk:variant_terms: failed"
      Pattern.compile("^(?:\\t|ERROR:\\s+)test (\\S+?)(?: \\(forall bindings = .*\\))?: "
          + "(?:failed|received error|assertion|wrong answer|wrong error|must fail|succeeded with a choicepoint)"),
      // Guile's SRFI-64, per failing test: test/pack/string.scm:31: FAIL Short strings; a test without a name by its file,
      // not its line, which an unrelated edit moves: tests/lyrics.scm:12: FAIL
      Pattern.compile("^\\S+?\\.scm:\\d+: (?:FAIL|XPASS) (.+)$"),
      Pattern.compile("^(\\S+?\\.scm):\\d+: (?:FAIL|XPASS)$"),
      // Common Lisp: FiveAM's failure details, " SPLIT-SEQUENCE.FUZZ in SPLIT-SEQUENCE []:" (1.4; its skip details name no
      // suite, " ADDS []:", nor did failures before 1.4), and RT's "Test ANAPHORA-TEST::ASIF.1 failed"
      Pattern.compile("^ ([^\\s\\[\\]]+) in \\S+ \\[.*\\]:$"),
      Pattern.compile("^Test (\\S+) failed$"),
      // zap (CoffeeScript's and node's), per test as it ends: its file, a slash, the test's name, "... failed" (xml2js)
      Pattern.compile("^(\\S+/.+?)\\.\\.\\. failed$"),
      // munit, per failing test (its JUnitReporter: suite, a dot, the test, two spaces, the time, the message), through sbt or
      // Maven: ==> X net.tisue.euler.Problem60.problem 60  54.067s java.util.concurrent.TimeoutException: ...
      Pattern.compile("^==> X (\\S.*?) {2}\\d+(?:\\.\\d+)?s(?:\\s|$)"),
      // scalatest's standard-out reporter, per failing test (sbt puts [info] before it, nested tests are indented):
      // [info] - QuadraticSolver *** FAILED ***, with durations (-oD): - should parse *** FAILED *** (12 milliseconds)
      Pattern.compile("^(?:\\[info\\] )?\\s*- (\\S.*?) \\*\\*\\* FAILED \\*\\*\\*"),
      // zig test, per test (Zig 0.11 here): 3/13 test.bool flag - specified... FAIL (TestUnexpectedResult); zig build test's
      // run step: run test: error: 'test.bool flag - specified' failed: /x/std/testing.zig:515:14: ...
      Pattern.compile("^\\d+/\\d+ (?:test\\.)?(.+?)\\.\\.\\. FAIL\\b"),
      Pattern.compile("^[\\w ./-]+: error: '(?:test\\.)?(.+?)' failed: "),
      // XCTest (swift test), per test: Test Case 'CalcTests.testAdd' failed (0.001 seconds). (Linux), or '-[CalcTests.CalcTests testAdd]'
      // (macOS, as jpsim/Yams#143 shows); Swift Testing's HumanReadableOutputRecorder: ✘ Test addition() failed after 0.001 seconds with 1 issue.
      Pattern.compile("^Test Case '(?:-\\[)?([^'\\]]+)\\]?' failed \\("),
      Pattern.compile("^\\S+ Test (?!run with )(.+?) failed after [\\d.]+ seconds"),
      // dart test's and flutter test's expanded reporter (dart-lang/test's reporter/expanded.dart), per failing test:
      // 00:00 +0 -1: test/calc_test.dart: adds [E]; one still running when the run ended adds " - did not complete"
      Pattern.compile("^\\d+:\\d+ \\+\\d+(?: ~\\d+)?(?: -\\d+)?: (.+?)(?: - did not complete)? \\[E\\]$"),
      // Julia's Test, per failing test, by its testset (its manual's example, "Arrays: Test Failed"; from a file, with its place):
      // adds: Test Failed at /x/test/runtests.jl:5, replay: Error During Test at /x/test/expert/count.jl:48
      Pattern.compile("^(.+?): (?:Test Failed|Error During Test)(?: at \\S+:\\d+)?$"),
      // AUnit's text reporter (Ada), a test that raised: ERROR Parser tests : Test nested groups, with the time when asked
      // for (" (in 0.000012)"); its failures read "FAIL escape", as Jest's file line above
      // (a name holds no colon but that " : ", which it must hold: not a logger's "ERROR could not connect to database",
      // "ERROR [main] ..." nor "ERROR: ...")
      Pattern.compile("^ERROR ([^:\\s\\[(][^:]*? : [^:]+?)(?: \\(in [\\d.E+-]+\\))?$"));

  /** minitest's heading for a skipped test (with --verbose), whose name follows on the next line: no failure. */
  private static final Pattern MINITEST_SKIPPED = Pattern.compile("^\\s*\\d+\\) Skipped:$");

  /** Whether the line before was {@link #MINITEST_SKIPPED}. */
  private boolean afterSkip;

  /**
   * Buttercup's (Emacs Lisp) rule of 40 {@code =} before each failed spec's report in its summary, the spec's full name on the
   * next line: {@code projectile--impl-to-test-dir replaces occurrences of src-dir with test-dir}, or a file that did not load,
   * {@code File failed to load completely:  test/x-test.el}.
   */
  /**
   * go test's line closing a package ({@code ok  \tpkg\t0.1s}, {@code FAIL\tpkg\t0.1s}, {@code ?   \tpkg\t[no test files]}). A
   * failing package's line names it only when no {@code --- FAIL:} named a test of it: the package then failed as a whole
   * (a panic in init, TestMain), and naming it beside its tests counted one failure twice ("2 tests (TestReset,
   * github.com/cespare/xxhash/v2)").
   */
  private static final Pattern GO_PACKAGE = Pattern.compile("^(ok|FAIL|\\?)\\s+\\S+\\s");
  private boolean goTestNamed;

  private static final String BUTTERCUP_RULE = "=".repeat(40);
  private static final Pattern BUTTERCUP_FILE = Pattern.compile("^File failed to load completely:\\s+(\\S+)$");
  private boolean afterRule;

  /**
   * oruntests (GNU Octave), per file: {@code   dimfun.m ........ PASS      6/8}, then {@code FAIL    2} on a line of its own
   * when not all passed: the file is the name, as its tests have none.
   */
  private static final Pattern OCTAVE_FILE = Pattern.compile("^\\s*(\\S+\\.m) \\.+ PASS\\s+(\\d+)/(\\d+)$");

  /**
   * AVA, per failing test: its title, then the error's message, in one line ({@code ✘ [fail]: invalid input Function threw
   * unexpected exception}), so the title is known only when AVA's report of the failure prints it on a line of its own.
   */
  private static final Pattern AVA_FAILED = Pattern.compile("^✘ \\[(?:fail|unexpected pass)\\]: (.+)$");
  /** AVA's failing tests' lines not yet told apart from their messages. */
  private final List<String> avaFailed = new ArrayList<>();

  /** A time after a name, {@code (5.2 s)}, {@code (12 ms)}: it changes from run to run. */
  private static final Pattern DURATION = Pattern.compile("\\s*\\(\\d+(?:\\.\\d+)?\\s*(?:ms|s|sec|seconds)\\)$");

  private final MochaTitles mocha = new MochaTitles();
  private final Set<String> names = new LinkedHashSet<>();
  private boolean incomplete;
  /** The folder the tests ran in, as written and as resolved, each with a trailing slash; empty when unknown. */
  private final List<String> dirs;

  FailingTests() {
    this.dirs = List.of();
  }

  /**
   * Names read from tests run in {@code dir}, which is left out of them: Crystal names a spec of
   * files by its absolute path, in whichever worktree ran it, and a name must read the same in the
   * baseline, in each attempt and to the user.
   */
  FailingTests(Path dir) {
    List<String> forms = new ArrayList<>(List.of(dir.toAbsolutePath().normalize() + "/"));
    try {
      forms.add(dir.toRealPath() + "/");
    } catch (IOException e) {
      // Not there (yet): the path as given is the one the tests print.
    }
    this.dirs = List.copyOf(new LinkedHashSet<>(forms));
  }

  /** One line of the command's output. */
  synchronized void accept(String line) {
    String plain = Colour.strip(line).stripTrailing();
    if (plain.isEmpty() || plain.length() > 400) {
      return;
    }
    boolean skipped = afterSkip;
    afterSkip = MINITEST_SKIPPED.matcher(plain).find();
    if (skipped || afterSkip) {
      return;
    }
    boolean spec = afterRule;
    afterRule = plain.equals(BUTTERCUP_RULE);
    Matcher octave = OCTAVE_FILE.matcher(plain);
    if (spec || octave.find()) {
      Matcher file = BUTTERCUP_FILE.matcher(plain);
      if (!spec && !octave.group(2).equals(octave.group(3))) {
        add(octave.group(1));
      } else if (spec) {
        add(file.find() ? file.group(1) : plain.strip());
      }
      return;
    }
    if (ava(plain.strip())) {
      return;
    }
    Matcher go = GO_PACKAGE.matcher(plain);
    if (go.find()) {
      boolean named = goTestNamed;
      goTestNamed = false;
      if (named || !go.group(1).equals("FAIL")) {
        return;
      }
    }
    goTestNamed |= plain.stripLeading().startsWith("--- FAIL: ");
    MochaTitles.Full full = mocha.accept(plain);
    if (full != null) {
      names.removeAll(full.replaces());
      add(full.title());
      return;
    }
    Matcher ended = CTEST_ENDED.matcher(plain);
    ctestShown = ended.find() ? ended.group(1) : ctestShown;
    for (Pattern p : PATTERNS) {
      Matcher m = p.matcher(plain);
      if (m.find()) {
        if (p == CTEST && ctestNamed.contains(m.group(1))) {
          return;
        }
        String name = add(DURATION.matcher(m.group(1)).replaceFirst("").strip());
        if (name != null) {
          mocha.read(plain, name);
        }
        if (p == GTEST && ctestShown != null) {
          ctestNamed.add(ctestShown);
        }
        return;
      }
    }
  }

  /** Whether {@code line} is AVA's line of a failing test, or the title of one such line in AVA's report of it. */
  private boolean ava(String line) {
    Matcher m = AVA_FAILED.matcher(line);
    if (m.find()) {
      avaFailed.add(m.group(1));
      return true;
    }
    for (String failed : avaFailed) {
      if (failed.equals(line) || failed.startsWith(line + " ")) {
        avaFailed.remove(failed);
        add(line);
        return true;
      }
    }
    return false;
  }

  /** The name as kept, when new to the list; null otherwise. */
  private String add(String printed) {
    String name = printed;
    for (String d : dirs) {
      name = name.replace(d, "");
    }
    if (names.contains(name) || name.isEmpty()) {
      return null;
    }
    if (names.size() == KEPT) {
      incomplete = true;
      return null;
    }
    names.add(name);
    return name;
  }

  /** The names, in the order they were printed; empty when the output named none. */
  synchronized List<String> names() {
    return new ArrayList<>(names);
  }

  /** Whether more failed than {@link #KEPT}: the names are then not the whole list. */
  synchronized boolean incomplete() {
    return incomplete;
  }
}
