package dev.acr.verify;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chez Scheme projects tested by one program, with no build file acr reads first: nanopass/nanopass-framework-scheme's
 * {@code test-all.ss}, which imports its test libraries and exits 1 when a test failed ({@code scheme --script
 * test-all.ss}, its ReadMe's words). Added after that repository got "verify none found" (docs/real-repos-2026-12-06.md,
 * sixteenth session). A makefile's {@code test} target, read first, keeps its own command.
 *
 * <p>Chez runs a program from the root, where its default library path ({@code .}) finds the project's libraries by their
 * names ({@code (tests unit-tests)} in {@code tests/unit-tests.ss}): so a runner in a test folder runs from the root too.
 */
final class ChezSchemeTests {

  /** Where a runner is looked for, in this order: the root first, whose runner imports the test folder's libraries. */
  private static final List<String> FOLDERS = List.of("", "tests", "test", "t");
  /**
   * A runner by its name, with Chez's extensions: {@code test-all.ss}, {@code run-tests.ss}, {@code tests.sps}. Guile's and
   * CHICKEN's {@code .scm} files are theirs ({@link GuileTests}, {@link ChickenEggs}), Racket's {@code .rkt} its own.
   */
  private static final Pattern RUNNER_NAME = Pattern.compile("(?i)^(?:run[-_]?)?(?:all[-_]?)?tests?(?:[-_]?all)?\\.(?:ss|sps)$");
  /**
   * A program imports or loads what it runs, at the start of a line: {@code (import (rnrs) (tests unit-tests))}, or a script's
   * {@code (load "core/test-framework.ss")}.
   */
  private static final Pattern IMPORT = Pattern.compile("(?m)^\\((?:import\\b|load\\s+\")");
  /** A library is no program, whatever its name ({@code tests/alltests.ss}), and Racket's {@code #lang} files are Racket's. */
  private static final Pattern NOT_A_PROGRAM = Pattern.compile("(?m)^(?:\\(library\\b|#lang\\b)");

  /** Chez Scheme's import of a library it cannot find: {@code Exception: library (srfi :64) not found}. */
  private static final Pattern CHEZ_LIBRARY = Pattern.compile("^Exception: library \\(([^()]+)\\) not found$");

  private ChezSchemeTests() {}

  /** {@code scheme --script test-all.ss} (a {@code .sps} program: {@code scheme --program}) for the first runner found. */
  static Optional<VerifyCommand> detect(Path root) {
    for (String folder : FOLDERS) {
      Path dir = folder.isEmpty() ? root : root.resolve(folder);
      String runner = Files.isDirectory(dir) ? runner(dir) : null;
      if (runner != null) {
        String path = folder.isEmpty() ? runner : folder + "/" + runner;
        String mode = runner.endsWith(".sps") ? "--program " : "--script ";
        return Optional.of(new VerifyCommand("scheme " + mode + path, "detected: " + path + " (Chez Scheme, run by scheme)"));
      }
    }
    return Optional.empty();
  }

  /** The first file of {@code dir} by name that is named as a runner ({@link #RUNNER_NAME}) and is a program, or null. */
  private static String runner(Path dir) {
    TreeSet<String> named = new TreeSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (RUNNER_NAME.matcher(name).matches()) {
          named.add(name);
        }
      }
    } catch (IOException | DirectoryIteratorException e) {
      return null;
    }
    return named.stream().filter(name -> program(dir.resolve(name))).findFirst().orElse(null);
  }

  private static boolean program(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    String text = VerifyDetector.readOrEmpty(file);
    return IMPORT.matcher(text).find() && !NOT_A_PROGRAM.matcher(text).find();
  }

  /**
   * A library Chez Scheme cannot find that no source of the project declares (tani/athena's tests import SRFI 64, which
   * Debian's chezscheme does not ship): not installed. One of the project's own that does not load is a build error
   * ({@link BuildErrors}), the agent's to fix.
   */
  static Optional<CannotRun.Why> libraryMissing(String line, Path root, String asked) {
    Matcher m = CHEZ_LIBRARY.matcher(line.strip());
    if (!m.find() || root == null || SchemeFiles.declares(root, m.group(1))) {
      return Optional.empty();
    }
    String library = m.group(1).strip();
    return CannotRun.notAsked(asked, library.replaceAll("^srfi :", "srfi "), new CannotRun.Why("the Chez Scheme library (" + library
        + ") that the tests import is not installed (no file of the project declares it)", "install it where Chez looks"
        + " (CHEZSCHEMELIBDIRS; the SRFIs come as chez-srfi, through Akku) or name another test command"));
  }
}
