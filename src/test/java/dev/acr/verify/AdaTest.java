package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ada with GNAT's gprbuild and AUnit, as skordal/ada-regex is laid out (docs/real-repos-2026-12-06.md, fourth session): a
 * library project, a test project importing AUnit whose main program runs the suites, and AUnit's text reporter, which exits
 * 0 whatever failed.
 */
class AdaTest {
  @TempDir Path root;

  private static final String TEST_GPR = """
      --  for Main use ("old_main.adb"); (commented out)
      with "aunit";
      with "regex";

      project Regex.Tests is
         for Source_Dirs use ("tests");
         for Main use ("regex_test.adb");
         for Exec_Dir use "bin";
         for Object_Dir use "obj";
      end Regex.Tests;
      """;

  private void write(String file, String text) throws IOException {
    Files.createDirectories(root.resolve(file).getParent());
    Files.writeString(root.resolve(file), text);
  }

  @Test
  void aTestProjectImportingAUnitIsBuiltAndItsMainRun() throws IOException {
    write("regex.gpr", "project Regex is\n   for Source_Dirs use (\"src\");\n   for Object_Dir use \"obj\";\nend Regex;\n");
    write("src/regex.ads", "package Regex is\nend Regex;\n");
    assertThat(VerifyDetector.detect(root, null)).as("a library project builds no test program").isEmpty();
    assertThat(PackageFolder.nearest(root, root.resolve("src")).marker()).isEqualTo("regex.gpr");
    write("regex-tests.gpr", TEST_GPR);
    assertThat(VerifyDetector.detect(root, null)).contains(
        new VerifyCommand("gprbuild -p -P regex-tests.gpr && bin/regex_test", "detected: regex-tests.gpr (AUnit)"));
  }

