package dev.acr.context;

/**
 * Reading a pasted issue or task statement ({@code acr "$(gh issue view 123)"}) for its words:
 * template comments go, and so does everything that is code or program output rather than the
 * author's words (fenced and indented blocks, tracebacks, doctest and shell sessions, error lines,
 * inline code, links). An issue about a FITS table in a numerical library mentions columns and
 * arrays in every snippet; those words name the code's domain, not what the author wants done.
 * The signatures in the removed parts (a traceback, an exception name) are still read, from the
 * text with only comments removed. Plain loops, no regular expressions: this runs at every start.
 */
final class IssueText {

  private IssueText() {}

  /** The text without {@code <!-- ... -->} comments (issue templates are full of them). */
  static String withoutComments(String s) {
    int open = s.indexOf("<!--");
    if (open < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int from = 0;
    while (open >= 0) {
      out.append(s, from, open);
      int close = s.indexOf("-->", open + 4);
      if (close < 0) {
        return out.toString();
      }
      from = close + 3;
      open = s.indexOf("<!--", from);
    }
    return out.append(s, from, s.length()).toString();
  }

  /** The text without fenced code blocks (``` or ~~~ lines and what is between them). */
  static String withoutFences(String s) {
    if (!s.contains("```") && !s.contains("~~~")) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean inFence = false;
    for (String line : s.split("\n", -1)) {
      String t = line.strip();
      if (t.startsWith("```") || t.startsWith("~~~")) {
        inFence = !inFence;
        out.append('\n');
      } else if (!inFence) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * Shaped like an issue even when short: a title line, then at least two more lines of body
   * (sections, a description), in all over {@value #TITLED_BODY} characters.
   */
  static boolean hasTitleAndBody(String s) {
    if (s.length() <= TITLED_BODY) {
      return false;
    }
    int lines = 0;
    for (String line : s.split("\n")) {
      if (!line.isBlank()) {
        lines++;
      }
    }
    String first = s.strip();
    int end = first.indexOf('\n');
    return lines >= 3 && end > 0 && end <= 120;
  }

  static final int TITLED_BODY = 160;

  /** The first non-blank line without markdown heading marks, cut at a sentence if very long. */
  static String title(String s) {
    for (String line : s.split("\n")) {
      String t = line.strip();
      while (t.startsWith("#") || t.startsWith("*")) {
        t = t.substring(1).strip();
      }
      if (t.endsWith("**")) {
        t = t.substring(0, t.length() - 2).strip();
      }
      if (t.isEmpty()) {
        continue;
      }
      if (t.length() > 200) {
        int stop = t.indexOf(". ");
        t = stop > 0 && stop < 200 ? t.substring(0, stop) : t.substring(0, 200);
      }
      return t;
    }
    return "";
  }

  /** The author's words: no code blocks, output, tracebacks, inline code or links. */
  static String prose(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (String line : withoutFences(s).split("\n")) {
      if (!isCodeOrOutput(line)) {
        out.append(withoutInlineCodeAndLinks(line)).append('\n');
      }
    }
    return out.toString();
  }

  /** A line that is code, a session or program output rather than sentences. */
  static boolean isCodeOrOutput(String line) {
    if (line.startsWith("    ") || line.startsWith("\t")) {
      return true;
    }
    String t = line.strip();
    if (t.isEmpty()) {
      return false;
    }
    if (t.startsWith(">>>") || t.startsWith("...") || t.startsWith("$ ") || t.startsWith("In [")
        || t.startsWith("Out[") || t.startsWith("File \"") || t.startsWith("Traceback")
        || t.startsWith("import ") || t.startsWith("from ") && t.contains(" import ")
        || t.startsWith("def ") || t.startsWith("class ") && t.endsWith(":")) {
      return true;
    }
    char last = t.charAt(t.length() - 1);
    if (last == ';' || last == '{' || last == '}' || last == ')' && t.indexOf(' ') < 0) {
      return true;
    }
    if (looksLikeErrorLine(t)) {
      return true;
    }
    // Mostly symbols: assignments, calls, tables of numbers.
    int symbols = 0;
    int letters = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
      } else if ("()[]{}=<>;_|+*/\\".indexOf(c) >= 0 || Character.isDigit(c)) {
        symbols++;
      }
    }
    return symbols > letters;
  }

  /** "ValueError: ...", "E   AssertionError", "error[E0308]: ...": output, not the author's words. */
  private static boolean looksLikeErrorLine(String t) {
    int colon = t.indexOf(':');
    if (colon <= 0 || colon > 60) {
      return false;
    }
    String name = t.substring(t.startsWith("E ") ? 1 : 0, colon).strip();
    int dot = name.lastIndexOf('.');
    String simple = dot >= 0 ? name.substring(dot + 1) : name;
    return simple.indexOf(' ') < 0
        && (simple.endsWith("Error") || simple.endsWith("Exception") || simple.endsWith("Warning"));
  }

  /** Backtick spans and links become "x": their words are names and addresses, not the topic. */
  private static String withoutInlineCodeAndLinks(String line) {
    if (line.indexOf('`') < 0 && !line.contains("http")) {
      return line;
    }
    StringBuilder out = new StringBuilder(line.length());
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '`') {
        int close = line.indexOf('`', i + 1);
        if (close > 0) {
          out.append('x');
          i = close + 1;
          continue;
        }
      } else if (line.startsWith("http://", i) || line.startsWith("https://", i)) {
        int end = i;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && line.charAt(end) != ')') {
          end++;
        }
        out.append('x');
        i = end;
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }
}
