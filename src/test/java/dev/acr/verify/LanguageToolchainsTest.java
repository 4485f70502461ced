package dev.acr.verify;

import static dev.acr.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Swift, Dart and Flutter, Zig and Julia packages: the test command found from their manifests, their runners' lines read
 * into failing names and counts, and the tool not installed told with how to install it. Zig's lines are Zig 0.11.0's on
 * silversquirl/optz (docs/real-repos-2026-12-06.md); the others' runtimes are not in Debian 12, so their lines follow the
 * tools' sources and documentation, cited in FailingTests and NoTests.
 */
class LanguageToolchainsTest {

  @TempDir Path root;

  @Test
  void eachManifestNamesItsToolchainsTestCommand() {
    write(root, "swift/Package.swift", "// swift-tools-version:5.9\nimport PackageDescription\n");
    assertThat(VerifyDetector.detect(root.resolve("swift"), null)).contains(new VerifyCommand("swift test", "detected: Package.swift"));
    write(root, "dart/pubspec.yaml", "name: calc\ndev_dependencies:\n  test: ^1.24.0\n");
    assertThat(VerifyDetector.detect(root.resolve("dart"), null)).contains(new VerifyCommand("dart test", "detected: pubspec.yaml"));
    write(root, "app/pubspec.yaml", "name: app\ndependencies:\n  flutter:\n    sdk: flutter\n");
    assertThat(VerifyDetector.detect(root.resolve("app"), null))
        .contains(new VerifyCommand("flutter test", "detected: pubspec.yaml (Flutter)"));
    write(root, "zig/build.zig", "pub fn build(b: *std.Build) void {\n    _ = b.addModule(\"optz\", .{});\n}\n");
    assertThat(VerifyDetector.detect(root.resolve("zig"), null)).as("no test step: zig build test would fail").isEmpty();
    write(root, "zig/build.zig", "pub fn build(b: *std.Build) void {\n    b.step(\"test\", \"Run library tests\").dependOn(&t.step);\n}\n");
    assertThat(VerifyDetector.detect(root.resolve("zig"), null))
        .contains(new VerifyCommand("zig build test --summary all", "detected: build.zig (test step)"));
    write(root, "julia/Project.toml", "name = \"Calc\"\n");
    assertThat(VerifyDetector.detect(root.resolve("julia"), null)).as("no test/runtests.jl").isEmpty();
    write(root, "julia/test/runtests.jl", "using Test, Calc\n@testset \"adds\" begin\n  @test add(2, 3) == 5\nend\n");
    assertThat(VerifyDetector.detect(root.resolve("julia"), null))
        .contains(new VerifyCommand("julia --project=. -e 'using Pkg; Pkg.test()'", "detected: Project.toml, test/runtests.jl"));
  }

  /** A Swift or Dart package inside a repository is the package acr runs in, as a Cargo crate is. */
  @Test
  void theirManifestsMakeAPackageFolder() {
    write(root, "packages/optz/build.zig", "b.step(\"test\", \"\")\n");
    write(root, "packages/optz/src/optz.zig", "test \"x\" {}\n");
    assertThat(PackageFolder.nearest(root, root.resolve("packages/optz/src")).marker()).isEqualTo("build.zig");
    write(root, "jl/Project.toml", "name = \"Calc\"\n");
    assertThat(PackageFolder.nearest(root, root.resolve("jl")).marker()).isEqualTo("Project.toml");
  }

