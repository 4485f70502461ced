package dev.acr.cli;

import dev.acr.bench.BenchDataset;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that say which benchmark data to read, shared by the bench subcommands. */
final class BenchDataOptions {
  static final String ENV = "ACR_BENCH_DATA";

  @Option(names = "--data", paramLabel = "DIR", description = "CodeRouterBench folder (default: $ACR_BENCH_DATA).")
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

  /** The folder: {@code --data}, else {@code $ACR_BENCH_DATA}; null after printing why not. */
  Path directory(PrintWriter err) {
    Path dir = data;
    if (dir == null) {
      String env = System.getenv(ENV);
      if (env == null || env.isBlank()) {
        err.println("acr: no benchmark data: pass --data DIR or set " + ENV);
        return null;
      }
      dir = Path.of(env);
    }
    if (!Files.isDirectory(dir)) {
      err.println("acr: " + dir + ": not a directory");
      return null;
    }
    return dir;
  }
}
