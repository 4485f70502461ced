package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the "not found" message says installs a program, where a package.json declares dependencies nobody installed. */
class InstallHintsTest {
  @TempDir Path root;

  @BeforeEach
  void repository() throws Exception {
    Files.createDirectories(root.resolve(".git"));
  }

  /** elm-community/list-extra: npm test runs elm-test-rs, which elm-tooling.json pins and elm-tooling installs from GitHub. */
  @Test
  void anElmToolThatElmToolingPinsIsInstalledWithIt() throws Exception {
    Files.writeString(root.resolve("package.json"), "{\"scripts\": {\"test\": \"elm-verify-examples && elm-test-rs\","
        + " \"postinstall\": \"elm-tooling install\"}, \"devDependencies\": {\"elm-tooling\": \"^1.10.0\"}}");
    Files.writeString(root.resolve("elm-tooling.json"), "{\"tools\": {\"elm\": \"0.19.1\", \"elm-test-rs\": \"3.0.0\"}}");
    assertThat(InstallHints.of("elm-test-rs", root)).isEqualTo("install it with elm-tooling (npx elm-tooling install, which npm"
        + " install runs; it downloads elm-test-rs 3.0.0, which elm-tooling.json pins, from GitHub)");
    assertThat(InstallHints.of("elm-format", root)).as("not pinned there").doesNotContain("elm-tooling.json");
  }

  /** A Go repository with a docs package.json declaring prettier: dotnet, cargo, ruby or pytest are not its programs. */
  @Test
  void aToolchainIsNotANodeDependency() throws Exception {
    Files.writeString(root.resolve("go.mod"), "module example.com/x\n");
    Files.writeString(root.resolve("package.json"), "{\"scripts\": {\"fmt\": \"prettier --write docs\"}, \"devDependencies\": {\"prettier\": \"3\"}}");
    assertThat(InstallHints.of("dotnet", root)).isEqualTo("install dotnet (the .NET SDK: Microsoft's packages (dotnet-sdk-8.0 from"
        + " packages.microsoft.com) or its dotnet-install script; Debian 12 has none)");
    assertThat(InstallHints.of("cargo", root)).isEqualTo("install cargo");
    assertThat(InstallHints.of("ruby", root)).isEqualTo("install ruby");
    assertThat(InstallHints.of("pytest", root)).isEqualTo("install pytest");
    assertThat(InstallHints.of("bundle", root)).startsWith("install bundle (Bundler");
    // Not a toolchain, but named in no script: nothing says it comes with the dependencies.
    assertThat(InstallHints.of("ghost-runner", root)).isEqualTo("install ghost-runner");
  }

  /** sindresorhus/type-fest's run-p (npm-run-all2's program): a script names it, nothing is installed. */
  @Test
  void aProgramAScriptNamesComesWithTheDependencies() throws Exception {
    Files.writeString(root.resolve("package.json"), "{\"scripts\": {\"test\": \"run-p test:*\", \"x\": \"(cd a; ava)\"},"
        + " \"devDependencies\": {\"npm-run-all2\": \"8\", \"tsd\": \"0.32\"}}");
    assertThat(InstallHints.of("run-p", root)).isEqualTo("install the project's dependencies (npm install; the package.json declares 2"
        + " and there is no node_modules yet: run-p is likely one of their programs)");
    assertThat(InstallHints.of("ava", root)).contains("npm install");
    assertThat(InstallHints.of("run", root)).as("part of a word only").isEqualTo("install run");
    // A declared dependency is the dependencies' even when it shares a name with a toolchain's hint (bats).
    Files.writeString(root.resolve("package.json"), "{\"devDependencies\": {\"bats\": \"1\"}}");
    assertThat(InstallHints.of("bats", root)).startsWith("install the project's dependencies (npm install; bats is among");
  }

  /** Only a global.json that is there is named: most .NET projects have none, and any recent SDK does. */
  @Test
  void theDotnetHintNamesGlobalJsonOnlyWhenThereIsOne() throws Exception {
    Path src = Files.createDirectories(root.resolve("Src"));
    assertThat(InstallHints.of("dotnet", src)).doesNotContain("global.json").startsWith("install dotnet (the .NET SDK: ");
    assertThat(InstallHints.of("dotnet", null)).doesNotContain("global.json");
    Files.writeString(root.resolve("global.json"), "{\"sdk\": {\"version\": \"9.0.100\"}}");
    assertThat(InstallHints.of("dotnet", src)).startsWith("install dotnet (the .NET SDK of the version ../global.json names: ");
    assertThat(InstallHints.of("dotnet", root)).startsWith("install dotnet (the .NET SDK of the version global.json names: ");
  }

  /** clojure-emacs/clojure-mode's make test runs eldev, which Debian does not package: "install eldev" said nothing more (sweep5). */
  @Test
  void theToolsOfTheRunnersMetInSweep5() {
    assertThat(InstallHints.of("eldev", root)).isEqualTo("install eldev (Emacs Lisp's Eldev: its webinstall script or MELPA's eldev"
        + " package; not in Debian)");
    assertThat(InstallHints.of("octave-cli", root)).contains("Debian's octave");
    assertThat(InstallHints.of("lua", root)).contains("Debian's lua5.4");
  }
}
