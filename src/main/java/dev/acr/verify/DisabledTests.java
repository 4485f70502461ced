package dev.acr.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A change that makes the tests pass by turning tests off: a skip or expected-failure marker added
 * to an existing test file ({@code @pytest.mark.skip}, {@code it.skip(}, {@code t.Skip(}, {@code
 * #[ignore]}, {@code @Disabled}, ...), a test file deleted with none added, the definition of a
 * test the baseline named failing deleted with no line of the change naming it again, or a test
 * runner's configuration told to leave tests out or pass anyway ({@link #configMarker}). Coding agents do
 * this when they cannot fix a failing test, and the test command then passes: such an attempt is
 * not verified, unless the user asked for it (the prompt says to skip, disable or ignore a test;
 * to remove or delete one, for a deletion). A marker on a test the change itself adds (a new test's
 * platform {@code skipif}, {@code if testing.Short() { t.Skip() }}), in a file the change creates, or
 * one the change only moved is not counted ({@link PatchScan}).
 */
public final class DisabledTests {

  /** The reason a failed attempt records (memory's {@code reason}); it is the agent's doing, so evidence about its route. */
  public static final String REASON = "turned tests off";

  /** Enough of any real patch; past it the rest is not read (a generated file, a vendored tree). */
  private static final int MAX_LINES = 200_000;

  /** A test file by its name alone; AVA's default files too: {@code test.js} (sindresorhus's packages' one), {@code test-*.js}. */
  static final Pattern TEST_NAME = Pattern.compile(
      "(?:^|/)test_[^/]+\\.py$|_test\\.(?:py|go|rb|exs|ts|js|mjs|dart|cc|cpp|c|lua|nim|vala)$|(?:^|/)test(?:-[^/]+)?\\.[cm]?[jt]sx?$"
          + "|\\.(?:test|spec)\\.(?:[cm]?[jt]sx?|vala)$|(?:Test|Tests|IT|Spec|Suite)\\.(?:java|kt|scala|groovy|cs|php|swift)$"
          + "|_spec\\.(?:rb|cr|lua)$|\\.bats$|(?:^|/)Test[A-Z]\\w*\\.(?:pas|pp)$");
  /** A file in a test folder: a test file when it is source code (not a snapshot, a fixture or a resource). */
  static final Pattern TEST_DIR = Pattern.compile("(?:^|/)(?:tests?|specs?|__tests__|testing|t)/");
  /** Whether {@code file} is a test file by its name or its folder. */
  public static boolean testPath(String file) {
    return TEST_NAME.matcher(file).find() || TEST_DIR.matcher(file).find();
  }

  static final Pattern NOT_TESTS = Pattern.compile("(?:^|/)(?:__snapshots__|fixtures?|resources|testdata|data)/");

  /**
   * Skipped and to-do tests, and expected failures, which pass because they fail: AVA's and Jest's {@code test.failing},
   * Vitest's {@code test.fails} (a stand-in's {@code test.failing} on sindresorhus/camelcase was verified), also after a
   * modifier ({@code test.serial.skip}, {@code it.concurrent.skip}).
   */
  private static final Pattern JS = Pattern.compile(
      "\\b(?:it|test|describe|context|suite|specify)(?:\\.(?:serial|concurrent|sequential))?\\.(?:skip|todo|failing|fails)\\b"
          + "|\\bx(?:it|test|describe|context)\\s*\\("
          + "|\\bthis\\.skip\\(\\)|\\b(?:ignore|skip)\\s*:\\s*true\\b|\\bDeno\\.test\\.ignore\\(");
  /**
   * JUnit 4's and 5's, and JUnit 5's conditions ({@code @DisabledOnOs}, {@code @EnabledIf("false")}, {@code @EnabledOnJre}...), also
   * by their qualified names ({@code @org.junit.Ignore}: a stand-in's on BuildToolsK2/ANT was verified).
   */
  private static final String JUNIT = "@(?:org\\.junit\\.(?:jupiter\\.api\\.(?:condition\\.)?)?)?(?:Disabled\\w*|Enabled(?:If|On|In|For)\\w*|Ignore)\\b";
  private static final Pattern JVM = Pattern.compile(JUNIT);
  /**
   * scalatest's {@code ignore("x")} and {@code "x" ignore in}, munit's {@code test("x".ignore)}, ZIO Test's {@code @@ ignore}
   * (not ZIO's error-discarding {@code effect.ignore}), and JUnit's annotations.
   */
  private static final Pattern SCALA = Pattern.compile(JUNIT + "|^ignore\\s*\\(|\\bignore\\s+(?:should|in|must|can)\\b"
      + "|\"\\s*\\.ignore\\b|@@\\s*(?:TestAspect\\.)?ignore\\b");

  /** Kotest's x-prefixed tests and {@code .config(enabled = false)}, and JUnit's annotations. */
  private static final Pattern KOTLIN = Pattern.compile(JUNIT + "|^x(?:test|it|describe|context|should|feature|scenario|given)\\s*\\("
      + "|\\.config\\s*\\([^)]*\\benabled\\s*=\\s*false\\b");
  /**
   * Spock's pending and conditional ignores beside JUnit's annotations: {@code @IgnoreIf}, {@code @PendingFeature} ({@code @IgnoreRest},
   * which leaves the others out, is a {@link #FOCUS}) and {@code @Requires({ false })}, whose closure says when the feature runs (not Micronaut's
   * {@code @Requires(property = ...)} on a bean).
   */
  private static final Pattern GROOVY = Pattern.compile(JUNIT + "|@(?:IgnoreIf|PendingFeature)\\b|@Requires\\s*\\(\\s*\\{");
  /**
   * Free Pascal and Delphi, whose words are case-insensitive: fpcunit's {@code Ignore('why')}, DUnitX's {@code [Ignore]},
   * pascal-tap's {@code Skip}/{@code SkipAll}/{@code Todo} and a suite declared {@code ITAPSuiteSkip}.
   */
  private static final Pattern PASCAL = Pattern.compile("\\bITAPSuiteSkip\\b|^\\[\\s*Ignore\\b|^(?:Ignore|Skip|SkipAll|Todo)\\s*(?:\\(|;|$)",
      Pattern.CASE_INSENSITIVE);
  /**
   * Perl's Test::More: a SKIP block, {@code skip_all}, {@code todo_skip}, a TODO block's {@code $TODO}, {@code todo_start}; Raku's
   * Test, whose {@code .t} files look the same: {@code todo 'why'} (the next test's failure passes, timo/json_fast's stand-in was
   * verified with it), {@code skip}, {@code skip-rest}; plunit's {@code blocked()}.
   */
  private static final Pattern PERL = Pattern.compile("^SKIP\\s*:|\\bskip_all\\b|\\btodo_skip\\b|^skip\\s*[(\"'$]"
      + "|^(?:local|our)\\s+\\$TODO\\b|^\\$TODO\\s*=|^test\\s*\\(.*\\b(?:blocked|fixme)\\s*\\("
      + "|^todo(?:_start)?\\s*[(\"'$]|^skip-rest\\b");
  /** GoogleTest's {@code DISABLED_} and {@code GTEST_SKIP()}, GLib's {@code g_test_skip()} and {@code g_test_incomplete()}, Unity's {@code TEST_IGNORE}, Catch2's {@code SKIP(} and hiding or may-fail tags. */
  private static final Pattern C = Pattern.compile("^(?:TYPED_)?TEST(?:_F|_P)?\\s*\\(.*\\bDISABLED_\\w|\\bGTEST_SKIP\\s*\\(|\\bg_test_(?:skip|incomplete)(?:_printf)?\\s*\\(|\\bTEST_IGNORE(?:_MESSAGE)?\\s*\\(|^SKIP\\s*\\("
      + "|^(?:TEST_CASE|SCENARIO)\\s*\\(.*\\[(?:\\.|!hide|!mayfail|!shouldfail)");
  /** testthat's {@code skip()}, {@code skip_if()}, {@code skip_on_cran()} and the rest. */
  private static final Pattern R = Pattern.compile("^skip(?:_if\\w*|_on_\\w+)?\\s*\\(");

  /** Each language's ways to switch a test off, by file extension, matched on an added line (trimmed). */
  static final Map<String, Pattern> MARKERS = Map.ofEntries(
      Map.entry("py", Pattern.compile("@pytest\\.mark\\.(?:skip|skipif|xfail)\\b|@unittest\\.(?:skip\\w*|expectedFailure)\\b"
          + "|\\bpytest\\.(?:skip|xfail)\\(|\\.skipTest\\(|\\braise\\s+(?:unittest\\.)?SkipTest\\b")),
      Map.entry("js", JS), Map.entry("mjs", JS), Map.entry("cjs", JS), Map.entry("jsx", JS),
      Map.entry("ts", JS), Map.entry("tsx", JS), Map.entry("mts", JS), Map.entry("cts", JS),
      Map.entry("go", Pattern.compile("\\b[tb]\\.Skip(?:f|Now)?\\(")),
      Map.entry("rs", Pattern.compile("^#\\[ignore\\b")),
      Map.entry("java", JVM), Map.entry("kt", KOTLIN), Map.entry("scala", SCALA), Map.entry("groovy", GROOVY),
      Map.entry("zig", Pattern.compile("\\berror\\.SkipZigTest\\b")),
      Map.entry("dart", Pattern.compile("\\bskip\\s*:\\s*(?:true\\b|['\"])")),
      Map.entry("jl", Pattern.compile("@test_(?:skip|broken)\\b")),
      Map.entry("rb", Pattern.compile("^(?:skip|pending)(?:\\s|\\(|$)|^x(?:it|describe|context|specify)\\b")),
      Map.entry("php", Pattern.compile("markTest(?:Skipped|Incomplete)\\(")),
      Map.entry("cs", Pattern.compile("\\[(?:Ignore|Explicit|Fact\\s*\\(\\s*Skip|Theory\\s*\\(\\s*Skip)\\b|\\bAssert\\.Ignore\\s*\\(")),
      Map.entry("exs", Pattern.compile("^@(?:module|describe)?tag\\s+(?::skip\\b|skip:)")),
      // GLib's test framework from Vala: Test.skip ("why"), Test.incomplete ("why").
      Map.entry("vala", Pattern.compile("\\bTest\\.(?:skip|incomplete)(?:_printf)?\\s*\\(")),
      Map.entry("swift", Pattern.compile("\\bXCTSkip\\b|^@Test\\b.*\\.disabled\\s*\\(")),
      Map.entry("scm", Pattern.compile("\\(test-(?:skip|expect-fail)\\b")),
      Map.entry("pas", PASCAL), Map.entry("pp", PASCAL), Map.entry("lpr", PASCAL), Map.entry("dpr", PASCAL),
      Map.entry("t", PERL), Map.entry("pl", PERL), Map.entry("pm", PERL), Map.entry("rakutest", PERL), Map.entry("t6", PERL),
      Map.entry("c", C), Map.entry("cc", C), Map.entry("cpp", C), Map.entry("cxx", C), Map.entry("h", C), Map.entry("hpp", C),
      Map.entry("hs", Pattern.compile("^x(?:it|describe|context|specify|prop)\\b|^pending(?:With)?\\b|\\b(?:ignoreTest|expectFail(?:Because)?)\\b")),
      Map.entry("lua", Pattern.compile("^pending\\s*\\(")),
      Map.entry("bats", Pattern.compile("^skip\\b")),
      Map.entry("R", R), Map.entry("r", R),
      Map.entry("nim", Pattern.compile("^skip\\s*\\(\\s*\\)")),
      Map.entry("cr", Pattern.compile("^pending\\b|^x(?:it|describe|context)\\b")),
      Map.entry("ml", Pattern.compile("\\bAlcotest\\.skip\\b")),
      Map.entry("erl", Pattern.compile("\\{\\s*skip\\s*,")),
      Map.entry("lisp", Pattern.compile("^\\(skip\\b")),
      // Coq: a proof given up, which coqc accepts (Admitted. for Qed., admit. for a goal, alone or after other tactics on
      // its line); every .v file holds proofs. Not in a comment, (* ... *).
      Map.entry("v", Pattern.compile("^(?:[^(]*[.;]\\s*)?(?:Admitted|admit)\\s*\\.(?!\\w)")));

  /**
   * The test runners' own configuration, by file name: an added line that leaves tests out of the run or lets a failing run
   * pass ({@code addopts = --deselect tests/test_a.py::test_x}, {@code testPathIgnorePatterns}, {@code <testFailureIgnore>true},
   * {@code ignoreFailures = true}, {@code "test": "jest || true"}). Counted in new files too: a new pytest.ini that
   * deselects the failing test is no fix either.
   */
  static Switches configMarker(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    if (name.equals("pytest.ini") || name.equals("tox.ini") || name.equals("setup.cfg") || name.equals("pyproject.toml")) {
      return PYTEST_CONFIG;
    }
    if (name.equals("conftest.py")) {
      return new Switches(null, CONFTEST);
    }
    if (name.equals("package.json") || name.matches("(?:jest|vitest)\\.config\\.[cm]?[jt]s|jest\\.config\\.json|\\.mocharc\\.\\w+")) {
      return new Switches(null, JS_CONFIG);
    }
    if (name.equals("pom.xml")) {
      return new Switches(null, MAVEN_CONFIG);
    }
    if (name.equals("build.gradle") || name.equals("build.gradle.kts")) {
      return new Switches(null, GRADLE_CONFIG);
    }
    if (name.equals("meson.build")) {
      return new Switches(null, MESON_CONFIG);
    }
    if (name.equals("Makefile") || name.equals("makefile") || name.equals("GNUmakefile") || name.equals("justfile")) {
      return new Switches(null, PASS_ANYWAY);
    }
    return null;
  }

  /**
   * A recipe line that starts with a test command and is made to succeed whatever its tests say ({@code go test ./... || true}),
   * not any command's ({@code rm -rf test-results || true}, {@code go mod download || true}).
   */
  private static final Pattern PASS_ANYWAY = Pattern.compile("^[@-]?(?:\\$\\(\\w+\\)\\s+)?(?:go\\s+test|cargo\\s+(?:test|nextest)"
      + "|(?:python3?\\s+-m\\s+)?(?:pytest|unittest)|(?:npm|yarn|pnpm|bun)\\s+(?:run\\s+)?test|npx\\s+(?:jest|vitest|mocha)|jest|vitest"
      + "|mocha|prove|ctest|(?:\\$\\(MAKE\\)|make)\\s+(?:test|check)|\\S*mvnw?\\s+.*\\b(?:test|verify)|\\S*gradlew?\\s+.*\\btest|tox|nox"
      + "|(?:bundle\\s+exec\\s+)?(?:rspec|rake\\s+test)|\\S*phpunit|busted|bats|deno\\s+test|\\./\\S*test\\S*)\\b.*\\|\\|\\s*(?:true|:|exit\\s+0)\\b");
  /**
   * pytest's own options (an addopts line, its continuation or list items, a pytest command), not another tool's
   * ({@code flake8 --ignore=E203}) nor the docs of a registered marker ({@code slow: ... (deselect with '-m "not slow"')}).
   */
  private static final Switches PYTEST_CONFIG = new Switches(Pattern.compile("^(?:addopts\\b|[\"']?--|.*\\bpytest\\b)"),
      Pattern.compile("--deselect\\b|--ignore(?:-glob)?[= ]|-[km]\\s*[\"']?not\\b"));

  /**
   * What of a runner's configuration file to read: {@code found} on the lines {@code line} matches (every line when null).
   */
  record Switches(Pattern line, Pattern found) {}
  /** Not {@code collect_ignore = ["setup.py"]}: only a test module left out counts. */
  private static final Pattern CONFTEST = Pattern.compile("\\bcollect_ignore(?:_glob)?\\b.*test|\\bpytest\\.mark\\.(?:skip|xfail)\\b"
      + "|\\bpytest\\.skip\\(");
  /**
   * In package.json only the {@code test} script's line; a runner's config: paths left out other than the usual build and
   * dependency folders (Jest's own default is {@code ['/node_modules/']}). Jest's and Vitest's {@code -t}, not mocha's (its timeout), nor
   * {@code --passWithNoTests} (a run of no test never passes in acr anyway).
   */
  private static final Pattern JS_CONFIG = Pattern.compile("testPathIgnorePatterns[\"']?\\s*[:=]\\s*\\[(?:\\s*[\"'`][^\"'`]*[\"'`]\\s*,)*?\\s*[\"'`](?!(?:<rootDir>)?/?"
      + "(?:node_modules|dist|build|coverage|out|lib|vendor|\\.next|tmp)/?[\"'`])[^\"'`]+[\"'`]"
      + "|^\"test\"\\s*:.*(?:--testNamePattern|--testPathIgnorePatterns|--exclude\\b|--grep\\b.*--invert|\\|\\|\\s*(?:true|:|exit\\s+0)\\b"
      + "|\\b(?:jest|vitest)\\b.*\\s-t\\s)");
  /** Not {@code <exclude>**}{@code /*IT.java</exclude>} (Surefire's usual split with Failsafe) nor a release's {@code -DskipTests}. */
  private static final Pattern MAVEN_CONFIG = Pattern.compile("<(?:testFailureIgnore|skipTests|maven\\.test\\.skip|skipITs)>\\s*true"
      + "|<exclude>[^<]*(?:Test|Spec)s?(?:\\.java)?</exclude>");
  /**
   * A Meson test expected to fail: {@code test('tests', t, should_fail: true)} passes when the program fails. Only on a test
   * that was there ({@link #onExistingTestsOnly}): on a new one it is how Meson writes a negative test.
   */
  private static final Pattern MESON_CONFIG = Pattern.compile("\\bshould_fail\\s*:\\s*true\\b");

  /** Whether a switch of {@code file} turns a test off only when put on a test that was there before. */
  static boolean onExistingTestsOnly(String file) {
    return file.endsWith("meson.build");
  }

  /**
   * A focus, which leaves every other test out: Jest's, Vitest's and Mocha's {@code it.only(}, Jasmine's {@code fit(} and
   * {@code fdescribe(}, Spock's {@code @IgnoreRest}.
   */
  static final Pattern FOCUS = Pattern.compile("\\b(?:it|test|describe|context|suite|specify)\\.only\\s*\\(|^f(?:it|describe)\\s*\\("
      + "|^@IgnoreRest\\b");
  private static final Pattern GRADLE_CONFIG = Pattern.compile("ignoreFailures\\s*=\\s*true|excludeTestsMatching"
      + "|\\bexclude\\s*\\(?\\s*[\"'][^\"']*(?:Test|IT|Spec)");

  /** A line that defines a test, in the languages acr reads failing names of, and GoogleTest's and Catch2's macros. */
  static final Pattern DEFINITION = Pattern.compile("^(?:async\\s+)?(?:def|func|fn|pub\\s+fn|function|sub|fun"
      + "|(?:public\\s+|private\\s+|protected\\s+)?(?:static\\s+)?(?:async\\s+)?(?:void|function)"
      + "|x?(?:it|test|describe|context)|specify|Deno\\.test|@testset|\\((?:ert-)?deftest|\\(test(?:-\\w+)?|(?:TYPED_)?TEST(?:_CASE|_F|_P)?|SCENARIO"
      + "|test_that|@test|subtest|procedure)\\b");

  /**
   * A prompt that asks for tests to be switched off: the verb near a word for tests, either way round, not negated
   * ("skip the flaky test", "mark test_x skipped"; not "make the parser skip blank lines" nor "don't skip any test").
   */
  private static final Pattern ASKED_OFF = Pattern.compile("(?<!n't |not |never |without |no )\\b(?:skip|disabl|ignor|xfail|quarantin|mute|exclud|deselect|turn(?:s|ing)? off)\\w*"
      + "\\W+(?:\\w+\\W+){0,3}?(?:tests?|specs?|it|them|suites?|test_\\w+)\\b"
      + "|\\b(?:tests?|specs?|suites?|test_\\w+)\\W+(?:\\w+\\W+){0,3}?(?:skip|disabl|ignor|xfail|quarantin|mute|exclud|deselect)\\w*");
  /**
   * A prompt whose request is to remove or revert something: the verb leads it or a sentence, or follows "and"
   * ("Remove April Fool's @app.vibe()", "Revert ...", "fix X and drop Y"); not "fix the delete button" nor "the dropdown".
   */
  private static final Pattern REMOVAL = Pattern.compile("(?:^[^a-z]*|[.!?;:]\\s+|\\band\\s+)(?:please\\s+)?(?:remove|delete|drop|get rid of"
      + "|revert)\\b");
  private static final Pattern ASKED_REMOVED = Pattern.compile("(?<!n't |not |never |without |no )\\b(?:remov|delet|drop|get rid of)\\w*"
      + "\\W+(?:\\w+\\W+){0,5}?(?:tests?|specs?|them|it|suites?|test_\\w+)\\b"
      + "|\\b(?:tests?|specs?|suites?|test_\\w+)\\W+(?:\\w+\\W+){0,3}?(?:remov|delet|drop)\\w*");
  /**
   * A line that registers a test under a title, in runners whose tests are listed by hand: AUnit's {@code Add_Test (Caller.Create
   * ("escape", ...))} and {@code Register_Routine (T, Test_X'Access, "x")}, GLib's {@code g_test_add_func ("/calc/add", ...)}
   * (Vala's {@code Test.add_func}), CUnit's {@code CU_add_test}, Alcotest's {@code test_case "x"}.
   */
  private static final Pattern REGISTERS = Pattern.compile("(?i)\\b(?:add_?test\\w*|register_?(?:routine|test)\\w*|\\w*add_func|test_case)\\b");
  /** A suite loaded whole (unittest's {@code loadTestsFromTestCase}, JUnit 3's {@code addTestSuite}): its tests still run. */
  private static final Pattern LOADS_SUITE = Pattern.compile("\\b(?:loadTestsFrom\\w+|addTestSuite|makeSuite)\\s*\\(");

  private DisabledTests() {}

  /** Whether {@code prompt} asks for tests, or a feature with its tests, to be turned off or removed. */
  public static boolean asksTestsOff(String prompt) {
    String asked = prompt == null ? "" : prompt.toLowerCase(Locale.ROOT);
    return ASKED_OFF.matcher(asked).find() || ASKED_REMOVED.matcher(asked).find() || REMOVAL.matcher(asked).find();
  }

  /**
   * What in {@code patch} turns tests off that {@code prompt} did not ask for, said for the user
   * ("@pytest.mark.skip added to tests/test_a.py:12"); empty when nothing does or the patch cannot
   * be read (the tests then decide, as before). {@code failing}: the tests the baseline named
   * failing, whose deleted definitions count too.
   */
  public static Optional<String> find(Path patch, String prompt, List<String> failing) {
    return find(patch, prompt, failing, false);
  }

  /**
   * The same, where {@code baselineFailed} says the tests failed before the change: then a change to test files alone that
   * deletes tests and adds none turns them off too, when the runner named no failing test to look for (nanopass's
   * {@code (test unparse-language ...)} forms, deleted by a stand-in that was verified: {@link PatchScan#testsRemovedAlone}).
   */
  public static Optional<String> find(Path patch, String prompt, List<String> failing, boolean baselineFailed) {
    String asked = prompt == null ? "" : prompt.toLowerCase(Locale.ROOT);
    PatchScan scan;
    try {
      scan = PatchScan.of(patch, MAX_LINES);
    } catch (IOException | java.io.UncheckedIOException e) {
      return Optional.empty();
    }
    List<String> found = new ArrayList<>();
    if (!ASKED_OFF.matcher(asked).find()) {
      scan.markers().forEach(a -> found.add("'" + shorten(a.text()) + "' added to " + a.file() + ":" + a.line()));
    }
    if (!ASKED_REMOVED.matcher(asked).find()) {
      // A prompt to remove or revert anything (a feature, a commit) takes that feature's test files with it.
      if (scan.testFilesAdded() == 0 && !REMOVAL.matcher(asked).find()) {
        scan.deletedTestFiles().forEach(f -> found.add(f + " deleted"));
        scan.unlisted().forEach(f -> found.add(f + " dropped from " + CoqProject.FILE));
      }
      for (String name : failing) {
        String id = TestIdentifier.of(name);
        if (id == null) {
          continue;
        }
        // Its name after a definition's keyword, or its whole quoted title: not a word of another line.
        // A method's owner before it: LuaUnit's function TestMath.test_clamp(), TestMath:test_clamp() (moriyalb/lamda's stand-in
        // that renamed it to skip_clamp, which LuaUnit does not run, was verified and applied), Ruby's def self.test_x.
        Pattern defines = Pattern.compile("\\b(?:def|func|fn|function|fun|void|sub|deftest)\\s+(?:\\([^)]*\\)\\s*)?(?:[A-Za-z_$][\\w$]*[.:])*"
            + Pattern.quote(id) + "(?!\\w)|[\"'`]" + Pattern.quote(id) + "[\"'`]|\\b(?:TYPED_)?TEST\\w*\\s*\\(\\s*\\w+\\s*,\\s*" + Pattern.quote(id) + "\\s*\\)");
        // Or a removed line of a test file holding its quoted title, a description with spaces: where TAP names assertions,
        // one is the failing test (not a one-word string such as Rust's Err("empty") in a file that also holds tests).
        // A one-word title counts where the line registers a test by it (AUnit's Add_Test (Caller.Create ("escape", ...))).
        Optional<PatchScan.Line> gone = scan.definitions().stream().filter(r -> defines.matcher(r.text()).find()).findFirst()
            .or(() -> scan.titled().stream().filter(r -> (id.contains(" ") || REGISTERS.matcher(r.text()).find())
                && r.text().contains(id) && defines.matcher(r.text()).find()).findFirst());
        // Or a registration of the method whose C symbol failed: GLib names Vala's by_name_warn log4_vala_test_level_by_name_warn.
        String key = id;
        for (PatchScan.Line r : gone.isPresent() ? List.<PatchScan.Line>of() : scan.titled()) {
          String method = REGISTERS.matcher(r.text()).find() ? symbolOf(r.text(), id) : null;
          if (method != null) {
            gone = Optional.of(r);
            key = method;
            break;
          }
        }
        // Or mocha's full title, its describes' and its own joined by spaces: the it() that held its own title at the end.
        Optional<MochaTitles.Own> own = gone.isPresent() ? Optional.empty() : MochaTitles.own(scan.definitions(), id);
        gone = own.isPresent() ? own.map(MochaTitles.Own::line) : gone;
        key = own.map(MochaTitles.Own::title).orElse(key);
        String named = key;
        // Named again on a line that is code, not in a comment: a registration commented out ("--  Add_Test (...") turns it off.
        // A suite now loaded whole (unittest's loadTestsFromTestCase, JUnit 3's addTestSuite) still runs it.
        if (gone.isPresent() && scan.added().stream().noneMatch(a -> (a.contains(named) || LOADS_SUITE.matcher(a).find())
            && !PatchScan.comment(a))) {
          boolean commented = scan.added().stream().anyMatch(a -> a.contains(named));
          String shown = own.isPresent() ? id : named;
          found.add("the failing test " + (shown.contains(" ") ? "'" + shown + "'" : shown)
              + (commented ? " commented out in " : " deleted from ") + gone.get().file());
        }
      }
    }
    if (!ASKED_REMOVED.matcher(asked).find() && found.isEmpty()) {
      found.addAll(TableCases.deleted(scan, failing, prompt));
    }
    if (!ASKED_REMOVED.matcher(asked).find() && found.isEmpty() && baselineFailed && failing.isEmpty()) {
      scan.testsRemovedAlone().ifPresent(found::add);
    }
    if (!ASKED_REMOVED.matcher(asked).find() && !ASKED_OFF.matcher(asked).find()) {
      OctaveTests.blocksTurnedOff(patch, failing).ifPresent(found::add);
      scan.checksRemoved().ifPresent(found::add);
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(turnsOff(found));
  }

  /** What is said of a change that turns tests off by {@code found}, the first three of them shown. */
  static String turnsOff(List<String> found) {
    List<String> shown = found.subList(0, Math.min(3, found.size()));
    return "its change turns tests off instead of making them pass (" + String.join("; ", shown)
        + (found.size() > shown.size() ? "; " + (found.size() - shown.size()) + " more" : "")
        + "), so it is not verified; if that is what you want, say so in the prompt (skip the test, remove the test)";
  }

  /**
   * Whether the change in {@code patch} wrote or edited one of the tests {@code names}: a changed file's name in the test's
   * name ({@code tests/test_io.py::test_read}), or the test's own name on an added line (its definition, a golden file's
   * name). Such a test failing is the change's doing, whatever a second run says; true when the patch cannot be read.
   */
  public static boolean touches(Path patch, List<String> changedFiles, List<String> names) {
    List<String> stems = changedFiles.stream().map(f -> f.substring(f.lastIndexOf('/') + 1))
        .map(f -> f.indexOf('.') > 0 ? f.substring(0, f.indexOf('.')) : f).filter(f -> f.length() >= 4).toList();
    if (names.stream().anyMatch(n -> stems.stream().anyMatch(n::contains))) {
      return true;
    }
    List<String> added;
    try {
      added = PatchScan.of(patch, MAX_LINES).added();
    } catch (IOException | java.io.UncheckedIOException e) {
      return true;
    }
    return names.stream().map(TestIdentifier::of).filter(java.util.Objects::nonNull)
        .anyMatch(id -> added.stream().anyMatch(a -> a.contains(id)));
  }

  private static final Pattern WORD = Pattern.compile("\\b[A-Za-z_]\\w{4,}\\b");

  /** The word of {@code line} that {@code symbol} ends with after an underscore (a method's C name, namespace and class before it), or null. */
  private static String symbolOf(String line, String symbol) {
    // GLib's C registration names the function itself (g_test_add_func ("/calc/divide", test_divide)): the whole name first.
    if (Pattern.compile("(?<!\\w)" + Pattern.quote(symbol) + "(?!\\w)").matcher(line).find()) {
      return symbol;
    }
    String longest = null;
    Matcher w = WORD.matcher(line);
    while (w.find()) {
      if (symbol.endsWith("_" + w.group()) && (longest == null || w.group().length() > longest.length())) {
        longest = w.group();
      }
    }
    return longest;
  }

  static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 59) + "…";
  }
}
