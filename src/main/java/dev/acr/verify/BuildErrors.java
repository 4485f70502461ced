package dev.acr.verify;

import dev.acr.exec.Colour;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first compiler error of a test command's output, for a baseline that failed without naming a
 * failing test. google/gson's {@code mvn -q -B test}: the reactor's test-jpms module did not compile
 * ({@code module-info.java:[19,22] module not found: com.google.gson}, since a reactor's test phase gives
 * it gson's classes, not its jar), and acr said "tests fail (exit 1), as expected before a fix", though
 * no test had run. The build failing may be the bug to fix, or the build needing more than the command
 * gives it; the user is told which it is, not "tests fail".
 */
public final class BuildErrors {
  private BuildErrors() {}

  /** javac under Maven: {@code [ERROR] /path/File.java:[19,22] module not found: x}. */
  private static final Pattern MAVEN = Pattern.compile("^\\[ERROR\\] (/\\S+\\.(?:java|kt|scala|groovy)):\\[(\\d+),\\d+\\] (.+)$");
  /** Kotlin's compiler under Gradle: {@code e: file:///path/A.kt:3:5 Unresolved reference: x}. */
  private static final Pattern KOTLIN = Pattern.compile("^e: (?:file://)?(/\\S+\\.kts?):(\\d+):\\d+ (.+)$");
  /**
   * gcc, clang, javac, gfortran: {@code src/a.c:12:5: error: ...}, {@code A.java:3: error: ...}; Poly/ML (Standard ML):
   * {@code ../map.sml:263: error: Value or constructor (tru) has not been declared Found near tru}.
   */
  private static final Pattern CC = Pattern.compile(
      "^(\\S+\\.(?:c|cc|cpp|cxx|h|hpp|java|m|f90|F90|f|swift|sml|sig|fun)):(\\d+):(?:\\d+:)? (?:fatal )?error: (.+)$");
  /**
   * Hardware designs' compilers, whose errors may not say "error": Icarus Verilog's {@code ../rtl/core.v:359: syntax error}
   * and {@code core.v:12: error: Could not find variable}, GHDL's {@code alu.vhd:4:15: missing ";" at end of statement},
   * Verilator's {@code %Error: core.v:3:5: syntax error}; not their warnings ({@code core.v:141: warning: ...}) nor the lines that
   * go on with one ({@code tb.v:20:        : Padding 4 high bits of the port.}).
   */
  private static final Pattern HDL = Pattern.compile(
      "^(?:%Error(?:-\\w+)?: )?(\\S+\\.(?:v|sv|vh|svh|vhd|vhdl)):(\\d+):(?:\\d+:)? (?:error: )?(?!warning\\b|note\\b)([^\\s:].*)$");
  /**
   * gforth loading a Forth file ({@link ForthTests}), which compiles as it reads: {@code tests/utils.test.fs:11: Undefined
   * word}, the line after showing the word ({@code 0 payload ['] sum >>>vec<<<}). Only what loading reports: a test's own
   * error at run time ({@code Division by zero}) is the same shape, and no build error.
   */
  private static final Pattern GFORTH = Pattern.compile("^(\\S+\\.(?:fs|fth|4th|fr)):(\\d+): (Undefined word|No such file or directory|Unstructured)$");
  private static final Pattern GFORTH_AT = Pattern.compile(">>>(.+?)<<<");
  /**
   * Chez Scheme's expander, which reads a library or program whole before running it ({@link ChezSchemeTests}): {@code
   * Exception: attempt to reference unbound identifier iff at line 22, char 26 of nanopass/unparser.ss}, and {@code
   * Exception: library (nosuch lib) not found}. A condition raised at run time names no place ({@code Exception in car: 1 is
   * not a pair}), and is a test's failure.
   */
  private static final Pattern CHEZ = Pattern.compile("^Exception: (.+) at line (\\d+), char \\d+ of (\\S+)$");
  private static final Pattern CHEZ_LIBRARY = Pattern.compile("^Exception: (library \\(.+\\) not found)$");
  /**
   * The linker, after every file compiled: GNU ld's {@code t.c:(.text+0x5): undefined reference to `foo'} (under {@code
   * /usr/bin/ld: t.o: in function `main':}) and {@code /usr/bin/ld: lib-a.o:/x/lib/rxbuf.h:8: multiple definition of `rx';
   * …: first defined here} (with debug information a line, else a section). dleonard0/infod3's {@code make check} stopped
   * on the second (a variable defined in a header, which GCC 10 and later no longer merge) and acr said "tests fail".
   */
  private static final Pattern LD = Pattern.compile("^(?:\\S*\\bld(?:\\.\\w+)?: )?(?:[^\\s:]+\\.o:)?(\\S+?):(?:(\\d+)|\\([^)]*\\)): "
      + "((?:undefined reference to|multiple definition of) [`'][^']+')");
  /** tsc: {@code src/a.ts(3,5): error TS2322: ...}. */
  private static final Pattern TSC = Pattern.compile("^(\\S+\\.(?:ts|tsx|mts|cts))\\((\\d+),\\d+\\): error (TS\\d+: .+)$");
  /** rustc: {@code error[E0425]: cannot find value `x`}, its place on a later {@code --> src/lib.rs:3:5} line. */
  private static final Pattern RUSTC = Pattern.compile("^error\\[E\\d{4}\\]: (.+)$");
  private static final Pattern RUST_AT = Pattern.compile("^--> (\\S+?):(\\d+):\\d+$");
  /** go: {@code ./a.go:3:5: undefined: x}, only in a package whose tests did not build. */
  private static final Pattern GO = Pattern.compile("^(\\S+\\.go):(\\d+):\\d+: (.+)$");
  /**
   * A JavaScript or TypeScript file a linter reports on, alone on its line: ESLint's stylish report ({@code
   * /x/src/a.js}), xo's ({@code index.js:4:24}); its errors follow.
   */
  private static final Pattern LINT_FILE = Pattern.compile("^(\\S+\\.(?:[cm]?[jt]sx?|vue|svelte))(?::\\d+:\\d+)?$");
  /**
   * An error under it: ESLint's {@code 4:24  error  Unnecessary escape character: \\-  no-useless-escape}, xo's {@code ✖
   * 4:24  Unnecessary escape character: \\-.  no-useless-escape} (not a warning, which fails no run).
   */
  private static final Pattern LINT_ERROR = Pattern.compile("^(?:✖\\s+)?(\\d+):\\d+\\s++(?:error\\s++)?(?!warning\\s)(.+?)(?:\\s{2,}(\\S+))?$");
  /** Any problem under the file, a warning too ({@code 3:1  warning  …}, xo's {@code ⚠  3:1  …}). */
  private static final Pattern LINT_PROBLEM = Pattern.compile("^(?:[✖⚠]\\s+)?\\d+:\\d+\\s");
  /** standard's, in one line: {@code /x/index.js:4:24: Unnecessary escape character: \\-. (no-useless-escape)}. */
  private static final Pattern STANDARD = Pattern.compile("^(\\S+\\.[cm]?[jt]sx?):(\\d+):\\d+: (.+)$");

  /** An acr worktree's folder, which means nothing to the user: {@code …/worktrees/gson-b36cb4af/1/}. */
  static final Pattern WORKTREE = Pattern.compile("^\\S*/worktrees/[^/]+/\\d+/");

  /**
   * The first error of a JavaScript linter in {@code lines} (ESLint, xo, standard), as {@code file:line: message (rule)}:
   * many npm test scripts lint first ({@code xo && ava}), and a change the linter rejects failed as "its tests fail (exit
   * 1)" with no word of why (sindresorhus/camelcase). Empty when none is found.
   */
  public static Optional<String> lint(List<String> lines) {
    String file = null;
    for (String raw : lines) {
      String line = Colour.strip(raw).strip();
      Matcher m;
      if ((m = LINT_FILE.matcher(line)).matches()) {
        file = WORKTREE.matcher(m.group(1)).replaceFirst("");
      } else if (file != null && (m = LINT_ERROR.matcher(line)).matches()) {
        return Optional.of(file + ":" + m.group(1) + ": " + m.group(2) + (m.group(3) == null ? "" : " (" + m.group(3) + ")"));
      } else if ((m = STANDARD.matcher(line)).matches()) {
        return Optional.of(WORKTREE.matcher(m.group(1)).replaceFirst("") + ":" + m.group(2) + ": " + m.group(3));
      } else if (!line.isEmpty() && !LINT_PROBLEM.matcher(line).find()) {
        file = null; // not a warning under the file: the report of that file ended
      }
    }
    return Optional.empty();
  }

  /** The first compiler error in {@code lines}, as {@code file:line: message}; empty when none is found. */
  public static Optional<String> first(List<String> lines) {
    boolean goBuildFailed = lines.stream().anyMatch(l -> l.contains("[build failed]") || l.contains("[setup failed]"));
    for (int i = 0; i < lines.size(); i++) {
      String line = Colour.strip(lines.get(i)).strip();
      Matcher m;
      if ((m = MAVEN.matcher(line)).matches() || (m = KOTLIN.matcher(line)).matches() || (m = CC.matcher(line)).matches() || (m = HDL.matcher(line)).matches()
          || (m = TSC.matcher(line)).matches() || (goBuildFailed && (m = GO.matcher(line)).matches())) {
        return Optional.of(WORKTREE.matcher(m.group(1)).replaceFirst("") + ":" + m.group(2) + ": " + m.group(3));
      }
      if ((m = GFORTH.matcher(line)).matches()) {
        Matcher at = i + 1 < lines.size() ? GFORTH_AT.matcher(lines.get(i + 1)) : null;
        return Optional.of(WORKTREE.matcher(m.group(1)).replaceFirst("") + ":" + m.group(2) + ": " + m.group(3)
            + (at != null && at.find() ? " (" + at.group(1) + ")" : ""));
      }
      if ((m = LD.matcher(line)).find()) {
        return Optional.of(WORKTREE.matcher(m.group(1)).replaceFirst("") + (m.group(2) == null ? "" : ":" + m.group(2)) + ": " + m.group(3));
      }
      if ((m = CHEZ.matcher(line)).matches()) {
        return Optional.of(WORKTREE.matcher(m.group(3)).replaceFirst("") + ":" + m.group(2) + ": " + m.group(1));
      }
      if ((m = CHEZ_LIBRARY.matcher(line)).matches()) {
        return Optional.of(m.group(1));
      }
      if ((m = RUSTC.matcher(line)).matches()) {
        for (int j = i + 1; j < Math.min(lines.size(), i + 4); j++) {
          Matcher at = RUST_AT.matcher(Colour.strip(lines.get(j)).strip());
          if (at.matches()) {
            return Optional.of(WORKTREE.matcher(at.group(1)).replaceFirst("") + ":" + at.group(2) + ": " + m.group(1));
          }
        }
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }
}
