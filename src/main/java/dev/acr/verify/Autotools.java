package dev.acr.verify;

import dev.acr.verify.CannotRun.Why;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GNU Autotools projects (a {@code configure.ac} and {@code Makefile.am} files, the generated
 * {@code configure} usually not committed: troglobit/libuev, yaml/libyaml): the test command for one
 * whose Makefile.am defines automake's {@code TESTS}, and what autoreconf and configure print when
 * what the build needs is not installed. Added after such repositories got "verify none found"
 * (docs/real-repos.md, 2026-12-06, Autotools).
 */
public final class Autotools {

  /**
   * The build folder: out of the source tree (automake's VPATH build), so the recheck in the
   * user's tree leaves no objects nor Makefiles among their files. Few projects ignore it, so the
   * command writes a {@code .gitignore} of {@code *} into it, as Meson does into its build folders.
   */
  static final String DIR = "_build";

  /**
   * The start of a command that builds in a fresh copy of the tree, {@code _build/src} (all but .git and _build), which a
   * {@code .gitignore} of {@code *} keeps out of {@code git status}: for builds that write into the sources ({@link ChickenEggs} too).
   */
  static final String IN_A_COPY = "rm -rf " + DIR + "/src && mkdir -p " + DIR + "/src && echo '*' > " + DIR + "/.gitignore"
      + " && tar --exclude=./" + DIR + " --exclude=./.git -cf - . | tar -xf - -C " + DIR + "/src && cd " + DIR + "/src";

  /**
   * Regenerate only when no {@code configure} is there (autoreconf writes configure, Makefile.in,
   * aclocal.m4 and the helper scripts into the source tree: used when the project ignores them, else {@link #COPY_COMMAND});
   * automake's rebuild rules then regenerate what an edit of configure.ac or a Makefile.am makes
   * stale. A tree configured in place (a {@code config.status} at the top) is tested in place:
   * configure refuses a build folder beside it ("source directory already configured"). Else
   * configure {@code _build} unless its Makefile was configured for this very folder (configure run as {@code ../configure}
   * there writes {@code abs_top_srcdir = /x/project/_build/..}; one copied
   * along with the tree, or left in a worktree by a clone at another path, builds the sources it
   * names), then {@code make check}; {@code VERBOSE=1} prints the failing tests' logs, which the
   * parallel harness otherwise keeps in {@code test-suite.log}. A compile-time constant, so
   * {@link NoTests} can compare a command with it without loading this class.
   */
  public static final String COMMAND = "{ [ -x configure ] || autoreconf -fi; } && if [ -f config.status ]; then make check VERBOSE=1;"
      + " else mkdir -p " + DIR + " && echo '*' > " + DIR + "/.gitignore && cd " + DIR
      + " && { grep -qxF \"abs_top_srcdir = $(pwd)/..\" Makefile 2>/dev/null || ../configure; } && make check VERBOSE=1; fi";

  /**
   * For a project whose .gitignore does not ignore {@code configure}: autoreconf in the tree would leave configure,
   * Makefile.in, aclocal.m4 and the helper scripts untracked among the user's files after the recheck (a project made
   * here showed ten). So the tree is copied into {@code _build/src} (all but .git and _build) and generated, configured
   * and tested there; each run starts from a fresh copy, so it builds from scratch.
   */
  public static final String COPY_COMMAND = IN_A_COPY + " && autoreconf -fi && ./configure && make check VERBOSE=1";


  /** A root .gitignore line that ignores the generated configure: {@code /configure}, {@code configure}. */
  private static final Pattern IGNORES_CONFIGURE = Pattern.compile("(?m)^/?configure\\s*$");

