package dev.acr.verify;

import dev.acr.verify.CannotRun.Why;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of {@link CannotRun} that recognises what a package manager, or the tests' own tools,
 * still need installed: dependencies, a browser, the package manager itself, a test helper
 * library. Each pattern is the tool's own words, as a real repository printed them
 * (docs/real-repos.md).
 */
final class NotInstalled {

  /**
   * Bundler could not load what the Gemfile asks for: {@code Could not find gem 'yardstick (~> 0.9.9)'
   * in locally installed gems.}, {@code Could not find rake-13.0.6 in any of the sources}, or a
   * {@code bundle exec} of a program no gem in the bundle provides.
   */
  private static final Pattern BUNDLER_MISSING =
      Pattern.compile("Could not find (?:gem '([^']+)'|(\\S+)) in (?:locally installed gems|any of the sources)"
          + "|bundler: command not found: (\\S+)");

  /**
   * pnpm or Yarn (berry) run in a project whose dependencies were never installed: pnpm's warning
   * (its script then fails on {@code sh: 1: oxlint: not found} with exit 1, not 127) and Yarn's
   * refusals for the node_modules and Plug'n'Play linkers.
   */
  private static final Pattern NODE_NOT_INSTALLED =
      Pattern.compile("(Local package\\.json exists, but node_modules missing)|(Couldn't find the node_modules state file"
          + "|doesn't seem to have been installed - running an install there might help)");

  /**
   * A browser the tests drive is not installed: Playwright's {@code browserType.launch: Executable
   * doesn't exist at ...} (Vitest's browser mode on wojtekmaj/merge-refs), Puppeteer's
   * {@code Could not find Chrome (ver. 121.0.6167.85)}.
   */
  private static final Pattern BROWSER_MISSING =
      Pattern.compile("browserType\\.launch: Executable doesn't exist at (\\S+)|Could not find (Chrome|Firefox|chrome-headless-shell) \\(ver\\. [^)]+\\)");

  /**
   * chrome-launcher finding no Chrome, under Modern Web's web-test-runner (chaijs/deep-eql's test:browser, after its mocha tests
   * passed): {@code The CHROME_PATH environment variable must be set to a Chrome/Chromium executable no older than Chrome stable.}
   * It was "tests fail (exit 1), as expected before a fix".
   */
  private static final Pattern CHROME_PATH_UNSET = Pattern.compile("The CHROME_PATH environment variable must be set to a Chrome/Chromium executable");

  /**
   * Composer's autoloader missing, so composer install never ran: PHPUnit 9's {@code Cannot open file
   * "/x/vendor/autoload.php".}, PHPUnit 10's {@code Cannot open bootstrap script}, PHP's own
   * {@code Failed opening required 'vendor/autoload.php'}.
   */
  private static final Pattern NO_AUTOLOADER =
      Pattern.compile("Cannot open (?:file|bootstrap script) \"[^\"]*vendor/autoload\\.php\"|Failed opening required '[^']*vendor/autoload\\.php'");

  /**
   * PHP failing to load a class: {@code Error: Class "Michelf\\MarkdownExtra" not found} (PHP 8), {@code Class 'X' not found} (7).
   * With no vendor/autoload.php, a class under a namespace composer.json autoloads is missing because Composer never ran:
   * michelf/php-markdown's tests under Debian's phpunit, which loads no project's autoloader (110 errors, "as expected").
   */
  private static final Pattern PHP_CLASS_MISSING = Pattern.compile("Class [\"']\\\\?([\\w\\\\]+)[\"'] not found");

  /**
   * Corepack (the {@code pnpm} and {@code yarn} that Node ships) could not fetch or verify the
   * package manager a project's {@code packageManager} field names: the test script never started.
   * An older corepack rejects newer releases' signatures; offline, its download fails.
   */
  private static final Pattern COREPACK_FAILED =
      Pattern.compile("No compatible signature found in package metadata|Signature does not match"
          + "|The package was not signed by any trusted keys|Error when performing the request to \\S+; for troubleshooting help, see \\S+corepack"
          + "|Network access disabled by the environment; can't reach \\S+");

