package dev.acr.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.context.Dimension;
import dev.acr.verify.VerifyResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which baseline failures are not the task's, and when an attempt left only those. */
class KnownFailuresTest {

  private static VerifyResult failing(String... names) {
    return new VerifyResult(false, 1, 10, "", false, null, List.of(names), false);
  }

  @Test
  void aPromptNotAboutTheFailingTestsMakesThemNotTheTasks() {
    VerifyResult base = failing("non-writable shims directory", "tests/test_net.py::test_fetch_remote");
    assertThat(KnownFailures.of(base, Dimension.CODE_GENERATION, "add a --json flag to rbenv version").notTheTasks()).isTrue();
    assertThat(KnownFailures.of(base, Dimension.CODE_GENERATION, "make the shims dir configurable").notTheTasks())
        .as("names one: 'shims'").isFalse();
    assertThat(KnownFailures.of(base, Dimension.CODE_GENERATION, "fetch remotes in parallel").notTheTasks())
        .as("'remotes' is 'remote'").isFalse();
    assertThat(KnownFailures.of(base, Dimension.BUG_FIXING, "rbenv global prints default").notTheTasks())
        .as("a bug fix may be about any failing test").isFalse();
    assertThat(KnownFailures.of(base, Dimension.CODE_REFACTORING, "make the failing tests pass").notTheTasks()).isFalse();
    assertThat(KnownFailures.of(failing(), Dimension.CODE_GENERATION, "add a flag").warning("make test")).isNull();
    assertThat(KnownFailures.namesAny("speed up TestParseDates", List.of("TestParseDates"))).isTrue();
    assertThat(KnownFailures.namesAny("fix the test that fails", List.of("test_that_fails"))).as("generic words only").isFalse();
  }

  @Test
  void theFailingTestsAPromptLeavesUnnamedWhenItNamesSome() {
    VerifyResult flask = failing("tests/test_blueprints.py::test_nested_blueprint",
        "tests/test_blueprints.py::test_nested_callback_order", "tests/test_helpers.py::TestStreaming::test_async_view");
    assertThat(KnownFailures.othersThanNamed(flask, "fix the nested blueprint test"))
        .containsExactly("tests/test_helpers.py::TestStreaming::test_async_view");
    assertThat(KnownFailures.othersThanNamed(flask, "fix the failing test")).as("names none: any may be the bug").isEmpty();
    assertThat(KnownFailures.othersThanNamed(flask, "fix async views and nested blueprints")).as("names all").isEmpty();
    assertThat(KnownFailures.othersThanNamed(
        new VerifyResult(false, 1, 10, "", false, null, flask.failing(), true), "fix the nested blueprint test"))
        .as("a list cut short names no others").isEmpty();

    KnownFailures known = KnownFailures.of(flask, Dimension.BUG_FIXING, "fix the nested blueprint test");
    assertThat(known.onlyThese(failing("tests/test_helpers.py::TestStreaming::test_async_view")))
        .as("the named ones fixed, only the unnamed one left: ends the run").isTrue();
    assertThat(known.onlyThese(failing("tests/test_blueprints.py::test_nested_blueprint",
        "tests/test_helpers.py::TestStreaming::test_async_view"))).as("a named one still fails").isFalse();
    assertThat(known.onlyThese(failing("tests/test_helpers.py::TestStreaming::test_async_view", "tests/test_new.py::test_x")))
        .as("a new failure").isFalse();
    assertThat(KnownFailures.of(flask, Dimension.BUG_FIXING, "fix the failing test")
        .onlyThese(failing("tests/test_helpers.py::TestStreaming::test_async_view"))).as("the prompt names none").isFalse();
  }

