package dev.acr.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kills a process and all of its descendants: SIGTERM to everyone, up to {@code grace} for them to
 * exit, then SIGKILL to whatever is left.
 *
 * <p>Plain Java cannot put a child in its own process group, so the tree is found with {@link
 * ProcessHandle#descendants()}. The tree is snapshotted before anything is signalled, because a
 * killed parent's children are re-parented (to init or a subreaper) and drop out of the tree. The
 * snapshot is then refreshed from every still-living member while we wait, since processes that
 * ignore SIGTERM may keep forking. What this cannot catch is a process forked between the last
 * snapshot and its parent's death, or one that was already orphaned (double-forked daemon).
 *
 * <p>A zombie counts as dead: it no longer runs or holds files, but {@link ProcessHandle#isAlive()}
 * still says alive until someone reaps it, and a killed orphan is reaped by pid 1, which in
 * containers may be slow to do so or never do it.
 */
public final class ProcessTreeKiller {

  /** How often the tree is re-scanned while waiting; short so a polite tree returns promptly. */
  private static final Duration POLL = Duration.ofMillis(20);

  /** Upper bound on waiting for SIGKILLed processes to disappear (e.g. stuck in disk I/O). */
  private static final Duration KILL_CONFIRM = Duration.ofSeconds(2);

  /**
   * What happened: how many processes were found in the tree, how many of them needed SIGKILL, and
   * whether all were confirmed dead when kill returned.
   */
  public record Result(int found, int forceKilled, boolean allDead) {}

  private ProcessTreeKiller() {}

  /**
   * Kills {@code root} and its descendants, returning once all are dead, or after {@code grace}
   * plus at most 2s if some refuse to die even SIGKILL. If the calling thread is
   * interrupted meanwhile, the grace period is cut short (straight to SIGKILL) and the interrupt
   * flag is set again before returning.
   */
  public static Result kill(ProcessHandle root, Duration grace) {
    if (root.equals(ProcessHandle.current())) {
      throw new IllegalArgumentException("refusing to kill the current process tree");
    }
    boolean interrupted = false;
    Map<Long, ProcessHandle> tree = new LinkedHashMap<>();
    tree.put(root.pid(), root);
    collectDescendants(tree);
    for (ProcessHandle handle : tree.values()) {
      handle.destroy();
    }

    long graceDeadline = System.nanoTime() + grace.toNanos();
    while (!alive(tree).isEmpty() && System.nanoTime() - graceDeadline < 0) {
      // signal newcomers as they are found; they are usually the fork that a dying parent made
      for (ProcessHandle newcomer : collectDescendants(tree)) {
        newcomer.destroy();
      }
      if (!sleep(POLL)) {
        interrupted = true;
        break;
      }
    }

    long killDeadline = System.nanoTime() + KILL_CONFIRM.toNanos();
    Set<Long> forced = new HashSet<>();
    while (true) {
      collectDescendants(tree);
      List<ProcessHandle> survivors = alive(tree);
      if (survivors.isEmpty() || System.nanoTime() - killDeadline >= 0) {
        break;
      }
      for (ProcessHandle survivor : survivors) {
        survivor.destroyForcibly();
        forced.add(survivor.pid());
      }
      // this wait is for the kernel, not for the child's goodwill, so it ignores interrupts
      if (!sleep(Duration.ofMillis(5))) {
        interrupted = true;
      }
    }
    boolean allDead = alive(tree).isEmpty();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return new Result(tree.size(), forced.size(), allDead);
  }

  /** True if the process runs: alive per the JDK and not a zombie (Linux; elsewhere, JDK only). */
  public static boolean isRunning(ProcessHandle handle) {
    return handle.isAlive() && !isZombie(handle.pid());
  }

  /**
   * Adds descendants of every living member to {@code tree}, returning the ones not seen before.
   * Each living member is asked, not just the root, because orphans leave the root's tree.
   */
  private static List<ProcessHandle> collectDescendants(Map<Long, ProcessHandle> tree) {
    List<ProcessHandle> added = new ArrayList<>();
    for (ProcessHandle member : alive(tree)) {
      member
          .descendants()
          .forEach(
              handle -> {
                if (tree.putIfAbsent(handle.pid(), handle) == null) {
                  added.add(handle);
                }
              });
    }
    return added;
  }

  private static List<ProcessHandle> alive(Map<Long, ProcessHandle> tree) {
    List<ProcessHandle> alive = new ArrayList<>();
    for (ProcessHandle handle : tree.values()) {
      if (isRunning(handle)) {
        alive.add(handle);
      }
    }
    return alive;
  }

  private static boolean isZombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"),
          StandardCharsets.UTF_8);
      // format: "pid (comm) S ..."; comm may itself contain spaces and parentheses
      int afterName = stat.lastIndexOf(')');
      return afterName >= 0 && afterName + 2 < stat.length() && stat.charAt(afterName + 2) == 'Z';
    } catch (IOException | RuntimeException e) {
      // no /proc (macOS) or the process is gone: fall back to what isAlive() said
      return false;
    }
  }

  private static boolean sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }
}
