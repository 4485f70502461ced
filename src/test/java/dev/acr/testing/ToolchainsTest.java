package dev.acr.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** The skip logic with a PATH made for the test: tools hidden, present, or present but broken. */
class ToolchainsTest {
  @TempDir Path tmp;

  private Path bin(String... scripts) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("bin" + scripts.length));
    for (int i = 0; i < scripts.length; i += 2) {
      Path p = Files.writeString(dir.resolve(scripts[i]), "#!/bin/sh\n" + scripts[i + 1] + "\n");
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return dir;
  }

  @Test
  void aToolHiddenFromPathIsMissingAndOneThatRunsIsNot() throws Exception {
    Path dir = bin("go", "exit 0", "node", "exit 1");
    Map<String, String> env = Map.of("PATH", dir.toString());
    assertThat(Toolchains.missing(List.of(Toolchains.GO, Toolchains.NODE, Toolchains.TMUX), env))
        .as("node is there but does not work; tmux is not there").containsExactly(Toolchains.NODE, Toolchains.TMUX);
    assertThat(Toolchains.missing(List.of(Toolchains.GO), Map.of("PATH", tmp.resolve("empty").toString())))
        .containsExactly(Toolchains.GO);
  }

  @Test
  void aMissingToolSkipsWithOneLineNamingItAndHowToInstallIt() throws Exception {
    Map<String, String> env = Map.of("PATH", bin("node", "exit 0").toString());
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThatThrownBy(() -> Toolchains.require("the live problems", env, Toolchains.NODE, Toolchains.GO))
          .isInstanceOf(TestAbortedException.class).hasMessageContaining("go (apt-get install golang-go)");
    } finally {
      System.setErr(saved);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("acr-test: skipped: the live problems needs go"
        + " (apt-get install golang-go), not found on PATH; set ACR_REQUIRE_TOOLS=1 to fail instead\n");
  }

  @Test
  void withAcrRequireToolsAMissingToolFailsInsteadOfSkipping() throws Exception {
    Map<String, String> env = Map.of("PATH", bin("node", "exit 0").toString(), "ACR_REQUIRE_TOOLS", "1");
    assertThatThrownBy(() -> Toolchains.require("the live problems", env, Toolchains.GO))
        .isInstanceOf(AssertionError.class).hasMessageContaining("ACR_REQUIRE_TOOLS=1 forbids skipping");
    assertThatCode(() -> Toolchains.require("the live problems", env, Toolchains.NODE)).doesNotThrowAnyException();
  }
}
