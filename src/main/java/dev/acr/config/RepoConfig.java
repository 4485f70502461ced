package dev.acr.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A repository's (or package's) {@code .acr/config.json}, read once when acr inspects the
 * repository: the test command ({@code "verify"}), how long one run of it may take ({@code
 * "verify_timeout"}) and whether its tests may run twice at once ({@code "race"}). Each value is
 * null when the file does not set it; {@code file} is null when no such file applies ({@link
 * #NONE}). Keys acr does not read are kept in {@code unknownKeys}, so a misspelt key is told
 * rather than silently doing nothing.
 */
public record RepoConfig(Path file, String verify, Duration verifyTimeout, Boolean race, List<String> unknownKeys) {

  public static final RepoConfig NONE = new RepoConfig(null, null, null, null, List.of());

  private static final Set<String> KEYS = Set.of("verify", "verify_timeout", "race");

  public RepoConfig {
    unknownKeys = List.copyOf(unknownKeys);
  }

  /** Built on first use: a cold ObjectMapper costs ~100 ms of start-up, which runs without this file skip. */
  private static final class Lazy {
    static final ObjectMapper JSON = new ObjectMapper();
  }

  /**
   * Reads and checks {@code file}. Throws IllegalArgumentException, naming the file and the key,
   * when it is not a JSON object or a value is not what the key takes: a config the user wrote is
   * never ignored. UncheckedIOException when it cannot be read.
   */
  public static RepoConfig read(Path file) {
    JsonNode config;
    try {
      config = Lazy.JSON.readTree(file.toFile());
    } catch (JacksonException e) {
      com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
      throw new IllegalArgumentException(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
          + " is not valid JSON: " + e.getOriginalMessage() + "; fix it, e.g. {\"verify\": \"make check\"}", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (config == null || !config.isObject()) {
      throw new IllegalArgumentException(file + " must hold a JSON object, e.g. {\"verify\": \"make check\"}");
    }
    List<String> unknown = new ArrayList<>();
    for (Iterator<String> names = config.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        unknown.add(name);
      }
    }
    return new RepoConfig(file, verify(file, config.get("verify")), verifyTimeout(file, config.get("verify_timeout")),
        race(file, config.get("race")), unknown);
  }

  /** What to tell the user about keys acr does not read; empty when there are none. */
  public List<String> warnings() {
    if (unknownKeys.isEmpty()) {
      return List.of();
    }
    return List.of(file + ": acr does not read " + String.join(", ", unknownKeys.stream().map(k -> "\"" + k + "\"").toList())
        + " (its keys are \"verify\", \"verify_timeout\" and \"race\"; the tools, prices and the default of --race"
        + " go in .acr/tools.json); ignored");
  }

  private static String verify(Path file, JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(file + ": \"verify\" must be a non-empty string (a shell command)");
    }
    return value.asText().strip();
  }

  private static Duration verifyTimeout(Path file, JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() > 0) {
      return Duration.ofSeconds(value.asLong());
    }
    return (value.isTextual() ? Durations.parse(value.asText()) : java.util.Optional.<Duration>empty())
        .orElseThrow(() -> new IllegalArgumentException(file + ": \"verify_timeout\" must be a duration such as"
            + " \"45m\", \"90s\" or \"1h30m\" (or a number of seconds), got " + value));
  }

  /**
   * Only true or false: the project says whether its tests can run twice at once. How many attempts
   * race is the user's to choose ({@code --race}, or {@code "race"} in tools.json), so a number or
   * "auto" here is an error rather than a setting that silently does nothing.
   */
  private static Boolean race(Path file, JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw new IllegalArgumentException(file + ": \"race\" must be true or false (false: this project's tests"
          + " cannot run twice at once, so acr never races here); how many attempts race is set with --race or"
          + " \"race\" in tools.json, got " + value);
    }
    return value.asBoolean();
  }
}
