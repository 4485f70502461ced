package dev.acr.realcli;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Without the real CLIs the RealCli*IT group skips, unless ACR_REQUIRE_REAL_CLIS=1 (CI): then it fails. */
class RealClisTest {
  @TempDir Path bin;

  @Test
  void missingClisSkipLocallyAndFailWhenRequired() {
    assertThatThrownBy(() -> RealClis.requireInstalled(bin, Map.of()))
        .isInstanceOf(TestAbortedException.class).hasMessageContaining(".ci/install-clis");
    assertThatThrownBy(() -> RealClis.requireInstalled(bin, Map.of("ACR_REQUIRE_REAL_CLIS", "1")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("ACR_REQUIRE_REAL_CLIS=1 forbids skipping")
        .hasMessageContaining("[claude, codex, opencode]");
  }

  @Test
  void installedClisPass() throws Exception {
    for (String p : RealClis.PROGRAMS) {
      Files.writeString(bin.resolve(p), "#!/bin/sh\n");
      Files.setPosixFilePermissions(bin.resolve(p), PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    assertThatCode(() -> RealClis.requireInstalled(bin, Map.of("ACR_REQUIRE_REAL_CLIS", "1"))).doesNotThrowAnyException();
  }
}
