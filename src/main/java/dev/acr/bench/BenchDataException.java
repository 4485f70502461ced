package dev.acr.bench;

import java.util.List;

/**
 * Bad benchmark or memory input. Each problem reads {@code file:line: what}; the CLI prints the
 * first one (and how many more) and exits 2.
 */
public final class BenchDataException extends Exception {
  private final List<String> problems;

  public BenchDataException(List<String> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public static BenchDataException of(String file, long line, String what) {
    return new BenchDataException(List.of(at(file, line, what)));
  }

  /** Formats one problem; line 0 means the file as a whole. */
  public static String at(String file, long line, String what) {
    return line > 0 ? file + ":" + line + ": " + what : file + ": " + what;
  }

  public List<String> problems() {
    return problems;
  }

  private static String summary(List<String> problems) {
    if (problems.isEmpty()) {
      return "bad input";
    }
    String first = problems.get(0);
    return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problems)";
  }
}
