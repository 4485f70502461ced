package dev.acr.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private snapshot of a directory that is not in a git repository, for {@code --in-place}: a
 * temporary git directory outside it ({@code git --git-dir=TMP --work-tree=DIR}) holds the files
 * as they were, so what an attempt changed can be kept as a patch and undone. The directory never
 * gets a {@code .git}; files its own .gitignore files ignore are neither saved nor removed.
 */
public final class DirSnapshot implements AutoCloseable {
  private final Path dir;
  private final Path gitDir;
  private final String tree;

  private DirSnapshot(Path dir, Path gitDir, String tree) {
    this.dir = dir;
    this.gitDir = gitDir;
    this.tree = tree;
  }

  /**
   * Saves {@code dir}'s files. {@code keepOut} are paths inside it that acr itself writes (its
   * home, memory, run logs): a restore must never undo those.
   */
  public static DirSnapshot take(Path dir, List<Path> keepOut) throws GitException {
    Path gitDir;
    try {
      gitDir = Files.createTempDirectory("acr-in-place-");
    } catch (IOException e) {
      throw new GitException("cannot create a temporary directory for the snapshot: " + e.getMessage(), e);
    }
    DirSnapshot s = new DirSnapshot(dir.toAbsolutePath().normalize(), gitDir, null);
    try {
      // No template: no hooks, no sample files. The user's global excludes and line-ending
      // settings must not decide what is saved or how it is written back.
      Git.run(dir, "init", "-q", "--template=", "--bare", gitDir.toString());
      s.git("config", "core.bare", "false");
      s.git("config", "core.autocrlf", "false");
      s.git("config", "core.excludesFile", "/dev/null");
      Files.write(Files.createDirectories(gitDir.resolve("info")).resolve("exclude"), excludes(s.dir, keepOut));
      s.git("add", "-A");
      return new DirSnapshot(s.dir, gitDir, s.git("write-tree").strip());
    } catch (IOException e) {
      s.close();
      throw e instanceof GitException g ? g : new GitException("cannot write the snapshot's excludes: " + e.getMessage(), e);
    }
  }

  /** Anchored, escaped patterns for the paths under {@code dir}; paths outside it need none. */
  static List<String> excludes(Path dir, List<Path> paths) {
    List<String> out = new ArrayList<>();
    for (Path p : paths) {
      Path abs = p.toAbsolutePath().normalize();
      if (abs.startsWith(dir) && !abs.equals(dir)) {
        out.add("/" + dir.relativize(abs).toString().replaceAll("([\\\\*?\\[\\]!# ])", "\\\\$1"));
      }
    }
    return out;
  }

  public Path dir() {
    return dir;
  }

  /** Writes the patch of everything changed since the snapshot; the files are left as they are. */
  public Diff capture(Path patchFile) throws GitException {
    Path patch = patchFile.toAbsolutePath().normalize();
    git("add", "-A");
    String names = git("diff-index", "--cached", "--name-only", "-z", tree);
    git("diff-index", "--cached", "-p", "--binary", "--no-color", "--no-ext-diff", "--output=" + patch, tree);
    List<String> files = Arrays.stream(names.split("\0")).filter(n -> !n.isEmpty()).toList();
    return new Diff(patch, files, files.isEmpty());
  }

  /**
   * Puts the directory back as it was: changed and deleted files rewritten, files created since
   * removed (with the directories that held only them). Unchanged files are not touched.
   */
  public void restore() throws GitException {
    // The index first matches the files as they are now, so the two-way read-tree below
    // rewrites exactly what differs from the snapshot and deletes exactly what is new.
    git("add", "-A");
    git("read-tree", "--reset", "-u", tree);
  }

  private String git(String... args) throws GitException {
    List<String> argv = new ArrayList<>(List.of("--git-dir=" + gitDir, "--work-tree=" + dir));
    argv.addAll(List.of(args));
    return Git.run(dir, argv.toArray(String[]::new));
  }

  /** Deletes the private git directory; the snapshotted directory is left as it is. */
  @Override
  public void close() {
    try (Stream<Path> all = Files.walk(gitDir)) {
      for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A leftover folder in the temp dir harms nothing and holds no secret the folder did not.
    }
  }
}
