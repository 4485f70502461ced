package dev.acr.git;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The worktrees acr keeps for a repository between runs, on disk: {@code
 * $ACR_HOME/worktrees/<repo>-<hash>/<n>}, each with a lock file {@code <n>.lock} beside it
 * ({@link SlotLock}) and a file {@code <n>.used} whose modification time says when a run last
 * took it (not the lock file's: writing through the locked channel would free the lock if the
 * thread were interrupted meanwhile, since an interrupt closes a Java file channel). Outside the
 * repository, so neither the user's tree, their editor, nor a test runner that skips paths
 * containing {@code /.git/} (Jest does) is affected; {@code git worktree list} shows them, locked
 * with {@link #LOCK_REASON}. {@code <hash>} is of the repository's git directory: a moved or
 * copied repository gets a folder of its own, and the worktrees of one that is gone are deleted
 * by the next run that checks a worktree out.
 */
public final class KeptWorktrees {
  /** Worktrees kept per repository: a run takes one, a second run at the same time another. */
  static final int KEEP = 3;

  /** Their git lock reason: {@code git worktree list --porcelain} explains them, and {@code prune} leaves them. */
  static final String LOCK_REASON = "kept by acr for its next run here; acr doctor --fix removes it";

  private static final Pattern NAME = Pattern.compile("[0-9]+");

  /** A kept worktree and whether a run uses it now. */
  public record Kept(Path path, boolean inUse) {}

  private final Isolation isolation;
  private final Path home;
  private Path dir;

  /** @param home where acr keeps worktrees, {@code $ACR_HOME/worktrees} */
  public KeptWorktrees(Isolation isolation, Path home) {
    this.isolation = isolation;
    this.home = home;
  }

  /** This repository's folder of kept worktrees, created when missing. */
  synchronized Path dir() throws GitException {
    if (dir == null) {
      try {
        if (!Files.isDirectory(home)) {
          // User-only, like the run folders: the worktrees hold the user's code and the agents' changes.
          Files.createDirectories(home.getParent());
          try {
            Files.createDirectory(home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
          } catch (FileAlreadyExistsException e) {
            // made meanwhile by another run; the line below says so when it is not a folder
          }
        }
        dir = Files.createDirectories(path()).toRealPath();
      } catch (IOException e) {
        throw new GitException("cannot create " + path() + ": " + e.getMessage() + " (check ACR_HOME)", e);
      }
    }
    return dir;
  }

  /** Where this repository's worktrees are kept: named after it, told apart by its git directory. */
  public Path path() throws GitException {
    Path common = isolation.commonDir();
    Path named = common.getFileName().toString().equals(".git") ? common.getParent() : common;
    String name = named.getFileName() == null ? "repo" : named.getFileName().toString();
    return home.resolve(name + "-" + hash(common.toString()));
  }

  /** The kept worktrees, the most recently used first. */
  List<Path> byRecency() throws GitException {
    return list(dir());
  }

  /** Each kept worktree and whether a run uses it now; none when there is no folder yet. */
  public List<Kept> list() throws GitException {
    Path where = path();
    List<Kept> out = new ArrayList<>();
    if (!Files.isDirectory(where)) {
      return out;
    }
    for (Path wt : list(where)) {
      Optional<SlotLock> lock = SlotLock.tryLock(lockFile(wt));
      lock.ifPresent(SlotLock::close);
      out.add(new Kept(wt, lock.isEmpty()));
    }
    return out;
  }

  /** Removes the kept worktrees no run uses now and returns them. */
  public List<Path> removeIdle() throws GitException {
    return Files.isDirectory(path()) ? removeBeyond(0) : List.of();
  }

  /** Removes the least recently used idle worktrees beyond {@link #KEEP}. */
  void trim() throws GitException {
    removeBeyond(KEEP);
  }

  private List<Path> removeBeyond(int keep) throws GitException {
    List<Path> all = byRecency();
    List<Path> removed = new ArrayList<>();
    for (Path wt : all.subList(Math.min(keep, all.size()), all.size())) {
      Optional<SlotLock> lock = SlotLock.tryLock(lockFile(wt));
      if (lock.isEmpty()) {
        continue; // a run uses it
      }
      try (SlotLock l = lock.get()) {
        remove(wt);
        deleteMarks(l);
        removed.add(wt);
      } catch (IOException e) {
        throw e instanceof GitException g ? g : new GitException("cannot delete " + lockFile(wt) + ": " + e.getMessage(), e);
      }
    }
    return removed;
  }

  /** Deletes this repository's folder when nothing is left in it. */
  void removeFolderIfEmpty() {
    try {
      Files.deleteIfExists(dir());
    } catch (IOException e) {
      // not empty (another run's worktree), or already gone: either way nothing to do
    }
  }

  /**
   * Removes kept worktree {@code wt}, the caller holding its lock: through git when git knows it,
   * else (a folder that is no worktree of this repository any more) by deleting it.
   */
  void remove(Path wt) throws GitException {
    try {
      // Through git only a real folder: git would follow a link put here to whatever worktree it names.
      if (Files.isDirectory(wt, LinkOption.NOFOLLOW_LINKS)) {
        isolation.removeWorktree(wt);
      }
    } catch (GitException e) {
      // not a worktree git can remove: deleted below like any other leftover
    }
    try {
      Trees.delete(wt); // walks no links: a link is removed, not followed
    } catch (IOException ex) {
      throw new GitException("cannot remove " + wt + ": " + ex.getMessage() + " (delete it by hand)", ex);
    }
  }

  /**
   * Before a worktree is checked out: git's registrations of kept worktrees whose folder was
   * deleted by hand are dropped (they are locked, so {@code git worktree prune} alone would keep
   * them, and {@code git worktree add} refuses their path), and the worktrees of repositories
   * that are gone (moved or deleted; their {@code .git} file names a folder that is not there)
   * are deleted; {@code claimed} is the slot the caller holds and is about to check out. A kept
   * worktree registered outside this repository's folder whose folder is gone (a copied
   * {@code .git/worktrees}) is dropped too, without its lock. Costs a few milliseconds, against
   * the seconds of the checkout that follows.
   */
  void prepareNew(Path claimed) throws GitException {
    Path root = isolation.root();
    Path mine = dir();
    boolean dropped = false;
    for (StaleWorktrees.Entry e : StaleWorktrees.parse(Git.run(root, "worktree", "list", "--porcelain"))) {
      Path wt = Path.of(e.path());
      if (LOCK_REASON.equals(e.lockReason()) && !Files.exists(wt, LinkOption.NOFOLLOW_LINKS) && !wt.startsWith(mine)) {
        // Kept for this repository elsewhere: copied with its .git from another user or machine
        // (or an ACR_HOME no longer used). Its folder is gone, so git's prune semantics drop it;
        // its lock file is not ours to take, and may be where this user cannot write.
        Git.tryRun(root, Map.of(), "worktree", "unlock", e.path());
        dropped = true;
      } else if (LOCK_REASON.equals(e.lockReason()) && !Files.exists(wt, LinkOption.NOFOLLOW_LINKS)) {
        // The caller's own slot, or one no run holds: another run that holds one may be between
        // deleting its folder and checking it out again.
        Optional<SlotLock> lock = wt.equals(claimed) ? Optional.empty() : SlotLock.tryLock(lockFile(wt));
        if (wt.equals(claimed) || lock.isPresent()) {
          Git.tryRun(root, Map.of(), "worktree", "unlock", e.path());
          dropped = true;
        }
        lock.ifPresent(SlotLock::close);
      }
    }
    if (dropped) {
      Git.tryRun(root, Map.of(), "worktree", "prune");
    }
    deleteOrphans();
  }

  private void deleteOrphans() throws GitException {
    if (!Files.isDirectory(home)) {
      return;
    }
    try (Stream<Path> repos = Files.list(home)) {
      for (Path repo : (Iterable<Path>) repos::iterator) {
        if (!Files.isDirectory(repo, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        for (Path wt : list(repo)) {
          if (isOrphan(wt)) {
            deleteIfFree(wt);
          }
        }
      }
    } catch (IOException e) {
      throw new GitException("cannot read " + home + ": " + e.getMessage(), e);
    }
  }

  /** A worktree whose {@code .git} file names a git directory that is not there: its repository is gone. */
  private static boolean isOrphan(Path wt) {
    Path gitFile = wt.resolve(".git");
    try {
      if (!Files.isRegularFile(gitFile, LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
      String line = Files.readString(gitFile, StandardCharsets.UTF_8).strip();
      return line.startsWith("gitdir: ") && !Files.exists(wt.resolve(line.substring("gitdir: ".length())));
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteIfFree(Path wt) throws IOException {
    Optional<SlotLock> lock = SlotLock.tryLock(lockFile(wt));
    if (lock.isPresent()) {
      try (SlotLock l = lock.get()) {
        Trees.delete(wt);
        deleteMarks(l);
      }
    }
  }

  /** The kept worktrees in {@code dir}, the most recently used first. */
  private static List<Path> list(Path dir) throws GitException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(p -> NAME.matcher(p.getFileName().toString()).matches())
          .sorted(Comparator.comparing(KeptWorktrees::lastUsed).reversed())
          .toList();
    } catch (IOException e) {
      throw new GitException("cannot read " + dir + ": " + e.getMessage(), e);
    }
  }

  static Path lockFile(Path wt) {
    return wt.resolveSibling(wt.getFileName() + ".lock");
  }

  /** The file whose modification time says when a run last took worktree {@code wt}. */
  static Path usedFile(Path wt) {
    return wt.resolveSibling(wt.getFileName() + ".used");
  }

  /** Marks the worktree of {@code lock} as used now: the caller holds the lock. */
  static void touch(SlotLock lock) throws GitException {
    Path used = usedFile(worktreeOf(lock));
    // java.io, not a channel: an interrupt (Ctrl-C, a race's stop) must not make the write fail.
    try (OutputStream out = new FileOutputStream(used.toFile())) {
      out.write(("acr pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new GitException("cannot write " + used + ": " + e.getMessage() + " (check ACR_HOME)", e);
    }
  }

  /** Deletes the lock's files of a worktree that is gone; the caller holds the lock. */
  static void deleteMarks(SlotLock lock) throws IOException {
    Files.deleteIfExists(usedFile(worktreeOf(lock)));
    Files.deleteIfExists(lock.file());
  }

  private static Path worktreeOf(SlotLock lock) {
    String name = lock.file().getFileName().toString();
    return lock.file().resolveSibling(name.substring(0, name.length() - ".lock".length()));
  }

  private static FileTime lastUsed(Path wt) {
    for (Path mark : List.of(usedFile(wt), lockFile(wt))) { // the lock file: kept by an older acr
      try {
        return Files.getLastModifiedTime(mark);
      } catch (IOException e) {
        // not there: the next one, or never used
      }
    }
    return FileTime.fromMillis(0);
  }

  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java", e);
    }
  }
}
