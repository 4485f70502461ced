package dev.acr.bench;

import java.util.List;
import java.util.Locale;

/**
 * time-cost.svg, beside regret.svg: each router of the canonical order as a point, total dollars
 * across, total wall time ({@link TimeModel}) up, one panel per dataset. Down and to the left is
 * better; a race trades a little cost for a lower point.
 */
public final class TimeCostSvg {
  private static final int WIDTH = 760;
  private static final int PANEL_HEIGHT = 440;
  private static final int LEFT = 70;
  private static final int RIGHT = 40;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;

  private TimeCostSvg() {}

  public static String render(List<BenchReplay.DatasetReport> reports) {
    StringBuilder sb = RegretSvg.open(WIDTH, PANEL_HEIGHT * Math.max(1, reports.size()), 11);
    for (int i = 0; i < reports.size(); i++) {
      panel(sb, reports.get(i), i * PANEL_HEIGHT);
    }
    return sb.append("</svg>\n").toString();
  }

  private static void panel(StringBuilder sb, BenchReplay.DatasetReport d, int y0) {
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = PANEL_HEIGHT - TOP - BOTTOM;
    double xMax = 1e-9;
    double yMax = 1e-9;
    for (BenchReplay.RouterReport r : d.routers()) {
      xMax = Math.max(xMax, r.canonical().get(Metric.TOTAL_USD));
      yMax = Math.max(yMax, r.canonical().get(Metric.WALL_HOURS));
    }
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"14\">%s, %s: wall time against cost</text>%n",
        LEFT, y0 + 22, RegretSvg.esc(d.dataset()), RegretSvg.esc(ReportTables.capLabel(d.cap()))));
    int bottom = y0 + TOP + plotH;
    sb.append(String.format(Locale.ROOT,
        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
        LEFT, bottom, LEFT + plotW, bottom, LEFT, y0 + TOP, LEFT, bottom));
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">$ total (0 – %.2f)</text>%n", LEFT + plotW / 2 - 40, bottom + 35, xMax));
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" transform=\"rotate(-90 %d %d)\">wall time, h (0 – %.2f)</text>%n",
        LEFT - 45, y0 + TOP + plotH / 2 + 50, LEFT - 45, y0 + TOP + plotH / 2 + 50, yMax));
    for (BenchReplay.RouterReport r : d.routers()) {
      double x = LEFT + plotW * r.canonical().get(Metric.TOTAL_USD) / xMax;
      double y = bottom - plotH * r.canonical().get(Metric.WALL_HOURS) / yMax;
      String color = r.name().startsWith("acr") ? "#e6007e" : "#1f77b4";
      sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>"
          + "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">%s</text>%n", x, y, color, x + 6, y - 4, color, RegretSvg.esc(r.name())));
    }
  }
}
