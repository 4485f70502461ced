package dev.acr.live;

import dev.acr.git.DirSnapshot;
import dev.acr.git.GitException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code --in-place} outside git: the directory is snapshotted before anything runs in it, and put
 * back after every attempt that is not verified (failed, timed out, interrupted, no verifier), as
 * an attempt's worktree is thrown away in a git repository. A verified attempt's edits stay.
 */
public final class InPlace {
  /** How an attempt's note starts when its edits could not be undone; the closing line reads it. */
  static final String NOT_RESTORED = "could not restore ";

  private InPlace() {}

  /** The snapshot of {@code req}'s directory, leaving acr's own files in it alone. */
  static DirSnapshot snapshot(RunRequest req, AcrPaths paths, Consumer<String> note) throws UsageError {
    try {
      DirSnapshot s = DirSnapshot.take(req.workdir(), List.of(paths.home(), paths.memory(), paths.runs()));
      note.accept("--in-place: attempts run directly in " + req.workdir() + "; acr took a snapshot and puts the"
          + " files back after an attempt that is not verified");
      return s;
    } catch (GitException e) {
      throw new UsageError("cannot snapshot " + req.workdir() + " for --in-place, so nothing was run: " + e.getMessage());
    }
  }

  /**
   * Undoes attempt {@code n}'s edits. Runs with the interrupt flag held back (git would refuse to
   * start on an interrupted thread); a failure is said at once and kept in the attempt's note.
   */
  static void restore(DirSnapshot s, int n, Map<Integer, AttemptArtifacts> artifacts, Consumer<String> note) {
    boolean interrupted = Thread.interrupted();
    try {
      s.restore();
      note.accept("--in-place: attempt " + n + " was not verified; restored " + s.dir() + " as it was");
    } catch (GitException e) {
      String why = NOT_RESTORED + s.dir() + " after this attempt (" + e.getMessage() + "); its edits may remain";
      note.accept("attempt " + n + ": " + why);
      AttemptArtifacts a = artifacts.get(n);
      Path dir = a == null ? null : a.dir();
      artifacts.put(n, new AttemptArtifacts(n, dir, a == null ? null : a.diff(), a == null ? null : a.verifyTail(), why,
          a == null ? 0 : a.testsMs()));
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** True unless some attempt's edits could not be undone. */
  public static boolean allRestored(List<AttemptArtifacts> artifacts) {
    return artifacts.stream().noneMatch(a -> a != null && a.note() != null && a.note().startsWith(NOT_RESTORED));
  }
}
