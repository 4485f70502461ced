package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Elixir's, Lua's and bats' words for a test command that cannot run, as Debian 12's elixir, lua-busted and bats print them. */
class NotInstalledTest {
  @TempDir Path root;

  private Optional<CannotRun.Why> check(int exit, String... lines) {
    return CannotRun.check(exit, List.of(lines), root, root, "fix the failing test");
  }

  /** no-12/minimal_arch_installer: run_tests.sh fetches shUnit2 with wget, offline; tar and mv then fail too. */
  @Test
  void aTestScriptsOwnDownloadOfflineIsNoBugOfTheCode() {
    assertThat(check(1, "--2026-12-06 21:13:57--  https://github.com/kward/shunit2/archive/v2.1.8.tar.gz",
        "Resolving github.com (github.com)... failed: Name or service not known.",
        "wget: unable to resolve host address ‘github.com’", "gzip: stdin: unexpected end of file"))
        .hasValueSatisfying(w -> assertThat(w.problem()).startsWith("it downloads from github.com, which cannot be reached from here"));
    assertThat(check(1, "curl: (6) Could not resolve host: example.org")).hasValueSatisfying(w ->
        assertThat(w.problem()).contains("downloads from example.org"));
    assertThat(check(128, "fatal: unable to access 'https://github.com/x/y.git/': Could not resolve host: github.com"))
        .isPresent();
    // A test's own output, or a local server that did not start: the code's doing, perhaps.
    assertThat(check(1, "  FAIL  fetches the feed: getaddrinfo ENOTFOUND feeds.example")).isEmpty();
    assertThat(check(1, "curl: (7) Failed to connect to localhost port 8080: Connection refused")).isEmpty();
    assertThat(check(1, "    expected: curl: (6) Could not resolve host: nope.invalid")).isEmpty();
  }

  /** elixir-lang/gen_stage: its only dependency, ex_doc (docs only), still needs Hex to load the project. */
  @Test
  void mixWithoutHexOrWithoutFetchedDependencies() {
    assertThat(check(1, "Could not find Hex, which is needed to build dependency :ex_doc",
        "Shall I install Hex? (if running non-interactively, use \"mix local.hex --force\") [Yn] ** (Mix) Could not find an SCM for"
            + " dependency :ex_doc from GenStage.Mixfile"))
        .hasValueSatisfying(why -> {
          assertThat(why.problem()).contains("Hex", ":ex_doc");
          assertThat(why.todo()).contains("mix local.hex --force", "mix deps.get");
        });
    assertThat(check(1, "Unchecked dependencies for environment test:", "* jason (Hex package)",
        "  the dependency is not available, run \"mix deps.get\"", "** (Mix) Can't continue due to errors on dependencies"))
        .map(CannotRun.Why::todo).hasValueSatisfying(todo -> assertThat(todo).contains("mix deps.get"));
  }

  @Test
  void anExUnitFailureIsNotASetupProblem() {
    assertThat(check(2, "  1) test x (ETest)", "     Assertion with == failed", "1 test, 1 failure")).isEmpty();
    assertThat(check(1, "** (CompileError) lib/gen_stage.ex:12: undefined function foo/0")).isEmpty();
  }

  @Test
  void aLuaRockTheRockspecDeclaresMissingCountsButTheProjectsOwnModuleDoesNot() throws Exception {
    Files.createDirectories(root.resolve("rockspecs"));
    Files.writeString(root.resolve("rockspecs/inspect-3.1.3-0.rockspec"),
        "package = \"inspect\"\ndependencies = {\n  \"lua >= 5.1\",\n  \"penlight >= 1.5\",\n  \"say\"\n}\n");
    String[] penlight = {"spec/lib_spec.lua:1: module 'pl.path' not found:", "\tno field package.preload['pl.path']",
        "0 successes / 0 failures / 1 error / 0 pending : 0.0006 seconds"};
    assertThat(check(1, penlight)).map(CannotRun.Why::todo)
        .hasValueSatisfying(todo -> assertThat(todo).contains("luarocks install penlight"));
    assertThat(check(1, "spec/lib_spec.lua:2: module 'say' not found:")).isPresent();
    assertThat(check(1, "spec/inspect_spec.lua:1: module 'inspect' not found:"))
        .as("the module under repair, the rockspec's own package, missing from the tree, is for the agent").isEmpty();
    assertThat(CannotRun.check(1, List.of(penlight), root, root, "port the code from pl.path to lfs"))
        .as("the prompt names it: replacing it is the task").isEmpty();
  }

