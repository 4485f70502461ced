package dev.acr.cli;

import dev.acr.config.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code 90s}, {@code 20m}, {@code 1h}, {@code 1h30m} or ISO-8601 {@code PT20M} ({@link Durations}). */
final class DurationConverter implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    return Durations.parse(value).orElseThrow(() -> new TypeConversionException("'" + value + "' is not a duration"
        + (value.strip().matches("0+[a-zA-Z]*") ? " longer than zero" : "") + "; use e.g. 90s, 20m, 1h"));
  }
}
