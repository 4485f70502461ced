package dev.acr.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Standard ML projects whose tests are a driver file and no build file acr reads first: uenoB/short's {@code tests/run.sml}
 * ("To run the test suite, run tests/run.sml"), which loads the library and its tests with {@code use} and ends with
 * {@code OS.Process.exit}. Added after that repository got "verify none found" (docs/real-repos-2026-12-06.md, thirteenth
 * session). A project with a makefile's {@code test} target keeps it (found before this).
 *
 * <p>Run with Poly/ML, the Standard ML Debian 12 has working (MLton is not in it, and its SML/NJ is a 32-bit build), from the
 * driver's folder, since {@code use} reads paths from the working folder, and on standard input: Poly/ML passes its own
 * options ({@code --script}, {@code -q}, {@code --use}) on to {@code CommandLine.arguments}, which a driver reading its
 * arguments as the names of the tests to run takes for a filter ("no tests.", exit 1). Read that way, Poly/ML reports a file
 * that does not compile ({@code Exception- Fail "Static Errors" raised}) and goes on with the next declaration, exiting 0
 * at the end when the driver's exit is never reached: {@link SummaryFailures} reads that line.
 */
final class StandardMlTests {

  /** Where a driver is looked for, in this order; the root last. */
  private static final List<String> FOLDERS = List.of("tests", "test", "");
  /** A driver's names, in this order. */
  private static final List<String> DRIVERS = List.of("run.sml", "run-tests.sml", "run_tests.sml", "runtests.sml", "tests.sml",
      "test.sml", "all.sml", "main.sml");
  /** A driver loads files at its top level: {@code use "../unit-test.sml";}. */
  private static final Pattern USES = Pattern.compile("(?m)^\\s*use\\s+\"[^\"]+\"");

  private StandardMlTests() {}

  /** {@code cd tests && poly < run.sml} for the first driver found, empty when there is none. */
  static Optional<VerifyCommand> detect(Path root) {
    for (String folder : FOLDERS) {
      Path dir = folder.isEmpty() ? root : root.resolve(folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      for (String name : DRIVERS) {
        Path driver = dir.resolve(name);
        if (Files.isRegularFile(driver) && USES.matcher(VerifyDetector.readOrEmpty(driver)).find()) {
          String command = (folder.isEmpty() ? "" : "cd " + folder + " && ") + "poly < " + name;
          return Optional.of(new VerifyCommand(command, "detected: " + (folder.isEmpty() ? "" : folder + "/") + name
              + " (Standard ML, run by Poly/ML)"));
        }
      }
    }
    return Optional.empty();
  }
}
