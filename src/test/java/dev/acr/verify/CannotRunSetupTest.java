package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Setups that stop a test command before any test: a pytest plugin missing, a Node project not installed. */
class CannotRunSetupTest {
  @TempDir Path root;

  private Optional<CannotRun.Why> check(int exit, String prompt, String... lines) {
    return CannotRun.check(exit, List.of(lines), root, root, prompt);
  }

  /** tqdm/tqdm's pyproject addopts --asyncio-mode=strict with no pytest-asyncio: pytest exits 4, no test ran. */
  private static final String[] TQDM = {
    "ERROR: usage: __main__.py [options] [file_or_dir] [file_or_dir] [...]",
    "__main__.py: error: unrecognized arguments: --asyncio-mode=strict",
    "  inifile: /home/u/.acr/worktrees/tqdm-81f50d0c/1/pyproject.toml",
    "  rootdir: /home/u/.acr/worktrees/tqdm-81f50d0c/1"};

  @Test
  void pytestRefusingAnOptionOfAMissingPluginCannotRun() {
    assertThat(check(4, "fix the failing test", TQDM)).hasValueSatisfying(w -> {
      assertThat(w.problem()).isEqualTo("pytest does not know --asyncio-mode=strict (the command or the addopts of pyproject.toml):"
          + " it stopped before running any test");
      assertThat(w.todo()).isEqualTo("install the pytest plugin that provides --asyncio-mode (pytest-asyncio) with the project's"
          + " test dependencies, or name another test command");
    });
    assertThat(check(4, "fix it", "ERROR: usage: pytest [options] [file_or_dir] [file_or_dir] [...]",
        "pytest: error: unrecognized arguments: --cov=src --cov-report=term")).hasValueSatisfying(w ->
            assertThat(w.todo()).contains("--cov (pytest-cov)"));
    assertThat(check(4, "fix it", "ERROR: usage: pytest [options] [file_or_dir] [file_or_dir] [...]",
        "pytest: error: unrecognized arguments: --frobnicate")).hasValueSatisfying(w ->
            assertThat(w.todo()).startsWith("install the pytest plugin that provides --frobnicate with the project's test dependencies"
                + " (or, if a conftest.py should add it,"));
    assertThat(check(4, "fix it", "ERROR: usage: pytest [options] [file_or_dir] [file_or_dir] [...]",
        "pytest: error: unrecognized arguments: -n auto")).hasValueSatisfying(w -> assertThat(w.todo()).contains("-n (pytest-xdist)"));
  }

  /** make test or tox around pytest: their own exit code, pytest's words (review13). */
  @Test
  void pytestsUsageErrorCountsThroughAWrapper() {
    List<String> lines = new java.util.ArrayList<>(List.of(TQDM));
    lines.add("make: *** [Makefile:12: test] Error 4");
    assertThat(CannotRun.check(2, lines, root, root, "fix the failing test")).isPresent();
  }

  /** fastapi/fastapi: --strict-config and filterwarnings = ["error"] make pytest-timeout's ini option, unread, an error (exit 3). */
  @Test
  void pytestRefusingAnIniOptionOfAMissingPluginCannotRun() {
    String[] fastapi = {"INTERNALERROR>   File \"/usr/lib/python3/site-packages/_pytest/config/__init__.py\", line 1611, in issue_config_time_warning",
        "INTERNALERROR>     warnings.warn(warning, stacklevel=stacklevel)",
        "INTERNALERROR> pytest.PytestConfigWarning: Unknown config option: timeout", ""};
    assertThat(check(3, "fix the failing test", fastapi)).hasValueSatisfying(w -> {
      assertThat(w.problem()).isEqualTo("pytest does not know the config option timeout (the project's pytest configuration makes"
          + " that an error): it stopped before running any test");
      assertThat(w.todo()).isEqualTo("install the pytest plugin that reads timeout (pytest-timeout) with the project's test"
          + " dependencies, or name another test command");
    });
    assertThat(check(4, "fix the failing test", "ERROR: Unknown config option: markdown_docs")).map(CannotRun.Why::todo)
        .contains("check the spelling of markdown_docs in the pytest configuration; if it is right, install the pytest plugin"
            + " that reads it with the project's test dependencies, or name another test command");
    assertThat(check(3, "configure pytest-timeout for the suite", fastapi)).isEmpty();
    // Only a warning when pytest is not strict: the tests ran, and their result stands.
    assertThat(check(1, "fix the failing test", "PytestConfigWarning: Unknown config option: timeout", "1 failed, 3 passed")).isEmpty();
  }

