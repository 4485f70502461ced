package dev.acr.context;

import dev.acr.verify.VerifyCommand;
import java.nio.file.Path;

/**
 * What acr knows about the repository before routing: where it is, whether git manages it (and
 * so whether attempts can be isolated), its branch (null when detached or not git), how many
 * paths {@code git status} lists as changed (an untracked directory's files each count), its main
 * language (null when unknown) and the verify command (null when none was found).
 */
public record RepoSignals(
    Path root,
    boolean git,
    String branch,
    boolean dirty,
    int changedFiles,
    String language,
    VerifyCommand verify) {}