  /** A Makefile.am that gives automake's test harness something to run: {@code TESTS = test-version test-reader}, {@code TESTS += api}. */
  private static final Pattern TESTS = Pattern.compile("(?m)^\\s*TESTS\\s*\\+?=");
  private static final Pattern MAKEFILE_AM = Pattern.compile("Makefile\\.am");
  /** A committed Makefile.in's harness or check rule (a project that ships configure and Makefile.in, no Makefile.am). */
  private static final Pattern MAKEFILE_IN_CHECK = Pattern.compile("(?m)^(?:\\s*TESTS\\s*=\\s*\\S|check-TESTS\\s*:|check\\s*:)");
  /** How deep under the root a Makefile.am with TESTS is looked for (libuev: test/, libyaml: tests/). */
  private static final int DEPTH = 3;

  /** autoreconf without a tool it runs: {@code Can't exec "libtoolize": No such file or directory}, {@code autoreconf: failed to run autopoint}. */
  private static final Pattern TOOL_MISSING = Pattern.compile("Can't exec \"(\\w+)\": No such file or directory|autoreconf: failed to run (\\w+)");
  /** autoconf on a macro no installed package defines: {@code configure.ac:12: error: possibly undefined macro: LT_INIT}. */
  private static final Pattern UNDEFINED_MACRO = Pattern.compile("error: possibly undefined macro: (\\w+)");
  /** The same macro left unexpanded in configure, which the shell then stops on: {@code ./configure: line 4120: `PKG_CHECK_MODULES(GLIB, glib-2.0)'}. */
  private static final Pattern UNEXPANDED = Pattern.compile("configure: line \\d+: `((?:PKG|AC|AM|LT|AX|GTK|GLIB)_\\w+)\\(");
  /** pkg-config through configure: {@code configure: error: Package requirements (glib-2.0 >= 2.56) were not met:}. */
  private static final Pattern PACKAGE_REQUIREMENTS = Pattern.compile("configure: error: Package requirements \\((\\S+)[^)]*\\) were not met");
  /** {@code configure: error: no acceptable C compiler found in $PATH}. */
  private static final Pattern NO_COMPILER = Pattern.compile("configure: error: no acceptable C(\\+\\+)? compiler found");
  /** Any other refusal: {@code configure: error: libcheck not found}, {@code configure: error: cannot find install-sh ...}. */
  private static final Pattern CONFIGURE_ERROR = Pattern.compile("configure: error: (.+)");

  /** A C file the build cannot find: {@code cc1: fatal error: ../../src/lexer.c: No such file or directory}, or no rule for one. */
  private static final Pattern MISSING_C = Pattern.compile("fatal error: \\S+\\.c: No such file or directory|No rule to make target '\\S+\\.c'");

  /** Debian's packages of the tools autoreconf runs, and of the macros configure.ac calls most, by tool or macro prefix. */
  private static final Map<String, String> DEBIAN = Map.of("libtoolize", "libtool", "autopoint", "autopoint", "aclocal", "automake",
      "automake", "automake", "autoconf", "autoconf", "LT", "libtool", "PKG", "pkg-config", "AM_GNU_GETTEXT", "gettext autopoint",
      "AX", "autoconf-archive");

  private Autotools() {}

  /**
   * The command for an autotools project whose tests automake runs: a configure.ac (or the older
   * configure.in) and a Makefile.am at the root, and TESTS in some Makefile.am; or, without a
   * Makefile.am, a committed configure and Makefile.in with a check rule. A project without TESTS
   * would have {@code make check} build and pass anything.
   */
  static Optional<VerifyCommand> detect(Path root) {
    String ac = VerifyDetector.firstFile(root, "configure.ac", "configure.in");
    if (ac != null && Files.isRegularFile(root.resolve("Makefile.am"))) {
      if (!definesTests(root)) {
        return Optional.empty();
      }
      boolean generatedStayIgnored = Files.isRegularFile(root.resolve("configure"))
          || IGNORES_CONFIGURE.matcher(VerifyDetector.readOrEmpty(root.resolve(".gitignore"))).find();
      return Optional.of(generatedStayIgnored
          ? new VerifyCommand(COMMAND, "detected: " + ac + ", Makefile.am (TESTS)")
          : new VerifyCommand(COPY_COMMAND, "detected: " + ac + ", Makefile.am (TESTS); .gitignore does not ignore configure"));
    }
    Path in = root.resolve("Makefile.in");
    return Files.isRegularFile(root.resolve("configure")) && Files.isRegularFile(in)
        && MAKEFILE_IN_CHECK.matcher(VerifyDetector.readOrEmpty(in)).find()
        ? Optional.of(new VerifyCommand(COMMAND, "detected: configure, Makefile.in (check)"))
        : Optional.empty();
  }

