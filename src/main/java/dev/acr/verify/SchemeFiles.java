package dev.acr.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A Scheme project's source files, and the libraries and modules they declare: a library no file declares is not the project's. */
final class SchemeFiles {
  static final int DEPTH = 6;
  private static final int MAX_FILES = 2000;

  private SchemeFiles() {}

  /**
   * The files under {@code dir} whose names end with one of {@code suffixes}, within {@code depth} levels, as paths from
   * {@code root}, sorted; hidden and build folders passed over.
   */
  static List<String> under(Path root, Path dir, int depth, String... suffixes) {
    List<String> files = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try {
      Files.walkFileTree(dir, Set.of(), depth, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          String name = d.getFileName() == null ? "" : d.getFileName().toString();
          return !d.equals(dir) && (name.startsWith(".") || name.equals("build") || name.equals("node_modules"))
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
          String name = f.getFileName().toString();
          for (String suffix : suffixes) {
            if (attrs.isRegularFile() && name.endsWith(suffix)) {
              files.add(root.relativize(f).toString());
              break;
            }
          }
          return files.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException | UncheckedIOException e) {
      return files;
    }
    files.sort(null);
    return files;
  }

  /**
   * Whether a source of the project under {@code root} declares the library or module {@code name}, written as its
   * imports write it ({@code srfi :64}, {@code r7rs}): R6RS's {@code (library (srfi :64) …)}, R7RS's
   * {@code (define-library (r7rs) …)} or CHICKEN's {@code (module r7rs …)}.
   */
  static boolean declares(Path root, String name) {
    String words = String.join("\\s+", java.util.Arrays.stream(name.strip().split("\\s+")).map(Pattern::quote).toList());
    Pattern declaration = Pattern.compile("\\((?:library|define-library|module)\\s+(?:\\(\\s*" + words + "\\s*\\)|" + words + "[\\s)])");
    return under(root, root, DEPTH, ".scm", ".sld", ".sls", ".ss", ".sps", ".sc").stream()
        .anyMatch(f -> declaration.matcher(VerifyDetector.readOrEmpty(root.resolve(f))).find());
  }
}
