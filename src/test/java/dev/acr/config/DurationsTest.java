package dev.acr.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void readsWhatPeopleWrite() {
    assertThat(Durations.parse("90s")).contains(Duration.ofSeconds(90));
    assertThat(Durations.parse(" 1h30m ")).contains(Duration.ofMinutes(90));
    assertThat(Durations.parse("20M")).contains(Duration.ofMinutes(20));
    assertThat(Durations.parse("250ms")).contains(Duration.ofMillis(250));
    assertThat(Durations.parse("PT45M")).contains(Duration.ofMinutes(45));
  }

  @Test
  void refusesWhatIsNotADuration() {
    assertThat(Durations.parse("soon")).isEmpty();
    assertThat(Durations.parse("45")).as("a unit is needed").isEmpty();
    assertThat(Durations.parse("0s")).isEmpty();
    assertThat(Durations.parse("10m later")).isEmpty();
    assertThat(Durations.parse("PTxyz")).isEmpty();
    assertThat(Durations.parse("PT-5M")).isEmpty();
  }

  @Test
  void showsElapsedTimesAndLimits() {
    assertThat(Durations.text(4_200)).isEqualTo("4.2s");
    assertThat(Durations.text(90_000)).isEqualTo("1m30s");
    assertThat(Durations.text(3_900_000)).isEqualTo("1h05m");
    assertThat(Durations.limit(Duration.ofMinutes(30))).isEqualTo("30m");
    assertThat(Durations.limit(Duration.ofSeconds(50))).isEqualTo("50s");
    assertThat(Durations.limit(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(Durations.limit(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(Durations.limit(Duration.ofHours(2))).isEqualTo("2h");
    assertThat(Durations.limit(Duration.ofMillis(300))).isEqualTo("300ms");
    assertThat(Durations.parse(Durations.limit(Duration.ofSeconds(3725)))).as("a limit reads back")
        .contains(Duration.ofSeconds(3725));
  }
}
