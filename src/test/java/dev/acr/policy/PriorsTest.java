package dev.acr.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriorsTest {

  @Test
  void writtenPriorsReadBackTheSame(@TempDir Path dir) throws IOException {
    Priors p = new Priors.Builder()
        .add("gpt", "bug_fixing", 1.0, true).add("gpt", "bug_fixing", 0.5, false).add("gpt", null, 0.0, false)
        .build("test data");
    Path file = dir.resolve("priors.json");
    p.write(new ObjectMapper(), file);
    Priors back = Priors.read(file);
    assertThat(back).isEqualTo(p);
    assertThat(back.of("gpt", "bug_fixing")).isEqualTo(new Priors.Entry(2, 0.75, 0.5));
    assertThat(back.of("gpt", "algorithm")).isEqualTo(new Priors.Entry(3, 0.5, 0.3333));
    assertThat(back.of("other", "bug_fixing")).isNull();
    Path again = dir.resolve("again.json");
    back.write(new ObjectMapper(), again);
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));
  }

  @Test
  void shippedPriorsKnowTheBenchmarkModels() {
    Priors p = Priors.bundled();
    assertThat(p.source()).isEqualTo("CodeRouterBench ood176 id-test");
    assertThat(p.models()).containsKeys("gpt-5.4", "claude-opus-4-6", "kimi-k2.5");
    assertThat(p.of("gpt-5.4", Priors.ALL).calls()).isEqualTo(176 + 2919);
  }

  @Test
  void aBrokenFileSaysWhatIsWrong() {
    String text = "{\"models\": {\"gpt\": {\"*\": {\"calls\": 3, \"performance\": 2.0, \"verified\": 0.1}}}}";
    assertThatThrownBy(() -> Priors.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IOException.class).hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> Priors.parse(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IOException.class).hasMessageContaining("no \"models\"");
  }
}