  @Test
  void aBatsHelperFromASubmoduleNotCheckedOutOrFromNpmNotInstalled() throws Exception {
    Files.writeString(root.resolve(".gitmodules"),
        "[submodule \"test/test_helper/bats-support\"]\n\tpath = test/test_helper/bats-support\n\turl = https://example.invalid/bats-support.git\n");
    assertThat(check(1, "1..1", "not ok 1 setup_file failed",
        "# bats_load_safe: Could not find '/tmp/acr-wt/test/test_helper/bats-support/load'[.bash]"))
        .map(CannotRun.Why::todo).hasValueSatisfying(todo -> assertThat(todo).contains("git submodule update --init"));
    assertThat(check(1, "# bats_load_safe: Could not find '/x/node_modules/bats-assert/load'[.bash]"))
        .map(CannotRun.Why::todo).hasValueSatisfying(todo -> assertThat(todo).contains("npm install"));
    assertThat(check(1, "bats_load_library: Could not find library 'bats-support' relative to test file or in BATS_LIB_PATH"))
        .map(CannotRun.Why::problem).contains("the bats library bats-support is not installed");
    assertThat(check(1, "# bats_load_safe: Could not find '/tmp/acr-wt/test/helpers/fixtures'[.bash]"))
        .as("the project's own helper: a failure to fix").isEmpty();
  }

  /** mirage/ocaml-base64 before Debian's libbos-ocaml-dev: its tests need bos; base64.rfc2045 is its own. */
  @Test
  void aDuneLibraryNotInstalledCountsButOneTheProjectDefinesDoesNot() throws Exception {
    Files.createDirectories(root.resolve("src/rfc2045"));
    Files.writeString(root.resolve("src/dune"), "(library\n (name base64)\n (public_name base64))\n");
    Files.writeString(root.resolve("src/rfc2045/dune"), "(library\n (name base64_rfc2045)\n (public_name base64.rfc2045))\n");
    Files.createDirectories(root.resolve("_build/default/vendor"));
    Files.writeString(root.resolve("_build/default/vendor/dune"), "(library (name bos))\n");
    assertThat(check(1, "File \"test/dune\", line 4, characters 51-54:", "4 |  (libraries base64 base64.rfc2045 rresult alcotest bos))",
        "Error: Library \"bos\" not found.", "Hint: try:", "  dune external-lib-deps --missing @runtest"))
        .hasValueSatisfying(why -> {
          assertThat(why.problem()).isEqualTo("the OCaml library bos is not installed");
          assertThat(why.todo()).contains("opam install bos");
        });
    assertThat(check(1, "Error: Library \"base64.rfc2045\" not found.")).as("the project's own library").isEmpty();
    assertThat(check(1, "Error: Version 3.0 of the dune language is not supported.")).map(CannotRun.Why::todo)
        .hasValueSatisfying(todo -> assertThat(todo).contains("newer dune"));
  }

  /** cabal-install 3.4 with Debian's GHC 9.0: a dependency no index knows, and Hackage unreachable. */
  @Test
  void cabalMissingAPackageOrReachingForHackageOffline() {
    assertThat(check(1, "Resolving dependencies...", "cabal: Could not resolve dependencies:", "[__0] trying: hsx-0.1 (user goal)",
        "[__1] unknown package: call-stack (dependency of HUnit)", "[__1] fail (backjumping, conflict set: call-stack, hsx)"))
        .hasValueSatisfying(why -> {
          assertThat(why.problem()).startsWith("the Haskell package call-stack is not installed");
          assertThat(why.todo()).contains("libghc-call-stack-dev");
        });
    assertThat(check(1, "Warning: No mirrors found for http://hackage.haskell.org/",
        "dieVerbatim: user error (cabal: '/usr/bin/curl' exited with an error:", "curl: (6) Could not resolve host: hackage.haskell.org", ")"))
        .map(CannotRun.Why::todo).hasValueSatisfying(todo -> assertThat(todo).contains("cabal update"));
    assertThat(check(1, "Test suite tests: FAIL", "0 of 1 test suites (0 of 1 test cases) passed.",
        "cabal: Tests failed for test:tests from HUnit-1.6.2.0.")).as("a failing test suite").isEmpty();
  }