  /**
   * pnpm (9.7 and later) switching itself to the version a project's {@code packageManager} names, before any script: it
   * refuses a download whose registry signature it cannot check (a mirror without signatures: unjs/ufo's pnpm@10.28.0 with
   * pnpm 10.34.9), and offline its {@code pnpm add pnpm@X} fails or is killed after its retries.
   */
  private static final Pattern PNPM_SWITCH_FAILED =
      Pattern.compile("Refusing to run pnpm@(\\S+): its npm registry signature could not be verified"
          + "|Command (?:failed with exit code \\d+|was killed with \\w+[^:]*): pnpm add pnpm@(\\S+) ");

  /**
   * Ant without the optional task a target uses: {@code Problem: failed to create task or type junit} (Debian's ant without
   * ant-optional, whose ant-junit.jar holds the junit task); not a task the project defines itself, which would name no Ant class.
   */
  private static final Pattern ANT_TASK_MISSING = Pattern.compile("Problem: failed to create task or type (junit\\w*)\\b");

  /** Mix loading a project whose dependencies come from Hex, with no Hex: {@code Could not find Hex, which is needed to build dependency :ex_doc}. */
  private static final Pattern HEX_MISSING = Pattern.compile("Could not find Hex, which is needed to build dependency :(\\w+)");
  /**
   * rebar3 unable to fetch a dependency: {@code ===> Failed to fetch and copy dep: {git,"https://github.com/helium/erlang_ale",}
   * (helium/erlang-ubx offline: "tests fail (exit 1), as expected"), {@code ===> Package not found in any repo: jsx 3.1.0}.
   * Not {@code ===> Failed to update package jsx from repo hexpm}: rebar3 only warns so, goes on from its cached registry,
   * and the tests that then fail are the project's (it stops with "Package not found" when the cache lacks it).
   */
  private static final Pattern REBAR3_FETCH = Pattern.compile("^===> (?:Failed to fetch and copy dep: (?:\\{\\w+,\\s*\"([^\"]+)\")?"
      + "|Package not found in any repo: (\\S+))");
  /** Mix before {@code the dependency is not available, run "mix deps.get"} and its like: {@code Unchecked dependencies for environment test:}. */
  private static final Pattern MIX_UNCHECKED = Pattern.compile("Unchecked dependencies for environment \\w+");
  /** Lua's require: {@code module 'pl.path' not found:}. */
  private static final Pattern LUA_MODULE = Pattern.compile("module '([\\w.-]+)' not found:");
  /** Rocks whose modules are not named after them, as their rockspecs and busted's errors spell them. */
  private static final Map<String, String> ROCK_OF_MODULE =
      Map.of("pl", "penlight", "lfs", "luafilesystem", "socket", "luasocket", "ssl", "luasec", "cjson", "lua-cjson",
          "posix", "luaposix", "term", "lua-term");
  /** bats' {@code load}: {@code bats_load_safe: Could not find '/x/test/test_helper/bats-support/load'[.bash]}. */
  private static final Pattern BATS_LOAD = Pattern.compile("bats_load_safe: Could not find '([^']+)'");
  /** bats' {@code bats_load_library}: {@code Could not find library 'bats-support' relative to test file or in BATS_LIB_PATH}. */
  private static final Pattern BATS_LIBRARY = Pattern.compile("Could not find library '([^']+)' relative to test file or in BATS_LIB_PATH");
  /** dune: {@code Error: Library "bos" not found.} and {@code Error: Version 3.0 of the dune language is not supported.} */
  private static final Pattern DUNE_LIBRARY = Pattern.compile("Error: Library \"([^\"]+)\" not found\\.");
  private static final Pattern DUNE_LANG = Pattern.compile("Error: Version ([\\d.]+) of the dune language is not supported");
  /** cabal's solver: {@code [__1] unknown package: acr-no-such-pkg (dependency of hsx)}. */
  private static final Pattern CABAL_UNKNOWN = Pattern.compile("unknown package: ([\\w-]+) \\(dependency of ");
  /** cabal offline with Hackage configured: {@code curl: (6) Could not resolve host: hackage.haskell.org}. */
  private static final Pattern CABAL_FETCH = Pattern.compile("Could not resolve host: hackage\\.haskell\\.org|cabal: '\\S*curl' exited with an error");
  /**
   * Haskell's http-client offline, as stack prints it when it cannot download the snapshot its
   * stack.yaml names, or the GHC it asks for: {@code (ConnectionFailure Network.Socket.getAddrInfo
   * (...host name: Just "raw.githubusercontent.com", ...)}.
   */
  private static final Pattern HASKELL_OFFLINE = Pattern.compile("\\(ConnectionFailure .*host name: Just \"([^\"]+)\"");
  private static final Pattern ROCKSPEC_DEPENDENCIES = Pattern.compile("(?:test_)?dependencies\\s*=\\s*\\{([^}]*)\\}");
  private static final Pattern GITMODULES_PATH = Pattern.compile("(?m)^\\s*path\\s*=\\s*(\\S+)\\s*$");

