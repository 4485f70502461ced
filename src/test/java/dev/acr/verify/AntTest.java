package dev.acr.verify;

import static dev.acr.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache Ant builds, as BuildToolsK2/ANT's JavaStandaloneProjectJunitExtension (a {@code test} target whose junit task has
 * {@code haltonfailure="no"}) printed them with Debian's Ant 1.10 (docs/real-repos-2026-12-06.md, sweep4): "verify none
 * found" before, and {@code ant test} itself ends "BUILD SUCCESSFUL", exit 0, with a test failing.
 */
class AntTest {

  private static final String BUILD = "<project name=\"x\" default=\"main\" basedir=\".\">\n"
      + "  <target name=\"compile\" depends=\"init\"><javac srcdir=\"src\" destdir=\"bin\"/></target>\n"
      + "  <target depends=\"compile\" name=\"test\">\n    <junit printsummary=\"yes\" haltonfailure=\"no\"/>\n  </target>\n</project>\n";

  @TempDir Path root;

  @Test
  void anAntBuildWithATestTargetRunsIt() throws IOException {
    write(root, "build.xml", BUILD.replace("name=\"test\"", "name=\"dist\""));
    assertThat(VerifyDetector.detect(root, null)).as("no test target").isEmpty();
    write(root, "build.xml", BUILD);
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand("ant test", "detected: build.xml (test target)"));
    assertThat(PackageFolder.nearest(root, root.resolve("src"))).isEqualTo(new PackageFolder(root, "build.xml"));
  }

  @Test
  void junitsCountsFailTheRunThatAntEndsSuccessfully() {
    List<String> out = List.of("test:", "    [junit] Running org.nishant.MathTest",
        "    [junit] Tests run: 4, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.602 sec",
        "    [junit] Test org.nishant.MathTest FAILED", "    [junit] Running org.nishant.StringUtilsUsageTest",
        "    [junit] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.463 sec", "", "BUILD SUCCESSFUL");
    SummaryFailures summary = new SummaryFailures();
    FailingTests failing = new FailingTests();
    out.forEach(l -> {
      summary.accept(l);
      failing.accept(l);
    });
    assertThat(summary.result()).contains("Ant's junit: [junit] Tests run: 4, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.602 sec");
    assertThat(failing.names()).containsExactly("org.nishant.MathTest");
    SummaryFailures passing = new SummaryFailures();
    out.stream().filter(l -> !l.contains("Failures: 1")).forEach(passing::accept);
    assertThat(passing.result()).isEmpty();
  }

  @Test
  void aQualifiedIgnoreTurnsATestOff() throws Exception {
    Path patch = root.resolve("changes.patch");
    java.nio.file.Files.writeString(patch, "diff --git a/src/org/nishant/MathTest.java b/src/org/nishant/MathTest.java\n"
        + "--- a/src/org/nishant/MathTest.java\n+++ b/src/org/nishant/MathTest.java\n@@ -30,3 +30,3 @@\n \n-\t@Test\n"
        + "+\t@Test @org.junit.Ignore\n \tpublic void testSubtract() {\n");
    assertThat(DisabledTests.find(patch, "fix the failing MathTest", List.of("org.nishant.MathTest"))).isPresent();
  }

  @Test
  void antWithoutItsJunitTaskStopsTheRun() {
    List<String> out = List.of("BUILD FAILED", "/x/build.xml:38: Problem: failed to create task or type junit",
        "Cause: the class org.apache.tools.ant.taskdefs.optional.junit.JUnitTask was not found.");
    assertThat(CannotRun.check(1, out, root, root, "fix the failing MathTest")).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).contains("ant-optional"));
  }
}
