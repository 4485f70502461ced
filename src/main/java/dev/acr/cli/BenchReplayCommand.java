package dev.acr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.bench.BenchDataException;
import dev.acr.bench.BenchDataset;
import dev.acr.bench.BenchLoader;
import dev.acr.bench.BenchReplay;
import dev.acr.bench.BenchTable;
import dev.acr.bench.MemoryTableLoader;
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

  @Mixin ReplayTableOptions table;

  @Option(names = "--memory", paramLabel = "FILE", description = "Replay a memory JSONL file (tasks x routes tried) instead of the benchmark.")
  Path memory;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    String invalid = table.invalid();
    if (invalid != null) {
      err.println("acr: " + invalid);
      return 2;
    }
    List<BenchDataset> datasets = source.datasets(err);
    if (datasets == null) {
      return 2;
    }
    // The replay writes tens of MB of doubles (memory.jsonl, decisions); Jackson's own
    // shortest-form writer is far cheaper than Double.toString, which also costs C2 seconds.
    ObjectMapper json = com.fasterxml.jackson.databind.json.JsonMapper.builder()
        .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
        .build();
    long start = System.nanoTime();
    List<Loaded> tables = new ArrayList<>();
    try {
      if (memory != null) {
        BenchTable loaded = new MemoryTableLoader(json).load(memory, "memory");
        tables.add(new Loaded(loaded, new TaskFeatures(loaded.tasks())));
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
    Set<String> matched = new LinkedHashSet<>();
    Set<String> known = new LinkedHashSet<>();
    List<BenchReplay.Plan> plans;
    try {
      plans = table.plans(
          tables.stream().map(Loaded::table).toList(), tables.stream().map(Loaded::features).toList(), name -> {
            known.add(name);
            String hit = selected(name);
            if (hit != null) {
              matched.add(hit);
            }
            return hit != null;
          });
    } catch (IOException e) {
      err.println("acr: --priors: cannot read " + table.priors + ": " + e.getMessage());
      return 2;
    }
    if (routers != null) {
      for (String r : routers) {
        if (!matched.contains(r.strip().toLowerCase(Locale.ROOT))) {
          err.println("acr: --routers: unknown router '" + r.strip() + "' (known: " + String.join(", ", known) + ")");
          return 2;
        }
      }
    }
    String load = String.format(Locale.ROOT, "load %.2f s, ", (System.nanoTime() - start) / 1e9);
    return table.replayAndPrint(plans, json, stdout, err, load);
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
