package dev.acr.verify;

import dev.acr.verify.CannotRun.Why;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Emacs Lisp packages tested with ERT and no build file acr reads first (a Makefile's test target comes before this):
 * the test files' {@code ert-deftest}s loaded into a batch Emacs, as ert-runner does (its {@code test-helper.el} first; not
 * {@code -Q}, so the site files add the packages Debian installs, elpa-f for ht.el's tests, to the load path),
 * else buttercup's specs under test/ (bbatsov/projectile, which runs them through Eldev, not packaged by Debian), else the root's
 * own script that runs ERT (magnars/s.el's run-tests.sh). Added after magnars/s.el and projectile got "verify none found"
 * (docs/real-repos-2026-12-06.md, sweep4 and sweep5).
 */
final class EmacsLispTests {

  /** The folders test files are looked for in, in this order; the root's own {@code *-test(s).el} files after them. */
  private static final List<String> TEST_DIRS = List.of("test", "tests");
  /** A test at a line's start: {@code (ert-deftest ht-test-get () ...)}. */
  private static final Pattern ERT_TEST = Pattern.compile("(?m)^\\(ert-deftest\\s");
  /** A test file's name at the root, where the package's own files are too. */
  private static final Pattern ROOT_TEST_NAME = Pattern.compile(".*-tests?\\.el|test-.*\\.el");
  /** A buttercup spec at a line's start: {@code (describe "projectile-expand-root"}. */
  private static final Pattern BUTTERCUP_SPEC = Pattern.compile("(?m)^\\(describe\\s+\"");
  /** A script that runs ERT in a batch Emacs. */
  private static final Pattern RUNS_ERT = Pattern.compile("ert-run-tests-batch");
  /** ert-runner's convention: the helper every test file relies on is loaded before them. */
  private static final String HELPER = "test-helper.el";
  /** What the shell gets from a path without quoting. */
  private static final Pattern PLAIN_PATH = Pattern.compile("[\\w./+-]+");

  /**
   * Emacs's {@code require} of a feature no folder of its load path holds: {@code Cannot open load file: No such file or directory, f},
   * and as Emacs 28's batch backtrace prints it, {@code (file-missing "Cannot open load file" "No such file or directory" "f")}.
   */
  private static final Pattern NO_FEATURE =
      Pattern.compile("Cannot open load file(?:: |\" \")No such file or directory(?:, |\" \")([\\w.+-]+)");
  /** Where a package names what it needs: Cask's {@code (depends-on "f")}, Eask's, a header's {@code Package-Requires: ((f "0.20"))}. */
  private static final List<String> MANIFESTS = List.of("Cask", "Eask", "Eldev");

  private EmacsLispTests() {}

  /** The ERT command for {@code root}, an Emacs Lisp package (an {@code .el} file at its root); empty when it has no ERT test. */
  static Optional<VerifyCommand> detect(Path root) {
    List<String> files = new ArrayList<>();
    String folder = null;
    for (String dir : TEST_DIRS) {
      files = testFiles(root, dir, null);
      if (!files.isEmpty()) {
        folder = dir;
        break;
      }
    }
    if (files.isEmpty()) {
      files = testFiles(root, ".", ROOT_TEST_NAME);
    }
    if (!files.isEmpty() && files.stream().allMatch(f -> PLAIN_PATH.matcher(f).matches())) {
      StringBuilder cmd = new StringBuilder("emacs --batch -L .");
      if (folder != null) {
        cmd.append(" -L ").append(folder);
      }
      files.forEach(f -> cmd.append(" -l ").append(f));
      return Optional.of(new VerifyCommand(cmd.append(" -f ert-run-tests-batch-and-exit").toString(),
          "detected: " + (folder == null ? "" : folder + "/") + "*.el (ERT)"));
    }
    // Buttercup's specs, found and loaded by its own discovery as its bin/buttercup does (Eldev's and Eask's test commands run
    // the same); buttercup itself from the load path the site files give (Debian's elpa-buttercup).
    for (String dir : TEST_DIRS) {
      if (hasSpec(root.resolve(dir))) {
        return Optional.of(new VerifyCommand("emacs --batch -L . -L " + dir + " -l buttercup -f buttercup-run-discover " + dir,
            "detected: " + dir + "/*.el (buttercup)"));
      }
    }
    for (String script : TestScript.NAMES) {
      Path file = root.resolve(script);
      if (Files.isRegularFile(file) && RUNS_ERT.matcher(VerifyDetector.readOrEmpty(file)).find()) {
        return Optional.of(new VerifyCommand(Files.isExecutable(file) ? "./" + script : "sh " + script, "detected: " + script + " (ERT)"));
      }
    }
    return Optional.empty();
  }

  /** Whether a {@code .el} file directly in {@code folder} holds a buttercup spec. */
  private static boolean hasSpec(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(p -> p.getFileName().toString().endsWith(".el") && Files.isRegularFile(p))
          .anyMatch(p -> BUTTERCUP_SPEC.matcher(VerifyDetector.readOrEmpty(p)).find());
    } catch (IOException e) {
      return false;
    }
  }

  /** The {@code .el} files of {@code dir} (under root) that define ERT tests, the helper first, then by name. */
  private static List<String> testFiles(Path root, String dir, Pattern name) {
    Path folder = root.resolve(dir);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    String prefix = dir.equals(".") ? "" : dir + "/";
    List<String> found = new ArrayList<>();
    try (Stream<Path> entries = Files.list(folder)) {
      entries.filter(p -> p.getFileName().toString().endsWith(".el") && Files.isRegularFile(p))
          .filter(p -> name == null || name.matcher(p.getFileName().toString()).matches())
          .filter(p -> ERT_TEST.matcher(VerifyDetector.readOrEmpty(p)).find())
          .map(p -> p.getFileName().toString()).sorted().forEach(f -> found.add(prefix + f));
    } catch (IOException e) {
      return List.of();
    }
    if (!found.isEmpty() && Files.isRegularFile(folder.resolve(HELPER)) && !found.contains(prefix + HELPER)) {
      found.add(0, prefix + HELPER);
    }
    return found;
  }

  /**
   * A feature the tests {@code require} that the package declares (Cask, Eask, Eldev, or its main file's
   * {@code Package-Requires}) and nothing installed provides: ht.el's test-helper needs f, which its Cask names.
   * Empty for the package's own features, or when the prompt names it.
   */
  static Optional<Why> check(String line, Path root, String asked) {
    Matcher m = NO_FEATURE.matcher(line);
    if (!m.find()) {
      return Optional.empty();
    }
    String feature = m.group(1);
    Pattern named = Pattern.compile("(?:depends-on\\s+\"|\\(\\s*)" + Pattern.quote(feature) + "[\"\\s)]");
    boolean declared = MANIFESTS.stream().anyMatch(f -> named.matcher(VerifyDetector.readOrEmpty(root.resolve(f))).find());
    if (!declared) {
      try (Stream<Path> files = Files.list(root)) {
        declared = files.filter(p -> p.getFileName().toString().endsWith(".el"))
            .map(VerifyDetector::readOrEmpty)
            .anyMatch(text -> text.lines().anyMatch(l -> l.contains("Package-Requires:") && named.matcher(l).find()));
      } catch (IOException e) {
        declared = false;
      }
    }
    return declared && !Files.isRegularFile(root.resolve(feature + ".el"))
        ? CannotRun.notAsked(asked, feature, new Why("the Emacs package " + feature + " that the project depends on is not installed",
            "install the project's dependencies (cask install, eask install-deps; Debian packages many as elpa-" + feature
                + ") or name another test command"))
        : Optional.empty();
  }
}
