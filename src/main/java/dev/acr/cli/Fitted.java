package dev.acr.cli;

import java.io.PrintWriter;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A writer whose lines wrap at the terminal's width with a hanging indent, for output laid out as
 * {@code label  text} lines (the dry run's decision, doctor's checks, a run's closing lines): a line
 * that wraps continues under its text, not at the left margin under the labels. Breaks are made at
 * spaces only, so a path or a command's word stays whole (and can be copied) even when it is wider
 * than the room left for it. The width is asked for at each long line, so output that fits any
 * terminal never probes one; with no width (a pipe, a file) lines pass through as they are.
 */
final class Fitted extends PrintWriter {
  /** A label of one or more words, then two or more spaces: the text starts after them ({@code "ok    "}, {@code "first run  "}). */
  private static final Pattern LABEL = Pattern.compile("^(\\S+(?: \\S+)* {2,})\\S");
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
  /** No terminal is narrower than this one; below it nothing is wrapped. */
  private static final int NARROWEST = 20;

  private final PrintWriter to;
  private final IntSupplier width;
  private Fitted(PrintWriter to, IntSupplier width) {
    super(to, true);
    this.to = to;
    this.width = width;
  }

  /** {@code to}, wrapping at {@code width} (asked when a line may need it; 0: do not wrap). */
  static PrintWriter to(PrintWriter to, IntSupplier width) {
    return new Fitted(to, width);
  }

  @Override
  public void println(String line) {
    String s = line == null ? "null" : line;
    int columns = s.length() <= NARROWEST || s.indexOf('\n') >= 0 ? 0 : width();
    if (columns < NARROWEST) {
      to.println(s);
      return;
    }
    wrap(s, columns);
  }

  /** Asked again for each long line: a terminal may be resized while a shell session or a run goes on. */
  private int width() {
    return Math.max(0, width.getAsInt());
  }

  private void wrap(String line, int columns) {
    String plain = ANSI.matcher(line).replaceAll("");
    if (plain.length() <= columns) {
      to.println(line);
      return;
    }
    int indent = hanging(plain, columns);
    StringBuilder current = new StringBuilder();
    int visible = 0;
    String[] words = line.split(" ", -1);
    for (int i = 0; i < words.length; i++) {
      int w = ANSI.matcher(words[i]).replaceAll("").length();
      if (i > 0) {
        // A word that does not fit starts the next line, unless the line holds nothing but its indent yet.
        if (w > 0 && visible + 1 + w > columns && visible > indent) {
          to.println(current.toString().stripTrailing());
          current.setLength(0);
          current.append(" ".repeat(indent)).append(words[i]);
          visible = indent + w;
          continue;
        }
        current.append(' ');
        visible++;
      }
      current.append(words[i]);
      visible += w;
    }
    to.println(current.toString().stripTrailing());
  }

  /**
   * Where a wrapped line continues: under the text after a label ({@code "warn  tool x: ..."}), two
   * further in than an indented line ({@code "  evidence: ..."}), else two in; never past half the width.
   */
  private static int hanging(String plain, int columns) {
    Matcher m = LABEL.matcher(plain);
    int at;
    if (m.find()) {
      at = m.group(1).length();
    } else {
      int lead = 0;
      while (lead < plain.length() && plain.charAt(lead) == ' ') {
        lead++;
      }
      at = lead + 2;
    }
    return Math.min(at, columns / 2);
  }

  @Override
  public void println() {
    to.println();
  }

  @Override
  public void flush() {
    to.flush();
  }
}
