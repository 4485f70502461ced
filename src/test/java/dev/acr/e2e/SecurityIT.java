package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prompt reaches the agent byte for byte; secrets and other users stay out. */
class SecurityIT {
  private static final String HOSTILE =
      "$(rm -rf ~) `touch pwned` \"double\" 'single' \\backslash ; && | > < * ?\nsecond line\ttab\n"
          + "unicode: żółć 日本語 🚀 -- --version -rf";

  @TempDir Path tmp;
  Fixtures fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new Fixtures(tmp);
  }

  @Test
  void hostilePromptArrivesExactlyAsOneArgumentAndOnStdin() throws Exception {
    for (String tool : List.of("argv-recorder", "stdin-recorder")) {
      Fixtures.Run r = fx.acr("--chain", tool, "--verify", "sh check.sh", HOSTILE);
      assertThat(r.exit()).as(r.err()).isZero();
      String file = tool.startsWith("argv") ? "argv-prompt.txt" : "stdin-prompt.txt";
      assertThat(Files.readString(tmp.resolve("pids").resolve(file), StandardCharsets.UTF_8)).isEqualTo(HOSTILE);
      fx.git("checkout", "-q", "value.txt");
    }
    assertThat(fx.repo.resolve("pwned")).doesNotExist();
    assertThat(fx.home.resolve("memory.jsonl")).exists();
  }

  @Test
  void aHundredKilobytePromptOfNoiseArrivesWhole() throws Exception {
    Random rng = new Random(7);
    StringBuilder b = new StringBuilder();
    while (b.length() < 100_000) {
      int c = 0x20 + rng.nextInt(0x7e - 0x20);
      b.append((char) c);
      if (rng.nextInt(80) == 0) {
        b.append('\n');
      }
    }
    String prompt = b.toString();
    Fixtures.Run r = fx.acr("--chain", "stdin-recorder", "--verify", "sh check.sh", prompt);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(tmp.resolve("pids/stdin-prompt.txt"))).isEqualTo(prompt);
    // Memory keeps only the first 500 characters.
    String line = fx.memoryLines().get(0);
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("prompt").asText())
        .isEqualTo(prompt.substring(0, 500));
    assertThat(line).hasSizeLessThan(3_000);
  }

  @Test
  void secretEnvironmentValuesStayOutOfLogsMemoryAndJson() throws Exception {
    String secret = "sk-test-9f8e7d6c5b4a";
    fx.extraEnv.put("OPENAI_API_KEY", secret);
    fx.extraEnv.put("GITHUB_TOKEN", secret + "-gh");
    // The second agent and the verify command print the environment: the logs get it redacted.
    Fixtures.Run r = fx.acr("--json", "--chain", "breaker,leaker", "--verify", "env; sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain(secret);
    assertThat(r.err()).doesNotContain(secret);
    try (Stream<Path> files = Files.walk(fx.home)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(secret);
      }
    }
    String runId = fx.memoryLines().get(0).replaceAll(".*\"run_id\":\"([^\"]+)\".*", "$1");
    Path runDir = fx.home.resolve("runs").resolve(runId);
    assertThat(Files.readString(runDir.resolve("attempt-2/stdout.log"))).contains("OPENAI_API_KEY=[redacted OPENAI_API_KEY]");
    assertThat(Files.readString(runDir.resolve("attempt-2/verify.log"))).contains("GITHUB_TOKEN=[redacted GITHUB_TOKEN]");
    assertThat(r.err()).contains("using key [redacted OPENAI_API_KEY]");
    assertThat(Files.readString(runDir.resolve("attempt-1/env-names.txt"))).contains("OPENAI_API_KEY");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(runDir))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fx.memory()))).isEqualTo("rw-------");
  }

  @Test
  void noStorePromptKeepsOnlyTheHash() throws Exception {
    Fixtures.Run r = fx.acr("--no-store-prompt", "--chain", "fixer", "--verify", "sh check.sh", "secret plan for value.txt");
    assertThat(r.exit()).as(r.err()).isZero();
    String line = fx.memoryLines().get(0);
    assertThat(line).contains("\"prompt\":null").doesNotContain("secret plan");
  }
}
