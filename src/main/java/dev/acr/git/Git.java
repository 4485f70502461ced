package dev.acr.git;

import dev.acr.exec.Capture;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one git command (argv, never a shell) and returns its stdout, or throws {@link
 * GitException} carrying git's stderr. Public only so {@code dev.acr.context} can ask the same
 * questions; it is not a general process runner.
 */
public final class Git {

  /** Generous: {@code git add -A} hashes every changed file of a large repository. */
  static final Duration TIMEOUT = Duration.ofMinutes(5);

  /** Commands acr runs must never wait for a password prompt or a pager nobody sees. */
  private static final Map<String, String> BASE_ENV =
      Map.of("GIT_TERMINAL_PROMPT", "0", "GIT_PAGER", "cat", "GIT_OPTIONAL_LOCKS", "0");

  private Git() {}

  /** {@code git <args>} in {@code dir}; {@code extraEnv} is added to acr's environment. */
  public static String run(Path dir, Map<String, String> extraEnv, String... args)
      throws GitException {
    Result r = tryRun(dir, extraEnv, args);
    if (!r.ok()) {
      throw failure(dir, args, r);
    }
    return r.stdout();
  }

  /** Like {@link #run} with no extra environment. */
  public static String run(Path dir, String... args) throws GitException {
    return run(dir, Map.of(), args);
  }

  /** Like {@link #run} but a non-zero exit is an answer (e.g. "not a repository"), not an error. */
  static Result tryRun(Path dir, Map<String, String> extraEnv, String... args)
      throws GitException {
    List<String> argv = new ArrayList<>(args.length + 1);
    argv.add("git");
    argv.addAll(List.of(args));
    Map<String, String> env = new HashMap<>(BASE_ENV);
    env.putAll(extraEnv);
    try {
      Capture.Result r = Capture.run(argv, dir, env, TIMEOUT);
      return new Result(r.exitCode(), r.stdout(), r.stderr());
    } catch (Capture.TimedOut e) {
      throw new GitException(describe(dir, args) + " timed out after " + TIMEOUT, e);
    } catch (IOException e) {
      throw new GitException(describe(dir, args) + " could not run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      // Keep the flag so the run loop still sees the interrupt after this exception unwinds.
      Thread.currentThread().interrupt();
      throw new GitException(describe(dir, args) + " interrupted", e);
    }
  }

  /** The outcome of {@link #tryRun}: stdout and stderr kept apart. */
  record Result(int exitCode, String stdout, String stderr) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  static GitException failure(Path dir, String[] args, Result r) {
    String stderr = r.stderr().strip();
    return new GitException(
        describe(dir, args)
            + " failed (exit "
            + r.exitCode()
            + ")"
            + (stderr.isEmpty() ? "" : ": " + stderr));
  }

  static String describe(Path dir, String... args) {
    return "git " + String.join(" ", args) + " (in " + dir + ")";
  }
}