  private NotInstalled() {}

  /** What a package manager, or the tests' own tools, still need installed: dependencies, a browser, the manager itself. */
  static Optional<Why> check(String line, Path root, Path packageDir, String asked, boolean corepack) {
    Matcher m;
    if ((m = BROWSER_MISSING.matcher(line)).find()) {
      return Optional.of(m.group(1) != null
          ? new Why("Playwright's browser is not installed (" + m.group(1) + " does not exist)",
              "install it (npx playwright install) or name another test command")
          : new Why("Puppeteer's browser is not installed (" + m.group() + ")",
              "install it (npx puppeteer browsers install " + m.group(2).toLowerCase(Locale.ROOT) + ") or name another test command"));
    }
    if (CHROME_PATH_UNSET.matcher(line).find()) {
      return Optional.of(new Why("no Chrome or Chromium is installed for the browser tests (chrome-launcher: the CHROME_PATH"
          + " environment variable must be set to a Chrome/Chromium executable)", "install one (apt-get install chromium) and set"
          + " CHROME_PATH to it, or name a test command that runs without a browser (a package.json script for Node alone)"));
    }
    if ((m = NO_AUTOLOADER.matcher(line)).find()) {
      // Not the whole path: the baseline runs in acr's worktree, whose path means nothing to the user.
      return Optional.of(new Why("the project's dependencies are not installed (no vendor/autoload.php)",
          "install them (composer install) or name another test command"));
    }
    if ((m = PHP_CLASS_MISSING.matcher(line)).find() && !Files.isRegularFile(packageDir.resolve("vendor/autoload.php"))
        && composerAutoloads(packageDir, m.group(1))) {
      // Unless the prompt names the class: writing it is then the task ("add the MarkdownExtra class").
      String simple = m.group(1).substring(m.group(1).lastIndexOf('\\') + 1);
      return CannotRun.notAsked(asked, simple, new Why("the project's classes load through Composer's autoloader, which is not"
          + " installed (no vendor/autoload.php; Class \"" + m.group(1) + "\" not found)",
          "install the dependencies (composer install), so the tests run with it, or name another test command"));
    }
    // pnpm warns so after any failing script of a package without node_modules, also one that
    // depends on nothing: only a package that declares dependencies lacks them.
    if ((m = NODE_NOT_INSTALLED.matcher(line)).find() && (m.group(1) == null || NodeManifest.declaresDependencies(packageDir))) {
      String install = m.group(1) != null ? "pnpm install" : "yarn install";
      return Optional.of(new Why("the project's dependencies are not installed (" + m.group() + ")",
          "install them (" + install + ") or name another test command"));
    }
    if ((m = BUNDLER_MISSING.matcher(line)).find()) {
      String gem = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      return Optional.of(new Why((m.group(3) != null ? "no gem in the bundle provides " : "the gem ") + gem
          + (m.group(3) != null ? "" : " that the Gemfile asks for is not installed"),
          "run bundle install (where the network allows), or name another test command"));
    }
    if (corepack && (m = COREPACK_FAILED.matcher(line)).find()) {
      boolean network = m.group().startsWith("Error when") || m.group().startsWith("Network");
      return Optional.of(new Why("corepack could not " + (network ? "download" : "verify") + " the package manager the project's"
          + " package.json names (" + m.group() + ")", network
              ? "run the package manager once by hand where the network allows (corepack install), or name another test command"
              : "update corepack (npm install -g corepack@latest) or set COREPACK_INTEGRITY_KEYS=0, or name another test command"));
    }
    if ((m = PNPM_SWITCH_FAILED.matcher(line)).find()) {
      boolean verify = m.group(1) != null;
      return Optional.of(new Why("pnpm could not " + (verify ? "verify" : "download") + " pnpm@"
          + (verify ? m.group(1) : m.group(2)) + ", the version the project's package.json names (packageManager), so no test"
          + " ran (" + m.group().strip() + ")", verify
              ? "run the pnpm you have (pnpm config set manage-package-manager-versions false), or name another test command"
              : "run pnpm once by hand where the network allows, or pnpm config set manage-package-manager-versions false,"
                  + " or name another test command"));
    }
    if ((m = ANT_TASK_MISSING.matcher(line)).find()) {
      return Optional.of(new Why("Ant's " + m.group(1) + " task is not installed (" + m.group() + ")",
          "install Ant's optional tasks (Debian's ant-optional, or ant-junit.jar in ~/.ant/lib) or name another test command"));
    }
    if ((m = REBAR3_FETCH.matcher(line)).find()) {
      String dep = m.group(1) != null ? m.group(1) : m.group(2);
      return Optional.of(new Why("rebar3 could not fetch the dependency" + (dep == null ? "" : " " + dep) + " that rebar.config names",
          "fetch the dependencies once by hand (rebar3 get-deps) where the network allows, or name another test command"));
    }
    Optional<Why> why = elixir(line);
    why = why.isPresent() ? why : lua(line, packageDir, asked);
    why = why.isPresent() ? why : ocaml(line, root, asked);
    why = why.isPresent() ? why : haskell(line, asked);
    why = why.isPresent() ? why : ToolchainNeeds.check(line, root, packageDir, asked);
    why = why.isPresent() ? why : MesonBuild.check(line, asked);
    why = why.isPresent() ? why : Autotools.check(line, asked);
    why = why.isPresent() || !(line.contains("haxelib") || line.contains("haxe.unit")) ? why : HaxeProject.check(line, asked);
    why = why.isPresent() || !(line.contains("undefined module") || line.contains("extension or version not found")) ? why
        : ChickenEggs.check(line, root, packageDir, asked);
    why = why.isPresent() || !line.startsWith("Exception: library (") ? why : ChezSchemeTests.libraryMissing(line, root, asked);
    // GuileTests only for guile's own words: its patterns would compile for every failing baseline.
    why = why.isPresent() || !(line.contains("no code for module") || line.contains("In procedure dlopen")
        || line.startsWith("Unbound variable: ")) ? why
        : GuileTests.check(line, root, asked);
    why = why.isPresent() || !line.startsWith("Component ") ? why : CommonLispTests.check(line, root, asked);
    why = why.isPresent() || !line.contains("Cannot open load file") ? why : EmacsLispTests.check(line, packageDir, asked);
    why = why.isPresent() || !ScalaBuild.mayConcern(line) ? why : ScalaBuild.check(line, asked);
    why = why.isPresent() ? why : bats(line, root);
    return why.isPresent() ? why : download(line);
  }

