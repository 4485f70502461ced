package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.testing.Toolchains;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The packaged launcher on the shape of the sbt repositories of docs/real-repos-2026-12-06.md (SethTisue/Project-Euler's
 * munit tests, MrChafeits/computerV1): a Scala library whose munit suite fails on an uncommitted bug, fixed by a stand-in after
 * a breaker; a stand-in that deletes the tests; and sbt not installed, stopping the run before any agent.
 *
 * <p>sbt is not in Debian: the runs use sbt's launcher from Maven Central (.ci/run fetches it into ~/.m2) behind a stand-in
 * for the sbt script that takes the script's options the detected command uses ({@code -batch}, {@code -no-colors}, {@code
 * -D...}). The launcher downloads sbt 1.10.7, Scala 2.13 and munit from Maven Central on first use, into ~/.sbt and
 * ~/.cache/coursier (the JVM's user.home, not the tests' HOME). Skips, naming what to fetch, without the launcher; in CI
 * (ACR_REQUIRE_TOOLS=1) it fails instead.
 */
class ScalaIT extends StandInTrials {

  static final String LAUNCHER_VERSION = "1.10.7";
  static final Path LAUNCHER = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "scala-sbt", "sbt-launch",
      LAUNCHER_VERSION, "sbt-launch-" + LAUNCHER_VERSION + ".jar");
  static final Toolchains.Tool SBT_LAUNCH = new Toolchains.Tool("sbt's launcher", java.util.List.of("test", "-f", LAUNCHER.toString()),
      "mvn dependency:get -Dartifact=org.scala-sbt:sbt-launch:" + LAUNCHER_VERSION + " -Dtransitive=false");

  private static final String VERIFY = "sbt -batch -no-colors -Dsbt\\.supershell=false test\\s+\\(detected: build\\.sbt\\)";

  /** A stand-in for the sbt script on PATH: the launcher, with the script's options turned into what it passes to java. */
  private void sbtOnPath(TestInfo test) throws Exception {
    Toolchains.require(test.getDisplayName(), SBT_LAUNCH);
    Path bin = Files.createDirectories(tmp.resolve("sbt-bin"));
    Files.writeString(bin.resolve("sbt"), "#!/usr/bin/env bash\nopts=(); cmds=()\nfor a in \"$@\"; do\n  case \"$a\" in\n"
        + "    -batch|--batch) exec </dev/null ;;\n    -no-colors|--no-colors) opts+=(-Dsbt.log.noformat=true) ;;\n"
        + "    --server) ;;\n    -D*) opts+=(\"$a\") ;;\n    *) cmds+=(\"$a\") ;;\n  esac\ndone\n"
        + "exec java -Xmx1g \"${opts[@]}\" -jar '" + LAUNCHER + "' \"${cmds[@]}\"\n");
    Files.setPosixFilePermissions(bin.resolve("sbt"), PosixFilePermissions.fromString("rwxr-xr-x"));
    fx.extraEnv.put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
  }

  /** Project-Euler's shape in small: build.sbt with munit, a source and its suite, the sbt version pinned. */
  private void scalaLibraryWithMunitTests() throws Exception {
    write("build.sbt", "scalaVersion := \"2.13.15\"\n\nlibraryDependencies += \"org.scalameta\" %% \"munit\" % \"1.0.0\" % Test\n");
    write("project/build.properties", "sbt.version=" + LAUNCHER_VERSION + "\n");
    write(".gitignore", "target/\n");
    write("src/main/scala/calc/Calc.scala", "package calc\n\nobject Calc {\n  def add(a: Int, b: Int): Int = a + b\n}\n");
    write("src/test/scala/calc/CalcSuite.scala", "package calc\n\nclass CalcSuite extends munit.FunSuite {\n"
        + "  test(\"adds\") {\n    assertEquals(Calc.add(2, 3), 5)\n  }\n"
        + "  test(\"adds negatives\") {\n    assertEquals(Calc.add(-1, -3), -4)\n  }\n}\n");
    commitThenBreak("src/main/scala/calc/Calc.scala", "a + b", "a - b", "a * b");
  }

  /**
   * More time than the other languages' trials: each of the four sbt runs of a trial starts a JVM and loads the build (20-60 s
   * on this machine's two shared cores), and the first downloads sbt, Scala and munit.
   */
  @Override
  Fixtures.Run acr(String... args) throws Exception {
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("--config", tools.toString()));
    all.addAll(java.util.List.of(args));
    Process p = fx.startPlain(all);
    assertThat(p.waitFor(900, java.util.concurrent.TimeUnit.SECONDS)).as("acr finished").isTrue();
    return fx.collect(p);
  }

  @Test
  void aScalaLibraryWithMunitTests(TestInfo test) throws Exception {
    sbtOnPath(test);
    scalaLibraryWithMunitTests();
    breakerThenFixerVerifies("scala", VERIFY, "src/main/scala/calc/Calc.scala", "a + b");
    verifyLogSays("baseline", "==> X calc.CalcSuite.adds ", "Failed: Total 2, Failed 2");
  }

  /**
   * A stand-in that deletes the tests: its patch deletes test files and adds none, so it is failed before its tests run
   * (had they run, sbt 1.10 would have printed no test line at all with exit 0, which is no test run either: ScalaBuildTest).
   * The stand-in alone (one sbt run, the baseline's): the user's tree keeps the tests and the bug.
   */
  @Test
  void aStandInThatDeletesTheTestsIsNotVerified(TestInfo test) throws Exception {
    sbtOnPath(test);
    scalaLibraryWithMunitTests();
    breakerRuns("rm -r src/test");
    Fixtures.Run r = acr("--chain", "sed-breaker", "--max-attempts", "1", "fix the failing test");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.err()).contains("baseline: tests fail (exit 1): 2 tests (calc.CalcSuite.adds, calc.CalcSuite.adds negatives)");
    assertThat(r.err()).contains("its change turns tests off instead of making them pass (src/test/scala/calc/CalcSuite.scala deleted");
    assertThat(fx.git("status", "--porcelain")).isEqualTo(" M src/main/scala/calc/Calc.scala\n?? NOTES.md\n");
    assertThat(fx.memoryLines()).singleElement().asString().contains("\"status\":\"failed\"", "\"reason\":\"turned tests off\"");
  }

  @Test
  void sbtNotInstalledStopsBeforeAnyAgent() throws Exception {
    String path = Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
        .filter(dir -> !Files.isExecutable(Path.of(dir, "sbt"))).collect(Collectors.joining(File.pathSeparator));
    fx.extraEnv.put("PATH", path);
    scalaLibraryWithMunitTests();
    stopsBeforeAnyAgent("sbt: not found", "not in Debian", "sdk install sbt");
    assertThat(fx.git("status", "--porcelain")).isEqualTo(" M src/main/scala/calc/Calc.scala\n?? NOTES.md\n");
  }
}
