package dev.acr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acr.memory.MemoryMerge;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code acr memory import}: merge other memory files into ours, skipping what we already have. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Merge other memory files (a teammate's export, say) into memory: each line is checked,"
        + " records memory already has are skipped, the rest appended under memory's lock.",
    footer = "%nA record is already there when all its fields but the prompt are equal.%n"
        + "%nExit codes:%n  0    merged (unreadable lines are skipped and listed on stderr)%n"
        + "  2    usage error, an input that cannot be read or holds no record at all,%n"
        + "       or memory cannot be written; then nothing is imported%n")
final class MemoryImportCommand implements Callable<Integer> {
  /** Unreadable lines listed one by one on stderr before the rest are only counted. */
  static final int LISTED_PROBLEMS = 20;

  @Spec CommandSpec spec;
  @ParentCommand MemoryCommand parent;

  @Mixin WhereOptions.Memory memoryOption;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Memory JSONL files to merge in.")
  List<Path> files;

  @Option(names = "--json", description = "Print the counts as one JSON document.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Env env = parent.env();
    Path memory = memoryOption.path(env);
    List<Path> inputs = new ArrayList<>();
    files.forEach(f -> inputs.add(env.cwd().resolve(f).normalize()));
    ProblemLines problems = new ProblemLines(err, LISTED_PROBLEMS);
    List<MemoryMerge.FileResult> results;
    try {
      results = MemoryMerge.merge(memory, inputs, problems);
    } catch (MemoryMerge.InputError e) {
      problems.finish();
      err.println("acr: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (IOException | java.io.UncheckedIOException e) {
      problems.finish();
      err.println("acr: cannot import into " + memory + ": " + IoErrors.reason(e) + "; memory is as it was");
      return ExitCodes.USAGE;
    }
    problems.finish();
    long added = results.stream().mapToLong(MemoryMerge.FileResult::added).sum();
    long duplicates = results.stream().mapToLong(MemoryMerge.FileResult::duplicates).sum();
    long bad = results.stream().mapToLong(MemoryMerge.FileResult::bad).sum();
    if (json) {
      ObjectMapper mapper = new ObjectMapper();
      ObjectNode root = mapper.createObjectNode();
      root.put("memory", memory.toString());
      root.put("added", added);
      root.put("duplicate", duplicates);
      root.put("bad", bad);
      ArrayNode perFile = root.putArray("files");
      for (MemoryMerge.FileResult f : results) {
        perFile.addObject().put("file", f.file().toString()).put("added", f.added()).put("duplicate", f.duplicates())
            .put("bad", f.bad());
      }
      CliJson.print(out, root, CliJson.indented(env));
      return ExitCodes.OK;
    }
    if (results.size() > 1) {
      for (MemoryMerge.FileResult f : results) {
        out.println(f.file() + ": " + counts(f.added(), f.duplicates(), f.bad()));
      }
    }
    out.println("imported into " + memory + ": " + counts(added, duplicates, bad));
    return ExitCodes.OK;
  }

  private static String counts(long added, long duplicates, long bad) {
    return added + " added, " + duplicates + " duplicate, " + bad + " bad";
  }
}