  /**
   * wget, curl or git, as the test command itself runs them, could not resolve a host: the command downloads something
   * (no-12/minimal_arch_installer's run_tests.sh fetches shUnit2 with wget) and this machine is offline. Only the tools'
   * own words at the start of a line, and only a name that did not resolve: a test that prints "getaddrinfo ENOTFOUND",
   * or a connection refused by a local server the code should have started, may be the bug.
   */
  private static final Pattern DOWNLOAD_OFFLINE = Pattern.compile("^(?:wget: unable to resolve host address [‘'`\"]?([\\w.-]+)"
      + "|curl: \\(6\\) Could not resolve host: ([\\w.-]+)|fatal: unable to access '[^']+': Could not resolve host: ([\\w.-]+))");

  private static Optional<Why> download(String line) {
    Matcher m = DOWNLOAD_OFFLINE.matcher(line);
    if (!m.find()) {
      return Optional.empty();
    }
    String host = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    return Optional.of(new Why("it downloads from " + host + ", which cannot be reached from here (" + line + ")",
        "run it once where the network allows, so it keeps what it downloads (the attempts' worktrees get your tracked and"
            + " untracked files, but of the ignored ones only dependency folders such as node_modules, .venv or vendor: name"
            + " a download kept in another ignored folder in \"link\" in .acr/config.json, e.g. {\"link\": [\"shunit2\"]}),"
            + " or name a test command that needs no download"));
  }

