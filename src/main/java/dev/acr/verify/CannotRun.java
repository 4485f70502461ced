package dev.acr.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.acr.exec.Colour;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tells a test command that could not run at all from tests that ran and failed, from the
 * baseline (the untouched state) alone. No agent can repair a missing test runner or an
 * uninstalled dependency by editing code, so acr stops before any agent runs.
 *
 * <p>Conservative on purpose: a test's own import of the code under repair must still count as a
 * failing test. So a missing module or file only counts when it is plainly not the project's
 * code: a tool run by {@code python -m}, a package the project declares as a dependency, a path
 * inside {@code node_modules}; and never when the prompt names it (then making it is the task).
 */
public final class CannotRun {


  /** Why the command cannot run, and what to do, in words for the one line acr prints. */
  public record Why(String problem, String todo) {}

  /**
   * {@code sh: 1: jest: not found}, {@code bash: line 1: jest: command not found}, {@code /bin/sh: jest: not found}, and a shell
   * script's own: {@code ./run-tests.sh: line 7: emacs: command not found} (magnars/s.el without Emacs).
   */
  private static final Pattern SHELL_NOT_FOUND =
      Pattern.compile("^(?:\\S*/)?(?:sh|bash|dash|zsh|ksh|[\\w.-]+\\.(?:sh|bash))(?:: line \\d+)?: (?:\\d+: )?(\\S+): (?:command )?not found$");
  /** Bash's own spelling without a prefix: {@code jest: command not found}. */
  private static final Pattern COMMAND_NOT_FOUND = Pattern.compile("^(\\S+): command not found$");
  /** make running a recipe's program directly: {@code make: pytest: No such file or directory}. */
  private static final Pattern MAKE_NOT_FOUND = Pattern.compile("^make(?:\\[\\d+\\])?: (\\S+): No such file or directory$");
  /** prove unable to start the interpreter its {@code -e} names (a Raku distribution's {@code prove -e raku} without raku). */
  private static final Pattern PROVE_EXEC = Pattern.compile("^Could not execute \\((\\S+) [^)]*\\): open3: exec of .* failed: No such file or directory");
  /** Raku's {@code use} of a module no repository of its library path holds: {@code Could not find JSON::Class in:}. */
  private static final Pattern RAKU_MODULE = Pattern.compile("^Could not find ([\\w:-]+) in:$");
  /** {@code /usr/bin/python3: No module named pytest}: the module {@code python -m} was to run. */
  private static final Pattern PYTHON_M = Pattern.compile("^(\\S*python[0-9.]*): No module named ([\\w.]+)$");
  /** A test's import: {@code ModuleNotFoundError: No module named 'requests'}. */
  private static final Pattern PY_IMPORT =
      Pattern.compile("(?:ModuleNotFoundError|ImportError): No module named '?([\\w.]+)'?");
  /**
   * A from-import of a package's submodule that is not there: {@code cannot import name '_speed' from partially
   * initialized module 'fastpkg'} ({@code from . import _speed} in its __init__), or {@code from 'fastpkg'}.
   */
  private static final Pattern PY_IMPORT_NAME =
      Pattern.compile("ImportError: cannot import name '(\\w+)' from (?:partially initialized module )?'([\\w.]+)'");
  /** Node: {@code Cannot find module 'jest'} or {@code Cannot find package 'vitest' imported from}. */
  private static final Pattern NODE_MODULE = Pattern.compile("Cannot find (?:module|package) '([^']+)'");
  /** Perl: {@code Can't locate Ref/Util.pm in @INC (you may need to install the Ref::Util module)}. */
  private static final Pattern PERL_MODULE = Pattern.compile("Can't locate \\S+\\.pm in @INC \\(you may need to install the ([\\w:]+) module\\)");
  /** A C or C++ compiler: {@code fatal error: foo.h: No such file or directory}. */
  private static final Pattern HEADER = Pattern.compile("fatal error: ([^:\\s]+): No such file or directory");
  /** Python run on a script that is not there: {@code can't open file '/x/run.py': [Errno 2]}. */
  private static final Pattern PY_NO_FILE = Pattern.compile("can't open file '([^']+)': \\[Errno 2\\]");
  private static final Pattern NPM_NO_SCRIPT = Pattern.compile("npm (?:ERR!|error) Missing script: \"?([\\w:-]+)\"?");
  private static final Pattern MAKE_NO_RULE = Pattern.compile("No rule to make target '([^']+)'");
  private static final Pattern GO_NO_MODULE =
      Pattern.compile("go: cannot find main module|go\\.mod file not found in current directory or any parent");
  private static final Pattern CARGO_NO_MANIFEST = Pattern.compile("could not find `Cargo\\.toml`");
  /** maven-enforcer-plugin's version rules: {@code Detected Maven Version: 3.8.7 is not in the allowed range [3.9,).} */
  private static final Pattern ENFORCER_VERSION =
      Pattern.compile("Detected (Maven|JDK) Version: (\\S+) is not in the allowed range ([^\\s.]+(?:\\.[^\\s.]+)*)");
  /** A plugin that will not load in this Maven: {@code The plugin org.apache.rat:apache-rat-plugin:0.18 requires Maven version 3.9}. */
  private static final Pattern PLUGIN_NEEDS_MAVEN = Pattern.compile("The plugin (\\S+) requires Maven version (\\S+)");
  /** A JDK older than the project's {@code maven.compiler.release}: javac's own words, through Maven or Gradle. */
  private static final Pattern JDK_TOO_OLD =
      Pattern.compile("error: (?:release version (\\d+) not supported|invalid (?:target|source) release:? (\\d+))");
  /** Maven or Gradle could not download what the build needs: no test has run. */
  private static final Pattern BUILD_UNRESOLVED =
      Pattern.compile("Could not resolve dependencies for project|Non-resolvable parent POM"
          + "|Plugin \\S+ or one of its dependencies could not be resolved|Could not resolve all (?:files|dependencies) for configuration");

