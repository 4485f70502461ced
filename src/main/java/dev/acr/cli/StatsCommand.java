package dev.acr.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acr.memory.MemorySummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code acr stats}: what memory says about each route, per dimension. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "Summarise memory per dimension and route: attempts, verified %%, mean cost, mean"
        + " time of the agent (its tests not included), last used. Infra errors (the agent could not reach or use its model: not signed in,"
        + " offline, quota, ...) and acr's own errors are counted apart, in their own columns: like the"
        + " policy, the other columns leave them out.",
    footer = "%nExit codes:%n  0    ok (also when there is no memory yet)%n  2    usage error or unreadable memory%n")
final class StatsCommand implements Callable<Integer> {
  private static final String[] EIGHTHS = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  @Spec CommandSpec spec;
  @ParentCommand AcrCommand parent;

  @Mixin WhereOptions.Memory memoryOption;

  @Mixin SinceOption since;

  @Option(names = "--json", description = "Print one JSON document on stdout.")
  boolean json;

  @Override
  public Integer call() {
    Env env = parent.env();
    PrintWriter out = json ? spec.commandLine().getOut() : Fitted.to(spec.commandLine().getOut(), () -> Columns.of(env));
    PrintWriter err = spec.commandLine().getErr();
    Instant cutoff;
    try {
      cutoff = since.cutoff(err);
    } catch (SinceOption.Invalid e) {
      return ExitCodes.USAGE;
    }
    Path file = memoryOption.path(env);
    MemorySummary summary = new MemorySummary(cutoff);
    long[] skipped = {0};
    try {
      MemorySummary.scan(file, summary, problem -> skipped[0]++);
    } catch (java.io.InterruptedIOException e) {
      err.println("acr: interrupted");
      return ExitCodes.INTERRUPTED;
    } catch (IOException | java.io.UncheckedIOException e) {
      err.println("acr: cannot read memory " + file + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (skipped[0] > 0) {
      err.println("acr: " + skipped[0] + " unreadable line(s) in " + file + " skipped");
    }
    if (json) {
      CliJson.print(out, json(summary, skipped[0]), CliJson.indented(env));
    } else if (summary.records() == 0) {
      out.println(cutoff != null ? "no memory since " + since.value + " at " + file
          : skipped[0] > 0 ? "no readable record in " + file + " (see above)" : "no memory yet at " + file
          + "; each acr PROMPT run records its attempts there");
    } else {
      text(out, summary, file, env.ansi(), Columns.of(env));
    }
    if (json && summary.records() == 0 && cutoff == null) {
      err.println("acr: no memory yet at " + file);
    }
    return ExitCodes.OK;
  }

  private static ObjectNode json(MemorySummary summary, long skipped) {
    ObjectNode root = CliJson.JSON.createObjectNode();
    root.put("records", summary.records());
    root.put("skipped_lines", skipped);
    ArrayNode groups = root.putArray("groups");
    for (MemorySummary.Group g : summary.groups()) {
      ObjectNode n = groups.addObject();
      n.put("dimension", g.dimension());
      n.put("route", g.route());
      n.put("attempts", g.attempts());
      // With no attempt counted (only infra or acr errors) no rate nor mean time, as the text's "-".
      boolean counted = g.attempts() > 0;
      n.put("verified_pct", counted ? Math.round(g.verifiedPct() * 10) / 10.0 : null);
      if (g.meanCostUsd() == null) {
        n.putNull("mean_cost_usd");
      } else {
        n.put("mean_cost_usd", g.meanCostUsd());
      }
      n.put("mean_duration_ms", counted ? Math.round(g.meanDurationMs()) : null);
      n.put("infra_errors", g.infraErrors());
      n.put("acr_errors", g.acrErrors());
      n.put("last_used", g.lastUsed());
    }
    return root;
  }

  private static void text(PrintWriter out, MemorySummary summary, Path file, Ansi ansi, int columns) {
    List<MemorySummary.Group> groups = summary.groups();
    int routeWidth = "route".length();
    for (MemorySummary.Group g : groups) {
      routeWidth = Math.max(routeWidth, g.route().length());
    }
    // route  attempts  verified bar  cost  time  infra  acr err  last used (20 for the seconds-precision ts).
    // A narrow terminal loses, in this order: the bar, last used's time of day, last used, acr err,
    // infra, agent time; route, attempts, verified % and cost always stay.
    int narrowest = 2 + routeWidth + 2 + 8 + 2 + 8 + 2 + 9;
    int[] optional = {2 + 10, 2 + 5, 2 + 7, 2 + 10, 10};
    int width = narrowest;
    for (int w : optional) {
      width += w;
    }
    // Not a terminal, COLUMNS not set: nothing to fit, every column and a bar of at least 5 as if 100 wide.
    int barWidth = Math.min(40, (columns > 0 ? columns : 100) - width - 1);
    barWidth = columns <= 0 ? Math.max(5, barWidth) : barWidth < 5 ? 0 : barWidth;
    // "verified": the rate (6) and the bar after it, at least as wide as its heading.
    int verifiedWidth = Math.max(8, 6 + (barWidth == 0 ? 0 : barWidth + 1));
    width += verifiedWidth - 8;
    // shown[0..4]: agent time, infra, acr err, last used, last used's time of day
    boolean[] shown = {true, true, true, true, true};
    for (int i = optional.length - 1; i >= 0 && columns > 0 && width > columns; i--) {
      shown[i] = false;
      width -= optional[i];
    }
    out.println(summary.records() + " record(s) in " + file);
    String current = null;
    for (MemorySummary.Group g : groups) {
      if (!g.dimension().equals(current)) {
        current = g.dimension();
        out.println();
        out.println(style(ansi, "bold", current));
        out.println(row(shown, routeWidth, "route", "attempts", String.format(Locale.ROOT, "%-" + verifiedWidth + "s", "verified"),
            "mean cost", "agent time", "infra", "acr err", "last used"));
      }
      String bar = bar(g.verifiedPct(), barWidth);
      String pad = " ".repeat(barWidth - bar.codePointCount(0, bar.length()));
      String cost = g.meanCostUsd() == null ? "-" : String.format(Locale.ROOT, "$%.3f", g.meanCostUsd());
      // No attempt that counts (only infra or acr errors): no rate, rather than a 0% against the route.
      String pct = g.attempts() == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", g.verifiedPct());
      String verified = barWidth == 0 ? String.format(Locale.ROOT, "%8s", pct)
          : String.format(Locale.ROOT, "%6s", pct) + " " + style(ansi, "green", bar) + pad + " ".repeat(verifiedWidth - 7 - barWidth);
      String last = g.lastUsed() == null ? "-" : shown[4] ? shortTs(g.lastUsed()) : g.lastUsed().substring(0, Math.min(10, g.lastUsed().length()));
      out.println(row(shown, routeWidth, g.route(), Long.toString(g.attempts()), verified, cost,
          g.attempts() == 0 ? "-" : duration(g.meanDurationMs()), count(g.infraErrors()), count(g.acrErrors()), last));
    }
  }

  /** One line of a dimension's table, with the columns {@code shown} keeps (agent time, infra, acr err, last used). */
  private static String row(boolean[] shown, int routeWidth, String route, String attempts, String verified, String cost,
      String time, String infra, String acr, String last) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-" + routeWidth + "s  %8s  %s  %9s", route, attempts, verified, cost));
    if (shown[0]) {
      b.append(String.format(Locale.ROOT, "  %10s", time));
    }
    if (shown[1]) {
      b.append(String.format(Locale.ROOT, "  %5s", infra));
    }
    if (shown[2]) {
      b.append(String.format(Locale.ROOT, "  %7s", acr));
    }
    if (shown[3]) {
      b.append("  ").append(last);
    }
    return b.toString();
  }

  private static String count(long n) {
    return n == 0 ? "-" : Long.toString(n);
  }

  /** A bar of {@code width} cells for 0..100 %, in eighths of a cell. */
  static String bar(double pct, int width) {
    long eighths = Math.round(Math.max(0, Math.min(100, pct)) / 100 * width * 8);
    return "█".repeat((int) (eighths / 8)) + EIGHTHS[(int) (eighths % 8)];
  }

  private static String style(Ansi ansi, String style, String s) {
    return ansi == Ansi.ON && !s.isEmpty() ? ansi.string("@|" + style + " " + s + "|@") : s;
  }

  private static String duration(double ms) {
    if (ms < 1000) {
      return String.format(Locale.ROOT, "%.0fms", ms);
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1fs", ms / 1000);
    }
    return String.format(Locale.ROOT, "%.1fm", ms / 60_000);
  }

  private static String shortTs(String ts) {
    return ts.length() > 19 && ts.charAt(10) == 'T' && ts.endsWith("Z") ? ts.substring(0, 19) + "Z" : ts;
  }
}
