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
 * Haxe, as JWambaugh/TJSON is laid out (docs/real-repos-2026-12-06.md, sixth session): a test.hxml that compiles the tests'
 * main class to neko, which the project's runTests.sh then runs, and Haxe 3's haxe.unit, whose runner exits 0 whatever
 * failed. The lines are Haxe 4.2.5's, haxelib's and hx3compat's on TJSON with my bug.
 */
class HaxeTest {
  @TempDir Path root;

  private void write(String file, String text) throws IOException {
    Files.createDirectories(root.resolve(file).getParent());
    Files.writeString(root.resolve(file), text);
  }

  @Test
  void aTestHxmlIsCompiledAndWhatItCompiledRun() throws IOException {
    write("lib/tjson/TJSON.hx", "package tjson;\nclass TJSON {}\n");
    assertThat(VerifyDetector.detect(root, null)).as("no hxml for the tests").isEmpty();
    write("test.hxml", "#-neko old.n \n-neko TJSONTest.n\n-main TestAll\n-cp lib\n-cp tests\n-lib hx3compat\n");
    assertThat(VerifyDetector.detect(root, null))
        .contains(new VerifyCommand("haxe test.hxml && neko TJSONTest.n", "detected: test.hxml"));
    write("test.hxml", "-cp src\n-main TestMain\n-js bin/test.js\n--next\n-cp src\n-main TestMain\n-python bin/test.py\n");
    assertThat(VerifyDetector.detect(root, null).map(VerifyCommand::command))
        .contains("haxe test.hxml && node bin/test.js && python3 bin/test.py");
    write("test.hxml", "-cp src\n-lib utest\n-main TestMain\n--interp\n");
    assertThat(VerifyDetector.detect(root, null).map(VerifyCommand::command)).as("it runs its main itself").contains("haxe test.hxml");
    write("test.hxml", "-cp src\n-main TestMain\n-neko bin/test.n\n-cmd neko bin/test.n\n");
    assertThat(VerifyDetector.detect(root, null).map(VerifyCommand::command)).as("-cmd runs it").contains("haxe test.hxml");
  }

  /** HaxeCheckstyle/tokentree: lix pins Haxe 4.3.7 in .haxerc and the libraries in haxe_libraries/, which Debian's haxe does not read. */
  @Test
  void aLixProjectRunsLixsHaxeAndItsMissingDownloadStopsTheRun() throws IOException {
    write("test.hxml", "-cp src\n-cp test\n-lib haxeparser\n-lib utest\n-D unittest\n-x TestMain");
    write(".haxerc", "{\n  \"version\": \"4.3.7\",\n  \"resolveLibs\": \"scoped\"\n}");
    assertThat(VerifyDetector.detect(root, null))
        .contains(new VerifyCommand("node_modules/.bin/haxe test.hxml", "detected: test.hxml, .haxerc (lix)"));
    assertThat(CannotRun.check(127, List.of("sh: 1: node_modules/.bin/haxe: not found"), root, root, "fix it"))
        .map(CannotRun.Why::todo).contains("install the dependencies that provide it (npm install in .) or name another test command");
    List<String> out = List.of("Version 4.3.7 configured in /x/tokentree/.haxerc does not exist. Attempting download ...",
        "Looking up Haxe version \"4.3.7\" online",
        "Failed to download https://haxe.org/website-content/downloads/versions.json because getaddrinfo ENOTFOUND haxe.org");
    assertThat(CannotRun.check(244, out, root, root, "fix the failing tests")).map(CannotRun.Why::problem)
        .contains("lix could not download Haxe 4.3.7, which .haxerc names (getaddrinfo ENOTFOUND haxe.org)");
  }

  @Test
  void haxeUnitsFailuresAreReadThoughTheProgramExitsZero() throws Exception {
    List<String> out = List.of("Class: TestParser ..", "* TestParser::testSimple()",
        "ERR: TestParser.hx:76(TestParser.testSimple) - expected 'false' but was 'true'", "", "* TestParser::testComplex()",
        "ERR: TestParser.hx:119(TestParser.testComplex) - expected 'false' but was 'true'", "", "FAILED 15 tests, 2 failed, 13 success");
    SummaryFailures summary = new SummaryFailures();
    out.forEach(summary::accept);
    assertThat(summary.result()).contains("haxe.unit: FAILED 15 tests, 2 failed, 13 success");
    SummaryFailures passing = new SummaryFailures();
    List.of("Class: TestParser ...............", "", "OK 15 tests, 0 failed, 15 success").forEach(passing::accept);
    assertThat(passing.result()).isEmpty();
    Path script = root.resolve("haxeunit.sh");
    Files.writeString(script, String.join("\n", out.stream().map(l -> "echo '" + l + "'").toList()) + "\n");
    VerifyResult r = new Verifier().run(new VerifyCommand("sh haxeunit.sh", "--verify"), root, Duration.ofSeconds(30), Map.of(),
        root.resolve("logs/verify.log"));
    assertThat(r.exitCode()).isZero();
    assertThat(r.passed()).as("before: exit 0 read as passing, so the bug read as already fixed").isFalse();
    assertThat(r.failing()).containsExactly("TestParser::testSimple", "TestParser::testComplex");
  }

  @Test
  void aHaxelibLibraryOrHaxeUnitMissingStopsTheRun() {
    List<String> lib = List.of("Error: Error: Cannot process [utest]: Library utest is not installed : run 'haxelib install utest'");
    assertThat(CannotRun.check(1, lib, root, root, "fix the failing test")).map(CannotRun.Why::problem)
        .contains("the haxelib library utest that the .hxml asks for (-lib utest) is not installed");
    assertThat(CannotRun.check(1, lib, root, root, "install utest and fix the tests")).as("the task names it").isEmpty();
    List<String> setup = List.of("Error: Error: This is the first time you are running haxelib. Please run `haxelib setup` first");
    assertThat(CannotRun.check(1, setup, root, root, "fix it")).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).startsWith("run haxelib setup"));
    List<String> haxeUnit = List.of("tests/TestParser.hx:55: characters 26-44 : Type not found : haxe.unit.TestCase");
    assertThat(CannotRun.check(1, haxeUnit, root, root, "fix the failing test")).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).contains("-lib hx3compat"));
    List<String> own = List.of("tests/TestParser.hx:55: characters 26-44 : Type not found : tjson.TJSONParser");
    assertThat(CannotRun.check(1, own, root, root, "fix the failing test")).as("a type of its own: the agent's to mend").isEmpty();
    assertThat(CannotRun.check(127, List.of("sh: 1: haxe: not found"), root, root, "fix it")).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).contains("Debian's haxe"));
  }
}