  /** haskell-stack 2.7.5 offline, fetching a Stackage snapshot (lts-20.26) or a GHC it does not have (ghc-9.2.8). */
  @Test
  void stackOfflineCannotSetUpTheProject() {
    assertThat(check(1, "Exception while reading snapshot from https://raw.githubusercontent.com/commercialhaskell/stackage-snapshots/master/lts/20/26.yaml:",
        "HttpExceptionRequest Request {", "  host                 = \"raw.githubusercontent.com\"", "}",
        " (ConnectionFailure Network.Socket.getAddrInfo (called with preferred socket type/protocol: AddrInfo {addrFlags = [],"
            + " addrFamily = AF_UNSPEC, addrSocketType = Stream, addrProtocol = 0, addrAddress = 0.0.0.0:0, addrCanonName = Nothing},"
            + " host name: Just \"raw.githubusercontent.com\", service name: Just \"443\"): does not exist (Name or service not known))"))
        .hasValueSatisfying(why -> {
          assertThat(why.problem()).startsWith("stack could not reach raw.githubusercontent.com (no network)");
          assertThat(why.todo()).contains("stack build --test --only-dependencies");
        });
    assertThat(check(127, "/bin/sh: 1: stack: not found")).map(CannotRun.Why::todo)
        .hasValueSatisfying(todo -> assertThat(todo).contains("haskell-stack"));
  }

  @Test
  void aMissingRunnerSaysWhichPackageBringsIt() {
    assertThat(check(2, "busted", "make: busted: No such file or directory", "make: *** [Makefile:19: test] Error 127"))
        .map(CannotRun.Why::todo).hasValueSatisfying(todo -> assertThat(todo).contains("lua-busted"));
    assertThat(check(127, "/bin/sh: 1: bats: not found")).map(CannotRun.Why::todo)
        .hasValueSatisfying(todo -> assertThat(todo).contains("npm install -g bats"));
    assertThat(check(127, "/bin/sh: 1: bundle: not found")).map(CannotRun.Why::todo)
        .hasValueSatisfying(todo -> assertThat(todo).contains("ruby-bundler", "bundle install"));
  }

  /** michelf/php-markdown under Debian's phpunit: all 110 tests "Class ... not found", as no autoloader was ever generated. */
  @Test
  void aPhpClassComposerAutoloadsIsMissingWithoutVendor() throws Exception {
    String line = "Error: Class \"Michelf\\MarkdownExtra\" not found";
    assertThat(check(2, "ERRORS!", line, "Tests: 110, Assertions: 0, Errors: 110.")).as("no composer.json").isEmpty();
    java.nio.file.Files.writeString(root.resolve("composer.json"), "{\"autoload\": {\"psr-4\": {\"Michelf\\\\\": \"Michelf/\"}}}\n");
    assertThat(check(2, line)).map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("composer install"));
    assertThat(check(2, "Error: Class \"Other\\Thing\" not found")).as("not a namespace the project autoloads").isEmpty();
    assertThat(CannotRun.check(2, List.of(line), root, root, "add the MarkdownExtra class")).as("the class to write").isEmpty();
    java.nio.file.Files.createDirectories(root.resolve("vendor"));
    java.nio.file.Files.writeString(root.resolve("vendor/autoload.php"), "<?php\n");
    assertThat(check(2, line)).as("installed: a class the code under repair lacks").isEmpty();
  }

  /** helium/erlang-ubx offline: rebar3 could not fetch its git dependency, and the baseline read exit 1 as failing tests. */
  @Test
  void rebar3UnableToFetchADependencyStopsTheRun() {
    assertThat(check(1, "===> Verifying dependencies...", "===> Fetching erlang_ale (from {git,\"https://github.com/helium/erlang_ale\",",
        "\u001b[0;31m===> \u001b[1mFailed to fetch and copy dep: {git,\"https://github.com/helium/erlang_ale\",",
        "                                  {ref,")).map(CannotRun.Why::problem)
        .contains("rebar3 could not fetch the dependency https://github.com/helium/erlang_ale that rebar.config names");
    assertThat(check(1, "===> Package not found in any repo: jsx 3.1.0")).isPresent();
    assertThat(check(1, "  Failed to fetch and copy dep: a test's own words")).isEmpty();
    // Only a warning: rebar3 goes on from its cached registry, and these tests ran and failed (review19).
    assertThat(check(1, "===> Failed to update package jsx from repo hexpm", "===> Performing EUnit tests...",
        "  1) parser_tests:empty_test/0", "Finished in 0.108 seconds", "3 tests, 1 failures")).isEmpty();
  }
}
