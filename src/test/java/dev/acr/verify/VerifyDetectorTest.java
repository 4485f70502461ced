package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyDetectorTest {

  @TempDir Path root;

  private void write(String rel, String content) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private void executable(String rel) throws IOException {
    write(rel, "#!/bin/sh\n");
    root.resolve(rel).toFile().setExecutable(true);
  }

  private Optional<VerifyCommand> detect() {
    return VerifyDetector.detect(root, null);
  }

  @Test
  void nothingKnownGivesEmpty() throws IOException {
    write("README.md", "hi\n");
    assertThat(detect()).isEmpty();
  }

  @Test
  void aTestScriptAtTheRootIsTheLastResort() throws IOException {
    // no-12/minimal_arch_installer: run_tests.sh drives shUnit2 over test/*.sh; before, "verify none found".
    write("run_tests.sh", "#!/usr/bin/env bash\nfor t in test/*.sh; do bash \"$t\"; done\n");
    write("test/a.sh", "test_a() { assertTrue true; }\n. shunit2\n");
    assertThat(detect()).contains(new VerifyCommand("bash run_tests.sh", "detected: run_tests.sh (a test script at the root)"));
    java.nio.file.Files.setPosixFilePermissions(root.resolve("run_tests.sh"),
        java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(detect()).map(VerifyCommand::command).contains("./run_tests.sh");
    write("test.sh", "set -e\nprove t\n");
    assertThat(detect()).map(VerifyCommand::command).as("the name that says 'run the tests' first").contains("./run_tests.sh");
    // A build system acr knows speaks first.
    write("Makefile", "test:\n\t./run_tests.sh\n");
    assertThat(detect()).map(VerifyCommand::command).contains("make test");
  }

  @Test
  void overrideWinsOverEverything() throws IOException {
    write("pom.xml", "<project/>");
    write(".acr/config.json", "{\"verify\": \"make check\"}");
    assertThat(VerifyDetector.detect(root, " ./run-tests.sh "))
        .contains(new VerifyCommand("./run-tests.sh", "--verify"));
    assertThat(VerifyDetector.detect(root, "  ")).map(VerifyCommand::source)
        .contains(".acr/config.json");
  }

  /**
   * A stray quote in --verify ("'npm run test:node"): sh stopped on "Unterminated quoted string" (exit 2), which the baseline
   * read as tests failing, as expected before a fix, and the fixer after it was recorded failed (chaijs/deep-eql, sixth session).
   */
  @Test
  void aCommandTheUserWroteWithAQuoteLeftOpenIsAUsageError() throws IOException {
    assertThatThrownBy(() -> VerifyDetector.detect(root, "'npm run test:node")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the test command 'npm run test:node (--verify) leaves a quote open ('), so sh cannot run it; close or remove it");
    write(".acr/config.json", "{\"verify\": \"pytest -k \\\"not slow\"}");
    assertThatThrownBy(() -> VerifyDetector.detect(root, null)).hasMessageContaining("(.acr/config.json) leaves a quote open (\")");
    for (String ok : List.of("pytest -k 'not slow'", "echo \"it's\" && make test", "echo don\\'t", "make test # it's fine",
        "sh -c 'echo \"x\"' && echo `date`", "echo a#'b'")) {
      assertThat((int) VerifyCommand.unclosedQuote(ok)).as(ok).isZero();
    }
    assertThat(VerifyCommand.unclosedQuote("echo a#'b")).isEqualTo('\'');
    assertThat(VerifyCommand.unclosedQuote("echo `date")).isEqualTo('`');
  }

  /**
   * A command substitution inside double quotes starts its own quoting, as sh reads it: the quotes of {@code "$(node -p
   * "require('./package.json').name")"} are each closed, so such a command runs (sh -n accepts it) and is no usage error.
   */
  @Test
  void quotesInsideACommandSubstitutionInDoubleQuotesAreTheirOwn() {
    for (String ok : List.of("test \"$(node -p \"require('./package.json').name\")\" = demo && npm test",
        "echo \"$(printf '%s' \"a'b\")\"", "echo \"$(( 1 + 2 ))\" \"$(echo \"it's\" | (cat))\"", "echo \"$(echo ')')\"")) {
      assertThat((int) VerifyCommand.unclosedQuote(ok)).as(ok).isZero();
    }
    assertThat(VerifyCommand.unclosedQuote("echo \"$(echo 'a)\"")).isEqualTo('\'');
    assertThat(VerifyCommand.unclosedQuote("echo \"$(echo a) it's")).isEqualTo('"');
  }

  @Test
  void repoConfigWinsOverDetection() throws IOException {
    write("pom.xml", "<project/>");
    write(".acr/config.json", "{\"verify\": \"make check\", \"other\": 1}");
    assertThat(detect()).contains(new VerifyCommand("make check", ".acr/config.json"));
  }

  @Test
  void repoConfigWithoutVerifyFallsBackToDetection() throws IOException {
    write("go.mod", "module x\n");
    write(".acr/config.json", "{}");
    assertThat(detect()).contains(new VerifyCommand("go test ./...", "detected: go.mod"));
  }

  @Test
  void invalidRepoConfigIsReportedNotIgnored() throws IOException {
    write(".acr/config.json", "{\"verify\": ");
    assertThatThrownBy(this::detect)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("config.json");
    write(".acr/config.json", "{\"verify\": 3}");
    assertThatThrownBy(this::detect).hasMessageContaining("\"verify\" must be");
  }

  @Test
  void mavenPrefersExecutableWrapper() throws IOException {
    write("pom.xml", "<project/>");
    assertThat(detect()).contains(new VerifyCommand("mvn -B test", "detected: pom.xml"));
    write("mvnw", "#!/bin/sh\n"); // present but not executable: not trusted
    assertThat(detect()).map(VerifyCommand::command).contains("mvn -B test");
    executable("mvnw");
    assertThat(detect()).map(VerifyCommand::command).contains("./mvnw -B test");
  }

  @Test
  void gradleWithAndWithoutWrapper() throws IOException {
    write("build.gradle.kts", "plugins { java }\n");
    assertThat(detect()).contains(new VerifyCommand("gradle test", "detected: build.gradle.kts"));
    executable("gradlew");
    assertThat(detect()).map(VerifyCommand::command).contains("./gradlew test");
  }

  @Test
  void nodePicksPackageManagerByLockFile() throws IOException {
    write("package.json", "{\"scripts\": {\"test\": \"vitest run\"}}");
    assertThat(detect()).contains(new VerifyCommand("npm test", "detected: package.json"));
    write("yarn.lock", "");
    assertThat(detect()).map(VerifyCommand::command).contains("yarn test");
    write("pnpm-lock.yaml", "");
    assertThat(detect()).map(VerifyCommand::command).contains("pnpm test");
  }

  @Test
  void npmPlaceholderTestScriptIsSkipped() throws IOException {
    write(
        "package.json",
        "{\"scripts\": {\"test\": \"echo \\\"Error: no test specified\\\" && exit 1\"}}");
    assertThat(detect()).isEmpty();
    write("Makefile", "test:\n\tnode test.js\n");
    assertThat(detect()).contains(new VerifyCommand("make test", "detected: Makefile"));
  }

  @Test
  void packageJsonWithoutTestScriptIsSkipped() throws IOException {
    write("package.json", "{\"name\": \"x\"}");
    assertThat(detect()).isEmpty();
  }

  @Test
  void pytestSignals() throws IOException {
    write("pyproject.toml", "[project]\nname = \"x\"\n");
    assertThat(detect()).contains(new VerifyCommand("python3 -m unittest", "detected: pyproject.toml"));
    write("tests/unit/test_thing.py", "def test_x(): pass\n");
    assertThat(detect()).contains(new VerifyCommand("python3 -m pytest -q", "detected: tests/"));
    write("pyproject.toml", "[tool.pytest.ini_options]\naddopts = \"-q\"\n");
    assertThat(detect()).map(VerifyCommand::source).contains("detected: pyproject.toml");
    write("pytest.ini", "[pytest]\n");
    assertThat(detect()).map(VerifyCommand::source).contains("detected: pytest.ini");
  }

  @Test
  void conftestMeansPytest() throws IOException {
    write("conftest.py", "");
    assertThat(detect()).contains(new VerifyCommand("python3 -m pytest -q", "detected: conftest.py"));
  }

  @Test
  void unittestForPlainPythonTests() throws IOException {
    write("test_solution.py", "import unittest\n\nclass T(unittest.TestCase):\n    def test_a(self):\n        pass\n");
    assertThat(detect()).contains(new VerifyCommand("python3 -m unittest", "detected: test_*.py"));
  }

  @Test
  void pytestForPytestStyleTestsUnittestWouldNotSee() throws IOException {
    write("test_a.py", "import unittest\n\nclass T(unittest.TestCase):\n    def test_a(self):\n        pass\n");
    write("test_calc.py", "from calc import add\n\ndef test_add():\n    assert add(2, 3) == 5\n");
    assertThat(detect()).contains(new VerifyCommand("python3 -m pytest -q", "detected: test_calc.py (pytest-style tests)"));
    write("pyproject.toml", "[project]\nname = \"p\"\n");
    assertThat(detect()).contains(new VerifyCommand("python3 -m pytest -q", "detected: test_calc.py (pytest-style tests)"));
  }

  @Test
  void goCargoAndDotnet() throws IOException {
    Path go = Files.createDirectories(root.resolve("go"));
    Files.writeString(go.resolve("go.mod"), "module x\n");
    assertThat(VerifyDetector.detect(go, null)).map(VerifyCommand::command).contains("go test ./...");
    Path rust = Files.createDirectories(root.resolve("rust"));
    Files.writeString(rust.resolve("Cargo.toml"), "[package]\n");
    assertThat(VerifyDetector.detect(rust, null))
        .contains(new VerifyCommand("cargo test", "detected: Cargo.toml"));
    Path cs = Files.createDirectories(root.resolve("cs"));
    Files.writeString(cs.resolve("App.csproj"), "<Project/>");
    assertThat(VerifyDetector.detect(cs, null))
        .contains(new VerifyCommand("dotnet test", "detected: App.csproj"));
  }

  /** JamesNK/Newtonsoft.Json: nothing at the top but docs; Src/Newtonsoft.Json.slnx, the XML solution format. */
  @Test
  void aDotnetSolutionInAFolderBelowTheTop() throws IOException {
    write("README.md", "# Json.NET\n");
    write("Build/build.ps1", "");
    write("win32/lib.sln", "Project(\"{8BC9CEB8}\") = \"lib\", \"lib.vcxproj\", \"{1}\"\n");
    assertThat(detect()).as("a C++ solution of .vcxproj files").isEmpty();
    write("Src/Newtonsoft.Json.slnx", "<Solution>\n  <Project Path=\"Newtonsoft.Json/Newtonsoft.Json.csproj\" />\n</Solution>\n");
    assertThat(detect()).contains(new VerifyCommand("dotnet test Src/Newtonsoft.Json.slnx", "detected: Src/Newtonsoft.Json.slnx"));
  }

  /** A solution below the top does not take over a Python project's unittest; a tooling package.json or docs requirements.txt does not hold it back. */
  @Test
  void aDotnetSolutionBelowAnotherProjectIsNotItsTestCommand() throws IOException {
    write("interop/Interop.sln", "Project(\"{FAE04EC0}\") = \"Interop\", \"Interop\\Interop.csproj\", \"{1}\"\n");
    write("test_calc.py", "import unittest\nclass T(unittest.TestCase):\n    def test_add(self): pass\n");
    assertThat(detect()).as("Python tests at the top").contains(new VerifyCommand("python3 -m unittest", "detected: test_*.py"));
    write("pyproject.toml", "[project]\nname = \"calc\"\n");
    assertThat(detect()).contains(new VerifyCommand("python3 -m unittest", "detected: pyproject.toml"));
    Files.delete(root.resolve("test_calc.py"));
    Files.delete(root.resolve("pyproject.toml"));
    write("package.json", "{\"devDependencies\": {\"husky\": \"9\"}}");
    assertThat(detect()).as("a tooling package.json at the top is no project")
        .contains(new VerifyCommand("dotnet test interop/Interop.sln", "detected: interop/Interop.sln"));
    Files.delete(root.resolve("package.json"));
    write("requirements.txt", "mkdocs\n");
    assertThat(detect()).as("nor is a docs requirements.txt")
        .contains(new VerifyCommand("dotnet test interop/Interop.sln", "detected: interop/Interop.sln"));
    Files.delete(root.resolve("requirements.txt"));
    write("setup.py", "from setuptools import setup\nsetup(name='calc')\n");
    assertThat(detect()).as("a Python project with its tests below").contains(
        new VerifyCommand("python3 -m unittest", "detected: setup.py"));
    Files.delete(root.resolve("setup.py"));
    write("README.md", "# interop\n");
    assertThat(detect()).as("nothing else at the top").contains(new VerifyCommand("dotnet test interop/Interop.sln", "detected: interop/Interop.sln"));
  }

  @Test
  void makefileNeedsARealTestTarget() throws IOException {
    write("Makefile", ".PHONY: test\nTEST := 1\ntesting:\n\techo\nbuild:\n\tcc x.c\n");
    assertThat(detect()).isEmpty();
    write("Makefile", "all: build\ncheck test: build\n\t./run\n");
    assertThat(detect()).map(VerifyCommand::command).contains("make test");
    write("Makefile", "test::\n\t./run\n");
    assertThat(detect()).map(VerifyCommand::command).contains("make test");
  }

  @Test
  void mavenBeatsAMakefile() throws IOException {
    write("Makefile", "test:\n\tmvn test\n");
    write("pom.xml", "<project/>");
    assertThat(detect()).map(VerifyCommand::source).contains("detected: pom.xml");
  }
  /** The shape of piotrmurach/tty-color: Gemfile, Rakefile whose spec task hides a missing rspec, .rspec, spec/unit. */
  @Test
  void aRubyGemRunsRspecThroughBundler() throws IOException {
    write("Gemfile", "source \"https://rubygems.org\"\ngemspec\n");
    write("Rakefile", "require \"bundler/gem_tasks\"\ntask default: :spec\n");
    write("spec/unit/color_spec.rb", "RSpec.describe 1 do end\n");
    assertThat(detect()).contains(new VerifyCommand("bundle exec rspec", "detected: spec/"));
    write(".rspec", "--require spec_helper\n");
    assertThat(detect()).contains(new VerifyCommand("bundle exec rspec", "detected: .rspec"));
  }

  @Test
  void aGoModuleWithASpecFolderBesideItStaysAGoModule() throws IOException {
    write("go.mod", "module example.com/m\n");
    write(".rspec", "--require spec_helper\n");
    write("spec/tool_spec.rb", "RSpec.describe 1 do end\n");
    assertThat(detect()).map(VerifyCommand::command).contains("go test ./...");
  }

  @Test
  void minitestFilesUnderARakefileRunItsTestTask() throws IOException {
    write("Rakefile", "require \"rake/testtask\"\nRake::TestTask.new(:test)\n");
    assertThat(detect()).as("a Rakefile alone says nothing of tests").isEmpty();
    write("test/test_parser.rb", "require \"minitest/autorun\"\n");
    assertThat(detect()).contains(new VerifyCommand("rake test", "detected: Rakefile"));
  }

  /** rack/rack: minitest/spec files named spec_*.rb under test/, with a Gemfile and a Rakefile. */
  @Test
  void minitestSpecFilesUnderTestRunTheRakefilesTestTask() throws IOException {
    write("Gemfile", "source 'https://rubygems.org'\ngemspec\n");
    write("Rakefile", "require \"rake/testtask\"\ntask test: %w[spec test:regular]\n");
    write("test/spec_builder.rb", "require_relative 'helper'\ndescribe Rack::Builder do end\n");
    assertThat(detect()).contains(new VerifyCommand("bundle exec rake test", "detected: Rakefile"));
  }

  /** The shape of neilb/Text-Table-Tiny: a Perl distribution with dist.ini, lib/ and t/*.t. */
  @Test
  void aPerlDistributionRunsProveOverItsTFolder() throws IOException {
    write("t/01-basic.t", "use Test::More tests => 1;\nok(1);\n");
    assertThat(detect()).as("t/ alone, without a Perl build file or lib/, says nothing").isEmpty();
    write("dist.ini", "name = Text-Table-Tiny\n");
    assertThat(detect()).contains(new VerifyCommand("prove -lr t", "detected: t/*.t"));
    write("Makefile", "test:\n\tPERL_DL_NONLAZY=1 perl -MExtUtils::Command::MM -e 'test_harness(0)' t/*.t\n");
    assertThat(detect()).as("a Makefile generated by Makefile.PL runs the same tests").map(VerifyCommand::command).contains("make test");
  }

  /** The shape of webmozarts/assert: composer's test script runs a PHPUnit installed under tools/. */
  @Test
  void phpRunsComposersTestScriptElsePhpunit() throws IOException {
    write("phpunit.xml.dist", "<phpunit bootstrap=\"vendor/autoload.php\"/>\n");
    write("composer.json", "{\"scripts\": {\"cs-fix\": \"php-cs-fixer fix\"}}");
    assertThat(detect()).contains(new VerifyCommand("phpunit", "detected: phpunit.xml.dist"));
    executable("vendor/bin/phpunit");
    assertThat(detect()).contains(new VerifyCommand("vendor/bin/phpunit", "detected: phpunit.xml.dist"));
    write("composer.json", "{\"scripts\": {\"test\": \"./tools/phpunit/vendor/bin/phpunit\"}}");
    assertThat(detect()).contains(new VerifyCommand("composer test", "detected: composer.json"));
    write("composer.json", "{\"scripts\": {\"test\": [\"@cs-check\", \"phpunit\"]}}");
    assertThat(detect()).map(VerifyCommand::command).contains("composer test");
  }

  /** The shape of elixir-lang/gen_stage: mix.exs, lib/, test/*_test.exs. */
  @Test
  void anElixirProjectRunsMixTest() throws IOException {
    write("mix.exs", "defmodule GenStage.Mixfile do\n  use Mix.Project\nend\n");
    write("test/test_helper.exs", "ExUnit.start()\n");
    assertThat(detect()).contains(new VerifyCommand("mix test", "detected: mix.exs"));
  }

  /** kikito/inspect.lua has a Makefile whose test target runs busted; without it, busted's own files say so. */
  @Test
  void aLuaProjectRunsBustedFromItsSpecFolderOrBustedFile() throws IOException {
    write("spec/helper.lua", "return {}\n");
    assertThat(detect()).as("spec/ without a *_spec.lua").isEmpty();
    write("spec/inspect_spec.lua", "describe('inspect', function() end)\n");
    assertThat(detect()).contains(new VerifyCommand("busted", "detected: spec/*_spec.lua"));
    write(".busted", "return { default = { ROOT = {'tests'} } }\n");
    assertThat(detect()).contains(new VerifyCommand("busted", "detected: .busted"));
    write("Makefile", "test:\n\tbusted\n");
    assertThat(detect()).contains(new VerifyCommand("make test", "detected: Makefile"));
  }

  /** The shape of rbenv/rbenv: test/*.bats beside a test/run script, a Makefile without a test target. */
  @Test
  void aShellProjectRunsBatsOverTheFolderHoldingBatsFiles() throws IOException {
    write("Makefile", "share/man/man1/rbenv.1: share/man/man1/rbenv.1.adoc\n\tasciidoctor $<\n");
    write("test/test_helper/bats-support/test/50-output.bats", "@test 'x' { true; }\n");
    assertThat(detect()).as("only a submodule's own suite, deeper down: not the project's").isEmpty();
    write("tests/version.bats", "@test 'version' { true; }\n");
    assertThat(detect()).contains(new VerifyCommand("bats tests", "detected: tests/*.bats"));
    write("test/version.bats", "@test 'version' { true; }\n");
    assertThat(detect()).contains(new VerifyCommand("bats test", "detected: test/*.bats"));
  }

  /** The shape of mirage/ocaml-base64: dune-project, and a Makefile whose test target runs the same dune runtest. */
  @Test
  void anOcamlProjectRunsDuneRuntest() throws IOException {
    write("Makefile", "test:\n\tdune runtest\n");
    write("dune-project", "(lang dune 2.3)\n(name base64)\n");
    assertThat(detect()).contains(new VerifyCommand("dune runtest", "detected: dune-project"));
    assertThat(PackageFolder.nearest(root, root.resolve("src"))).isEqualTo(new PackageFolder(root, "dune-project"));
  }

  /** The shape of hspec/HUnit: HUnit.cabal (generated from package.yaml) and a cabal.project. */
  @Test
  void aHaskellPackageRunsCabalTest() throws IOException {
    write("package.yaml", "name: HUnit\n");
    assertThat(detect()).as("hpack's file alone is stack's").isEmpty();
    write("HUnit.cabal", "name: HUnit\n");
    assertThat(detect()).contains(new VerifyCommand("cabal test", "detected: HUnit.cabal"));
    write("cabal.project", "packages:\n  HUnit.cabal\n");
    assertThat(detect()).contains(new VerifyCommand("cabal test", "detected: cabal.project"));
    assertThat(PackageFolder.nearest(root, root.resolve("src/Test"))).isEqualTo(new PackageFolder(root, "cabal.project"));
  }

  /** The shape of a `stack new` project: stack.yaml, hpack's package.yaml, the .cabal often ignored. */
  @Test
  void aStackProjectRunsStackTest() throws IOException {
    write("package.yaml", "name: hello\n");
    write("stack.yaml", "resolver: lts-20.26\n");
    write("src/Lib.hs", "module Lib where\n");
    assertThat(detect()).contains(new VerifyCommand("stack test", "detected: stack.yaml"));
    assertThat(PackageFolder.nearest(root, root.resolve("src"))).isEqualTo(new PackageFolder(root, "stack.yaml"));
    write("hello.cabal", "name: hello\n");
    assertThat(detect()).as("a generated .cabal beside stack.yaml").contains(new VerifyCommand("stack test", "detected: stack.yaml"));
    write("cabal.project", "packages: .\n");
    assertThat(detect()).as("both: cabal, on the distribution's GHC").contains(new VerifyCommand("cabal test", "detected: cabal.project"));
  }

  /** jarro2783/cxxopts: enable_testing() in the root's CMakeLists.txt, tests added in test/CMakeLists.txt. */
  @Test
  void aCMakeProjectWithTestingBuildsAndRunsCTest() throws IOException {
    write("CMakeLists.txt", "cmake_minimum_required(VERSION 3.1)\nproject(cxxopts)\n");
    write("test/CMakeLists.txt", "add_executable(options_test main.cpp)\nadd_test(options options_test)\n");
    assertThat(detect()).as("no testing turned on").isEmpty();
    write("CMakeLists.txt", "project(cxxopts)\nif (CXXOPTS_BUILD_TESTS)\n    enable_testing()\n    add_subdirectory(test)\nendif()\n");
    assertThat(detect()).contains(new VerifyCommand(
        "cmake -S . -B build && cmake --build build && ctest --test-dir build --output-on-failure", "detected: CMakeLists.txt (enable_testing)"));
    write("CMakeLists.txt", "project(x C)\ninclude(CTest)\n");
    assertThat(detect()).isPresent();
    VerifyDetector.Detection fromTests = VerifyDetector.detect(root, root.resolve("test"), null);
    assertThat(fromTests.pkg()).as("test/CMakeLists.txt starts no project").isEqualTo(new PackageFolder(root, "CMakeLists.txt"));
    write("Makefile", "test:\n\tctest\n");
    assertThat(detect()).as("the project's own make test first").contains(new VerifyCommand("make test", "detected: Makefile"));
  }

  /** talentdeficit/jsx: rebar.config and EUnit tests inside the modules; Common Test suites when test/ has them. */
  @Test
  void anErlangProjectRunsRebar3() throws IOException {
    write("rebar.config", "{erl_opts, [debug_info]}.\n");
    write("src/jsx.erl", "-module(jsx).\n");
    assertThat(detect()).contains(new VerifyCommand("rebar3 eunit", "detected: rebar.config"));
    assertThat(PackageFolder.nearest(root, root.resolve("src"))).isEqualTo(new PackageFolder(root, "rebar.config"));
    write("test/jsx_SUITE.erl", "-module(jsx_SUITE).\n");
    assertThat(detect()).contains(new VerifyCommand("rebar3 do eunit, ct", "detected: rebar.config"));
  }

  /** gaborcsardi/praise: an R package (DESCRIPTION) with tests/testthat. */
  @Test
  void anRPackageRunsTestthat() throws IOException {
    write("DESCRIPTION", "Package: praise\nTitle: Praise Users\nSuggests:\n    testthat\n");
    write("R/adjective.R", "adjective <- c('ace')\n");
    assertThat(detect()).as("no tests yet").isEmpty();
    assertThat(PackageFolder.nearest(root, root.resolve("R"))).isEqualTo(new PackageFolder(root, "DESCRIPTION"));
    write("tests/testthat.R", "library(testthat)\ntest_check('praise')\n");
    write("tests/testthat/test.R", "test_that('x', expect_true(TRUE))\n");
    assertThat(detect()).contains(new VerifyCommand("Rscript -e 'testthat::test_local()'", "detected: tests/testthat"));
    write("DESCRIPTION", "A description of this project, in prose.\n");
    assertThat(detect()).as("a DESCRIPTION that is no R package's").isEmpty();
  }

  /** weavejester/medley: a Leiningen project.clj beside a deps.edn without aliases. */
  @Test
  void aClojureProjectRunsLeinTestOrItsTestAlias() throws IOException {
    write("deps.edn", "{:deps {org.clojure/clojure {:mvn/version \"1.9.0\"}}}\n");
    assertThat(detect()).as("a deps.edn names no test command of its own").isEmpty();
    assertThat(PackageFolder.nearest(root, root.resolve("src/medley"))).isEqualTo(new PackageFolder(root, "deps.edn"));
    write("deps.edn", "{:aliases {:dev {:extra-paths [\"dev\"]}\n  :test {:extra-paths [\"test\"]}}}\n");
    assertThat(detect()).as("an alias that only adds paths would start a REPL").isEmpty();
    write("deps.edn", "{:aliases\n {:test {:extra-paths [\"test\"]\n         :extra-deps {io.github.cognitect-labs/test-runner {:git/tag \"v0.5.1\"}}\n"
        + "         :main-opts [\"-m\" \"cognitect.test-runner\"]\n         :exec-fn cognitect.test-runner.api/test}\n"
        + "  :build {:exec-fn build/jar}}}\n");
    assertThat(detect()).contains(new VerifyCommand("clojure -M:test", "detected: deps.edn (:test alias)"));
    write("deps.edn", "{:aliases {:test {:exec-fn cognitect.test-runner.api/test}\n :run {:main-opts [\"-m\" \"x\"]}}}\n");
    assertThat(detect()).contains(new VerifyCommand("clojure -X:test", "detected: deps.edn (:test alias)"));
    write("deps.edn", "{:aliases {:test {:extra-paths [\"test\"]} :run {:main-opts [\"-m\" \"x\"]}}}\n");
    assertThat(detect()).as("another alias's :main-opts is not the test alias's").isEmpty();
    write("project.clj", "(defproject dev.weavejester/medley \"1.10.0\"\n  :dependencies [[org.clojure/clojure \"1.9.0\"]])\n");
    assertThat(detect()).contains(new VerifyCommand("lein test", "detected: project.clj"));
    assertThat(PackageFolder.nearest(root, root.resolve("src"))).isEqualTo(new PackageFolder(root, "project.clj"));
  }

  /** treeform/jsony: a .nimble file, tests under tests/. */
  @Test
  void aNimPackageRunsNimbleTest() throws IOException {
    write("src/jsony.nim", "proc x*() = discard\n");
    assertThat(detect()).isEmpty();
    write("jsony.nimble", "version = \"1.1.5\"\nsrcDir = \"src\"\nrequires \"nim >= 1.4.0\"\n");
    assertThat(detect()).contains(new VerifyCommand("nimble test", "detected: jsony.nimble"));
    assertThat(PackageFolder.nearest(root, root.resolve("src"))).isEqualTo(new PackageFolder(root, "jsony.nimble"));
  }

  /** jmdavis/dxml: dub.json, unittest blocks inside the modules; dub.sdl is dub's other format. */
  @Test
  void aDPackageRunsDubTest() throws IOException {
    write("dub.sdl", "name \"dxml\"\n");
    assertThat(detect()).contains(new VerifyCommand("dub test", "detected: dub.sdl"));
    write("dub.json", "{\"name\": \"dxml\", \"targetType\": \"library\"}\n");
    assertThat(detect()).contains(new VerifyCommand("dub test", "detected: dub.json"));
    assertThat(PackageFolder.nearest(root, root.resolve("source/dxml"))).isEqualTo(new PackageFolder(root, "dub.json"));
  }

  /**
   * bef/qmon: test/run.tcl calls runAllTests and forwards its arguments; its .test files end
   * without cleanupTests, so tcltest would count nothing unless the files run in one interpreter.
   */
  @Test
  void aTclProjectRunsItsTcltestDriver() throws IOException {
    write("lib/ini-parser.tcl", "package provide ini2 0.1\n");
    write("test/ini-parser.test", "package require tcltest 2\nnamespace import ::tcltest::test\ntest a {} -body {} -result {}\n");
    assertThat(detect()).as("test files without a driver").isEmpty();
    write("test/helper.tcl", "# runAllTests is not called here\nproc helper {} {}\n");
    write("test/run.tcl", "package require tcltest\n::tcltest::configure -testdir [file dirname [file normalize [info script]]]\n"
        + "::tcltest::configure {*}$::argv\n::tcltest::runAllTests\n");
    assertThat(detect()).contains(new VerifyCommand("tclsh test/run.tcl -singleproc 1", "detected: test/run.tcl (tcltest)"));
    write("test/ini-parser.test", "package require tcltest 2\ntest a {} -body {} -result {}\n::tcltest::cleanupTests\n");
    assertThat(detect()).as("every file reports its counts").contains(new VerifyCommand("tclsh test/run.tcl", "detected: test/run.tcl (tcltest)"));
    write("tests/all.tcl", "package require tcltest\nnamespace import tcltest::*\nrunAllTests\n");
    write("tests/a.test", "test a {} -body {} -result {}\n");
    assertThat(detect()).as("tests/ first; a driver that does not forward its arguments gets none")
        .contains(new VerifyCommand("tclsh tests/all.tcl", "detected: tests/all.tcl (tcltest)"));
  }
}
