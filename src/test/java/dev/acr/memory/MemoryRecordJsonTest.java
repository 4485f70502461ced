package dev.acr.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link MemoryRecord#writeTo} writes what Jackson's data binding writes from the record's
 * annotations, byte for byte: memory lines, record identities (compaction) and replay files
 * depend on it, and the annotations remain what reads the lines back.
 */
class MemoryRecordJsonTest {

  private static final String[] TEXTS = {
    null, "", "plain", "quote \" and backslash \\", "line\nbreak\ttab\r", "unicode é ✓ 日本 😀", "\u0001\u001f",
    "opencode:kimi-k2.5", "2026-11-23T10:00:00Z",
  };

  @Test
  void writesExactlyWhatDataBindingWrites() throws Exception {
    ObjectMapper plain = new ObjectMapper();
    ObjectMapper fast = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    SplittableRandom rng = new SplittableRandom(7);
    for (int i = 0; i < 5_000; i++) {
      MemoryRecord r = random(rng);
      for (ObjectMapper json : new ObjectMapper[] {plain, fast}) {
        StringWriter out = new StringWriter();
        try (var g = json.getFactory().createGenerator(out)) {
          r.writeTo(g);
        }
        assertThat(out.toString()).as(r.toString()).isEqualTo(json.writeValueAsString(r));
        // The UTF-8 generator too: memory files and replay files are written through a stream.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var g = json.getFactory().createGenerator(bytes)) {
          r.writeTo(g);
        }
        assertThat(bytes.toByteArray()).as(r.toString()).isEqualTo(json.writeValueAsBytes(r));
      }
      assertThat(MemoryStore.toLine(r)).isEqualTo(plain.writeValueAsString(r));
      assertThat(MemoryStore.parse(MemoryStore.toLine(r))).isEqualTo(r);
    }
  }

  private static MemoryRecord random(SplittableRandom rng) {
    return new MemoryRecord(text(rng), text(rng), rng.nextInt(-1, 100), text(rng), text(rng), text(rng), text(rng),
        text(rng), text(rng), rng.nextBoolean(), rng.nextBoolean(), text(rng),
        rng.nextInt(4) == 0 ? null : rng.nextInt(-255, 256), rng.nextLong(0, 10_000_000_000L), number(rng),
        rng.nextInt(4) == 0 ? null : rng.nextLong(0, Long.MAX_VALUE), rng.nextInt(4) == 0 ? null : rng.nextLong(),
        text(rng), number(rng), text(rng), text(rng), text(rng), text(rng), text(rng),
        rng.nextInt(4) == 0 ? null : rng.nextInt(0, 200_000));
  }

  private static String text(SplittableRandom rng) {
    return TEXTS[rng.nextInt(TEXTS.length)];
  }

  private static Double number(SplittableRandom rng) {
    return switch (rng.nextInt(6)) {
      case 0 -> null;
      case 1 -> 0.0;
      case 2 -> rng.nextDouble();
      case 3 -> rng.nextDouble() * 1e-9;
      case 4 -> (double) rng.nextInt(1000);
      default -> rng.nextDouble() * 1e12;
    };
  }
}
