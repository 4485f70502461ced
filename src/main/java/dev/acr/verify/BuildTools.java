package dev.acr.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Test commands of build tools whose projects name no test command acr reads first: CMake with
 * CTest (C and C++), rebar3 (Erlang), R packages tested with testthat, Leiningen and the Clojure
 * CLI, nimble (Nim), dub (D), Crystal's spec runner, raco test (Racket), plunit (SWI-Prolog), Standard ML's test drivers ({@link StandardMlTests}), gprbuild's test programs (Ada: {@link AdaProject}) and the
 * Fortran Package Manager, Swift, Dart, Zig and Julia ({@link LanguageToolchains}), Haxe ({@link HaxeProject}), Coq ({@link CoqProject}), CHICKEN's eggs ({@link ChickenEggs}), Meson ({@link MesonBuild}), GNU Autotools ({@link Autotools}), ASDF's test-op
 * ({@link CommonLispTests}) and Guile's SRFI-64 ({@link GuileTests}), hardware designs' testbenches ({@link HdlTestbenches}), Forth's test runners ({@link ForthTests}) and Chez Scheme's ({@link ChezSchemeTests}). Each
 * was added after a real repository of that kind got "verify none found" (docs/real-repos.md).
 */
public final class BuildTools {

  /** A CMakeLists.txt that turns testing on: {@code enable_testing()} or {@code include(CTest)}. */
  private static final Pattern CMAKE_TESTING = Pattern.compile("(?im)^\\s*(?:enable_testing\\s*\\(|include\\s*\\(\\s*CTest\\b)");

  /** An R package's DESCRIPTION starts with its name: {@code Package: praise}. */
  private static final Pattern R_PACKAGE = Pattern.compile("(?m)^Package:\\s*\\S");

  private static final Pattern CMAKE_PROJECT = Pattern.compile("(?im)^\\s*project\\s*\\(");

  private static final Pattern CRYSTAL_SPEC = Pattern.compile(".*_spec\\.cr");

  private static final Pattern CT_SUITE = Pattern.compile(".*_SUITE\\.erl");

  /** A deps.edn alias named {@code :test}, up to the brace that opens its map. */
  private static final Pattern DEPS_TEST_ALIAS = Pattern.compile(":test\\s*\\{");

  /**
   * A Racket package's info.rkt names its collection ({@code (define collection "fancy-app")} or
   * {@code 'multi}) or what it depends on; one inside a collection (a scribblings/ folder's) says
   * neither, and is no package of its own.
   */
  private static final Pattern RACKET_PACKAGE = Pattern.compile("\\(define\\s+(?:collection|deps|build-deps)\\b");

  /** An SWI-Prolog pack's pack.pl names it: {@code name(subsumes).} (Perl has pack.pl scripts too). */
  private static final Pattern PROLOG_PACK = Pattern.compile("(?m)^\\s*name\\(\\s*(?:[a-z]\\w*|'[^'\\n]+')\\s*\\)\\s*\\.");

  /** A plunit test file: its units open with {@code :- begin_tests(subsumes).} */
  private static final Pattern PLUNIT_UNIT = Pattern.compile("(?m)^:-\\s*begin_tests\\(");

  /** An Ant build's {@code test} target: {@code <target name="test" depends="compile">}, its attributes in any order. */
  private static final Pattern ANT_TEST_TARGET = Pattern.compile("<target\\s[^>]*\\bname\\s*=\\s*[\"']test[\"']");

  private BuildTools() {}

