package dev.acr.git;

import java.nio.file.Path;
import java.util.List;

/**
 * What one attempt changed relative to its {@link Snapshot}: a binary-safe patch file (written
 * even when empty, so every attempt's run dir has one) and the repository-relative paths it
 * touches.
 */
public record Diff(Path patch, List<String> changedFiles, boolean empty) {
  public Diff {
    changedFiles = List.copyOf(changedFiles);
  }
}
