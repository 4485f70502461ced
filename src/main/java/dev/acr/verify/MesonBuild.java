package dev.acr.verify;

import dev.acr.verify.CannotRun.Why;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Meson projects (C and C++ libraries of the GNOME stack, pkgconf, inih): the test command for a
 * root {@code meson.build} whose project defines tests, and what {@code meson setup} prints when
 * what the build needs is not installed. Added after benhoyt/inih and pkgconf/pkgconf got "verify
 * none found" (docs/real-repos.md, 2026-12-06, Meson).
 */
public final class MesonBuild {

  /**
   * The build folder: Meson's own documentation configures into {@code builddir}, and Meson
   * writes a {@code .gitignore} of {@code *} into every build folder it makes, so no project
   * needs to ignore it and {@code git status} stays clean after the recheck in the user's tree.
   */
  static final String DIR = "builddir";

  /**
   * Configure only where no build folder is, else reconfigure: a build folder copied along with
   * the repository (or left by a clone at another path) would build the sources it was configured
   * for, not these ({@code meson setup} on a configured folder only says "Directory already
   * configured" and exits 0), and Meson 1.0's {@code --reconfigure} refuses a folder that is not
   * one yet. Then {@code meson test}, which builds what changed first, printing a failing test's
   * output.
   */
  static final String COMMAND = "if [ -d " + DIR + "/meson-private ]; then meson setup --reconfigure " + DIR + "; else meson setup "
      + DIR + "; fi && meson test -C " + DIR + " --print-errorlogs";

  /** The root meson.build starts the project: {@code project('inih', ['c'], ...)}; a subdir's adds to it. */
  private static final Pattern PROJECT = Pattern.compile("(?m)^\\s*project\\s*\\(");

  /** A {@code test(...)} call outside a comment ({@code benchmark(} and {@code cc.run(} are no test). */
  private static final Pattern TEST_CALL = Pattern.compile("(?m)^[^#\\n]*(?<![\\w.])test\\s*\\(");

  private static final Pattern MESON_BUILD = Pattern.compile("meson\\.build");

  /** How deep under the root a meson.build with tests is looked for (pkgconf: tests/, inih: tests/ and examples/). */
  private static final int DEPTH = 5;

  /** {@code meson.build:2:0: ERROR: Dependency "glib-2.0" not found, tried pkgconfig and cmake}. */
  private static final Pattern DEPENDENCY = Pattern.compile("ERROR: Dependency \"([^\"]+)\" not found");
  /** {@code ERROR: Dependency lookup for zlib with method 'pkgconfig' failed: Invalid version, need 'zlib' ['>=99'] found '1.2.13'.} */
  private static final Pattern DEPENDENCY_VERSION = Pattern.compile("ERROR: Dependency lookup for (\\S+) with method '[^']+' failed: Invalid version,(.*)");
  /** {@code ERROR: Program 'xsltproc' not found or not executable}. */
  private static final Pattern PROGRAM = Pattern.compile("ERROR: Program '([^']+)' not found or not executable");
  /** {@code ERROR: Meson version is 1.0.1 but project requires >=1.3}. */
  private static final Pattern TOO_OLD = Pattern.compile("ERROR: Meson version is (\\S+) but project requires (\\S+)");
  /** {@code ERROR: Could not detect Ninja v1.8.2 or newer}: Meson without ninja. */
  private static final Pattern NO_NINJA = Pattern.compile("ERROR: Could not detect Ninja v\\S+ or newer");
  /** {@code ERROR: Unknown compiler(s): [['cc'], ['gcc'], ...]} and {@code ERROR: Could not execute Vala compiler: valac}. */
  private static final Pattern NO_COMPILER = Pattern.compile("ERROR: (?:Unknown compiler\\(s\\): \\[\\['([^']+)'|Could not execute (\\S+) compiler: (\\S+))");

  /** The languages {@code project()} names after the project's name: {@code project('inih', ['c'], ...)}, {@code project('x', 'c', 'cpp')}. */
  private static final Pattern PROJECT_LANGUAGES =
      Pattern.compile("(?m)^\\s*project\\s*\\(\\s*'[^']*'\\s*((?:,\\s*(?:'\\w+'|\\[[^\\]]*\\])\\s*)*)");
  private static final Pattern QUOTED = Pattern.compile("'(\\w+)'");
  /** Meson's names of languages, as acr names them (the ones that differ, and those acr counts files of). */
  private static final Map<String, String> LANGUAGE =
      Map.of("c", "c", "cpp", "cpp", "vala", "vala", "fortran", "fortran", "rust", "rust", "d", "d", "cs", "csharp", "java", "java");

