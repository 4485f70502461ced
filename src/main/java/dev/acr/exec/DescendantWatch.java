package dev.acr.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers every descendant a child had while it ran. Once the child has exited, the ones it
 * left behind (a dev server started with {@code &}, a test daemon) are no longer its descendants
 * and {@link ProcessHandle#descendants()} cannot find them; this watch still knows them, so they
 * can be stopped instead of outliving the attempt and its removed worktree. A descendant started
 * and orphaned between two polls (or by a child that lives less than one poll) is missed.
 */
final class DescendantWatch {

  private static final long POLL_MS = 100;

  private final Map<Long, ProcessHandle> seen = new ConcurrentHashMap<>();
  private final Thread thread;

  DescendantWatch(ProcessHandle root) {
    // A Thread subclass, not a lambda: every git call starts a watch (three at once at start-up),
    // and on JDK 17 linking a lambda at run time costs more than starting the thread.
    thread = new Poller(root, seen);
    thread.setDaemon(true);
    thread.start();
  }

  private static final class Poller extends Thread {
    private final ProcessHandle root;
    private final Map<Long, ProcessHandle> seen;

    Poller(ProcessHandle root, Map<Long, ProcessHandle> seen) {
      super("acr-descendant-watch");
      this.root = root;
      this.seen = seen;
    }

    @Override
    public void run() {
      // Sleep first: a short command (most git calls) ends before the first poll and never pays
      // for a scan of every process on the machine.
      while (true) {
        try {
          Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
          return;
        }
        if (!root.isAlive()) {
          return;
        }
        root.descendants().forEach(h -> seen.putIfAbsent(h.pid(), h));
      }
    }
  }

  /** Stops watching; the descendants seen that still run (a handle knows its start time, so a reused pid is not mistaken for one). */
  List<ProcessHandle> leftovers() {
    thread.interrupt();
    try {
      thread.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<ProcessHandle> running = new ArrayList<>();
    for (ProcessHandle h : seen.values()) {
      if (ProcessTreeKiller.isRunning(h)) {
        running.add(h);
      }
    }
    return running;
  }
}
