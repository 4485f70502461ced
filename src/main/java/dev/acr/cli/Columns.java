package dev.acr.cli;

import java.util.Map;

/**
 * How wide acr's tables and help may be: {@code COLUMNS} when it is set (as ls and git take it,
 * and how a script asks for a width), else the width of the terminal stdout writes to, which jline
 * reads ({@link Tty#stdoutWidth}); none when stdout is a pipe or a file and COLUMNS is not set.
 */
final class Columns {
  private Columns() {}

  /** COLUMNS as a positive number, or null when it is not set or not a number. */
  static Integer variable(Map<String, String> vars) {
    String columns = vars.get("COLUMNS");
    if (columns != null) {
      try {
        int c = Integer.parseInt(columns.trim());
        return c > 0 ? c : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** The width to fit, or 0 when there is none to fit (stdout is not a terminal, COLUMNS not set). */
  static int of(Env env) {
    Integer c = variable(env.vars());
    return c != null ? c : env.tty().stdoutWidth();
  }
}