  /** The first of these tools that {@code root} is set up for. */
  static Optional<VerifyCommand> detect(Path root) {
    Optional<VerifyCommand> found = rebar3(root);
    found = found.isPresent() ? found : ant(root);
    found = found.isPresent() ? found : LanguageToolchains.detect(root);
    found = found.isPresent() ? found : HaxeProject.detect(root);
    found = found.isPresent() ? found : CoqProject.detect(root);
    found = found.isPresent() ? found : testthat(root);
    found = found.isPresent() ? found : clojure(root);
    found = found.isPresent() ? found : nimble(root);
    found = found.isPresent() ? found : dub(root);
    found = found.isPresent() ? found : crystal(root);
    found = found.isPresent() ? found : racket(root);
    found = found.isPresent() ? found : plunit(root);
    found = found.isPresent() ? found : StandardMlTests.detect(root);
    found = found.isPresent() ? found : AdaProject.detect(root);
    found = found.isPresent() ? found : cmake(root);
    // After CMake: a project that keeps both builds with CMake as before (fortran-lang/test-drive's meson.build is one more way).
    // After make too (VerifyDetector): munit's Makefile has a test target that needs a C compiler alone.
    found = found.isPresent() || !Files.isRegularFile(root.resolve("meson.build")) ? found : MesonBuild.detect(root);
    // After CMake and Meson: they build out of the source tree with nothing to generate in it first, and a project
    // that keeps them beside its autotools files (pkgconf/pkgconf) tests with them as before. After make too (VerifyDetector).
    // Autotools only where a configure script or its source is: its patterns would compile at every start.
    found = found.isPresent() || VerifyDetector.firstFile(root, "configure.ac", "configure.in", "configure") == null ? found
        : Autotools.detect(root);
    // After CMake: a Fortran project that keeps both (fortran-lang/test-drive) builds and tests with CMake
    // and a compiler alone, where fpm first fetches its dev-dependencies over the network.
    found = found.isPresent() ? found : VerifyDetector.simple(root, "fpm test", "fpm.toml");
    // An ASDF system file at the root: Common Lisp (CommonLispTests), loaded only then.
    found = found.isPresent() || PackageFolder.fileEndingWith(root, ".asd") == null ? found : CommonLispTests.detect(root);
    // A CHICKEN egg's file, before Guile's look at the .scm files: its tests are csi's (ChickenEggs).
    found = found.isPresent() || PackageFolder.fileEndingWith(root, ".egg") == null ? found : ChickenEggs.detect(root);
    // GNU Octave's %!test blocks in .m files (OctaveTests), looked for only where such files or their folders are.
    found = found.isPresent() || !OctaveTests.candidate(root) ? found : OctaveTests.detect(root);
    // An Emacs Lisp package (its .el files at the root) tested with ERT; loaded only then.
    found = found.isPresent() || PackageFolder.fileEndingWith(root, ".el") == null ? found : EmacsLispTests.detect(root);
    // Hardware designs simulated by a makefile (HdlTestbenches), at the root or in a simulation folder.
    found = found.isPresent() ? found : HdlTestbenches.detect(root);
    // A Forth runner that gforth loads (ForthTests), in a test folder or at the root.
    found = found.isPresent() ? found : ForthTests.detect(root);
    // A Chez Scheme runner program (ChezSchemeTests), looked for only where Chez's own files are.
    found = found.isPresent() || Stream.of("", "tests", "test", "t").allMatch(f -> PackageFolder.fileEndingWith(root.resolve(f), ".ss", ".sps") == null)
        ? found : ChezSchemeTests.detect(root);
    // Last: a Guile project has no build file of its own, only SRFI-64 test files (GuileTests); not loaded without a test
    // folder or a .scm file at the root, so its patterns do not compile at every start.
    return found.isPresent() || !(Files.isDirectory(root.resolve("tests")) || Files.isDirectory(root.resolve("test"))
        || Files.isDirectory(root.resolve("t")) || PackageFolder.fileEndingWith(root, ".scm") != null) ? found : GuileTests.detect(root);
  }

  /**
   * Apache Ant's {@code test} target. Ant's junit task goes on after failing tests unless told to halt, and the build
   * then ends "BUILD SUCCESSFUL", exit 0 (BuildToolsK2/ANT's {@code haltonfailure="no"}): the verifier reads the task's
   * counts ({@link SummaryFailures}).
   */
  private static Optional<VerifyCommand> ant(Path root) {
    Path build = root.resolve("build.xml");
    return Files.isRegularFile(build) && ANT_TEST_TARGET.matcher(VerifyDetector.readOrEmpty(build)).find()
        ? Optional.of(new VerifyCommand("ant test", "detected: build.xml (test target)"))
        : Optional.empty();
  }

  /**
   * CMake's own way: configure into {@code build} (the folder most CMake projects ignore), build,
   * and run CTest there, printing a failing test's output. A fresh worktree builds from scratch;
   * {@code CMAKE_BUILD_PARALLEL_LEVEL} in the environment sets how many jobs the build runs.
   */
  private static Optional<VerifyCommand> cmake(Path root) {
    Path lists = root.resolve("CMakeLists.txt");
    return Files.isRegularFile(lists) && CMAKE_TESTING.matcher(VerifyDetector.readOrEmpty(lists)).find()
        ? Optional.of(new VerifyCommand("cmake -S . -B build && cmake --build build && ctest --test-dir build --output-on-failure",
            "detected: CMakeLists.txt (enable_testing)"))
        : Optional.empty();
  }