  /** psf/requests without pytest-httpbin: its conftest.py's httpbin fixture wraps the plugin's, which is not there. */
  @Test
  void aFixtureOfADeclaredPytestPluginNotInstalledCannotRun() throws Exception {
    Files.writeString(root.resolve("pyproject.toml"), "[dependency-groups]\ntest = [\n    \"pytest-httpbin==2.1.0\",\n"
        + "    \"pytest-mock\",\n]\n");
    String[] requests = {"_____ ERROR at setup of TestRequests.test_status_raising _____",
        "E       recursive dependency involving fixture 'httpbin' detected",
        ">       available fixtures: cache, capfd, httpbin, monkeypatch, tmp_path", "ERROR tests/test_requests.py::test_status_raising",
        "4 failed, 410 passed, 205 errors in 52.65s"};
    assertThat(check(1, "fix the failing test", requests)).hasValueSatisfying(w -> {
      assertThat(w.problem()).isEqualTo("the tests ask for the fixture httpbin of pytest-httpbin, a pytest plugin the project"
          + " depends on that is not installed (recursive dependency involving fixture 'httpbin' detected)");
      assertThat(w.todo()).isEqualTo("install the project's test dependencies (pytest-httpbin among them) or name another test command");
    });
    assertThat(check(1, "fix the failing test", "E       fixture 'mocker' not found", ">       available fixtures: cache, capfd"))
        .map(CannotRun.Why::problem)
        .hasValueSatisfying(p -> assertThat(p).contains("the fixture mocker of pytest-mock"));
    // A fixture no declared plugin provides is the test's own, perhaps still to be written.
    assertThat(check(1, "fix the failing test", "E       fixture 'tmp_config' not found")).isEmpty();
    assertThat(check(1, "fix the httpbin fixture", requests)).isEmpty();
    // pytest-dev/pytest-mock's own tests: the plugin is the project itself, not installed.
    Files.writeString(root.resolve("pyproject.toml"), "[project]\nname = \"pytest-mock\"\n");
    assertThat(check(1, "fix the failing test", "E       fixture 'mocker' not found", ">       available fixtures: cache"))
        .map(CannotRun.Why::todo).contains("install the project in place with its test dependencies (python3 -m pip install -e .) or name another test command");
  }

  @Test
  void otherwiseOrWhenThePromptIsAboutThatPluginItIsNotTheSetup() {
    // Only pytest's own usage error: a test's own argparse failing is a test failing.
    assertThat(check(4, "fix the failing test", "usage: prog [-h] [--count N]", "prog: error: unrecognized arguments: --x",
        "1 failed")).isEmpty();
    assertThat(check(0, "fix the failing test", TQDM)).isEmpty();
    assertThat(check(4, "set up pytest-asyncio for the async tests", TQDM)).isEmpty();
  }

