package dev.acr.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where Python editable installs send imports into the user's tree. {@code pip install -e .}
 * puts the user's {@code src/} on every interpreter of that environment: as a path line in a
 * {@code .pth} file (setuptools' compat mode, hatchling, pdm, poetry, {@code setup.py develop}'s
 * {@code easy-install.pth} and {@code .egg-link}), or as a finder module the {@code .pth} imports
 * that maps package names to the user's folders (setuptools' {@code __editable___*_finder.py},
 * the {@code editables} library). An attempt's tests run with such an environment would import
 * the user's code, not the attempt's. This reads those files (nothing is run) and returns the
 * folders, relative to the user's root, that must come first on the attempt's {@code sys.path}.
 */
final class EditableInstalls {
  /** A quoted absolute path in a finder module. */
  private static final Pattern QUOTED_PATH = Pattern.compile("['\"](/[^'\"\\n]*)['\"]");
  /** The modules a {@code .pth} line imports: {@code import __editable___pkg_finder; ...}. */
  private static final Pattern IMPORT = Pattern.compile("\\bimport\\s+([A-Za-z_][\\w.]*)");

  private EditableInstalls() {}

  /**
   * Scans the virtual environments among {@code deps} (root-relative dependency folders) and the
   * active one ({@code VIRTUAL_ENV}, {@code CONDA_PREFIX} in {@code env}, which may live outside
   * the repository, as poetry's do). Returns root-relative folders, in the order found.
   */
  static List<String> importRoots(Path root, List<String> deps, Map<String, String> env) {
    List<Path> envs = new ArrayList<>();
    for (String d : deps) {
      if (DependencyDirs.isVenv(d)) {
        envs.add(root.resolve(d));
      }
    }
    for (String var : List.of("VIRTUAL_ENV", "CONDA_PREFIX")) {
      String v = env.get(var);
      if (v != null && !v.isBlank() && Path.of(v).isAbsolute()) {
        envs.add(Path.of(v));
      }
    }
    Set<String> out = new LinkedHashSet<>();
    for (Path venv : envs) {
      for (Path site : sitePackages(venv)) {
        scanSite(site, root, out);
      }
    }
    return List.copyOf(out);
  }

  /** {@code lib/python3.X/site-packages} (and lib64's) of a virtual environment. */
  static List<Path> sitePackages(Path venv) {
    List<Path> out = new ArrayList<>();
    for (String lib : List.of("lib", "lib64")) {
      Path dir = venv.resolve(lib);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (DirectoryStream<Path> pythons = Files.newDirectoryStream(dir, "python*")) {
        for (Path p : pythons) {
          Path site = p.resolve("site-packages");
          if (Files.isDirectory(site) && !out.contains(site.toRealPath())) {
            out.add(site.toRealPath());
          }
        }
      } catch (IOException | UncheckedIOException e) {
        // An unreadable environment redirects nothing; the recheck in the user's tree still guards.
      }
    }
    return out;
  }

  private static void scanSite(Path site, Path root, Set<String> out) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(site, "*.{pth,egg-link}")) {
      for (Path f : files) {
        boolean eggLink = f.getFileName().toString().endsWith(".egg-link");
        List<String> lines = Files.readAllLines(f);
        for (String raw : eggLink && !lines.isEmpty() ? lines.subList(0, 1) : lines) {
          String line = raw.strip();
          if (line.isEmpty() || line.startsWith("#")) {
            continue;
          }
          if (line.startsWith("import ") || line.startsWith("import\t")) {
            Matcher m = IMPORT.matcher(line);
            while (m.find()) {
              scanFinder(site.resolve(m.group(1).replace('.', '/') + ".py"), root, out);
            }
          } else {
            addIfInside(site.resolve(line).normalize(), root, out);
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // As above: a file that cannot be read (or is not UTF-8) is skipped.
    }
  }

  /**
   * A finder module maps packages to folders ({@code 'pkg': '/root/src/pkg'}): the folder holding
   * each package is what belongs on {@code sys.path}. A mapped {@code __init__.py} or module file
   * sits one level deeper.
   */
  private static void scanFinder(Path module, Path root, Set<String> out) throws IOException {
    if (!Files.isRegularFile(module)) {
      return;
    }
    Matcher m = QUOTED_PATH.matcher(Files.readString(module));
    while (m.find()) {
      Path p = Path.of(m.group(1)).normalize();
      if (!p.startsWith(root) || p.equals(root)) {
        continue;
      }
      Path pkg = p.getFileName().toString().equals("__init__.py") ? p.getParent() : p;
      addIfInside(pkg.getParent(), root, out);
    }
  }

  private static void addIfInside(Path p, Path root, Set<String> out) {
    if (p != null && p.startsWith(root)) {
      out.add(root.relativize(p).toString());
    }
  }
}
