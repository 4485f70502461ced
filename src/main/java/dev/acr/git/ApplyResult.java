package dev.acr.git;

import java.nio.file.Path;
import java.util.List;

/**
 * Whether an attempt's patch landed in the user's working tree. When {@code applied} is false
 * nothing was modified and {@code message} says why and how to apply {@code patch} by hand;
 * {@code retryable} says whether {@code acr apply} could do it later (once the tree allows), or
 * would refuse the same way (a change inside a submodule).
 */
public record ApplyResult(boolean applied, Path patch, List<String> files, String message, boolean retryable) {
  public ApplyResult {
    files = List.copyOf(files);
  }

  public ApplyResult(boolean applied, Path patch, List<String> files, String message) {
    this(applied, patch, files, message, true);
  }
}
