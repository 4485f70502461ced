package dev.acr.verify;

import dev.acr.git.ConfiguredLinks;
import dev.acr.git.PythonVersionFiles;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which copy of a src-layout Python package the tests import. {@code python3 -m pytest} puts the
 * folder it runs in on {@code sys.path}, so a package at the top of the project shadows any installed
 * copy; one under {@code src/} is found only through an install. Without an editable install of the
 * folder under test, the tests import whatever copy site-packages has: pallets/flask's tests, on a
 * machine where another tool had installed Flask 3.1.3, tested that copy (16 failures of version
 * skew, read as "failing, as expected"), and no change an agent made to {@code src/flask} could have
 * made them pass or fail. With {@code src/} first on {@code PYTHONPATH} the tests import the files
 * under test, as after {@code pip install -e .}, whatever is installed; an editable install of the
 * same folder is the same code. Racket's collections are pointed the same way ({@link RacketCollections}).
 */
public final class PythonSrcLayout {
  private PythonSrcLayout() {}

  private static final String[] MANIFESTS = {"pyproject.toml", "setup.py", "setup.cfg"};

  /** {@code dir/src} when {@code dir} is a Python project whose code is under {@code src/}; empty otherwise. */
  public static Optional<Path> sources(Path dir) {
    boolean python = Stream.of(MANIFESTS).anyMatch(m -> Files.isRegularFile(dir.resolve(m)));
    Path src = dir.resolve("src");
    return python && holdsPython(src) ? Optional.of(src) : Optional.empty();
  }

  /**
   * {@code env} with {@code dir/src} first on {@code PYTHONPATH} when {@code dir} is a src-layout Python project,
   * unless {@link #skipped} says why not.
   */
  static Map<String, String> environment(String command, Path dir, Map<String, String> env) {
    Optional<Path> src = sources(dir);
    if (src.isEmpty() || skipped(command, dir).isPresent()) {
      return env;
    }
    String first = src.get().toAbsolutePath().normalize().toString();
    String old = env.get("PYTHONPATH");
    Map<String, String> out = new HashMap<>(env);
    out.put("PYTHONPATH", old == null || old.isEmpty() ? first : first + File.pathSeparator + old);
    return out;
  }

  /**
   * What a dry run says of the tests' imports in {@code dir}, a src-layout Python project: {@code src/} first on
   * {@code PYTHONPATH}, or why not, and for a compiled package which command builds it. Empty outside a src layout.
   */
  public static Optional<String> note(String command, Path dir) {
    Optional<Path> src = sources(dir);
    if (src.isEmpty()) {
      return Optional.empty();
    }
    String rel = dir.relativize(src.get()) + "/";
    Optional<String> why = skipped(command, dir);
    if (why.isPresent()) {
      return Optional.of(rel + " is not put first on PYTHONPATH: " + why.get());
    }
    String first = "the tests import " + rel + " first (PYTHONPATH), as after pip install -e .: the files under test,"
        + " not a copy installed elsewhere";
    return Optional.of(IN_PLACE.matcher(command).find() ? first : first + PythonExtensions.compiled(dir)
        .map(what -> "; the package is compiled (" + what + "), and a clean checkout, as each attempt's worktree is, has"
            + " not built it: a pure-Python fallback is tested, or a test that imports the extension stops the run"
            + " before any agent; to test each attempt's own build, name a test command that builds it first, e.g. --verify \""
            + PythonExtensions.buildCommand(dir) + "\"")
        .orElse(""));
  }

  /**
   * A test command that installs the project, or sets PYTHONPATH itself: it says where the package comes from
   * ({@code python setup.py install && pytest} imports the build it installs), and src/ first would hide that.
   * pip counts only when it installs the project itself ({@link #pipInstallsProject}), and tox or nox only as the
   * command run, not in a file name ({@code pytest -c tox.ini}).
   */
  private static final Pattern BUILDS = Pattern.compile("\\bsetup\\.py\\b[^&;|]*\\b(?:install|develop|build\\w*|bdist\\w*)\\b"
      + "|\\bmaturin\\b|\\b(?:poetry|pdm)\\s+install\\b|\\buv\\s+sync\\b|\\bhatch\\s|\\bPYTHONPATH=|\\bmeson\\b|-m\\s+build\\b"
      + "|(?:^|[;&|(]|\\s-m|\\buvx|\\brun|\\bexec)\\s*[tn]ox(?=$|[\\s;&|)])");

  /** A build of the extensions into src/ itself ({@code setup.py build_ext --inplace}), which src/ first then imports. */
  private static final Pattern IN_PLACE = Pattern.compile("\\bbuild_ext\\b[^&;|]*(?:--inplace|\\s-i)\\b");

  /** {@code pip install ARGS} (also {@code uv pip install}), its arguments up to the command's end. */
  private static final Pattern PIP_INSTALL = Pattern.compile("\\bpip3?\\s+install\\b([^&;|]*)");

