package dev.acr.context;

import java.util.regex.Pattern;

/**
 * Code pasted into a prompt that is not finished: it stops mid-block (an open brace, a dangling
 * operator, a query cut at ON), at an opening bracket, or its body is a placeholder. A snippet
 * like that is an implicit "continue this", whatever words come with it.
 */
final class UnfinishedCode {

  private UnfinishedCode() {}

  /** Last line of a pasted snippet that stops mid-construct: an open block, a dangling comment. */
  private static final Pattern TRUNCATED_TAIL =
      Pattern.compile("(?:[{(\\[:,=]|\\b(?:and|then|\\+|&&|\\|\\|)|^\\s*(?://|#)[^\\n]*"
          + "|\\b(?i:on|where|join|from|select|group by|order by|or|set|values))\\s*$");

  /**
   * A pasted snippet whose last line is a placeholder body: {@code ...}, {@code pass}, a docstring,
   * an empty block, a comment that only says "..." or TODO (then perhaps the block's closing
   * brace). Each language's "not written yet", where the snippet ends.
   */
  private static final Pattern EMPTY_BODY =
      Pattern.compile("(?:^|\\n)[ \\t]*(?:(?://|#|--|/\\*)[ \\t]*(?:\\.\\.\\.|\u2026|(?i:todo)\\b[^\\n]*)|\\.\\.\\.|\u2026|pass"
          + "|\\{\\s*\\}|(?:\"\"\"|''')[^\\n]*)\\s*\\}?\\s*$"
          + "|\\{[ \\t]*\\n\\s*\\}\\s*$" // a signature's block opened and closed empty: "f(a) {\n}"
          // or holding only comments, which say what it should do: "f(a) {\n  // sort by name\n}"
          + "|\\{[ \\t]*\\n(?:[ \\t]*(?://|#)[^\\n]*\\n)+[ \\t]*\\}\\s*$");

  private static final Pattern SQL = Pattern.compile("(?i)\\b(?:from|join|where|group by|values)\\b");

  /** A line of code by its end: a statement's semicolon or a block's opening brace. */
  private static final Pattern CODE_LINE = Pattern.compile("[;{]\\s*$");

  /** A Python def or class header, its body not written: "def fib(n):", "def f(x) -> int:". */
  private static final Pattern OPEN_HEADER = Pattern.compile("(?m)^[ \\t]*(?:async )?(?:def|class) \\w+.*:\\s*\\z");

  /** One line of code that stops at an opening bracket: "df.groupby('city')[". */
  private static final Pattern OPEN_BRACKET_END = Pattern.compile("[\\w)\\]'\"]\\s*[(\\[{]\\s*$");

  /** Why {@code prompt} reads as unfinished code (evidence for completion), or null. */
  static String cue(String prompt) {
    String raw = prompt.stripTrailing();
    int firstNewline = raw.indexOf('\n');
    if (firstNewline < 0) {
      boolean code = raw.contains(".") || raw.contains("(");
      return code && OPEN_BRACKET_END.matcher(raw).find() ? "code stops at an open bracket" : null;
    }
    String code = raw.substring(firstNewline + 1);
    // Indented code, or a query pasted flush left ("SELECT … FROM …").
    // Or a block opened at a line's end and closed flush left: "function chunk(…) {\n}".
    // Or a declaration left open at the snippet's end: "class Circle implements Shape {".
    // Or a Python header left without its body at the end: "def fib(n):".
    // A first line that is itself code ("let mut total = 0;") needs no call in it.
    boolean codeFirst = CODE_LINE.matcher(raw.substring(0, firstNewline)).find();
    boolean looksLikeCode = (raw.contains("(") || codeFirst) && (code.contains("    ") || code.contains("\t")
        || SQL.matcher(code).find() || raw.contains("{\n") || raw.endsWith("{") || OPEN_HEADER.matcher(raw).find());
    if (!looksLikeCode) {
      return null;
    }
    int open = 0;
    int close = 0;
    for (int i = 0; i < code.length(); i++) {
      open += code.charAt(i) == '{' ? 1 : 0;
      close += code.charAt(i) == '}' ? 1 : 0;
    }
    String lastLine = raw.substring(raw.lastIndexOf('\n') + 1);
    if (open > close || TRUNCATED_TAIL.matcher(lastLine).find()) {
      return "pasted code stops mid-block";
    }
    return EMPTY_BODY.matcher(raw).find() ? "pasted code with a placeholder body" : null;
  }
}