  /** A frame of the Gradle wrapper's own code: it failed before Gradle itself started. */
  private static final Pattern GRADLE_WRAPPER_FRAME = Pattern.compile("^at org\\.gradle\\.wrapper\\.");
  private static final Pattern JAVA_MAIN_EXCEPTION = Pattern.compile("^Exception in thread \"main\" (\\S+?)(?::|$)(.*)");

  /** A test failing to reach a service: refused, timed out, reset (mocha's hook timeout on ioredis). */
  private static final Pattern CONNECTION_TROUBLE = Pattern.compile(
      "(?i)ECONNREFUSED|ECONNRESET|ETIMEDOUT|connection refused|connection reset|could not connect|can't connect|couldn't connect"
          + "|failed to connect|timed? ?out|Timeout of \\d+ms");

  /**
   * Cargo or go could not download a dependency: {@code failed to get `x` as a dependency of package},
   * {@code no matching package named `x` found} (offline), {@code go: ...: Get "https://proxy.golang.org/...": dial tcp},
   * which go prints after the importing file's position when a test's build needs the module ({@code arc.go:9:2: ...});
   * deno's {@code error: JSR package manifest for '@std/assert' failed to load.} and {@code error: Import 'https://...' failed}.
   */
  private static final Pattern FETCH_FAILED =
      Pattern.compile("failed to get `([^`]+)` as a dependency of package|no matching package named `([^`]+)` found"
          + "|^(?:go|\\S+\\.go:\\d+:\\d+): (\\S+?)@\\S+: Get \"[^\"]+\": dial tcp"
          + "|^error: JSR package manifest for '([^']+)' failed to load|^error: Import '(https?://[^']+)' failed");

  private CannotRun() {}

