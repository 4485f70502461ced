package dev.acr.git;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fills an attempt's worktree's submodules from the user's own checkouts: {@code git worktree
 * add} leaves them empty, and a C project whose header lives in one cannot build without it.
 * Each initialised submodule is cloned from the user's checkout with {@code --shared} (its objects
 * are borrowed, not copied; no network), checked out at the commit the snapshot records (the one
 * the user's checkout is at), and then given the user's uncommitted edits in it, by the rule of the
 * top level: staged, unstaged and untracked-not-ignored files, installed dependency folders left
 * out. The attempt's tests so see the user's files, submodules included. Submodules the user never
 * initialised stay empty, as they are in the user's tree.
 *
 * <p>What an attempt changes inside a submodule is kept as a patch of its own ({@link #capture});
 * acr does not apply those to the user's submodules (see {@link Isolation#applyToUser}).
 *
 * <p>A clone rather than a worktree of the submodule: it registers nothing in the user's
 * repositories, so deleting the attempt's folder is all the clean-up it needs.
 */
final class Submodules {
  /** Nested submodules are followed this deep; real projects stop at two. */
  private static final int MAX_DEPTH = 4;
  /** In each clone, the commit of the user's submodule as it was: its HEAD plus their uncommitted edits. */
  private static final String BASE_REF = "refs/acr/snapshot";
  /** Patches of submodules sit beside the attempt's patch, named after the submodule's path. */
  private static final String PATCH_PREFIX = "submodule-";

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
      // The tree is written into the user's submodule's objects, which the clone borrows.
      String tree = userTree(source, link.commit());
      if (!tree.equals(Git.run(target, "rev-parse", link.commit() + "^{tree}").strip())) {
        Git.run(target, "read-tree", "--reset", "-u", tree);
      }
      String base = Git.run(target, Isolation.IDENTITY, "commit-tree", "--no-gpg-sign", "-p", link.commit(), "-m", "acr snapshot",
          tree).strip();
      Git.run(target, "update-ref", BASE_REF, base);
      fill(source, target, link.commit(), depth + 1);
    }
  }

  /** The tree of the user's submodule at {@code dir} as it is on disk, written without touching its index. */
  private static String userTree(Path dir, String head) throws GitException {
    try (TempIndex index = TempIndex.copyOf(dir, head)) {
      List<String> add = new ArrayList<>(List.of("--work-tree=" + dir, "add", "-A", "--", "."));
      add.addAll(DependencyDirs.excludes(dir, DependencyDirs.find(dir, head)));
      Git.run(dir, index.env(), add.toArray(String[]::new));
      return Git.run(dir, index.env(), "write-tree").strip();
    }
  }

  /**
   * What the attempt changed inside the submodules of {@code wt} (of snapshot {@code commit}),
   * relative to the user's submodules as they were: for each changed one, a patch beside {@code
   * patch} (its {@code git apply} runs inside the submodule), and the changed files, by their path
   * from the top ({@code lib/vendor/x.c}). Nested submodules are not looked into.
   */
  static List<String> capture(Path wt, String commit, Path patch) throws GitException {
    List<String> changed = new ArrayList<>();
    if (!Files.isRegularFile(wt.resolve(".gitmodules"))) {
      return changed;
    }
    for (Gitlink link : gitlinks(wt, commit)) {
      Path sub = wt.resolve(link.path());
      if (!isPopulated(sub)) {
        continue;
      }
      Git.Result ref = Git.tryRun(sub, Map.of(), "rev-parse", "-q", "--verify", BASE_REF + "^{tree}");
      String base = ref.ok() ? ref.stdout().strip() : link.commit() + "^{tree}";
      try (TempIndex index = TempIndex.copyOf(sub, base)) {
        Git.run(sub, index.env(), "add", "-A", "--", ".");
        String names = Git.run(sub, index.env(), "diff-index", "--cached", "--name-only", "-z", base);
        if (names.isEmpty()) {
          continue;
        }
        for (String n : names.split("\0")) {
          if (!n.isEmpty()) {
            changed.add(link.path() + "/" + n);
          }
        }
        Git.run(sub, index.env(), "diff-index", "--cached", "-p", "--binary", "--no-color", "--no-ext-diff",
            "--output=" + patchOf(patch, link.path()), base);
      }
    }
    return changed;
  }

  /** Where the patch of the submodule at {@code path} goes, beside the attempt's {@code patch}. */
  static Path patchOf(Path patch, String path) {
    return patch.resolveSibling(PATCH_PREFIX + path.replace('/', '%') + ".patch");
  }

  /** The submodule patches beside {@code patch}, as submodule path to patch file. */
  static Map<String, Path> patchesBeside(Path patch) {
    Map<String, Path> out = new TreeMap<>();
    Path dir = patch.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PATCH_PREFIX + "*.patch")) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        out.put(name.substring(PATCH_PREFIX.length(), name.length() - ".patch".length()).replace('%', '/'), f);
      }
    } catch (IOException e) {
      // Unreadable: as good as none; the attempt's own patch is still checked by git apply.
    }
    return out;
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