  /** Mix could not load or build the project's dependencies: Hex missing, or {@code mix deps.get} never run. */
  private static Optional<Why> elixir(String line) {
    Matcher m;
    if ((m = HEX_MISSING.matcher(line)).find()) {
      return Optional.of(new Why("Hex, Elixir's package manager, is not installed, and mix needs it for the dependency :" + m.group(1),
          "install it and the dependencies (mix local.hex --force, then mix deps.get) where the network allows, or name another test command"));
    }
    if ((m = MIX_UNCHECKED.matcher(line)).find()) {
      return Optional.of(new Why("the project's dependencies are not fetched, or not the versions mix.lock names (" + m.group() + ")",
          "fetch them (mix deps.get) or name another test command"));
    }
    return Optional.empty();
  }

  /**
   * dune could not build the tests: a library they need is not installed (mirage/ocaml-base64's
   * tests need bos and rresult), or the installed dune is older than the project's dune-project
   * asks. A library the project defines itself is the agent's to fix, and stays a failure.
   */
  private static Optional<Why> ocaml(String line, Path root, String asked) {
    Matcher m;
    if ((m = DUNE_LANG.matcher(line)).find()) {
      return Optional.of(new Why("the project's dune-project asks for version " + m.group(1)
          + " of the dune language, which the installed dune does not support", "install a newer dune (opam install dune) or name another test command"));
    }
    if (!(m = DUNE_LIBRARY.matcher(line)).find()) {
      return Optional.empty();
    }
    String library = m.group(1);
    String top = library.contains(".") ? library.substring(0, library.indexOf('.')) : library;
    return DuneFiles.defineLibrary(root, top)
        ? Optional.empty()
        : CannotRun.notAsked(asked, top, new Why("the OCaml library " + library + " is not installed",
            "install it (opam install " + top + ", or your distribution's package of it) or name another test command"));
  }

  /**
   * cabal could not plan or fetch the build: a package the project depends on is neither
   * installed nor known from a package index (hspec/HUnit against Debian's GHC with Hackage
   * removed from ~/.cabal/config), or cabal tried to reach Hackage offline (its first run
   * with the default config does).
   */
  private static Optional<Why> haskell(String line, String asked) {
    Matcher m;
    if ((m = CABAL_UNKNOWN.matcher(line)).find()) {
      String pkg = m.group(1);
      return CannotRun.notAsked(asked, pkg, new Why("the Haskell package " + pkg + " is not installed, nor in a package index cabal has",
          "install it (cabal update where the network allows, or your distribution's libghc-" + pkg.toLowerCase(Locale.ROOT)
              + "-dev) or name another test command"));
    }
    if ((m = HASKELL_OFFLINE.matcher(line)).find()) {
      return Optional.of(new Why("stack could not reach " + m.group(1) + " (no network) to set up the GHC, snapshot or packages"
          + " its stack.yaml names", "run stack build --test --only-dependencies once where the network allows, or name another"
          + " test command (cabal test on your distribution's GHC)"));
    }
    if ((m = CABAL_FETCH.matcher(line)).find()) {
      return Optional.of(new Why("cabal could not reach Hackage (" + m.group() + ")", "run cabal update where the network allows,"
          + " or build from your distribution's Haskell packages (no repository in ~/.cabal/config), or name another test command"));
    }
    return Optional.empty();
  }

