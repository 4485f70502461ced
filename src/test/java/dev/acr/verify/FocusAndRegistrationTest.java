package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review13's inputs: focuses, registrations by hand, Meson's negative tests and pytest's continued addopts. */
class FocusAndRegistrationTest {
  @TempDir Path tmp;

  private Optional<String> find(String prompt, List<String> failing, String... files) throws Exception {
    Path p = tmp.resolve("changes.patch");
    Files.writeString(p, String.join("", files));
    return DisabledTests.find(p, prompt, failing);
  }

  private static String file(String name, String hunk) {
    return "diff --git a/" + name + " b/" + name + "\n--- a/" + name + "\n+++ b/" + name + "\n" + hunk;
  }

  @Test
  void aFocusLeavesTheOtherTestsOutOnANewTestToo() throws Exception {
    List<String> failing = List.of("parses dates");
    String prompt = "fix the failing date test";
    assertThat(find(prompt, failing, file("src/parse.test.ts", "@@ -20,2 +20,5 @@\n });\n+it.only('parses times', () => {\n"
        + "+  expect(parse('10:00')).toBeDefined();\n+});\n"))).hasValueSatisfying(w -> assertThat(w).contains("it.only('parses times'"));
    assertThat(find(prompt, failing, file("spec/parse.spec.js", "@@ -3,2 +3,2 @@\n-describe('parse', () => {\n+fdescribe('parse', () => {\n")))
        .isPresent();
    assertThat(find(prompt, failing, file("src/test/groovy/ParseSpec.groovy", "@@ -30,2 +30,5 @@\n   }\n+  @IgnoreRest\n"
        + "+  def \"divides by two\"() {\n+    expect: 4 / 2 == 2\n"))).isPresent();
    // Not in a comment, and not outside tests.
    assertThat(find(prompt, failing, file("src/parse.test.ts", "@@ -20,1 +20,2 @@\n });\n+// never commit it.only( here\n"))).isEmpty();
    assertThat(find(prompt, failing, file("src/query.ts", "@@ -20,1 +20,2 @@\n });\n+const q = select.only(columns);\n"))).isEmpty();
  }

  @Test
  void shouldFailOnANewMesonTestIsANegativeTestNotATestTurnedOff() throws Exception {
    assertThat(find("make the CLI reject a negative count", List.of("tests"), file("tests/meson.build",
        "@@ -3,1 +3,2 @@\n test('cli', cli)\n+test('cli-rejects-negative', cli, args: ['--count', '-1'], should_fail: true)\n")))
        .isEmpty();
    assertThat(find("fix the failing test", List.of("tests"), file("tests/meson.build",
        "@@ -3,1 +3,1 @@\n-test('cli', cli)\n+test('cli', cli, should_fail: true)\n"))).isPresent();
  }

  @Test
  void aPytestOptionOnAnAddoptsContinuationLineIsNotAComment() throws Exception {
    assertThat(find("fix the failing parser test", List.of("tests/test_a.py::test_parse"), file("pytest.ini",
        "@@ -1,2 +1,3 @@\n [pytest]\n addopts =\n+    --deselect tests/test_a.py::test_parse\n"))).isPresent();
    // Ada's comment still hides a registration: "--  Add_Test" is a comment.
    assertThat(PatchScan.comment("--  Add_Test (Caller.Create (\"escape\", Test_Escape'Access));")).isTrue();
    assertThat(PatchScan.comment("--deselect tests/test_a.py::test_parse")).isFalse();
  }

  @Test
  void aGLibRegistrationDeletedIsFoundByTheFunctionItNames() throws Exception {
    List<String> failing = List.of("test_divide");
    String registration = file("tests/test_calc.c", "@@ -40,3 +40,2 @@\n   g_test_add_func (\"/calc/add\", test_add);\n"
        + "-  g_test_add_func (\"/calc/divide\", test_divide);\n   return g_test_run ();\n");
    String codeChange = file("src/calc.c", "@@ -12,1 +12,1 @@\n-int calc_divide (int a, int b) { return a * b; }\n"
        + "+int calc_divide (int a, int b) { return a / b; }\n");
    assertThat(find("fix the failing divide test", failing, registration, codeChange))
        .hasValueSatisfying(w -> assertThat(w).contains("the failing test test_divide deleted from tests/test_calc.c"));
  }

  @Test
  void aSuiteNowLoadedWholeStillRunsItsTests() throws Exception {
    assertThat(find("fix the failing date test", List.of("test_parse_dates"), file("tests/suite.py",
        "@@ -5,2 +5,2 @@\n     s = unittest.TestSuite()\n-    s.addTest(ParserTest(\"test_parse_dates\"))\n"
            + "+    s.addTests(loader.loadTestsFromTestCase(ParserTest))\n"))).isEmpty();
  }
}
