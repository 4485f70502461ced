package dev.acr.live;

import dev.acr.config.Durations;
import dev.acr.git.ApplyResult;
import dev.acr.git.Diff;
import dev.acr.git.Git;
import dev.acr.git.GitException;
import dev.acr.git.Isolation;
import dev.acr.git.TreeBackup;
import dev.acr.verify.VerifyCommand;
import dev.acr.verify.VerifyResult;
import dev.acr.verify.DisabledTests;
import dev.acr.verify.Verifier;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Brings a verified change into the user's working tree, and keeps it only if the project's
 * tests pass there too. The attempt's tests ran in a worktree; whatever acr could not redirect
 * (an ecosystem it does not know, a file outside the repository) may have made them test
 * something else. The recheck needs no knowledge of ecosystems: it runs the same command in the
 * user's tree, and on failure puts every file the patch touched back exactly as it was
 * (uncommitted content, untracked files, modes) and keeps the patch for later.
 */
public final class Delivery {

  /** How a delivery ended: {@code applied} as the run reports it; {@code rolledBack} when the recheck undid it. */
  public record Outcome(ApplyResult applied, boolean rolledBack) {}

  private final Isolation isolation;
  private final VerifyCommand verify;
  private final Path testDir;
  private final Map<String, String> environment;
  private final Duration timeout;
  private final boolean recheck;
  private final Consumer<String> note;

  /** How many of the recheck's leftover files a note names. */
  private static final int LEFTOVERS_NAMED = 5;

  /**
   * @param testDir where the test command runs in the user's tree: the place in it that matches
   *     where the attempt's tests ran in the worktree
   * @param verify null when there is no test command (nothing to recheck)
   */
  public Delivery(Isolation isolation, VerifyCommand verify, Path testDir, Map<String, String> environment, Duration timeout,
      boolean recheck, Consumer<String> note) {
    this.isolation = isolation;
    this.verify = verify;
    this.testDir = testDir;
    this.environment = environment;
    this.timeout = timeout;
    this.recheck = recheck;
    this.note = note;
  }

  /**
   * Applies {@code diff}; then, unless the recheck is off, runs the tests in the user's tree and
   * rolls back when they fail. Files are saved in {@code attemptDir} first.
   *
   * @throws InterruptedException interrupted during the recheck, after the tree was put back
   */
  public Outcome deliver(Diff diff, Path attemptDir) throws InterruptedException {
    if (diff.empty()) {
      return new Outcome(applyOrExplain(diff), false);
    }
    TreeBackup backup;
    try {
      backup = TreeBackup.save(isolation.root(), diff.changedFiles(), attemptDir.resolve("before-apply"));
    } catch (IOException e) {
      return new Outcome(notApplied(diff, "could not save your files before applying (" + e.getMessage()
          + "); nothing was modified"), false);
    }
    Map<String, String> env = recheckEnvironment();
    ApplyResult applied = applyOrExplain(diff);
    if (!applied.applied() || !recheck || verify == null) {
      return new Outcome(applied, false);
    }
    note.accept("recheck: running " + verify.command() + " in your working tree");
    Path log = attemptDir.resolve("recheck.log");
    String failure;
    Set<String> untrackedBefore = untracked();
    try {
      VerifyResult r = new Verifier().run(verify, testDir, timeout, env, log, beat -> note.accept("recheck: " + beat));
      if (r.passed()) {
        note.accept("recheck: passed in your working tree");
        leftovers(untrackedBefore).ifPresent(note);
        return new Outcome(applied, false);
      }
      if (KnownFailures.failedNaming(r) && !DisabledTests.touches(diff.patch(), diff.changedFiles(), r.failing())) {
        // The same change passed in the worktree: named tests failing here are a flaky test's doing as often as this
        // tree's. Once more, as for an attempt (AttemptTests); a difference of this tree fails again.
        String failed = KnownFailures.named(r.failing(), false);
        note.accept("recheck: " + failed + " failed in your working tree; running the tests once more, in case of a flaky test");
        log = attemptDir.resolve("recheck-again.log");
        r = new Verifier().run(verify, testDir, timeout, env, log,
            beat -> note.accept("recheck: " + beat));
        if (r.passed()) {
          note.accept("recheck: passed on a second run in your working tree (" + failed + " failed on the first: flaky?)");
          leftovers(untrackedBefore).ifPresent(note);
          return new Outcome(applied, false);
        }
      }
      failure = r.timedOut() ? "did not finish within " + Durations.limit(timeout) : "failed (exit " + r.exitCode() + ")";
    } catch (IOException e) {
      failure = "could not run (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      rollBack(backup, diff, "the recheck was interrupted");
      throw e;
    }
    // What every run of the tests left, the second one's too; the roll-back puts back only the change's files.
    leftovers(untrackedBefore).ifPresent(note);
    return new Outcome(rollBack(backup, diff, verify.command() + " " + failure + " in your working tree (log: " + log
        + ") although it passed in the attempt's worktree"), true);
  }

