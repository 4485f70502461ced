package dev.acr.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the version out of what a CLI prints for {@code --version} ({@code codex-cli 0.169.0},
 * {@code 2.1.330 (Claude Code)}, {@code 1.18.33}) and compares it with a tool's {@code
 * checked_versions}.
 */
public final class CliVersions {
  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+(?:\\.\\d+)?(?:-[0-9A-Za-z.]+)?");

  private CliVersions() {}

  /** The first version-looking word of {@code versionLine}, if any. */
  public static Optional<String> parse(String versionLine) {
    if (versionLine == null) {
      return Optional.empty();
    }
    Matcher m = VERSION.matcher(versionLine);
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }

  /**
   * The versions {@code tool}'s template was checked against: its own {@code checked_versions},
   * else those of the bundled tool with the same name and the same command (a user config copied
   * from the shipped one inherits its checks; a changed command does not).
   */
  public static List<String> checkedFor(ToolSpec tool, ToolsConfig bundled) {
    if (!tool.checkedVersions().isEmpty() || bundled == null) {
      return tool.checkedVersions();
    }
    for (ToolSpec b : bundled.tools()) {
      if (b.name().equals(tool.name()) && b.command().equals(tool.command())) {
        return b.checkedVersions();
      }
    }
    return List.of();
  }
}