  /**
   * rebar3's EUnit, which also runs the tests written inside the modules ({@code -ifdef(TEST)}),
   * and its Common Test too when test/ holds {@code *_SUITE.erl} files.
   */
  private static Optional<VerifyCommand> rebar3(Path root) {
    if (!Files.isRegularFile(root.resolve("rebar.config"))) {
      return Optional.empty();
    }
    boolean suites = VerifyDetector.hasTestFile(root.resolve("test"), CT_SUITE);
    return Optional.of(new VerifyCommand(suites ? "rebar3 do eunit, ct" : "rebar3 eunit", "detected: rebar.config"));
  }

  /**
   * An R package (a DESCRIPTION naming it) with testthat tests under tests/testthat/: testthat's
   * {@code test_local()} loads the package from its source (pkgload) and fails the command when a
   * test fails, as {@code R CMD check} would without building and checking everything else.
   */
  private static Optional<VerifyCommand> testthat(Path root) {
    return isRPackage(root) && Files.isDirectory(root.resolve("tests/testthat"))
        ? Optional.of(new VerifyCommand("Rscript -e 'testthat::test_local()'", "detected: tests/testthat"))
        : Optional.empty();
  }

  /**
   * Clojure: {@code lein test} for a Leiningen project.clj (weavejester/medley keeps a deps.edn
   * beside it, for users of the Clojure CLI). A deps.edn alone names no test command; its
   * {@code :test} alias does when that alias runs something: {@code clojure -M:test} for its
   * {@code :main-opts} (cognitect's test-runner, kaocha), {@code clojure -X:test} for an
   * {@code :exec-fn}. An alias that only adds paths would start a REPL, which tests nothing.
   */
  private static Optional<VerifyCommand> clojure(Path root) {
    if (Files.isRegularFile(root.resolve("project.clj"))) {
      return Optional.of(new VerifyCommand("lein test", "detected: project.clj"));
    }
    String alias = testAlias(VerifyDetector.readOrEmpty(root.resolve("deps.edn")));
    if (alias.contains(":main-opts")) {
      return Optional.of(new VerifyCommand("clojure -M:test", "detected: deps.edn (:test alias)"));
    }
    return alias.contains(":exec-fn")
        ? Optional.of(new VerifyCommand("clojure -X:test", "detected: deps.edn (:test alias)"))
        : Optional.empty();
  }

  /** The map of deps.edn's {@code :test} alias, braces matched (strings not parsed: paths and names hold no braces), or "". */
  static String testAlias(String depsEdn) {
    Matcher m = DEPS_TEST_ALIAS.matcher(depsEdn);
    if (!m.find()) {
      return "";
    }
    int depth = 0;
    for (int i = m.end() - 1; i < depsEdn.length(); i++) {
      char c = depsEdn.charAt(i);
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      if (depth == 0) {
        return depsEdn.substring(m.end() - 1, i + 1);
      }
    }
    return depsEdn.substring(m.end() - 1);
  }

  /** Nim: nimble's {@code test} task (by default every {@code tests/t*.nim}, each compiled and run), for a package's {@code .nimble} file. */
  private static Optional<VerifyCommand> nimble(Path root) {
    String nimble = PackageFolder.fileEndingWith(root, ".nimble");
    return nimble == null ? Optional.empty() : Optional.of(new VerifyCommand("nimble test", "detected: " + nimble));
  }

  /** D: dub's unittest build of the package, run, for its {@code dub.json} or {@code dub.sdl}. */
  private static Optional<VerifyCommand> dub(Path root) {
    String file = VerifyDetector.firstFile(root, "dub.json", "dub.sdl");
    return file == null ? Optional.empty() : Optional.of(new VerifyCommand("dub test", "detected: " + file));
  }

  /**
   * Crystal: its own spec runner over spec/ (every {@code *_spec.cr}, compiled into one program),
   * for a shard.yml. Only with a spec file there: Crystal 1.6's {@code crystal spec} without one
   * prints nothing and exits 0.
   */
  private static Optional<VerifyCommand> crystal(Path root) {
    return Files.isRegularFile(root.resolve("shard.yml")) && VerifyDetector.hasTestFile(root.resolve("spec"), CRYSTAL_SPEC)
        ? Optional.of(new VerifyCommand("crystal spec", "detected: shard.yml"))
        : Optional.empty();
  }

