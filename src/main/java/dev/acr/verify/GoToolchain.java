package dev.acr.verify;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A go older than the one the module's go.mod asks for: {@code go test} stops before compiling any
 * test, and every agent's attempt would end the same way. junegunn/fzf ({@code go 1.23.0}) and
 * jesseduffield/lazygit ({@code go 1.25.0}, {@code tool} and {@code ignore} directives) under
 * Debian 12's go 1.19 exit 1 with "errors parsing go.mod", which acr read as tests failing.
 */
final class GoToolchain {
  private GoToolchain() {}

  /** Go before 1.21: {@code go.mod:3: invalid go version '1.25.0': must match format 1.23}. */
  private static final Pattern INVALID_VERSION = Pattern.compile("go\\.mod:\\d+: invalid go version '([^']+)': must match format");

  /** Go before 1.21 on directives newer than it: {@code go.mod:80: unknown directive: tool}. */
  private static final Pattern UNKNOWN_DIRECTIVE = Pattern.compile("go\\.mod:\\d+: unknown directive: (toolchain|tool|ignore|godebug)$");

  /** Go 1.21 and later: {@code go: go.mod requires go >= 1.25.0 (running go 1.22.2; GOTOOLCHAIN=local)}. */
  private static final Pattern REQUIRES = Pattern.compile("go\\.mod requires go >= (\\S+) \\(running go (\\S+?);");

  /** Go 1.21 and later fetching the toolchain go.mod names: {@code go: download go1.25.0 for linux/amd64: ...}. */
  private static final Pattern DOWNLOAD = Pattern.compile("^go: download go(\\S+) for \\S+: (.+)$");

  private static final String TODO = " or newer (go.dev/dl; the go on PATH is what acr runs) or name another test command";

  static Optional<CannotRun.Why> check(List<String> output) {
    String wanted = null;
    boolean newerDirective = false;
    for (String raw : output) {
      String line = raw.strip();
      Matcher m;
      if ((m = REQUIRES.matcher(line)).find()) {
        return Optional.of(new CannotRun.Why("go.mod requires go " + m.group(1) + " or newer, and this is go " + m.group(2),
            "install Go " + m.group(1) + TODO));
      }
      if ((m = DOWNLOAD.matcher(line)).find()) {
        return Optional.of(new CannotRun.Why("go could not download Go " + m.group(1) + ", which go.mod asks for (" + m.group(2) + ")",
            "install Go " + m.group(1) + TODO));
      }
      if ((m = INVALID_VERSION.matcher(line)).find()) {
        wanted = m.group(1);
      } else if (UNKNOWN_DIRECTIVE.matcher(line).find()) {
        newerDirective = true;
      }
    }
    if (wanted == null && !newerDirective) {
      return Optional.empty();
    }
    String version = wanted == null ? "the version go.mod names" : wanted;
    return Optional.of(new CannotRun.Why("the go on PATH is too old to read go.mod (it asks for go " + version + ")",
        "install Go " + version + TODO));
  }
}
