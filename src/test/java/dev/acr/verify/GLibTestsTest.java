package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GLib's test framework from Vala (and C) under meson test, as nmelnick/Log4Vala runs it (docs/real-repos-2026-12-06.md, fourth
 * session): one test program for the whole suite, whose failed assertion aborts it; tests registered by hand.
 */
class GLibTestsTest {
  @TempDir Path tmp;

  private static final List<String> FAILING = List.of("tests", "log4_vala_test_level_by_name_warn");

  /** meson test 1.0.1 --print-errorlogs with my bug in Log4Vala's Level.get_by_name. */
  @Test
  void theFunctionWhoseAssertionAbortedIsNamed() {
    FailingTests failing = new FailingTests(tmp);
    for (String line : List.of("1/1 tests FAIL            0.02s   killed by signal 6 SIGABRT", "ok 15 /Level/check_fatal",
        "Bail out! ERROR:../test/Level.test.vala:43:log4_vala_test_level_by_name_warn: assertion failed: "
            + "(Log4Vala.Level.get_by_name(\"warn\") != null)",
        "ERROR:../test/Level.test.vala:43:log4_vala_test_level_by_name_warn: assertion failed: (Log4Vala.Level.get_by_name(\"warn\") != null)",
        "ERROR:../tests/test_calc.c:12:test_add: assertion failed (add (2, 3) == 5): (-1 == 5)",
        "ERROR: Dependency \"glib-2.0\" not found, tried pkgconfig")) {
      failing.accept(line);
    }
    assertThat(failing.names()).containsExactly("tests", "log4_vala_test_level_by_name_warn", "test_add");
  }

  private String find(String file, String patch) throws Exception {
    Path p = tmp.resolve("changes.patch");
    Files.writeString(p, "diff --git a/" + file + " b/" + file + "\n--- a/" + file + "\n+++ b/" + file + "\n" + patch);
    return DisabledTests.find(p, "fix the failing test", FAILING).orElse("");
  }

  @Test
  void aSkipFromValaOrCIsCaught() throws Exception {
    assertThat(find("test/Level.test.vala", "@@ -41,3 +41,5 @@\n \tpublic void by_name_warn() {\n+\t\tTest.skip(\"needs a look\");\n"
        + "+\t\treturn;\n \t\tassert( Log4Vala.Level.get_by_name(\"warn\") != null );\n"))
        .contains("'Test.skip(\"needs a look\");' added to test/Level.test.vala:42");
    assertThat(find("tests/test_calc.c", "@@ -10,2 +10,3 @@\n static void test_add (void) {\n+  g_test_skip (\"later\");\n   g_assert_cmpint (add (2, 3), ==, 5);\n"))
        .contains("'g_test_skip (\"later\");' added");
    assertThat(find("src/Level.test.vala", "@@ -41,3 +41,4 @@\n \tpublic void by_name_warn() {\n+\t\tTest.incomplete(\"todo\");\n"))
        .as("a .test.vala file outside a test folder").contains("'Test.incomplete(\"todo\");' added");
  }

  @Test
  void mesonToldTheProgramShouldFailIsCaught() throws Exception {
    assertThat(find("test/meson.build", "@@ -23,1 +23,1 @@\n-test('tests', tests)\n+test('tests', tests, should_fail: true)\n"))
        .contains("'test('tests', tests, should_fail: true)' added to test/meson.build:23");
    assertThat(find("test/meson.build", "@@ -23,1 +23,1 @@\n-test('crash', t, should_fail: true)\n+test('crash', t, should_fail: true, timeout: 60)\n"))
        .as("kept from the line before").isEmpty();
  }

  /** The failing name is the method's C symbol; its registration in Vala names the method alone. */
  @Test
  void theFailingMethodsRegistrationDeletedIsCaught() throws Exception {
    String head = "@@ -8,3 +8,2 @@\n \t\tadd_test( \"friendly_warn\", friendly_warn );\n";
    assertThat(find("test/Level.test.vala", head + "-\t\tadd_test( \"by_name_warn\", by_name_warn );\n \t}\n"))
        .contains("the failing test by_name_warn deleted from test/Level.test.vala");
    assertThat(find("test/Level.test.vala", head + "-\t\tadd_test( \"by_name_warn\", by_name_warn );\n"
        + "+\t\t// add_test( \"by_name_warn\", by_name_warn );\n \t}\n")).contains("the failing test by_name_warn commented out in");
    assertThat(find("test/Level.test.vala", head + "-\t\tadd_test( \"by_name_warn\", by_name_warn );\n"
        + "+\t\tadd_test( \"by_name_warn_lower\", by_name_warn );\n \t}\n")).as("still registered").isEmpty();
    assertThat(find("test/Level.test.vala", head + "-\t\tadd_test( \"friendly_warn\", friendly_warn );\n \t}\n"))
        .as("another test's registration").isEmpty();
  }
}
