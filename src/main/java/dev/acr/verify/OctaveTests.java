package dev.acr.verify;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * GNU Octave's built-in self-tests: {@code %!test}, {@code %!assert}, {@code %!error} blocks at the end of a function's
 * {@code .m} file, run per folder by {@code oruntests} (Octave 7 and later; {@code runtests} before it, removed since). A
 * package keeps its functions in {@code inst/}, others in a folder of their own (Singond/Octave-extensions's
 * {@code src/octave}), with no build file that names a test command: the project got "verify none found" and language
 * unknown (docs/real-repos-2026-12-06.md, sweep5). Each folder is put on the path first, so a function's tests can call its
 * neighbours, as they do once the package is installed.
 *
 * <p>{@code oruntests} exits 0 whatever failed: {@link SummaryFailures} reads its per-file {@code FAIL 8} lines and
 * {@link FailingTests} names the files, {@link NoTests} its "have no tests" list when no file has one.
 */
final class OctaveTests {

  /** A test block at a line's start: what {@code test} runs ({@code %!demo} and {@code %!shared} alone are no test). */
  private static final Pattern TEST_BLOCK = Pattern.compile("(?m)^%!(?:test|assert|error|fail|xtest|warning)\\b");
  /** What the shell and Octave's double-quoted strings take without quoting. */
  private static final Pattern PLAIN_PATH = Pattern.compile("[\\w./+-]+");
  /** How deep below the root test folders are looked for, and how many files at most: detection runs at every start. */
  private static final int DEPTH = 3;
  private static final int MAX_FILES = 2000;

  private OctaveTests() {}

  /** The oruntests command over the folders under {@code root} whose {@code .m} files hold test blocks; empty when none do. */
  static Optional<VerifyCommand> detect(Path root) {
    List<String> dirs = testFolders(root);
    if (dirs.isEmpty() || !dirs.stream().allMatch(d -> PLAIN_PATH.matcher(d).matches())) {
      return Optional.empty();
    }
    StringBuilder eval = new StringBuilder("t = \"oruntests\"; if !exist(t) t = \"runtests\"; end;");
    dirs.forEach(d -> eval.append(" addpath(\"").append(d).append("\");"));
    dirs.forEach(d -> eval.append(" feval(t, \"").append(d).append("\");"));
    return Optional.of(new VerifyCommand("octave-cli --norc --no-history --silent --eval '" + eval + "'",
        "detected: " + String.join(", ", dirs.stream().map(d -> d + "/*.m").toList()) + " (%!test)"));
  }

  /** The folders, relative to root and in walk order, that hold a {@code .m} file with a test block. */
  private static List<String> testFolders(Path root) {
    List<String> found = new ArrayList<>();
    int[] seen = {0};
    try {
      Files.walkFileTree(root, Set.of(), DEPTH + 1, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
          // private/ functions are found through their parent; @class folders and hidden ones are no package folder.
          boolean skip = !dir.equals(root) && (name.startsWith(".") || name.startsWith("@") || name.equals("private")
              || name.equals("node_modules"));
          return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (++seen[0] > MAX_FILES) {
            return FileVisitResult.TERMINATE;
          }
          if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".m")) {
            String dir = root.relativize(file.getParent()).toString();
            String rel = dir.isEmpty() ? "." : dir;
            if (!found.contains(rel) && TEST_BLOCK.matcher(VerifyDetector.readOrEmpty(file)).find()) {
              found.add(rel);
            }
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      return List.of();
    }
    return found;
  }

  /** A test block that counts as failing when it fails: not {@code %!xtest}, Octave's known failure, which it reports apart. */
  private static final Pattern COUNTED_BLOCK = Pattern.compile("^%!(?:test|assert|error|fail|warning)\\b");

  /**
   * What in {@code patch} turns off tests of the failing files among {@code failing} (oruntests names files, {@code dimfun.m}):
   * more of a file's test blocks removed than put back, deleted or made {@code %!xtest}s. A stand-in that deleted dimfun.m's
   * blocks was verified and applied before this: the file then has no tests, and the others pass. Empty when none.
   */
  static Optional<String> blocksTurnedOff(Path patch, List<String> failing) {
    List<String> files = failing.stream().filter(n -> n.endsWith(".m")).toList();
    if (files.isEmpty()) {
      return Optional.empty();
    }
    java.util.Map<String, int[]> counts = new java.util.LinkedHashMap<>();
    String file = null;
    try (Stream<String> lines = Files.lines(patch)) {
      for (String l : (Iterable<String>) lines::iterator) {
        if (l.startsWith("diff --git ")) {
          file = null;
        } else if (l.startsWith("--- a/") || l.startsWith("+++ b/")) {
          file = l.substring(6); // a deleted file's (+++ /dev/null) stays its old name
        } else if (l.startsWith("--- ") || l.startsWith("+++ ")) {
          continue;
        } else if (file != null && (l.startsWith("-") || l.startsWith("+")) && COUNTED_BLOCK.matcher(l.substring(1)).find()) {
          counts.computeIfAbsent(file, k -> new int[2])[l.startsWith("-") ? 0 : 1]++;
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      return Optional.empty();
    }
    for (var e : counts.entrySet()) {
      String f = e.getKey();
      int gone = e.getValue()[0] - e.getValue()[1];
      if (gone > 0 && files.stream().anyMatch(n -> f.equals(n) || f.endsWith("/" + n))) {
        return Optional.of(gone + " test block" + (gone == 1 ? "" : "s") + " (%!test, %!assert, ...) of the failing " + f + " deleted or made %!xtest");
      }
    }
    return Optional.empty();
  }

  /** Whether {@code root} may hold Octave's tests: an {@code .m} file at the root, or an {@code inst/} or {@code src/} folder. */
  static boolean candidate(Path root) {
    if (Files.isDirectory(root.resolve("inst")) || Files.isDirectory(root.resolve("src"))) {
      return true;
    }
    try (Stream<Path> entries = Files.list(root)) {
      return entries.anyMatch(p -> p.getFileName().toString().endsWith(".m"));
    } catch (IOException e) {
      return false;
    }
  }
}