  /** Whether a Makefile.am under {@code root} sets TESTS; build folders and hidden folders passed over. */
  static boolean definesTests(Path root) {
    return new VerifyDetector.FirstFile(MAKEFILE_AM, TESTS) {
      @Override
      boolean skip(Path dir) {
        return dir.getFileName().toString().startsWith(".") || Files.isRegularFile(dir.resolve("config.status"));
      }
    }.in(root, DEPTH);
  }

  /**
   * configure's AC_PROG_LEX and AC_PROG_YACC go on without flex or bison ({@code checking for flex... no}), and the build then
   * misses the C file they would have written: libconfuse/libconfuse printed {@code cc1: fatal error: ../../src/lexer.c: No such
   * file or directory}, which alone reads as a missing header or submodule. Empty unless both are in the output.
   */
  static Optional<Why> missingGenerator(List<String> output) {
    boolean missingC = output.stream().anyMatch(l -> MISSING_C.matcher(l).find());
    for (String[] tool : new String[][] {{"flex", "lex", "flex"}, {"bison", "byacc", "bison"}}) {
      if (missingC && output.contains("checking for " + tool[0] + "... no") && output.stream().anyMatch(l -> l.startsWith("checking for "
          + tool[1] + "... no"))) {
        return Optional.of(new Why(tool[0] + " is not installed (configure: checking for " + tool[0] + "... no), so the C file it"
            + " generates is missing", "install it (apt-get install " + tool[2] + ") or name another test command"));
      }
    }
    return Optional.empty();
  }

  /** Why one line of autoreconf's or configure's output says the build cannot be configured here; empty when it does not. */
  static Optional<Why> check(String line, String asked) {
    Matcher m;
    if ((m = TOOL_MISSING.matcher(line)).find()) {
      String tool = m.group(1) != null ? m.group(1) : m.group(2);
      String pkg = DEBIAN.getOrDefault(tool, tool);
      return Optional.of(new Why("autoreconf could not run " + tool + ", which is not installed",
          "install it (apt-get install " + pkg + ") or name another test command"));
    }
    if ((m = UNDEFINED_MACRO.matcher(line)).find() || (m = UNEXPANDED.matcher(line)).find()) {
      String macro = m.group(1);
      String pkg = DEBIAN.getOrDefault(macro, DEBIAN.get(macro.split("_", 2)[0]));
      return Optional.of(new Why("configure.ac calls the macro " + macro + ", which no installed package defines",
          "install " + (pkg != null ? "the package that does (apt-get install " + pkg + ")" : "the package that defines it (its -dev"
              + " package often ships the .m4 file under /usr/share/aclocal)") + ", then remove the generated configure, or name another"
              + " test command"));
    }
    if ((m = PACKAGE_REQUIREMENTS.matcher(line)).find()) {
      String dep = m.group(1);
      return CannotRun.notAsked(asked, dep, new Why("the library " + dep + " that configure asks pkg-config for is not installed",
          "install its development package (the one with " + dep + ".pc; on Debian, apt-file search /" + dep + ".pc names it)"
              + " or name another test command"));
    }
    if ((m = NO_COMPILER.matcher(line)).find()) {
      return Optional.of(new Why("configure found no C" + (m.group(1) != null ? "++" : "") + " compiler",
          "install one (apt-get install " + (m.group(1) != null ? "g++" : "gcc") + ") or name another test command"));
    }
    if ((m = CONFIGURE_ERROR.matcher(line)).find()) {
      return CannotRun.notAsked(asked, "configure", new Why("configure stopped (configure: error: " + m.group(1).strip() + ")",
          "install what it names (on Debian, usually its -dev package) or name another test command"));
    }
    return Optional.empty();
  }
}
