package dev.acr.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What installs a program a test command needs: the words after "not found" in acr's message. */
final class InstallHints {
  private InstallHints() {}

  /**
   * A virtual environment's interpreter or tool ({@code /root/.virtualenvs/colorama/bin/python}, {@code .venv/bin/pip}): the
   * environment is what is missing. A folder named for one, not {@code /usr/bin/python3}.
   */
  private static final Pattern VENV_PYTHON =
      Pattern.compile("^(.*(?:venv|virtualenv|(?:^|/|\\.)env)[^/]*(?:/[^/]+)?)/bin/(?:python[0-9.]*|pip[0-9.]*|pytest)$");

  /**
   * What installs a missing program: a path into a dependency folder (composer's vendor/bin,
   * npm's node_modules/.bin), or a runner the package.json where the command runs depends on,
   * comes from installing the project's dependencies, not the program.
   */
  static String of(String program, Path packageDir) {
    Matcher venv = VENV_PYTHON.matcher(program);
    if (venv.matches()) {
      // tartley/colorama's make test runs $(virtualenv)/bin/python: "install /root/.virtualenvs/colorama/bin/python" said nothing useful.
      return "create the virtual environment " + venv.group(1) + " the command expects (python3 -m venv " + venv.group(1)
          + ", then install the project's dependencies into it; a Makefile may have a target for it)";
    }
    for (String[] tool : new String[][] {{"vendor/bin/", "composer install"}, {"node_modules/.bin/", "npm install"}}) {
      int at = program.indexOf(tool[0]);
      if (at >= 0) {
        String folder = at == 0 ? "." : program.substring(0, at - 1);
        return "install the dependencies that provide it (" + tool[1] + " in " + folder + ")";
      }
    }
    Optional<String> node = packageDir == null ? Optional.empty() : elmTool(program, packageDir).or(() -> nodeDependency(program, packageDir));
    if (node.isPresent()) {
      return node.get();
    }
    String how = RUNNER_PACKAGES.get(program);
    if (program.equals("dotnet") && packageDir != null) {
      // dotnet reads global.json from where it runs up the tree; most projects have none, and then any recent SDK does.
      String sdk = how;
      how = globalJson(packageDir).map(g -> sdk.replace("the .NET SDK", "the .NET SDK of the version " + g + " names")).orElse(sdk);
    }
    return "install " + program + (how == null ? "" : " (" + how + ")");
  }

  /**
   * A tool elm-tooling.json pins ({@code "tools": {"elm-test-rs": "3.0.0"}}), which npm's elm-tooling installs into
   * node_modules/.bin from GitHub: elm-community/list-extra's npm test after a postinstall that could not reach GitHub said
   * "install elm-test-rs", a program of no package of that name.
   */
  private static Optional<String> elmTool(String program, Path packageDir) {
    Path file = packageDir.resolve("elm-tooling.json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode version = VerifyDetector.Lazy.JSON.readTree(file.toFile()).path("tools").path(program);
      return version.isTextual() ? Optional.of("install it with elm-tooling (npx elm-tooling install, which npm install runs;"
          + " it downloads " + program + " " + version.asText() + ", which elm-tooling.json pins, from GitHub)") : Optional.empty();
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  /** The global.json from {@code dir} up to the repository's top, as {@code dir} sees it ({@code global.json}, {@code ../global.json}). */
  private static Optional<String> globalJson(Path dir) {
    Path start = dir.toAbsolutePath().normalize();
    for (Path d = start; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("global.json"))) {
        return Optional.of(start.relativize(d.resolve("global.json")).toString());
      }
      if (Files.exists(d.resolve(".git"))) {
        break;
      }
    }
    return Optional.empty();
  }

