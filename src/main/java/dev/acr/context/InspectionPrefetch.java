package dev.acr.context;

import dev.acr.git.GitException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A {@link RepoInspector#inspect} of the start directory begun on another thread while the command
 * line is still being parsed, so its git calls overlap picocli's start-up work. The planner takes
 * it only when it answers the same question (the same directory, no {@code --verify}); otherwise,
 * or when it failed, the planner inspects again itself and meets any error first-hand.
 */
public final class InspectionPrefetch implements Runnable {
  private final Path dir;
  // A FutureTask, not a CompletableFuture: the latter initialises the fork-join pool on start-up.
  private final FutureTask<RepoSignals> signals;

  public InspectionPrefetch(Path dir) {
    this.dir = dir;
    // An anonymous class, not a lambda: this runs on the main thread first thing, and the first
    // lambda linked sets up the method-handle machinery (~8 ms on JDK 17).
    this.signals = new FutureTask<>(new Callable<RepoSignals>() {
      @Override
      public RepoSignals call() throws GitException {
        return RepoInspector.inspect(dir, null);
      }
    });
  }

  /** Inspects {@code dir} on the calling thread. */
  @Override
  public void run() {
    signals.run();
  }

  /** The signals {@code RepoInspector.inspect(workdir, verifyOverride)} would return, if prefetched. */
  public Optional<RepoSignals> take(Path workdir, String verifyOverride) {
    if (verifyOverride != null || !dir.equals(workdir)) {
      return Optional.empty();
    }
    try {
      return Optional.of(signals.get());
    } catch (ExecutionException | CancellationException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
