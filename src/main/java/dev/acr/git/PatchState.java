package dev.acr.git;

import java.nio.file.Path;
import java.util.Map;

/** Where a kept patch stands against a working tree, for {@code acr apply}. Reads only (git apply --check). */
public final class PatchState {

  private PatchState() {}

  /**
   * Whether the working tree at {@code root} already holds {@code patch}: it does not apply, but its
   * reverse does (applied before, by acr apply or by hand).
   */
  public static boolean alreadyApplied(Path root, Path patch) throws GitException {
    return !check(root, patch, false) && check(root, patch, true);
  }

  private static boolean check(Path root, Path patch, boolean reverse) throws GitException {
    return reverse
        ? Git.tryRun(root, Map.of(), "apply", "--check", "--reverse", "--binary", "--whitespace=nowarn", patch.toString()).ok()
        : Git.tryRun(root, Map.of(), "apply", "--check", "--binary", "--whitespace=nowarn", patch.toString()).ok();
  }
}
