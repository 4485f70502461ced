package dev.acr.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SummaryScan} in blocks on several threads against the plain way: every line through
 * {@link MemoryStore#forEach} and {@link RecordFields#summary}, added up in file order. Same
 * records, same sums to the last bit, same problems with the same line numbers.
 */
class SummaryScanTest {
  @TempDir Path tmp;

  @Test
  void blocksAndThreadsChangeNothing() throws Exception {
    Path file = tmp.resolve("memory.jsonl");
    Files.write(file, memory(new Random(7), 3000));
    Instant since = Instant.parse("2026-10-15T00:00:00Z");
    for (Instant cutoff : new Instant[] {null, since}) {
      Expected expected = plain(file, cutoff);
      assertThat(expected.summary.records()).isGreaterThan(1000);
      assertThat(expected.problems).hasSizeGreaterThan(20);
      // Odd sizes, so that buffers end everywhere: between CR and LF too.
      for (int block : new int[] {61, 97, 1009, 64 * 1024}) {
        for (int threads : new int[] {1, 2, 3}) {
          MemorySummary summary = new MemorySummary(cutoff);
          List<String> problems = new ArrayList<>();
          SummaryScan.scan(file, summary, problems::add, block, threads);
          String as = "block " + block + ", threads " + threads + ", since " + cutoff;
          assertThat(problems).as(as).isEqualTo(expected.problems);
          assertThat(describe(summary)).as(as).isEqualTo(describe(expected.summary));
        }
      }
    }
  }

  @Test
  void missingFileIsEmptyMemory() throws Exception {
    MemorySummary summary = new MemorySummary(null);
    List<String> problems = new ArrayList<>();
    MemorySummary.scan(tmp.resolve("none.jsonl"), summary, problems::add);
    assertThat(summary.records()).isZero();
    assertThat(problems).isEmpty();
  }

  private record Expected(MemorySummary summary, List<String> problems) {}

  /** The plain way: every line by MemoryStore's rules with the Jackson reader, in order. */
  private static Expected plain(Path file, Instant since) throws Exception {
    MemorySummary summary = new MemorySummary(since);
    List<String> problems = new ArrayList<>();
    new MemoryStore(file).forEach(RecordFields::summary, r -> {
      if (summary.counts(r.ts())) {
        summary.add(summary.group(r.dimension(), r.route()), r.resolved(),
            r.costUsd() == null ? Double.NaN : r.costUsd(), r.durationMs(), r.ts(), MemorySummary.kind(r.status()));
      }
    }, problems::add);
    return new Expected(summary, problems);
  }

  /** Every number of every group, exactly (costs as their bits, through Double.toString). */
  private static List<String> describe(MemorySummary summary) {
    List<String> out = new ArrayList<>();
    out.add("records " + summary.records());
    for (MemorySummary.Group g : summary.groups()) {
      out.add(g.dimension() + "/" + g.route() + " " + g.attempts() + " " + g.resolved() + " " + g.meanCostUsd() + " "
          + g.meanDurationMs() + " " + g.lastUsed() + " infra " + g.infraErrors() + " acr " + g.acrErrors());
    }
    return out;
  }

  /**
   * Records in the shapes memory has (and some it should not): costs with up to 17 digits, so a
   * sum in another order differs in its last bits; timestamps whole, fractional, with an offset,
   * broken; escaped and non-ASCII names; CRLF and CR line ends, blank lines, torn lines, lines
   * without route or status, bytes that are not UTF-8, lines longer than a block.
   */
  private static byte[] memory(Random random, int n) {
    String[] dimensions = {"bugfix", "feature", "", " ", "tests"};
    String[] routes = {"claude-sonnet", "codex-mini", "gemini-pro", "caf\\u00e9", "café", "a\\\"b"};
    // Infra and acr errors are counted apart; an escaped spelling must be read the same way.
    String[] statuses = {"done", "failed", "infra_error", "acr_error", "infra\\u005ferror", "infra_errors"};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < n; i++) {
      String ts = switch (random.nextInt(6)) {
        case 0 -> String.format(Locale.ROOT, "2026-10-%02dT%02d:00:00.%03dZ", 1 + random.nextInt(28), random.nextInt(24),
            random.nextInt(1000));
        case 1 -> "2026-10-" + String.format(Locale.ROOT, "%02d", 1 + random.nextInt(28)) + "T10:00:00+02:00";
        case 2 -> random.nextBoolean() ? "yesterday" : "2026-13-01T00:00:00Z";
        default -> String.format(Locale.ROOT, "2026-10-%02dT%02d:%02d:00Z", 1 + random.nextInt(28), random.nextInt(24),
            random.nextInt(60));
      };
      String cost = switch (random.nextInt(4)) {
        case 0 -> "null";
        case 1 -> String.format(Locale.ROOT, "%.4f", random.nextDouble());
        default -> Double.toString(random.nextDouble() * 3);
      };
      String dimension = random.nextInt(20) == 0 ? "" : ",\"dimension\":\"" + dimensions[random.nextInt(dimensions.length)] + "\"";
      String line = "{\"ts\":\"" + ts + "\",\"task\":\"" + "t".repeat(random.nextInt(80)) + "\"" + dimension
          + ",\"route\":\"" + routes[random.nextInt(routes.length)] + "\",\"resolved\":" + random.nextBoolean()
          + ",\"status\":\"" + statuses[random.nextInt(statuses.length)] + "\",\"duration_ms\":" + (random.nextInt(2000) - 100) + ",\"cost_usd\":" + cost + "}";
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      switch (random.nextInt(40)) {
        case 0 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length)); // torn
        case 1 -> bytes = "{\"route\":\"r\"}".getBytes(StandardCharsets.UTF_8); // no status
        case 2 -> bytes = " \t".getBytes(StandardCharsets.UTF_8); // blank
        case 3 -> bytes = line.replace("\"task\":\"", "\"task\":\"\u0000").getBytes(StandardCharsets.UTF_8); // raw NUL
        case 4 -> bytes = line.replace("\"task\":\"t", "\"task\":\"x" + "y".repeat(5000)).getBytes(StandardCharsets.UTF_8);
        case 5 -> bytes[bytes.length / 2] = (byte) 0xFF; // not UTF-8
        default -> { }
      }
      out.writeBytes(bytes);
      int end = random.nextInt(6);
      out.writeBytes((end < 2 ? "\r\n" : end == 2 ? "\r" : end == 3 ? "\n\n" : "\n").getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes("{\"ts\":\"2026-10-30T00:00:00Z\",\"route\":\"last\",\"status\":\"s\"}".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
