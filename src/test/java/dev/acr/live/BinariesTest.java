package dev.acr.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.config.ToolSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinariesTest {
  @TempDir Path tmp;

  @Test
  void findsTheFirstExecutableFileAlongPathLikeAShell() throws Exception {
    Path dirA = Files.createDirectories(tmp.resolve("a"));
    Path dirB = Files.createDirectories(tmp.resolve("b"));
    Path dirC = Files.createDirectories(tmp.resolve("c"));
    Files.writeString(dirA.resolve("tool"), "not executable\n");
    Files.createDirectories(dirB.resolve("tool")); // a directory, even a searchable one, is no program
    Path real = Files.writeString(dirC.resolve("tool"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwxr-xr-x"));
    String path = tmp.resolve("missing") + "::" + dirA + ":" + dirB + ":" + dirC;

    assertThat(Binaries.find("tool", path, tmp)).contains(real);
    assertThat(Binaries.find("other", path, tmp)).isEmpty();
    assertThat(Binaries.find("tool", null, tmp)).isEmpty();
    assertThat(Binaries.find("c/tool", null, tmp)).contains(tmp.resolve("c/tool"));
    assertThat(Binaries.find("a/tool", path, tmp)).isEmpty();
  }

  @Test
  void theMissingProgramIsThePrefixSwitchersWhenThereIsOne() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path claude = Files.writeString(bin.resolve("claude"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(claude, PosixFilePermissions.fromString("rwxr-xr-x"));
    ToolSpec tool = new ToolSpec("claude-code", true, null, java.util.List.of("claude", "-p"), null,
        "ACROUTER_CLAUDE_PREFIX", null, null, null, "npm install -g @anthropic-ai/claude-code", null);
    java.util.Map<String, String> path = java.util.Map.of("PATH", bin.toString());

    assertThat(Binaries.missingProgram(tool, path, tmp)).isEmpty();
    java.util.Map<String, String> env = java.util.Map.of("PATH", bin.toString(),
        "ACROUTER_CLAUDE_PREFIX", "ccswitch run --profile work --");
    Binaries.MissingProgram missing = Binaries.missingProgram(tool, env, tmp).orElseThrow();
    assertThat(missing.program()).isEqualTo("ccswitch");
    assertThat(missing.start().isPrefix()).isTrue();
    assertThat(missing.problem()).startsWith("'ccswitch' (the prefix in $ACROUTER_CLAUDE_PREFIX for claude-code) is not on PATH");
    assertThat(Binaries.missingProgram(tool, java.util.Map.of("PATH", tmp.toString()), tmp).orElseThrow().problem())
        .isEqualTo("'claude' is not on PATH; install it with: npm install -g @anthropic-ai/claude-code");
  }
}