  /**
   * Programs of toolchains and systems, not of a Node package: a missing one wants its toolchain, not npm
   * install (a Go repository's docs/package.json declaring prettier made "dotnet: not found" say npm install).
   */
  private static final Set<String> TOOLCHAINS = Set.of("node", "bun", "deno", "dotnet", "cargo", "rustc", "rustup", "go", "gofmt",
      "ruby", "gem", "rake", "rspec", "python", "python3", "pip", "pip3", "pytest", "tox", "nox", "poetry", "uv", "hatch", "pdm",
      "java", "javac", "mvn", "gradle", "ant", "cmake", "ctest", "gcc", "cc", "clang", "perl", "prove", "php", "composer",
      "phpunit", "elixir", "erl", "rebar3", "ghc", "cabal", "sh", "bash", "docker", "git", "xvfb-run");

  /** Whether {@code program} is a toolchain's or a system's, which no Node package provides (the hints above know it). */
  static boolean toolchain(String program) {
    return TOOLCHAINS.contains(program) || RUNNER_PACKAGES.containsKey(program);
  }

  /** Test runners whose package is not named after them, or not installed the usual way of their language. */
  private static final Map<String, String> RUNNER_PACKAGES = Map.ofEntries(
      // Node's other package managers: corepack (with Node 16.9+) provides them when enabled.
      Map.entry("pnpm", "npm install -g pnpm, or corepack enable pnpm"),
      Map.entry("yarn", "npm install -g yarn, or corepack enable yarn"),
      Map.entry("busted", "luarocks install busted, or Debian's lua-busted"),
      Map.entry("lua", "Debian's lua5.4, or the Lua the project names"),
      Map.entry("bats", "Debian's bats, or npm install -g bats"),
      // A Rails app's bundle exec rspec without Ruby (rails4/mostly_static_pages_5.0): "install bundle" named no package.
      Map.entry("bundle", "Bundler, with Ruby: Debian's ruby-bundler, or gem install bundler; then bundle install"),
      Map.entry("mix", "it comes with Elixir: Debian's elixir"),
      Map.entry("stack", "Debian's haskell-stack, or GHCup"),
      Map.entry("lein", "Debian's leiningen"),
      Map.entry("nimble", "it comes with Nim: Debian's nim"),
      Map.entry("dub", "Debian's dub, with a D compiler: Debian's ldc"),
      Map.entry("tclsh", "Debian's tcl"),
      Map.entry("raku", "Rakudo: Debian's rakudo"),
      Map.entry("emacs", "Debian's emacs-nox"),
      Map.entry("eldev", "Emacs Lisp's Eldev: its webinstall script or MELPA's eldev package; not in Debian"),
      Map.entry("eask", "npm install -g @emacs-eask/cli"),
      Map.entry("cask", "Emacs Lisp's Cask: its install script or MELPA's cask package; not in Debian"),
      Map.entry("ant", "Debian's ant, with ant-optional for its junit task"),
      Map.entry("crystal", "Debian's crystal"),
      Map.entry("octave-cli", "it comes with GNU Octave: Debian's octave"),
      Map.entry("shards", "crystal-lang.org's install of Crystal brings it; Debian's crystal does not"),
      Map.entry("raco", "it comes with Racket: Debian's racket"),
      Map.entry("racket", "Debian's racket"),
      Map.entry("swipl", "SWI-Prolog: Debian's swi-prolog-nox"),
      Map.entry("poly", "Poly/ML: Debian's polyml"),
      Map.entry("gforth", "Gforth: Debian's gforth"),
      Map.entry("iverilog", "Icarus Verilog: Debian's iverilog"),
      Map.entry("vvp", "Icarus Verilog: Debian's iverilog"),
      Map.entry("ghdl", "GHDL: Debian's ghdl"),
      Map.entry("verilator", "Verilator: Debian's verilator"),
      Map.entry("guile", "GNU Guile: Debian's guile-3.0"),
      Map.entry("scheme", "Chez Scheme: Debian's chezscheme (Homebrew's chezscheme names it chez)"),
      Map.entry("sbcl", "Steel Bank Common Lisp: Debian's sbcl"),
      Map.entry("deno", "npm install -g deno, or see deno.com"),
      Map.entry("haxe", "Debian's haxe"),
      Map.entry("neko", "Debian's neko (it comes with Debian's haxe)"),
      Map.entry("chicken-install", "CHICKEN 5: Debian's chicken-bin"),
      Map.entry("csi", "CHICKEN 5: Debian's chicken-bin"),
      Map.entry("coq_makefile", "it comes with Coq: Debian's coq"),
      Map.entry("coqc", "Debian's coq"),
      // Not in Debian 12 either; the words of each project's own install page.
      Map.entry("swift", "not in Debian 12: swift.org's toolchain for Linux, or swiftly"),
      Map.entry("dart", "not in Debian 12: the Dart SDK from dart.dev (Google's apt repository), or Flutter's SDK, which brings it"),
      Map.entry("flutter", "not in Debian 12: the Flutter SDK from flutter.dev (it brings dart)"),
      Map.entry("zig", "not in Debian 12: a release archive from ziglang.org, of the version the project's build.zig is written for"),
      Map.entry("julia", "not in Debian 12: juliaup (julialang.org), or a release archive"),
      // Not in Debian: the sbt script with its launcher (scala-sbt.org's download, or coursier's cs install sbt); it fetches
      // the sbt version the build names, and the build's libraries, from Maven Central on first use.
      Map.entry("sbt", "not in Debian: scala-sbt.org's sbt package, cs setup (coursier) or SDKMAN's sdk install sbt; with a JDK"),
      Map.entry("fpm", "the Fortran Package Manager: pip install fpm, or conda's fpm; Debian 12 has no package of it"),
      Map.entry("meson", "with ninja: apt-get install meson ninja-build"),
      Map.entry("ninja", "apt-get install ninja-build"),
      Map.entry("autoreconf", "with automake and libtool: apt-get install autoconf automake libtool"),
      Map.entry("make", "apt-get install make"),
      Map.entry("dotnet", "the .NET SDK: Microsoft's packages (dotnet-sdk-8.0 from"
          + " packages.microsoft.com) or its dotnet-install script; Debian 12 has none"),
      Map.entry("gprbuild", "with GNAT, Ada's compiler: apt-get install gprbuild gnat"));