  /**
   * Why a test command, which ended with {@code exitCode} and printed {@code output} (its last
   * lines), cannot run at all; empty when it ran (passing or failing). {@code root} is the
   * repository's top, {@code packageDir} where the command ran (its manifests, and those above,
   * say what the project depends on); {@code prompt} is the user's request.
   */
  public static Optional<Why> check(int exitCode, List<String> output, Path root, Path packageDir, String prompt) {
    if (exitCode == 0) {
      return Optional.empty();
    }
    String asked = prompt == null ? "" : prompt.toLowerCase(Locale.ROOT);
    // A shell's "not found" only counts when it ended the command (make reports it as Error 127;
    // composer exits with its script's status): a test that runs a missing program among others
    // that pass has still run.
    boolean ended127 = exitCode == 127 || output.stream().anyMatch(l -> l.contains("Error 127"));
    // "Signature does not match" is also what a failing JWT or webhook test prints: only corepack's own.
    boolean corepack = output.stream().anyMatch(l -> l.contains("corepack"));
    // Before the lines one by one: configure's "checking for flex... no" explains the missing C file a line would blame on a header.
    Optional<Why> generator = output.stream().anyMatch(l -> l.startsWith("checking for ")) ? Autotools.missingGenerator(output) : Optional.empty();
    if (generator.isPresent()) {
      return generator;
    }
    // lix's words only where they name a .haxerc: HaxeProject's patterns need not compile for every failing baseline.
    // A submodule never checked out, before what follows from it (a FetchContent download in a later file of the same configure).
    Optional<Why> runner = EmptySubmodules.check(output, root).or(() -> PytestUsage.check(exitCode, output, asked))
        .or(() -> OldToolchain.check(output)).or(() -> OldToolchain.unknownCmakeCommand(output, asked))
        .or(() -> output.stream().anyMatch(l -> l.contains(".haxerc")) ? HaxeProject.lix(output) : Optional.empty())
        .or(() -> PytestUsage.fixturePlugin(output, packageDir, asked));
    if (runner.isPresent()) {
      return runner;
    }
    for (String raw : output) {
      String line = Colour.strip(raw).strip();
      Optional<Why> why = line(line, root, packageDir, asked, ended127, corepack);
      if (why.isPresent()) {
        return why;
      }
    }
    // A prompt about the settings ("fix the Django settings so the tests run") asks an agent to mend what stops Django.
    Optional<Why> django = DjangoProject.cannotStart(output, packageDir)
        .flatMap(why -> why.problem().startsWith("Django is not installed") ? Optional.of(why) : notAsked(asked, "settings", why));
    if (django.isPresent()) {
      return django;
    }
    Optional<Why> wrapper = gradleWrapper(output);
    if (wrapper.isPresent()) {
      return wrapper;
    }
    if (SummaryFailures.tcltestUncounted(output)) {
      return Optional.of(new Why("tcltest counted none of the tests that ran (Total 0, though some failed): the test files"
          + " run in separate interpreters and do not end with ::tcltest::cleanupTests, so a fix would look like a run of no tests",
          "run them in one interpreter (add -singleproc 1 to a driver that passes its arguments to tcltest's configure)"
              + " or end each test file with ::tcltest::cleanupTests"));
    }
    if (exitCode == 127) {
      return Optional.of(new Why("not found (exit 127)", "install it or name another test command"));
    }
    if (exitCode == 126) {
      return Optional.of(new Why("cannot execute (exit 126: not executable, or not a program)",
          "make it executable (chmod +x) or name another test command"));
    }
    // A test Compose file's services matter only when the output shows a connection failing: a
    // project keeps one for its integration tests while its unit tests fail for their own reasons.
    return output.stream().anyMatch(l -> CONNECTION_TROUBLE.matcher(l).find()) ? TestServices.down(packageDir, root) : Optional.empty();
  }

  /**
   * A test command's program that is not installed, and what installs it; empty when the prompt
   * names it (then making or installing it is the task). {@code asked} is the prompt, lower case;
   * {@code packageDir} where the command runs (its manifest may say where the program comes from).
   */
  public static Optional<Why> notFound(String program, String asked, Path packageDir) {
    return notAsked(asked, program, new Why(program + ": not found", InstallHints.of(program, packageDir) + " or name another test command"));
  }

  /**
   * Why a Node package manager ({@code npm test}, {@code pnpm test}...) run in {@code packageDir} would stop on the
   * project's dependencies, none being installed; empty when some are, or the prompt asks to install them.
   */
  public static Optional<Why> nodeDependenciesMissing(Path packageDir, String asked) {
    return NodeManifest.dependenciesMissing(packageDir).flatMap(why -> notAsked(asked, "install", why));
  }

