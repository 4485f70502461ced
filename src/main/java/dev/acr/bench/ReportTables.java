package dev.acr.bench;

import java.util.List;
import java.util.Locale;

/**
 * The replay table as terminal text, Markdown and CSV: one table per dataset and attempt limit
 * (rows of different limits are never in one table), each row labelled with its protocol.
 * Canonical figures are mean ± sd over the router's seeds (a row without ± ignores its seed);
 * shuffled figures are mean ± sd over the shuffled orders.
 */
public final class ReportTables {
  private static final int[] DECIMALS = {0, 2, 1, 2, 2, 4, 2, 2, 0, 2};
  /** The live run's default attempt limit (PolicyConfig.defaults()), named in the headings. */
  static final int LIVE_DEFAULT_CAP = dev.acr.policy.PolicyConfig.defaults().maxAttempts();

  private ReportTables() {}

  /** "cap 3 (≤ 3 calls a task, the live default)". */
  static String capLabel(int cap) {
    return "cap " + cap + (cap == 1 ? " (single call)" : " (≤ " + cap + " calls a task"
        + (cap == LIVE_DEFAULT_CAP ? ", the live default)" : ")"));
  }

  private static String canonicalTitle(BenchReplay.DatasetReport d, BenchReplay.Options options) {
    return d.dataset() + ", " + capLabel(d.cap()) + " — canonical order (" + d.tasks() + " tasks): mean ± sd over "
        + options.seeds() + " seeds of the router (no ±: the router ignores its seed)";
  }

  private static String shuffledTitle(BenchReplay.DatasetReport d, BenchReplay.Options options) {
    return d.dataset() + ", " + capLabel(d.cap()) + " — " + options.orders() + " shuffled orders (seed "
        + options.seed() + "): mean ± sd";
  }

  /** Plain aligned text: per dataset and limit a canonical table and, with shuffles, a shuffled one. */
  public static String text(List<BenchReplay.DatasetReport> reports, BenchReplay.Options options) {
    StringBuilder sb = new StringBuilder();
    for (BenchReplay.DatasetReport d : reports) {
      sb.append(canonicalTitle(d, options)).append('\n');
      appendAligned(sb, cells(d, false));
      if (options.orders() > 0) {
        sb.append('\n').append(shuffledTitle(d, options)).append('\n');
        appendAligned(sb, cells(d, true));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  public static String markdown(List<BenchReplay.DatasetReport> reports, BenchReplay.Options options) {
    StringBuilder sb = new StringBuilder("# acr bench replay\n\n");
    sb.append("Reward = performance − 0.1 × USD; Oracle is a bound (it sees the table). Every table holds one "
        + "attempt limit; compare rows within a table only.\n");
    for (BenchReplay.DatasetReport d : reports) {
      sb.append("\n## ").append(canonicalTitle(d, options)).append("\n\n");
      appendMarkdown(sb, cells(d, false));
      if (options.orders() > 0) {
        sb.append("\n## ").append(shuffledTitle(d, options)).append("\n\n");
        appendMarkdown(sb, cells(d, true));
      }
    }
    return sb.toString();
  }

  /**
   * One line per dataset × limit × router × kind, unrounded: {@code canonical} and
   * {@code canonical_sd} (mean and sd over the seeds, {@code runs} of them), {@code mean} and
   * {@code sd} (over the shuffled orders).
   */
  public static String csv(List<BenchReplay.DatasetReport> reports) {
    StringBuilder sb = new StringBuilder("dataset,cap,router,protocol,kind,runs");
    for (Metric m : Metric.values()) {
      sb.append(',').append(m.key());
    }
    sb.append('\n');
    for (BenchReplay.DatasetReport d : reports) {
      for (BenchReplay.RouterReport r : d.routers()) {
        String head = d.dataset() + ',' + d.cap() + ',' + r.name() + ',' + r.protocol() + ',';
        csvLine(sb, head + "canonical," + r.seeds().size(), r.canonical().values());
        csvLine(sb, head + "canonical_sd," + r.seeds().size(), Metrics.sd(r.seeds()));
        if (!r.shuffled().isEmpty()) {
          csvLine(sb, head + "mean," + r.shuffled().size(), Metrics.mean(r.shuffled()));
          csvLine(sb, head + "sd," + r.shuffled().size(), Metrics.sd(r.shuffled()));
        }
      }
    }
    return sb.toString();
  }

  private static void csvLine(StringBuilder sb, String head, double[] v) {
    sb.append(head);
    for (double x : v) {
      sb.append(',').append(Double.isNaN(x) ? "" : Double.toString(x));
    }
    sb.append('\n');
  }

  private static String[][] cells(BenchReplay.DatasetReport d, boolean shuffled) {
    List<BenchReplay.RouterReport> rows = d.routers();
    String[][] cells = new String[rows.size() + 1][Metric.values().length + 2];
    cells[0][0] = "router";
    cells[0][1] = "protocol";
    for (Metric m : Metric.values()) {
      cells[0][m.ordinal() + 2] = m.key();
    }
    for (int i = 0; i < rows.size(); i++) {
      BenchReplay.RouterReport r = rows.get(i);
      cells[i + 1][0] = r.bound() ? r.name() + " (bound)" : r.name();
      cells[i + 1][1] = r.protocol();
      List<Metrics> runs = shuffled ? r.shuffled() : r.seeds();
      double[] mean = shuffled ? Metrics.mean(runs) : r.canonical().values();
      double[] sd = runs.size() > 1 ? Metrics.sd(runs) : null;
      for (Metric m : Metric.values()) {
        int k = m.ordinal();
        int places = sd != null && m == Metric.ESCALATIONS ? 1 : DECIMALS[k];
        String v = fmt(mean[k], places);
        if (sd != null && m != Metric.N) {
          v = v + " ± " + fmt(sd[k], places);
        }
        cells[i + 1][k + 2] = v;
      }
    }
    return cells;
  }

  private static void appendAligned(StringBuilder sb, String[][] cells) {
    int[] width = new int[cells[0].length];
    for (String[] row : cells) {
      for (int c = 0; c < row.length; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    for (String[] row : cells) {
      for (int c = 0; c < row.length; c++) {
        String pad = " ".repeat(width[c] - row[c].length());
        // Names and protocols read left-aligned, numbers right-aligned.
        sb.append(c == 0 ? "" : "  ").append(c <= 1 ? row[c] + pad : pad + row[c]);
      }
      sb.append('\n');
    }
  }

  private static void appendMarkdown(StringBuilder sb, String[][] cells) {
    for (int i = 0; i < cells.length; i++) {
      sb.append('|');
      for (String c : cells[i]) {
        sb.append(' ').append(c).append(" |");
      }
      sb.append('\n');
      if (i == 0) {
        sb.append("| --- | ---");
        sb.append(" | ---:".repeat(cells[0].length - 2)).append(" |\n");
      }
    }
  }

  static String fmt(double v, int places) {
    return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%." + places + "f", v);
  }
}
