package dev.acr.config;

import com.fasterxml.jackson.core.JsonLocation;

/**
 * A tool-config problem, with a one-line message. Syntax and schema errors read {@code
 * file:line:column: what}.
 */
public class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(oneLine(message));
  }

  public ConfigException(String message, Throwable cause) {
    super(oneLine(message), cause);
  }

  /** {@code source:line:column: what}; the location part is dropped when unknown. */
  public static ConfigException at(String source, JsonLocation loc, String what) {
    if (loc == null || loc.getLineNr() < 1) {
      return new ConfigException(source + ": " + what);
    }
    int col = Math.max(1, loc.getColumnNr());
    return new ConfigException(source + ":" + loc.getLineNr() + ":" + col + ": " + what);
  }

  /** {@code source:line:column: what}. */
  public static ConfigException at(String source, int line, int column, String what) {
    return new ConfigException(source + ":" + line + ":" + column + ": " + what);
  }

  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
  }
}