  private static Optional<Why> line(String line, Path root, Path packageDir, String asked, boolean ended127, boolean corepack) {
    Matcher m;
    if (ended127 && ((m = SHELL_NOT_FOUND.matcher(line)).matches() || (m = COMMAND_NOT_FOUND.matcher(line)).matches()
        || (m = MAKE_NOT_FOUND.matcher(line)).matches())) {
      return notFound(m.group(1), asked, packageDir);
    }
    if ((m = PROVE_EXEC.matcher(line)).find()) {
      return notFound(m.group(1), asked, packageDir);
    }
    if ((m = PYTHON_M.matcher(line)).matches()) {
      String module = m.group(2);
      return notAsked(asked, module, PythonVenv.moduleMissing(m.group(1), module).orElse(new Why("No module named " + module,
          "install it (e.g. python3 -m pip install " + module + ") or name another test command")));
    }
    if ((m = PY_IMPORT_NAME.matcher(line)).find()) {
      String name = m.group(1);
      Optional<Why> extension = PythonExtensions.notBuilt(m.group(2) + "." + name, packageDir).flatMap(why -> notAsked(asked, name, why));
      if (extension.isPresent()) {
        return extension;
      }
    }
    Optional<Why> uninstalled = PythonDistributions.notInstalled(line, packageDir, root).flatMap(w -> notAsked(asked, "metadata", w));
    if (uninstalled.isPresent()) {
      return uninstalled;
    }
    if ((m = PY_IMPORT.matcher(line)).find()) {
      String module = m.group(1);
      Optional<Why> extension = PythonExtensions.notBuilt(module, packageDir)
          .flatMap(why -> notAsked(asked, module.substring(module.lastIndexOf('.') + 1), why));
      if (extension.isPresent()) {
        return extension;
      }
      String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
      Optional<Why> clash = TestPackageClash.check(module, root, packageDir);
      if (clash.isPresent()) {
        return clash;
      }
      Optional<Why> generated = PythonSrcLayout.generatedModule(module, root, packageDir);
      if (generated.isPresent()) {
        return generated;
      }
      // Its own code: a folder of the package by that name, at the top or under a src layout's src/, or a tests/
      // package (which testpaths = ["tests"] seems to declare); a module the project is named after is its own too.
      boolean own = top.equals("tests") || top.equals("test") || Stream.concat(Stream.of(packageDir),
              PythonSrcLayout.sources(packageDir).stream())
          .anyMatch(d -> Files.isDirectory(d.resolve(top)) || Files.isRegularFile(d.resolve(top + ".py")));
      return !own && PythonDistributions.dependencyNames(top, packageDir).anyMatch(d -> declaredDependency(packageDir, d))
          ? notAsked(asked, top, new Why("No module named '" + module + "', a dependency of the project that is not installed",
              PythonVenv.installAdvice(packageDir, root)))
          : Optional.empty();
    }
    if ((m = NODE_MODULE.matcher(line)).find()) {
      String module = m.group(1);
      boolean installedPath = module.contains("/node_modules/");
      String name = packageName(module);
      boolean bare = !module.startsWith(".") && !module.startsWith("/");
      return installedPath || (bare && declaredDependency(packageDir, name))
          ? notAsked(asked, name, new Why("Cannot find module '" + module + "'",
              "install the project's dependencies (e.g. npm install) or name another test command"))
          : Optional.empty();
    }
    boolean perl = (m = PERL_MODULE.matcher(line)).find();
    if (perl || (m = RAKU_MODULE.matcher(line)).matches()) {
      String module = m.group(1);
      return declaredDependency(packageDir, module)
          ? notAsked(asked, module, new Why((perl ? "Can't locate " : "Could not find ") + module
              + ", a dependency of the project that is not installed", "install the project's dependencies (e.g. "
              + (perl ? "cpanm --installdeps ." : "zef install --deps-only .") + ") or name another test command"))
          : Optional.empty();
    }
    if ((m = HEADER.matcher(line)).find()) {
      String header = m.group(1);
      String base = header.substring(header.lastIndexOf('/') + 1);
      return inTree(root, base)
          ? Optional.empty()
          : notAsked(asked, base, new Why(header + ": No such file or directory",
              "install the library that provides it, or check out the submodules (git submodule update --init)"));
    }
    if ((m = PY_NO_FILE.matcher(line)).find()) {
      String file = m.group(1);
      return notAsked(asked, Path.of(file).getFileName().toString(),
          new Why("can't open file '" + file + "'", "name the right test command"));
    }
    if ((m = NPM_NO_SCRIPT.matcher(line)).find()) {
      return Optional.of(new Why("package.json has no \"" + m.group(1) + "\" script", "add one or name another test command"));
    }
    if ((m = MAKE_NO_RULE.matcher(line)).find()) {
      return Optional.of(new Why("make has no rule for '" + m.group(1) + "'", "name another test command"));
    }
    if (GO_NO_MODULE.matcher(line).find()) {
      return Optional.of(new Why("go: cannot find main module (no go.mod here)", "run acr in the Go module's folder"));
    }
    if (CARGO_NO_MANIFEST.matcher(line).find()) {
      return Optional.of(new Why("could not find Cargo.toml", "run acr in the crate's folder"));
    }
    Optional<Why> tool = buildTool(line);
    return tool.isPresent() ? tool : NotInstalled.check(line, root, packageDir, asked, corepack);
  }

