package dev.acr.verify;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Set;

/**
 * pytest run over several Python packages at once, each with a {@code tests/} package of its own:
 * the first one imported becomes the package {@code tests}, and every other one's modules are
 * then "not found" ({@code No module named 'tests.test_http_client'}). From the top of
 * open-telemetry/opentelemetry-python acr read that as a dependency not installed and said to
 * {@code pip install -e .}; the module is the project's own, in another package's folder.
 */
final class TestPackageClash {

  /** Folders no package's tests live in. */
  private static final Set<String> SKIPPED = Set.of("node_modules", "site-packages", "__pycache__");

  private static final int MAX_DEPTH = 6;

  private TestPackageClash() {}

  /**
   * Why {@code module} (dotted, as Python named it) could not be imported when the tests ran in
   * {@code packageDir}, if it is a test module of another folder of the repository at {@code root}
   * under the same package name; empty when it is not.
   */
  static Optional<CannotRun.Why> check(String module, Path root, Path packageDir) {
    int dot = module.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String top = module.substring(0, dot);
    if (!top.equals("tests") && !top.equals("test")) {
      return Optional.empty(); // a package's own modules elsewhere (src/ not installed) are a missing install, not a clash
    }
    Path relative = Path.of(top, module.substring(dot + 1).replace('.', '/') + ".py");
    Path own = packageDir.resolve(relative);
    Path found = find(root, relative, own);
    if (found == null) {
      return Optional.empty();
    }
    Path pkg = found.getParent();
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      pkg = pkg.getParent();
    }
    String where = root.relativize(pkg).toString();
    return Optional.of(new CannotRun.Why("pytest ran the tests of several packages at once, and their " + top
        + "/ folders clash as one Python package named " + top + " (No module named '" + module + "', which is "
        + root.relativize(found) + ")",
        "run acr in the folder of the package you are changing (cd " + (where.isEmpty() ? "." : where)
            + ", say), or name a command that runs each package's tests apart"));
  }

  /** The first file under {@code root} whose path ends with {@code relative}, other than {@code own}; null when none. */
  private static Path find(Path root, Path relative, Path own) {
    Path[] hit = new Path[1];
    try {
      Files.walkFileTree(root, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String name = dir.equals(root) ? "" : dir.getFileName().toString();
          return name.startsWith(".") || SKIPPED.contains(name) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && file.endsWith(relative) && !file.equals(own)) {
            hit[0] = file;
            return FileVisitResult.TERMINATE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      return null;
    }
    return hit[0];
  }
}
