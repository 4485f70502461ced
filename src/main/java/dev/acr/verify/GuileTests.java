package dev.acr.verify;

import dev.acr.verify.CannotRun.Why;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GNU Guile projects tested with SRFI-64 ({@code test-begin}, {@code test-equal}, {@code test-end}) and no build system acr
 * reads first: HiPhish/guile-msgpack (a makefile whose {@code check} target runs each test file), lloda/guile-ffi-cblas
 * (nothing but {@code guile -L mod -s test/test-ffi-cblas.scm} in its README). Guile's SRFI-64 runner exits 0 when tests fail,
 * so the verifier reads its summary ({@link SummaryFailures}, {@link NoTests}). Added after such repositories got "verify none
 * found" (docs/real-repos.md, 2026-12-06, Guile).
 */
final class GuileTests {

  /** The folders test files are looked for in, in this order; the root's own {@code *test*.scm} files after them. */
  private static final List<String> TEST_DIRS = List.of("tests", "test", "t");
  /** A test file runs a suite at its top level: {@code (test-begin "lyrics")} in the first column, not inside a helper's macro. */
  private static final Pattern SUITE = Pattern.compile("(?m)^\\((?:test-begin|test-group)\\b");
  /** SRFI-64 itself, as Guile names it ({@code (srfi srfi-64)}) or as R7RS does ({@code (srfi 64)}). */
  private static final Pattern SRFI_64 = Pattern.compile("srfi-64|\\(srfi 64\\)");
  /**
   * How a detected command's source ends when its tests report through SRFI-64's own runner, which prints a
   * {@code %%%% Starting test} line for each suite: a run without one ran no test ({@link NoTests}). A constant, so NoTests
   * reads it without loading this class.
   */
  static final String SIMPLE_RUNNER = "(SRFI-64)";
  /** Test files that install a runner of their own ({@code test-runner-factory}), which may print no such line. */
  private static final Pattern OWN_RUNNER = Pattern.compile("test-runner-factory|test-with-runner|test-runner-create");
  /** A module's name: {@code (define-module (msgpack ext timestamp)}. */
  private static final Pattern DEFINE_MODULE = Pattern.compile("(?m)^\\(define-module\\s+\\(([^()]+)\\)");
  /** A makefile rule for {@code check}, the GNU name of the test target ({@code check: ./test}). */
  private static final Pattern MAKE_CHECK = Pattern.compile("(?m)^(?:[^\\s:#=]+[ \\t]+)*check(?:[ \\t]+[^\\s:#=]+)*[ \\t]*::?(?!=)");
  /** What the shell gets from a path without quoting. */
  private static final Pattern PLAIN_PATH = Pattern.compile("[\\w./+-]+");
  private static final int DEPTH = SchemeFiles.DEPTH;

  /** {@code no code for module (json)}: Guile found no file for a module a test or the code uses. */
  private static final Pattern NO_MODULE = Pattern.compile("no code for module \\(([^()]+)\\)");
  /** {@code In procedure dlopen: file "libcblas.so", message "libcblas.so: cannot open shared object file: ...}. */
  private static final Pattern NO_LIBRARY = Pattern.compile("In procedure dlopen: file \"([^\"]+)\", message \"[^\"]*cannot open shared object file");

  /** {@code Unbound variable: spawn}: a procedure the code calls is not defined. */
  private static final Pattern UNBOUND = Pattern.compile("^Unbound variable: (\\S+)$");
  /**
   * Procedures of Guile's own that its later releases added, by the release: igneus/lilygabc's structure tests call
   * {@code spawn}, which Debian 12's Guile 3.0.8 lacks, so its make test failed for every agent.
   */
  private static final Map<String, String> NEWER_GUILE = Map.of("spawn", "3.0.9");

  /** Debian's packages of the Guile libraries it has, by the first word of their modules' names. */
  private static final Map<String, String> DEBIAN = Map.ofEntries(Map.entry("json", "guile-json"), Map.entry("gcrypt", "guile-gcrypt"),
      Map.entry("git", "guile-git"), Map.entry("ssh", "guile-ssh"), Map.entry("gnutls", "guile-gnutls"), Map.entry("cairo", "guile-cairo"),
      Map.entry("sqlite3", "guile-sqlite3"), Map.entry("zlib", "guile-zlib"), Map.entry("zstd", "guile-zstd"), Map.entry("lzlib", "guile-lzlib"),
      Map.entry("semver", "guile-semver"), Map.entry("bytestructures", "guile-bytestructures"), Map.entry("htmlprag", "guile-library"),
      Map.entry("unit-test", "guile-library"), Map.entry("logging", "guile-library"), Map.entry("os", "guile-library"));

