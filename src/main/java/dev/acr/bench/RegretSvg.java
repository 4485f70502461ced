package dev.acr.bench;

import java.util.List;
import java.util.Locale;

/**
 * regret.svg: cumulative regret against task index (canonical order; a seeded router's mean
 * curve over its seeds), one line per router, one panel per dataset and attempt limit (rows of
 * different limits never share a panel), with axes, ticks and a legend. Hand-written SVG keeps the project free of a
 * charting dependency; long curves are thinned to at most {@link #MAX_POINTS} vertices, which is
 * below what the pixel width can show anyway.
 */
public final class RegretSvg {
  private static final int WIDTH = 1040;
  private static final int PANEL_HEIGHT = 440;
  private static final int LEFT = 70;
  private static final int RIGHT = 260;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;
  private static final int MAX_POINTS = 700;
  private static final String OURS = "#e6007e";
  private static final String[] COLORS = {
    "#000000", "#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
    "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173"
  };

  private RegretSvg() {}

  public static String render(List<BenchReplay.DatasetReport> reports) {
    int height = 0;
    for (BenchReplay.DatasetReport d : reports) {
      height += panelHeight(d);
    }
    height = Math.max(height, PANEL_HEIGHT);
    StringBuilder sb = open(WIDTH, height, 12);
    int y0 = 0;
    for (BenchReplay.DatasetReport d : reports) {
      panel(sb, d, y0, panelHeight(d));
      y0 += panelHeight(d);
    }
    sb.append("</svg>\n");
    return sb.toString();
  }

  /** Tall enough for the legend, one line per row. */
  private static int panelHeight(BenchReplay.DatasetReport d) {
    return Math.max(PANEL_HEIGHT, TOP + BOTTOM + 18 * d.routers().size());
  }

  private static void panel(StringBuilder sb, BenchReplay.DatasetReport d, int y0, int panelHeight) {
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = panelHeight - TOP - BOTTOM;
    int n = d.tasks();
    double yMax = 0;
    double yMin = 0;
    for (BenchReplay.RouterReport r : d.routers()) {
      for (double v : r.cumulativeRegret()) {
        yMax = Math.max(yMax, v);
        yMin = Math.min(yMin, v);
      }
    }
    double yStep = niceStep((yMax - yMin) / 6);
    yMax = Math.max(yStep, Math.ceil(yMax / yStep) * yStep);
    yMin = Math.floor(yMin / yStep) * yStep;
    double xStep = niceStep(n / 8.0);
    double top = y0 + TOP;
    double x0 = LEFT;
    double bottom = top + plotH;
    double yRange = yMax - yMin;
    text(sb, x0 + plotW / 2.0, y0 + 22, "middle", "bold", esc(d.dataset()) + ", " + ReportTables.capLabel(d.cap())
        + ": cumulative regret vs task index (canonical order, mean over seeds)");
    // grid, ticks and tick labels
    for (double v = yMin; v <= yMax + 1e-9; v += yStep) {
      double y = bottom - (v - yMin) / yRange * plotH;
      line(sb, x0, y, x0 + plotW, y, "#e0e0e0");
      line(sb, x0 - 5, y, x0, y, "#000");
      text(sb, x0 - 8, y + 4, "end", null, label(v, yStep));
    }
    for (double v = 0; v <= n + 1e-9; v += xStep) {
      double x = x0 + v / Math.max(1, n) * plotW;
      line(sb, x, bottom, x, bottom + 5, "#000");
      text(sb, x, bottom + 18, "middle", null, label(v, xStep));
    }
    line(sb, x0, top, x0, bottom, "#000");
    line(sb, x0, bottom, x0 + plotW, bottom, "#000");
    text(sb, x0 + plotW / 2.0, bottom + 38, "middle", null, "task index");
    sb.append(String.format(Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 %.1f %.1f)\">cumulative regret</text>%n",
        x0 - 50.0, top + plotH / 2.0, x0 - 50.0, top + plotH / 2.0));
    List<BenchReplay.RouterReport> rows = d.routers();
    for (int i = 0; i < rows.size(); i++) {
      BenchReplay.RouterReport r = rows.get(i);
      // acr's own rows are what a reader looks for: a colour no other row uses, and thicker.
      boolean ours = r.name().startsWith("acr");
      String color = ours ? OURS : COLORS[i % COLORS.length];
      String dash = !ours && i >= COLORS.length ? " stroke-dasharray=\"6 3\"" : "";
      String width = ours ? "3.2" : "1.6";
      double[] c = r.cumulativeRegret();
      int stride = Math.max(1, (int) Math.ceil(c.length / (double) MAX_POINTS));
      sb.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"").append(width).append('"').append(dash)
          .append(" points=\"");
      tenths(sb, x0);
      sb.append(',');
      tenths(sb, bottom - (0 - yMin) / yRange * plotH);
      for (int k = 0; k < c.length; k += stride) {
        point(sb, x0 + (k + 1.0) / n * plotW, bottom - (c[k] - yMin) / yRange * plotH);
      }
      if ((c.length - 1) % stride != 0) {
        point(sb, x0 + plotW, bottom - (c[c.length - 1] - yMin) / yRange * plotH);
      }
      sb.append("\"><title>").append(esc(r.name())).append("</title></polyline>\n");
      double ly = top + 6 + i * 18;
      double lx = x0 + plotW + 15;
      sb.append(String.format(Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2.5\"%s/>%n",
          lx, ly, lx + 22, ly, color, dash));
      String name = r.bound() ? r.name() + " (bound)" : r.name();
      double last = c.length == 0 ? 0 : c[c.length - 1];
      text(sb, lx + 28, ly + 4, "start", null, esc(name) + String.format(Locale.ROOT, " %.1f", last));
    }
  }

  private static void point(StringBuilder sb, double x, double y) {
    sb.append(' ');
    tenths(sb, x);
    sb.append(',');
    tenths(sb, y);
  }

  /** One decimal without String.format, which is slow for thousands of points. */
  static void tenths(StringBuilder sb, double v) {
    long t = Math.round(v * 10);
    if (t < 0) {
      sb.append('-');
      t = -t;
    }
    sb.append(t / 10).append('.').append(t % 10);
  }

  private static void line(StringBuilder sb, double x1, double y1, double x2, double y2, String color) {
    sb.append(String.format(Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"/>%n", x1, y1, x2, y2, color));
  }

  private static void text(StringBuilder sb, double x, double y, String anchor, String weight, String s) {
    sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>%s</text>%n",
        x, y, anchor, weight == null ? "" : " font-weight=\"" + weight + "\"", s));
  }

  /** 1, 2 or 5 times a power of ten, at least the raw step. */
  static double niceStep(double raw) {
    if (!(raw > 0)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
  }

  /** An SVG document's opening, on a white background; the caller closes it. */
  static StringBuilder open(int width, int height, int fontSize) {
    StringBuilder sb = new StringBuilder();
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
        .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" font-family=\"sans-serif\" font-size=\"").append(fontSize).append("\">\n");
    return sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
  }

  private static String label(double v, double step) {
    return step >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
