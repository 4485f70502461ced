package dev.acr.verify;

import dev.acr.verify.CannotRun.Why;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Common Lisp projects built with ASDF whose system defines {@code test-op}: sharplispers/split-sequence (FiveAM, its
 * {@code perform} ignores what {@code run!} returns), tokenrove/anaphora (RT, which signals an error when a test fails). Run
 * with SBCL as {@code (asdf:test-system "name")}, the project's folder first in ASDF's source registry. Most test-ops return
 * normally when tests fail, so sbcl exits 0: the verifier reads FiveAM's and RT's summaries ({@link SummaryFailures},
 * {@link NoTests}). Added after such repositories got "verify none found" (docs/real-repos.md, 2026-12-06, Common Lisp).
 */
final class CommonLispTests {

  /**
   * How a detected command's source ends when its test framework prints a summary acr reads (FiveAM's {@code Did 141 checks.},
   * RT's {@code Doing 59 pending tests of 59 tests total.}): a run that prints none ran no test ({@link NoTests}). A constant,
   * so NoTests reads it without loading this class.
   */
  static final String READ_SUMMARY = "summary read)";
  /** A system's definition: {@code (defsystem :split-sequence}, {@code (asdf:defsystem "foo"}, {@code (defsystem #:foo}. */
  private static final String DEFSYSTEM = "\\((?:asdf:|asdf/defsystem:)?defsystem\\s+(?:#?:|\")?";
  /** The name a definition gives its system, as the shell can take it unquoted. */
  private static final Pattern SYSTEM_NAME = Pattern.compile("(?i)" + DEFSYSTEM + "([\\w.+/-]+)[\\s\")]");
  /** A test-op method for one system: {@code (defmethod perform ((o test-op) (c (eql (find-system :anaphora)))) ...)}. */
  private static final Pattern PERFORM_FOR =
      Pattern.compile("(?i)test-op\\)\\s*\\(\\w+\\s+\\(eql\\s+\\((?:asdf:)?find-system\\s+(?:#?:|\")?([\\w.+/-]+)");
  /** The frameworks whose summaries acr reads, by the system name a test system depends on. */
  private static final Pattern FIVEAM = Pattern.compile("(?i)[\\s(]#?[:\"]?fiveam\\b");
  private static final Pattern RT = Pattern.compile("(?i)[\\s(]#?[:\"]?rt[\\s)\"]");

  /**
   * ASDF, for a system that a system being loaded depends on and no registry holds: {@code Component :PARACHUTE not found,
   * required by #<SYSTEM "split-sequence/tests">} (a keyword is printed upper-case, a string as written).
   */
  private static final Pattern MISSING =
      Pattern.compile("^Component (?::([\\w.+/-]+)|\"([^\"]+)\"|#:([\\w.+/-]+)) not found, required by ");
  /** Debian's packages of the Common Lisp libraries most test systems use, by system name (Debian 12). */
  private static final Set<String> DEBIAN = Set.of("fiveam", "rt", "ptester", "fiasco", "xlunit", "alexandria", "babel", "bordeaux-threads",
      "cffi", "closer-mop", "flexi-streams", "iterate", "named-readtables", "split-sequence", "trivial-features", "trivial-garbage",
      "trivial-gray-streams", "trivial-backtrace", "anaphora", "local-time", "parse-number", "ieee-floats", "usocket", "esrap", "yason",
      "cl-ppcre", "cl-unicode", "cl-base64", "cl-fad", "cl-who", "cl-interpol", "cl-utilities", "puri", "ironclad", "nibbles", "chipz",
      "salza2", "lparallel", "metabang-bind", "md5", "drakma", "chunga", "quri", "zpb-ttf", "global-vars");
  /** Those whose package is not cl- and the system's name (FiveAM depends on net.didierverna.asdf-flv). */
  private static final Map<String, String> DEBIAN_NAMED = Map.of("net.didierverna.asdf-flv", "cl-asdf-flv", "cl+ssl", "cl-plus-ssl");

  private CommonLispTests() {}

