package dev.acr.verify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A failing test's name as its definition holds it, from the name its runner printed ({@link DisabledTests} looks for it in a patch). */
final class TestIdentifier {

  private static final Pattern SOURCE_FILE = Pattern.compile("\\.(?:py|[cm]?[jt]sx?|go|rb|rs|java|kt|scala|php|cs|exs?|zig|dart|jl|scm"
      + "|lisp|lua|c|cc|cpp|h|swift)$");
  private static final Pattern QUALIFIED = Pattern.compile("^(?:[A-Za-z_$][\\w$]*\\.)+(?=[A-Za-z_$])");

  private TestIdentifier() {}

  /**
   * The name a test's definition would hold, from the name a runner printed: pytest's {@code
   * tests/test_a.py::test_x[1]} and {@code Suite › name} to their last part, a Go subtest to its
   * test, Surefire's {@code dev.x.FooTest.bar} to the method, unittest's {@code test_x (mod.Case)}
   * and a Deno step ({@code parse() handles major ...  1.2.3}) to the test, munit's {@code
   * calc.CalcSuite.adds negatives} to the test's own words, AUnit's {@code Case name : Routine name} to the routine's. Null for a file ({@code ERROR
   * tests/test_a.py}) and when too short to be told from other words (a package line's {@code com}).
   */
  static String of(String name) {
    String n = name.strip();
    if (SOURCE_FILE.matcher(n).find()) {
      return null;
    }
    for (String end : new String[] {" ... ", " ("}) {
      n = n.indexOf(end) > 0 ? n.substring(0, n.indexOf(end)) : n;
    }
    for (String sep : new String[] {"::", " › ", " > ", " : ", "#"}) { // "#": minitest's TagTest#test_default
      n = n.contains(sep) ? n.substring(n.lastIndexOf(sep) + sep.length()) : n;
    }
    n = n.indexOf('[') > 0 ? n.substring(0, n.indexOf('[')) : n;
    Matcher gtest = GTEST_PARAMETERIZED.matcher(n);
    n = gtest.find() ? gtest.group(gtest.group(1) != null ? 1 : 2) : n;
    if (!n.contains(" ")) {
      n = n.indexOf('/') > 0 ? n.substring(0, n.indexOf('/')) : n;
      n = n.substring(n.lastIndexOf('.') + 1);
    } else {
      n = QUALIFIED.matcher(n).replaceFirst(""); // munit's calc.CalcSuite.adds negatives
    }
    n = n.strip();
    return n.length() >= 5 ? n : null;
  }

  /**
   * GoogleTest's typed or value-parameterized test, whose instance's index follows the suite or the test: {@code ClampTyped/0.Big},
   * {@code Values/ClampParam.Works/2} (its definition is TYPED_TEST(ClampTyped, Big), TEST_P(ClampParam, Works)); not a Go subtest,
   * {@code TestParse/v1.2}.
   */
  private static final Pattern GTEST_PARAMETERIZED =
      Pattern.compile("^(?:\\w+/)?[A-Za-z_]\\w*/\\d+\\.([A-Za-z_]\\w*)$|^(?:\\w+/)?[A-Za-z_]\\w*\\.([A-Za-z_]\\w*)/\\d+$");
}
