package dev.acr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.bench.BenchDataException;
import dev.acr.bench.BenchDataset;
import dev.acr.bench.BenchImport;
import dev.acr.bench.BenchLoader;
import dev.acr.bench.BenchSource;
import dev.acr.bench.ReplayFiles;
import dev.acr.memory.MemoryRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code acr bench import}: the benchmark tables as memory records (one per task × model). */
@Command(
    name = "import",
    description = "Write CodeRouterBench tables as memory JSONL (one record per task x model, source \"import\").",
    mixinStandardHelpOptions = true,
    footer = "%nExit codes:%n  0    written%n  1    the output file could not be written%n"
        + "  2    usage error, or benchmark data missing or invalid%n")
public final class BenchImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin BenchDataOptions source;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "Memory JSONL file to write.")
  Path out;

  @Option(names = "--priors", description = "Write priors (per model and dimension: single calls, mean performance,"
      + " verified share) as JSON instead of memory records; acr's shipped priors are made this way from all the data.")
  boolean priors;


  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    List<BenchDataset> datasets = source.datasets(err);
    if (datasets == null) {
      return 2;
    }
    BenchSource dir = source.source(err);
    if (dir == null) {
      return 2;
    }
    ObjectMapper json = new ObjectMapper();
    BenchLoader loader = new BenchLoader(json);
    try {
      if (priors) {
        List<dev.acr.bench.BenchTable> tables = new ArrayList<>();
        for (BenchDataset d : datasets) {
          tables.add(loader.load(dir, d));
        }
        createParent(out);
        dev.acr.bench.PriorsFit.of(tables).write(json, out);
        err.println("acr: wrote priors of " + tables.size() + " dataset(s) to " + out);
        return 0;
      }
      // Load and validate everything first, so bad data never leaves a half-written file.
      List<MemoryRecord> records = new ArrayList<>();
      for (BenchDataset d : datasets) {
        records.addAll(BenchImport.records(loader.load(dir, d)));
      }
      createParent(out);
      ReplayFiles.writeJsonl(json, out, records);
      long count = records.size();
      err.println("acr: wrote " + count + " records to " + out);
      return 0;
    } catch (BenchDataException e) {
      err.println("acr: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("acr: " + e.getMessage());
      return 1;
    }
  }

  private static void createParent(Path file) throws IOException {
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
  }
}