  /**
   * Racket: {@code raco test .}, every module under the package folder (a module's {@code test}
   * submodule when it has one), which fails the command when a rackunit check fails. The package
   * need not be installed: the {@link Verifier} points its collection at the folder under test
   * ({@link RacketCollections}).
   */
  private static Optional<VerifyCommand> racket(Path root) {
    if (isRacketPackage(root)) {
      return Optional.of(new VerifyCommand("raco test .", "detected: info.rkt"));
    }
    // A repository of packages (lexi-lambda/threading: threading-lib, threading-doc, threading-test) keeps their info.rkt a level down.
    try (Stream<Path> subs = Files.list(root)) {
      return subs.filter(d -> Files.isDirectory(d) && isRacketPackage(d)).map(d -> d.getFileName().toString()).sorted().findFirst()
          .map(d -> new VerifyCommand("raco test .", "detected: " + d + "/info.rkt"));
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /**
   * SWI-Prolog: plunit over the project's {@code .plt} test files (the first of test/, tests/, t/,
   * prolog/ and the root that holds one with a {@code begin_tests} unit), the way GeoffChurch/subsumes
   * says to run its tests: loaded into one swipl, then {@code run_tests}. A pack's prolog/ first on
   * the library path ({@code -p library=prolog}), so a test's {@code library(name)} is the code under
   * test, not an installed copy of the pack. {@code --on-error=status}: swipl reports a file that
   * does not load (a syntax error, a missing module) and goes on, and plunit then passes on the
   * tests that did load, exit 0; with it, any error printed makes the exit status 1.
   */
  private static Optional<VerifyCommand> plunit(Path root) {
    for (String dir : new String[] {"test", "tests", "t", "prolog", "."}) {
      if (hasPlunitFile(root.resolve(dir))) {
        String files = dir.equals(".") ? "*.plt" : dir + "/*.plt";
        String library = Files.isDirectory(root.resolve("prolog")) ? " -p library=prolog" : "";
        return Optional.of(new VerifyCommand("swipl --on-error=status" + library + " -g \"expand_file_name('" + files
            + "', Files), load_files(Files), run_tests\" -t halt", "detected: " + files + " (plunit)"));
      }
    }
    return Optional.empty();
  }

  /** Whether {@code dir} holds a {@code .plt} file directly with a plunit unit in it (gnuplot scripts are .plt too). */
  private static boolean hasPlunitFile(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".plt") && Files.isRegularFile(p))
          .limit(50)
          .anyMatch(p -> PLUNIT_UNIT.matcher(VerifyDetector.readOrEmpty(p)).find());
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /** Whether {@code dir} holds an SWI-Prolog pack's pack.pl: a package manifest ({@link PackageFolder}). */
  public static boolean isPrologPack(Path dir) {
    Path pack = dir.resolve("pack.pl");
    return Files.isRegularFile(pack) && PROLOG_PACK.matcher(VerifyDetector.readOrEmpty(pack)).find();
  }

  /** Whether {@code dir} holds a Racket package's info.rkt: a package manifest ({@link PackageFolder}). */
  public static boolean isRacketPackage(Path dir) {
    Path info = dir.resolve("info.rkt");
    return Files.isRegularFile(info) && RACKET_PACKAGE.matcher(VerifyDetector.readOrEmpty(info)).find();
  }

  /** Whether {@code dir} holds an R package's DESCRIPTION: a package manifest ({@link PackageFolder}). */
  public static boolean isRPackage(Path dir) {
    Path description = dir.resolve("DESCRIPTION");
    return Files.isRegularFile(description) && R_PACKAGE.matcher(VerifyDetector.readOrEmpty(description)).find();
  }

  /**
   * The manifest that makes {@code dir} a package ({@link PackageFolder}) of these tools, or null:
   * an R package's DESCRIPTION, a Racket package's info.rkt, an SWI-Prolog pack's pack.pl, or a CMakeLists.txt or meson.build that
   * starts a project ({@code project(...)}; the ones in a project's src/ and test/ folders add to it and are no package of their own),
   * or an autotools project's configure.ac.
   */
  static String manifest(Path dir) {
    if (isRPackage(dir)) {
      return "DESCRIPTION";
    }
    if (isRacketPackage(dir)) {
      return "info.rkt";
    }
    if (isPrologPack(dir)) {
      return "pack.pl";
    }
    Path lists = dir.resolve("CMakeLists.txt");
    if (Files.isRegularFile(lists) && CMAKE_PROJECT.matcher(VerifyDetector.readOrEmpty(lists)).find()) {
      return "CMakeLists.txt";
    }
    // MesonBuild only for a meson.build: its patterns would compile at every start.
    if (Files.isRegularFile(dir.resolve("meson.build")) && MesonBuild.isProject(dir)) {
      return "meson.build";
    }
    // An autotools project's configure.ac; its subfolders' Makefile.am add to it and are no package of their own.
    return VerifyDetector.firstFile(dir, "configure.ac", "configure.in");
  }
}
