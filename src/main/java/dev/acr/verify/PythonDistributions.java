package dev.acr.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The names under which a project may declare the distribution that provides a Python module. An
 * import names the module ({@code markdown_it}); pyproject.toml and requirements files name the
 * distribution ({@code markdown-it-py}), and the two differ often enough that a missing dependency
 * read by the module's name alone looked like a failing test (Textualize/rich without
 * markdown-it-py: "3 tests fail, as expected before a fix"). The usual spellings are derived; the
 * well-known names that no rule derives are listed.
 */
final class PythonDistributions {
  private PythonDistributions() {}

  /** Modules whose distribution's name no spelling rule gives, by the module's lower-case name. */
  private static final Map<String, String> KNOWN = Map.ofEntries(
      Map.entry("attr", "attrs"),
      Map.entry("bs4", "beautifulsoup4"),
      Map.entry("pil", "pillow"),
      Map.entry("sklearn", "scikit-learn"),
      Map.entry("skimage", "scikit-image"),
      Map.entry("cv2", "opencv-python"),
      Map.entry("crypto", "pycryptodome"),
      Map.entry("git", "gitpython"),
      Map.entry("mysqldb", "mysqlclient"),
      Map.entry("psycopg2", "psycopg2-binary"),
      Map.entry("dns", "dnspython"),
      Map.entry("websocket", "websocket-client"),
      Map.entry("pkg_resources", "setuptools"),
      Map.entry("mpl_toolkits", "matplotlib"),
      Map.entry("fitz", "pymupdf"),
      Map.entry("bio", "biopython"),
      Map.entry("nacl", "pynacl"),
      Map.entry("gi", "pygobject"),
      Map.entry("socks", "pysocks"),
      Map.entry("discord", "discord.py"),
      Map.entry("telegram", "python-telegram-bot"),
      Map.entry("ruamel", "ruamel.yaml"),
      Map.entry("google", "protobuf"));

  /**
   * The names a manifest may give the distribution of top-level module {@code module}: the module's
   * own, with dashes for underscores, {@code py}/{@code python-} before it, {@code -py} after it, and a
   * well-known other name.
   */
  static List<String> of(String module) {
    String lower = module.toLowerCase(Locale.ROOT);
    String dashed = lower.replace('_', '-');
    List<String> names = new ArrayList<>(List.of(lower, dashed, "py" + lower, "python-" + dashed, dashed + "-py"));
    String known = KNOWN.get(lower);
    if (known != null) {
      names.add(known);
    }
    return names;
  }

  /**
   * {@link #of} without the project's own name: a manifest names its project ({@code name = "shapes"} in pyproject.toml),
   * and that is no dependency. A test written first, {@code from shapes.circle import circle_area}, failed on a module
   * of the project still to be written, and the project's name, read as a dependency, stopped the run with "a
   * dependency of the project that is not installed" before any agent. The same for {@code pyshapes},
   * {@code python-shapes} or {@code shapes-py}, the spellings {@link #of} derives.
   */
  static Stream<String> dependencyNames(String module, Path projectDir) {
    Optional<String> own = projectName(projectDir).map(PythonDistributions::normalized);
    return of(module).stream().filter(d -> own.isEmpty() || !normalized(d).equals(own.get()));
  }

  /** importlib.metadata's {@code PackageNotFoundError}: "No package metadata was found for X" (Python 3.10+), or just X. */
  private static final Pattern NO_METADATA =
      Pattern.compile("PackageNotFoundError: (?:No package metadata was found for )?'?([A-Za-z0-9][A-Za-z0-9._-]*)'?\\s*$");

  /**
   * Why the tests cannot run when {@code line} says the project itself, or a distribution it declares, is not installed
   * (its {@code __init__.py} reads {@code importlib.metadata.version("shapes")}): importing the code from src/ is not
   * installing it, so every test module failed to import, the baseline read that as failing "as expected", and a fixer
   * was recorded failed. Empty for any other distribution.
   */
  static Optional<CannotRun.Why> notInstalled(String line, Path packageDir, Path root) {
    Matcher m = NO_METADATA.matcher(line);
    if (!m.find()) {
      return Optional.empty();
    }
    String name = m.group(1);
    boolean own = projectName(packageDir).map(p -> normalized(p).equals(normalized(name))).orElse(false);
    if (!own && !CannotRun.declaredDependency(packageDir, name)) {
      return Optional.empty();
    }
    return Optional.of(new CannotRun.Why("No package metadata was found for " + name + (own
            ? ": the project reads its own version from its installed metadata (importlib.metadata), and it is not installed"
            : ", a dependency of the project that is not installed") + " for the python the tests run",
        own ? "install the project once (e.g. " + PythonVenv.projectInstallCommand(packageDir, root) + ")"
            : PythonVenv.installAdvice(packageDir, root)));
  }

  /** A section's header line, and the name line in the sections that name the project. */
  private static final Pattern SECTION = Pattern.compile("^\\s*\\[+\\s*([^\\]]+?)\\s*]+");
  private static final Pattern NAME = Pattern.compile("^\\s*name\\s*=\\s*[\"']?([A-Za-z0-9][A-Za-z0-9._-]*)");
  private static final Pattern SETUP_PY_NAME = Pattern.compile("\\bname\\s*=\\s*[\"']([A-Za-z0-9][A-Za-z0-9._-]*)[\"']");

  /** The project's name as its pyproject.toml ([project], [tool.poetry]), setup.cfg ([metadata]) or setup.py gives it. */
  static Optional<String> projectName(Path dir) {
    for (String[] manifest : new String[][] {{"pyproject.toml", "project", "tool.poetry"}, {"setup.cfg", "metadata", "metadata"}}) {
      String section = "";
      for (String line : VerifyDetector.readOrEmpty(dir.resolve(manifest[0])).lines().toList()) {
        Matcher header = SECTION.matcher(line);
        if (header.find()) {
          section = header.group(1);
          continue;
        }
        Matcher name = NAME.matcher(line);
        if ((section.equals(manifest[1]) || section.equals(manifest[2])) && name.find()) {
          return Optional.of(name.group(1));
        }
      }
    }
    Matcher setup = SETUP_PY_NAME.matcher(VerifyDetector.readOrEmpty(dir.resolve("setup.py")));
    return setup.find() ? Optional.of(setup.group(1)) : Optional.empty();
  }

  /** As PyPI compares names: case and runs of {@code -_.} do not matter. */
  private static String normalized(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }
}