  private GuileTests() {}

  /**
   * The command for a Guile project: its makefile's {@code check} target when the makefile runs guile (the GNU convention;
   * a {@code test} target was found before this), else each SRFI-64 test file run by guile in turn, with the folders its
   * modules live in on the load path ({@code -L}). Without {@code --no-auto-compile} a module that fails to compile is only a
   * warning and the error that follows misleads, and compiled copies would pile up in ~/.cache for each worktree. The runner's
   * log file ({@code <suite>.log}, written into the working folder) is turned off, so the recheck in the user's tree leaves
   * none among their files; a later SRFI-64 whose setting is a parameter keeps its own.
   */
  static Optional<VerifyCommand> detect(Path root) {
    List<String> tests = testFiles(root);
    if (tests.isEmpty()) {
      return Optional.empty();
    }
    String runner = ownRunner(root, tests.get(0)) ? " (SRFI-64, own runner)" : " " + SIMPLE_RUNNER;
    String makefile = VerifyDetector.firstFile(root, "GNUmakefile", "makefile", "Makefile");
    if (makefile != null) {
      String text = VerifyDetector.readOrEmpty(root.resolve(makefile));
      if (MAKE_CHECK.matcher(text).find() && text.contains("guile")) {
        return Optional.of(new VerifyCommand("make check", "detected: " + makefile + " (check), " + testFolder(tests.get(0)) + runner));
      }
    }
    StringBuilder guile = new StringBuilder("guile --no-auto-compile");
    for (String dir : loadPath(root)) {
      guile.append(" -L ").append(dir);
    }
    guile.append(" -c \"(use-modules (srfi srfi-64)) (false-if-exception (unless (procedure? test-log-to-file)")
        .append(" (set! test-log-to-file #f))) (load \\\"");
    if (tests.size() == 1) {
      return Optional.of(new VerifyCommand(guile + tests.get(0) + "\\\")\"", "detected: " + tests.get(0) + runner));
    }
    // Each file in a guile of its own, as the project's own loops run them: one that dies does not hide the others' results.
    String command = "s=0; for f in " + String.join(" ", tests) + "; do " + guile + "$f\\\")\" || s=1; done; exit $s";
    return Optional.of(new VerifyCommand(command, "detected: " + testFolder(tests.get(0)) + " (" + tests.size() + " test files)" + runner));
  }

  /** Whether a {@code .scm} file of the test folder of {@code test} (helpers too) installs a runner of its own. */
  private static boolean ownRunner(Path root, String test) {
    String folder = testFolder(test);
    return scmFiles(root, folder.endsWith("/") ? root.resolve(folder) : root, 4).stream()
        .anyMatch(f -> OWN_RUNNER.matcher(VerifyDetector.readOrEmpty(root.resolve(f))).find());
  }

  /** The test folder a test file is in ({@code test/}), or the file itself at the root. */
  private static String testFolder(String file) {
    return file.contains("/") ? file.substring(0, file.indexOf('/') + 1) : file;
  }

  /**
   * The SRFI-64 test files of the first test folder that has any (every level of it: guile-msgpack keeps test/pack/ and
   * test/unpack/), else the root's own {@code *test*.scm}; by path. A file that names SRFI-64 and opens a suite at its top
   * level: a helper module's macro that wraps {@code test-begin} (guile-msgpack's test-cases) runs nothing by itself.
   */
  static List<String> testFiles(Path root) {
    for (String dir : TEST_DIRS) {
      List<String> found = new ArrayList<>();
      for (String file : scmFiles(root, root.resolve(dir), 4)) {
        String text = VerifyDetector.readOrEmpty(root.resolve(file));
        if (SUITE.matcher(text).find() && SRFI_64.matcher(text).find() && PLAIN_PATH.matcher(file).matches()) {
          found.add(file);
        }
      }
      if (!found.isEmpty()) {
        return found;
      }
    }
    List<String> found = new ArrayList<>();
    for (String file : scmFiles(root, root, 1)) {
      String text = VerifyDetector.readOrEmpty(root.resolve(file));
      if (file.contains("test") && SUITE.matcher(text).find() && SRFI_64.matcher(text).find() && PLAIN_PATH.matcher(file).matches()) {
        found.add(file);
      }
    }
    return found;
  }