  @Test
  void aNodeRunnerTheProjectDependsOnComesFromInstallingItsDependencies() throws Exception {
    Files.writeString(root.resolve("package.json"), "{\"scripts\": {\"test\": \"vitest run\"}, \"devDependencies\": {\"vitest\": \"^1\"}}");
    assertThat(check(127, "fix the failing test", "> vitest run", "sh: 1: vitest: not found")).hasValueSatisfying(w ->
        assertThat(w.todo()).isEqualTo("install the project's dependencies (npm install; vitest is among the package.json's"
            + " dependencies, and there is no node_modules yet) or name another test command"));
    Files.writeString(root.resolve("pnpm-lock.yaml"), "lockfileVersion: '9.0'\n");
    Files.createDirectories(root.resolve("node_modules"));
    assertThat(check(127, "fix the failing test", "sh: 1: vitest: not found")).hasValueSatisfying(w ->
        assertThat(w.todo()).startsWith("install the project's dependencies (pnpm install; vitest is among the package.json's dependencies)"));
    // Installed, yet not found: the program itself is what to look at.
    Path bin = Files.createDirectories(root.resolve("node_modules/.bin"));
    Files.writeString(bin.resolve("vitest"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(bin.resolve("vitest"), PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(check(127, "fix the failing test", "sh: 1: vitest: not found")).hasValueSatisfying(w ->
        assertThat(w.todo()).isEqualTo("install vitest or name another test command"));
    // A program the project does not depend on keeps the plain hint.
    assertThat(check(127, "fix the failing test", "sh: 1: prove: not found")).hasValueSatisfying(w ->
        assertThat(w.todo()).isEqualTo("install prove or name another test command"));
  }

  /** sindresorhus/type-fest's npm test starts with run-p, a program of its devDependency npm-run-all2. */
  @Test
  void aProgramOfSomeDependencyWithNothingInstalledComesFromInstallingThem() throws Exception {
    Files.writeString(root.resolve("package.json"), "{\"scripts\": {\"test\": \"run-p test:*\"}, \"devDependencies\":"
        + " {\"npm-run-all2\": \"^8\", \"tsd\": \"^0.32\"}}");
    assertThat(check(127, "fix the failing test", "sh: 1: run-p: not found")).hasValueSatisfying(w ->
        assertThat(w.todo()).isEqualTo("install the project's dependencies (npm install; the package.json declares 2 and there is"
            + " no node_modules yet: run-p is likely one of their programs) or name another test command"));
    // Once something is installed, a program no dependency is named after is the program's own business.
    Files.createDirectories(root.resolve("node_modules"));
    assertThat(check(127, "fix the failing test", "sh: 1: run-p: not found")).hasValueSatisfying(w ->
        assertThat(w.todo()).isEqualTo("install run-p or name another test command"));
  }

  /** fzf and lazygit under Debian 12's go 1.19, and what Go 1.21+ says instead. */
  @Test
  void aGoTooOldForGoModCannotRun() {
    assertThat(check(1, "fix the failing test", "go: errors parsing go.mod:",
        "/home/u/.acr/worktrees/lazygit-9623b894/1/go.mod:3: invalid go version '1.25.0': must match format 1.23",
        "/home/u/.acr/worktrees/lazygit-9623b894/1/go.mod:80: unknown directive: tool")).hasValueSatisfying(w -> {
          assertThat(w.problem()).isEqualTo("the go on PATH is too old to read go.mod (it asks for go 1.25.0)");
          assertThat(w.todo()).isEqualTo("install Go 1.25.0 or newer (go.dev/dl; the go on PATH is what acr runs) or name another test command");
        });
    assertThat(check(1, "fix it", "go: errors parsing go.mod:", "/x/go.mod:80: unknown directive: toolchain"))
        .map(CannotRun.Why::problem).contains("the go on PATH is too old to read go.mod (it asks for go the version go.mod names)");
    assertThat(check(1, "fix it", "go: go.mod requires go >= 1.25.0 (running go 1.22.2; GOTOOLCHAIN=local)"))
        .map(CannotRun.Why::problem).contains("go.mod requires go 1.25.0 or newer, and this is go 1.22.2");
    assertThat(check(1, "fix it", "go: k8s.io/api@v0.30.0 requires go >= 1.22.0 (running go 1.21.9; GOTOOLCHAIN=local)"))
        .map(CannotRun.Why::problem).contains("the dependency k8s.io/api@v0.30.0 requires go 1.22.0 or newer, and this is go 1.21.9");
    assertThat(check(1, "fix it", "go: ../go.work requires go >= 1.23 (running go 1.22.2)")).map(CannotRun.Why::problem)
        .contains("../go.work requires go 1.23 or newer, and this is go 1.22.2");
    // 0x6d6e647a/learning_go_book's go.work under go 1.19: it was "tests fail (exit 1), as expected before a fix".
    assertThat(check(1, "fix the failing test",
        "reading go.work: /home/u/.acr/worktrees/learning_go_book-2ae01624/1/go.work:1: invalid go version '1.23.4': must match format 1.23"))
        .map(CannotRun.Why::problem).contains("the go on PATH is too old to read go.work (it asks for go 1.23.4)");
    // Its go.work and go.mod lowered to go 1.19 by the user, its test imports slices (Go 1.21): a build failure no fix could mend.
    assertThat(check(1, "fix the failing test", "# simplewebapp",
        "Ch 15 - Writing Tests/simplewebapp-main/DataProcessor_test.go:10:2: package slices is not in GOROOT (/usr/lib/go-1.19/src/slices)",
        "FAIL\tsimplewebapp [setup failed]", "FAIL")).hasValueSatisfying(w -> {
          assertThat(w.problem()).isEqualTo("the go on PATH is older than the standard package slices the code imports (Go 1.21 added it)");
          assertThat(w.todo()).startsWith("install Go 1.21 or newer");
        });
    assertThat(check(1, "fix the failing test", "x_test.go:4:2: package strngs is not in GOROOT (/usr/lib/go-1.19/src/strngs)"))
        .as("a misspelt import is the code's").isEmpty();
    // A test running go on a fixture prints go's words: tests ran, so a failing test it is (review13).
    assertThat(check(1, "fix it", "--- FAIL: TestList (0.01s)", "    list_test.go:20: go: errors parsing go.mod:",
        "    list_test.go:20: testdata/mod/go.mod:3: invalid go version '1.21.0': must match format 1.23",
        "FAIL", "FAIL\texample.com/x\t0.412s")).isEmpty();
    assertThat(check(1, "fix it", "go: downloading go1.25.0 (linux/amd64)",
        "go: download go1.25.0 for linux/amd64: toolchain not available")).map(CannotRun.Why::problem)
        .contains("go could not download Go 1.25.0, which go.mod asks for (toolchain not available)");
    // A test failing on its own is still a failing test.
    assertThat(check(1, "fix it", "--- FAIL: TestParse (0.00s)", "    parse_test.go:12: invalid version 'x'", "FAIL")).isEmpty();
  }

  /** ankane/safely (gemspec: required_ruby_version >= 3.3) under Debian 12's Ruby 3.1 and Bundler 2.3: every agent was recorded failed. */
  @Test
  void aRubyTooOldForTheGemspecCannotRun() {
    assertThat(check(1, "fix the failing test",
        "/usr/share/rubygems-integration/all/gems/bundler-2.3.15/lib/bundler/resolver.rb:59:in `rescue in start': Bundler found"
            + " conflicting requirements for the Ruby\\0 version: (Bundler::VersionConflict)",
        "  In Gemfile:", "    safely_block was resolved to 1.0.0, which depends on", "      Ruby\\0 (>= 3.3)", "",
        "  Current Ruby\\0 version:", "    Ruby\\0 (= 3.1.2)", "",
        "\tfrom /usr/share/rubygems-integration/all/gems/bundler-2.3.15/lib/bundler/resolver.rb:46:in `start'"))
        .hasValueSatisfying(w -> {
          assertThat(w.problem()).isEqualTo("the project requires Ruby >= 3.3, and this is Ruby 3.1.2 (Bundler cannot resolve the Gemfile)");
          assertThat(w.todo()).startsWith("install Ruby 3.3 or newer (");
        });
    // Bundler 2.4 and later say it through PubGrub.
    assertThat(check(6, "fix it", "Could not find compatible versions", "",
        "Because every version of safely_block depends on Ruby >= 3.3", "  and Gemfile depends on safely_block >= 0,",
        "  Ruby >= 3.3 is required.", "So, because current Ruby version is = 3.1.2,", "  version solving has failed."))
        .map(CannotRun.Why::problem).contains("the project requires Ruby >= 3.3, and this is Ruby 3.1.2 (Bundler cannot resolve the Gemfile)");
    assertThat(check(18, "fix it", "Your Ruby version is 3.1.2, but your Gemfile specified 3.3.0"))
        .map(CannotRun.Why::problem).contains("the Gemfile asks for Ruby 3.3.0, and this is Ruby 3.1.2");
    // A failing test that prints a version is the code's.
    assertThat(check(1, "fix it", "  1) Failure:", "VersionTest#test_ruby: Expected \"3.1.2\" to match >= 3.3", "1 runs, 1 assertions, 1 failures"))
        .isEmpty();
  }

  /** n1belung63/pool-allocator's cmake_minimum_required(VERSION 3.27) under Debian 12's cmake 3.25. */
  @Test
  void aCmakeOlderThanTheProjectsMinimumCannotRun() {
    assertThat(check(1, "fix the failing test", "CMake Error at CMakeLists.txt:1 (cmake_minimum_required):",
        "  CMake 3.27 or higher is required.  You are running version 3.25.1", "", "-- Configuring incomplete, errors occurred!"))
        .hasValueSatisfying(w -> {
          assertThat(w.problem()).isEqualTo("the project's cmake_minimum_required asks for CMake 3.27, and this is CMake 3.25.1");
          assertThat(w.todo()).startsWith("install CMake 3.27 or newer (");
        });
  }

  /** n1belung63/pool-allocator cloned without its submodules: CMake's add_subdirectory(singelton) finds an empty folder. */
  @Test
  void aSubmoduleNeverCheckedOutCannotRun() throws Exception {
    String[] cmake = {"CMake Error at CMakeLists.txt:13 (add_subdirectory):", "  The source directory", "",
        "    " + root.resolve("singelton"), "", "  does not contain a CMakeLists.txt file.", "",
        "fatal: unable to access 'https://github.com/google/googletest.git/': Could not resolve host: github.com"};
    Files.writeString(root.resolve(".gitmodules"), "[submodule \"singelton\"]\n\tpath = singelton\n\turl = https://github.com/n1belung63/singelton.git\n"
        + "[submodule \"test/googletest\"]\n\tpath = test/googletest\n\turl = https://github.com/google/googletest.git\n");
    Files.createDirectories(root.resolve("singelton"));
    assertThat(check(1, "fix the failing test", cmake)).hasValueSatisfying(w -> {
      assertThat(w.problem()).startsWith("the git submodule singelton is not checked out, and the build needs it (");
      assertThat(w.todo()).startsWith("check it out (git submodule update --init --recursive)");
    });
    Files.writeString(root.resolve("singelton/CMakeLists.txt"), "add_library(Singelton INTERFACE)\n");
    assertThat(check(1, "fix the failing test", cmake)).as("checked out: the download is what stops it").map(CannotRun.Why::problem)
        .hasValueSatisfying(p -> assertThat(p).contains("github.com"));
    assertThat(check(1, "fix the failing test", "/x/singelton-extra/a.cpp:3: error: 'x' was not declared")).as("another folder")
        .isEmpty();
  }

  /** endriau/mads with Debian's libcmocka-dev: find_package(cmocka) succeeds, but its AddCMockaTest.cmake is not there. */
  @Test
  void aCmakeCommandOfAMissingModuleCannotRun() {
    String[] out = {"CMake Error at tests/CMakeLists.txt:8 (add_cmocka_test):", "  Unknown CMake command \"add_cmocka_test\".", "",
        "-- Configuring incomplete, errors occurred!"};
    assertThat(check(1, "fix the failing test", out)).hasValueSatisfying(w -> {
      assertThat(w.problem()).isEqualTo("CMake does not know the command add_cmocka_test that the project's CMake files call:"
          + " the module that defines it is not installed or not found");
      assertThat(w.todo()).startsWith("install cmocka's AddCMockaTest.cmake (");
    });
    assertThat(check(1, "define add_cmocka_test in cmake/cmocka.cmake", out)).as("the task").isEmpty();
  }

  /** Cargo's words for a dependency or manifest newer than the rustc on PATH. */
  @Test
  void aRustTooOldForADependencyCannotRun() {
    assertThat(check(101, "fix the failing test", "error: rustc 1.63.0 is not supported by the following packages:",
        "  clap@4.5.0 requires rustc 1.74", "  clap_lex@0.7.0 requires rustc 1.74")).hasValueSatisfying(w -> {
          assertThat(w.problem()).isEqualTo("the dependency clap@4.5.0 needs rustc 1.74 or newer, and this is rustc 1.63.0");
          assertThat(w.todo()).startsWith("install Rust 1.74 or newer (rustup update");
        });
    assertThat(check(101, "fix it", "error: package `clap_lex v0.7.4` cannot be built because it requires rustc 1.74 or newer,"
        + " while the currently active rustc version is 1.63.0")).map(CannotRun.Why::problem)
        .contains("the dependency clap_lex v0.7.4 needs rustc 1.74 or newer, and this is rustc 1.63.0");
    assertThat(check(101, "fix it", "Caused by:", "  feature `edition2024` is required", "",
        "  The package requires the Cargo feature called `edition2024`, but that feature is not stabilized in this version of Cargo (1.80.1)."))
        .hasValueSatisfying(w -> {
          assertThat(w.problem()).isEqualTo("this Cargo (1.80.1) does not have the feature edition2024 a manifest needs");
          assertThat(w.todo()).startsWith("install a newer Rust (rustup update");
        });
    // As cargo wraps it, with its commit in the version (seen in the wild).
    assertThat(check(101, "fix it", "  The package requires the Cargo feature called `edition2024`, but that feature is not",
        "  stabilized in this version of Cargo (1.82.0 (8f40fc59f 2024-08-21)).")).map(CannotRun.Why::problem)
        .contains("this Cargo (1.82.0) does not have the feature edition2024 a manifest needs");
    assertThat(check(101, "fix it", "error: rustc 1.79.0-dev is not supported by the following package:",
        "  indexmap@2.13.0 requires rustc 1.82")).map(CannotRun.Why::problem)
        .contains("the dependency indexmap@2.13.0 needs rustc 1.82 or newer, and this is rustc 1.79.0-dev");
    // A test's own output naming versions is a failing test.
    assertThat(check(101, "fix it", "thread 'version_check' panicked at 'requires rustc 1.74'", "test result: FAILED")).isEmpty();
  }

  @Test
  void aVirtualEnvironmentsToolIsTheEnvironmentMissing() {
    assertThat(check(127, "fix it", "sh: 1: .venv/bin/pip: not found")).map(CannotRun.Why::todo).hasValueSatisfying(t ->
        assertThat(t).startsWith("create the virtual environment .venv the command expects"));
    assertThat(check(127, "fix it", "/bin/sh: 1: /root/.virtualenvs/colorama/bin/python: not found")).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).startsWith("create the virtual environment /root/.virtualenvs/colorama "));
    assertThat(check(127, "fix it", "sh: 1: /usr/bin/python3: not found")).map(CannotRun.Why::todo)
        .contains("install /usr/bin/python3 or name another test command");
  }
}
