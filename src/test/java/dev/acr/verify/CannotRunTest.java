package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telling a test command that cannot run from tests that ran and failed. */
class CannotRunTest {
  @TempDir Path root;

  private Optional<CannotRun.Why> check(int exit, String prompt, String... lines) {
    return CannotRun.check(exit, List.of(lines), root, root, prompt);
  }

  @Test
  void aMissingProgramIsNamed() {
    assertThat(check(127, "fix the test", "> a@1.0.0 test", "> jest", "", "sh: 1: jest: not found"))
        .map(CannotRun.Why::problem).contains("jest: not found");
    assertThat(check(127, "fix it", "/bin/sh: jest: command not found")).map(CannotRun.Why::problem).contains("jest: not found");
    assertThat(check(127, "fix it", "bash: line 1: cargo: command not found")).map(CannotRun.Why::problem).contains("cargo: not found");
    assertThat(check(127, "fix it", "./run-tests.sh: line 7: emacs: command not found")).map(CannotRun.Why::problem)
        .contains("emacs: not found");
    assertThat(check(127, "fix it")).map(CannotRun.Why::problem).contains("not found (exit 127)");
    assertThat(check(126, "fix it", "sh: 1: ./run-tests.sh: Permission denied")).map(CannotRun.Why::problem)
        .hasValueSatisfying(p -> assertThat(p).contains("cannot execute"));
  }

  @Test
  void makeReportsAMissingRecipeProgramAsError127() {
    assertThat(check(2, "fix it", "pytest -q", "make: pytest: No such file or directory", "make: *** [Makefile:2: test] Error 127"))
        .map(CannotRun.Why::problem).contains("pytest: not found");
  }

  @Test
  void aNotFoundLineInOutputOfTestsThatRanIsAFailureNotASetupProblem() {
    assertThat(check(1, "fix it", "sh: 1: convert: not found", "FAILED test_images.py::test_resize")).isEmpty();
    assertThat(check(1, "fix it", "Error: not found", "1 failed")).isEmpty();
    assertThat(check(1, "fix it", "AssertionError: expected 2, got 3", "1 failed, 4 passed")).isEmpty();
  }

  @Test
  void theTestRunnerModuleMissing() {
    assertThat(check(1, "fix the failing test", "/usr/bin/python3: No module named pytest"))
        .map(CannotRun.Why::problem).contains("No module named pytest");
    // The project's .venv, which acr runs the tests in, made without pytest: install it there, or say which to use.
    assertThat(check(1, "fix the failing test", "/home/me/.acr/worktrees/app-1a2b/1/.venv/bin/python3: No module named pytest"))
        .hasValueSatisfying(w -> {
          assertThat(w.problem()).isEqualTo("No module named pytest in the project's virtual environment, where the tests run");
          assertThat(w.todo()).isEqualTo("install it there (.venv/bin/python3 -m pip install pytest), or activate the"
              + " environment you test with first");
        });
  }

  @Test
  void aDeclaredDependencyMissingCountsButTheProjectsOwnModuleDoesNot() throws Exception {
    Files.writeString(root.resolve("requirements.txt"), "requests>=2\nattrs\n");
    assertThat(check(2, "fix the parser", "E   ModuleNotFoundError: No module named 'requests'")).isPresent();
    // The code under repair (not a declared dependency): a failing test, for the agent to fix.
    assertThat(check(2, "fix the parser", "E   ModuleNotFoundError: No module named 'parser'")).isEmpty();
    assertThat(check(1, "fix it", "ModuleNotFoundError: No module named 'mypkg.util'")).isEmpty();
    // A prompt that names the module makes it the task's business.
    assertThat(check(2, "add support for requests sessions", "ModuleNotFoundError: No module named 'requests'")).isEmpty();
  }

