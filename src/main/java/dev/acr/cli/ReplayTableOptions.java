package dev.acr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.bench.BenchReplay;
import dev.acr.bench.BenchTable;
import dev.acr.bench.Contestant;
import dev.acr.bench.Contestants;
import dev.acr.bench.Decisions;
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

  @Option(names = "--out", paramLabel = "DIR",
      description = "Write table.md, table.csv, metrics.json, regret.svg and per limit N capN/decisions/, capN/memory.jsonl here.")
  Path out;

  @Option(names = "--json", description = "Print metrics.json to stdout instead of the table.")
  boolean jsonOut;

  @Option(names = "--max-attempts", paramLabel = "N", split = ",", defaultValue = "1,3,8",
      description = "Attempt limits, comma-separated: one table per limit, binding every router (default: ${DEFAULT-VALUE}: "
          + "single call, the live default, the most).")
  List<Integer> caps;

  @Option(names = "--seeds", paramLabel = "N", defaultValue = "" + BenchReplay.DEFAULT_SEEDS,
      description = "Seeds of a randomised router's canonical-order row, reported as mean ± sd (default: ${DEFAULT-VALUE}).")
  int seeds;

  /** One dataset ready to replay: the table, its router-visible features, its decisions rows. */
  record Loaded(BenchTable table, TaskFeatures features, List<Decisions> decided) {}

  @Option(names = "--priors", paramLabel = "FILE", description = "Priors for the acr+priors row (written by `acr bench import --priors`)."
      + " Default: when the run replays both benchmark datasets, fitted on the other one; else no acr+priors row.")
  Path priors;

  @Option(names = "--race", paramLabel = "N|auto", description = "Also replay acr racing: batches of N routes at once"
      + " (the first to verify by the table's time wins), or auto (race when the time saved is worth the extra cost).")
  String race;

  /** Why the options cannot work, or null when they can. */
  String invalid() {
    if (orders < 0) {
      return "--orders must be >= 0";
    }
    if (seeds < 1) {
      return "--seeds must be >= 1";
    }
    if (race != null && !race.equalsIgnoreCase("auto") && !race.matches("[2-9]|[1-9][0-9]+")) {
      return "--race must be auto or a number of routes at once, 2 or more (got '" + race + "')";
    }
    return caps.stream().anyMatch(c -> c < 1) ? "--max-attempts must be >= 1" : null;
  }

  /**
   * Each dataset at each limit with every row {@code keep} accepts (by router name), in report
   * order. acr+priors reads --priors FILE, else is fitted (once per dataset) on the other datasets.
   */
  List<BenchReplay.Plan> plans(List<Loaded> datasets, Predicate<String> keep) throws IOException {
    Priors file = priors == null ? null : Priors.read(priors);
    List<BenchTable> tables = datasets.stream().map(Loaded::table).toList();
    List<BenchReplay.Plan> plans = new ArrayList<>();
    for (int i = 0; i < datasets.size(); i++) {
      Loaded d = datasets.get(i);
      Priors p = file != null ? file : PriorsFit.others(tables, i);
      for (int cap : caps.stream().distinct().sorted().toList()) {
        List<Contestant> rows = new ArrayList<>();
        for (Contestant c : Contestants.all(d.table(), d.features(), cap, d.decided(), p)) {
          if (keep.test(c.name())) {
            rows.add(c);
          }
        }
        if (race != null && keep.test("acr")) {
          rows.add(Contestants.racingAcr(d.table(), cap, race));
        }
        plans.add(new BenchReplay.Plan(d.table(), cap, rows));
      }
    }
    return plans;
  }

  /**
   * Replays the plans, writes {@code --out} and prints the table (or metrics.json with --json).
   * Returns the exit code; the timing line on stderr starts with {@code before} (e.g. the load).
   */
  int replayAndPrint(
      List<BenchReplay.Plan> plans, ObjectMapper json, PrintWriter stdout, boolean indented, PrintWriter err, String before)
      throws InterruptedException {
    long start = System.nanoTime();
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    BenchReplay.Options options = new BenchReplay.Options(orders, seed, seeds, threads);
    long replayed;
    try {
      // The canonical details are written while the shuffled orders are still replaying.
      List<BenchReplay.DatasetReport> reports = BenchReplay.run(plans, options,
          out == null ? BenchReplay.Details.DROP : ReplayFiles.details(out, json));
      replayed = System.nanoTime();
      if (out != null) {
        ReplayFiles.writeSummary(out, json, reports, options);
      }
      if (jsonOut) {
        CliJson.print(stdout, MetricsJson.build(json, reports, options), indented);
      } else {
        stdout.print(ReportTables.text(reports, options));
      }
    } catch (IOException e) {
      err.println("acr: cannot write " + out + ": " + IoErrors.reason(e) + "; pass another --out DIR");
      return ExitCodes.NOT_VERIFIED;
    }
    stdout.flush();
    err.printf(Locale.ROOT, "acr: %sreplay and details %.2f s (%d plans, %d seeds + %d orders, %d threads), summary %.2f s%s%n",
        before, (replayed - start) / 1e9, plans.size(), seeds, orders, threads, (System.nanoTime() - replayed) / 1e9,
        out == null ? "" : "; wrote " + out);
    return ExitCodes.OK;
  }
}