  /**
   * The folders guile must look in for the project's modules: for each {@code define-module} whose name matches the file's
   * path ({@code (ffi cblas)} in mod/ffi/cblas.scm), the folder the path starts from (mod). The root first, and always: a
   * test's {@code (use-modules (tests utils))} is found from there.
   */
  static List<String> loadPath(Path root) {
    Set<String> dirs = new TreeSet<>();
    for (String file : scmFiles(root, root, DEPTH)) {
      Matcher m = DEFINE_MODULE.matcher(VerifyDetector.readOrEmpty(root.resolve(file)));
      if (m.find()) {
        String suffix = String.join("/", m.group(1).strip().split("\\s+")) + ".scm";
        if (file.equals(suffix)) {
          dirs.add(".");
        } else if (file.endsWith("/" + suffix)) {
          String dir = file.substring(0, file.length() - suffix.length() - 1);
          if (PLAIN_PATH.matcher(dir).matches()) {
            dirs.add(dir);
          }
        }
      }
    }
    dirs.remove(".");
    List<String> out = new ArrayList<>(List.of("."));
    out.addAll(dirs);
    return out;
  }

  /** The {@code .scm} files under {@code dir}, within {@code depth} levels, as paths from {@code root}. */
  private static List<String> scmFiles(Path root, Path dir, int depth) {
    return SchemeFiles.under(root, dir, depth, ".scm");
  }

  /**
   * Why one line of guile's output says the tests cannot run here: a module that no file of the project provides (a Guile
   * library not installed), a shared library the code loads through the FFI that is not installed, or a procedure of a later
   * Guile than the installed one. A module of the project's own that does not load is the agent's to fix, and stays a failure.
   */
  static Optional<Why> check(String line, Path root, String asked) {
    Matcher m;
    if ((m = NO_MODULE.matcher(line)).find()) {
      String module = m.group(1).strip().replaceAll("\\s+", " ");
      if (root == null || provides(root, module)) {
        return Optional.empty();
      }
      String pkg = DEBIAN.get(module.split(" ")[0]);
      return CannotRun.notAsked(asked, module.split(" ")[0], new Why("the Guile module (" + module + ") is not installed (guile: no code for"
          + " module (" + module + "))", "install it (" + (pkg != null ? "on Debian: apt-get install " + pkg : "its Guile library, where"
              + " GUILE_LOAD_PATH finds it") + ") or name another test command"));
    }
    if ((m = NO_LIBRARY.matcher(line)).find()) {
      String lib = m.group(1);
      return CannotRun.notAsked(asked, lib.replaceAll("\\.so.*$", ""), new Why("the shared library " + lib + " that the code opens through"
          + " Guile's FFI (dynamic-link) is not installed", "install the package that provides it (on Debian, apt-file search " + lib
          + " names it; a library under another name may be set through the project's own variable) or name another test command"));
    }
    if ((m = UNBOUND.matcher(line)).find() && NEWER_GUILE.containsKey(m.group(1)) && root != null && !defines(root, m.group(1))) {
      String name = m.group(1);
      return CannotRun.notAsked(asked, name, new Why("the installed Guile is older than the project needs: " + name + ", which the code"
          + " calls, came with Guile " + NEWER_GUILE.get(name) + " (guile: Unbound variable: " + name + ")", "install Guile "
          + NEWER_GUILE.get(name) + " or later, or name another test command (one that runs only the tests this Guile can)"));
    }
    return Optional.empty();
  }

  /** Whether a {@code .scm} file of the project defines {@code name} itself: then its being unbound is the project's own to fix. */
  private static boolean defines(Path root, String name) {
    Pattern definition = Pattern.compile("\\(define\\*?\\s+\\(?" + Pattern.quote(name) + "[\\s)]");
    return scmFiles(root, root, DEPTH).stream().anyMatch(f -> definition.matcher(VerifyDetector.readOrEmpty(root.resolve(f))).find());
  }

  /** Whether a {@code .scm} file of the project is the module {@code module} (its path ends with the module's). */
  private static boolean provides(Path root, String module) {
    String suffix = module.replace(' ', '/') + ".scm";
    return scmFiles(root, root, DEPTH).stream().anyMatch(f -> f.equals(suffix) || f.endsWith("/" + suffix));
  }
}
