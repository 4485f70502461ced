package dev.acr.config;

import dev.acr.core.Failures;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * {@link ConfigLoader#bundled()}, parsed once per run: by a start-up thread ahead of need ({@link
 * #run}), or by the first caller of {@link #get} when that thread has not begun it. Parsing the
 * bundled text is pure, so the result, or the error, is the one the caller would have got.
 */
public final class BundledConfig implements Runnable {
  // An anonymous class, not a lambda: made on the main thread at start-up, where the first lambda
  // linked would set up the method-handle machinery.
  private final FutureTask<ToolsConfig> parse = new FutureTask<>(new Callable<ToolsConfig>() {
    @Override
    public ToolsConfig call() throws ConfigException {
      return ConfigLoader.bundled();
    }
  });

  /** Parses it on the calling thread, unless that has begun elsewhere. */
  @Override
  public void run() {
    parse.run();
  }

  /** The bundled config; waits for a parse begun on another thread. */
  public ToolsConfig get() throws ConfigException {
    parse.run(); // does nothing when the parse has begun or ended
    try {
      return parse.get();
    } catch (ExecutionException e) {
      throw Failures.rethrow(e, ConfigException.class);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ConfigLoader.bundled();
    }
  }
}
