package dev.acr.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.acr.memory.MemoryStore;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Truncated and mutated configs and memory files: the readers answer with a located error or a
 * skipped line, never another exception (which the CLI would show as an internal error).
 */
class ConfigFuzzTest {
  private static final String NOISE = "{}[]\",:0a \\\n\u0000é";

  @TempDir Path tmp;

  private static String shipped() throws Exception {
    try (InputStream in = ConfigFuzzTest.class.getResourceAsStream(ConfigLoader.BUNDLED_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void truncatedAndMutatedConfigsFailOnlyWithConfigException() throws Exception {
    String text = shipped();
    Random rng = new Random(42);
    for (int i = 0; i < 600; i++) {
      String input;
      if (i < 200) {
        input = text.substring(0, rng.nextInt(text.length()));
      } else {
        char[] chars = text.toCharArray();
        for (int k = 0; k < 1 + rng.nextInt(6); k++) {
          chars[rng.nextInt(chars.length)] = NOISE.charAt(rng.nextInt(NOISE.length()));
        }
        input = new String(chars);
      }
      String source = "fuzz-" + i + ".json";
      assertThatCode(() -> {
            try {
              ConfigLoader.parse(input, source);
            } catch (ConfigException e) {
              assertThat(e.getMessage()).startsWith(source).doesNotContain("\n");
            }
          })
          .as("input %d", i)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void garbageMemoryLinesAreSkippedNotFatal() throws Exception {
    Random rng = new Random(7);
    StringBuilder b = new StringBuilder();
    String good = "{\"ts\":\"t\",\"run_id\":\"r\",\"attempt\":1,\"task\":\"k\",\"route\":\"codex:gpt-5.4\","
        + "\"tool\":\"codex\",\"status\":\"failed\",\"resolved\":false}";
    for (int i = 0; i < 300; i++) {
      switch (rng.nextInt(4)) {
        case 0 -> b.append(good);
        case 1 -> b.append(good, 0, rng.nextInt(good.length()));
        case 2 -> {
          for (int k = 0; k < rng.nextInt(60); k++) {
            b.append((char) (1 + rng.nextInt(0x2000)));
          }
        }
        default -> b.append("{\"attempt\": \"not a number\", \"route\": 5}");
      }
      b.append('\n');
    }
    Path file = tmp.resolve("memory.jsonl");
    Files.writeString(file, b.toString());
    MemoryStore.ReadReport report = new MemoryStore(file).read();
    assertThat(report.records().size() + report.problems().size()).isGreaterThan(0);
    assertThat(report.records()).allSatisfy(r -> assertThat(r.route()).isNotNull());
  }
}