  /**
   * {@code ./gradlew} failing in the wrapper itself, before any build: offline it cannot download
   * the Gradle its gradle-wrapper.properties names ({@code java.net.UnknownHostException:
   * services.gradle.org}), or the download is corrupt. The exception is the line that says why.
   */
  private static Optional<Why> gradleWrapper(List<String> output) {
    if (output.stream().noneMatch(l -> GRADLE_WRAPPER_FRAME.matcher(l.strip()).find())) {
      return Optional.empty();
    }
    String cause = output.stream().map(l -> JAVA_MAIN_EXCEPTION.matcher(l.strip()))
        .filter(Matcher::matches).map(m -> " (" + (m.group(1) + ":" + m.group(2)).replaceAll(":\\s*$", "").strip() + ")")
        .findFirst().orElse("");
    return Optional.of(new Why("the Gradle wrapper could not get the Gradle that gradle/wrapper/gradle-wrapper.properties names" + cause,
        "run ./gradlew once where the network allows (it keeps Gradle in ~/.gradle/wrapper/dists), or name another test command"));
  }

  /** Build tools' refusals to build: a tool too old, or what it needs out of reach. */
  private static Optional<Why> buildTool(String line) {
    Matcher m;
    if ((m = ENFORCER_VERSION.matcher(line)).find()) {
      return Optional.of(new Why(m.group(1) + " " + m.group(2) + " is not in the range the project's maven-enforcer-plugin allows, "
          + m.group(3), "use a " + m.group(1) + " in that range (the project's ./mvnw, if it has one) or name another test command"));
    }
    if ((m = PLUGIN_NEEDS_MAVEN.matcher(line)).find()) {
      return Optional.of(new Why("the Maven plugin " + m.group(1) + " requires Maven " + m.group(2),
          "use Maven " + m.group(2) + " or newer (the project's ./mvnw, if it has one) or name another test command"));
    }
    if ((m = JDK_TOO_OLD.matcher(line)).find()) {
      String release = m.group(1) != null ? m.group(1) : m.group(2);
      return Optional.of(new Why("the JDK cannot compile for Java " + release + ", the release the project asks for",
          "run acr with a JDK " + release + " or newer (JAVA_HOME) or name another test command"));
    }
    if ((m = FETCH_FAILED.matcher(line)).find()) {
      int g = 1;
      while (m.group(g) == null && g < m.groupCount()) {
        g++;
      }
      // The tool that failed to download is the one to fetch with: cargo's (groups 1-2), go's (3), deno's (4-5).
      String fetch = g <= 2 ? "cargo fetch" : g == 3 ? "go mod download" : "deno install";
      return Optional.of(new Why("the dependency " + m.group(g) + " could not be downloaded",
          "fetch the dependencies once by hand (" + fetch + ") where the network allows, or name another test command"));
    }
    if ((m = BUILD_UNRESOLVED.matcher(line)).find()) {
      return Optional.of(new Why("the build could not resolve what it needs (" + m.group() + ")",
          "check the network and the repository settings (~/.m2/settings.xml, Gradle's repositories) and build once by hand,"
              + " or name another test command"));
    }
    return Optional.empty();
  }