  /**
   * TheAlgorithms/JavaScript's {@code npm test} runs vitest, a devDependency, before anyone ran npm
   * install: "install vitest" sent the user after one package when the project's were all missing.
   */
  private static Optional<String> nodeDependency(String program, Path packageDir) {
    for (Path d = packageDir; d != null; d = d.getParent()) {
      JsonNode json = NodeManifest.read(d);
      if (json != null) {
        java.util.Set<String> names = NodeManifest.dependencyNames(json);
        boolean declared = names.contains(program) || (program.equals("tsc") && names.contains("typescript"));
        String install = NodeManifest.install(d, json) + (d.equals(packageDir) ? "" : " in " + d);
        if (declared && !Files.isExecutable(d.resolve("node_modules/.bin/" + program))) {
          return Optional.of("install the project's dependencies (" + install + "; "
              + program + " is among the package.json's dependencies" + (Files.isDirectory(d.resolve("node_modules"))
                  ? ")" : ", and there is no node_modules yet)"));
        }
        // sindresorhus/type-fest's run-p comes from npm-run-all2: a program of a dependency is named after none of them.
        // Only a program a script names, and no toolchain's: a Go repository's docs package.json is not why dotnet is missing.
        if (!names.isEmpty() && NodeManifest.uninstalled(packageDir) && !toolchain(program) && namedInScripts(json, program)) {
          return Optional.of("install the project's dependencies (" + install + "; the package.json declares " + names.size()
              + " and there is no node_modules yet: " + program + " is likely one of their programs)");
        }
      }
      if (Files.exists(d.resolve(".git"))) {
        break;
      }
    }
    return Optional.empty();
  }

  private static final Pattern SHELL_WORDS = Pattern.compile("[\\s;&|()'\"]+");

  /** Whether a script of {@code json} (a package.json) runs {@code program}: one of its words, split as a shell would roughly. */
  private static boolean namedInScripts(JsonNode json, String program) {
    for (JsonNode script : json.path("scripts")) {
      if (java.util.Arrays.asList(SHELL_WORDS.split(script.asText(""))).contains(program)) {
        return true;
      }
    }
    return false;
  }
}
