package dev.acr.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: comma-separated, fields optionally double-quoted, {@code ""} inside a
 * quoted field is one quote, quoted fields may hold commas and line breaks, CRLF or LF line ends.
 * Hand-written because the two benchmark tables are the only CSV acr reads and a 23k-row table
 * parses in a few milliseconds this way; each record carries the line it starts on for errors.
 */
final class Csv {
  private Csv() {}

  /** One parsed record, the 1-based line it starts on and the line it ends on. */
  record Row(long line, long lastLine, List<String> fields) {}

  /** Thrown for an unterminated quoted field; carries the line the field started on. */
  static final class CsvException extends Exception {
    final long line;

    CsvException(long line, String what) {
      super(what);
      this.line = line;
    }
  }

  /** Parses all records; blank lines are skipped. */
  static List<Row> parse(String table) throws CsvException {
    // Indexing an array: the benchmark tables hold non-Latin-1 text, and String.charAt on such a
    // string checks its bounds on every call (a tenth of loading the data went there).
    char[] text = table.toCharArray();
    List<Row> rows = new ArrayList<>();
    int n = text.length;
    int i = 0;
    long line = 1;
    StringBuilder field = new StringBuilder();
    while (i < n) {
      long start = line;
      List<String> fields = new ArrayList<>(16);
      boolean endOfRecord = false;
      while (!endOfRecord) {
        field.setLength(0);
        if (i < n && text[i] == '"') {
          long quoteLine = line;
          i++;
          while (true) {
            if (i >= n) {
              throw new CsvException(quoteLine, "unterminated quoted field");
            }
            char c = text[i];
            if (c == '"') {
              if (i + 1 < n && text[i + 1] == '"') {
                field.append('"');
                i += 2;
                continue;
              }
              i++;
              break;
            }
            if (c == '\n') {
              line++;
            }
            field.append(c);
            i++;
          }
          // Anything between the closing quote and the next separator is kept verbatim.
          while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
            field.append(text[i++]);
          }
        } else {
          int s = i;
          while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
            i++;
          }
          field.append(text, s, i - s);
        }
        fields.add(field.toString());
        if (i >= n) {
          endOfRecord = true;
        } else if (text[i] == ',') {
          i++;
        } else {
          if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') {
            i++;
          }
          i++;
          line++;
          endOfRecord = true;
        }
      }
      boolean blank = fields.size() == 1 && fields.get(0).isEmpty();
      if (!blank) {
        // line was already advanced past this record's end of line, if it had one
        rows.add(new Row(start, i >= n && text[n - 1] != '\n' ? line : line - 1, fields));
      }
    }
    return rows;
  }
}
