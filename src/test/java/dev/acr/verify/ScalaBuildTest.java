package dev.acr.verify;

import static dev.acr.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scala projects built with sbt, as MrChafeits/computerV1 (sbt 1.3.7, scalatest) and SethTisue/Project-Euler (sbt 1.10.7,
 * munit) printed them here (docs/real-repos-2026-12-06.md, Scala): the command found from build.sbt or
 * project/build.properties, scalatest's, munit's and sbt's lines read into failing names and counts, and what sbt could not
 * download told from a failing test.
 */
class ScalaBuildTest {

  private static final String SBT_TEST = "sbt -batch -no-colors -Dsbt.supershell=false test";

  @TempDir Path root;

  @Test
  void anSbtBuildRunsSbtTestInBatchModeWithoutColours() {
    assertThat(VerifyDetector.detect(root, null)).isEmpty();
    write(root, "project/build.properties", "sbt.version=1.3.7\n");
    assertThat(VerifyDetector.detect(root, null)).as("a build in project/*.scala alone")
        .contains(new VerifyCommand(SBT_TEST, "detected: project/build.properties"));
    write(root, "build.sbt", "libraryDependencies += \"org.scalatest\" %% \"scalatest\" % \"3.1.0\" % \"test\"\n");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand(SBT_TEST, "detected: build.sbt"));
    // A Scala.js build's package.json is for its JavaScript side: sbt still runs the tests.
    write(root, "package.json", "{\"scripts\": {\"test\": \"mocha\"}}\n");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand(SBT_TEST, "detected: build.sbt"));
  }

  /** sbt 2 would start its native client, downloaded from GitHub, which leaves a server running: --server runs sbt itself. */
  @Test
  void anSbt2BuildRunsSbtItselfNotItsClient() {
    write(root, "build.sbt", "scalaVersion := \"3.8.4-RC1\"\n");
    write(root, "project/build.properties", "sbt.version=2.0.0-RC11\n");
    assertThat(VerifyDetector.detect(root, null))
        .contains(new VerifyCommand("sbt --server -batch -no-colors -Dsbt.supershell=false test", "detected: build.sbt (sbt 2)"));
  }

  @Test
  void mavenComesFirstInAProjectThatKeepsBothBuilds() {
    write(root, "build.sbt", "scalaVersion := \"2.13.15\"\n");
    write(root, "pom.xml", "<project><modelVersion>4.0.0</modelVersion></project>\n");
    assertThat(VerifyDetector.detect(root, null)).map(VerifyCommand::command).hasValueSatisfying(c -> assertThat(c).startsWith("mvn"));
  }

  @Test
  void munitAndScalatestFailuresAreNamed() {
    FailingTests failing = new FailingTests(root);
    // munit through sbt, coloured as it prints even with -no-colors (Project-Euler's test that timed out here).
    failing.accept("\u001b[91m==> X \u001b[0m\u001b[91mnet.tisue.euler.Problem60\u001b[0m.\u001b[91mproblem 60\u001b[0m  "
        + "\u001b[90m54.067s\u001b[0m java.util.concurrent.TimeoutException: test timed out after 30 seconds");
    failing.accept("==> X AddSuite.adds  0.039s munit.ComparisonFailException: /x/AddSuite.scala:2");
    failing.accept("==> X AddSuite.runs in 3s  0.002s munit.FailException: /x/AddSuite.scala:9");
    failing.accept("\u001b[32m  + \u001b[0m\u001b[32mok\u001b[0m \u001b[90m0.013s\u001b[0m");
    // scalatest through sbt (computerV1), then sbt's own list of the failed suites, which is not read.
    failing.accept("[info] - ScratchPad");
    failing.accept("[info] - QuadraticSolver *** FAILED ***");
    failing.accept("[info]   (Some(-1.0),Some(-1.5)) did not equal (Some(0.5),Some(-3.0)) (SetSuite.scala:62)");
    failing.accept("  - should parse a sum *** FAILED *** (12 milliseconds)");
    failing.accept("[error] Failed tests:");
    failing.accept("[error] \tSetSuite");
    assertThat(failing.names()).containsExactly("net.tisue.euler.Problem60.problem 60", "AddSuite.adds", "AddSuite.runs in 3s", "QuadraticSolver",
        "should parse a sum");
  }

  @Test
  void sbtAndScalatestCountsSayWhetherTestsRan() {
    assertThat(NoTests.in(List.of("[error] Failed: Total 135, Failed 1, Errors 0, Passed 134"))).isEmpty();
    assertThat(NoTests.in(List.of("[info] Passed: Total 2, Failed 0, Errors 0, Passed 2"))).isEmpty();
    assertThat(NoTests.in(List.of("[info] Passed: Total 0, Failed 0, Errors 0, Passed 0, Ignored 2"))).as("every test ignored")
        .contains("Passed: Total 0, Failed 0, Errors 0, Passed 0, Ignored 2");
    assertThat(NoTests.in(List.of("[info] No tests to run for Test / test"))).contains("No tests to run for Test / test");
    assertThat(NoTests.in(List.of("[info] Tests: succeeded 3, failed 2, canceled 0, ignored 0, pending 0"))).isEmpty();
    assertThat(NoTests.in(List.of("Tests: succeeded 0, failed 0, canceled 0, ignored 5, pending 0"))).as("scalatest under Maven")
        .contains("Tests: succeeded 0, failed 0, canceled 0, ignored 5, pending 0");
  }

  /**
   * sbt 1.10 with no test class prints no test line and exits 0: for the detected command that is no test run. uTest's, ZIO
   * Test's and specs2's own summaries, which sbt prints instead of its own, say tests ran.
   */
  @Test
  void aDetectedSbtRunWithoutATestSummaryRanNoTest() {
    NoTests silent = new NoTests(SBT_TEST, "detected: build.sbt");
    List.of("[info] welcome to sbt 1.10.7 (Debian Java 17.0.15)", "[info] set current project to hello (in build file:/x/hello/)",
        "[success] Total time: 5 s, completed Dec 6, 2026, 6:12:29 AM").forEach(silent::accept);
    assertThat(silent.result(0)).contains("sbt printed no test summary: no test class ran");
    assertThat(silent.result(1)).as("a build that failed: the agents' to fix").isEmpty();
    assertThat(new NoTests(SBT_TEST, "--verify").result(0)).as("the user's own command").isEmpty();
    for (String summary : List.of("[info] Tests: 3, Passed: 3, Failed: 0", "[info] 3 tests passed. 0 tests failed. 0 tests ignored.",
        "[info] 2 examples, 0 failure, 0 error", "[info] Passed: Total 2, Failed 0, Errors 0, Passed 2")) {
      NoTests ran = new NoTests(SBT_TEST, "detected: build.sbt");
      ran.accept(summary);
      assertThat(ran.result(0)).as(summary).isEmpty();
    }
  }

  /** scalatest-maven-plugin with testFailureIgnore exits 0: its closing count still fails the run. */
  @Test
  void scalatestsClosingCountFailsARunThatExitsZero() {
    SummaryFailures summary = new SummaryFailures();
    summary.accept("[info] Tests: succeeded 3, failed 2, canceled 0, ignored 0, pending 0");
    summary.accept("[info] *** 2 TESTS FAILED ***");
    assertThat(summary.result()).contains("scalatest: *** 2 TESTS FAILED ***");
    SummaryFailures aborted = new SummaryFailures();
    aborted.accept("*** 1 SUITE ABORTED ***");
    assertThat(aborted.result()).contains("scalatest: *** 1 SUITE ABORTED ***");
    SummaryFailures passed = new SummaryFailures();
    passed.accept("All tests passed.");
    assertThat(passed.result()).isEmpty();
  }

  @Test
  void sbtMissingOrUnableToDownloadStopsTheRun() {
    assertThat(CannotRun.check(127, List.of("sh: 1: sbt: not found"), root, root, "fix the failing test"))
        .map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("not in Debian", "cs setup", "sdk install sbt"));
    // SethTisue/Project-Euler at f9eeab0: Maven Central here serves no sbt 2.0.0-RC11.
    List<String> launcher = List.of("[info] [launcher] getting org.scala-sbt sbt 2.0.0-RC11  (this may take some time)...",
        "[error] [launcher] could not retrieve sbt 2.0.0-RC11");
    assertThat(CannotRun.check(1, launcher, root, root, "fix the failing test")).map(CannotRun.Why::problem)
        .hasValueSatisfying(p -> assertThat(p).contains("could not download sbt 2.0.0-RC11"));
    List<String> update = List.of("[error] (update) sbt.librarymanagement.ResolveException: Error downloading org.scalameta:munit_2.13:1.0.3");
    assertThat(CannotRun.check(1, update, root, root, "fix the failing test")).map(CannotRun.Why::problem)
        .hasValueSatisfying(p -> assertThat(p).contains("sbt could not download org.scalameta:munit_2.13:1.0.3"));
    assertThat(CannotRun.check(1, update, root, root, "add munit and fix the test")).as("asked for").isEmpty();
    List<String> plugin = List.of("[error] sbt.librarymanagement.ResolveException: Error downloading"
        + " com.github.sbt:sbt-ci-release;sbtVersion=1.0;scalaVersion=2.12:1.5.12");
    assertThat(CannotRun.check(1, plugin, root, root, "fix the failing test")).map(CannotRun.Why::problem)
        .hasValueSatisfying(p -> assertThat(p).contains("com.github.sbt:sbt-ci-release:1.5.12"));
    // lance-luo/scalatest-maven-example (Scala 2.10.4, scala-maven-plugin) under Maven on JDK 17.
    List<String> mirror = List.of("error: error while loading package, Missing dependency 'object java.lang.Object in compiler mirror',"
        + " required by /root/.m2/repository/org/scala-lang/scala-library/2.10.4/scala-library-2.10.4.jar(scala/package.class)",
        "error: scala.reflect.internal.MissingRequirementError: object java.lang.Object in compiler mirror not found.");
    assertThat(CannotRun.check(1, mirror, root, root, "fix the failing test")).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).contains("a JDK 8", "2.11.12"));
  }
}
