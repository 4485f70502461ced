package dev.acr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.bench.BenchDataException;
import dev.acr.bench.BenchDataset;
import dev.acr.bench.BenchLoader;
import dev.acr.bench.BenchReplay;
import dev.acr.bench.BenchTable;
import dev.acr.bench.Contestant;
import dev.acr.bench.Contestants;
import dev.acr.bench.MemoryTableLoader;
import dev.acr.bench.MetricsJson;
import dev.acr.bench.ReplayFiles;
import dev.acr.bench.ReportTables;
import dev.acr.bench.TaskFeatures;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code acr bench replay}: every router through the same RunLoop a live run uses, with the
 * benchmark table (or a memory file) standing in for the agents. The table goes to stdout (or
 * metrics.json with --json), diagnostics to stderr.
 */
@Command(
    name = "replay",
    description = "Replay routers over CodeRouterBench (or a memory file) and report reward, regret and cost.",
    mixinStandardHelpOptions = true)
public final class BenchReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin BenchDataOptions source;


  @Option(names = "--routers", paramLabel = "LIST", split = ",",
      description = "Rows to run, comma-separated (e.g. Oracle,ACRouter,Always,kNN; 'Always' means every Always-<model>). Default: all.")
  List<String> routers;

  @Option(names = "--orders", paramLabel = "N", defaultValue = "20", description = "Shuffled task orders besides the canonical one (default: ${DEFAULT-VALUE}).")
  int orders;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed for shuffles and randomised routers (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Write table.md, table.csv, metrics.json, regret.svg, decisions/, memory.jsonl here.")
  Path out;

  @Option(names = "--json", description = "Print metrics.json to stdout instead of the table.")
  boolean jsonOut;

  @Option(names = "--memory", paramLabel = "FILE", description = "Replay a memory JSONL file (tasks x routes tried) instead of the benchmark.")
  Path memory;

  @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "8", description = "Attempts per task at most (default: ${DEFAULT-VALUE}).")
  int maxAttempts;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    if (orders < 0 || maxAttempts < 1) {
      err.println("acr: " + (orders < 0 ? "--orders must be >= 0" : "--max-attempts must be >= 1"));
      return 2;
    }
    List<BenchDataset> datasets = source.datasets(err);
    if (datasets == null) {
      return 2;
    }
    ObjectMapper json = new ObjectMapper();
    long start = System.nanoTime();
    List<Loaded> tables = new ArrayList<>();
    try {
      if (memory != null) {
        BenchTable table = new MemoryTableLoader(json).load(memory, "memory");
        tables.add(new Loaded(table, new TaskFeatures(table.tasks())));
      } else {
        Path dir = source.directory(err);
        if (dir == null) {
          return 2;
        }
        tables.addAll(loadAll(json, dir, datasets));
      }
    } catch (BenchDataException e) {
      err.println("acr: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("acr: " + e.getMessage());
      return 2;
    }
    List<BenchReplay.Plan> plans = new ArrayList<>();
    Set<String> matched = new LinkedHashSet<>();
    Set<String> known = new LinkedHashSet<>();
    for (Loaded loaded : tables) {
      BenchTable table = loaded.table();
      List<Contestant> rows = new ArrayList<>();
      for (Contestant c : Contestants.all(table, loaded.features(), maxAttempts)) {
        known.add(c.name());
        String hit = selected(c.name());
        if (hit != null) {
          matched.add(hit);
          rows.add(c);
        }
      }
      plans.add(new BenchReplay.Plan(table, rows));
    }
    if (routers != null) {
      for (String r : routers) {
        if (!matched.contains(r.strip().toLowerCase(Locale.ROOT))) {
          err.println("acr: --routers: unknown router '" + r.strip() + "' (known: " + String.join(", ", known) + ")");
          return 2;
        }
      }
    }
    long loaded = System.nanoTime();
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    BenchReplay.Options options = new BenchReplay.Options(orders, seed, maxAttempts, threads);
    List<BenchReplay.DatasetReport> reports;
    long replayed;
    try {
      // The canonical details are written while the shuffled orders are still replaying.
      reports = BenchReplay.run(plans, options, canonical -> {
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
      return 1;
    }
    stdout.flush();
    err.printf(Locale.ROOT, "acr: load %.2f s, replay and details %.2f s (%d orders, %d threads), summary %.2f s%s%n",
        (loaded - start) / 1e9, (replayed - loaded) / 1e9, orders + 1, threads, (System.nanoTime() - replayed) / 1e9,
        out == null ? "" : "; wrote " + out);
    return 0;
  }

  /**
   * Loads the datasets in parallel (the ID table is most of the load time) and, with the
   * features, builds each dataset's rows; the first dataset's problems are reported first.
   */
  private static List<Loaded> loadAll(ObjectMapper json, Path dir, List<BenchDataset> datasets)
      throws IOException, BenchDataException, InterruptedException {
    List<CompletableFuture<Loaded>> futures = new ArrayList<>();
    for (BenchDataset d : datasets) {
      futures.add(CompletableFuture.supplyAsync(() -> {
        try {
          BenchTable table = new BenchLoader(json).load(dir, d);
          return new Loaded(table, new TaskFeatures(table.tasks()));
        } catch (IOException | BenchDataException e) {
          throw new CompletionException(e);
        }
      }));
    }
    List<Loaded> tables = new ArrayList<>();
    for (CompletableFuture<Loaded> f : futures) {
      try {
        tables.add(f.get());
      } catch (ExecutionException e) {
        if (e.getCause() instanceof BenchDataException bad) {
          throw bad;
        }
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
    return tables;
  }

  /** A loaded dataset and the router-visible features of its tasks. */
  private record Loaded(BenchTable table, TaskFeatures features) {}

  /** The --routers entry this row matches (lowercased), "*" when no filter, null when not selected. */
  private String selected(String name) {
    if (routers == null) {
      return "*";
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (String r : routers) {
      String want = r.strip().toLowerCase(Locale.ROOT);
      if (lower.equals(want) || (want.equals("always") && lower.startsWith("always-"))) {
        return want;
      }
    }
    return null;
  }
}
