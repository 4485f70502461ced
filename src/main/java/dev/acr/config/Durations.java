package dev.acr.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them ({@code 90s}, {@code 20m}, {@code 1h30m}, ISO-8601 {@code PT20M})
 * and as acr prints them ({@code 4.2s}, {@code 1m30s}, {@code 1h05m}): one reading for the command
 * line and the config files, one way of showing them.
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Durations() {}

  /** The duration {@code value} says; empty when it is not one or is zero. */
  public static Optional<Duration> parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.startsWith("pt")) {
      try {
        Duration d = Duration.parse(value.trim());
        return d.isNegative() || d.isZero() ? Optional.empty() : Optional.of(d);
      } catch (java.time.format.DateTimeParseException e) {
        return Optional.empty();
      }
    }
    Matcher m = PART.matcher(v);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      });
      end = m.end();
    }
    return end == 0 || end != v.length() || total.isZero() ? Optional.empty() : Optional.of(total);
  }

  /** {@code 4.2s} under a minute, {@code 1m30s} under an hour, else {@code 1h05m}. */
  public static String text(long ms) {
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }
    long s = ms / 1000;
    return s < 3600
        ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
        : String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60);
  }

  /** A limit as the user would write it: {@code 30m}, {@code 90s}, {@code 1h30m}. */
  public static String limit(Duration d) {
    long s = d.toSeconds();
    if (s == 0 || s % 60 != 0) {
      return s == 0 ? d.toMillis() + "ms" : (s >= 60 ? s / 60 + "m" : "") + s % 60 + "s";
    }
    long m = s / 60;
    return m >= 60 ? m / 60 + "h" + (m % 60 == 0 ? "" : m % 60 + "m") : m + "m";
  }
}
