package dev.acr.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.verify.CannotRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A test command's programs looked up before anything runs (the dry run's and doctor's check). */
class TestProgramTest {
  @TempDir Path tmp;
  Path bin;
  Path repo;
  Map<String, String> env;

  @BeforeEach
  void setUp() throws Exception {
    bin = Files.createDirectories(tmp.resolve("bin"));
    repo = Files.createDirectories(tmp.resolve("repo"));
    for (String p : new String[] {"npm", "python3", "cmake", "make", "sh"}) {
      program(bin.resolve(p));
    }
    env = Map.of("PATH", bin.toString());
  }

  private static void program(Path p) throws Exception {
    Files.writeString(p, "#!/bin/sh\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Optional<CannotRun.Why> missing(String command) {
    return TestProgram.missing(command, repo, env, "fix the failing parser test");
  }

  @Test
  void aMissingRunnerIsNamedWithWhatInstallsIt() {
    assertThat(missing("pnpm test")).hasValueSatisfying(w -> {
      assertThat(w.problem()).isEqualTo("pnpm: not found");
      assertThat(w.todo()).isEqualTo("install pnpm (npm install -g pnpm, or corepack enable pnpm) or name another test command");
    });
    assertThat(missing("bundle exec rake test")).hasValueSatisfying(w -> assertThat(w.todo()).contains("ruby-bundler"));
  }

  @Test
  void installedProgramsAfterAssignmentsAndBuiltinsAreFound() {
    assertThat(missing("npm test")).isEmpty();
    assertThat(missing("PYTHONPATH=src python3 -m pytest -q -p no:cacheprovider")).isEmpty();
    assertThat(missing("echo start; make test")).isEmpty();
    assertThat(missing("echo start; prove -r t")).hasValueSatisfying(w -> assertThat(w.problem()).isEqualTo("prove: not found"));
    assertThat(missing("ulimit -n 4096 && unset PYTHONPATH && trap cleanup EXIT; ghost-runner"))
        .hasValueSatisfying(w -> assertThat(w.problem()).isEqualTo("ghost-runner: not found"));
  }

  @Test
  void onlyTheFirstProgramIsJudged() {
    // An earlier step may make or install what a later one runs (review13's cases).
    assertThat(missing("cmake -S . -B build && cmake --build build && ctest --test-dir build")).isEmpty();
    assertThat(missing("make && ./build/tests")).isEmpty();
    assertThat(missing("npm ci && ./node_modules/.bin/jest")).isEmpty();
    assertThat(missing("python3 -m venv .venv && .venv/bin/pip install -e .[test] && .venv/bin/pytest")).isEmpty();
    assertThat(missing("make test; prove -r t")).isEmpty();
  }

  @Test
  void aChangedPathOrAnExpandedWordIsTheShells() {
    assertThat(missing("PATH=./node_modules/.bin:$PATH jest")).isEmpty();
    assertThat(missing("PATH=/opt/bin jest")).isEmpty();
    assertThat(missing("export PATH=$PWD/bin:$PATH; mytool")).isEmpty();
    assertThat(missing("VERSION=$(git describe --tags) make test")).isEmpty();
    assertThat(missing("~/.local/bin/pytest")).isEmpty();
  }

  @Test
  void onlyWhatIsCertainToRunIsJudged() {
    // After || or a pipe, in quotes, behind a variable or control flow: the shell decides at run time.
    assertThat(missing("make test || ghost-runner")).isEmpty();
    assertThat(missing("make test | tee-like-ghost")).isEmpty();
    assertThat(missing("sh -c \"make && ghost-runner\"")).isEmpty();
    assertThat(missing("python3 -c 'import x; x.run()' && ghost-runner")).isEmpty();
    assertThat(missing("$RUNNER test")).isEmpty();
    assertThat(missing("if true; then ghost; fi")).isEmpty();
    assertThat(missing("ghost-runner || true")).hasValueSatisfying(w -> assertThat(w.problem()).isEqualTo("ghost-runner: not found"));
  }

  @Test
  void aRelativeProgramIsLookedUpWhereTheCommandHasGone() throws Exception {
    Path sub = Files.createDirectories(repo.resolve("sub"));
    assertThat(missing("cd sub && ./gradlew test")).hasValueSatisfying(w -> assertThat(w.problem()).isEqualTo("./gradlew: not found"));
    Files.writeString(sub.resolve("gradlew"), "#!/bin/sh\n");
    assertThat(missing("cd sub && ./gradlew test")).hasValueSatisfying(w -> {
      assertThat(w.problem()).isEqualTo("./gradlew cannot execute (not executable)");
      assertThat(w.todo()).startsWith("make it executable (chmod +x ./gradlew)");
    });
    program(sub.resolve("gradlew"));
    assertThat(missing("cd sub && ./gradlew test")).isEmpty();
    assertThat(missing("./gradlew test")).isPresent();
    // What an earlier step builds is not there before the run (AdaProject's gprbuild ... && bin/regex_test).
    assertThat(missing("make && cd build && ./tests")).isEmpty();
    assertThat(missing(".venv/bin/python -m pytest")).hasValueSatisfying(w ->
        assertThat(w.todo()).startsWith("create the virtual environment .venv the command expects"));
  }

  @Test
  void aProgramThePromptNamesIsTheTask() {
    assertThat(TestProgram.missing("pnpm test", repo, env, "set up pnpm so the tests run")).isEmpty();
  }

  /** expressjs/express, axios, mongoose on a fresh clone: the dry run said "ok" and the baseline stopped on "mocha: not found". */
  @Test
  void aPackageManagersScriptWithNothingInstalledWouldStop() throws Exception {
    Files.writeString(repo.resolve("package.json"), "{\"scripts\": {\"test\": \"mocha\"}, \"devDependencies\": {\"mocha\": \"10\", \"nyc\": \"15\"}}");
    Files.createDirectories(repo.resolve(".git"));
    assertThat(missing("npm test")).hasValueSatisfying(w -> {
      assertThat(w.problem()).isEqualTo("the project's dependencies are not installed (the package.json declares 2, and there is no node_modules)");
      assertThat(w.todo()).isEqualTo("install them (npm install) or name another test command");
    });
    assertThat(TestProgram.missing("npm test", repo, env, "install the dependencies and fix the tests")).isEmpty();
    // A workspace member: its root's node_modules serves it; a Plug'n'Play install has none.
    Path member = Files.createDirectories(repo.resolve("packages/a"));
    Files.writeString(member.resolve("package.json"), "{\"scripts\": {\"test\": \"vitest run\"}, \"devDependencies\": {\"vitest\": \"1\"}}");
    Files.writeString(repo.resolve("pnpm-lock.yaml"), "lockfileVersion: '9.0'\n");
    assertThat(TestProgram.missing("npm test", member, env, "fix it")).map(CannotRun.Why::todo)
        .as("the workspace's manager, at its root").contains("install them (pnpm install in " + repo + ") or name another test command");
    Files.createDirectories(repo.resolve("node_modules"));
    assertThat(TestProgram.missing("npm test", member, env, "fix it")).isEmpty();
    Files.delete(repo.resolve("node_modules"));
    Files.writeString(repo.resolve(".pnp.cjs"), "");
    assertThat(TestProgram.missing("npm test", member, env, "fix it")).isEmpty();
    // Nothing declared: nothing to install.
    Files.delete(repo.resolve(".pnp.cjs"));
    Files.delete(repo.resolve("pnpm-lock.yaml"));
    Files.writeString(repo.resolve("package.json"), "{\"scripts\": {\"test\": \"node --test\"}}");
    program(bin.resolve("node"));
    assertThat(missing("npm test")).isEmpty();
  }

  /**
   * A package.json whose test is {@code node --test}, with eslint and prettier for its lint: no node_modules, and the
   * run's baseline ran the tests, where the dry run and doctor said it would stop on the dependencies.
   */
  @Test
  void aScriptThatNeedsNoDependencyWouldNotStop() throws Exception {
    program(bin.resolve("node"));
    Files.createDirectories(repo.resolve(".git"));
    String deps = ", \"devDependencies\": {\"eslint\": \"9\", \"prettier\": \"3\"}}";
    for (String test : new String[] {"node --test", "echo testing; node --test test/", "make test", "NODE_ENV=test node test.js",
        "cd test && node --test"}) {
      Files.writeString(repo.resolve("package.json"), "{\"scripts\": {\"test\": \"" + test + "\"}" + deps);
      assertThat(missing("npm test")).as(test).isEmpty();
    }
    // bun test is bun's own runner; pnpm -r runs other packages' scripts; npx may fetch what it runs.
    program(bin.resolve("bun"));
    program(bin.resolve("pnpm"));
    program(bin.resolve("npx"));
    Files.writeString(repo.resolve("package.json"), "{\"scripts\": {\"test\": \"mocha\"}" + deps);
    assertThat(missing("bun test")).isEmpty();
    assertThat(missing("pnpm -r test")).isEmpty();
    assertThat(missing("npx mocha")).isEmpty();
    assertThat(missing("npm ci && npm test")).isEmpty();
    assertThat(missing("pnpm test")).isPresent();
    assertThat(missing("bun run test")).isPresent();
  }

  /** What npm runs first decides: a pretest, a script run by a script, a wrapper around a dependency's program (axios). */
  @Test
  void theScriptThatRunsFirstIsJudged() throws Exception {
    program(bin.resolve("node"));
    Files.createDirectories(repo.resolve(".git"));
    String deps = ", \"devDependencies\": {\"eslint\": \"9\", \"cross-env\": \"7\", \"vitest\": \"1\"}}";
    String stop = "the project's dependencies are not installed (the package.json declares 3, and there is no node_modules)";
    Files.writeString(repo.resolve("package.json"), "{\"scripts\": {\"pretest\": \"eslint .\", \"test\": \"node --test\"}" + deps);
    assertThat(missing("npm test")).map(CannotRun.Why::problem).contains(stop);
    Files.writeString(repo.resolve("package.json"), "{\"scripts\": {\"test\": \"npm run unit && npm run lint\","
        + " \"unit\": \"npm run vitest\", \"vitest\": \"vitest run\", \"lint\": \"node lint.js\"}" + deps);
    assertThat(missing("npm test")).map(CannotRun.Why::problem).contains(stop);
    assertThat(missing("npm run lint")).isEmpty();
    Files.writeString(repo.resolve("package.json"), "{\"scripts\": {\"test\": \"node bin/ssl_hotfix.js eslint lib/**/*.js\"}" + deps);
    assertThat(missing("npm test")).map(CannotRun.Why::problem).contains(stop);
    Files.writeString(repo.resolve("package.json"), "{\"scripts\": {\"test\": \"node bin/check.js --strict\"}" + deps);
    assertThat(missing("npm test")).isEmpty();
    // run-p, named after none of the dependencies (npm-run-all2's), comes with them too.
    Files.writeString(repo.resolve("package.json"), "{\"scripts\": {\"test\": \"run-p test:*\"}" + deps);
    assertThat(missing("npm test")).map(CannotRun.Why::problem).contains(stop);
  }

  /** A script's toolchain is no dependency: "dotnet: not found" wants the .NET SDK, not npm install. */
  @Test
  void aScriptsToolchainIsNamedNotTheDependencies() throws Exception {
    Files.createDirectories(repo.resolve(".git"));
    Files.writeString(repo.resolve("package.json"), "{\"scripts\": {\"test\": \"dotnet test\"}, \"devDependencies\": {\"prettier\": \"3\"}}");
    assertThat(missing("npm test")).hasValueSatisfying(w -> {
      assertThat(w.problem()).isEqualTo("dotnet: not found");
      assertThat(w.todo()).startsWith("install dotnet (the .NET SDK: ");
    });
    // Once something is installed, the script's PATH (node_modules/.bin) is the baseline's to judge.
    Files.writeString(repo.resolve("package.json"), "{\"scripts\": {\"test\": \"mocha\"}, \"devDependencies\": {\"mocha\": \"10\"}}");
    Files.createDirectories(repo.resolve("node_modules"));
    assertThat(missing("npm test")).isEmpty();
  }
}
