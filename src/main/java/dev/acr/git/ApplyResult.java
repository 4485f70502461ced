package dev.acr.git;

import java.nio.file.Path;
import java.util.List;

/**
 * Whether an attempt's patch landed in the user's working tree. When {@code applied} is false
 * nothing was modified and {@code message} says why and how to apply {@code patch} by hand.
 */
public record ApplyResult(boolean applied, Path patch, List<String> files, String message) {
  public ApplyResult {
    files = List.copyOf(files);
  }
}
