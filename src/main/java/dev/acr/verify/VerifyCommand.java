package dev.acr.verify;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * How to check an attempt: {@code command} is a shell string run with {@code sh -c} in the
 * attempt's directory; {@code source} says where it came from ({@code --verify}, {@code
 * .acr/config.json}, {@code detected: pom.xml}, ...) so the user can tell why it ran.
 */
public record VerifyCommand(String command, String source) {
  public VerifyCommand {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(source, "source");
  }

  /**
   * The quote a command the user wrote leaves open ({@code '}, {@code "} or a backquote), or 0 when each is closed: sh
   * cannot run such a command at all ({@code Syntax error: Unterminated quoted string}, exit 2), which the baseline read as
   * tests failing, as expected before a fix, and every attempt then failed on it (a stray quote in
   * {@code --verify "'npm run test:node"}). sh's rules: a backslash escapes outside single quotes, a {@code #} that starts a
   * word starts a comment, and a command substitution in double quotes, {@code "$(node -p "require('./x').y")"}, quotes
   * on its own until its {@code )}.
   */
  static char unclosedQuote(String command) {
    // Innermost first: the quotes open (', " or a backquote) and '(' for each $( (and parenthesis in it) a double quote holds.
    Deque<Character> open = new ArrayDeque<>();
    boolean wordStart = true;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      char in = open.isEmpty() ? 0 : open.peek();
      if (in == '\'') {
        if (c == '\'') {
          open.pop();
        }
      } else if (c == '\\') {
        i++;
      } else if (in == '"' && c == '$' && command.startsWith("(", i + 1) || in == '(' && c == '(') {
        open.push('(');
        i += c == '$' ? 1 : 0;
      } else if (in == '(' && c == ')' || in != 0 && in != '(' && c == in) {
        open.pop();
      } else if (in == 0 || in == '(') {
        if (c == '\'' || c == '"' || c == '`') {
          open.push(c);
        } else if (c == '#' && wordStart) {
          int nl = command.indexOf('\n', i);
          i = nl < 0 ? command.length() : nl;
        }
      }
      char now = open.isEmpty() ? 0 : open.peek();
      wordStart = (now == 0 || now == '(') && (Character.isWhitespace(c) || ";&|()".indexOf(c) >= 0);
    }
    return open.stream().filter(q -> q != '(').findFirst().orElse((char) 0);
  }
}
