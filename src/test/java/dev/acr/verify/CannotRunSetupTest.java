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
            assertThat(w.todo()).startsWith("install the pytest plugin that provides --frobnicate with"));
  }

  @Test
  void otherwiseOrWhenThePromptIsAboutThatPluginItIsNotTheSetup() {
    // Only pytest's own usage error at exit 4: a test's own argparse failing is a test failing.
    assertThat(check(1, "fix the failing test", TQDM)).isEmpty();
    assertThat(check(4, "fix the failing test", "prog: error: unrecognized arguments: --x", "1 failed")).isEmpty();
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
}
