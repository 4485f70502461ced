package dev.acr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.bench.BenchDataException;
import dev.acr.bench.BenchDataset;
import dev.acr.bench.BenchLoader;
import dev.acr.bench.BenchReplay;
import dev.acr.bench.BenchSource;
import dev.acr.bench.BenchTable;
import dev.acr.bench.Decisions;
import dev.acr.bench.PublishedRouters;
import dev.acr.bench.MemoryTableLoader;
import dev.acr.bench.TaskFeatures;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    mixinStandardHelpOptions = true,
    footer = "%nExit codes:%n  0    replayed and reported%n  1    the report could not be written (--out)%n"
        + "  2    usage error, or benchmark data or memory missing or invalid%n")
public final class BenchReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin BenchDataOptions source;


  @Option(names = "--routers", paramLabel = "LIST", split = ",",
      description = "Rows to run, comma-separated (e.g. Oracle,ACRouter,Always,kNN; 'Always' means every Always-<model>). Default: all.")
  List<String> routers;

  @Mixin ReplayTableOptions table;

  @picocli.CommandLine.ParentCommand BenchCommand parent;

  @Option(names = "--memory", paramLabel = "FILE", description = "Replay a memory JSONL file (tasks x routes tried) instead of the benchmark.")
  Path memory;

  @Option(names = "--decisions", paramLabel = "NAME=FILE",
      description = "Score a router's decisions (JSONL: task_id, chosen_model; one call per task, every task of its dataset) "
          + "as row NAME of the single-call table; repeatable.")
  Map<String, Path> decisions = new LinkedHashMap<>();

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
    List<ReplayTableOptions.Loaded> tables;
    try {
      if (memory != null) {
        if (!decisions.isEmpty()) {
          err.println("acr: --decisions scores benchmark tasks; it does not combine with --memory");
          return 2;
        }
        BenchTable loaded = new MemoryTableLoader(json).load(memory, "memory");
        tables = List.of(new ReplayTableOptions.Loaded(loaded, new TaskFeatures(loaded.tasks()), List.of()));
      } else {
        BenchSource from = source.source(err);
        if (from == null) {
          return 2;
        }
        if (from.isBundled()) {
          err.println("acr: data: the CodeRouterBench copy bundled in acr (MIT; upstream LanceZPF/agent-as-a-router, "
              + "Hugging Face Lance1573/CodeRouterBench)");
        }
        tables = withDecisions(json, loadAll(json, from, datasets, err));
      }
    } catch (BenchDataException | IOException e) {
      err.println("acr: " + e.getMessage());
      return 2;
    } catch (UsageError e) {
      err.println("acr: " + e.getMessage());
      return 2;
    }
    Set<String> matched = new LinkedHashSet<>();
    Set<String> known = new LinkedHashSet<>();
    List<BenchReplay.Plan> plans;
    try {
      plans = table.plans(tables, name -> {
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
    return table.replayAndPrint(plans, json, stdout, table.jsonOut && CliJson.indented(parent.env()), err, load);
  }

  /**
   * Loads the datasets in parallel and, with the features, builds each dataset's rows; the first
   * dataset's problems are reported first. The published routers' rows are parsed on the ID
   * test's thread as soon as its table is loaded: they need that table, and were the last serial
   * step before the replay while OOD176 (long prompts, their features) often still loads.
   */
  private static List<ReplayTableOptions.Loaded> loadAll(
      ObjectMapper json, BenchSource from, List<BenchDataset> datasets, PrintWriter err)
      throws IOException, BenchDataException, InterruptedException {
    List<CompletableFuture<ReplayTableOptions.Loaded>> futures = new ArrayList<>();
    for (BenchDataset d : datasets) {
      futures.add(CompletableFuture.supplyAsync(() -> {
        try {
          BenchTable table = new BenchLoader(json).load(from, d);
          List<Decisions> published = d == BenchDataset.ID_TEST
              ? PublishedRouters.load(from, table, json, note -> err.println("acr: " + note))
              : List.of();
          return new ReplayTableOptions.Loaded(table, new TaskFeatures(table.tasks()), published);
        } catch (IOException | BenchDataException | InterruptedException e) {
          throw new CompletionException(e);
        }
      }));
    }
    List<ReplayTableOptions.Loaded> tables = new ArrayList<>();
    for (CompletableFuture<ReplayTableOptions.Loaded> f : futures) {
      try {
        tables.add(f.get());
      } catch (ExecutionException e) {
        if (e.getCause() instanceof BenchDataException bad) {
          throw bad;
        }
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        if (e.getCause() instanceof InterruptedException stop) {
          throw stop;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
    return tables;
  }

  /** A --decisions problem that is the user's to fix (exit 2). */
  private static final class UsageError extends Exception {
    UsageError(String message) {
      super(message);
    }
  }

  /**
   * Adds each --decisions file's row, after the published routers' (loaded with the ID test), on
   * the dataset most of its task ids belong to.
   */
  private List<ReplayTableOptions.Loaded> withDecisions(ObjectMapper json, List<ReplayTableOptions.Loaded> tables)
      throws IOException, BenchDataException, UsageError {
    Map<BenchTable, List<Decisions>> rows = new LinkedHashMap<>();
    for (ReplayTableOptions.Loaded t : tables) {
      rows.put(t.table(), new ArrayList<>(t.decided()));
    }
    for (Map.Entry<String, Path> e : decisions.entrySet()) {
      String name = e.getKey().strip();
      if (name.isEmpty() || Decisions.PUBLISHED.containsKey(name)) {
        throw new UsageError("--decisions: row name '" + name + "' is " + (name.isEmpty() ? "empty" : "a published router's"));
      }
      String text;
      try {
        text = Files.readString(e.getValue());
      } catch (NoSuchFileException missing) {
        throw new UsageError("--decisions " + name + ": " + e.getValue() + ": no such file");
      }
      BenchTable target = null;
      int best = 0;
      for (BenchTable t : rows.keySet()) {
        int overlap = Decisions.overlap(json, text, t);
        if (overlap > best) {
          best = overlap;
          target = t;
        }
      }
      if (target == null) {
        throw new UsageError("--decisions " + name + ": " + e.getValue()
            + ": no task_id of it is in the datasets replayed (see --dataset)");
      }
      rows.get(target).add(Decisions.parse(name, e.getValue().toString(), text, target, json));
    }
    return tables.stream()
        .map(t -> new ReplayTableOptions.Loaded(t.table(), t.features(), List.copyOf(rows.get(t.table()))))
        .toList();
  }

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
