package dev.acr.live;

import dev.acr.config.ConfigLoader;
import dev.acr.config.ToolAccess;
import dev.acr.config.ToolSpec;
import dev.acr.config.ToolsConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A tool, or some of its routes ({@code routes}, e.g. {@code opencode:*}), that cannot run, why
 * ({@code reason}: "not installed", or an infra reason such as "not signed in" or "quota"), until
 * when when that is known, and what fixes it. What the dry run lists as skipped and what acr
 * prints, one line per tool, when nothing could run (exit 3). {@code missingPrefix} (null when
 * none) says which prefix switcher is missing when that, not the tool, is what is not installed.
 */
public record Unavailable(String tool, String routes, String reason, Instant until, String missingPrefix) {

  public Unavailable(String tool, String routes, String reason, Instant until) {
    this(tool, routes, reason, until, null);
  }

  public static final String NOT_INSTALLED = "not installed";

  /**
   * "skipping opencode:* until 22:10: quota", as the dry run says it; with the fix when it is
   * the user's to make (installing).
   */
  public String skipping(ToolsConfig config, ZoneId zone, java.nio.file.Path cooldownFile) {
    return "skipping " + routes + (until == null ? "" : " until " + time(until, zone)) + ": " + reason
        + (NOT_INSTALLED.equals(reason) ? " — " + fix(config, zone, cooldownFile) : "");
  }

  /** "codex: not signed in — run 'codex login' or set CODEX_API_KEY": what to fix, one line. */
  public String fixLine(ToolsConfig config, ZoneId zone, java.nio.file.Path cooldownFile) {
    return tool + ": " + reason + " — " + fix(config, zone, cooldownFile);
  }

  private String fix(ToolsConfig config, ZoneId zone, java.nio.file.Path cooldownFile) {
    ToolSpec t = config.tool(tool).orElse(null);
    ToolAccess access = t == null ? ToolAccess.NONE : t.access();
    return switch (reason) {
      case NOT_INSTALLED -> missingPrefix != null ? missingPrefix
          : t != null && t.install() != null ? "install it with: " + t.install() : "put it on PATH";
      case "not signed in" -> access.signInFix();
      case "network" -> "it could not reach its provider: check the network connection and any proxy, then run again";
      case "quota", "rate limit" -> "acr skips " + routes + " until " + (until == null ? "it resets" : time(until, zone))
          + "; wait, use another tool, or delete " + cooldownFile + " to try sooner";
      case "unknown model" -> "the provider does not know the model: fix its \"arg\" in "
          + (ConfigLoader.BUNDLED_SOURCE.equals(config.source())
              ? "a copy of the bundled tools.example.json saved as ~/.config/acr/tools.json" : config.source())
          + " or pick another route; when the tool knows none of its models, its own list of models may be out of date"
          + " or may not have downloaded (check the network)";
      case "provider error" -> "the provider failed on its side; try again later";
      default -> "see what it printed in the attempt's log (acr explain last shows where)";
    };
  }

  /** HH:mm today, else the date too: the user reads it on their own clock. */
  static String time(Instant at, ZoneId zone) {
    ZonedDateTime t = at.atZone(zone);
    boolean today = t.toLocalDate().equals(LocalDate.now(zone));
    return t.format(DateTimeFormatter.ofPattern(today ? "HH:mm" : "yyyy-MM-dd HH:mm"));
  }
}
