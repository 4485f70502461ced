package dev.acr.context;

import dev.acr.core.Failures;
import dev.acr.git.DependencyDirs;
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
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

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
   * itself outside git), with the language and test command of the nearest package from {@code
   * workdir} up. Throws when git cannot run or the {@code .acr/config.json} that applies is invalid.
   */
  public static RepoSignals inspect(Path workdir, String verifyOverrideOrNull)
      throws GitException {
    Path dir = workdir.toAbsolutePath().normalize();
    // Three git processes, all at once: status and ls-files need not wait for rev-parse to name the
    // top level, since from any directory of a work tree they give the same answer (porcelain
    // paths, and ls-files names with --full-name under the :/ pathspec, are relative to the top).
    // One status call answers both the branch and the changes. Outside a work tree the two fail,
    // and their answers are not read.
    boolean isDir = Files.isDirectory(dir);
    FutureTask<String> status = isDir ? git(dir, "status", "--porcelain=v2", "--branch", "-z", "-uall") : null;
    FutureTask<String> tracked = isDir ? git(dir, "ls-files", "-z", "--full-name", "--", ":/") : null;
    Optional<Path> top;
    try {
      top = Isolation.repoRoot(dir);
    } finally {
      settle(status, tracked);
    }
    Path root = top.orElse(dir);
    String branch = null;
    int changed = 0;
    List<String> files;
    if (top.isPresent()) {
      List<String> entries = split0(answer(status, "status", dir));
      List<String> all = split0(answer(tracked, "ls-files", dir));
      branch = branch(entries);
      changed = countStatusEntries(entries, DependencyDirs.holding(root, untracked(entries), all));
      files = capped(all);
    } else {
      files = walk(root);
    }
    VerifyDetector.Detection found = VerifyDetector.detect(root, dir, verifyOverrideOrNull);
    Path pkg = found.pkg().dir();
    return new RepoSignals(
        root,
        top.isPresent(),
        branch,
        changed > 0,
        changed,
        Languages.detect(pkg, within(files, found.pkg().relativeTo(root))),
        found.command(),
        pkg,
        found.pkg().marker(),
        found.config(),
        found.withoutTests() == null ? null : found.withoutTests().relativeTo(root));
  }

  /**
   * The files under {@code folder} (a root-relative path, "" for the root), relative to it: the
   * nearest package's files decide its language, not a sibling's. All of them when none is there.
   */
  static List<String> within(List<String> files, String folder) {
    if (folder.isEmpty()) {
      return files;
    }
    String prefix = folder.replace('\\', '/') + "/";
    List<String> out = new ArrayList<>();
    for (String f : files) {
      if (f.startsWith(prefix)) {
        out.add(f.substring(prefix.length()));
      }
    }
    return out.isEmpty() ? files : out;
  }

  /** {@code git args} in {@code dir}, started on a thread of its own. */
  private static FutureTask<String> git(Path dir, String... args) {
    FutureTask<String> task = new FutureTask<>(() -> Git.run(dir, args));
    Thread t = new Thread(task, "acr-git-" + args[0]);
    t.setDaemon(true);
    t.start();
    return task;
  }

  /**
   * Waits until the tasks are over, so no git process outlives the inspection. Interrupted (Ctrl-C),
   * it cancels them instead (their runner then ends the git processes) and keeps the interrupt.
   */
  private static void settle(FutureTask<?>... tasks) {
    boolean interrupted = false;
    for (FutureTask<?> task : tasks) {
      while (task != null && !task.isDone()) {
        try {
          task.get();
        } catch (InterruptedException e) {
          interrupted = true;
          for (FutureTask<?> t : tasks) {
            if (t != null) {
              t.cancel(true);
            }
          }
        } catch (ExecutionException | CancellationException e) {
          // read, if at all, by answer()
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The output of a settled {@link #git} task, or what it threw. */
  private static String answer(FutureTask<String> task, String what, Path dir) throws GitException {
    try {
      return task.get();
    } catch (ExecutionException e) {
      throw Failures.rethrow(e, GitException.class);
    } catch (CancellationException | InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitException("git " + what + " (in " + dir + ") interrupted");
    }
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
   * Changed paths in {@code status --porcelain=v2 -z}: every entry but the {@code #} headers and
   * the untracked files inside {@code dependencies} (an unignored {@code .venv} or {@code
   * node_modules}: installed, not the user's work, and left out of acr's snapshot); a rename or
   * copy ({@code 2 ...}) is followed by its old path, which is not counted again.
   */
  static int countStatusEntries(List<String> status, List<String> dependencies) {
    int count = 0;
    for (int i = 0; i < status.size(); i++) {
      String entry = status.get(i);
      if (entry.startsWith("#") || (entry.startsWith("? ") && inside(entry.substring(2), dependencies))) {
        continue;
      }
      if (entry.startsWith("2 ")) {
        i++;
      }
      count++;
    }
    return count;
  }

  /** The untracked files ({@code ? path}) of a {@code status --porcelain=v2 -z}. */
  private static List<String> untracked(List<String> status) {
    List<String> out = new ArrayList<>();
    for (String entry : status) {
      if (entry.startsWith("? ")) {
        out.add(entry.substring(2));
      }
    }
    return out;
  }

  private static boolean inside(String path, List<String> folders) {
    for (String f : folders) {
      if (path.startsWith(f + "/")) {
        return true;
      }
    }
    return false;
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
