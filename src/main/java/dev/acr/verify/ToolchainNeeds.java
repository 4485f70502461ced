package dev.acr.verify;

import dev.acr.verify.CannotRun.Why;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The part of {@link CannotRun} for Clojure, Nim, D, Tcl, Crystal, Racket, SWI-Prolog and Ada's gprbuild: what their build tools print when
 * what the project needs is not installed and cannot be downloaded, or when the tool on PATH is
 * not the one the project's files are for. Each pattern is the tool's own words, as a real
 * repository printed them offline (docs/real-repos.md, 2026-12-05, Clojure, Nim, D and Tcl; Crystal and Racket;
 * SWI-Prolog).
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

  /** Crystal's require of a shard that {@code shards install} never put in lib/: {@code Error: can't find file 'kemal'}. */
  private static final Pattern CRYSTAL_REQUIRE = Pattern.compile("^Error: can't find file '([^'./][^']*)'");
  /** A shard.yml's dependency: its name, indented under {@code dependencies:} or {@code development_dependencies:}. */
  private static final Pattern SHARD_DEPENDENCIES = Pattern.compile("(?m)^(?:development_)?dependencies:\\s*\\n((?:[ \\t]+\\S.*\\n?|\\s*\\n)+)");
  /** Racket's module name resolver, under {@code collection not found}: {@code for module path: sugar/list}. */
  private static final Pattern RACKET_COLLECTION = Pattern.compile("^for module path: ([\\w.+-]+)(?:/\\S*)?$");
  /** A package an info.rkt depends on: {@code "sugar"}, {@code ("sugar" #:version "0.2")}. */
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

  /** swipl loading a library no pack provides: {@code ERROR:    source_sink `library(subsumes)' does not exist}. */
  private static final Pattern PROLOG_LIBRARY = Pattern.compile("source_sink `library\\(([a-z]\\w*)(?:/[^)]*)?\\)' does not exist");
  /** A pack that a pack.pl requires: {@code requires(subsumes).}, {@code requires(subsumes >= 0.5).} */
  private static final Pattern PACK_REQUIRES = Pattern.compile("(?m)^\\s*requires\\(\\s*([a-z]\\w*)");

  /** gprbuild (Ada) with a project file it cannot find: {@code regex-tests.gpr:5:06: imported project file "aunit" not found}. */
  private static final Pattern GPR_IMPORT = Pattern.compile("^\\S+\\.gpr:\\d+:\\d+: imported project file \"([\\w./-]+?)(?:\\.gpr)?\" not found");

  private ToolchainNeeds() {}

  /** Maven-resolver's words come from any JVM build: the Clojure commands fit only a Clojure project. */
  private static boolean clojure(Path root) {
    return root != null && (Files.exists(root.resolve("project.clj")) || Files.exists(root.resolve("deps.edn")));
  }

  /** Why one line of the output says the command cannot run; empty when it does not. */
  static Optional<Why> check(String line, Path root, Path packageDir, String asked) {
    Matcher m;
    if ((m = CRYSTAL_REQUIRE.matcher(line)).find()) {
      String shard = m.group(1).contains("/") ? m.group(1).substring(0, m.group(1).indexOf('/')) : m.group(1);
      return shardDependencies(packageDir).contains(shard) ? CannotRun.notAsked(asked, shard,
          new Why("the shard " + shard + " that shard.yml depends on is not installed (no lib/" + shard + ")",
              "install the shards (shards install, where the network allows) or name another test command")) : Optional.empty();
    }
    if ((m = RACKET_COLLECTION.matcher(line)).find()) {
      String collection = m.group(1);
      return racketDependencies(packageDir).contains(collection) ? CannotRun.notAsked(asked, collection,
          new Why("the Racket package " + collection + " that info.rkt depends on is not installed (collection not found)",
              "install it (raco pkg install --auto " + collection + ", where the network allows) or name another test command"))
          : Optional.empty();
    }
    if ((m = PROLOG_LIBRARY.matcher(line)).find()) {
      String pack = m.group(1);
      return packRequires(packageDir).contains(pack) ? CannotRun.notAsked(asked, pack,
          new Why("the pack " + pack + " that pack.pl requires is not installed (swipl: library(" + pack + ") does not exist)",
              "install it (swipl -g \"pack_install(" + pack + ")\" -t halt, where the network allows) or name another test command"))
          : Optional.empty();
    }
    if ((m = GPR_IMPORT.matcher(line)).find()) {
      String gpr = m.group(1);
      if (gpr.matches("(?:.*/)?config/\\w+_config") && alireCrate(root, packageDir)) {
        return Optional.of(new Why("the project file " + gpr + ".gpr that Alire generates is missing (gprbuild: imported project file"
            + " \"" + m.group(1) + "\" not found): the crate has not been built with Alire here",
            "build it once with Alire (alr build, where the network allows; Alire is not in Debian 12: alire.ada.dev),"
                + " or name another test command"));
      }
      // One of the project's own project files (by name, or by a path) is not for the installer: a change that broke its
      // path is the agent's doing.
      return gpr.contains("/") || ownGpr(root, gpr) ? Optional.empty() : CannotRun.notAsked(asked, gpr, new Why("the GPR project " + gpr
          + " that the project imports is not installed (gprbuild: imported project file \"" + gpr + "\" not found)",
          (gpr.equalsIgnoreCase("aunit") ? "install AUnit (on Debian 12: apt-get install libaunit22-dev)"
              : "install the library that provides " + gpr + ".gpr (its Debian -dev package, or Alire's alr build for a crate's"
                  + " dependencies), or add its folder to GPR_PROJECT_PATH")
              + ", or name another test command"));
    }
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

  /** Whether an Alire manifest is at the package, the repository's top or its tests' folder: an Alire crate's generated config. */
  private static boolean alireCrate(Path root, Path packageDir) {
    for (Path dir : new Path[] {packageDir, root, root == null ? null : root.resolve("tests"), root == null ? null : root.resolve("test")}) {
      if (dir != null && Files.isRegularFile(dir.resolve("alire.toml"))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the repository at {@code root} holds a project file {@code NAME.gpr} of its own (within four folders). */
  private static boolean ownGpr(Path root, String name) {
    if (root == null) {
      return false;
    }
    String file = name.toLowerCase(java.util.Locale.ROOT) + ".gpr";
    try (Stream<Path> files = Files.find(root, 4, (p, a) -> a.isRegularFile()
        && p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).equals(file) && !p.toString().contains("/.git/"))) {
      return files.findAny().isPresent();
    } catch (IOException | UncheckedIOException e) {
      return true; // cannot tell: treat it as the project's own
    }
  }

  /** The packs an SWI-Prolog pack.pl in {@code dir} requires. */
  static List<String> packRequires(Path dir) {
    List<String> names = new ArrayList<>();
    Matcher m = PACK_REQUIRES.matcher(VerifyDetector.readOrEmpty(dir.resolve("pack.pl")));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** The shards a shard.yml in {@code dir} names under dependencies and development_dependencies. */
  static List<String> shardDependencies(Path dir) {
    List<String> names = new ArrayList<>();
    Matcher block = SHARD_DEPENDENCIES.matcher(VerifyDetector.readOrEmpty(dir.resolve("shard.yml")));
    while (block.find()) {
      int indent = -1; // the first name's: the keys under a name sit deeper
      for (String l : block.group(1).split("\n")) {
        int at = l.length() - l.stripLeading().length();
        indent = indent < 0 && !l.isBlank() ? at : indent;
        if (at == indent && l.strip().endsWith(":")) {
          names.add(l.strip().replaceAll(":$", ""));
        }
      }
    }
    return names;
  }

  /**
   * The packages an info.rkt in {@code dir} depends on ({@code deps} and {@code build-deps}), and
   * each without its {@code -lib} suffix: {@code "sugar"} is the collection {@code sugar}'s package,
   * {@code "rackunit-lib"} holds {@code rackunit}.
   */
  static List<String> racketDependencies(Path dir) {
    String info = VerifyDetector.readOrEmpty(dir.resolve("info.rkt"));
    List<String> names = new ArrayList<>();
    Matcher deps = Pattern.compile("\\(define\\s+(?:build-)?deps\\b").matcher(info);
    while (deps.find()) {
      String rest = info.substring(deps.end());
      int depth = 1;
      int end = 0;
      while (end < rest.length() && depth > 0) {
        char c = rest.charAt(end++);
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      }
      Matcher q = QUOTED.matcher(rest.substring(0, end));
      while (q.find()) {
        names.add(q.group(1));
        names.add(q.group(1).replaceAll("-lib$", ""));
      }
    }
    return names;
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
