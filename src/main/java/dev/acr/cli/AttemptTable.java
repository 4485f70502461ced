package dev.acr.cli;

import dev.acr.config.Durations;
import dev.acr.core.AttemptResult;
import dev.acr.core.AttemptStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import java.util.Locale;
import picocli.CommandLine.Help.Ansi;

/**
 * The summary of a run's attempts as an aligned table: one row per attempt (route, status, time,
 * cost) and, with more than one attempt, a total. Columns are as wide as their widest cell;
 * colour is added after padding so it never shifts the alignment.
 */
final class AttemptTable {
  private static final String[] HEADER = {"#", "route", "status", "time", "cost"};
  /** Right-aligned columns: the numbers. */
  private static final boolean[] RIGHT = {true, false, false, true, true};

  private AttemptTable() {}

  static List<String> lines(List<AttemptResult> attempts, Ansi ansi) {
    return lines(attempts, i -> 0, ansi);
  }

  /**
   * With {@code testsMs(i)} added to attempt i's time: memory keeps the agent's time, which is what
   * routes are compared by; the user waited for the tests too.
   */
  static List<String> lines(List<AttemptResult> attempts, IntToLongFunction testsMs, Ansi ansi) {
    List<String[]> rows = new ArrayList<>();
    long totalMs = 0;
    double totalCost = 0;
    boolean anyCost = false;
    for (int i = 0; i < attempts.size(); i++) {
      AttemptResult a = attempts.get(i);
      long ms = a.durationMs() + testsMs.applyAsLong(i);
      rows.add(new String[] {String.valueOf(i + 1), a.route().name(), a.status().id(), duration(ms), cost(a.costUsd())});
      totalMs += ms;
      if (a.costUsd() != null) {
        totalCost += a.costUsd();
        anyCost = true;
      }
    }
    if (attempts.size() > 1) {
      rows.add(new String[] {"", "total", "", duration(totalMs), anyCost ? cost(totalCost) : cost(null)});
    }
    int[] width = new int[HEADER.length];
    for (int c = 0; c < HEADER.length; c++) {
      width[c] = HEADER[c].length();
      for (String[] r : rows) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    List<String> out = new ArrayList<>();
    out.add(ansi.string("@|bold " + row(HEADER, width, null, ansi).stripTrailing() + "|@"));
    for (int i = 0; i < rows.size(); i++) {
      String colour = i < attempts.size() ? colour(attempts.get(i).status()) : null;
      out.add(row(rows.get(i), width, colour, ansi).stripTrailing());
    }
    return out;
  }

  /** One line; {@code statusColour}, when given, colours the status cell's text (not its padding). */
  private static String row(String[] cells, int[] width, String statusColour, Ansi ansi) {
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        b.append("  ");
      }
      String padded = pad(cells[c], width[c], RIGHT[c]);
      if (c == 2 && statusColour != null && !cells[c].isEmpty()) {
        padded = ansi.string("@|" + statusColour + " " + cells[c] + "|@") + padded.substring(cells[c].length());
      }
      b.append(padded);
    }
    return b.toString();
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(width - s.length());
    return right ? fill + s : s + fill;
  }

  private static String colour(AttemptStatus s) {
    return switch (s) {
      case VERIFIED -> "green";
      case FAILED, AGENT_ERROR, TIMEOUT -> "red";
      default -> "yellow";
    };
  }

  static String duration(long ms) {
    return Durations.text(ms);
  }

  private static String cost(Double usd) {
    return usd == null ? "unknown" : String.format(Locale.ROOT, "$%.4f", usd);
  }
}
