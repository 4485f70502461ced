package dev.acr.context;

import dev.acr.git.Git;
import dev.acr.git.GitException;
import dev.acr.git.Isolation;
import dev.acr.verify.VerifyDetector;
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

/**
 * Reads {@link RepoSignals} from a directory. Only reads: git is asked with optional locks off,
 * so even {@code git status} does not rewrite the user's index.
 */
public final class RepoInspector {

  /** Enough files to tell a repository's language; scanning more only costs time. */
  static final int SCAN_LIMIT = 20_000;

  /** Dependency, build and tool directories whose files say nothing about the project itself. */
  private static final Set<String> SKIP_DIRS =
      Set.of("node_modules", "target", "build", "dist", "out", "vendor", "venv", "__pycache__");

  private RepoInspector() {}

  /**
   * Signals for the repository containing {@code workdir} (its git top level, or {@code workdir}
   * itself outside git). Throws when git cannot run or {@code .acr/config.json} is invalid.
   */
  public static RepoSignals inspect(Path workdir, String verifyOverrideOrNull)
      throws GitException {
    Path dir = workdir.toAbsolutePath().normalize();
    Optional<Path> top = Isolation.repoRoot(dir);
    Path root = top.orElse(dir);
    String branch = null;
    int changed = 0;
    List<String> files;
    if (top.isPresent()) {
      // One status call answers both the branch and the changes (three git processes in all).
      List<String> status = split0(Git.run(root, "status", "--porcelain=v2", "--branch", "-z", "-uall"));
      branch = branch(status);
      changed = countStatusEntries(status);
      files = capped(split0(Git.run(root, "ls-files", "-z")));
    } else {
      files = walk(root);
    }
    return new RepoSignals(
        root,
        top.isPresent(),
        branch,
        changed > 0,
        changed,
        Languages.detect(root, files),
        VerifyDetector.detect(root, verifyOverrideOrNull).orElse(null));
  }

  /** {@code # branch.head} of {@code status --porcelain=v2 --branch}; null when detached. */
  static String branch(List<String> status) {
    for (String line : status) {
      if (line.startsWith("# branch.head ")) {
        String head = line.substring("# branch.head ".length());
        return head.equals("(detached)") || head.isEmpty() ? null : head;
      }
    }
    return null;
  }

  /**
   * Changed paths in {@code status --porcelain=v2 -z}: every entry but the {@code #} headers; a
   * rename or copy ({@code 2 ...}) is followed by its old path, which is not counted again.
   */
  static int countStatusEntries(List<String> status) {
    int count = 0;
    for (int i = 0; i < status.size(); i++) {
      String entry = status.get(i);
      if (entry.startsWith("#")) {
        continue;
      }
      if (entry.startsWith("2 ")) {
        i++;
      }
      count++;
    }
    return count;
  }

  private static List<String> split0(String s) {
    List<String> out = new ArrayList<>();
    for (String t : s.split("\0")) {
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  private static List<String> capped(List<String> files) {
    return files.size() <= SCAN_LIMIT ? files : files.subList(0, SCAN_LIMIT);
  }

  /** Outside git: files under {@code root}, skipping hidden and dependency directories. */
  private static List<String> walk(Path root) {
    List<String> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
              String name = d.getFileName() == null ? "" : d.getFileName().toString();
              boolean skip = !d.equals(root) && (name.startsWith(".") || SKIP_DIRS.contains(name));
              return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
              files.add(root.relativize(f).toString());
              return files.size() >= SCAN_LIMIT
                  ? FileVisitResult.TERMINATE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
              return FileVisitResult.CONTINUE; // unreadable corners do not change the answer
            }
          });
    } catch (IOException e) {
      // Keep what was seen; the language is a hint, not a requirement.
    }
    return files;
  }
}
