package dev.acr.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;

/**
 * Renders a command's footer (its examples, its exit codes) at the help's width, which picocli
 * takes from the terminal. Footers are written as rows, {@code "  2    usage error..."}, and
 * paragraphs; picocli wraps a footer as plain text, so at 60 columns a row's wrapped part began at
 * the left margin, under the codes. Here a row is a two-column table whose text wraps under its
 * own column, and a row whose key leaves its text too little room (an example's command line) has
 * the text on the lines below it, indented. A line indented deeper than a row continues its text
 * (the footers were wrapped by hand at 80 columns).
 */
final class HelpFooter implements CommandLine.IHelpSectionRenderer {
  /** "  KEY  TEXT": two spaces, a key, two or more spaces, the text. */
  private static final Pattern ROW = Pattern.compile("^ {2}(\\S(?:.*?\\S)?) {2,}(\\S.*)$");
  /** The least room for a row's text beside its key before the text goes below the key. */
  private static final int MIN_TEXT = 24;
  private static final int BELOW_INDENT = 6;
  /** As wide as "130": every command's exit codes start their text in the same column. */
  private static final int MIN_KEY = 3;

  private record Row(String key, StringBuilder text) {}

  /** Installs this renderer on {@code cl} and every subcommand registered now (picocli's rule for such settings). */
  static void install(CommandLine cl) {
    cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, new HelpFooter());
    for (CommandLine sub : cl.getSubcommands().values()) {
      install(sub);
    }
  }

  @Override
  public String render(Help help) {
    String[] footer = help.commandSpec().usageMessage().footer();
    if (footer.length == 0) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    for (String part : footer) {
      text.append(String.format(part));
    }
    int width = help.commandSpec().usageMessage().width();
    StringBuilder out = new StringBuilder();
    List<Row> rows = new ArrayList<>();
    for (String line : text.toString().split("\\R", -1)) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        rows.add(new Row(m.group(1), new StringBuilder(m.group(2))));
      } else if (!rows.isEmpty() && line.startsWith("   ") && !line.isBlank()) {
        rows.get(rows.size() - 1).text().append(' ').append(line.strip());
      } else {
        flush(rows, help, width, out);
        if (line.isBlank()) {
          out.append(System.lineSeparator());
        } else {
          out.append(rows(table(help, width, new Column(width, 0, Help.Column.Overflow.WRAP)), line));
        }
      }
    }
    flush(rows, help, width, out);
    // split(-1) kept the empty string after the footer's last line break: one separator too many.
    String s = out.toString();
    return s.endsWith(System.lineSeparator()) ? s.substring(0, s.length() - System.lineSeparator().length()) : s;
  }

  /** The rows of one block, keys in a column as wide as the widest of them. */
  private static void flush(List<Row> rows, Help help, int width, StringBuilder out) {
    if (rows.isEmpty()) {
      return;
    }
    int key = MIN_KEY;
    for (Row r : rows) {
      key = Math.max(key, r.key().length());
    }
    int keyColumn = 2 + key + 2;
    if (width - keyColumn >= MIN_TEXT) {
      TextTable t = table(help, width, new Column(keyColumn, 2, Help.Column.Overflow.SPAN),
          new Column(width - keyColumn, 0, Help.Column.Overflow.WRAP));
      rows.forEach(r -> t.addRowValues(r.key(), r.text().toString()));
      out.append(t);
    } else {
      for (Row r : rows) {
        out.append(rows(table(help, width, new Column(width, 2, Help.Column.Overflow.WRAP)), r.key()));
        out.append(rows(table(help, width, new Column(width, BELOW_INDENT, Help.Column.Overflow.WRAP)), r.text().toString()));
      }
    }
    rows.clear();
  }

  /** {@code t} with one row of {@code values}, as text. */
  private static String rows(TextTable t, String... values) {
    t.addRowValues(values);
    return t.toString();
  }

  private static TextTable table(Help help, int width, Column... columns) {
    TextTable t = TextTable.forColumns(help.colorScheme(), columns);
    t.setAdjustLineBreaksForWideCJKCharacters(help.commandSpec().usageMessage().adjustLineBreaksForWideCJKCharacters());
    t.indentWrappedLines = 0;
    return t;
  }
}
