package dev.acr.live;

/** Bad input, config or environment: one line for the user, exit code 2, nothing changed. */
public final class UsageError extends Exception {
  public UsageError(String message) {
    super(message);
  }
}
