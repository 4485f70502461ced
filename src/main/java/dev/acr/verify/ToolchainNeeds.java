package dev.acr.verify;

import dev.acr.verify.CannotRun.Why;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The part of {@link CannotRun} for Clojure, Nim, D and Tcl: what their build tools print when
 * what the project needs is not installed and cannot be downloaded, or when the tool on PATH is
 * not the one the project's files are for. Each pattern is the tool's own words, as a real
 * repository printed them offline (docs/real-repos.md, 2026-12-05, Clojure, Nim, D and Tcl).
 */
final class ToolchainNeeds {

  /**
   * Maven's resolver, as Leiningen and the Clojure CLI print it: {@code Could not transfer artifact
   * lein-codox:lein-codox:jar:0.10.8 from/to clojars (https://repo.clojars.org/): transfer failed
   * for ...} (weavejester/medley offline: its plugins and lein's own nREPL come from Clojars).
   */
  private static final Pattern TRANSFER_FAILED = Pattern.compile("Could not transfer artifact (\\S+) from/to (\\S+) \\(([^)]+)\\)");
  /**
   * Leiningen refuses a repository named with an http:// URL: {@code Tried to use insecure HTTP
   * repository without TLS:} (its own words; the next lines name the repository and the file).
   */
  private static final Pattern LEIN_INSECURE_HTTP = Pattern.compile("^Tried to use insecure HTTP repository without TLS");
  /**
   * Debian's {@code clojure} is plain {@code clojure.main}, which takes {@code -M:test} for a script
   * to load: {@code -M:test (No such file or directory)}. The Clojure CLI (tools.deps) is what
   * reads deps.edn and its aliases.
   */
  private static final Pattern NOT_CLOJURE_CLI = Pattern.compile("^(-[MXTA]:\\S*) \\(No such file or directory\\)$");
  /** nimble asked to download its package list, and read no answer: {@code Prompt: No local packages.json found, download it from internet? [y/N]}. */
  private static final Pattern NIMBLE_NO_PACKAGE_LIST = Pattern.compile("No local packages\\.json found, download it from internet\\?");
  /**
   * dub could not get a dependency: {@code Failed to find any versions for package silly, referenced
   * by dx ~master}, after {@code Package silly not found in registry at https://code.dlang.org/ (...): Failed to download ...}.
   */
  private static final Pattern DUB_NO_VERSIONS = Pattern.compile("Failed to find any versions for package (\\S+), referenced by ");
  /** tcltest's report of a test file that could not load a package, or tclsh's own: {@code Test file error: can't find package fileutil}. */
  private static final Pattern TCL_PACKAGE = Pattern.compile("^(?:Test file error: )?can't find package (\\S+)");

  private ToolchainNeeds() {}

  /** Maven-resolver's words come from any JVM build: the Clojure commands fit only a Clojure project. */
  private static boolean clojure(Path root) {
    return root != null && (Files.exists(root.resolve("project.clj")) || Files.exists(root.resolve("deps.edn")));
  }

  /** Why one line of the output says the command cannot run; empty when it does not. */
  static Optional<Why> check(String line, Path root, String asked) {
    Matcher m;
    if ((m = TRANSFER_FAILED.matcher(line)).find()) {
      return Optional.of(new Why("the build could not download " + m.group(1) + " from " + m.group(2) + " (" + m.group(3) + ")",
          "fetch the dependencies once where the network allows" + (clojure(root)
              ? " (lein deps for Leiningen, clojure -P for the Clojure CLI)" : "") + ", or name another test command"));
    }
    if (LEIN_INSECURE_HTTP.matcher(line).find()) {
      return Optional.of(new Why("Leiningen refuses to download from a plain-HTTP repository (an http:// URL the project or a"
          + " dependency names under :repositories)",
          "change that URL to https:// (lein help faq explains the exception for a trusted network), or name another test command"));
    }
    if ((m = NOT_CLOJURE_CLI.matcher(line)).find()) {
      return Optional.of(new Why("the clojure on PATH is plain clojure.main (as Debian's clojure package installs it), which"
          + " took " + m.group(1) + " for a file to load: deps.edn and its aliases need the Clojure CLI",
          "install the Clojure CLI (clojure.org's installer) or name another test command"));
    }
    if (NIMBLE_NO_PACKAGE_LIST.matcher(line).find()) {
      return Optional.of(new Why("nimble has no package list to install the dependencies the .nimble file requires"
          + " (no packages.json; it asked to download one)",
          "install them where the network allows (nimble refresh, then nimble install -d), or name another test command"));
    }
    if ((m = DUB_NO_VERSIONS.matcher(line)).find()) {
      String pkg = m.group(1);
      return CannotRun.notAsked(asked, pkg, new Why("dub could not get the package " + pkg + " that the project depends on"
          + " (its registry is out of reach, or it names no such package)",
          "fetch it once where the network allows (dub fetch " + pkg + ", or dub upgrade), or name another test command"));
    }
    if ((m = TCL_PACKAGE.matcher(line)).find()) {
      String pkg = m.group(1);
      return providesTclPackage(root, pkg) ? Optional.empty() : CannotRun.notAsked(asked, pkg,
          new Why("the Tcl package " + pkg + " is not installed",
              "install it (tcllib brings many, fileutil among them: Debian's tcllib) or name another test command"));
    }
    return Optional.empty();
  }

  /**
   * Whether a {@code .tcl} file of the project provides {@code pkg} ({@code package provide ini2 0.1},
   * or a pkgIndex.tcl's {@code package ifneeded}): then its loading is the project's own to fix.
   */
  static boolean providesTclPackage(Path root, String pkg) {
    Pattern provides = Pattern.compile("package\\s+(?:provide|ifneeded)\\s+" + Pattern.quote(pkg) + "(?:\\s|$)");
    try (Stream<Path> files = Files.find(root, 6, (p, a) -> a.isRegularFile() && p.getFileName().toString().endsWith(".tcl")
        && !p.toString().contains("/.git/"))) {
      return files.limit(2000).anyMatch(p -> provides.matcher(VerifyDetector.readOrEmpty(p)).find());
    } catch (IOException | UncheckedIOException e) {
      return true; // cannot tell: treat it as the project's own
    }
  }
}
