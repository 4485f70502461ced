package dev.acr.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The package.json script a Node package manager's command runs first, for the look-up before a run
 * ({@code dev.acr.live.TestProgram}): whether {@code npm test} would stop on dependencies nobody installed
 * depends on what its script starts. {@code node --test} needs none of them (a package.json declaring
 * eslint and prettier, no node_modules: the dry run said the run would stop, and the run's baseline ran
 * the tests); {@code mocha} comes with them (expressjs/express on a fresh clone stopped on "mocha: not found").
 */
public final class NodeScripts {
  private NodeScripts() {}

  /** npm's names of its test command and of its command that runs a script. */
  private static final Set<String> TEST = Set.of("test", "t", "tst");

  private static final Set<String> RUN = Set.of("run", "run-script", "rum", "urn");

  /** pnpm's and yarn's own commands, which a script of the same name does not replace. */
  private static final Set<String> OWN = Set.of("install", "i", "add", "ci", "exec", "dlx", "x", "create", "init", "link");

  /**
   * The script {@code words} (a package manager and its arguments: {@code npm test}, {@code pnpm run lint})
   * runs first in the package in {@code dir}: npm's {@code pretest} before {@code test}. Empty when the
   * words run no script of that package.json (npx, {@code bun test}'s own runner, an install, an option
   * that runs elsewhere such as {@code pnpm -r test}) or it has no such script.
   */
  public static Optional<String> first(List<String> words, Path dir) {
    JsonNode scripts = Optional.ofNullable(NodeManifest.read(dir)).map(j -> j.path("scripts")).orElse(null);
    if (scripts == null || words.size() < 2 || words.get(1).startsWith("-")) {
      return Optional.empty();
    }
    String manager = words.get(0);
    String word = words.get(1);
    String name = null;
    if (RUN.contains(word)) {
      name = words.size() > 2 && !words.get(2).startsWith("-") ? words.get(2) : null;
    } else if (TEST.contains(word) && !manager.equals("bun")) {
      name = "test"; // bun test is bun's own test runner, not the script
    } else if ((manager.equals("pnpm") || manager.equals("yarn")) && !OWN.contains(word)) {
      name = word; // pnpm lint, yarn lint: a script's name as a command
    }
    if (name == null || manager.equals("npx")) {
      return Optional.empty();
    }
    // npm runs pre<name> first; pnpm (since 7) and Yarn 2+ do not, and Yarn 1 cannot be told from a lockfile-less checkout.
    JsonNode pre = scripts.get("pre" + name);
    JsonNode script = manager.equals("npm") && pre != null && pre.isTextual() ? pre : scripts.get(name);
    return script != null && script.isTextual() && !script.asText().isBlank() ? Optional.of(script.asText()) : Optional.empty();
  }

  /**
   * Whether {@code words} run a program of a dependency through a wrapper script: axios's {@code node
   * bin/ssl_hotfix.js eslint lib/**}{@code /*.js} spawns {@code cross-env eslint ...}, which stops on "cross-env: not
   * found" when nothing is installed. {@code node FILE.js NAME}, NAME among the dependencies of the package.json in
   * {@code dir}; not {@code node --test} nor {@code node test.js}, which run Node alone.
   */
  public static boolean wrapsDependency(List<String> words, Path dir) {
    JsonNode json = NodeManifest.read(dir);
    return json != null && words.size() > 2 && words.get(0).equals("node") && WRAPPER.matcher(words.get(1)).matches()
        && NodeManifest.dependencyNames(json).contains(words.get(2));
  }

  private static final Pattern WRAPPER = Pattern.compile("[^-].*\\.[cm]?js");

  /** Whether nothing is installed for the package in {@code dir}: no node_modules up to the repository's top, no Plug'n'Play. */
  public static boolean nothingInstalled(Path dir) {
    return NodeManifest.uninstalled(dir);
  }

  /**
   * Whether {@code program}, missing from PATH while a script of the package.json in {@code dir} runs, is
   * likely one of its dependencies' programs: the package.json declares dependencies, and the program is
   * one of them or no toolchain acr knows (a script's {@code dotnet test} or {@code cargo test} wants the
   * toolchain, not npm install).
   */
  public static boolean dependencyProgram(String program, Path dir) {
    JsonNode json = NodeManifest.read(dir);
    if (json == null) {
      return false;
    }
    Set<String> names = NodeManifest.dependencyNames(json);
    return names.contains(program) || (!names.isEmpty() && !InstallHints.toolchain(program));
  }
}
