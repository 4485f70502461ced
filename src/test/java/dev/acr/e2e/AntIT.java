package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.testing.Toolchains;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The packaged launcher on the shape of BuildToolsK2/ANT's JavaStandaloneProjectJunitExtension (docs/real-repos-2026-12-06.md,
 * seventh session): a build.xml whose test target runs JUnit 4 through Ant's junit task with {@code haltonfailure="no"}, so
 * {@code ant test} ends "BUILD SUCCESSFUL", exit 0, with a test failing. The baseline must read the failure, the breaker must
 * not verify, the fixer must; a stand-in that adds {@code @org.junit.Ignore} must not verify either. Each test skips, naming
 * what to install, without Ant, its junit task and JUnit 4; .ci/run installs them, so in CI (ACR_REQUIRE_TOOLS=1) they fail
 * instead.
 */
class AntIT extends StandInTrials {

  private static final String BUILD = """
      <project name="calc" default="test" basedir=".">
        <path id="classpath">
          <pathelement location="/usr/share/java/junit4.jar"/>
          <pathelement location="/usr/share/java/hamcrest-core.jar"/>
          <pathelement location="bin"/>
        </path>
        <target name="compile">
          <mkdir dir="bin"/>
          <javac includeantruntime="false" srcdir="src" destdir="bin" classpathref="classpath"/>
        </target>
        <target name="test" depends="compile">
          <junit printsummary="yes" haltonfailure="no">
            <classpath refid="classpath"/>
            <batchtest fork="yes"><fileset dir="src" includes="**/*Test.java"/></batchtest>
          </junit>
        </target>
      </project>
      """;

  @BeforeEach
  void needsAnt(TestInfo test) {
    Toolchains.require(test.getDisplayName(), Toolchains.ANT, Toolchains.ANT_JUNIT);
  }

  private void antProject() throws Exception {
    write("build.xml", BUILD);
    write(".gitignore", "bin/\n");
    write("src/calc/Calc.java", "package calc;\n\npublic class Calc {\n  public static int sub(int a, int b) {\n    return a - b;\n  }\n}\n");
    write("src/calc/CalcTest.java", """
        package calc;

        import static org.junit.Assert.assertEquals;
        import org.junit.Test;

        public class CalcTest {
          @Test
          public void subtracts() {
            assertEquals(2, Calc.sub(5, 3));
          }
        }
        """);
    commitThenBreak("src/calc/Calc.java", "a - b", "b - a", "b + a");
  }

  @Test
  void aTestTargetThatEndsSuccessfullyWithAFailingTestIsReadAsFailing() throws Exception {
    antProject();
    breakerThenFixerVerifies("java", "ant test\\s+\\(detected: build\\.xml \\(test target\\)\\)", "src/calc/Calc.java", "return a - b;");
    verifyLogSays("baseline", "Tests run: 1, Failures: 1", "BUILD SUCCESSFUL");
  }

  @Test
  void aQualifiedIgnoreIsNoFix() throws Exception {
    antProject();
    breakerRuns("sed -i 's/^  @Test$/  @Test @org.junit.Ignore/' src/calc/CalcTest.java");
    Fixtures.Run r = acr("--chain", "sed-breaker", "fix the failing test");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.err()).contains("turns tests off");
    assertThat(fx.read("src/calc/CalcTest.java")).doesNotContain("Ignore");
  }
}
