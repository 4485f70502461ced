package dev.acr.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acr.config.Upward;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a package.json says: the package's test command, and its dependencies. */
final class NodeManifest {
  private static final List<String> SECTIONS = List.of("dependencies", "devDependencies", "optionalDependencies", "peerDependencies");

  /** npm init's default test script, which fails by design and tests nothing. */
  private static final String NPM_PLACEHOLDER = "no test specified";

  /** An item of a YAML block list ({@code - 'packages/*'}), quotes left out. */
  private static final Pattern YAML_ITEM = Pattern.compile("(?m)^\\s*-\\s*['\"]?([^'\"\\s#]+)");

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
      JsonNode at = folder.equals(dir) ? json : read(folder);
      if (!folder.equals(dir) && notMember(folder, at, dir)) {
        continue;
      }
      pm = manager(folder, at);
      if (pm != null) {
        break;
      }
    }
    return Optional.of(new VerifyCommand(pm == null ? "npm test" : pm, "detected: package.json"));
  }

  /**
   * Whether {@code folder} is a workspace's root that does not hold {@code dir}: its package.json's
   * {@code workspaces} (an array, or Yarn's {@code packages}), pnpm-workspace.yaml's {@code packages}
   * or lerna.json's. A project nested in a repository without being a member (a docs/ or examples/
   * site with its own package.json) is not run by the top's manager: a yarn.lock at the top gave it
   * {@code yarn test}, which stopped the run where yarn was not installed (and Yarn 2+ refuses a
   * folder outside its workspace), where {@code npm test} had run its tests. A folder that declares
   * no workspace (a lockfile, a {@code packageManager} alone) still names the manager below it.
   */
  private static boolean notMember(Path folder, JsonNode json, Path dir) {
    List<String> patterns = workspacePatterns(folder, json);
    return !patterns.isEmpty() && !member(patterns, folder.relativize(dir));
  }

  /**
   * The workspace patterns {@code folder} declares, in order: its package.json's {@code workspaces}
   * (an array, or Yarn's {@code packages}; {@code json} is that package.json, null when none),
   * pnpm-workspace.yaml's {@code packages} and lerna.json's. Empty when it declares no workspace.
   */
  static List<String> workspacePatterns(Path folder, JsonNode json) {
    List<String> patterns = new ArrayList<>();
    if (json != null) {
      JsonNode ws = json.path("workspaces");
      (ws.isArray() ? ws : ws.path("packages")).forEach(p -> patterns.add(p.asText("")));
    }
    String yaml = VerifyDetector.readOrEmpty(folder.resolve("pnpm-workspace.yaml"));
    int list = yaml.indexOf("packages:");
    if (list >= 0) {
      // Its items, up to the next top-level key (onlyBuiltDependencies: and the like list other things).
      Matcher m = YAML_ITEM.matcher(yaml.substring(list + "packages:".length()).replaceAll("(?ms)^\\S.*", ""));
      while (m.find()) {
        patterns.add(m.group(1));
      }
    }
    JsonNode lerna = readJson(folder.resolve("lerna.json"));
    if (lerna != null) {
      lerna.path("packages").forEach(p -> patterns.add(p.asText("")));
    }
    return patterns;
  }

  /** Whether the folder at {@code rel} (relative to the workspace's root) is a member: the last pattern matching it decides. */
  static boolean member(List<String> patterns, Path rel) {
    boolean member = false;
    for (String pattern : patterns) {
      boolean negated = pattern.startsWith("!");
      String glob = pattern.substring(negated ? 1 : 0).replaceFirst("^\\./", "").replaceFirst("/+$", "");
      if (!glob.isEmpty() && FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(rel)) {
        member = !negated;
      }
    }
    return member;
  }

  /**
   * The test command of the package manager {@code folder} names (its lockfile, its workspace file
   * or its package.json's {@code packageManager}), or null when it names none.
   */
  static String manager(Path folder, JsonNode json) {
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

  /** How the package manager {@code folder} names installs its dependencies: {@code npm install} when it names none. */
  static String install(Path folder, JsonNode json) {
    String manager = manager(folder, json);
    return (manager == null ? "npm" : manager.split(" ")[0]) + " install";
  }

  /**
   * Whether nothing is installed for the package in {@code dir}: no node_modules there nor in a folder
   * above it up to the repository's top (a workspace installs at its root), and no Yarn Plug'n'Play
   * install ({@code .pnp.cjs}), which has none.
   */
  static boolean uninstalled(Path dir) {
    for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("node_modules")) || Files.exists(d.resolve(".pnp.cjs")) || Files.exists(d.resolve(".pnp.js"))) {
        return false;
      }
      if (Files.exists(d.resolve(".git"))) {
        break;
      }
    }
    return true;
  }

  /**
   * Why a package manager's test script in {@code dir} would stop before any test: the package.json
   * declares dependencies and none is installed. Empty when something is installed, or nothing declared.
   */
  static Optional<CannotRun.Why> dependenciesMissing(Path dir) {
    JsonNode json = read(dir);
    if (json == null || !uninstalled(dir)) {
      return Optional.empty();
    }
    int declared = dependencyNames(json).size();
    return declared == 0 ? Optional.empty() : Optional.of(new CannotRun.Why("the project's dependencies are not installed"
        + " (the package.json declares " + declared + ", and there is no node_modules)",
        "install them (" + workspaceInstall(dir) + ") or name another test command"));
  }

  /** The install of the nearest folder up to the repository's top whose lockfile or packageManager names a manager. */
  private static String workspaceInstall(Path dir) {
    Path start = dir.toAbsolutePath().normalize();
    for (Path d = start; d != null; d = d.getParent()) {
      if (manager(d, read(d)) != null) {
        return install(d, read(d)) + (d.equals(start) ? "" : " in " + d);
      }
      if (Files.exists(d.resolve(".git"))) {
        break;
      }
    }
    return "npm install";
  }

  /** The package.json in {@code dir}, or null when there is none or it cannot be read. */
  static JsonNode read(Path dir) {
    return readJson(dir.resolve("package.json"));
  }

  /** A JSON file, or null when there is none or it cannot be read. */
  private static JsonNode readJson(Path file) {
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

  /** The names {@code json} (a package.json) depends on, in any of its dependency sections. */
  static Set<String> dependencyNames(JsonNode json) {
    Set<String> names = new TreeSet<>();
    SECTIONS.forEach(s -> json.path(s).fieldNames().forEachRemaining(names::add));
    return names;
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
