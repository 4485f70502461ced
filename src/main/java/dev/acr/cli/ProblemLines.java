package dev.acr.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Unreadable memory lines on stderr ({@code acr: FILE:LINE: ...}): the first few one by one, the
 * rest as a count, so a wrong file does not flood the terminal.
 */
final class ProblemLines implements Consumer<String> {
  private final PrintWriter err;
  private final int listed;
  private long seen;

  ProblemLines(PrintWriter err, int listed) {
    this.err = err;
    this.listed = listed;
  }

  @Override
  public void accept(String problem) {
    if (seen++ < listed) {
      err.println("acr: " + problem);
    }
  }

  /** Says how many were not listed, if any. */
  void finish() {
    if (seen > listed) {
      err.println("acr: ... and " + (seen - listed) + " more unreadable line(s)");
    }
  }
}
