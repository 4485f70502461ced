package dev.acr.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The last resort: a script at the root whose name says it runs the tests ({@code run_tests.sh},
 * {@code test.sh}). Shell projects and small repositories of many languages keep their suite behind
 * one (no-12/minimal_arch_installer: {@code run_tests.sh} drives shUnit2 over {@code test/*.sh}) and
 * got "verify none found", so no attempt could be verified. Only when no build system acr knows
 * spoke first: a project's declared test command wins over a script beside it.
 */
final class TestScript {
  private TestScript() {}

  /** In order of preference: the names that say "run the tests" before the bare {@code test.sh}. */
  static final List<String> NAMES = List.of("run_tests.sh", "run-tests.sh", "runtests.sh", "run_tests", "run-tests",
      "run_test.sh", "run-test.sh", "test.sh", "tests.sh");

  static Optional<VerifyCommand> detect(Path root) {
    for (String name : NAMES) {
      Path file = root.resolve(name);
      if (Files.isRegularFile(file)) {
        return Optional.of(new VerifyCommand(run(file, name), "detected: " + name + " (a test script at the root)"));
      }
    }
    return Optional.empty();
  }

  /** Executable: as it is, so its shebang picks the shell; else through the shell its shebang names, else sh. */
  private static String run(Path file, String name) {
    if (Files.isExecutable(file)) {
      return "./" + name;
    }
    String first = VerifyDetector.readOrEmpty(file).lines().findFirst().orElse("");
    return (first.startsWith("#!") && first.contains("bash") ? "bash " : "sh ") + name;
  }
}
