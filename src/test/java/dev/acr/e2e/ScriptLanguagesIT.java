package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.acr.testing.Toolchains;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged launcher on the shapes of the Lua, shell, OCaml, Haskell and Elixir repositories
 * of docs/real-repos.md (kikito/inspect.lua, lunarmodules/luacheck, rbenv/rbenv,
 * mirage/ocaml-base64, hspec/HUnit, a mix project with a fetched dependency): the test command
 * found from the runner's own files, an uncommitted bug fixed by a stand-in agent after a
 * breaker, the user's untracked file left alone, and a test command that cannot run stopping
 * before any agent. Each test skips, naming what to install, where its runner is not on PATH;
 * busted, bats and tcl are small Debian packages that .ci/run installs, so in CI (ACR_REQUIRE_TOOLS=1)
 * their tests fail instead of skipping. Elixir, OCaml and GHC are hundreds of megabytes each: CI
 * leaves them out and those tests skip there. So are Erlang's rebar3 and R's testthat
 * (talentdeficit/jsx, gaborcsardi/praise), whose tests skip without them; CMake and a C compiler
 * (jarro2783/cxxopts) come with the machine. Nim, D and Leiningen (treeform/jsony, jmdavis/dxml,
 * weavejester/medley) are not installed in CI either: their tests skip there. Tcl (bef/qmon),
 * Crystal and Racket (crystal-community/toml.cr, samth/fancy-app) are: .ci/run installs them, and
 * SWI-Prolog (GeoffChurch/subsumes and anti_unify) and gfortran (fortran-lang/test-drive) too.
 */
class ScriptLanguagesIT extends StandInTrials {

  /** The shape of kikito/inspect.lua without its Makefile: a module at the top, busted specs under spec/. */
  @Test
  void aLuaModuleWithBustedSpecs() throws Exception {
    Toolchains.require("aLuaModuleWithBustedSpecs", Toolchains.BUSTED);
    write("calc.lua", "local calc = {}\nfunction calc.add(a, b) return a + b end\nreturn calc\n");
    write("spec/calc_spec.lua", "local calc = require('calc')\n"
        + "describe('calc', function()\n  it('adds', function() assert.are.equal(5, calc.add(2, 3)) end)\nend)\n");
    commitThenBreak("calc.lua", "a + b", "a - b", "a * b");
    breakerThenFixerVerifies("lua", "busted\\s+\\(detected: spec/\\*_spec\\.lua\\)", "calc.lua", "return a + b");
  }

  /** lunarmodules/luacheck without argparse: a rock its rockspec depends on is not installed. */
  @Test
  void aLuaRockTheRockspecNeedsMissingStopsBeforeAnyAgent() throws Exception {
    Toolchains.require("aLuaRockTheRockspecNeedsMissingStopsBeforeAnyAgent", Toolchains.BUSTED);
    write("calc-dev-1.rockspec", "package = 'calc'\ndependencies = {\n  'lua >= 5.1',\n  'acr-no-such-rock >= 0.6.0',\n}\n");
    write("calc.lua", "local dep = require('acr-no-such-rock')\nreturn {}\n");
    write("spec/calc_spec.lua", "local calc = require('calc')\ndescribe('calc', function() it('loads', function() end) end)\n");
    commitThenBreak("calc.lua", "return {}", "return {1}", "return {2}");
    stopsBeforeAnyAgent("cannot run: module 'acr-no-such-rock' not found", "luarocks install acr-no-such-rock");
    assertThat(fx.git("status", "--porcelain")).isEqualTo(" M calc.lua\n?? NOTES.md\n");
  }