  @Test
  void aFileOrPackageLineIsNoneOfTheOthers() {
    // go test names the package after its failing tests, and again alone when they did not build or hung: an attempt
    // that broke timeutil, the named test's package, leaves only lines that failed before, none of them the test's name.
    VerifyResult go = failing("TestParseDuration", "example.com/x/timeutil", "TestDialRedis", "example.com/x/cache");
    KnownFailures known = KnownFailures.of(go, Dimension.BUG_FIXING, "fix TestParseDuration for negative durations");
    assertThat(known.unnamed()).containsExactly("TestDialRedis");
    assertThat(known.onlyThese(failing("example.com/x/timeutil", "TestDialRedis", "example.com/x/cache")))
        .as("timeutil did not build").isFalse();
    assertThat(KnownFailures.of(failing("TestParseDuration", "TestDialRedis", "example.com/x/util"), Dimension.BUG_FIXING,
        "fix TestParseDuration").onlyThese(failing("example.com/x/util"))).as("one package, hung").isFalse();
    // Jest names the file, then its tests; a file that no longer loads is its FAIL line alone.
    VerifyResult jest = failing("src/parser.test.js", "Parser › handles empty input", "src/db.test.js", "Db › connects");
    KnownFailures js = KnownFailures.of(jest, Dimension.BUG_FIXING, "fix the empty input test");
    assertThat(js.unnamed()).containsExactly("Db › connects");
    assertThat(js.onlyThese(failing("src/parser.test.js", "src/db.test.js", "Db › connects"))).isFalse();
    assertThat(known.unnamedNote()).startsWith("; the prompt does not name 1 test (TestDialRedis), and an attempt verifies only"
        + " when it passes too").as("no run ends on a package's line: no stop promised").doesNotContain("acr stops");
    assertThat(KnownFailures.of(failing("tests/test_a.py::test_nested", "tests/test_b.py::test_async_view"),
        Dimension.BUG_FIXING, "fix the nested test").unnamedNote()).contains("otherwise acr stops after the first attempt");
    assertThat(KnownFailures.fileOrPackage("gopkg.in/yaml.v3")).isTrue();
    assertThat(KnownFailures.fileOrPackage("TestParse/empty_input")).as("a Go subtest").isFalse();
    assertThat(KnownFailures.fileOrPackage("tests/test_x.py")).as("pytest's, only when it did not collect").isFalse();
    assertThat(KnownFailures.fileOrPackage("tests/test-reader")).as("automake's test program").isFalse();
  }

  @Test
  void goPackagesAloneWhereTheirTestsFailedBeforeEndNoRun() {
    // Not the task's at all: their package alone is what an attempt that broke its build, or hung a test, leaves failing.
    KnownFailures root = KnownFailures.of(failing("TestChmodAsRoot", "example.com/x/fs"), Dimension.CODE_GENERATION,
        "add a --json flag to the ls command");
    assertThat(root.onlyThese(failing("TestChmodAsRoot", "example.com/x/fs"))).isTrue();
    assertThat(root.onlyThese(failing("example.com/x/fs"))).as("fs did not build").isFalse();
    assertThat(KnownFailures.of(failing("example.com/x/db"), Dimension.CODE_GENERATION, "add a --json flag")
        .onlyThese(failing("example.com/x/db"))).as("its TestMain wants a database, before any change too").isTrue();
    assertThat(KnownFailures.of(failing("test/net.test.js"), Dimension.CODE_GENERATION, "add a --json flag")
        .onlyThese(failing("test/net.test.js"))).as("node --test's TAP names files only: still ends the run").isTrue();
  }

  @Test
  void anAttemptLeavingOnlySomeOfThemEndsTheRunOneWithAnyOtherFailureDoesNot() {
    KnownFailures known = KnownFailures.of(failing("a root-only test", "needs redis"), Dimension.CODE_GENERATION,
        "add a greeting");
    assertThat(known.onlyThese(failing("a root-only test", "needs redis"))).isTrue();
    assertThat(known.onlyThese(failing("needs redis"))).isTrue();
    assertThat(known.onlyThese(failing("needs redis", "greets in French"))).isFalse();
    assertThat(known.onlyThese(failing())).as("failed, naming nothing: a build error, say").isFalse();
    assertThat(known.onlyThese(new VerifyResult(false, -1, 10, "", true, null, List.of("needs redis"), false))).isFalse();
    assertThat(known.onlyThese(new VerifyResult(false, 1, 10, "", false, null, List.of("needs redis"), true))).isFalse();
    assertThat(known.warning("bats test")).startsWith("2 tests (a root-only test, needs redis) already fail before any change")
        .contains("the whole test command passes (bats test)").contains("--verify 'CMD'");
    assertThat(KnownFailures.of(failing("needs redis"), Dimension.CODE_GENERATION, "add a greeting").warning("make test"))
        .startsWith("1 test (needs redis) already fails before any change, and the prompt neither asks to fix a failing test nor names it:");
    KnownFailures aFix = KnownFailures.of(failing("a root-only test"), Dimension.BUG_FIXING, "fix the greeting");
    assertThat(aFix.onlyThese(failing("a root-only test"))).isFalse();
    assertThat(aFix.warning("bats test")).isNull();
  }

