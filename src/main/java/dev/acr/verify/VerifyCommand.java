package dev.acr.verify;

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
   * word starts a comment.
   */
  static char unclosedQuote(String command) {
    char open = 0;
    boolean wordStart = true;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (open == '\'') {
        open = c == '\'' ? 0 : open;
      } else if (c == '\\') {
        i++;
      } else if (open != 0) {
        open = c == open ? 0 : open;
      } else if (c == '\'' || c == '"' || c == '`') {
        open = c;
      } else if (c == '#' && wordStart) {
        int nl = command.indexOf('\n', i);
        i = nl < 0 ? command.length() : nl;
      }
      wordStart = open == 0 && (Character.isWhitespace(c) || ";&|()".indexOf(c) >= 0);
    }
    return open;
  }
}
