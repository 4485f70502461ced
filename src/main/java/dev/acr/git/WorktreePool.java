package dev.acr.git;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The worktrees of one run, handed from one attempt to the next instead of being checked out
 * anew each time. Checking out (and later deleting) every file of a 10,000-file repository is
 * most of what an attempt costs acr, and all of it is disk work; resetting a used worktree to the
 * snapshot rewrites only what the previous attempt changed. A worktree handed back is reset
 * before it is lent again: tracked files to the snapshot ({@code checkout -f}), everything else
 * the attempt left, ignored files and nested repositories included, removed ({@code clean -ffdx}),
 * dependency links kept. Submodules' own files are not reset (an attempt that edits inside one
 * leaves that to the next; its patch never holds them).
 * Attempts that run at the same time get worktrees of their own. {@link #close} removes them all.
 */
public final class WorktreePool implements AutoCloseable {
  private final Isolation isolation;
  private final Snapshot snapshot;
  private final Deque<Path> idle = new ArrayDeque<>();
  private final List<Path> all = new ArrayList<>();

  public WorktreePool(Isolation isolation, Snapshot snapshot) {
    this.isolation = isolation;
    this.snapshot = snapshot;
  }

  /**
   * A worktree of the snapshot as the snapshot has it: a used one reset, else a new one at
   * {@code where}. The caller hands it back with {@link #release}.
   */
  public Path acquire(Path where) throws GitException {
    Path used;
    synchronized (this) {
      used = idle.pollFirst();
    }
    if (used != null) {
      try {
        reset(used);
        return used;
      } catch (GitException e) {
        forget(used);
        isolation.removeWorktree(used); // start afresh below rather than lend a half-reset tree
      }
    }
    Path wt = isolation.createWorktree(snapshot, where);
    synchronized (this) {
      all.add(wt);
    }
    return wt;
  }

  /** Hands {@code wt} back for a later attempt. */
  public synchronized void release(Path wt) {
    idle.addLast(wt);
  }

  /** Removes every worktree this pool made; the first failure is thrown after trying them all. */
  @Override
  public void close() throws GitException {
    List<Path> made;
    synchronized (this) {
      made = List.copyOf(all);
      all.clear();
      idle.clear();
    }
    GitException first = null;
    for (Path wt : made) {
      try {
        isolation.removeWorktree(wt);
      } catch (GitException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private synchronized void forget(Path wt) {
    all.remove(wt);
  }

  /** Back to the snapshot: HEAD, index and tracked files; untracked and ignored files gone. */
  private void reset(Path wt) throws GitException {
    Git.run(wt, "-c", "core.hooksPath=/dev/null", "-c", "advice.detachedHead=false", "checkout", "-q", "-f",
        "--detach", snapshot.commit());
    List<String> clean = new ArrayList<>(List.of("clean", "-q", "-f", "-f", "-d", "-x"));
    for (String dep : snapshot.dependencies()) {
      clean.add("-e");
      clean.add("/" + dep);
    }
    Git.run(wt, Map.of(), clean.toArray(String[]::new));
    // checkout -f put back the files that named the user's tree; point them at this worktree again.
    snapshot.redirects().toWorktree(wt);
  }
}