  /** {@code why}, unless the prompt names {@code thing}: a request to write it is not a broken setup. */
  static Optional<Why> notAsked(String asked, String thing, Why why) {
    String t = thing.toLowerCase(Locale.ROOT);
    String stem = t.contains(".") ? t.substring(0, t.lastIndexOf('.')) : t;
    // A name of one or two letters (Emacs's f and s) only as a word: "fix the failing ht-get test" does not name f.
    boolean named = t.length() < 3 ? Pattern.compile("(?<![\\w-])" + Pattern.quote(t) + "(?![\\w-])").matcher(asked).find() : asked.contains(t);
    return named || (stem.length() >= 3 && asked.contains(stem)) ? Optional.empty() : Optional.of(why);
  }

  /** {@code @scope/pkg/sub} -> {@code @scope/pkg}; {@code pkg/sub} -> {@code pkg}; a node_modules path -> the package there. */
  static String packageName(String module) {
    String m = module;
    int nm = m.lastIndexOf("/node_modules/");
    if (nm >= 0) {
      m = m.substring(nm + "/node_modules/".length());
    }
    String[] parts = m.split("/");
    return m.startsWith("@") && parts.length > 1 ? parts[0] + "/" + parts[1] : parts[0];
  }

  /** Manifests that list dependencies, from {@code dir} up through its parents (a workspace's root declares them too). */
  private static final List<String> DEPENDENCY_FILES =
      List.of("package.json", "pyproject.toml", "setup.py", "setup.cfg", "requirements.txt", "requirements-dev.txt",
          "requirements-test.txt", "dev-requirements.txt", "test-requirements.txt", "Pipfile", "tox.ini",
          "cpanfile", "Makefile.PL", "Build.PL", "META.json", "dist.ini", "META6.json");

  /** Whether a manifest in {@code dir} or above names {@code name} as a quoted or listed dependency. */
  static boolean declaredDependency(Path dir, String name) {
    // A Raku adverb may follow (META6.json's "JSON::Class:ver<0.0.20+>:auth<zef:x>"), but not a longer module's "::".
    Pattern named = Pattern.compile("(?m)(?:^|[\"'\\s\\[,])" + Pattern.quote(name) + "(?:[\"'\\s=<>~!\\[;,]|:(?!:)|$)",
        Pattern.CASE_INSENSITIVE);
    String dashed = name.replace('_', '-');
    Pattern namedDashed = Pattern.compile("(?m)(?:^|[\"'\\s\\[,])" + Pattern.quote(dashed) + "(?:[\"'\\s=<>~!\\[;,]|$)",
        Pattern.CASE_INSENSITIVE);
    for (Path d = dir; d != null; d = d.getParent()) {
      for (String f : DEPENDENCY_FILES) {
        String text = read(d.resolve(f));
        if (!text.isEmpty() && (named.matcher(text).find() || namedDashed.matcher(text).find())) {
          return true;
        }
      }
      if (Files.exists(d.resolve(".git"))) {
        break;
      }
    }
    return false;
  }

  /** Whether a file named {@code name} is anywhere under {@code dir} (a header the build should find). */
  private static boolean inTree(Path dir, String name) {
    try (var files = Files.find(dir, 12, (p, a) -> a.isRegularFile() && p.getFileName().toString().equals(name))) {
      return files.findAny().isPresent();
    } catch (IOException | UncheckedIOException e) {
      return true; // cannot tell: treat as the project's own
    }
  }

  private static String read(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file) : "";
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }
}
