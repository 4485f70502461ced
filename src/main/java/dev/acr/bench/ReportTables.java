package dev.acr.bench;

import java.util.List;
import java.util.Locale;

/** The replay table as terminal text, Markdown and CSV. Rounding is as in the README. */
public final class ReportTables {
  private static final int[] DECIMALS = {0, 2, 1, 2, 2, 4, 2, 2, 0};

  private ReportTables() {}

  /** Plain aligned text: per dataset a canonical table and, with shuffles, a mean ± sd table. */
  public static String text(List<BenchReplay.DatasetReport> reports, BenchReplay.Options options) {
    StringBuilder sb = new StringBuilder();
    for (BenchReplay.DatasetReport d : reports) {
      sb.append(d.dataset()).append(" — canonical order (").append(d.tasks()).append(" tasks)\n");
      appendAligned(sb, d, false);
      if (options.orders() > 0) {
        sb.append('\n').append(d.dataset()).append(" — ").append(options.orders())
            .append(" shuffled orders (seed ").append(options.seed()).append("): mean ± sd\n");
        appendAligned(sb, d, true);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  public static String markdown(List<BenchReplay.DatasetReport> reports, BenchReplay.Options options) {
    StringBuilder sb = new StringBuilder("# acr bench replay\n\n");
    sb.append("Reward = performance − 0.1 × USD; Oracle is a bound (it sees the table). Random is the mean of ")
        .append(Contestants.RANDOM_RUNS).append(" seeds.\n");
    for (BenchReplay.DatasetReport d : reports) {
      sb.append("\n## ").append(d.dataset()).append(" — canonical order (").append(d.tasks()).append(" tasks)\n\n");
      appendMarkdown(sb, d, false);
      if (options.orders() > 0) {
        sb.append("\n## ").append(d.dataset()).append(" — ").append(options.orders())
            .append(" shuffled orders (seed ").append(options.seed()).append("): mean ± sd\n\n");
        appendMarkdown(sb, d, true);
      }
    }
    return sb.toString();
  }

  /** One line per dataset × router × kind (canonical, mean, sd); unrounded values. */
  public static String csv(List<BenchReplay.DatasetReport> reports) {
    StringBuilder sb = new StringBuilder("dataset,router,kind");
    for (Metric m : Metric.values()) {
      sb.append(',').append(m.key());
    }
    sb.append('\n');
    for (BenchReplay.DatasetReport d : reports) {
      for (BenchReplay.RouterReport r : d.routers()) {
        csvLine(sb, d.dataset(), r.name(), "canonical", r.canonical().values());
        if (!r.shuffled().isEmpty()) {
          csvLine(sb, d.dataset(), r.name(), "mean", Metrics.mean(r.shuffled()));
          csvLine(sb, d.dataset(), r.name(), "sd", Metrics.sd(r.shuffled()));
        }
      }
    }
    return sb.toString();
  }

  private static void csvLine(StringBuilder sb, String dataset, String router, String kind, double[] v) {
    sb.append(dataset).append(',').append(router).append(',').append(kind);
    for (double x : v) {
      sb.append(',').append(Double.isNaN(x) ? "" : Double.toString(x));
    }
    sb.append('\n');
  }

  private static String[][] cells(BenchReplay.DatasetReport d, boolean shuffled) {
    List<BenchReplay.RouterReport> rows = d.routers();
    String[][] cells = new String[rows.size() + 1][Metric.values().length + 1];
    cells[0][0] = "router";
    for (Metric m : Metric.values()) {
      cells[0][m.ordinal() + 1] = m.key();
    }
    for (int i = 0; i < rows.size(); i++) {
      BenchReplay.RouterReport r = rows.get(i);
      cells[i + 1][0] = r.bound() ? r.name() + " (bound)" : r.name();
      double[] mean = shuffled ? Metrics.mean(r.shuffled()) : r.canonical().values();
      double[] sd = shuffled ? Metrics.sd(r.shuffled()) : null;
      for (Metric m : Metric.values()) {
        int k = m.ordinal();
        int places = shuffled && m == Metric.ESCALATIONS ? 1 : DECIMALS[k];
        String v = fmt(mean[k], places);
        if (sd != null && m != Metric.N) {
          v = v + " ± " + fmt(sd[k], places);
        }
        cells[i + 1][k + 1] = v;
      }
    }
    return cells;
  }

  private static void appendAligned(StringBuilder sb, BenchReplay.DatasetReport d, boolean shuffled) {
    String[][] cells = cells(d, shuffled);
    int[] width = new int[cells[0].length];
    for (String[] row : cells) {
      for (int c = 0; c < row.length; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    for (String[] row : cells) {
      for (int c = 0; c < row.length; c++) {
        if (c == 0) {
          sb.append(row[c]).append(" ".repeat(width[c] - row[c].length()));
        } else {
          sb.append("  ").append(" ".repeat(width[c] - row[c].length())).append(row[c]);
        }
      }
      sb.append('\n');
    }
  }

  private static void appendMarkdown(StringBuilder sb, BenchReplay.DatasetReport d, boolean shuffled) {
    String[][] cells = cells(d, shuffled);
    for (int i = 0; i < cells.length; i++) {
      sb.append('|');
      for (String c : cells[i]) {
        sb.append(' ').append(c).append(" |");
      }
      sb.append('\n');
      if (i == 0) {
        sb.append("| ---");
        sb.append(" | ---:".repeat(cells[0].length - 1)).append(" |\n");
      }
    }
  }

  static String fmt(double v, int places) {
    return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%." + places + "f", v);
  }
}