  /** Debian's development packages of the libraries Meson projects of the GNOME stack ask for most, by pkg-config name. */
  private static final Map<String, String> DEBIAN_DEV = Map.of("glib-2.0", "libglib2.0-dev", "gobject-2.0", "libglib2.0-dev",
      "gio-2.0", "libglib2.0-dev", "zlib", "zlib1g-dev", "gtk+-3.0", "libgtk-3-dev", "gtk4", "libgtk-4-dev",
      "json-glib-1.0", "libjson-glib-dev", "libxml-2.0", "libxml2-dev");

  private MesonBuild() {}

  /** Whether {@code dir} holds a Meson project's root meson.build: a package manifest ({@link PackageFolder}). */
  static boolean isProject(Path dir) {
    Path build = dir.resolve("meson.build");
    return Files.isRegularFile(build) && PROJECT.matcher(VerifyDetector.readOrEmpty(build)).find();
  }

  /**
   * The languages of the Meson project whose root is {@code dir}, as its {@code project()} names them
   * (a project's Python helper scripts, or a requirements.txt for its CI's meson, do not make it Python).
   */
  public static List<String> languages(Path dir) {
    List<String> out = new ArrayList<>();
    Path build = dir.resolve("meson.build");
    Matcher m = Files.isRegularFile(build) ? PROJECT_LANGUAGES.matcher(VerifyDetector.readOrEmpty(build)) : null;
    if (m != null && m.find()) {
      Matcher q = QUOTED.matcher(m.group(1));
      while (q.find()) {
        String language = LANGUAGE.get(q.group(1));
        if (language != null && !out.contains(language)) {
          out.add(language);
        }
      }
    }
    return out;
  }

  /**
   * The command for a Meson project that defines a test: one without any would have
   * {@code meson test} say "No tests defined." and exit 0, which passes anything.
   */
  static Optional<VerifyCommand> detect(Path root) {
    return isProject(root) && definesTests(root)
        ? Optional.of(new VerifyCommand(COMMAND, "detected: meson.build (test())"))
        : Optional.empty();
  }

  /**
   * Whether a meson.build under {@code root} calls {@code test()}. Subprojects (dependencies Meson
   * builds along, which run their own tests) and build folders are passed over: they are not the
   * project's tests.
   */
  static boolean definesTests(Path root) {
    return new VerifyDetector.FirstFile(MESON_BUILD, TEST_CALL) {
      @Override
      boolean skip(Path dir) {
        String name = dir.getFileName().toString();
        return name.startsWith(".") || name.equals("subprojects") || Files.isDirectory(dir.resolve("meson-private"));
      }
    }.in(root, DEPTH);
  }

  /** Why one line of {@code meson setup}'s output says the build cannot be configured here; empty when it does not. */
  static Optional<Why> check(String line, String asked) {
    Matcher m;
    if ((m = DEPENDENCY.matcher(line)).find()) {
      String dep = m.group(1);
      String known = DEBIAN_DEV.get(dep);
      return CannotRun.notAsked(asked, dep, new Why("the library " + dep + " that meson.build depends on is not installed"
          + " (meson: Dependency \"" + dep + "\" not found)", "install its development package ("
          + (known != null ? "on Debian: apt-get install " + known : "the one with " + dep + ".pc; on Debian, apt-file search /" + dep
              + ".pc names it") + ") or name another test command"));
    }
    if ((m = DEPENDENCY_VERSION.matcher(line)).find()) {
      return Optional.of(new Why("the installed " + m.group(1) + " is not the version meson.build asks for (" + m.group(2).strip() + ")",
          "install a version that fits or name another test command"));
    }
    if ((m = PROGRAM.matcher(line)).find()) {
      String program = m.group(1);
      return CannotRun.notAsked(asked, program, new Why("the program " + program + " that meson.build needs is not installed",
          "install it or name another test command"));
    }
    if ((m = TOO_OLD.matcher(line)).find()) {
      return Optional.of(new Why("Meson " + m.group(1) + " is older than the project asks for (" + m.group(2) + ")",
          "install a newer Meson (pip install meson, or your distribution's backports) or name another test command"));
    }
    if ((m = NO_NINJA.matcher(line)).find()) {
      return Optional.of(new Why("Meson could not find ninja (" + m.group() + ")",
          "install it (apt-get install ninja-build) or name another test command"));
    }
    if ((m = NO_COMPILER.matcher(line)).find()) {
      String compiler = m.group(1) != null ? m.group(1) : m.group(3);
      return Optional.of(new Why("no compiler for the project's languages (meson: " + m.group().substring("ERROR: ".length()) + ")",
          "install " + ("valac".equals(compiler) ? "valac (apt-get install valac)" : "a compiler (apt-get install gcc, or g++)")
              + " or name another test command"));
    }
    return Optional.empty();
  }
}
