package dev.acr.cli;

import java.util.Map;
import picocli.CommandLine.Help.Ansi;

/** Whether to colour output: only on a terminal, never with NO_COLOR or TERM=dumb. */
final class Terminal {
  private Terminal() {}

  static Ansi ansi(Map<String, String> env) {
    if (env.containsKey("NO_COLOR") || "dumb".equals(env.get("TERM")) || System.console() == null) {
      return Ansi.OFF;
    }
    return Ansi.ON;
  }
}
