package dev.acr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.bench.BenchReplay;
import dev.acr.bench.BenchTable;
import dev.acr.bench.Contestant;
import dev.acr.bench.Contestants;
import dev.acr.bench.MetricsJson;
import dev.acr.bench.PriorsFit;
import dev.acr.bench.ReplayFiles;
import dev.acr.bench.ReportTables;
import dev.acr.bench.TaskFeatures;
import dev.acr.policy.Priors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import picocli.CommandLine.Option;

/**
 * The replay table: its options and how it is run and printed. {@code acr bench replay} and
 * {@code acr bench live} share it, so a live bench prints exactly the table (and writes exactly
 * the files) a replay of its memory does.
 */
final class ReplayTableOptions {
  @Option(names = "--orders", paramLabel = "N", defaultValue = "20", description = "Shuffled task orders besides the canonical one (default: ${DEFAULT-VALUE}).")
  int orders;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed for shuffles and randomised routers (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Write table.md, table.csv, metrics.json, regret.svg, decisions/, memory.jsonl here.")
  Path out;

  @Option(names = "--json", description = "Print metrics.json to stdout instead of the table.")
  boolean jsonOut;

  @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "8", description = "Attempts per task at most in the replay (default: ${DEFAULT-VALUE}).")
  int maxAttempts;

  @Option(names = "--priors", paramLabel = "FILE", description = "Priors for the acr+priors row (written by `acr bench import --priors`)."
      + " Default: fitted on the other dataset of the run (with --dataset all); without either, no acr+priors row.")
  Path priors;

  /** Why the options cannot work, or null when they can. */
  String invalid() {
    if (orders < 0) {
      return "--orders must be >= 0";
    }
    return maxAttempts < 1 ? "--max-attempts must be >= 1" : null;
  }

  /** Each table with every row {@code keep} accepts (by router name), in report order. */
  List<BenchReplay.Plan> plans(List<BenchTable> tables, List<TaskFeatures> features, Predicate<String> keep)
      throws IOException {
    Priors file = priors == null ? null : Priors.read(priors);
    List<BenchReplay.Plan> plans = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      List<Contestant> rows = new ArrayList<>();
      Priors p = file != null ? file : PriorsFit.others(tables, i);
      for (Contestant c : Contestants.all(tables.get(i), features.get(i), maxAttempts, p)) {
        if (keep.test(c.name())) {
          rows.add(c);
        }
      }
      plans.add(new BenchReplay.Plan(tables.get(i), rows));
    }
    return plans;
  }

  /**
   * Replays the plans, writes {@code --out} and prints the table (or metrics.json with --json).
   * Returns the exit code; the timing line on stderr starts with {@code before} (e.g. the load).
   */
  int replayAndPrint(List<BenchReplay.Plan> plans, ObjectMapper json, PrintWriter stdout, PrintWriter err, String before)
      throws InterruptedException {
    long start = System.nanoTime();
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    BenchReplay.Options options = new BenchReplay.Options(orders, seed, maxAttempts, threads);
    long replayed;
    try {
      // The canonical details are written while the shuffled orders are still replaying.
      List<BenchReplay.DatasetReport> reports = BenchReplay.run(plans, options, canonical -> {
        if (out != null) {
          ReplayFiles.writeDetails(out, json, canonical);
        }
      });
      replayed = System.nanoTime();
      if (out != null) {
        ReplayFiles.writeSummary(out, json, reports, options);
      }
      if (jsonOut) {
        stdout.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(MetricsJson.build(json, reports, options)));
      } else {
        stdout.print(ReportTables.text(reports, options));
      }
    } catch (IOException e) {
      err.println("acr: cannot write " + out + ": " + e);
      return ExitCodes.NOT_VERIFIED;
    }
    stdout.flush();
    err.printf(Locale.ROOT, "acr: %sreplay and details %.2f s (%d orders, %d threads), summary %.2f s%s%n",
        before, (replayed - start) / 1e9, orders + 1, threads, (System.nanoTime() - replayed) / 1e9,
        out == null ? "" : "; wrote " + out);
    return ExitCodes.OK;
  }
}
