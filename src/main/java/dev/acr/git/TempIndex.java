package dev.acr.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throw-away index file (via {@code GIT_INDEX_FILE}) so acr can stage and write trees without
 * ever writing the index of the repository or worktree it looks at. Deleted on close.
 */
final class TempIndex implements AutoCloseable {
  private final Path dir;
  private final Path file;

  private TempIndex(Path dir) {
    this.dir = dir;
    this.file = dir.resolve("index");
  }

  /**
   * Starts from a copy of {@code workTree}'s own index when it has one: its stat data lets
   * {@code git add -A} skip rehashing unchanged files, and its skip-worktree bits keep a sparse
   * checkout's absent files from reading as deletions. Otherwise starts from {@code treeish}
   * ({@code git read-tree}), or empty when that is null (a repository with no commits).
   */
  static TempIndex copyOf(Path workTree, String treeish) throws GitException {
    TempIndex t;
    try {
      t = new TempIndex(Files.createTempDirectory("acr-index"));
    } catch (IOException e) {
      throw new GitException("cannot create a temporary index: " + e.getMessage(), e);
    }
    try {
      Path own = workTree.resolve(Git.run(workTree, "rev-parse", "--git-path", "index").strip());
      if (Files.isRegularFile(own)) {
        Files.copy(own, t.file, StandardCopyOption.COPY_ATTRIBUTES);
      } else if (treeish != null) {
        Git.run(workTree, t.env(), "read-tree", treeish);
      }
      return t;
    } catch (IOException e) {
      t.close();
      throw e instanceof GitException g
          ? g
          : new GitException("cannot copy the index of " + workTree + ": " + e.getMessage(), e);
    }
  }

  Map<String, String> env() {
    return Map.of("GIT_INDEX_FILE", file.toString());
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // A leftover file in the temp dir harms nothing; the snapshot or capture already succeeded.
    }
  }
}