  /**
   * The command for an ASDF project at {@code root}: {@code asdf:test-system} on the system of the first {@code .asd} file
   * that defines a test-op ({@link #testedSystem}), a file whose name has no "test" first (split-sequence.asd delegates to
   * its split-sequence/tests), with the project's folder (every level: a t/ folder's foo-test.asd too) ahead of the systems
   * installed elsewhere, so the worktree's copy is the one tested. The project's own systems are compiled afresh
   * ({@code :force}): ASDF reuses a fasl whose source is older, and a worktree acr reuses for the next attempt keeps its path,
   * so a file that inlines a function the agent fixed (split-sequence's api.lisp, which no dependency ties to list.lisp) kept
   * the old code and the fix failed. The user's ~/.sbclrc is read, as their own sbcl reads it (quicklisp, where set up).
   */
  static Optional<VerifyCommand> detect(Path root) {
    List<String> asds = asdFiles(root);
    asds.sort((a, b) -> Boolean.compare(a.contains("test"), b.contains("test")) != 0
        ? Boolean.compare(a.contains("test"), b.contains("test")) : a.compareTo(b));
    for (String asd : asds) {
      String system = testedSystem(VerifyDetector.readOrEmpty(root.resolve(asd)), asd.substring(0, asd.length() - ".asd".length()));
      if (system == null) {
        continue;
      }
      String all = String.join("\n", asds.stream().map(f -> VerifyDetector.readOrEmpty(root.resolve(f))).toList());
      String framework = FIVEAM.matcher(all).find() ? ", FiveAM summary read)" : RT.matcher(all).find() ? ", RT summary read)" : ")";
      Set<String> own = new TreeSet<>();
      Matcher d = SYSTEM_NAME.matcher(all);
      while (d.find()) {
        own.add(d.group(1).toLowerCase(Locale.ROOT));
      }
      String command = "sbcl --noinform --non-interactive --eval '(require :asdf)'"
          + " --eval '(asdf:initialize-source-registry (list :source-registry (list :tree (uiop:getcwd)) :inherit-configuration))'"
          + " --eval '(asdf:test-system \"" + system + "\" :force (list \"" + String.join("\" \"", own) + "\"))'";
      return Optional.of(new VerifyCommand(command, "detected: " + asd + " (test-op" + framework));
    }
    return Optional.empty();
  }

  /**
   * The system of an {@code .asd} file's text to run test-op on: the one named as the file when its definition mentions test-op
   * or a {@code perform} of test-op is defined for it (anaphora's {@code (eql (find-system :anaphora))}), else the first whose
   * definition mentions test-op (a {@code foo/tests} with the {@code :perform} beside a {@code foo} without); null when none does.
   */
  static String testedSystem(String text, String fileName) {
    List<String> marked = new ArrayList<>();
    Matcher d = SYSTEM_NAME.matcher(text);
    List<Integer> starts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    while (d.find()) {
      starts.add(d.start());
      names.add(d.group(1).toLowerCase(Locale.ROOT));
    }
    for (int i = 0; i < names.size(); i++) {
      String form = text.substring(starts.get(i), i + 1 < names.size() ? starts.get(i + 1) : text.length());
      if (form.contains("test-op")) {
        marked.add(names.get(i));
      }
    }
    Matcher p = PERFORM_FOR.matcher(text);
    while (p.find()) {
      marked.add(p.group(1).toLowerCase(Locale.ROOT));
    }
    String own = fileName.toLowerCase(Locale.ROOT);
    return marked.contains(own) && names.contains(own) ? own : marked.stream().filter(names::contains).findFirst().orElse(null);
  }

  /** Whether {@code text} defines the system {@code name} (ASDF reads system names without regard to case). */
  private static boolean defines(String text, String name) {
    return Pattern.compile("(?i)" + DEFSYSTEM + Pattern.quote(name) + "[\\s\")]").matcher(text).find();
  }

  /** The {@code .asd} files at {@code root}, by name; a folder that cannot be read has none. */
  private static List<String> asdFiles(Path root) {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, "*.asd")) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (Files.isRegularFile(p) && name.matches("[\\w.+-]+\\.asd")) {
          out.add(name);
        }
      }
    } catch (IOException | java.nio.file.DirectoryIteratorException e) {
      return out;
    }
    return out;
  }

  /**
   * Why one line of sbcl's output says the tests cannot run here: a system the project depends on that no registry holds (a
   * library not installed). One of the project's own systems not found is the agent's to fix (a misspelt dependency), and
   * stays a failure.
   */
  static Optional<Why> check(String line, Path root, String asked) {
    Matcher m = MISSING.matcher(line);
    if (!m.find()) {
      return Optional.empty();
    }
    String name = (m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3)).toLowerCase(Locale.ROOT);
    if (root != null && asdFiles(root).stream().anyMatch(f -> defines(VerifyDetector.readOrEmpty(root.resolve(f)), name)
        || defines(VerifyDetector.readOrEmpty(root.resolve(f)), name.split("/")[0]))) {
      return Optional.empty();
    }
    String system = name.split("/")[0];
    String pkg = DEBIAN_NAMED.getOrDefault(system, system.startsWith("cl-") ? system : "cl-" + system);
    String install = DEBIAN.contains(system) || DEBIAN_NAMED.containsKey(system) ? "on Debian: apt-get install " + pkg
        : "Debian names most of its packages cl-NAME (apt-cache search " + pkg + "), or quicklisp's (ql:quickload :" + system + ")";
    return CannotRun.notAsked(asked, system, new Why("the Common Lisp system " + system + " that the project depends on is not"
        + " installed (ASDF: " + line.replaceAll(", required by .*", "") + ")", "install it (" + install
            + ", or a copy where ASDF finds it: ~/common-lisp/) or name another test command"));
  }
}