  @Test
  void aFailureIsRunAgainOnlyWhenTheBaselinesFailuresPassAndOthersFailThatDidNot() {
    KnownFailures known = KnownFailures.of(failing("value is fixed"), Dimension.BUG_FIXING, "fix the value");
    assertThat(known.worthRerun(failing("times out under load"))).isTrue();
    assertThat(known.worthRerun(failing("value is fixed", "times out under load"))).as("the task's test still fails").isFalse();
    assertThat(known.worthRerun(failing())).as("named nothing: a build error, say").isFalse();
    assertThat(known.worthRerun(new VerifyResult(false, -1, 10, "", true, null, List.of("slow"), false))).as("timed out").isFalse();
    assertThat(known.worthRerun(new VerifyResult(false, 1, 10, "", false, null, List.of("slow"), true))).as("list cut").isFalse();
    assertThat(known.worthRerun(new VerifyResult(true, 0, 10, "", false, null))).isFalse();
    assertThat(KnownFailures.of(new VerifyResult(true, 0, 10, "", false, null), Dimension.BUG_FIXING, "fix it")
        .worthRerun(failing("slow"))).as("nothing failed before: no sign the change did its part").isFalse();
  }

  @Test
  void namesAFewAndCountsTheRest() {
    assertThat(KnownFailures.named(List.of("a"), false)).isEqualTo("1 test (a)");
    assertThat(KnownFailures.named(List.of("a", "b", "c", "d", "e"), true)).isEqualTo("over 5 tests (a, b, c and 2 more)");
  }
  @Test
  void aPromptNamingCodeNoFailingTestHoldsSaysItMayPassAlready() {
    VerifyResult tz = failing("ts-adjust-dst", "ts-parse-fill", "ts-human-format");
    assertThat(KnownFailures.of(tz, Dimension.BUG_FIXING, "fix the failing `ht-get` test").namedElsewhereNote("fix the failing `ht-get` test"))
        .isEqualTo("; no failing test is named after ht-get: if that is a test, it passes already, and an attempt verifies"
            + " only when the failing ones pass");
    VerifyResult py = failing("tests/test_dates.py::test_iso_week");
    String prompt = "fix the failing test_parse_empty and TestSplit";
    assertThat(KnownFailures.of(py, Dimension.BUG_FIXING, prompt).namedElsewhereNote(prompt))
        .contains("no failing test is named after test_parse_empty, TestSplit: if those are tests, they pass already");
    // Named among them, no code named, a file or a brand: nothing to add.
    assertThat(KnownFailures.of(py, Dimension.BUG_FIXING, "fix test_iso_week").namedElsewhereNote("fix test_iso_week")).isEmpty();
    assertThat(KnownFailures.of(py, Dimension.BUG_FIXING, "fix the failing date test").namedElsewhereNote("fix the failing date test"))
        .isEmpty();
    String brands = "fix the failing test in parse_args.py on GitHub's macOS runner (JavaScript build)";
    assertThat(KnownFailures.of(py, Dimension.BUG_FIXING, brands).namedElsewhereNote(brands)).isEmpty();
    // A list cut short cannot say what is not in it.
    VerifyResult cut = new VerifyResult(false, 1, 10, "", false, null, List.of("test_a"), true);
    assertThat(KnownFailures.of(cut, Dimension.BUG_FIXING, "fix test_b").namedElsewhereNote("fix test_b")).isEmpty();
  }

  /**
   * review19: a failing test named exactly, by a name whose words are too short to compare (add, b, v2) or in the runner's
   * other spelling (a pytest id, JUnit's "Class > method", a Go subtest), is the test meant: nothing to add.
   */
  @Test
  void aFailingTestNamedExactlyIsNoneElsewhere() {
    String[][] rows = {
        {"tests/test_math.py::test_add", "fix the failing test_add"},
        {"tests/test_x.py::TestA::test_b", "fix tests/test_x.py::TestA::test_b, it fails since the merge"},
        {"test_b", "fix the failing TestA::test_b"},
        {"com.x.FooTest > testBar", "fix the failing FooTest"},
        {"TestGet/empty_key", "fix the failing TestGet"},
        {"test_v2_api", "fix the failing test_v2_api"}};
    for (String[] r : rows) {
      assertThat(KnownFailures.of(failing(r[0]), Dimension.BUG_FIXING, r[1]).namedElsewhereNote(r[1])).as(r[1]).isEmpty();
    }
    String other = "fix the failing test_add";
    assertThat(KnownFailures.of(failing("tests/test_math.py::test_sub"), Dimension.BUG_FIXING, other).namedElsewhereNote(other))
        .as("another short name").contains("named after test_add");
  }
}
