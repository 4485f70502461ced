package dev.acr.git;

import dev.acr.exec.ProcessOutcome;
import dev.acr.exec.ProcessRunner;
import dev.acr.exec.ProcessSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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

  /**
   * Variables that point git at another repository or index. Inherited ones are dropped (acr
   * started from a git hook gets the hook's GIT_DIR and GIT_INDEX_FILE, which would aim every
   * command at the wrong place); acr sets its own through {@code extraEnv}.
   */
  private static final List<String> LOCATION_VARS =
      List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
          "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_PREFIX");

  /**
   * Makes the work tree {@code workTree} of the git directory {@code gitDir} exactly {@code
   * commit}, detached: files that differ rewritten ({@code checkout -f}), everything untracked,
   * ignored files and nested repositories included, removed ({@code clean -ffdx}, which deletes a
   * link, never what it points to). Both folders are given explicitly, so a work tree whose own
   * settings point elsewhere is still the only one written; the user's hooks do not run.
   */
  static void resetCheckout(String gitDir, Path workTree, String commit) throws GitException {
    String[] at = {"--git-dir=" + gitDir, "--work-tree=" + workTree, "-c", "core.hooksPath=/dev/null"};
    refuseSkippedFiles(at, workTree);
    List<String> checkout = new ArrayList<>(List.of(at));
    checkout.addAll(List.of("-c", "advice.detachedHead=false", "checkout", "-q", "-f", "--detach", commit));
    run(workTree, Map.of(), checkout.toArray(String[]::new));
    List<String> clean = new ArrayList<>(List.of(at));
    clean.addAll(List.of("clean", "-q", "-f", "-f", "-d", "-x"));
    run(workTree, Map.of(), clean.toArray(String[]::new));
  }

  /**
   * checkout -f leaves alone the files an index marks skip-worktree (an agent's sparse-checkout, or
   * update-index --skip-worktree), and add -A leaves them out of a patch: such a tree cannot be
   * made the snapshot by a reset, so the caller starts it afresh. assume-unchanged too, to be safe.
   */
  private static void refuseSkippedFiles(String[] at, Path workTree) throws GitException {
    List<String> ls = new ArrayList<>(List.of(at));
    ls.addAll(List.of("ls-files", "-v", "-z"));
    for (String entry : run(workTree, Map.of(), ls.toArray(String[]::new)).split("\0")) {
      if (entry.length() > 2 && entry.charAt(1) == ' ' && (entry.charAt(0) == 'S' || Character.isLowerCase(entry.charAt(0)))) {
        throw new GitException(workTree + " has files git was told to skip (" + entry.substring(2)
            + ": skip-worktree or assume-unchanged); it is checked out afresh instead of reset");
      }
    }
  }

  /** Like {@link #run} but a non-zero exit is an answer (e.g. "not a repository"), not an error. */
  static Result tryRun(Path dir, Map<String, String> extraEnv, String... args)
      throws GitException {
    List<String> argv = new ArrayList<>(args.length + 1);
    argv.add("git");
    argv.addAll(List.of(args));
    Map<String, String> env = new HashMap<>(System.getenv());
    for (String name : LOCATION_VARS) {
      env.remove(name);
    }
    env.putAll(BASE_ENV);
    env.putAll(extraEnv);
    try {
      // Raw bytes, not lines: diffs must come back byte for byte, whatever their line length. In
      // memory, where they end up anyway: a temporary file cost more than git itself on a short
      // command (the first one initialises SecureRandom for the file name).
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      StderrTail err = new StderrTail();
      ProcessOutcome o =
          RUNNER.run(
              ProcessSpec.builder(argv, dir)
                  .environment(env)
                  .timeout(TIMEOUT)
                  .stdoutStream(out)
                  .exactOutput()
                  .stderrLines(err)
                  .build());
      if (o.interrupted()) {
        // Keep the flag (the runner set it again) so the run loop still sees the interrupt.
        throw new GitException(describe(dir, args) + " interrupted");
      }
      if (o.timedOut()) {
        throw new GitException(describe(dir, args) + " timed out after " + TIMEOUT);
      }
      return new Result(o.exitCode(), out.toString(StandardCharsets.UTF_8), err.text());
    } catch (IOException e) {
      throw new GitException(describe(dir, args) + " could not run: " + e.getMessage(), e);
    }
  }

  private static final ProcessRunner RUNNER = new ProcessRunner();

  /**
   * git's stderr, a few lines of explanation; a runaway one is cut, not held. A class, not a
   * lambda: at start-up three git calls run at once, and on JDK 17 each lambda is linked at run
   * time, which costs more than the call's own work here.
   */
  private static final class StderrTail implements Consumer<String> {
    private final StringBuilder text = new StringBuilder();

    @Override
    public synchronized void accept(String line) {
      if (text.length() < 64 * 1024) {
        text.append(line).append('\n');
      }
    }

    synchronized String text() {
      return text.toString();
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
