package dev.acr.exec;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a reader, each at most {@code maxChars} long; a longer line comes back as "" (its
 * content is skipped, never held). {@link java.io.BufferedReader#readLine()} would build a 200 MB
 * line in memory if an agent printed one.
 */
final class BoundedLines {

  private final Reader in;
  private final int maxChars;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int end;

  BoundedLines(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** The next line without its terminator, "" if it was too long, null at the end. */
  String next() throws IOException {
    StringBuilder line = new StringBuilder();
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (pos == end) {
        end = in.read(buf);
        pos = 0;
        if (end <= 0) {
          end = 0;
          return !any ? null : tooLong ? "" : line.toString();
        }
      }
      any = true;
      int start = pos;
      while (pos < end && buf[pos] != '\n') {
        pos++;
      }
      int count = pos - start;
      if (!tooLong && line.length() + count > maxChars) {
        tooLong = true;
        line = new StringBuilder();
      }
      if (!tooLong) {
        line.append(buf, start, count);
      }
      if (pos < end) {
        pos++; // the newline
        return tooLong ? "" : line.toString();
      }
    }
  }
}
