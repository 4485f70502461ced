package dev.acr.live;

import dev.acr.git.Diff;
import java.nio.file.Path;
import java.util.List;

/**
 * What one live attempt left in its run directory: the agent's logs, the patch of what it
 * changed (kept for failed attempts too), and the tail of the verify output.
 */
public record AttemptArtifacts(int attempt, Path dir, Diff diff, String verifyTail, String note) {

  public Path patch() {
    return diff == null ? null : diff.patch();
  }

  public List<String> changedFiles() {
    return diff == null ? List.of() : diff.changedFiles();
  }
}
