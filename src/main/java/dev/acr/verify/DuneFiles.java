package dev.acr.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.regex.Pattern;

/** What an OCaml project's own {@code dune} files define, to tell its libraries from installed ones. */
final class DuneFiles {
  /** How deep {@code dune} files are looked for: real projects nest src/lib/sub/dune at most a few levels down. */
  private static final int MAX_DEPTH = 8;

  private DuneFiles() {}

  /**
   * Whether a {@code dune} file under {@code root} defines the library (or public library)
   * {@code name}: {@code (name base64)}, {@code (public_name base64.rfc2045)}. dune's own
   * {@code _build}, hidden folders and {@code node_modules} are not the project's sources.
   */
  static boolean defineLibrary(Path root, String name) {
    Pattern defines = Pattern.compile("\\((?:public_)?name\\s+" + Pattern.quote(name) + "[\\s.)]");
    boolean[] found = {false};
    try {
      Files.walkFileTree(root, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String n = dir.equals(root) ? "" : dir.getFileName().toString();
          return n.startsWith("_") || n.startsWith(".") || n.equals("node_modules") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && file.getFileName().toString().equals("dune") && defines.matcher(read(file)).find()) {
            found[0] = true;
            return FileVisitResult.TERMINATE;
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      return true; // cannot tell: treat it as the project's own, a failure for the agent rather than a wrong stop
    }
    return found[0];
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }
}
