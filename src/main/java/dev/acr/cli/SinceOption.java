package dev.acr.cli;

import dev.acr.memory.MemorySummary;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** --since: for the commands that can look at recent memory only (stats, memory export). */
final class SinceOption {
  @Option(names = "--since", paramLabel = "DURATION|DATE", description = "Only records this recent (7d, 24h, 90m) or from this date on (2026-11-01, UTC).")
  String value;

  /** For tests: the clock durations count back from. */
  Clock clock = Clock.systemUTC();

  /** Thrown after the reason was printed: the command exits with a usage error. */
  static final class Invalid extends Exception {
    Invalid() {
      super(null, null, false, false);
    }
  }

  /** The instant records must be at or after, or null without --since; a bad value is said on {@code err}. */
  Instant cutoff(PrintWriter err) throws Invalid {
    if (value == null) {
      return null;
    }
    try {
      return cutoff(value, clock.instant());
    } catch (TypeConversionException e) {
      err.println("acr: --since: " + e.getMessage());
      throw new Invalid();
    }
  }

  /** {@code 7d}, any DurationConverter duration (24h, 90m, PT2H), an ISO date or an instant. */
  static Instant cutoff(String value, Instant now) {
    String v = value.trim();
    if (v.matches("\\d+d")) {
      return now.minus(Duration.ofDays(Long.parseLong(v.substring(0, v.length() - 1))));
    }
    if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
      try {
        return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a date; use e.g. 2026-11-01");
      }
    }
    Instant instant = MemorySummary.instant(v);
    if (instant != null) {
      return instant;
    }
    try {
      return now.minus(new DurationConverter().convert(v));
    } catch (TypeConversionException | DateTimeParseException e) {
      throw new TypeConversionException("'" + value + "' is neither a duration (7d, 24h, 90m) nor a date (2026-11-01)");
    }
  }
}