  @Test
  void aTestProjectInTestsRunsFromItsOwnFolders() throws IOException {
    write("calc.gpr", "project Calc is\nend Calc;\n");
    write("tests/tests.gpr", "with \"../calc.gpr\";\nproject Tests is\n   for Main use (\"test_main.adb\", \"other.adb\");\n"
        + "   for Object_Dir use \"obj\";\nend Tests;\n");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand(
        "gprbuild -p -P tests/tests.gpr && tests/obj/test_main && tests/obj/other", "detected: tests/tests.gpr"));
    write("tests/tests.gpr", "project Tests is\n   for Main use (\"t.adb\");\n   for Exec_Dir use \"bin/\" & Mode;\nend Tests;\n");
    assertThat(VerifyDetector.detect(root, null)).as("a computed folder is not guessed").isEmpty();
    write("tests/tests.gpr", "project Tests is\n   for Main use (\"t.adb\");\n   package Builder is\n"
        + "      for Executable (\"t.adb\") use \"run_tests\";\n   end Builder;\nend Tests;\n");
    assertThat(VerifyDetector.detect(root, null).map(VerifyCommand::command)).as("renamed by the Builder package")
        .contains("gprbuild -p -P tests/tests.gpr && tests/run_tests");
    write("tests/tests.gpr", "project Tests is\n   for Main use (\"t.adb\");\nend Tests;\n");
    assertThat(VerifyDetector.detect(root, null).map(VerifyCommand::command)).contains("gprbuild -p -P tests/tests.gpr && tests/t");
  }

  /** AUnit's text reporter, from ada-regex with my bug: two runners, the second with a failure; an error's line too. */
  @Test
  void aunitsReportIsReadThoughTheProgramExitsZero() throws Exception {
    List<String> out = List.of("OK escape-dollar", "", "Total Tests Run:   23", "Successful Tests:  23", "Failed Assertions: 0",
        "Unexpected Errors: 0", "", "FAIL escape", "    Escaped string does not escape all characters",
        "    at utilities_test_cases.adb:21", "ERROR Parser tests : Test nested groups (in 0.000012)", "    CONSTRAINT_ERROR",
        "Total Tests Run:   5", "Successful Tests:  3", "Failed Assertions: 1", "Unexpected Errors: 1");
    FailingTests failing = new FailingTests(root);
    out.forEach(failing::accept);
    assertThat(failing.names()).containsExactly("escape", "Parser tests : Test nested groups");
    assertThat(TestIdentifier.of("Parser tests : Test nested groups")).isEqualTo("Test nested groups");
    FailingTests others = new FailingTests(root);
    List.of("ERROR [main] o.a.Server - bind failed", "ERROR: Dependency \"x\" not found", "ERROR x.c:12: oops").forEach(others::accept);
    assertThat(others.names()).as("a logger's lines, meson's, a compiler's").isEmpty();
    assertThat(NoTests.in(out)).isEmpty();
    assertThat(NoTests.in(List.of("Total Tests Run:   0", "Successful Tests:  0", "Failed Assertions: 0", "Unexpected Errors: 0")))
        .contains("Total Tests Run:   0");
    SummaryFailures summary = new SummaryFailures();
    out.forEach(summary::accept);
    assertThat(summary.result()).contains("AUnit: Failed Assertions: 1");
    Path script = root.resolve("aunit.sh");
    Files.writeString(script, String.join("\n", out.stream().map(l -> "echo '" + l + "'").toList()) + "\n");
    VerifyResult r = new Verifier().run(new VerifyCommand("sh aunit.sh", "--verify"), root, Duration.ofSeconds(30), Map.of(),
        root.resolve("logs/verify.log"));
    assertThat(r.exitCode()).isZero();
    assertThat(r.passed()).isFalse();
    assertThat(r.failing()).containsExactly("escape", "Parser tests : Test nested groups");
  }

  /** AUnit registers each test by hand: the failing test's registration deleted or commented out turns it off. */
  @Test
  void aFailingTestsRegistrationRemovedOrCommentedOutIsCaught() throws Exception {
    String file = "tests/utilities_test_suite.adb";
    String head = "diff --git a/" + file + " b/" + file + "\n--- a/" + file + "\n+++ b/" + file + "\n@@ -12,4 +12,4 @@\n";
    String removed = "-      Retval.Add_Test (Utilities_Test_Caller.Create (\"escape\",\n"
        + "-         Utilities_Test_Cases.Test_Escape'Access));\n";
    Path patch = root.resolve("changes.patch");
    Files.writeString(patch, head + removed);
    assertThat(DisabledTests.find(patch, "fix the failing test", List.of("escape"))).get().asString()
        .contains("the failing test escape deleted from " + file);
    Files.writeString(patch, head + removed + "+      --  Retval.Add_Test (Utilities_Test_Caller.Create (\"escape\",\n"
        + "+      --   Utilities_Test_Cases.Test_Escape'Access));\n");
    assertThat(DisabledTests.find(patch, "fix the failing test", List.of("escape"))).get().asString()
        .contains("the failing test escape commented out in " + file);
    Files.writeString(patch, head + "-   Register_Routine (T, Test_Nested'Access, \"Test nested groups\");\n"
        + "+   --  Register_Routine (T, Test_Nested'Access, \"Test nested groups\");\n");
    assertThat(DisabledTests.find(patch, "fix the failing test", List.of("Parser tests : Test nested groups"))).get().asString()
        .contains("the failing test 'Test nested groups' commented out in " + file);
    // Its name changed on the registration, the test still registered: not turned off.
    Files.writeString(patch, head + removed + "+      Retval.Add_Test (Utilities_Test_Caller.Create (\"escape\",\n"
        + "+         Utilities_Test_Cases.Test_Escape_All'Access));\n");
    assertThat(DisabledTests.find(patch, "fix the failing test", List.of("escape"))).isEmpty();
    // A one-word string on a line that registers nothing stays no test (Rust's Err("empty") beside its tests).
    Files.writeString(patch, head + "-      Raise_Error (\"escape\");\n");
    assertThat(DisabledTests.find(patch, "fix the failing test", List.of("escape"))).isEmpty();
  }

  @Test
  void aMissingAUnitOrGprbuildStopsTheRunAProjectFileOfItsOwnDoesNot() throws IOException {
    List<String> out = List.of("regex-tests.gpr:5:06: imported project file \"aunit\" not found",
        "gprbuild: \"regex-tests.gpr\" processing failed");
    assertThat(CannotRun.check(5, out, root, root, "fix the failing test")).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).contains("apt-get install libaunit22-dev"));
    List<String> other = List.of("t.gpr:1:06: imported project file \"xmlada\" not found");
    assertThat(CannotRun.check(5, other, root, root, "fix it")).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).contains("GPR_PROJECT_PATH"));
    write("lib/xmlada.gpr", "project XmlAda is\nend XmlAda;\n");
    assertThat(CannotRun.check(5, other, root, root, "fix it")).as("the project's own file: the agent's to mend").isEmpty();
    assertThat(CannotRun.check(127, List.of("sh: 1: gprbuild: not found"), root, root, "fix it")).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).contains("apt-get install gprbuild gnat"));
  }

  /** An Alire crate's project file imports the config/ project Alire generates on its first build. */
  @Test
  void anAlireCrateNotYetBuiltStopsTheRun() throws IOException {
    List<String> out = List.of("tests.gpr:1:06: imported project file \"config/tests_config.gpr\" not found");
    assertThat(CannotRun.check(5, out, root, root, "fix it")).as("no alire.toml: the project's own config folder").isEmpty();
    write("tests/alire.toml", "name = \"tests\"\n");
    assertThat(CannotRun.check(5, out, root, root, "fix it")).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).contains("alr build"));
  }
}
