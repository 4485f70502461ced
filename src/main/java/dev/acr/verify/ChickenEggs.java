package dev.acr.verify;

import dev.acr.verify.CannotRun.Why;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CHICKEN 5's eggs: a {@code NAME.egg} file and {@code tests/run.scm}, which {@code chicken-install -test} runs with csi once
 * the egg is built and installed. Built only ({@code -n}), the egg's own modules are not where csi looks, so the tests'
 * {@code (import srfi-141)} fails; installed, the egg would land in the system's repository. So the command builds in a copy
 * of the tree (chicken-install writes the .so, .import.scm and build scripts beside the sources, which the recheck would leave
 * among the user's files) and runs the tests with that copy first on CHICKEN_REPOSITORY_PATH. Zipheir/srfi-141,
 * docs/real-repos-2026-12-06.md, sixth session. CHICKEN 4's eggs ({@code .setup} and {@code .meta}) do not build with 5.
 */
final class ChickenEggs {

  /** After {@code chicken-install -n} in the copy: the tests, with the copy's modules before the installed eggs. */
  static final String COMMAND = Autotools.IN_A_COPY + " && chicken-install -n && cd tests"
      + " && CHICKEN_REPOSITORY_PATH=\"$(cd .. && pwd):$(chicken-install -repository)\" csi -s run.scm";

  /** A form of the egg file that lists eggs: {@code (dependencies srfi-1 (srfi-13 "0.2"))}, {@code (test-dependencies test)}. */
  private static final Pattern DEPENDENCIES = Pattern.compile("\\((?:test-|build-)?dependencies\\b");
  private static final Pattern NAME = Pattern.compile("\\(?\\s*([^\\s()\"]+)(?:\\s+\"[^\"]*\")?\\s*\\)?");

  /** csi on an egg that is not installed: {@code Error: (import) during expansion of (import ...) - cannot import from undefined module: test}. */
  private static final Pattern UNDEFINED_MODULE = Pattern.compile("cannot import from undefined module: (\\S+)");
  /** chicken-install that could not fetch an egg: {@code Error: extension or version not found: "test"}. */
  private static final Pattern NOT_FOUND = Pattern.compile("Error: extension or version not found: \"([^\"]+)\"");

  private ChickenEggs() {}

  static Optional<VerifyCommand> detect(Path root) {
    String egg = PackageFolder.fileEndingWith(root, ".egg");
    return egg != null && Files.isRegularFile(root.resolve("tests/run.scm"))
        ? Optional.of(new VerifyCommand(COMMAND, "detected: " + egg + ", tests/run.scm"))
        : Optional.empty();
  }

  /** The eggs the egg file in {@code dir} depends on, to build, to run or to test. */
  static List<String> dependencies(Path dir) {
    String egg = PackageFolder.fileEndingWith(dir, ".egg");
    List<String> out = new ArrayList<>();
    if (egg == null) {
      return out;
    }
    String text = VerifyDetector.readOrEmpty(dir.resolve(egg)).replaceAll(";[^\\n]*", "");
    Matcher m = DEPENDENCIES.matcher(text);
    while (m.find()) {
      int depth = 1;
      int end = m.end();
      while (end < text.length() && depth > 0) {
        char c = text.charAt(end++);
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      }
      Matcher n = NAME.matcher(text.substring(m.end(), Math.max(m.end(), end - 1)));
      while (n.find()) {
        out.add(n.group(1));
      }
    }
    return out;
  }

  /**
   * Why a line of csi's or chicken-install's output says an egg is missing: one the egg file in {@code packageDir} depends
   * on, or, in a project that is no egg, one no source under {@code root} declares as a module of the project's own
   * (tani/athena's Makefile runs csi {@code -require-extension r7rs}, the r7rs egg). Empty when it does not: a module of the
   * project's that does not load is the agent's to fix.
   */
  static Optional<Why> check(String line, Path root, Path packageDir, String asked) {
    Matcher m = UNDEFINED_MODULE.matcher(line);
    if (!m.find() && !(m = NOT_FOUND.matcher(line)).find()) {
      return Optional.empty();
    }
    String egg = m.group(1);
    String file = PackageFolder.fileEndingWith(packageDir, ".egg");
    // The egg most test-dependencies name is "test", which any prompt about tests says: only "the test egg" asks for it.
    String named = egg.equals("test") ? "test egg" : egg;
    String todo = "install it (chicken-install " + egg + ", where the network allows) or name another test command";
    if (file != null && dependencies(packageDir).contains(egg)) {
      return CannotRun.notAsked(asked, named, new Why("the egg " + egg + " that " + file + " depends on is not installed", todo));
    }
    // An egg's own modules are its components, which the egg file names and its sources need not spell as a module form.
    return file != null || root == null || SchemeFiles.declares(root, egg) ? Optional.empty() : CannotRun.notAsked(asked, named,
        new Why("the egg " + egg + " that the tests import is not installed (no file of the project declares a module " + egg + ")", todo));
  }
}
