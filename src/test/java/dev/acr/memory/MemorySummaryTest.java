package dev.acr.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MemorySummaryTest {

  @Test
  void instantReadsTimestampsAsJavaTimeDoes() {
    Random random = new Random(3);
    String[] years = {"0000", "1900", "1970", "2000", "2024", "2026", "2100", "9999", "20x6"};
    String[] fractions = {"", ".", ".5", ".05", ".123", ".123456", ".123456789", ".1234567890", ".12a"};
    String[] ends = {"Z", "Z", "Z", "z", "+02:00", "", "ZZ"};
    int fast = 0;
    for (int i = 0; i < 50_000; i++) {
      String ts = years[random.nextInt(years.length)] + "-" + two(random, 14) + "-" + two(random, 33) + "T"
          + two(random, 26) + ":" + two(random, 62) + ":" + two(random, 62) + fractions[random.nextInt(fractions.length)]
          + ends[random.nextInt(ends.length)];
      if (random.nextInt(20) == 0) {
        int at = random.nextInt(ts.length());
        ts = ts.substring(0, at) + "-T:.9 x".charAt(random.nextInt(7)) + ts.substring(at + 1);
      }
      Instant expected = MemorySummary.parsed(ts); // what instant() answered before it read any form itself
      assertThat(MemorySummary.instant(ts)).as(ts).isEqualTo(expected);
      fast += expected != null && ts.endsWith("Z") ? 1 : 0;
    }
    assertThat(fast).isGreaterThan(5_000); // enough valid ones among them
    assertThat(MemorySummary.instant("2024-02-29T23:59:59.999999999Z")).isEqualTo(MemorySummary.parsed("2024-02-29T23:59:59.999999999Z"));
    assertThat(MemorySummary.instant("2023-02-29T00:00:00Z")).isNull();
    assertThat(MemorySummary.instant(null)).isNull();
  }

  private static String two(Random random, int below) {
    return String.format("%02d", random.nextInt(below));
  }
}
