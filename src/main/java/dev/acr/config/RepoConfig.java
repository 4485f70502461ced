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
 * "verify_timeout"}), whether its tests may run twice at once ({@code "race"}) and which of the
 * user's untracked files the tests need in every attempt's worktree ({@code "link"}: paths relative
 * to the folder holding {@code .acr/}, normalised, never leaving it). Each value is null (for
 * {@code link}, empty) when the file does not set it; {@code file} is null when no such file
 * applies ({@link #NONE}). Keys acr does not read are kept in {@code unknownKeys}, so a misspelt
 * key is told rather than silently doing nothing.
 */
public record RepoConfig(
    Path file, String verify, Duration verifyTimeout, Boolean race, List<String> link, List<String> unknownKeys) {

  public static final RepoConfig NONE = new RepoConfig(null, null, null, null, List.of(), List.of());

  private static final Set<String> KEYS = Set.of("verify", "verify_timeout", "race", "link");

  public RepoConfig {
    link = List.copyOf(link);
    unknownKeys = List.copyOf(unknownKeys);
  }

  /** The folder the {@code link} paths are relative to: the one holding {@code .acr/}; null for {@link #NONE}. */
  public Path folder() {
    return file == null ? null : file.toAbsolutePath().normalize().getParent().getParent();
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
        race(file, config.get("race")), link(file, config.get("link")), unknown);
  }

  /** What to tell the user about keys acr does not read; empty when there are none. */
  public List<String> warnings() {
    if (unknownKeys.isEmpty()) {
      return List.of();
    }
    return List.of(file + ": acr does not read " + String.join(", ", unknownKeys.stream().map(k -> "\"" + k + "\"").toList())
        + " (its keys are \"verify\", \"verify_timeout\", \"race\" and \"link\"; the tools, prices and the default of --race"
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

  /**
   * Paths, each a non-empty string relative to the config's folder that stays inside it ({@code
   * "shunit2"}, {@code "test/fixtures/big"}): a path that leaves it, or names {@code .git} or {@code
   * .acr}, could link something that is not the project's test input into every attempt.
   */
  private static List<String> link(Path file, JsonNode value) {
    if (value == null || value.isNull()) {
      return List.of();
    }
    String example = " (the untracked files or folders your tests need in every attempt's worktree, relative to the folder"
        + " that holds .acr/, e.g. [\"shunit2\", \"test/data\"])";
    if (!value.isArray()) {
      throw new IllegalArgumentException(file + ": \"link\" must be a list of paths" + example + ", got " + value);
    }
    List<String> paths = new ArrayList<>();
    for (JsonNode entry : value) {
      String text = entry.isTextual() ? entry.asText().strip() : "";
      Path rel = text.isEmpty() ? null : Path.of(text).normalize();
      if (rel == null || rel.isAbsolute() || rel.toString().isEmpty() || rel.startsWith("..")
          || rel.startsWith(".git") || rel.startsWith(".acr")) {
        throw new IllegalArgumentException(file + ": \"link\" takes paths inside the project, not " + entry + example);
      }
      String normal = rel.toString().replace(java.io.File.separatorChar, '/');
      if (!paths.contains(normal)) {
        paths.add(normal);
      }
    }
    return paths;
  }
}
