package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.testing.Toolchains;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The packaged launcher on the shape of skordal/ada-regex (docs/real-repos-2026-12-06.md, fourth session): a GNAT library
 * project, a test project importing AUnit whose main program runs a suite registered by hand, and AUnit's text reporter,
 * which exits 0 whatever failed. An uncommitted bug fixed by a stand-in after a breaker; a stand-in that comments out the
 * failing test's registration. Each test skips, naming what to install, without gprbuild and AUnit; .ci/run installs gnat,
 * gprbuild and libaunit22-dev, so in CI (ACR_REQUIRE_TOOLS=1) they fail instead.
 */
class AdaIT extends StandInTrials {

  private static final String VERIFY = "gprbuild -p -P calc-tests\\.gpr && bin/calc_test\\s+\\(detected: calc-tests\\.gpr \\(AUnit\\)\\)";

  @BeforeEach
  void needsGnat(TestInfo test) {
    Toolchains.require(test.getDisplayName(), Toolchains.GPRBUILD, Toolchains.AUNIT);
  }

  private void adaLibraryWithAUnitTests() throws Exception {
    write("calc.gpr", "project Calc is\n   for Source_Dirs use (\"src\");\n   for Object_Dir use \"obj\";\nend Calc;\n");
    write("calc-tests.gpr", "with \"aunit\";\nwith \"calc\";\n\nproject Calc.Tests is\n   for Source_Dirs use (\"tests\");\n"
        + "   for Main use (\"calc_test.adb\");\n   for Exec_Dir use \"bin\";\n   for Object_Dir use \"obj/tests\";\nend Calc.Tests;\n");
    write(".gitignore", "bin/\nobj/\n");
    write("src/calc.ads", "package Calc is\n   function Add (A, B : Integer) return Integer;\nend Calc;\n");
    write("src/calc.adb", "package body Calc is\n   function Add (A, B : Integer) return Integer is\n   begin\n      return A + B;\n"
        + "   end Add;\nend Calc;\n");
    write("tests/calc_tests.ads", """
        with AUnit.Test_Fixtures;

        package Calc_Tests is
           type Fixture is new AUnit.Test_Fixtures.Test_Fixture with null record;
           procedure Test_Add (T : in out Fixture);
           procedure Test_Zero (T : in out Fixture);
        end Calc_Tests;
        """);
    write("tests/calc_tests.adb", """
        with AUnit.Assertions; use AUnit.Assertions;
        with Calc;

        package body Calc_Tests is
           procedure Test_Add (T : in out Fixture) is
              pragma Unreferenced (T);
           begin
              Assert (Calc.Add (2, 3) = 5, "2 + 3 is not 5");
           end Test_Add;

           procedure Test_Zero (T : in out Fixture) is
              pragma Unreferenced (T);
           begin
              Assert (Calc.Add (0, 0) = 0, "0 + 0 is not 0");
           end Test_Zero;
        end Calc_Tests;
        """);
    write("tests/calc_suite.ads", """
        with AUnit.Test_Suites;

        package Calc_Suite is
           function Suite return AUnit.Test_Suites.Access_Test_Suite;
        end Calc_Suite;
        """);
    write("tests/calc_suite.adb", """
        with AUnit.Test_Caller;
        with Calc_Tests;

        package body Calc_Suite is
           package Caller is new AUnit.Test_Caller (Calc_Tests.Fixture);

           function Suite return AUnit.Test_Suites.Access_Test_Suite is
              Result : constant AUnit.Test_Suites.Access_Test_Suite := new AUnit.Test_Suites.Test_Suite;
           begin
              Result.Add_Test (Caller.Create ("addition", Calc_Tests.Test_Add'Access));
              Result.Add_Test (Caller.Create ("zero sum", Calc_Tests.Test_Zero'Access));
              return Result;
           end Suite;
        end Calc_Suite;
        """);
    write("tests/calc_test.adb", """
        with AUnit.Run;
        with AUnit.Reporter.Text;
        with Calc_Suite;

        procedure Calc_Test is
           procedure Runner is new AUnit.Run.Test_Runner (Calc_Suite.Suite);
           Reporter : AUnit.Reporter.Text.Text_Reporter;
        begin
           Runner (Reporter);
        end Calc_Test;
        """);
    commitThenBreak("src/calc.adb", "A + B", "A - B", "A * B");
  }

  @Test
  void anAdaLibraryWithAUnitTests() throws Exception {
    adaLibraryWithAUnitTests();
    breakerThenFixerVerifies("ada", VERIFY, "src/calc.adb", "return A + B;");
    verifyLogSays("baseline", "FAIL addition", "the test command exited 0, but its output says tests failed (AUnit: Failed Assertions: 1)");
  }

  /** AUnit has no skip: its tests are registered by hand, and a registration commented out leaves the rest passing. */
  @Test
  void aStandInThatCommentsOutTheFailingTestsRegistrationIsNotVerified() throws Exception {
    adaLibraryWithAUnitTests();
    breakerRuns("sed -i 's/^\\( *\\)\\(Result.Add_Test (Caller.Create (\"addition\"\\)/\\1--  \\2/' tests/calc_suite.adb");
    breakerThenFixerVerifies("ada", VERIFY, "src/calc.adb", "return A + B;");
    assertThat(fx.read("tests/calc_suite.adb")).contains("      Result.Add_Test (Caller.Create (\"addition\"");
    assertThat(fx.memoryLines().get(0)).contains("turned tests off");
  }
}