  /** The shape of rbenv/rbenv: extensionless scripts under libexec/, bats tests under test/, a Makefile without a test target. */
  @Test
  void aShellProjectWithBatsTests() throws Exception {
    Toolchains.require("aShellProjectWithBatsTests", Toolchains.BATS);
    write("Makefile", "man: greet.1\n");
    write("libexec/greet", "#!/usr/bin/env bash\necho \"hello, ${1:-world}\"\n");
    fx.repo.resolve("libexec/greet").toFile().setExecutable(true);
    write("test/greet.bats", "@test 'greets the world' {\n  run libexec/greet\n  [ \"$output\" = 'hello, world' ]\n}\n"
        + "@test 'greets by name' {\n  run libexec/greet ann\n  [ \"$output\" = 'hello, ann' ]\n}\n");
    write("test/test_helper.bash", "export LANG=C\n");
    commitThenBreak("libexec/greet", "hello,", "hallo,", "bye,");
    breakerThenFixerVerifies("shell", "bats test\\s+\\(detected: test/\\*\\.bats\\)", "libexec/greet", "echo \"hello, ");
  }

  /**
   * A mix project whose dependency {@code mix deps.get} fetched into deps/ (from a local git
   * repository: Hex is not needed): the attempts' worktrees get it, as they get node_modules.
   */
  @Test
  void anElixirProjectWithAFetchedDependency() throws Exception {
    assumeTrue(Fixtures.onPath("mix"), "mix is needed: install Debian's elixir");
    Path dep = Files.createDirectories(tmp.resolve("greeting"));
    Files.createDirectories(dep.resolve("lib"));
    Files.writeString(dep.resolve("mix.exs"), "defmodule Greeting.MixProject do\n  use Mix.Project\n"
        + "  def project, do: [app: :greeting, version: \"0.1.0\", deps: []]\nend\n");
    Files.writeString(dep.resolve("lib/greeting.ex"), "defmodule Greeting do\n  def word, do: \"hello\"\nend\n");
    for (List<String> git : List.of(List.of("init", "-q"), List.of("add", "-A"),
        List.of("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "dep"))) {
      List<String> cmd = new ArrayList<>(List.of("git", "-C", dep.toString()));
      cmd.addAll(git);
      assertThat(new ProcessBuilder(cmd).inheritIO().start().waitFor()).isZero();
    }
    write("mix.exs", "defmodule App.MixProject do\n  use Mix.Project\n"
        + "  def project, do: [app: :app, version: \"0.1.0\", deps: [{:greeting, git: \"" + dep + "\"}]]\nend\n");
    write(".gitignore", "/_build/\n/deps/\n");
    write("lib/app.ex", "defmodule App do\n  def greet(name), do: Greeting.word() <> \", \" <> name\nend\n");
    write("test/test_helper.exs", "ExUnit.start()\n");
    write("test/app_test.exs", "defmodule AppTest do\n  use ExUnit.Case\n"
        + "  test \"greets\", do: assert App.greet(\"ann\") == \"hello, ann\"\nend\n");
    Process get = new ProcessBuilder("mix", "deps.get").directory(fx.repo.toFile()).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("deps-get.txt").toFile()).start();
    assertThat(get.waitFor(120, TimeUnit.SECONDS) && get.exitValue() == 0).as(Files.readString(tmp.resolve("deps-get.txt"))).isTrue();
    commitThenBreak("lib/app.ex", "\", \"", "\" \"", "\"; \"");
    breakerThenFixerVerifies("elixir", "mix test\\s+\\(detected: mix\\.exs\\)", "lib/app.ex", "<> \", \" <>");
  }

  /** The shape of mirage/ocaml-base64 with a plain dune test instead of Alcotest: a library under src/, its test under test/. */
  @Test
  void anOcamlProjectWithDuneTests() throws Exception {
    assumeTrue(Fixtures.onPath("dune") && Fixtures.onPath("ocamlfind"), "dune and ocamlfind are needed: install Debian's ocaml-dune and ocaml-findlib");
    write("dune-project", "(lang dune 2.3)\n");
    write(".gitignore", "_build\n");
    write("src/dune", "(library (name calc))\n");
    write("src/calc.ml", "let add a b = a + b\n");
    write("test/dune", "(test (name test_calc) (libraries calc))\n");
    write("test/test_calc.ml", "let () = assert (Calc.add 2 3 = 5)\n");
    commitThenBreak("src/calc.ml", "a + b", "a - b", "a * b");
    breakerThenFixerVerifies("ocaml", "dune runtest\\s+\\(detected: dune-project\\)", "src/calc.ml", "a + b");
  }

  /**
   * The shape of hspec/HUnit: a cabal package with an exitcode-stdio test suite, built from the
   * GHC's own packages. An empty ~/.cabal/config names no package index, as with Debian's GHC
   * offline: cabal's default config would reach for Hackage, and the run would stop (exit 2).
   */
  @Test
  void aHaskellPackageWithACabalTestSuite() throws Exception {
    assumeTrue(Fixtures.onPath("cabal") && Fixtures.onPath("ghc"), "cabal and ghc are needed: install Debian's cabal-install and ghc");
    Files.createDirectories(fx.home.resolve(".cabal"));
    Files.writeString(fx.home.resolve(".cabal/config"), "");
    write("calc.cabal", "cabal-version: 2.4\nname: calc\nversion: 0.1\n"
        + "library\n  hs-source-dirs: src\n  exposed-modules: Calc\n  build-depends: base\n  default-language: Haskell2010\n"
        + "test-suite tests\n  type: exitcode-stdio-1.0\n  hs-source-dirs: test\n  main-is: Main.hs\n"
        + "  build-depends: base, calc\n  default-language: Haskell2010\n");
    write(".gitignore", "dist-newstyle/\n");
    write("src/Calc.hs", "module Calc (add) where\nadd :: Int -> Int -> Int\nadd a b = a + b\n");
    write("test/Main.hs", "import Calc (add)\nimport System.Exit (exitFailure)\n"
        + "main :: IO ()\nmain = if add 2 3 == 5 then putStrLn \"ok\" else exitFailure\n");
    commitThenBreak("src/Calc.hs", "a + b", "a - b", "a * b");
    breakerThenFixerVerifies("haskell", "cabal test\\s+\\(detected: calc\\.cabal\\)", "src/Calc.hs", "add a b = a + b");
  }

  /** The shape of jarro2783/cxxopts in C: enable_testing() and an add_test in the root's CMakeLists.txt. */
  @Test
  void aCMakeProjectWithCTest() throws Exception {
    assumeTrue(Fixtures.onPath("cmake") && Fixtures.onPath("cc"), "cmake and a C compiler are needed: install Debian's cmake and gcc");
    write("CMakeLists.txt", "cmake_minimum_required(VERSION 3.13)\nproject(calc C)\nenable_testing()\n"
        + "add_executable(test_calc test_calc.c calc.c)\nadd_test(NAME calc COMMAND test_calc)\n");
    write(".gitignore", "build/\n");
    write("calc.c", "int add(int a, int b) { return a + b; }\n");
    write("test_calc.c", "#include <stdio.h>\nint add(int, int);\n"
        + "int main(void) { if (add(2, 3) != 5) { puts(\"add is wrong\"); return 1; } return 0; }\n");
    commitThenBreak("calc.c", "a + b", "a - b", "a * b");
    breakerThenFixerVerifies("c", "cmake -S \\. -B build && cmake --build build && ctest --test-dir build --output-on-failure"
        + "\\s+\\(detected: CMakeLists\\.txt \\(enable_testing\\)\\)", "calc.c", "return a + b;");
  }

  /** fortran-lang/test-drive's way in small: CMake with CTest over a Fortran test program, an fpm.toml beside it. */
  @Test
  void aFortranProjectWithCMakeAndCTest() throws Exception {
    Toolchains.require("aFortranProjectWithCMakeAndCTest", Toolchains.CMAKE, Toolchains.GFORTRAN);
    write("CMakeLists.txt", "cmake_minimum_required(VERSION 3.13)\nproject(calc LANGUAGES Fortran)\ninclude(CTest)\n"
        + "add_executable(test_calc test/test_calc.f90 src/calc.f90)\nadd_test(NAME calc COMMAND test_calc)\n");
    write("fpm.toml", "name = \"calc\"\n");
    write(".gitignore", "build/\n");
    write("src/calc.f90", "module calc\ncontains\ninteger function add(a, b)\ninteger, intent(in) :: a, b\nadd = a + b\n"
        + "end function add\nend module calc\n");
    write("test/test_calc.f90", "program test_calc\nuse calc, only: add\nif (add(2, 3) /= 5) error stop \"add is wrong\"\nend program\n");
    commitThenBreak("src/calc.f90", "a + b", "a - b", "a * b");
    breakerThenFixerVerifies("fortran", "cmake -S \\. -B build && cmake --build build && ctest --test-dir build --output-on-failure"
        + "\\s+\\(detected: CMakeLists\\.txt \\(enable_testing\\)\\)", "src/calc.f90", "add = a + b");
  }

  /** The shape of talentdeficit/jsx: rebar.config, EUnit tests inside the module. */
  @Test
  void anErlangProjectWithEunitTests() throws Exception {
    assumeTrue(Fixtures.onPath("rebar3"), "rebar3 is needed: install Debian's rebar3");
    write("rebar.config", "{erl_opts, [debug_info]}.\n");
    write(".gitignore", "_build/\n");
    write("src/calc.app.src", "{application, calc, [{vsn, \"0.1.0\"}, {applications, [kernel, stdlib]}]}.\n");
    write("src/calc.erl", "-module(calc).\n-export([add/2]).\n\nadd(A, B) -> A + B.\n\n-ifdef(TEST).\n"
        + "-include_lib(\"eunit/include/eunit.hrl\").\nadd_test() -> ?assertEqual(5, add(2, 3)).\n-endif.\n");
    commitThenBreak("src/calc.erl", "A + B", "A - B", "A * B");
    breakerThenFixerVerifies("erlang", "rebar3 eunit\\s+\\(detected: rebar\\.config\\)", "src/calc.erl", "add(A, B) -> A + B.");
  }

  /** The shape of gaborcsardi/praise: an R package's DESCRIPTION, R/ and tests/testthat. */
  @Test
  void anRPackageWithTestthat() throws Exception {
    assumeTrue(Fixtures.onPath("Rscript") && Files.isDirectory(Path.of("/usr/lib/R/site-library/testthat")),
        "R and testthat are needed: install Debian's r-cran-testthat");
    write("DESCRIPTION", "Package: calc\nVersion: 0.1.0\nTitle: Adds\nDescription: Adds numbers.\nLicense: MIT\n"
        + "Suggests: testthat\n");
    write("NAMESPACE", "export(add)\n");
    write("R/calc.R", "add <- function(a, b) a + b\n");
    write("tests/testthat.R", "library(testthat)\nlibrary(calc)\ntest_check(\"calc\")\n");
    write("tests/testthat/test-calc.R", "test_that(\"adds\", {\n  expect_equal(add(2, 3), 5)\n})\n");
    commitThenBreak("R/calc.R", "a + b", "a - b", "a * b");
    breakerThenFixerVerifies("r", "Rscript -e 'testthat::test_local\\(\\)'\\s+\\(detected: tests/testthat\\)", "R/calc.R",
        "function(a, b) a + b");
  }

  /**
   * The shape of bef/qmon: a package under lib/, tcltest files without cleanupTests under tests/,
   * and a driver that forwards its arguments. tcltest exits 0 when tests fail: the breaker must
   * still fail.
   */
  @Test
  void aTclProjectWithTcltest() throws Exception {
    assumeTrue(Fixtures.onPath("tclsh"), "tclsh is needed: install Debian's tcl");
    write("lib/calc.tcl", "package provide calc 0.1\nproc ::add {a b} { expr {$a + $b} }\n");
    write("tests/calc.test", "package require tcltest 2\nnamespace import ::tcltest::test\n"
        + "source [file join [file dirname [file normalize [info script]]] .. lib calc.tcl]\n"
        + "test add-1 \"adds\" -body { add 2 3 } -result 5\ntest add-2 \"adds zero\" -body { add 0 3 } -result 3\n");
    write("tests/all.tcl", "package require tcltest\n::tcltest::configure -testdir [file dirname [file normalize [info script]]]"
        + " {*}$::argv\n::tcltest::runAllTests\n");
    commitThenBreak("lib/calc.tcl", "$a + $b", "$a - $b", "$a * $b");
    breakerThenFixerVerifies("tcl", "tclsh tests/all\\.tcl -singleproc 1\\s+\\(detected: tests/all\\.tcl \\(tcltest\\)\\)",
        "lib/calc.tcl", "expr {$a + $b}");
  }

  /** A Tcl package the tests require that is not installed: tcltest exits 0, yet the run stops before any agent. */
  @Test
  void aTclPackageTheTestsNeedMissingStopsBeforeAnyAgent() throws Exception {
    assumeTrue(Fixtures.onPath("tclsh"), "tclsh is needed: install Debian's tcl");
    write("lib/calc.tcl", "package require acr_no_such_package\nproc ::add {a b} { expr {$a + $b} }\n");
    write("tests/calc.test", "package require tcltest 2\nnamespace import ::tcltest::test\n"
        + "source [file join [file dirname [file normalize [info script]]] .. lib calc.tcl]\n"
        + "test add-1 \"adds\" -body { add 2 3 } -result 5\n::tcltest::cleanupTests\n");
    write("tests/all.tcl", "package require tcltest\nnamespace import tcltest::*\n"
        + "configure -testdir [file dirname [file normalize [info script]]]\nrunAllTests\n");
    commitThenBreak("lib/calc.tcl", "$a + $b", "$a - $b", "$a * $b");
    stopsBeforeAnyAgent("cannot run: the Tcl package acr_no_such_package is not installed");
    assertThat(fx.git("status", "--porcelain")).isEqualTo(" M lib/calc.tcl\n?? NOTES.md\n");
  }

  /** The shape of treeform/jsony: a .nimble file, the module under src/, a tests/t*.nim with Nim's unittest. */
  @Test
  void aNimPackageWithNimbleTests() throws Exception {
    assumeTrue(Fixtures.onPath("nimble") && Fixtures.onPath("nim"), "nim and nimble are needed: install Debian's nim");
    write("calc.nimble", "version = \"0.1.0\"\nauthor = \"t\"\ndescription = \"adds\"\nlicense = \"MIT\"\nsrcDir = \"src\"\n");
    write(".gitignore", "/tests/tcalc\n");
    write("src/calc.nim", "proc add*(a, b: int): int = a + b\n");
    write("tests/config.nims", "switch(\"path\", \"$projectDir/../src\")\n");
    write("tests/tcalc.nim", "import unittest\nimport calc\nsuite \"calc\":\n  test \"adds\":\n    check add(2, 3) == 5\n");
    commitThenBreak("src/calc.nim", "a + b", "a - b", "a * b");
    breakerThenFixerVerifies("nim", "nimble test\\s+\\(detected: calc\\.nimble\\)", "src/calc.nim", "= a + b");
  }

  /** The shape of jmdavis/dxml: dub.json, unittest blocks inside the module. */
  @Test
  void aDPackageWithDubTest() throws Exception {
    assumeTrue(Fixtures.onPath("dub") && (Fixtures.onPath("ldc2") || Fixtures.onPath("dmd") || Fixtures.onPath("gdc")),
        "dub and a D compiler are needed: install Debian's dub and ldc");
    write("dub.json", "{\"name\": \"calc\", \"targetType\": \"library\"}\n");
    write(".gitignore", ".dub\ncalc-test-library\n");
    write("source/calc.d", "module calc;\nint add(int a, int b) { return a + b; }\nunittest { assert(add(2, 3) == 5); }\n");
    commitThenBreak("source/calc.d", "a + b", "a - b", "a * b");
    breakerThenFixerVerifies("d", "dub test\\s+\\(detected: dub\\.json\\)", "source/calc.d", "return a + b;");
  }

  /**
   * The shape of weavejester/medley with Leiningen: project.clj, clojure.test under test/.
   * Clojure, and the nREPL that lein adds to every project, come from Debian's Maven repository (no network).
   */
  @Test
  void aClojureProjectWithLeinTest() throws Exception {
    assumeTrue(Fixtures.onPath("lein") && Files.isDirectory(Path.of("/usr/share/maven-repo/org/clojure/clojure/1.11.1"))
        && Files.isDirectory(Path.of("/usr/share/maven-repo/nrepl/nrepl/1.0.0"))
        && Files.isDirectory(Path.of("/usr/share/maven-repo/org/nrepl/incomplete/0.1.0")),
        "Leiningen, Clojure 1.11.1 and nREPL 1.0.0 are needed: install Debian's leiningen, clojure, libnrepl-clojure"
            + " and libnrepl-incomplete-clojure");
    write("project.clj", "(defproject calc \"0.1.0\"\n  :dependencies [[org.clojure/clojure \"1.11.1\"]]\n"
        + "  :repositories ^:replace [[\"debian\" {:url \"file:///usr/share/maven-repo\" :checksum :ignore}]])\n");
    write(".gitignore", "/target/\n/.lein-*\n"); // as lein new writes it: lein test leaves .lein-failures
    write("src/calc/core.clj", "(ns calc.core)\n(defn add [a b] (+ a b))\n");
    write("test/calc/core_test.clj", "(ns calc.core-test\n  (:require [clojure.test :refer [deftest is]]\n            [calc.core :refer [add]]))\n"
        + "(deftest adds (is (= 5 (add 2 3))))\n");
    commitThenBreak("src/calc/core.clj", "(+ a b)", "(- a b)", "(* a b)");
    breakerThenFixerVerifies("clojure", "lein test\\s+\\(detected: project\\.clj\\)", "src/calc/core.clj", "(+ a b)");
  }

  /** weavejester/medley offline: a plugin its project.clj names cannot be downloaded (here from a closed port on 127.0.0.1). */
  @Test
  void aLeinPluginOutOfReachStopsBeforeAnyAgent() throws Exception {
    assumeTrue(Fixtures.onPath("lein"), "Leiningen is needed: install Debian's leiningen");
    write("project.clj", "(defproject calc \"0.1.0\"\n  :plugins [[acr-no-such/lein-plugin \"0.0.1\"]]\n"
        + "  :repositories ^:replace [[\"nowhere\" {:url \"https://127.0.0.1:9/\"}]])\n");
    write("src/calc/core.clj", "(ns calc.core)\n(defn add [a b] (+ a b))\n");
    commitThenBreak("src/calc/core.clj", "(+ a b)", "(- a b)", "(* a b)");
    stopsBeforeAnyAgent("cannot run: the build could not download acr-no-such:lein-plugin", "lein deps");
  }

  /** The shape of crystal-community/toml.cr: shard.yml, the code under src/, specs under spec/. */
  @Test
  void aCrystalShardWithSpecs() throws Exception {
    Toolchains.require("aCrystalShardWithSpecs", Toolchains.CRYSTAL);
    write("shard.yml", "name: calc\nversion: 0.1.0\n");
    write(".gitignore", "/lib/\n");
    write("src/calc.cr", "module Calc\n  def self.add(a, b)\n    a + b\n  end\nend\n");
    write("spec/calc_spec.cr", "require \"spec\"\nrequire \"../src/calc\"\n\n"
        + "describe Calc do\n  it \"adds\" do\n    Calc.add(2, 3).should eq(5)\n  end\nend\n");
    commitThenBreak("src/calc.cr", "a + b", "a - b", "a.nope");
    breakerThenFixerVerifies("crystal", "crystal spec\\s+\\(detected: shard\\.yml\\)", "src/calc.cr", "    a + b\n");
  }

  /** A shard that shard.yml depends on, never installed into lib/ (shards install cannot reach GitHub offline). */
  @Test
  void aShardNotInstalledStopsBeforeAnyAgent() throws Exception {
    Toolchains.require("aShardNotInstalledStopsBeforeAnyAgent", Toolchains.CRYSTAL);
    write("shard.yml", "name: calc\nversion: 0.1.0\ndependencies:\n  acr_no_such_shard:\n    github: acr/no-such-shard\n");
    write("src/calc.cr", "require \"acr_no_such_shard\"\n\nmodule Calc\nend\n");
    write("spec/calc_spec.cr", "require \"spec\"\nrequire \"../src/calc\"\n");
    commitThenBreak("src/calc.cr", "module Calc", "module Calk", "module Cal");
    stopsBeforeAnyAgent("cannot run: the shard acr_no_such_shard that shard.yml depends on is not installed", "shards install");
  }

  /**
   * The shape of samth/fancy-app, not installed: info.rkt naming the collection, rackunit checks in
   * main.rkt's test submodule, and a module that requires the package by its collection's name.
   */
  @Test
  void aRacketPackageWithRackunitTests() throws Exception {
    Toolchains.require("aRacketPackageWithRackunitTests", Toolchains.RACO);
    write("info.rkt", "#lang info\n(define collection \"acr-calc\")\n(define deps '(\"base\"))\n"
        + "(define build-deps '(\"rackunit-lib\"))\n");
    write(".gitignore", "compiled/\n");
    write("main.rkt", "#lang racket/base\n(provide add)\n(define (add a b) (+ a b))\n\n"
        + "(module+ test\n  (require rackunit)\n  (check-equal? (add 2 3) 5))\n");
    write("tests/by-name.rkt", "#lang racket/base\n(require rackunit acr-calc)\n(check-equal? (add 1 1) 2)\n");
    commitThenBreak("main.rkt", "(+ a b)", "(- a b)", "(* a b)");
    breakerThenFixerVerifies("racket", "raco test \\.\\s+\\(detected: info\\.rkt\\)", "main.rkt", "(define (add a b) (+ a b))");
  }

  /**
   * The shape of GeoffChurch/subsumes: pack.pl, the module under prolog/, plunit units in test/*.plt
   * loading it as library(calc). The breaker hides the failing test behind a syntax error (swipl
   * skips the clause and plunit passes the rest, exit 0): it must fail all the same.
   */
  @Test
  void aPrologPackWithPlunitTests() throws Exception {
    Toolchains.require("aPrologPackWithPlunitTests", Toolchains.SWIPL);
    write("pack.pl", "name(calc).\nversion('0.1').\n");
    write("prolog/calc.pl", ":- module(calc, [add/3]).\n\nadd(A, B, C) :- C is A + B.\n");
    write("test/calc.plt", ":- use_module(library(calc)).\n\n:- begin_tests(calc).\n\n"
        + "test(adds) :- add(2, 3, 5).\ntest(zero) :- add(0, 0, 0).\n\n:- end_tests(calc).\n");
    commitThenBreak("prolog/calc.pl", "A + B", "A - B", "A * B");
    Fixtures.script(fx.agents.resolve("sed-breaker"), "touch \"$ACR_TEST_PIDS/agent-ran\"\nsed -i '/^test(adds)/i oops(' test/calc.plt\n");
    breakerThenFixerVerifies("prolog", "swipl --on-error=status -p library=prolog -g \"expand_file_name\\('test/\\*\\.plt', Files\\),"
        + " load_files\\(Files\\), run_tests\" -t halt\\s+\\(detected: test/\\*\\.plt \\(plunit\\)\\)", "prolog/calc.pl", "C is A + B.");
  }

  /** GeoffChurch/anti_unify without the pack subsumes that its pack.pl requires. */
  @Test
  void aPackThePackRequiresMissingStopsBeforeAnyAgent() throws Exception {
    Toolchains.require("aPackThePackRequiresMissingStopsBeforeAnyAgent", Toolchains.SWIPL);
    write("pack.pl", "name(calc).\nversion('0.1').\nrequires(acr_no_such_pack).\n");
    write("prolog/calc.pl", ":- module(calc, [add/3]).\n:- use_module(library(acr_no_such_pack)).\n\nadd(A, B, C) :- C is A + B.\n");
    write("test/calc.plt", ":- use_module(library(calc)).\n:- begin_tests(calc).\ntest(adds) :- add(2, 3, 5).\n:- end_tests(calc).\n");
    commitThenBreak("prolog/calc.pl", "A + B", "A - B", "A * B");
    stopsBeforeAnyAgent("cannot run: the pack acr_no_such_pack that pack.pl requires is not installed", "pack_install(acr_no_such_pack)");
    assertThat(fx.git("status", "--porcelain")).isEqualTo(" M prolog/calc.pl\n?? NOTES.md\n");
  }
}
