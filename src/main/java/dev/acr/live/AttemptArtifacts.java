package dev.acr.live;

import dev.acr.git.Diff;
import java.nio.file.Path;
import java.util.List;

/**
 * What one live attempt left in its run directory: the agent's logs, the patch of what it
 * changed (kept for failed attempts too), the tail of the verify output and how long the tests
 * took ({@code testsMs}, 0 when none ran): memory keeps the agent's time, the summary shows both.
 */
public record AttemptArtifacts(int attempt, Path dir, Diff diff, String verifyTail, String note, long testsMs) {

  /** An attempt whose tests did not run. */
  public AttemptArtifacts(int attempt, Path dir, Diff diff, String verifyTail, String note) {
    this(attempt, dir, diff, verifyTail, note, 0);
  }

  public Path patch() {
    return diff == null ? null : diff.patch();
  }

  public List<String> changedFiles() {
    return diff == null ? List.of() : diff.changedFiles();
  }
}
