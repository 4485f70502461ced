package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/stand-in-agents/try.sh, the complete custom-tool example, does what docs/config.md says. */
class ExampleAgentsIT {
  @TempDir Path tmp;

  @Test
  void theStandInAgentsEscalateFromBreakerToFixer() throws Exception {
    Path root = Path.of(System.getProperty("acr.root"));
    ProcessBuilder pb = new ProcessBuilder(root.resolve("examples/stand-in-agents/try.sh").toString());
    pb.environment().put("ACR", root.resolve("bin/acr").toString());
    pb.environment().put("ACR_JAR", System.getProperty("acr.jar"));
    pb.environment().put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
    pb.environment().put("ACR_HOME", tmp.resolve("home/.acr").toString());
    pb.environment().put("TMPDIR", Files.createDirectories(tmp.resolve("tmp")).toString());
    pb.environment().put("NO_COLOR", "1");
    pb.redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(tmp.resolve("out.txt"));
    String err = Files.readString(tmp.resolve("err.txt"));
    assertThat(p.exitValue()).as(out + err).isZero();
    assertThat(err).contains("attempt 1 breaker:kimi-k2.5: failed").contains("attempt 2 fixer:gpt-5.4: verified");
    assertThat(out).contains("$0.0123").contains("verified: applied to your working tree (value.txt)");
  }
}