  /** pip's options that take a value which is not what is installed: {@code -r requirements.txt}, {@code -c constraints.txt}. */
  private static final Pattern PIP_VALUE_OPTION = Pattern.compile(
      "-[rcitf]|--(?:requirement|constraint|index-url|extra-index-url|find-links|target|prefix|root|src|config-settings|python-version|platform)");

  /**
   * Whether {@code command} runs {@code pip install} of the project itself ({@code pip install .}, {@code -e .},
   * {@code -e ./lib}, {@code .[test]}, a path), not its dependencies ({@code -r requirements.txt}, named packages).
   */
  static boolean pipInstallsProject(String command) {
    Matcher m = PIP_INSTALL.matcher(command);
    while (m.find()) {
      String[] args = m.group(1).strip().split("\\s+");
      for (int i = 0; i < args.length; i++) {
        String a = args[i].replaceAll("^[\"']|[\"']$", "");
        if (PIP_VALUE_OPTION.matcher(a).matches()) {
          i++;
        } else if (!a.startsWith("-") && (a.equals(".") || a.startsWith("./") || a.startsWith("../") || a.startsWith("/")
            || a.startsWith(".[") || a.startsWith("~/")) || a.matches("(?:-e|--editable=)\\.\\S*")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Why {@code src/} is not put first for {@code command} in {@code dir}: the command builds or installs the package
   * itself, or sets PYTHONPATH. A compiled package still gets src/ first: an optional extension then falls back to
   * its pure Python, as MarkupSafe's does, and a missing one stops the run as CannotRun says, where the installed
   * build (when there is one) would have tested other code than the attempt's.
   */
  static Optional<String> skipped(String command, Path dir) {
    if (IN_PLACE.matcher(command).find()) {
      return Optional.empty();
    }
    return BUILDS.matcher(command).find() || pipInstallsProject(command)
        ? Optional.of("the test command builds or installs the package itself, and runs as given")
        : Optional.empty();
  }

  /**
   * A package directly in {@code src} ({@code src/name/__init__.py}, or a namespace package's
   * {@code src/name/sub/__init__.py}); not a {@code src} that is itself a package ({@code from src.app
   * import ...}, run from the top), nor loose scripts in {@code src}, which on {@code PYTHONPATH} could
   * shadow the standard library's modules of the same names.
   */
  private static boolean holdsPython(Path src) {
    if (!Files.isDirectory(src) || Files.exists(src.resolve("__init__.py"))) {
      return false;
    }
    try (Stream<Path> entries = Files.list(src)) {
      return entries.anyMatch(p -> {
        String name = p.getFileName().toString();
        return Files.isDirectory(p) && !name.startsWith(".") && !name.contains("-") && !name.endsWith(".egg-info")
            && (Files.isRegularFile(p.resolve("__init__.py")) || namespacePortion(p));
      });
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /** A namespace package's folder: no {@code __init__.py} of its own, a package one folder down. */
  private static boolean namespacePortion(Path dir) {
    try (Stream<Path> subs = Files.list(dir)) {
      return subs.anyMatch(sub -> Files.isRegularFile(sub.resolve("__init__.py")));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /**
   * A module of the project's own package that its build writes and git ignores: pytest-dev/pytest's
   * {@code src/_pytest/_version.py} (setuptools-scm), which a clean checkout, and so every attempt's worktree,
   * lacks. The tests cannot import the package without it, whatever an agent changes. Empty for any other module,
   * and outside a src layout.
   */
  static Optional<CannotRun.Why> generatedModule(String module, Path root, Path packageDir) {
    if (!module.contains(".")) {
      return Optional.empty();
    }
    // Only under src/: elsewhere an ignored module is as often the user's own (Django's local_settings.py, which
    // DjangoProject names), not the build's.
    Optional<Path> src = sources(packageDir);
    if (src.isEmpty()) {
      return Optional.empty();
    }
    Path base = src.get();
    String top = module.substring(0, module.indexOf('.'));
    if (!Files.isDirectory(base.resolve(top))) {
      return Optional.empty();
    }
    String file = module.replace('.', '/') + ".py";
    String rel = root.relativize(base.resolve(file)).toString();
    if (ConfiguredLinks.ignoredUnit(root, rel).isEmpty()) {
      return Optional.empty();
    }
    // A version file is copied from the user's tree into each worktree (git/PythonVersionFiles): it is missing here
    // because the user's tree lacks it too, and one install there writes it.
    String todo = PythonVersionFiles.copied(base.resolve(file).getFileName().toString())
        ? "install the project once in your tree (e.g. " + PythonVenv.projectInstallCommand(packageDir, root) + "), which writes"
            + " it, and acr copies it into each attempt's worktree; or name a test command that works from a clean checkout"
        : "name a test command that works from a clean checkout, e.g. one that builds or installs the project first";
    return Optional.of(new CannotRun.Why("the tests import " + module + ", which the project's build writes (" + rel
        + " is ignored by git, so a clean checkout, as each attempt's worktree is, lacks it)", todo));
  }
}
