package dev.acr.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells one attempt of a race that another attempt won and it should stop. The executor registers
 * how to stop (a live attempt interrupts its thread, which kills the agent's process tree); an
 * attempt that stopped because of it reports {@link AttemptStatus#CANCELLED}.
 */
public final class Cancellation {
  /** A token nobody cancels: attempts outside a race. */
  public static Cancellation none() {
    return new Cancellation();
  }

  private final List<Runnable> hooks = new ArrayList<>();
  private boolean cancelled;

  /** Runs {@code stop} when the token is cancelled, at once if it already is. */
  public void onCancel(Runnable stop) {
    boolean now;
    synchronized (this) {
      now = cancelled;
      if (!now) {
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
      run = List.copyOf(hooks);
      hooks.clear();
    }
    run.forEach(Runnable::run);
  }

  public synchronized boolean isCancelled() {
    return cancelled;
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
