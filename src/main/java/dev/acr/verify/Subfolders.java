package dev.acr.verify;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The folders below a project's top where nested projects are looked for: Go modules, workspace members, a Django site. */
final class Subfolders {

  private Subfolders() {}

  /**
   * The folders below {@code root} (not {@code root} itself) less than {@code depth} levels down that hold a
   * file named {@code marker}, root-relative and sorted. A folder whose name {@code skip} accepts is passed
   * over with everything under it (node_modules, a virtualenv); links are not followed, and an unreadable
   * folder holds nothing.
   */
  static List<Path> holding(Path root, String marker, int depth, Predicate<String> skip) {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(root, Set.of(), depth, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (dir.equals(root)) {
            return FileVisitResult.CONTINUE;
          }
          if (skip.test(dir.getFileName().toString())) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          if (Files.isRegularFile(dir.resolve(marker))) {
            found.add(root.relativize(dir));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      return List.of();
    }
    found.sort(null);
    return found;
  }
}
