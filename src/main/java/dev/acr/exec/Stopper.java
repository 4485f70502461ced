package dev.acr.exec;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Lets a line consumer end a run early: {@link #stop()} from any thread (typically a pump thread
 * that just read an unambiguous error) makes {@link ProcessRunner#run(ProcessSpec, Stopper)} kill
 * the child's whole tree as it would on a timeout, and report {@link ProcessOutcome#stopped()}.
 * One instance per run; stopping twice, or after the child exited, does nothing.
 */
public final class Stopper {
  private final CompletableFuture<Void> requested = new CompletableFuture<>();
  private volatile ProcessHandle process;

  /** The child, once started: what it runs meanwhile can be looked at (a test command's current test). */
  public Optional<ProcessHandle> process() {
    return Optional.ofNullable(process);
  }

  void started(ProcessHandle child) {
    process = child;
  }

  public void stop() {
    requested.complete(null);
  }

  public boolean stopRequested() {
    return requested.isDone();
  }

  CompletableFuture<Void> requested() {
    return requested;
  }
}
