package dev.acr.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/**
 * Swift, Dart, Zig and Julia packages through the packaged launcher, with a stand-in for each toolchain on PATH: none of them
 * is in Debian 12 (Zig 0.11 is on npm, and was tried for real: docs/real-repos-2026-12-06.md). Each stand-in checks that it was
 * called as acr detects it, then prints what the real tool prints when the test fails or passes: Zig 0.11.0's own output here,
 * XCTest's as swiftlang's issues show it, dart-lang/test's expanded reporter, Julia's Test as its manual shows it. The
 * breaker and the fixer edit the source, the stand-in reads it: the test that fails is named in the baseline, the breaker is
 * not verified, the fixer is.
 */
class ToolchainStandInsIT extends StandInTrials {

  /** A stand-in {@code tool} on PATH: exits 64 unless called with {@code args}; else fails, printing {@code failing}, while {@code file} holds "a - b" or "a * b". */
  private void toolOnPath(String tool, String args, String file, String failing, String passing) throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("tool-bin"));
    Path script = bin.resolve(tool);
    Files.writeString(script, "#!/bin/sh\n[ \"$*\" = '" + args + "' ] || { echo \"" + tool + ": unexpected arguments: $*\" >&2; exit 64; }\n"
        + "if grep -q 'a [-*] b' " + file + "; then\ncat <<'OUT'\n" + failing + "\nOUT\nexit 1\nfi\ncat <<'OUT'\n" + passing + "\nOUT\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    fx.extraEnv.put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
  }

  /**
   * The trial: {@code tool} on PATH, the user's bug in {@code file} ("a + b" to "a - b"), the breaker ("a * b") then the fixer;
   * the dry run names {@code language} and the command matching {@code verify}.
   */
  private void trial(String tool, String args, String language, String verify, String file, String failing, String passing)
      throws Exception {
    toolOnPath(tool, args, file, failing, passing);
    commitThenBreak(file, "a + b", "a - b", "a * b");
    breakerThenFixerVerifies(language, verify, file, "a + b");
  }

  @Test
  void aZigPackage() throws Exception {
    write("build.zig", "const std = @import(\"std\");\n\npub fn build(b: *std.Build) void {\n"
        + "    const tests = b.addTest(.{ .root_source_file = .{ .path = \"src/calc.zig\" } });\n"
        + "    b.step(\"test\", \"Run library tests\").dependOn(&b.addRunArtifact(tests).step);\n}\n");
    write("src/calc.zig", "pub fn add(a: i32, b: i32) i32 {\n    return a + b;\n}\n\ntest \"adds\" {\n"
        + "    try @import(\"std\").testing.expect(add(2, 3) == 5);\n}\n");
    write(".gitignore", "zig-cache/\nzig-out/\n");
    trial("zig", "build test --summary all", "zig", "zig build test --summary all\\s+\\(detected: build\\.zig \\(test step\\)\\)", "src/calc.zig",
        "run test: error: 'test.adds' failed: /x/lib/std/testing.zig:515:14: 0x24549f in expect (test)\n"
            + "Build Summary: 1/3 steps succeeded; 1 failed; 0/1 tests passed; 1 failed\ntest transitive failure",
        "Build Summary: 3/3 steps succeeded; 1/1 tests passed\ntest success");
    verifyLogSays("attempt-1", "run test: error: 'test.adds' failed");
  }

  @Test
  void aSwiftPackage() throws Exception {
    write("Package.swift", "// swift-tools-version:5.9\nimport PackageDescription\n\nlet package = Package(name: \"Calc\", targets: [\n"
        + "  .target(name: \"Calc\"), .testTarget(name: \"CalcTests\", dependencies: [\"Calc\"])])\n");
    write("Sources/Calc/Calc.swift", "public func add(_ a: Int, _ b: Int) -> Int {\n  return a + b\n}\n");
    write("Tests/CalcTests/CalcTests.swift", "import XCTest\n@testable import Calc\n\nfinal class CalcTests: XCTestCase {\n"
        + "  func testAdd() { XCTAssertEqual(add(2, 3), 5) }\n}\n");
    trial("swift", "test", "swift", "swift test\\s+\\(detected: Package\\.swift\\)", "Sources/Calc/Calc.swift",
        "Test Case 'CalcTests.testAdd' started at 2026-12-06 06:40:00.000\n"
            + "/x/Tests/CalcTests/CalcTests.swift:5: error: CalcTests.testAdd : XCTAssertEqual failed: (\"-1\") is not equal to (\"5\")\n"
            + "Test Case 'CalcTests.testAdd' failed (0.001 seconds)\n\t Executed 1 test, with 1 failure (0 unexpected) in 0.001 (0.001) seconds",
        "Test Case 'CalcTests.testAdd' passed (0.001 seconds)\n\t Executed 1 test, with 0 failures (0 unexpected) in 0.001 (0.001) seconds");
  }

  @Test
  void aDartPackage() throws Exception {
    write("pubspec.yaml", "name: calc\nenvironment:\n  sdk: ^3.0.0\ndev_dependencies:\n  test: ^1.24.0\n");
    write("lib/calc.dart", "int add(int a, int b) => a + b;\n");
    write("test/calc_test.dart", "import 'package:calc/calc.dart';\nimport 'package:test/test.dart';\n\n"
        + "void main() {\n  test('adds', () => expect(add(2, 3), 5));\n}\n");
    trial("dart", "test", "dart", "dart test\\s+\\(detected: pubspec\\.yaml\\)", "lib/calc.dart",
        "00:00 +0: test/calc_test.dart: adds\n00:00 +0 -1: test/calc_test.dart: adds [E]\n  Expected: <5>\n    Actual: <-1>\n"
            + "00:00 +0 -1: Some tests failed.",
        "00:00 +0: test/calc_test.dart: adds\n00:00 +1: All tests passed!");
  }

  @Test
  void aJuliaPackage() throws Exception {
    write("Project.toml", "name = \"Calc\"\nuuid = \"6a1a2b3c-0000-4000-8000-000000000001\"\n");
    write("src/Calc.jl", "module Calc\nexport add\nadd(a, b) = a + b\nend\n");
    write("test/runtests.jl", "using Test, Calc\n\n@testset \"adds\" begin\n  @test add(2, 3) == 5\nend\n");
    trial("julia", "--project=. -e using Pkg; Pkg.test()", "julia",
        "julia --project=\\. -e 'using Pkg; Pkg\\.test\\(\\)'\\s+\\(detected: Project\\.toml, test/runtests\\.jl\\)", "src/Calc.jl",
        "     Testing Running tests...\nadds: Test Failed at /x/test/runtests.jl:4\n  Expression: add(2, 3) == 5\n   Evaluated: -1 == 5\n"
            + "Test Summary: | Fail  Total  Time\nadds          |    1      1  0.1s\n"
            + "ERROR: LoadError: Some tests did not pass: 0 passed, 1 failed, 0 errored, 0 broken.\nERROR: Package Calc errored during testing",
        "     Testing Running tests...\nTest Summary: | Pass  Total  Time\nadds          |    1      1  0.0s\n     Testing Calc tests passed");
  }
}
