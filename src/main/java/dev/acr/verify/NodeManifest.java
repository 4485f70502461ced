package dev.acr.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acr.config.Upward;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What a package.json says: the package's test command, and its dependencies. */
final class NodeManifest {
  private static final List<String> SECTIONS = List.of("dependencies", "devDependencies", "optionalDependencies", "peerDependencies");

  /** npm init's default test script, which fails by design and tests nothing. */
  private static final String NPM_PLACEHOLDER = "no test specified";

  private NodeManifest() {}

  /**
   * The package manager's {@code test} for the package.json in {@code dir}, empty when it has no
   * test script worth running. The package manager is the one of the nearest folder from {@code
   * dir} up to {@code top} that names one: a workspace package has no lockfile of its own, the
   * workspace's root has it (zkochan/packages' is-subdir got {@code npm test} in a pnpm workspace,
   * and a Yarn Plug'n'Play workspace has no node_modules for npm to run in).
   */
  static Optional<VerifyCommand> testCommand(Path dir, Path top) {
    JsonNode json = read(dir);
    JsonNode test = json == null ? null : json.path("scripts").get("test");
    if (test == null || !test.isTextual() || test.asText().isBlank() || test.asText().contains(NPM_PLACEHOLDER)) {
      return Optional.empty();
    }
    String pm = null;
    for (Path folder : Upward.folders(dir, top)) {
      pm = manager(folder, folder.equals(dir) ? json : read(folder));
      if (pm != null) {
        break;
      }
    }
    return Optional.of(new VerifyCommand(pm == null ? "npm test" : pm, "detected: package.json"));
  }

  /**
   * The test command of the package manager {@code folder} names (its lockfile, its workspace file
   * or its package.json's {@code packageManager}), or null when it names none.
   */
  private static String manager(Path folder, JsonNode json) {
    String declared = json == null ? "" : json.path("packageManager").asText("");
    if (Files.exists(folder.resolve("pnpm-lock.yaml")) || Files.exists(folder.resolve("pnpm-workspace.yaml"))
        || declared.startsWith("pnpm@")) {
      return "pnpm test";
    }
    if (Files.exists(folder.resolve("yarn.lock")) || declared.startsWith("yarn@")) {
      return "yarn test";
    }
    if (Files.exists(folder.resolve("bun.lockb")) || Files.exists(folder.resolve("bun.lock"))) {
      return "bun run test"; // `bun test` would run bun's own runner, not the script
    }
    return Files.exists(folder.resolve("package-lock.json")) || declared.startsWith("npm@") ? "npm test" : null;
  }

  /** The package.json in {@code dir}, or null when there is none or it cannot be read. */
  private static JsonNode read(Path dir) {
    Path file = dir.resolve("package.json");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return VerifyDetector.Lazy.JSON.readTree(file.toFile());
    } catch (IOException e) {
      // Broken package.json: not ours to report; the project simply has no test script we trust.
      return null;
    }
  }

  /**
   * Whether the package.json in {@code dir} names any dependency; true when it cannot be read, so a
   * caller that stops a run on missing dependencies keeps its old answer for a manifest it cannot parse.
   */
  static boolean declaresDependencies(Path dir) {
    Path file = dir.resolve("package.json");
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try {
      JsonNode json = VerifyDetector.Lazy.JSON.readTree(file.toFile());
      return json == null || SECTIONS.stream().anyMatch(s -> json.path(s).size() > 0);
    } catch (IOException e) {
      return true;
    }
  }
}
