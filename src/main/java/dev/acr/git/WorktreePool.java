package dev.acr.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The worktrees of one run, taken from those acr keeps for the repository ({@link KeptWorktrees})
 * instead of being checked out anew. Checking out (and later deleting) every file of a
 * 10,000-file repository is most of what an attempt would cost acr, and all of it is disk work;
 * resetting a used worktree to the snapshot rewrites only what differs. Every worktree is reset
 * before it is lent ({@link Isolation#resetWorktree}), whether the last user was this run's
 * previous attempt or a run that crashed: nothing in it is trusted. One that cannot be reset is
 * removed and checked out again.
 *
 * <p>Each worktree the run takes is locked ({@link SlotLock}) until {@link #close}: another acr
 * run in the same repository takes another one or makes one, and attempts of this run that run
 * at the same time ({@link #acquire} again before {@link #release}) get one each. {@link #close}
 * leaves them for the next run (with {@code keep}; at most {@link KeptWorktrees#KEEP} per
 * repository, the least recently used removed beyond that) or removes them.
 */
public final class WorktreePool implements AutoCloseable {
  private final Isolation isolation;
  private final Snapshot snapshot;
  private final KeptWorktrees kept;
  private final boolean keep;
  private final Deque<Path> idle = new ArrayDeque<>();
  private final Map<Path, SlotLock> held = new LinkedHashMap<>();

  /**
   * @param worktrees where acr keeps worktrees ({@code $ACR_HOME/worktrees})
   * @param keep whether {@link #close} leaves them for the next run; a repository that is
   *     deleted after the run (a live bench's) has no next run
   */
  public WorktreePool(Isolation isolation, Snapshot snapshot, Path worktrees, boolean keep) {
    this.isolation = isolation;
    this.snapshot = snapshot;
    this.kept = new KeptWorktrees(isolation, worktrees);
    this.keep = keep;
  }

  /** A worktree of the snapshot, exactly as the snapshot has it. The caller hands it back with {@link #release}. */
  public Path acquire() throws GitException {
    Path wt;
    synchronized (this) {
      wt = idle.pollFirst();
    }
    if (wt == null) {
      wt = claim();
    }
    if (Files.exists(wt, LinkOption.NOFOLLOW_LINKS)) {
      try {
        isolation.resetWorktree(snapshot, wt);
        return wt;
      } catch (GitException e) {
        kept.remove(wt); // start afresh below rather than lend a half-reset tree
      }
    }
    kept.prepareNew(wt);
    return isolation.createWorktree(snapshot, wt, KeptWorktrees.LOCK_REASON);
  }

  /**
   * An agent's {@code git checkout -b} left {@code wt} on a branch: kept so until the next run, the user could neither
   * delete nor check out a branch of that name ("checked out at …"). Best effort: the next run resets it anyway.
   */
  private void detach(Path wt) {
    try {
      // Read, not asked of git: a git process per kept worktree cost every run ~15 ms, for the rare agent that checks out.
      String dotGit = Files.readString(wt.resolve(".git")).strip();
      Path head = wt.resolve(dotGit.substring(dotGit.indexOf(':') + 1).strip()).resolve("HEAD");
      if (Files.readString(head).startsWith("ref:")) {
        Git.tryRun(wt, Map.of(), "update-ref", "--no-deref", "HEAD", snapshot.commit());
      }
    } catch (IOException | RuntimeException e) {
      // As it was before: the next run's reset detaches it.
    }
  }

  /** Hands {@code wt} back for a later attempt of this run. */
  public synchronized void release(Path wt) {
    idle.addLast(wt);
  }

  /**
   * Leaves this run's worktrees for the next run, as they are but detached (the next run resets them), or
   * removes them; then frees them. The first failure is thrown after trying them all.
   */
  @Override
  public void close() throws GitException {
    Map<Path, SlotLock> mine;
    synchronized (this) {
      mine = new LinkedHashMap<>(held);
      held.clear();
      idle.clear();
    }
    GitException first = null;
    for (Map.Entry<Path, SlotLock> e : mine.entrySet()) {
      try {
        if (keep) {
          detach(e.getKey());
          KeptWorktrees.touch(e.getValue());
        } else {
          kept.remove(e.getKey());
          KeptWorktrees.deleteMarks(e.getValue());
        }
      } catch (IOException ex) {
        first = first == null ? asGit(ex) : first;
      }
    }
    try {
      if (keep) {
        kept.trim(); // ours are still locked here, so only others' idle ones can go
      } else if (!mine.isEmpty()) {
        kept.removeFolderIfEmpty(); // a live bench makes one per repository it makes
      }
    } catch (GitException ex) {
      first = first == null ? ex : first;
    } finally {
      mine.values().forEach(SlotLock::close);
    }
    if (first != null) {
      throw first;
    }
  }

  /** A kept worktree no run uses (the most recently used first), or a free place for a new one; locked. */
  private synchronized Path claim() throws GitException {
    List<Path> candidates = kept.byRecency();
    for (Path wt : candidates) {
      Optional<SlotLock> lock = SlotLock.tryLock(KeptWorktrees.lockFile(wt));
      if (lock.isPresent()) {
        return hold(wt, lock.get());
      }
    }
    for (int n = 1; ; n++) {
      Path wt = kept.dir().resolve(Integer.toString(n));
      if (Files.exists(wt, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      Optional<SlotLock> lock = SlotLock.tryLock(KeptWorktrees.lockFile(wt));
      if (lock.isPresent()) {
        return hold(wt, lock.get());
      }
    }
  }

  private Path hold(Path wt, SlotLock lock) throws GitException {
    held.put(wt, lock);
    KeptWorktrees.touch(lock);
    return wt;
  }

  private static GitException asGit(IOException e) {
    return e instanceof GitException g ? g : new GitException(e.getMessage(), e);
  }
}