  /**
   * The recheck's environment: for a test command that tests only what changed (a JavaScript workspace's,
   * NodeWorkspace), {@code ACR_SNAPSHOT} names a commit of the user's tree as it is before the patch, so the
   * patch is what differs from it; a fix that restores the committed file differs from no commit otherwise.
   */
  private Map<String, String> recheckEnvironment() {
    if (!recheck || verify == null || !verify.command().contains(Isolation.SNAPSHOT)) {
      return environment;
    }
    Map<String, String> env = new java.util.HashMap<>(environment == null ? System.getenv() : environment);
    try {
      env.put(Isolation.SNAPSHOT, isolation.snapshot(env).commit());
    } catch (GitException e) {
      note.accept("recheck: could not snapshot your tree before applying (" + e.getMessage() + "); it tests what differs from your last commit");
    }
    return env;
  }

  /**
   * The untracked, not ignored files and folders of the user's tree (a folder untracked as a whole as one
   * entry), or null when git cannot say.
   */
  private Set<String> untracked() {
    try {
      String z = Git.run(isolation.root(), "-c", "core.quotePath=false", "ls-files", "--others", "--exclude-standard",
          "--directory", "--no-empty-directory", "-z");
      return Arrays.stream(z.split("\0")).filter(f -> !f.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    } catch (GitException e) {
      return null;
    }
  }

  /**
   * A note on what the recheck's own test run left in the user's tree (a .phpunit.result.cache, a test binary a
   * Makefile builds, a Coq .d file) where the project does not ignore it: acr never deletes the user's files,
   * and one the user made meanwhile looks the same, so it only names them.
   */
  private Optional<String> leftovers(Set<String> before) {
    Set<String> after = before == null ? null : untracked();
    if (after == null) {
      return Optional.empty();
    }
    after.removeAll(before);
    if (after.isEmpty()) {
      return Optional.empty();
    }
    List<String> names = after.stream().limit(LEFTOVERS_NAMED).toList();
    String more = after.size() > names.size() ? " and " + (after.size() - names.size()) + " more" : "";
    return Optional.of("recheck: your tests left " + after.size() + " untracked " + (after.size() == 1 ? "file" : "files")
        + " in your working tree that the change did not make: " + String.join(", ", names) + more
        + " (outputs of the test run; acr leaves them: delete them or add them to .gitignore)");
  }

  private ApplyResult rollBack(TreeBackup backup, Diff diff, String why) {
    try {
      backup.restore();
    } catch (IOException e) {
      return notApplied(diff, why + ". Putting your files back failed: " + e.getMessage()
          + ". Copies of your files as they were before the apply are in " + backup.dir());
    }
    return notApplied(diff, why + ", so acr put your working tree back exactly as it was before the apply"
        + " (rerun with --no-recheck to skip this check)");
  }

  private ApplyResult applyOrExplain(Diff diff) {
    try {
      return isolation.applyToUser(diff);
    } catch (GitException e) {
      return notApplied(diff, "could not apply the verified change: " + e.getMessage());
    }
  }

  /** A refusal that says where the patch is and how to apply it later. */
  private ApplyResult notApplied(Diff diff, String why) {
    return new ApplyResult(false, diff.patch(), diff.changedFiles(), why + ".\nThe patch is kept at " + diff.patch()
        + "\nTo apply it later: cd " + isolation.root() + " && git apply " + diff.patch());
  }
}
