package dev.acr.verify;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Deno: a {@code deno.json} or {@code deno.jsonc} at the package's root (denoland/std had no test
 * command: "verify none found"). Its {@code "test"} task when it has one, as the project's CI runs
 * it ({@code deno task test}); else {@code deno test -A}: Deno denies file, network and
 * environment access unless granted, and without a terminal to ask on, a test that reads a
 * fixture would fail on the permission, not on the code. The tests are the project's code and run
 * with the user's rights, as {@code npm test} or {@code pytest} would. A workspace member (std's
 * {@code semver/}) tests itself. A {@code package.json} test script is read first ({@link
 * NodeManifest}): a project that has both answers to npm.
 */
final class DenoProject {

  static final String FALLBACK = "deno test -A";

  /** Built on first use; deno.jsonc allows comments and trailing commas. */
  private static final class Lazy {
    static final JsonMapper JSONC = JsonMapper.builder()
        .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA).build();
  }

  private DenoProject() {}

  static Optional<VerifyCommand> detect(Path root) {
    for (String name : new String[] {"deno.json", "deno.jsonc"}) {
      Path file = root.resolve(name);
      if (Files.isRegularFile(file)) {
        return Optional.of(new VerifyCommand(hasTestTask(file) ? "deno task test" : FALLBACK, "detected: " + name));
      }
    }
    return Optional.empty();
  }

  /** Whether the config's {@code tasks} has a {@code test}: a command string, or Deno 2's {@code {"command": ...}}. */
  private static boolean hasTestTask(Path file) {
    try {
      JsonNode test = Lazy.JSONC.readTree(file.toFile()).path("tasks").path("test");
      return test.isTextual() && !test.asText().isBlank() || test.path("command").isTextual();
    } catch (IOException e) {
      return false; // deno itself will say what is wrong with its config, in the baseline
    }
  }
}
