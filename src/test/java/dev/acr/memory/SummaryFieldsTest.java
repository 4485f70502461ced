package dev.acr.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SummaryFields} against {@link RecordFields#summary} (Jackson): wherever the byte reader
 * vouches for a line, Jackson must read the same values from it; and it must vouch for the lines
 * acr writes, or it would be no faster than Jackson.
 */
class SummaryFieldsTest {
  private static final String LINE = MemoryStore.toLine(new MemoryRecord("2026-10-06T08:46:16Z", "run-7", 1,
      "0".repeat(64), "fix the \"parser\"\nplease, ça marche?", "bugfix", "codex", "m", "codex-mini", true, true,
      "verified", 0, 332381, 0.4558, 1200L, 800L, "live", null, null, "java"));

  /** Values the byte reader meets in the wild and at the edges of what it accepts. */
  private static final String[] VALUES = {
    "0", "-0", "7", "-12", "01", "1.", ".5", "1.5", "-0.0", "0.1", "0.4558", "1e3", "1E+2", "2.5e-3", "-",
    "123456789012345678", "1234567890123456789", "123456789012345678901234567890", "0.123456789012345",
    "0.1234567890123456", "1" + "0".repeat(40), "1e400", "true", "false", "null", "tru", "nul", "truex", "\"\"",
    "\"x\"", "\" \"", "\"a\\\"b\"", "\"\\u0041\"", "\"\\u00e9\"", "\"\\x\"", "\"\\u12\"", "\"é\"", "\"a\tb\"",
    "{}", "{\"a\":1}", "[]", "[1,2]", "NaN", "Infinity", "'x'", "\"2024-01-01T00:00:00Z\"", "\"verified\"",
  };
  private static final String[] NAMES = {
    "ts", "dimension", "route", "status", "resolved", "duration_ms", "cost_usd", "task", "prompt", "x", "",
    "\\u0074s", "rou\\u0074e", "é",
  };
  private static final String[] INSERTS = {
    " ", "\t", "\"", "\\", ",", ":", "{", "}", "[", "]", "0", "-", "e", "x", "\u0001", "\u007f", "\r", "\n", "é",
    "\\n", "\\u00e9", "//", "/*",
  };

  @Test
  void vouchesForWhatAcrWritesAndReadsItAsJacksonDoes() throws Exception {
    SummaryFields f = new SummaryFields();
    byte[] b = LINE.getBytes(StandardCharsets.UTF_8);
    assertThat(f.scan(b, 0, b.length)).isEqualTo(b.length);
    assertSame(LINE, b, f);
    assertThat(f.costUsd).isEqualTo(0.4558);
    assertThat(f.durationMs).isEqualTo(332381);
    assertThat(f.resolved).isTrue();
  }

  @Test
  void neverDisagreesWithJackson() throws Exception {
    Random random = new Random(42);
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("{}");
    lines.add(" { } ");
    lines.add("{\"route\":\"r\",\"status\":\"s\"}");
    for (int i = 0; i <= LINE.length(); i++) {
      lines.add(LINE.substring(0, i)); // torn writes
    }
    for (int i = 0; i < 20_000; i++) {
      lines.add(mutate(random));
    }
    SummaryFields f = new SummaryFields();
    int vouched = 0;
    for (String text : lines) {
      // A CR or LF (inserted above) ends the line: what follows is the next one.
      String line = text.split("[\r\n]", 2)[0];
      byte[] b = (text + "\n").getBytes(StandardCharsets.UTF_8);
      int end = f.scan(b, 0, b.length);
      if (end >= 0) {
        vouched++;
        assertThat(end).as(text).isEqualTo(line.getBytes(StandardCharsets.UTF_8).length);
        assertSame(line, b, f);
      }
    }
    // The mutations must leave many lines it reads, or the comparison above proves little.
    assertThat(vouched).isGreaterThan(5_000);
  }

  @Test
  void bytesThatAreNotUtf8AreTextOnlyInFieldsItSkips() throws Exception {
    SummaryFields f = new SummaryFields();
    byte[] prompt = bytes("{\"prompt\":\"a", 0xC3, 0x28, 0xE2, 0x82, "\",\"route\":\"r\",\"status\":\"s\"}");
    assertThat(f.scan(prompt, 0, prompt.length)).isEqualTo(prompt.length);
    // The general reader decodes them (as U+FFFD) and takes the line too.
    assertThat(RecordFields.summary(new String(prompt, StandardCharsets.UTF_8)).route()).isEqualTo("r");
    byte[] route = bytes("{\"route\":\"r", 0xFF, "\",\"status\":\"s\"}");
    assertThat(f.scan(route, 0, route.length)).isEqualTo(-1); // the general reader decides what it is called
    byte[] outside = bytes("{\"route\":\"r\",\"status\":\"s\"}", 0xC3);
    assertThat(f.scan(outside, 0, outside.length)).isEqualTo(-1);
  }

  private static byte[] bytes(Object... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      } else {
        out.write((Integer) part);
      }
    }
    return out.toByteArray();
  }

  @Test
  void namesRememberedFromEarlierLinesAreCheckedAgain() {
    SummaryFields f = new SummaryFields();
    byte[] spaced = "{\"ts\" : \"a\", \"route\":\"r\",\"status\":\"s\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(f.scan(spaced, 0, spaced.length)).isEqualTo(spaced.length);
    byte[] noColon = "{\"ts\" \"a\", \"route\":\"r\",\"status\":\"s\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(f.scan(noColon, 0, noColon.length)).isEqualTo(-1);
    byte[] swapped = "{\"route\":\"x\",\"ts\":\"b\",\"status\":\"s\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(f.scan(swapped, 0, swapped.length)).isEqualTo(swapped.length);
    assertThat(new String(swapped, f.routeFrom, f.routeTo - f.routeFrom, StandardCharsets.UTF_8)).isEqualTo("x");
    assertThat(new String(swapped, f.tsFrom, f.tsTo - f.tsFrom, StandardCharsets.UTF_8)).isEqualTo("b");
  }

  @Test
  void stopsAtTheLineEndAndTheLimit() {
    SummaryFields f = new SummaryFields();
    byte[] two = ("{\"route\":\"a\"}\r\n{\"route\":\"b\"}").getBytes(StandardCharsets.UTF_8);
    assertThat(f.scan(two, 0, two.length)).isEqualTo(13);
    assertThat(f.scan(two, 15, two.length)).isEqualTo(two.length);
    assertThat(f.scan(two, 15, two.length - 1)).isEqualTo(-1); // cut off: a torn line
    byte[] big = ("{\"prompt\":\"" + "x".repeat(SummaryFields.MAX_LINE) + "\"}").getBytes(StandardCharsets.UTF_8);
    assertThat(f.scan(big, 0, big.length)).isEqualTo(-1); // left to Jackson
  }

  /** Jackson read {@code line} as a record with the very values the byte reader found. */
  private static void assertSame(String line, byte[] b, SummaryFields f) throws Exception {
    MemoryRecord r = MemoryStore.readOrNull(RecordFields::summary, line);
    assertThat(r).as("Jackson refuses a line the byte reader took: %s", line).isNotNull();
    assertThat(text(b, f.tsFrom, f.tsTo)).as(line).isEqualTo(r.ts());
    assertThat(text(b, f.dimensionFrom, f.dimensionTo)).as(line).isEqualTo(r.dimension());
    assertThat(text(b, f.routeFrom, f.routeTo)).as(line).isEqualTo(r.route());
    assertThat(f.status).as(line).isEqualTo(r.status() != null);
    assertThat(f.resolved).as(line).isEqualTo(r.resolved());
    assertThat(f.durationMs).as(line).isEqualTo(r.durationMs());
    Double cost = Double.isNaN(f.costUsd) ? null : f.costUsd;
    assertThat(cost).as(line).isEqualTo(r.costUsd()); // Double.equals: tells -0.0 from 0.0
  }

  private static String text(byte[] b, int from, int to) {
    return from < 0 ? null : new String(b, from, to - from, StandardCharsets.UTF_8);
  }

  /** A memory line with a few random changes: values swapped, names swapped, bytes inserted or cut. */
  private static String mutate(Random random) {
    StringBuilder s = new StringBuilder(LINE);
    int changes = 1 + random.nextInt(3);
    for (int c = 0; c < changes; c++) {
      switch (random.nextInt(5)) {
        case 0 -> replaceValue(s, random, VALUES[random.nextInt(VALUES.length)]);
        case 1 -> replaceName(s, random, NAMES[random.nextInt(NAMES.length)]);
        case 2 -> s.insert(random.nextInt(s.length() + 1), INSERTS[random.nextInt(INSERTS.length)]);
        case 3 -> s.deleteCharAt(random.nextInt(s.length()));
        default -> { // one more field, maybe a repeated one
          int close = s.lastIndexOf("}");
          if (close >= 0) {
            s.insert(close, ",\"" + NAMES[random.nextInt(NAMES.length)] + "\":" + VALUES[random.nextInt(VALUES.length)]);
          }
        }
      }
      if (s.length() == 0) {
        break;
      }
    }
    return s.toString();
  }

  /** Replaces the value after a random {@code ":} in the line (up to the next , or }). */
  private static void replaceValue(StringBuilder s, Random random, String value) {
    int at = nth(s, "\":", random);
    if (at < 0) {
      return;
    }
    int from = at + 2;
    int to = from;
    boolean inString = false;
    while (to < s.length() && (inString || (s.charAt(to) != ',' && s.charAt(to) != '}'))) {
      if (s.charAt(to) == '\\') {
        to++;
      } else if (s.charAt(to) == '"') {
        inString = !inString;
      }
      to++;
    }
    s.replace(from, Math.min(to, s.length()), value);
  }

  /** Replaces the name before a random {@code ":} in the line. */
  private static void replaceName(StringBuilder s, Random random, String name) {
    int at = nth(s, "\":", random);
    if (at < 0) {
      return;
    }
    int from = s.lastIndexOf("\"", at - 1);
    if (from >= 0) {
      s.replace(from + 1, at, name);
    }
  }

  private static int nth(StringBuilder s, String what, Random random) {
    List<Integer> at = new ArrayList<>();
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      at.add(i);
    }
    return at.isEmpty() ? -1 : at.get(random.nextInt(at.size()));
  }
}