  /**
   * A package whose __init__.py reads importlib.metadata.version("shapes"), not installed: every test module failed to
   * import, the baseline read it as failing "as expected", and a fixer was recorded failed (tried here, 2026-12-07).
   */
  @Test
  void theProjectNotInstalledForItsOwnMetadata() throws Exception {
    Files.writeString(root.resolve("pyproject.toml"), "[project]\nname = \"shapes\"\ndependencies = [\"attrs\"]\n");
    assertThat(check(2, "fix the failing area test",
        "E   importlib.metadata.PackageNotFoundError: No package metadata was found for shapes")).hasValueSatisfying(w -> {
          assertThat(w.problem()).isEqualTo("No package metadata was found for shapes: the project reads its own version from"
              + " its installed metadata (importlib.metadata), and it is not installed for the python the tests run");
          assertThat(w.todo()).isEqualTo("install the project once (e.g. python3 -m pip install -e .)");
        });
    // Python 3.8 and 3.9 say only the name; a declared dependency is one too.
    assertThat(check(2, "fix it", "importlib.metadata.PackageNotFoundError: attrs")).map(CannotRun.Why::problem)
        .hasValueSatisfying(p -> assertThat(p).endsWith("attrs, a dependency of the project that is not installed for the python"
            + " the tests run"));
    // Another distribution's metadata, or a prompt about the metadata lookup: the tests' or the task's business.
    assertThat(check(1, "fix it", "PackageNotFoundError: No package metadata was found for someone-else")).isEmpty();
    assertThat(check(2, "make __version__ work without package metadata",
        "PackageNotFoundError: No package metadata was found for shapes")).isEmpty();
  }

  /**
   * A test written first for a src-layout project's new module: no agent had run when acr stopped with "No module
   * named 'shapes.circle', a dependency of the project that is not installed", read from name = "shapes".
   */
  @Test
  void aSrcLayoutProjectsOwnModuleIsNoDependency() throws Exception {
    Files.writeString(root.resolve("pyproject.toml"), "[project]\nname = \"shapes\"\ndependencies = [\"numpy\"]\n");
    Files.createDirectories(root.resolve("src/shapes"));
    Files.writeString(root.resolve("src/shapes/__init__.py"), "");
    String prompt = "add a circle module with circle_area(r) so the new test passes";
    assertThat(check(2, prompt, "E   ModuleNotFoundError: No module named 'shapes.circle'")).isEmpty();
    assertThat(check(2, prompt, "E   ModuleNotFoundError: No module named 'shapes'")).isEmpty();
    // A dependency the project declares is still one, src layout or not.
    assertThat(check(2, prompt, "E   ModuleNotFoundError: No module named 'numpy'")).map(CannotRun.Why::problem)
        .hasValueSatisfying(p -> assertThat(p).contains("a dependency of the project"));
    // A package still to be written whose name the project's is spelled from (pyshapes, python-shapes, shapes-py...).
    Files.delete(root.resolve("src/shapes/__init__.py"));
    Files.delete(root.resolve("src/shapes"));
    Files.writeString(root.resolve("src/other.py"), "");
    for (String name : List.of("shapes", "pyshapes", "python-shapes", "shapes-py", "Shapes_Py")) {
      Files.writeString(root.resolve("pyproject.toml"), "[project]\nname = \"" + name + "\"\nauthors = [\n  {name = \"numpy\"},\n]\n");
      assertThat(check(2, prompt, "E   ModuleNotFoundError: No module named 'shapes.circle'")).as(name).isEmpty();
    }
    Files.delete(root.resolve("pyproject.toml"));
    Files.writeString(root.resolve("setup.cfg"), "[metadata]\nname = python-shapes\n[options]\ninstall_requires =\n    shapes\n");
    assertThat(check(2, prompt, "E   ModuleNotFoundError: No module named 'shapes.circle'")).as("setup.cfg declares shapes, a"
        + " distribution other than its own python-shapes").isPresent();
    Files.writeString(root.resolve("setup.cfg"), "[metadata]\nname = shapes\n");
    assertThat(check(2, prompt, "E   ModuleNotFoundError: No module named 'shapes.circle'")).isEmpty();
  }

  /** Textualize/rich declares markdown-it-py, and its tests import markdown_it: the module is not the distribution's name. */
  @Test
  void aDependencyDeclaredUnderItsDistributionsNameCounts() throws Exception {
    Files.writeString(root.resolve("pyproject.toml"), "[tool.poetry.dependencies]\nmarkdown-it-py = \">=2.2.0\"\n"
        + "pyyaml = \"*\"\npython-dateutil = \"*\"\nbeautifulsoup4 = \"*\"\n");
    for (String module : List.of("markdown_it", "yaml", "dateutil", "bs4")) {
      assertThat(check(2, "fix the failing test", "E   ModuleNotFoundError: No module named '" + module + "'"))
          .as(module).map(CannotRun.Why::problem).hasValueSatisfying(p -> assertThat(p).contains("a dependency of the project"));
    }
    // Nothing declares these: a module still to be written is the task's.
    assertThat(check(2, "fix the failing test", "E   ModuleNotFoundError: No module named 'markdown'")).isEmpty();
    assertThat(check(2, "fix the failing test", "E   ModuleNotFoundError: No module named 'it'")).isEmpty();
  }

