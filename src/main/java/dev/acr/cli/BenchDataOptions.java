package dev.acr.cli;

import dev.acr.bench.BenchDataset;
import dev.acr.bench.BenchSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that say which benchmark data to read, shared by the bench subcommands. */
final class BenchDataOptions {
  static final String ENV = "ACR_BENCH_DATA";

  @Option(names = "--data", paramLabel = "DIR",
      description = "CodeRouterBench folder in the upstream layout, e.g. a download of the Hugging Face dataset "
          + "Lance1573/CodeRouterBench (default: $ACR_BENCH_DATA, else the copy bundled in acr).")
  Path data;

  @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "all", description = "ood176, id-test or all (default: ${DEFAULT-VALUE}).")
  String dataset;

  /** The datasets asked for, or null after printing why the name is wrong (the caller exits 2). */
  List<BenchDataset> datasets(PrintWriter err) {
    List<BenchDataset> datasets = BenchDataset.parse(dataset);
    if (datasets == null) {
      err.println("acr: --dataset: expected ood176, id-test or all, got '" + dataset + "'");
    }
    return datasets;
  }

  /**
   * Where to read: {@code --data}, else {@code $ACR_BENCH_DATA}, else the bundled copy (OOD176,
   * the ID test and the published decisions, MIT, from LanceZPF/agent-as-a-router). Null after
   * printing why a given folder cannot be used.
   */
  BenchSource source(PrintWriter err) {
    Path dir = data;
    if (dir == null) {
      String env = System.getenv(ENV);
      if (env == null || env.isBlank()) {
        return BenchSource.bundled();
      }
      dir = Path.of(env);
    }
    if (!Files.isDirectory(dir)) {
      err.println("acr: " + dir + ": not a directory (omit --data to use the bundled CodeRouterBench copy)");
      return null;
    }
    return BenchSource.directory(dir);
  }
}
