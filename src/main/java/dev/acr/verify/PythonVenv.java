package dev.acr.verify;

import dev.acr.git.DependencyDirs;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's own Python virtual environment ({@code .venv} from {@code uv sync}, poetry's in-project venv, {@code
 * python3 -m venv .venv}), which the user often never activates: uv users run {@code uv run pytest}. Tried on
 * python-humanize/humanize with its test dependency freezegun installed only in {@code .venv}, acr ran the python3 on
 * PATH and stopped before any agent with "No module named 'freezegun' … install the project's dependencies", which
 * were installed. So, as {@code uv run} does, the tests run in that environment: its {@code bin/} first on PATH and
 * {@code VIRTUAL_ENV} set, which is what {@code source .venv/bin/activate} does. An environment the user activated
 * ({@code VIRTUAL_ENV}) is theirs to choose and is left as it is. The folder is looked for where the tests run and
 * above it up to the repository's top (a uv workspace keeps one at its root); an attempt's worktree links the user's
 * ({@code git/DependencyDirs}), so the path found there is the worktree's own.
 */
public final class PythonVenv {
  private PythonVenv() {}

  /**
   * The environment the tests in {@code dir} run in when none is active in {@code env}: the nearest {@code .venv} or
   * {@code venv} with a {@code pyvenv.cfg}, from {@code dir} up to the folder holding {@code .git}. Empty when one
   * is active or there is none; a broken one (its python gone) is returned too, see {@link #works}.
   */
  static Optional<Path> find(Path dir, Map<String, String> env) {
    String active = env.get("VIRTUAL_ENV");
    if (active != null && !active.isEmpty()) {
      return Optional.empty();
    }
    Path from = dir.toAbsolutePath().normalize();
    // Above the tests' folder only inside a repository: outside one, the folders above are the user's home and such,
    // where a ~/.venv is some other environment.
    Path top = from;
    while (top != null && !Files.exists(top.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
      top = top.getParent();
    }
    for (Path at = from; at != null; at = at.getParent()) {
      for (String name : DependencyDirs.VENVS) {
        Path venv = at.resolve(name);
        if (isEnvironment(venv)) {
          return Optional.of(venv);
        }
      }
      if (top == null || at.equals(top)) {
        break;
      }
    }
    return Optional.empty();
  }

  /** Whether {@code dir} is a virtual environment: it has the {@code pyvenv.cfg} that venv, virtualenv and uv write. */
  public static boolean isEnvironment(Path dir) {
    return Files.isRegularFile(dir.resolve("pyvenv.cfg"));
  }

  /**
   * Whether the environment's python runs: a venv's {@code bin/python} links to the interpreter it was made from,
   * and once that is gone (pyenv uninstalled that version, Homebrew upgraded it) nothing in it starts.
   */
  static boolean works(Path venv) {
    return Files.isExecutable(venv.resolve("bin/python")) || Files.isExecutable(venv.resolve("bin/python3"));
  }

  /** {@code env} with the project's environment activated for the tests in {@code dir}, or {@code env} itself. */
  public static Map<String, String> environment(Path dir, Map<String, String> env) {
    Optional<Path> venv = find(dir, env).filter(PythonVenv::works);
    if (venv.isEmpty()) {
      return env;
    }
    Map<String, String> out = new HashMap<>(env);
    String path = env.get("PATH");
    String bin = venv.get().resolve("bin").toString();
    out.put("PATH", path == null || path.isEmpty() ? bin : bin + File.pathSeparator + path);
    out.put("VIRTUAL_ENV", venv.get().toString());
    // activate unsets it too: a PYTHONHOME meant for another interpreter stops this one from finding its library.
    out.remove("PYTHONHOME");
    return out;
  }

  /** What a dry run or doctor says of the tests' environment: {@code used} false for one whose python is gone. */
  public record Note(String text, boolean used) {}

  /** What a dry run says of the tests' environment in {@code dir}: empty when there is no project environment to use. */
  public static Optional<Note> note(Path dir, Map<String, String> env) {
    return find(dir, env).map(venv -> {
      String rel = relative(dir, venv);
      return works(venv)
          ? new Note("the agents and the tests run in the project's virtual environment " + rel + " (not active here): its"
              + " bin/ first on PATH, as source " + rel + "/bin/activate would", true)
          : new Note("the project's virtual environment " + rel + " is not used: its python no longer runs (the"
              + " interpreter it was made from is gone), so the tests run with the python3 on PATH; recreate it (uv sync,"
              + " or python3 -m venv --clear " + rel + " and install the project again)", false);
    });
  }

  /** The interpreter of a project's virtual environment as a runner names it: {@code …/.venv/bin/python3}. */
  private static final Pattern VENV_PYTHON = Pattern.compile("(?:^|/)((?:\\.venv|venv)/bin/python[0-9.]*)$");

  /**
   * Why the tests cannot run when {@code interpreter} (as {@code python3 -m pytest} names itself: "…/.venv/bin/python3: No
   * module named pytest") is a project environment's, which acr ran them in, and lacks {@code module}: a .venv made
   * without the test runner, where the python3 on PATH has one. Empty for any other interpreter.
   */
  static Optional<CannotRun.Why> moduleMissing(String interpreter, String module) {
    Matcher venv = VENV_PYTHON.matcher(interpreter);
    return venv.find()
        ? Optional.of(new CannotRun.Why("No module named " + module + " in the project's virtual environment, where the tests"
            + " run", "install it there (" + venv.group(1) + " -m pip install " + module + "), or activate the environment"
            + " you test with first"))
        : Optional.empty();
  }

  /**
   * What to tell a user whose tests miss one of the project's dependencies, for the tests in {@code dir}: the install
   * command of its tool, and for poetry and pipenv, which keep their environments outside the project (where acr does
   * not look) unless told otherwise, to run acr inside it, as its tests then run there too.
   */
  static String installAdvice(Path dir, Path root) {
    String command = installCommand(dir, root);
    String tool = command.substring(0, command.indexOf(' '));
    boolean outside = (tool.equals("poetry") || tool.equals("pipenv")) && find(dir, Map.of()).isEmpty();
    return outside
        ? "install the project's dependencies (" + command + ") and run acr in the environment " + tool + " keeps for it"
            + " outside the project (" + tool + " run acr \"…\", or activate it first)"
        : "install the project's dependencies (e.g. " + command + ")";
  }

  /**
   * The command that installs the project's dependencies, by the lock file its tool keeps in {@code dir} or {@code
   * root}: what to tell a user whose tests miss one.
   */
  public static String installCommand(Path dir, Path root) {
    String tool = lockedTool(dir, root);
    return tool != null ? tool : pipInstall(dir) + " or -r requirements.txt";
  }

  /** {@link #installCommand} of the project itself, not only its requirements: what writes its metadata and version file. */
  static String projectInstallCommand(Path dir, Path root) {
    String tool = lockedTool(dir, root);
    return tool != null ? tool : pipInstall(dir);
  }

  private static String lockedTool(Path dir, Path root) {
    for (Path at : dir.equals(root) ? List.of(dir) : List.of(dir, root)) {
      if (Files.isRegularFile(at.resolve("uv.lock"))) {
        return "uv sync";
      }
      if (Files.isRegularFile(at.resolve("poetry.lock"))) {
        return "poetry install";
      }
      if (Files.isRegularFile(at.resolve("pdm.lock"))) {
        return "pdm install";
      }
      if (Files.isRegularFile(at.resolve("Pipfile"))) {
        return "pipenv install --dev";
      }
    }
    return null;
  }

  /** pip into the project's environment, where the tests run, not into the python3 on PATH. */
  private static String pipInstall(Path dir) {
    return find(dir, Map.of()).map(venv -> relative(dir, venv) + "/bin/python").orElse("python3") + " -m pip install -e .";
  }


  /** {@code .venv}, or {@code ../../.venv} for a workspace's. */
  private static String relative(Path dir, Path venv) {
    return dir.toAbsolutePath().normalize().relativize(venv).toString();
  }
}
