package dev.acr.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * acr's attempt worktrees are locked with a reason naming the acr process that owns them. A
 * worktree whose owner is gone was left by a crash or a kill and may be removed; the lock also
 * keeps {@code git worktree prune} from dropping a live attempt's registration.
 */
final class StaleWorktrees {

  /** The start time guards against a recycled pid making a dead run look alive. */
  private static final Pattern REASON = Pattern.compile("acr pid (\\d+)(?: started (\\S+))?");

  private StaleWorktrees() {}

  /** The lock reason of worktrees this process creates. */
  static String lockReason() {
    ProcessHandle self = ProcessHandle.current();
    return "acr pid "
        + self.pid()
        + self.info().startInstant().map(i -> " started " + i).orElse("");
  }

  /**
   * acr's worktrees whose owning acr process is gone. Not one whose {@code .git} file names another
   * repository's git directory: a repository copied with its {@code .git/worktrees} still lists the
   * original's worktrees, which are the original's to remove, not the copy's.
   */
  static List<String> find(Path repoRoot) throws GitException {
    String listing = Git.run(repoRoot, "worktree", "list", "--porcelain");
    List<String> stale = new ArrayList<>();
    Path common = null;
    for (Entry e : parse(listing)) {
      if (e.lockReason() == null) {
        continue;
      }
      Matcher m = REASON.matcher(e.lockReason());
      if (m.matches() && !alive(Long.parseLong(m.group(1)), m.group(2))) {
        common = common != null ? common : commonDir(repoRoot); // asked only when something looks stale
        if (!ofAnotherRepository(Path.of(e.path()), common)) {
          stale.add(e.path());
        }
      }
    }
    return stale;
  }

  /** The repository's own git directory, shared by its worktrees, as a real path. */
  static Path commonDir(Path repoRoot) throws GitException {
    String dir = Git.run(repoRoot, "rev-parse", "--path-format=absolute", "--git-common-dir").strip();
    try {
      return Path.of(dir).toRealPath();
    } catch (IOException e) {
      throw new GitException("cannot read " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether worktree folder {@code wt} is checked out from another repository than the one whose
   * git directory is {@code common}: its {@code .git} file names a git directory elsewhere. A
   * folder that is gone, or has no such file, is nobody else's.
   */
  static boolean ofAnotherRepository(Path wt, Path common) {
    Path gitFile = wt.resolve(".git");
    try {
      if (!Files.isRegularFile(gitFile, LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
      String line = Files.readString(gitFile).strip();
      if (!line.startsWith("gitdir: ")) {
        return false;
      }
      Path gitDir = wt.resolve(line.substring("gitdir: ".length()).strip()).normalize();
      Path real = Files.exists(gitDir) ? gitDir.toRealPath() : gitDir;
      return !real.startsWith(common);
    } catch (IOException | RuntimeException e) {
      return false; // cannot tell: as before, git's own remove decides
    }
  }

  static List<String> prune(Path repoRoot) throws GitException {
    List<String> removed = find(repoRoot);
    for (String path : removed) {
      remove(repoRoot, Path.of(path));
    }
    return removed;
  }

  /** Unlock, remove, prune; each step may fail harmlessly when the worktree is half gone. */
  static void remove(Path repoRoot, Path wt) throws GitException {
    Git.tryRun(repoRoot, Map.of(), "worktree", "unlock", wt.toString());
    Git.Result r =
        Git.tryRun(repoRoot, Map.of(), "worktree", "remove", "--force", "--force", wt.toString());
    if (!r.ok() && isLinkedWorktree(wt)) {
      // git no longer knows it (or refused): the directory is still an acr checkout, delete it.
      deleteTree(wt);
    }
    Git.tryRun(repoRoot, Map.of(), "worktree", "prune");
    if (Files.exists(wt, LinkOption.NOFOLLOW_LINKS)) {
      throw new GitException(
          "could not remove worktree " + wt + (r.ok() ? "" : ": " + r.stderr().strip()));
    }
  }

  static boolean alive(long pid, String started) {
    Optional<ProcessHandle> h = ProcessHandle.of(pid);
    if (h.isEmpty() || !h.get().isAlive()) {
      return false;
    }
    if (started == null) {
      return true;
    }
    // Unknown start time: assume alive, since deleting a live run's worktree is the worse error.
    return h.get().info().startInstant().map(i -> i.toString().equals(started)).orElse(true);
  }

  /** One block of {@code git worktree list --porcelain}; lockReason "" when locked without one. */
  record Entry(String path, String lockReason) {}

  static List<Entry> parse(String porcelain) {
    List<Entry> entries = new ArrayList<>();
    String path = null;
    String reason = null;
    for (String line : (porcelain + "\n").split("\n", -1)) {
      if (line.isEmpty()) {
        if (path != null) {
          entries.add(new Entry(path, reason));
        }
        path = null;
        reason = null;
      } else if (line.startsWith("worktree ")) {
        path = line.substring("worktree ".length());
      } else if (line.equals("locked")) {
        reason = "";
      } else if (line.startsWith("locked ")) {
        reason = line.substring("locked ".length());
      }
    }
    return entries;
  }

  /** A linked worktree has a {@code .git} file, not a directory: never delete a real repo. */
  private static boolean isLinkedWorktree(Path wt) {
    return Files.isRegularFile(wt.resolve(".git"), LinkOption.NOFOLLOW_LINKS);
  }

  private static void deleteTree(Path dir) throws GitException {
    try {
      Trees.delete(dir);
    } catch (IOException e) {
      throw new GitException("could not delete " + dir + ": " + e.getMessage(), e);
    }
  }
}
