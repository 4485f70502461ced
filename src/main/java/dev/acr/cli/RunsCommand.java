package dev.acr.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acr.memory.RunHistory;
import dev.acr.memory.RunHistory.RunSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code acr runs}: the latest runs memory knows, one line each. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = "List recent runs from memory: run id, when, dimension, attempts, result, cost, prompt."
        + " acr explain RUN-ID shows one in full.",
    footer = "%nEnded is the run's last record; cost sums what the attempts reported, with a + when some reported"
        + " none. A verified run says whether its change reached your working tree: 'verified, not applied' (a"
        + " concurrent edit, say) keeps the patch, and acr apply RUN-ID applies it later.%n%nExit codes:%n  0    ok (also when there is no memory yet)%n  2    usage error or unreadable memory%n")
final class RunsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand AcrCommand parent;

  @Mixin WhereOptions.Memory memoryOption;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Show at most N runs (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print one JSON document on stdout.")
  boolean json;

  @Override
  public Integer call() {
    Env env = parent.env();
    PrintWriter out = json ? spec.commandLine().getOut() : Fitted.to(spec.commandLine().getOut(), () -> Columns.of(env));
    PrintWriter err = spec.commandLine().getErr();
    if (limit < 1) {
      err.println("acr: --limit must be at least 1");
      return ExitCodes.USAGE;
    }
    Path memory = memoryOption.path(env);
    long[] skipped = {0};
    RunHistory.Page page;
    try {
      page = new RunHistory(memory, p -> skipped[0]++).latest(limit);
    } catch (IOException | java.io.UncheckedIOException e) {
      err.println("acr: cannot read memory " + memory + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (skipped[0] > 0) {
      err.println("acr: " + skipped[0] + " unreadable line(s) in " + memory + " skipped");
    }
    List<RunSummary> shown = page.runs();
    Path runs = dev.acr.live.AcrPaths.from(env.vars(), memoryOption.memoryFile(env)).runs();
    if (json) {
      CliJson.print(out, json(memory, runs, page.total(), skipped[0], shown), CliJson.indented(env));
    } else if (shown.isEmpty()) {
      out.println("no runs in memory yet at " + memory + "; each acr PROMPT run is recorded there (acr --dry-run PROMPT"
          + " first shows what one would do)");
    } else {
      text(out, shown, runs, env.ansi(), Columns.of(env));
      out.println(shown.size() + " of " + page.total() + " run(s) in " + memory + "; acr explain RUN-ID shows one (the newest without RUN-ID)");
    }
    return ExitCodes.OK;
  }

  private static void text(PrintWriter out, List<RunSummary> runs, Path runDirs, Ansi ansi, int columns) {
    int idWidth = "run".length();
    int dimWidth = "dimension".length();
    int resultWidth = "result".length();
    java.util.Map<String, String> results = new java.util.HashMap<>();
    for (RunSummary r : runs) {
      idWidth = Math.max(idWidth, r.runId().length());
      dimWidth = Math.max(dimWidth, orDash(r.dimension()).length());
      results.put(r.runId(), result(r, runDirs));
      resultWidth = Math.max(resultWidth, results.get(r.runId()).length());
    }
    // What a narrow terminal cannot hold goes, least needed first: dimension, attempts, cost, ended
    // (explain RUN-ID shows them all); the run, its result and some of the prompt always stay.
    int[] optional = {2 + dimWidth, 2 + 8, 2 + 9, 2 + 20};
    boolean[] shown = {true, true, true, true};
    int used = idWidth + 2 + resultWidth + 2 + MIN_PROMPT;
    for (int w : optional) {
      used += w;
    }
    // Not a terminal, COLUMNS not set: every column, the prompt cut as for 100 columns but to no fewer than 20.
    for (int i = 0; i < optional.length && columns > 0 && used > columns; i++) {
      shown[i] = false;
      used -= optional[i];
    }
    int promptWidth = Math.max(columns > 0 ? MIN_PROMPT : 20, (columns > 0 ? columns : 100) - (used - MIN_PROMPT));
    out.println(row(shown, idWidth, dimWidth, resultWidth, "run", "ended (UTC)", "dimension", "attempts", "result", "cost", "prompt"));
    for (RunSummary r : runs) {
      String result = String.format(Locale.ROOT, "%-" + resultWidth + "s", results.get(r.runId()));
      out.println(row(shown, idWidth, dimWidth, resultWidth, r.runId(), when(r.lastTs()), orDash(r.dimension()),
          Integer.toString(r.attempts()), style(ansi, r.verified() || "answered".equals(r.finalStatus()), result), cost(r),
          excerpt(r, promptWidth)));
    }
  }

  /** The fewest characters of the prompt a line keeps, however narrow the terminal. */
  private static final int MIN_PROMPT = 16;

  /** One line of the listing, with the optional columns {@code shown} says (dimension, attempts, cost, ended). */
  private static String row(boolean[] shown, int idWidth, int dimWidth, int resultWidth, String id, String ended,
      String dimension, String attempts, String result, String cost, String prompt) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-" + idWidth + "s", id));
    if (shown[3]) {
      b.append(String.format(Locale.ROOT, "  %-20s", ended));
    }
    if (shown[0]) {
      b.append(String.format(Locale.ROOT, "  %-" + dimWidth + "s", dimension));
    }
    if (shown[1]) {
      b.append(String.format(Locale.ROOT, "  %8s", attempts));
    }
    // The result may carry colour codes: padded before it was styled.
    b.append("  ").append(result.length() < resultWidth ? String.format(Locale.ROOT, "%-" + resultWidth + "s", result) : result);
    if (shown[2]) {
      b.append(String.format(Locale.ROOT, "  %9s", cost));
    }
    return b.append("  ").append(prompt).toString();
  }

  private static String style(Ansi ansi, boolean verified, String status) {
    return ansi == Ansi.ON ? ansi.string("@|" + (verified ? "green" : "red") + " " + status + "|@") : status;
  }

  /**
   * The run's result for a listing: the final attempt's status, and for a verified run whether
   * its change reached the working tree ({@code verified, not applied} when a concurrent edit or
   * a check after applying kept it out; {@code acr apply} can apply it later). Memory is written
   * before the apply, so this comes from the run's outcome.json; without one, the status alone.
   */
  static String result(RunSummary r, Path runDirs) {
    String status = orDash(r.finalStatus());
    if (!r.verified()) {
      return status;
    }
    String applied = appliedState(r, runDirs);
    return applied == null ? status : status + ", " + applied;
  }

  /** "applied", "not applied", "in place", or null when the run directory does not say. */
  static String appliedState(RunSummary r, Path runDirs) {
    com.fasterxml.jackson.databind.JsonNode outcome = outcome(r, runDirs);
    if (outcome == null || !outcome.has("applied")) {
      return null;
    }
    String result = outcome.path("result").asText("");
    if (result.equals(dev.acr.live.RunFiles.VERIFIED_IN_PLACE)) {
      return "in place";
    }
    return outcome.path("applied").asBoolean() ? "applied" : "not applied";
  }

  /** The prompt on one line, cut to {@code width}; without a stored prompt, its hash. */
  static String excerpt(RunSummary r, int width) {
    if (r.prompt() == null) {
      return r.task() == null ? "-" : "#" + r.task().substring(0, Math.min(12, r.task().length())) + " (prompt not stored)";
    }
    String oneLine = r.prompt().strip().replaceAll("\\s+", " ");
    return oneLine.length() <= width ? oneLine : oneLine.substring(0, Math.max(1, width - 1)) + "…";
  }

  static String cost(RunSummary r) {
    if (r.costUsd() == null) {
      return "-";
    }
    return String.format(Locale.ROOT, "$%.4f", r.costUsd()) + (r.costKnown() < r.attempts() ? "+" : "");
  }

  /** {@code 2026-11-23T10:48:09.123Z} as {@code 2026-11-23 10:48:09}; other forms as they are. */
  static String when(String ts) {
    if (ts == null) {
      return "-";
    }
    return ts.length() >= 19 && ts.charAt(10) == 'T' && ts.endsWith("Z") ? ts.substring(0, 10) + " " + ts.substring(11, 19) : ts;
  }

  private static String orDash(String s) {
    return s == null || s.isBlank() ? "-" : s;
  }

  private static ObjectNode json(Path memory, Path runDirs, int total, long skipped, List<RunSummary> runs) {
    ObjectNode root = CliJson.JSON.createObjectNode();
    root.put("memory", memory.toString());
    root.put("runs_total", total);
    root.put("skipped_lines", skipped);
    ArrayNode list = root.putArray("runs");
    for (RunSummary r : runs) {
      ObjectNode n = summaryJson(r, outcome(r, runDirs));
      String applied = r.verified() ? appliedState(r, runDirs) : null;
      n.put("applied", applied == null ? null : applied.equals("applied") || applied.equals("in place"));
      list.add(n);
    }
    return root;
  }

  /** The run's outcome.json, or null when its folder is gone or says nothing. */
  static com.fasterxml.jackson.databind.JsonNode outcome(RunSummary r, Path runDirs) {
    return dev.acr.live.RunFiles.runDir(runDirs, r.runId())
        .map(d -> dev.acr.live.RunFiles.readJson(d.resolve(dev.acr.live.RunFiles.OUTCOME))).orElse(null);
  }

  /**
   * The run as one object. Its time in two parts, named for what they are: {@code agent_ms}, the
   * agents' time, which memory keeps (routes are compared by it), and {@code tests_ms}, their
   * tests', which only the run's outcome.json keeps (null when it is gone or predates it). A
   * single {@code duration_ms} here read as the attempts' whole time while it was the agents' only.
   */
  static ObjectNode summaryJson(RunSummary r, com.fasterxml.jackson.databind.JsonNode outcome) {
    ObjectNode n = CliJson.JSON.createObjectNode();
    n.put("run_id", r.runId());
    n.put("started", r.firstTs());
    n.put("ended", r.lastTs());
    n.put("source", r.source());
    n.put("dimension", r.dimension());
    n.put("task", r.task());
    n.put("prompt", r.prompt());
    n.put("attempts", r.attempts());
    n.put("final_route", r.finalRoute());
    n.put("final_status", r.finalStatus());
    n.put("verified", r.verified());
    n.put("cost_usd", r.costUsd());
    n.put("cost_known_attempts", r.costKnown());
    n.put("agent_ms", r.durationMs());
    n.put("tests_ms", testsMs(outcome, r.attempts()));
    return n;
  }

  /** The sum of outcome.json's {@code tests_ms} over the run's attempts; null unless every one of them has it. */
  private static Long testsMs(com.fasterxml.jackson.databind.JsonNode outcome, int attempts) {
    if (outcome == null || outcome.path("attempts").size() != attempts) {
      return null;
    }
    long sum = 0;
    for (com.fasterxml.jackson.databind.JsonNode a : outcome.path("attempts")) {
      if (!a.path("tests_ms").canConvertToLong()) {
        return null;
      }
      sum += a.path("tests_ms").asLong();
    }
    return sum;
  }
}
