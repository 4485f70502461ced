package dev.acr.live;

import dev.acr.git.Isolation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an attempt's agent and tests run: in a worktree, the same folder relative to the top as
 * the package folder in the user's tree (a run from {@code packages/web} of a monorepo runs there,
 * not at the root where other packages' tests fail); without a worktree (--in-place), the package
 * folder itself.
 */
final class RunFolder {

  private RunFolder() {}

  /**
   * @param worktree the attempt's worktree, null with --in-place
   * @param pkg the package folder in the user's tree
   */
  static Path in(Path worktree, Isolation isolation, Path pkg) throws IOException {
    if (worktree == null || isolation == null) {
      return pkg;
    }
    Path root = isolation.root();
    if (!pkg.startsWith(root) || pkg.equals(root)) {
      return worktree;
    }
    // The folder is there unless nothing in it is tracked (a new package not yet added): make it.
    return Files.createDirectories(worktree.resolve(root.relativize(pkg).toString()));
  }
}
