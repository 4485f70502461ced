package dev.acr.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acr.memory.MemoryCompaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code acr memory compact}: drop torn lines and duplicates, atomically. */
@Command(
    name = "compact",
    mixinStandardHelpOptions = true,
    description = "Rewrite memory without unreadable lines (torn writes) and repeated records, atomically and"
        + " under memory's lock, so acr runs appending meanwhile lose nothing.",
    footer = "%nA record is repeated when all its fields but the prompt are equal; the first one stays.%n"
        + "%nExit codes:%n  0    compacted, or nothing to drop%n  2    usage error, or memory cannot be read or written (then it is as%n"
        + "       it was)%n")
final class MemoryCompactCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand MemoryCommand parent;

  @Mixin WhereOptions.Memory memoryOption;

  @Option(names = "--dry-run", description = "Count what would be dropped; change nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print the counts as one JSON document.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Env env = parent.env();
    Path memory = memoryOption.path(env);
    if (!Files.exists(memory)) {
      if (json) {
        CliJson.print(out, json(memory, new MemoryCompaction.Result(0, 0, 0, 0, false)), CliJson.indented(env));
      } else {
        out.println("no memory yet at " + memory + "; nothing to compact");
      }
      return ExitCodes.OK;
    }
    ProblemLines problems = new ProblemLines(err, MemoryImportCommand.LISTED_PROBLEMS);
    MemoryCompaction.Result r;
    try {
      r = MemoryCompaction.compact(memory, dryRun, problems);
    } catch (IOException | java.io.UncheckedIOException e) {
      problems.finish();
      err.println("acr: cannot compact " + memory + ": " + IoErrors.reason(e) + "; memory is as it was");
      return ExitCodes.USAGE;
    }
    problems.finish();
    if (json) {
      CliJson.print(out, json(memory, r), CliJson.indented(env));
      return ExitCodes.OK;
    }
    long dropped = r.duplicates() + r.unreadable();
    String counts = "before " + r.lines() + " line(s), after " + r.kept() + " record(s) (" + r.duplicates()
        + " duplicate(s), " + r.unreadable() + " unreadable line(s) " + (dryRun ? "to drop" : "dropped") + ")";
    if (dropped == 0) {
      out.println("nothing to drop in " + memory + ": " + r.kept() + " record(s), file unchanged");
    } else if (dryRun) {
      out.println("dry run, " + memory + ": " + counts + "; nothing was changed");
    } else {
      out.println("compacted " + memory + ": " + counts);
    }
    return ExitCodes.OK;
  }

  private ObjectNode json(Path memory, MemoryCompaction.Result r) {
    ObjectNode root = CliJson.JSON.createObjectNode();
    root.put("memory", memory.toString());
    root.put("dry_run", dryRun);
    root.put("lines_before", r.lines());
    root.put("records_after", r.kept());
    root.put("duplicates", r.duplicates());
    root.put("unreadable", r.unreadable());
    root.put("rewritten", r.rewritten());
    return root;
  }
}
