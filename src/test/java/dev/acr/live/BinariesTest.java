package dev.acr.live;

import static org.assertj.core.api.Assertions.assertThat;

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
}
