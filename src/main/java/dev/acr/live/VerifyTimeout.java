package dev.acr.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.config.Durations;
import dev.acr.verify.VerifyDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How long one run of the test command may take (the baseline, each attempt's tests, the recheck):
 * {@code --verify-timeout}, else the project's {@code "verify_timeout"} in its {@code
 * .acr/config.json} (how long its tests take is the project's to say), else {@link #DEFAULT}.
 */
public record VerifyTimeout(Duration limit, String source) {

  public static final Duration DEFAULT = Duration.ofMinutes(30);

  /** Throws when the project's value is not a duration: a config the user wrote is never ignored. */
  public static VerifyTimeout of(RunRequest req, Path repoConfig) throws UsageError {
    if (req.verifyTimeout() != null) {
      return new VerifyTimeout(req.verifyTimeout(), "--verify-timeout");
    }
    Optional<Duration> configured = fromConfig(repoConfig);
    return configured.map(d -> new VerifyTimeout(d, "\"verify_timeout\" in " + VerifyDetector.CONFIG))
        .orElse(new VerifyTimeout(DEFAULT, "default"));
  }

  /** "30m (default)", "45m (--verify-timeout)". */
  public String text() {
    return Durations.limit(limit) + " (" + source + ")";
  }

  private static Optional<Duration> fromConfig(Path file) throws UsageError {
    if (file == null || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode value;
    try {
      JsonNode config = new ObjectMapper().readTree(file.toFile());
      value = config == null ? null : config.get("verify_timeout");
    } catch (IOException e) {
      throw new UsageError("cannot read " + file + ": " + e.getMessage());
    }
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    Optional<Duration> d = value.canConvertToLong() && value.isIntegralNumber() && value.asLong() > 0
        ? Optional.of(Duration.ofSeconds(value.asLong()))
        : value.isTextual() ? Durations.parse(value.asText()) : Optional.empty();
    if (d.isEmpty()) {
      throw new UsageError(file + ": \"verify_timeout\" must be a duration such as \"45m\", \"90s\" or \"1h30m\""
          + " (or a number of seconds), got " + value);
    }
    return d;
  }
}
