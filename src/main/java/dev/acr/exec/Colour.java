package dev.acr.exec;

import java.util.regex.Pattern;

/** Terminal colour codes in a program's output: tools colour their lines even into a pipe (Vitest, Maven). */
public final class Colour {
  private static final Pattern CODES = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");

  private Colour() {}

  /** {@code line} without its colour and cursor codes, so patterns read the words. */
  public static String strip(String line) {
    return CODES.matcher(line).replaceAll("");
  }
}