  /** A Lua module the project's rockspec declares (its rock's name, or the module a known rock provides) is not installed. */
  private static Optional<Why> lua(String line, Path packageDir, String asked) {
    Matcher m = LUA_MODULE.matcher(line);
    if (!m.find()) {
      return Optional.empty();
    }
    String module = m.group(1);
    String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
    String rock = ROCK_OF_MODULE.getOrDefault(top, top);
    return declaredRock(packageDir, rock)
        ? CannotRun.notAsked(asked, top, new Why("module '" + module + "' not found, from the rock " + rock
            + " that the project's rockspec depends on", "install it (luarocks install " + rock + ", or your distribution's package of it) or name another test command"))
        : Optional.empty();
  }

  /**
   * A bats helper library that is not there: one kept as a git submodule that was never checked
   * out, one installed from npm into node_modules, or one {@code bats_load_library} looks for on
   * BATS_LIB_PATH. A missing helper of the project's own is a failure to fix, and stays one.
   */
  private static Optional<Why> bats(String line, Path root) {
    Matcher m;
    if ((m = BATS_LIBRARY.matcher(line)).find()) {
      return Optional.of(new Why("the bats library " + m.group(1) + " is not installed",
          "install it (Debian's or npm's " + m.group(1) + ") and set BATS_LIB_PATH, or name another test command"));
    }
    if (!(m = BATS_LOAD.matcher(line)).find()) {
      return Optional.empty();
    }
    String path = m.group(1);
    if (path.contains("/node_modules/")) {
      return Optional.of(new Why("bats could not load " + path.substring(path.indexOf("node_modules/")) + ": not installed",
          "install the project's dependencies (npm install) or name another test command"));
    }
    for (String submodule : submodulePaths(root)) {
      if (path.contains("/" + submodule + "/")) {
        return Optional.of(new Why("bats could not load a helper from the submodule " + submodule + ", which is not checked out",
            "check it out (git submodule update --init) or name another test command"));
      }
    }
    return Optional.empty();
  }

  /** The {@code path = } entries of {@code root/.gitmodules}. */
  static List<String> submodulePaths(Path root) {
    List<String> paths = new ArrayList<>();
    Matcher m = GITMODULES_PATH.matcher(read(root.resolve(".gitmodules")));
    while (m.find()) {
      paths.add(m.group(1).replaceAll("/+$", ""));
    }
    return paths;
  }

  /**
   * Whether a rockspec in {@code dir}, its rockspecs/ folder, or a folder above names {@code rock}
   * in its (test_)dependencies: only there, as its {@code package = "inspect"} names the project's own module.
   */
  private static boolean declaredRock(Path dir, String rock) {
    Pattern named = Pattern.compile("[\"']" + Pattern.quote(rock) + "(?:[\"'\\s<>=~]|$)", Pattern.CASE_INSENSITIVE);
    for (Path d = dir; d != null; d = d.getParent()) {
      for (Path folder : List.of(d, d.resolve("rockspecs"))) {
        String spec = PackageFolder.fileEndingWith(folder, ".rockspec");
        Matcher deps = ROCKSPEC_DEPENDENCIES.matcher(spec == null ? "" : read(folder.resolve(spec)));
        while (deps.find()) {
          if (named.matcher(deps.group(1)).find()) {
            return true;
          }
        }
      }
      if (Files.exists(d.resolve(".git"))) {
        break;
      }
    }
    return false;
  }

  /** Whether {@code packageDir}'s composer.json autoloads {@code className} by a PSR-4 or PSR-0 namespace prefix. */
  private static boolean composerAutoloads(Path packageDir, String className) {
    String composer = read(packageDir.resolve("composer.json"));
    if (composer.isEmpty()) {
      return false;
    }
    try {
      com.fasterxml.jackson.databind.JsonNode autoload = VerifyDetector.Lazy.JSON.readTree(composer).path("autoload");
      for (String kind : new String[] {"psr-4", "psr-0"}) {
        for (java.util.Iterator<String> prefixes = autoload.path(kind).fieldNames(); prefixes.hasNext(); ) {
          String prefix = prefixes.next();
          if (!prefix.isEmpty() && className.startsWith(prefix)) {
            return true;
          }
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  private static String read(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file) : "";
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }
}
