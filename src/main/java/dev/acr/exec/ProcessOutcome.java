package dev.acr.exec;

/**
 * How a child run ended.
 *
 * <p>{@code exitCode} is the child's exit status; when it died from a signal (including our own
 * SIGTERM/SIGKILL after a timeout or interrupt) it is 128 + the signal number, as the JDK reports
 * it (143 for SIGTERM, 137 for SIGKILL). It is -1 only if the child could not be confirmed dead.
 * {@code timedOut} and {@code interrupted} say whether we killed the tree, and why; both can be
 * true if an interrupt arrived while a timed-out tree was being killed. {@code stopped} says we killed
 * it because the caller's {@link Stopper} asked, before the child exited by itself. {@code durationMs} runs
 * from start until run() is done, so it includes killing the tree and draining output. The byte
 * counts are the raw bytes the child wrote, which are also the sizes of the output files.
 */
public record ProcessOutcome(
    int exitCode,
    boolean timedOut,
    boolean interrupted,
    boolean stopped,
    long durationMs,
    long stdoutBytes,
    long stderrBytes) {

  /** True when the child ran to completion by itself, whatever its exit code. */
  public boolean finishedNormally() {
    return !timedOut && !interrupted && !stopped;
  }
}