  /** pytest from the top of open-telemetry/opentelemetry-python: each package's tests/ is a package named tests. */
  @Test
  void testPackagesOfSeveralPackagesClash() throws Exception {
    Files.writeString(root.resolve("pyproject.toml"), "[tool.pytest.ini_options]\ntestpaths = [\"tests\"]\n");
    for (String f : List.of("opentelemetry-api/tests/__init__.py", "exporter/otlp-common/tests/__init__.py",
        "exporter/otlp-common/tests/test_http_client.py", ".venv/lib/tests/test_other.py")) {
      Files.createDirectories(root.resolve(f).getParent());
      Files.writeString(root.resolve(f), "");
    }
    assertThat(check(2, "fix the failing test", "E   ModuleNotFoundError: No module named 'tests.test_http_client'"))
        .map(CannotRun.Why::problem).hasValueSatisfying(p -> assertThat(p).contains("clash as one Python package named tests",
            "exporter/otlp-common/tests/test_http_client.py"));
    assertThat(check(2, "fix the failing test", "E   ModuleNotFoundError: No module named 'tests.test_http_client'"))
        .map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("cd exporter/otlp-common"));
    // Run in that package, its own module missing is its own business; one nowhere in the tree, or only in .venv, too.
    assertThat(CannotRun.check(2, List.of("E   ModuleNotFoundError: No module named 'tests.test_http_client'"), root,
        root.resolve("exporter/otlp-common"), "fix it")).isEmpty();
    assertThat(check(2, "fix it", "E   ModuleNotFoundError: No module named 'tests.test_gone'")).isEmpty();
    assertThat(check(2, "fix it", "E   ModuleNotFoundError: No module named 'tests.test_other'")).isEmpty();
  }

  @Test
  void nodeModulesMissingCountButARelativeImportDoesNot() throws Exception {
    Files.writeString(root.resolve("package.json"), "{\"devDependencies\": {\"vitest\": \"^1\", \"@scope/lib\": \"1\"}}");
    assertThat(check(1, "fix it", "Error: Cannot find module 'vitest'")).isPresent();
    assertThat(check(1, "fix it", "Error: Cannot find module '@scope/lib/dist/x.js'")).isPresent();
    assertThat(check(1, "fix it", "Error: Cannot find module '/repo/node_modules/jest/bin/jest.js'")).isPresent();
    assertThat(check(1, "fix it", "Error: Cannot find module './parser'")).isEmpty();
    assertThat(check(1, "fix it", "Error: Cannot find module 'left-pad'")).as("not declared").isEmpty();
  }

  @Test
  void aDeclaredPerlModuleMissingCountsButTheProjectsOwnDoesNot() throws Exception {
    String line = "Can't locate Ref/Util.pm in @INC (you may need to install the Ref::Util module) (@INC contains: t/lib lib /etc/perl) at lib/Text/Table/Tiny.pm line 9.";
    assertThat(check(2, "fix the widths", line)).as("not declared (dist.ini's AutoPrereqs names nothing)").isEmpty();
    Files.writeString(root.resolve("cpanfile"), "requires 'Ref::Util', '0.202';\nrequires 'Carp';\n");
    assertThat(check(2, "fix the widths", line)).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).contains("cpanm --installdeps ."));
    // The code under repair, which the project does not declare: a failing test, for the agent to fix.
    assertThat(check(2, "fix the widths",
        "Can't locate Text/Table/Util.pm in @INC (you may need to install the Text::Table::Util module) (@INC contains: lib)")).isEmpty();
  }

  @Test
  void aMissingHeaderCountsOnlyWhenNoFileOfThatNameIsInTheRepository() throws Exception {
    String line = "src/main.c:3:10: fatal error: vendor/lib.h: No such file or directory";
    assertThat(check(2, "fix the overflow", line)).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).contains("git submodule update --init"));
    Files.createDirectories(root.resolve("vendor"));
    Files.writeString(root.resolve("vendor/lib.h"), "int f(void);\n");
    assertThat(check(2, "fix the overflow", line)).isEmpty();
  }

  @Test
  void otherToolsSayingTheyCannotStart() {
    assertThat(check(1, "fix it", "go: cannot find main module, but found .git/config in /repo")).isPresent();
    assertThat(check(1, "fix it", "npm error Missing script: \"test\"")).isPresent();
    assertThat(check(2, "fix it", "make: *** No rule to make target 'test'.  Stop.")).isPresent();
    assertThat(check(2, "fix it", "python3: can't open file '/repo/run_tests.py': [Errno 2] No such file or directory")).isPresent();
    assertThat(check(2, "write run_tests.py", "python3: can't open file '/repo/run_tests.py': [Errno 2] No such file or directory"))
        .as("asked to write it").isEmpty();
  }

  /** Lines as cashapp/turbine's ./gradlew (Gradle 8.10.2 wrapper) printed them offline. */
  @Test
  void theGradleWrapperCannotGetGradle() {
    assertThat(check(1, "fix the failing test", "Downloading https://services.gradle.org/distributions/gradle-8.10.2-bin.zip", "",
        "Exception in thread \"main\" java.net.UnknownHostException: services.gradle.org",
        "\tat java.base/sun.nio.ch.NioSocketImpl.connect(NioSocketImpl.java:572)",
        "\tat org.gradle.wrapper.Install.forceFetch(SourceFile:2)",
        "\tat org.gradle.wrapper.GradleWrapperMain.main(SourceFile:67)"))
        .map(CannotRun.Why::problem).hasValueSatisfying(p -> assertThat(p)
            .endsWith("names (java.net.UnknownHostException: services.gradle.org)"));
    // The project's own test throwing an exception is a failing test, even one named like the network.
    assertThat(check(1, "fix it", "ClientTest > connects FAILED", "    java.net.UnknownHostException: example.invalid",
        "        at com.example.Client.connect(Client.kt:12)", "BUILD FAILED in 3s")).isEmpty();
  }

  /** Lines as bundler 2.3.15 printed them for piotrmurach/tty-color, and composer 2.5 for webmozarts/assert. */
  @Test
  void bundlerAndComposerCannotStartTheTests() {
    assertThat(check(1, "fix the failing test", "bundler: failed to load command: rspec (/usr/bin/rspec)",
        "/usr/share/rubygems-integration/all/gems/bundler-2.3.15/lib/bundler/resolver.rb:271:in `block in"
            + " verify_gemfile_dependencies_are_found!': Could not find gem 'yardstick (~> 0.9.9)' in locally installed gems."
            + " (Bundler::GemNotFound)"))
        .map(CannotRun.Why::problem).contains("the gem yardstick (~> 0.9.9) that the Gemfile asks for is not installed");
    assertThat(check(1, "fix it", "Could not find rake-13.0.6 in any of the sources")).isPresent();
    assertThat(check(127, "fix it", "bundler: command not found: rspec", "Install missing gem executables with `bundle install`"))
        .map(CannotRun.Why::problem).contains("no gem in the bundle provides rspec");
    assertThat(check(127, "fix the failing test", "> ./tools/phpunit/vendor/bin/phpunit",
        "sh: 1: ./tools/phpunit/vendor/bin/phpunit: not found",
        "Script ./tools/phpunit/vendor/bin/phpunit handling the test event returned with error code 127"))
        .hasValue(new CannotRun.Why("./tools/phpunit/vendor/bin/phpunit: not found",
            "install the dependencies that provide it (composer install in ./tools/phpunit) or name another test command"));
    assertThat(check(127, "fix it", "sh: 1: vendor/bin/phpunit: not found")).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).startsWith("install the dependencies that provide it (composer install in .)"));
    assertThat(check(1, "fix the failing test", "PHPUnit 9.6.7 by Sebastian Bergmann and contributors.", "",
        "Cannot open file \"/home/u/.acr/worktrees/assert-bfefae24/1/vendor/autoload.php\"."))
        .hasValue(new CannotRun.Why("the project's dependencies are not installed (no vendor/autoload.php)",
            "install them (composer install) or name another test command"));
    assertThat(check(255, "fix it", "PHP Fatal error:  Uncaught Error: Failed opening required 'vendor/autoload.php'"
        + " (include_path='.:/usr/share/php') in /repo/tests/bootstrap.php:3")).isPresent();
    // composer passes on a failing phpunit's exit status 1: the tests ran.
    assertThat(check(1, "fix it", "sh: 1: convert: not found",
        "Script phpunit handling the test event returned with error code 1")).isEmpty();
  }

  /** pnpm 10.33 on unjs/defu and Yarn 4.17 on wojtekmaj/merge-refs before their install: exit 1, not 127. */
  @Test
  void pnpmAndYarnInAProjectNeverInstalled() throws Exception {
    Files.writeString(root.resolve("package.json"), "{\"scripts\": {\"test\": \"oxlint src\"}, \"devDependencies\": {\"oxlint\": \"1\"}}");
    assertThat(check(1, "fix the failing test", "> oxlint src && oxfmt --check src test", "", "sh: 1: oxlint: not found",
        " ELIFECYCLE  Command failed.", " WARN   Local package.json exists, but node_modules missing, did you mean to install?"))
        .map(CannotRun.Why::todo).contains("install them (pnpm install) or name another test command");
    assertThat(check(1, "fix it", "Usage Error: Couldn't find the node_modules state file - running an install might help"
        + " (findPackageLocation)", "", "$ yarn run [--inspect] [--inspect-brk] <scriptName> ..."))
        .map(CannotRun.Why::todo).contains("install them (yarn install) or name another test command");
    assertThat(check(1, "fix it", "Usage Error: The project in /repo/package.json doesn't seem to have been installed - running an"
        + " install there might help")).isPresent();
  }

  /** pnpm warns so after any failing script of a package without node_modules: one that depends on nothing has none to install. */
  @Test
  void pnpmsWarningInAPackageWithoutDependenciesIsAFailingTest() throws Exception {
    Files.writeString(root.resolve("package.json"), "{\"scripts\": {\"test\": \"node --test\"}}");
    assertThat(check(1, "fix the failing test", "not ok 1 - adds", "# fail 1", " ELIFECYCLE  Test failed. See above for more details.",
        " WARN   Local package.json exists, but node_modules missing, did you mean to install?")).isEmpty();
  }

  /** Vitest 4.1's browser mode on wojtekmaj/merge-refs with no Playwright browser downloaded (coloured into a pipe), and Puppeteer's words. */
  @Test
  void aBrowserTheTestsDriveIsNotInstalled() {
    assertThat(check(1, "fix the failing test", "\u001b[31m\u001b[1mError\u001b[22m: browserType.launch: Executable doesn't exist at"
        + " /root/.cache/ms-playwright/chromium_headless_shell-1223/chrome-headless-shell-linux64/chrome-headless-shell",
        "║     yarn playwright install                                ║", "      Tests  no tests"))
        .map(CannotRun.Why::problem).hasValueSatisfying(p -> assertThat(p).startsWith("Playwright's browser is not installed (/root/"));
    assertThat(check(1, "fix it", "Error: Could not find Chrome (ver. 121.0.6167.85). This can occur if either"))
        .map(CannotRun.Why::todo).contains("install it (npx puppeteer browsers install chrome) or name another test command");
    // web-test-runner's chrome-launcher on chaijs/deep-eql (npm test: its mocha tests passed, then test:browser), coloured.
    assertThat(check(1, "fix the failing test", "test/deep-eql.js:", "",
        " \u001b[31m❌ The CHROME_PATH environment variable must be set to a Chrome/Chromium executable no older than Chrome stable.\u001b[39m",
        "    Error", "        at new LauncherError (/x/node_modules/chrome-launcher/dist/utils.js:26:22)",
        "Chrome: |██████████████████████████████| 3/3 test files | 0 passed, 0 failed", "Error while running tests."))
        .map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).startsWith("install one (apt-get install chromium) and set CHROME_PATH"));
  }

  /** Lines as Node 20's corepack 0.34.6 printed them for unjs/defu's "pnpm test" (packageManager pnpm@10.33.0). */
  @Test
  void corepackFailingToFetchOrVerifyThePackageManager() {
    String at = "    at verifySignature (/usr/lib/node_modules/corepack/dist/lib/corepack.cjs:21999:63)";
    assertThat(check(1, "fix the failing test", "/usr/lib/node_modules/corepack/dist/lib/corepack.cjs:21999",
        "Error: No compatible signature found in package metadata", at, "Node.js v20.20.2"))
        .map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("COREPACK_INTEGRITY_KEYS=0"));
    assertThat(check(1, "fix it", "Internal Error: Error when performing the request to https://registry.npmjs.org/pnpm/-/pnpm-10.33.0.tgz;"
        + " for troubleshooting help, see https://github.com/nodejs/corepack#troubleshooting"))
        .map(CannotRun.Why::problem).hasValueSatisfying(p -> assertThat(p).startsWith("corepack could not download"));
    // A webhook or JWT test failing with corepack's words is a failing test: corepack is nowhere in its output.
    assertThat(check(1, "fix webhook verification", "Error: Signature does not match", "    at verify (src/verify.js:10:11)",
        "Tests  1 failed | 12 passed (13)")).isEmpty();
    // A test of the project's own that fails is still a failing test.
    assertThat(check(1, "fix it", "AssertionError: expected [ 1, 2 ] to deeply equal [ 2, 1 ]", "Tests  1 failed | 22 passed (23)"))
        .isEmpty();
  }

  /** Lines as pnpm 10.34.9 printed them for unjs/ufo's "pnpm test" (packageManager pnpm@10.28.0), from a registry without signatures and offline. */
  @Test
  void pnpmFailingToSwitchToThePackageManagersVersion() {
    assertThat(check(1, "fix the failing withQuery tests", "> ufo@1.6.3 test /tmp/ufo", "> pnpm lint && vitest run --typecheck", "",
        " ERROR  Refusing to run pnpm@10.28.0: its npm registry signature could not be verified (pnpm@10.28.0: pnpm@10.28.0 has no"
            + " registry signature on https://registry.npmjs.org/). The bytes selected by this install do not match a published,"
            + " signed pnpm release.",
        "This can indicate a tampered download or a malicious/unreachable registry. Set `manage-package-manager-versions` to"
            + " `false` to skip the version switch if this is unexpected.",
        " ELIFECYCLE  Test failed. See above for more details."))
        .hasValueSatisfying(w -> {
          assertThat(w.problem()).startsWith("pnpm could not verify pnpm@10.28.0, the version the project's package.json names");
          assertThat(w.todo()).contains("pnpm config set manage-package-manager-versions false");
        });
    assertThat(check(1, "fix it", " ERROR  Command was killed with SIGTERM (Termination): pnpm add pnpm@10.28.0 --loglevel=error"
        + " --ignore-scripts --config.strict-dep-builds=false --config.node-linker=hoisted --config.bin=bin --ignore-workspace"))
        .map(CannotRun.Why::problem).hasValueSatisfying(p -> assertThat(p).startsWith("pnpm could not download pnpm@10.28.0"));
    // A project's own test that installs pnpm and fails is not the switch: no "pnpm add pnpm@X" command line.
    assertThat(check(1, "fix it", "AssertionError: expected 'pnpm@9' to be 'pnpm@10'", "Tests  1 failed | 3 passed (4)")).isEmpty();
  }

  /** Lines as Maven 3.8.7 printed them for apache/commons-cli (ESC[0m included), and javac's and Gradle's. */
  @Test
  void mavenAndGradleRefusingToBuildBeforeAnyTestRan() {
    assertThat(check(1, "fix the failing option test",
        "\u001b[0m\u001b[0m[ERROR] Failed to execute goal org.apache.maven.plugins:maven-enforcer-plugin:3.6.3:enforce"
            + " (enforce-maven-version) on project commons-cli: ",
        "[ERROR] Rule 0: org.apache.maven.enforcer.rules.version.RequireMavenVersion failed with message:",
        "[ERROR] Detected Maven Version: 3.8.7 is not in the allowed range [3.9,).",
        "[ERROR] -> [Help 1]"))
        .map(CannotRun.Why::problem).contains("Maven 3.8.7 is not in the range the project's maven-enforcer-plugin allows, [3.9,)");
    assertThat(check(1, "fix it", "\u001b[0m\u001b[0m[ERROR] Failed to execute goal org.apache.rat:apache-rat-plugin:0.18:check"
        + " (rat-check) on project commons-cli: The plugin org.apache.rat:apache-rat-plugin:0.18 requires Maven version 3.9 -> [Help 1]"))
        .map(CannotRun.Why::problem).contains("the Maven plugin org.apache.rat:apache-rat-plugin:0.18 requires Maven 3.9");
    assertThat(check(1, "fix it", "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile"
        + " (default-compile) on project x: Fatal error compiling: error: release version 21 not supported -> [Help 1]"))
        .map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("JDK 21 or newer"));
    assertThat(check(1, "fix it", "error: invalid target release: 25")).isPresent();
    assertThat(check(1, "fix it", "[ERROR] Failed to execute goal on project x: Could not resolve dependencies for project"
        + " a:x:jar:1.0: Could not transfer artifact junit:junit:pom:4.13.2")).isPresent();
    assertThat(check(1, "fix it", "> Could not resolve all files for configuration ':testCompileClasspath'.")).isPresent();
    // A compile error in the project's own code, or a failing test, is the agent's to fix.
    assertThat(check(1, "fix it", "[ERROR] /repo/src/main/java/a/Option.java:[788,16] incompatible types: int cannot be converted"
        + " to boolean", "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.11.0:compile")).isEmpty();
    assertThat(check(1, "fix it", "[ERROR] Tests run: 12, Failures: 1, Errors: 0, Skipped: 0",
        "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.2.5:test (default-test)")).isEmpty();
  }

  /** As cargo printed them for rust-lang/cfg-if (an optional dependency) with no crates.io, and go with no module proxy. */
  @Test
  void aDependencyThatCannotBeDownloaded() {
    assertThat(check(101, "fix the failing test",
        "error: failed to get `rustc-std-workspace-core` as a dependency of package `cfg-if v1.0.4 (/tmp/cfg-if)`", "",
        "Caused by:", "  download of config.json failed", "",
        "  [6] Could not resolve hostname (Could not resolve host: index.crates.io)"))
        .map(CannotRun.Why::problem).contains("the dependency rustc-std-workspace-core could not be downloaded");
    assertThat(check(101, "fix it", "error: no matching package named `rustc-std-workspace-core` found",
        "location searched: crates.io index")).map(CannotRun.Why::todo).get().asString().contains("(cargo fetch)");
    assertThat(check(1, "fix it", "go: github.com/google/go-cmp@v0.6.0: Get \"https://proxy.golang.org/github.com/google/go-cmp/"
        + "@v/v0.6.0.mod\": dial tcp: lookup proxy.golang.org: no such host"))
        .map(CannotRun.Why::problem).contains("the dependency github.com/google/go-cmp could not be downloaded");
    assertThat(check(1, "fix it", "go: github.com/google/go-cmp@v0.6.0: Get \"https://proxy.golang.org/x\": dial tcp: no such host"))
        .map(CannotRun.Why::todo).get().asString().contains("(go mod download)").doesNotContain("cargo");
    // go test in hashicorp/golang-lru's arc/ module, offline: the importing file's position comes first.
    assertThat(check(1, "fix the failing test", "go: downloading github.com/hashicorp/golang-lru/v2 v2.0.7",
        "arc.go:9:2: github.com/hashicorp/golang-lru/v2@v2.0.7: Get \"https://proxy.golang.org/github.com/hashicorp/golang-lru/v2/"
            + "@v/v2.0.7.zip\": dial tcp: lookup proxy.golang.org on 10.255.255.53:53: no such host"))
        .map(CannotRun.Why::problem).contains("the dependency github.com/hashicorp/golang-lru/v2 could not be downloaded");
    // A test that fails while talking to the network itself has run.
    assertThat(check(1, "fix the client", "--- FAIL: TestFetch (0.01s)", "    client_test.go:12: Get \"http://127.0.0.1:1/\": dial tcp"
        + " 127.0.0.1:1: connect: connection refused")).isEmpty();
  }

  /** As Leiningen 2.10, Debian's clojure, nimble 0.13, dub 1.27 and tcltest 2.5 printed them offline (docs/real-repos.md). */
  @Test
  void clojureNimDAndTclDependenciesOutOfReach() throws Exception {
    assertThat(check(1, "fix the failing test",
        "Could not find artifact lein-codox:lein-codox:jar:0.10.8 in central (https://repo1.maven.org/maven2/)",
        "Could not transfer artifact lein-codox:lein-codox:jar:0.10.8 from/to clojars (https://repo.clojars.org/): transfer failed for"
            + " https://repo.clojars.org/lein-codox/lein-codox/0.10.8/lein-codox-0.10.8.jar",
        "This could be due to a typo in :dependencies, file system permissions, or network issues."))
        .map(CannotRun.Why::problem)
        .contains("the build could not download lein-codox:lein-codox:jar:0.10.8 from clojars (https://repo.clojars.org/)");
    String transfer = "Could not transfer artifact a:b:jar:1.0 from/to central (https://repo1.maven.org/maven2/): transfer failed";
    // Maven-resolver's words: the Clojure commands are advice only in a Clojure project.
    assertThat(check(1, "fix the failing test", transfer)).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).doesNotContain("lein"));
    Files.writeString(root.resolve("project.clj"), "(defproject a \"1.0\")");
    assertThat(check(1, "fix the failing test", transfer)).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).contains("lein deps"));
    assertThat(check(1, "fix the failing test", "Tried to use insecure HTTP repository without TLS:",
        "immutant: http://downloads.immutant.org/incremental/", " org/immutant/immutant/2.0/immutant-2.0.pom", "",
        "This is almost certainly a mistake; for details see")).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).contains("https://"));
    Files.delete(root.resolve("project.clj"));
    assertThat(check(1, "fix the failing test", "Execution error (FileNotFoundException) at java.io.FileInputStream/open0"
        + " (FileInputStream.java:-2).", "-M:test (No such file or directory)"))
        .map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("Clojure CLI"));
    assertThat(check(1, "fix the failing test", "  Verifying dependencies for nimx@0.1.0",
        "    Prompt: No local packages.json found, download it from internet? [y/N]", "Error: unhandled exception: EOF reached [EOFError]"))
        .map(CannotRun.Why::todo).hasValueSatisfying(t -> assertThat(t).contains("nimble install -d"));
    assertThat(check(2, "fix the failing test", "Package silly not found in registry at https://code.dlang.org/ (fallbacks registry at"
        + " https://codemirror.dlang.org/): Failed to download https://code.dlang.org/api/packages/infos?packages=%5B%22silly%22%5D",
        "Failed to find any versions for package silly, referenced by dx ~master"))
        .map(CannotRun.Why::problem).hasValueSatisfying(p -> assertThat(p).startsWith("dub could not get the package silly"));
    // tcltest exits 0 either way: Baseline asks with exit 1 when its summary says tests failed.
    String[] tcl = {"a.test", "Test file error: can't find package fileutil", "    while executing", "\"package require fileutil\"",
        "all.tcl:\tTotal\t0\tPassed\t0\tSkipped\t0\tFailed\t0", "Test files exiting with errors:", "  a.test"};
    assertThat(check(1, "fix the failing test", tcl)).map(CannotRun.Why::problem).contains("the Tcl package fileutil is not installed");
    assertThat(check(1, "make parse_file use fileutil less", tcl)).as("the prompt names it").isEmpty();
    Files.createDirectories(root.resolve("lib"));
    Files.writeString(root.resolve("lib/fileutil.tcl"), "package provide fileutil 1.0\nproc fileutil::cat {f} {}\n");
    assertThat(check(1, "fix the failing test", tcl)).as("the project's own package: its loading is the agent's to fix").isEmpty();
    // bef/qmon run without -singleproc: failures shown, none counted; a fix would count nothing either.
    assertThat(check(1, "fix the failing test", "==== ip-pi-global ini2::parse_ini global section FAILED", "==== ip-pi-global FAILED",
        "run.tcl:\tTotal\t0\tPassed\t0\tSkipped\t0\tFailed\t0")).map(CannotRun.Why::todo)
        .hasValueSatisfying(t -> assertThat(t).contains("-singleproc 1"));
    assertThat(check(1, "fix the failing test", "==== cp-2 FAILED", "run.tcl:\tTotal\t22\tPassed\t21\tSkipped\t0\tFailed\t1"))
        .as("counted: a failing test for an agent to fix").isEmpty();
  }

  @Test
  void passingIsNeverCannotRun() {
    assertThat(check(0, "fix it", "sh: 1: jest: not found")).isEmpty();
  }

  @Test
  void packageNames() {
    assertThat(CannotRun.packageName("@scope/lib/dist/x.js")).isEqualTo("@scope/lib");
    assertThat(CannotRun.packageName("lodash/fp")).isEqualTo("lodash");
    assertThat(CannotRun.packageName("/a/node_modules/jest/bin/jest.js")).isEqualTo("jest");
  }

  /** tartley/colorama: make test runs a virtualenv's python that was never created. */
  @Test
  void aVirtualEnvironmentThatIsNotThere() {
    assertThat(check(2, "fix the failing ansi test", "~/.virtualenvs/colorama/bin/python -m unittest discover -p *_test.py",
        "/bin/sh: 1: /root/.virtualenvs/colorama/bin/python: not found", "make: *** [Makefile:46: test] Error 127"))
        .map(CannotRun.Why::todo).get().asString()
        .startsWith("create the virtual environment /root/.virtualenvs/colorama the command expects (python3 -m venv");
  }
}
