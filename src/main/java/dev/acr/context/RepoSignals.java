package dev.acr.context;

import dev.acr.config.RepoConfig;
import dev.acr.verify.VerifyCommand;
import java.nio.file.Path;

/**
 * What acr knows about the repository before routing: where it is, whether git manages it (and
 * so whether attempts can be isolated), its branch (null when detached or not git), how many
 * paths {@code git status} lists as changed (an untracked directory's files each count), the
 * nearest package's language (null when unknown) and verify command (null when none was found),
 * the package's folder ({@code packageDir}, where the agent and the tests run; the root when no
 * package was found), the manifest that made it a package ({@code packageMarker}, null when none)
 * and the {@code .acr/config.json} that applies, read ({@code repoConfig}, {@link RepoConfig#NONE} when none). When the
 * nearest package has no test command and an enclosing one's is used, {@code nearestWithoutTests}
 * is the nearest package's root-relative path (else null).
 */
public record RepoSignals(
    Path root,
    boolean git,
    String branch,
    boolean dirty,
    int changedFiles,
    String language,
    VerifyCommand verify,
    Path packageDir,
    String packageMarker,
    RepoConfig repoConfig,
    String nearestWithoutTests) {

  /** Without package information: the root is the package (tests and older callers). */
  public RepoSignals(
      Path root, boolean git, String branch, boolean dirty, int changedFiles, String language, VerifyCommand verify) {
    this(root, git, branch, dirty, changedFiles, language, verify, root, null, RepoConfig.NONE, null);
  }

  /** Where the test command runs: the package folder, else the repository's top. */
  public Path testsDir() {
    return packageDir == null ? root : packageDir;
  }

  /** The package folder relative to the root: "" for the root itself, else like {@code packages/web}. */
  public String packagePath() {
    return packageDir == null || !packageDir.startsWith(root) ? "" : root.relativize(packageDir).toString();
  }
}
