package dev.acr.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells one attempt of a race that another attempt won and it should stop. The executor registers
 * how to stop (a live attempt interrupts its thread, which kills the agent's process tree); an
 * attempt that stopped because of it reports {@link AttemptStatus#INTERRUPTED} and the batch
 * records it {@link AttemptStatus#CANCELLED}. The attempt also says when its agent finished
 * ({@link #agentFinished}): a racer already running its tests when another verifies is let finish
 * them, so the cheaper of several verifying together can win ({@link Batch}).
 */
public final class Cancellation {
  /** A token nobody cancels: attempts outside a race. */
  public static Cancellation none() {
    return new Cancellation();
  }

  /** Made on the first hook: most tokens never get one (a replay makes one per attempt). */
  private List<Runnable> hooks;
  private boolean cancelled;
  /** {@link System#nanoTime()} when the agent finished and the tests began; -1 while the agent works. */
  private long agentFinishedAt = -1;

  /** Runs {@code stop} when the token is cancelled, at once if it already is. */
  public void onCancel(Runnable stop) {
    boolean now;
    synchronized (this) {
      now = cancelled;
      if (!now) {
        if (hooks == null) {
          hooks = new ArrayList<>();
        }
        hooks.add(stop);
      }
    }
    if (now) {
      stop.run();
    }
  }

  /** Stops the attempt; the first call runs the hooks, later calls do nothing. */
  public void cancel() {
    List<Runnable> run;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      run = hooks == null ? List.of() : List.copyOf(hooks);
      hooks = null;
    }
    run.forEach(Runnable::run);
  }

  public synchronized boolean isCancelled() {
    return cancelled;
  }

  /** The attempt's agent has finished; what is left is its tests. The first call counts. */
  public synchronized void agentFinished() {
    if (agentFinishedAt < 0) {
      agentFinishedAt = System.nanoTime();
    }
  }

  /** When the agent finished ({@link System#nanoTime()}), -1 while it works or when the executor does not say. */
  public synchronized long agentFinishedAt() {
    return agentFinishedAt;
  }

  /**
   * Interrupts {@code thread} when the token is cancelled, until the returned handle is closed: a
   * live attempt's processes die with its thread's interrupt, but its clean-up afterwards must not
   * be cut short.
   */
  public Interrupter interrupting(Thread thread) {
    Interrupter i = new Interrupter(thread);
    onCancel(i::interrupt);
    return i;
  }

  /** See {@link #interrupting}. */
  public static final class Interrupter {
    private Thread thread;

    private Interrupter(Thread thread) {
      this.thread = thread;
    }

    private synchronized void interrupt() {
      if (thread != null) {
        thread.interrupt();
      }
    }

    /** No interrupt from now on. */
    public synchronized void close() {
      thread = null;
    }
  }
}
