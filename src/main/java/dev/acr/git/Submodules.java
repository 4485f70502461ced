package dev.acr.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills an attempt's worktree's submodules from the user's own checkouts: {@code git worktree
 * add} leaves them empty, and a C project whose header lives in one cannot build without it.
 * Each initialised submodule is cloned from the user's checkout with {@code --shared} (its objects
 * are borrowed, not copied; no network) and checked out at the commit the snapshot records, which
 * is the commit the user's checkout is at. Submodules the user never initialised stay empty, as
 * they are in the user's tree. Uncommitted edits inside a submodule are not carried over.
 *
 * <p>A clone rather than a worktree of the submodule: it registers nothing in the user's
 * repositories, so deleting the attempt's folder is all the clean-up it needs.
 */
final class Submodules {
  /** Nested submodules are followed this deep; real projects stop at two. */
  private static final int MAX_DEPTH = 4;

  private Submodules() {}

  /** Checks out the submodules of {@code commit} in {@code wt} from those of {@code userTree}. */
  static void fill(Path userTree, Path wt, String commit) throws GitException {
    fill(userTree, wt, commit, 0);
  }

  private static void fill(Path userTree, Path wt, String commit, int depth) throws GitException {
    if (depth >= MAX_DEPTH || !Files.isRegularFile(wt.resolve(".gitmodules"))) {
      return;
    }
    for (Gitlink link : gitlinks(wt, commit)) {
      String path = link.path();
      Path source = userTree.resolve(path);
      Path target = wt.resolve(path);
      boolean wanted = Files.exists(source.resolve(".git"), LinkOption.NOFOLLOW_LINKS);
      // A worktree used before has its clone already: reset it, or start it again when it is
      // not one (of) acr's any more or cannot be reset.
      if (Files.exists(target.resolve(".git"), LinkOption.NOFOLLOW_LINKS) && !(wanted && reset(target, link.commit()))) {
        emptyFolder(target);
      }
      if (!wanted) {
        continue;
      }
      if (!isPopulated(target)) {
        Git.run(wt, "-c", "core.hooksPath=/dev/null", "clone", "-q", "--shared", "--no-checkout", source.toString(),
            target.toString());
        Git.run(target, "-c", "core.hooksPath=/dev/null", "-c", "advice.detachedHead=false", "checkout", "-q", "--detach",
            link.commit());
      }
      fill(source, target, link.commit(), depth + 1);
    }
  }

  /**
   * Puts acr's clone at {@code target} back to {@code commit}, everything else in it removed;
   * false when it is not such a clone (its {@code .git} is not a folder) or git refuses.
   */
  private static boolean reset(Path target, String commit) {
    if (!isPopulated(target)) {
      return false;
    }
    try {
      Git.resetCheckout(target.resolve(".git").toString(), target, commit);
      return true;
    } catch (GitException e) {
      return false;
    }
  }

  /** {@code dir} as an empty folder, as a submodule the user never initialised is. */
  private static void emptyFolder(Path dir) throws GitException {
    try {
      Trees.delete(dir);
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new GitException("cannot empty " + dir + ": " + e.getMessage(), e);
    }
  }

  /** A submodule as the superproject's tree records it. */
  private record Gitlink(String commit, String path) {}

  /** Each submodule (mode 160000 entry) of {@code commit}'s tree that .gitmodules names. */
  private static List<Gitlink> gitlinks(Path wt, String commit) throws GitException {
    List<Gitlink> out = new ArrayList<>();
    Git.Result paths =
        Git.tryRun(wt, Map.of(), "config", "-z", "-f", ".gitmodules", "--get-regexp", "^submodule\\..*\\.path$");
    List<String> args = new ArrayList<>(List.of("ls-tree", "-z", commit, "--"));
    for (String entry : paths.stdout().split("\0")) {
      int nl = entry.indexOf('\n');
      if (nl > 0) {
        args.add(":(literal)" + entry.substring(nl + 1));
      }
    }
    if (args.size() == 4) {
      return out;
    }
    // "<mode> <type> <object>\t<path>"
    for (String line : Git.run(wt, args.toArray(String[]::new)).split("\0")) {
      int tab = line.indexOf('\t');
      if (line.startsWith("160000 commit ") && tab > 0) {
        out.add(new Gitlink(line.substring("160000 commit ".length(), tab), line.substring(tab + 1)));
      }
    }
    return out;
  }

  /** acr's clone has a {@code .git} folder; a {@code .git} file could point at someone else's repository. */
  private static boolean isPopulated(Path dir) {
    return Files.isDirectory(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS);
  }
}