  @Test
  void zigsFailuresAreNamedAndATestStepThatRunsNoTestIsNoTestRun() {
    FailingTests failing = new FailingTests(root);
    failing.accept("3/13 test.bool flag - specified... FAIL (TestUnexpectedResult)");
    failing.accept("4/13 test.string flag - default... OK");
    failing.accept("run test: error: 'test.arg iterator' failed: /tmp/optz/optz.zig:82:17: 0x244eff in parseIter__anon_2245 (test)");
    assertThat(failing.names()).containsExactly("bool flag - specified", "arg iterator");

    assertThat(NoTests.in(List.of("12 passed; 0 skipped; 1 failed."))).isEmpty();
    assertThat(NoTests.in(List.of("All 13 tests passed."))).isEmpty();
    assertThat(NoTests.in(List.of("All 0 tests passed."))).contains("All 0 tests passed.");
    assertThat(NoTests.in(List.of("Build Summary: 1/3 steps succeeded; 1 failed; 11/13 tests passed; 2 failed"))).isEmpty();
    assertThat(NoTests.in(List.of("Build Summary: 1/3 steps succeeded; 1 failed; 0/4 tests passed; 4 failed"))).isEmpty();
    // A stand-in that made every test of di-post's zig/example.zig return error.SkipZigTest was verified before this.
    assertThat(NoTests.in(List.of("Build Summary: 3/3 steps succeeded; 0/4 tests passed; 4 skipped")))
        .contains("Build Summary: 3/3 steps succeeded; 0/4 tests passed; 4 skipped");
    assertThat(NoTests.in(List.of("Build Summary: 3/3 steps succeeded; 3/4 tests passed; 1 skipped"))).isEmpty();
    // optz at a57f383: its test step compiles the tests and runs none, and zig build exits 0.
    NoTests compiledOnly = new NoTests("zig build test --summary all", "detected: build.zig (test step)");
    List.of("Build Summary: 2/2 steps succeeded", "test success", "+- zig test Debug native success 10ms MaxRSS:37M").forEach(compiledOnly::accept);
    assertThat(compiledOnly.result(0)).contains("zig build test counted no test (Build Summary: 2/2 steps succeeded): its test step"
        + " builds the tests but runs none");
    NoTests ran = new NoTests("zig build test --summary all", "detected: build.zig (test step)");
    ran.accept("Build Summary: 3/3 steps succeeded; 13/13 tests passed");
    assertThat(ran.result(0)).isEmpty();
    assertThat(new NoTests("zig build test --summary all", "--verify").result(0)).as("the user's own command").isEmpty();
  }

  @Test
  void swiftDartAndJuliaFailuresAreNamedAndCounted() {
    FailingTests failing = new FailingTests(root);
    failing.accept("Test Case 'CalcTests.testAdd' failed (0.001 seconds).");
    failing.accept("Test Case '-[YamsTests.YamlErrorTests testYamlErrorParser]' failed (0.000 seconds).");
    failing.accept("Test Case 'CalcTests.testSub' passed (0.001 seconds).");
    failing.accept("\u2718 Test addition() failed after 0.001 seconds with 1 issue.");
    failing.accept("\u2718 Test run with 3 tests failed after 0.002 seconds with 1 issue.");
    failing.accept("00:00 +0 -1: test/calc_test.dart: adds [E]");
    failing.accept("00:01 +1 -1: Some tests failed.");
    failing.accept("adds negatives: Test Failed at /x/Calc/test/runtests.jl:5");
    failing.accept("Arrays: Test Failed");
    assertThat(failing.names()).containsExactly("CalcTests.testAdd", "YamsTests.YamlErrorTests testYamlErrorParser", "addition()",
        "test/calc_test.dart: adds", "adds negatives", "Arrays");

    assertThat(NoTests.in(List.of("\t Executed 114 tests, with 27 failures (1 unexpected) in 1.600 (1.611) seconds"))).isEmpty();
    assertThat(NoTests.in(List.of("\t Executed 0 tests, with 0 failures (0 unexpected) in 0.0 (0.0) seconds")))
        .contains("Executed 0 tests, with 0 failures (0 unexpected) in 0.0 (0.0) seconds");
    assertThat(NoTests.in(List.of("\t Executed 0 tests, with 0 failures (0 unexpected) in 0.0 (0.0) seconds",
        "\u2714 Test run with 3 tests passed after 0.001 seconds."))).as("Swift Testing ran them").isEmpty();
    assertThat(NoTests.in(List.of("00:01 +2: All tests passed!"))).isEmpty();
    assertThat(NoTests.in(List.of("No tests ran."))).contains("No tests ran.");
    assertThat(NoTests.in(List.of("00:00 ~2: All tests skipped."))).contains("00:00 ~2: All tests skipped.");
    assertThat(NoTests.in(List.of("ERROR: LoadError: Some tests did not pass: 1 passed, 1 failed, 0 errored, 0 broken."))).isEmpty();
  }

  @Test
  void aToolchainNotInstalledSaysHowToInstallIt() {
    for (String tool : List.of("swift", "dart", "flutter", "zig", "julia")) {
      assertThat(CannotRun.check(127, List.of("sh: 1: " + tool + ": not found"), root, root, "fix the failing test"))
          .map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).startsWith("install " + tool + " (not in Debian 12: "));
    }
  }
}
