package dev.acr.core;

import java.util.concurrent.ExecutionException;

/**
 * What a task run on another thread threw, thrown again on the thread that waited for it, as if
 * the task had run there: the one checked exception the caller declares as itself, unchecked ones
 * (a RuntimeException or an Error) as themselves, anything else, which the task's code cannot
 * throw, wrapped in an IllegalStateException.
 */
public final class Failures {
  private Failures() {}

  /**
   * Throws the cause of {@code e}; never returns. Declared to return an exception so a caller can
   * write {@code throw Failures.rethrow(e, X.class)} and the compiler sees the branch end.
   */
  public static <X extends Exception> RuntimeException rethrow(ExecutionException e, Class<X> checked) throws X {
    Throwable cause = e.getCause();
    if (checked.isInstance(cause)) {
      throw checked.cast(cause);
    }
    if (cause instanceof RuntimeException r) {
      throw r;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    throw new IllegalStateException(cause);
  }

  /** {@link #rethrow(ExecutionException, Class)} for a task that throws no checked exception. */
  public static RuntimeException rethrow(ExecutionException e) {
    return rethrow(e, RuntimeException.class);
  }
}
