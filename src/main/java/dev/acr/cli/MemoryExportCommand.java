package dev.acr.cli;

import dev.acr.memory.AtomicFile;
import dev.acr.memory.MemoryExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code acr memory export}: memory's readable records as JSONL, to share or keep. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Write memory's readable records as JSONL (stdout by default), e.g. for a teammate's"
        + " acr memory import.",
    footer = "%nExit codes:%n  0    exported (also when there is no memory yet)%n  2    usage error, or memory or"
        + " FILE cannot be read or written%n")
final class MemoryExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand MemoryCommand parent;

  @Mixin WhereOptions.Memory memoryOption;

  @Option(names = "--out", paramLabel = "FILE|-", description = "Write here (user-only, replaced atomically) instead of stdout.")
  String outFile;

  @Mixin SinceOption since;

  @Option(names = "--no-prompts", description = "Leave prompts out; each live record's task keeps the prompt's sha256.")
  boolean noPrompts;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Env env = parent.env();
    Instant cutoff;
    try {
      cutoff = since.cutoff(err);
    } catch (SinceOption.Invalid e) {
      return ExitCodes.USAGE;
    }
    Path memory = memoryOption.path(env);
    boolean toStdout = outFile == null || outFile.equals("-");
    Path target = toStdout ? null : env.cwd().resolve(outFile).normalize();
    long[] skipped = {0};
    MemoryExport.Result r;
    try {
      if (toStdout) {
        r = MemoryExport.write(memory, cutoff, noPrompts, out, p -> skipped[0]++);
        out.flush();
      } else {
        if (Files.exists(target) && Files.exists(memory) && Files.isSameFile(target, memory)) {
          err.println("acr: --out " + target + " is the memory file itself; export to another file");
          return ExitCodes.USAGE;
        }
        if (!Files.isDirectory(target.getParent())) {
          err.println("acr: cannot write " + target + ": directory " + target.getParent() + " does not exist");
          return ExitCodes.USAGE;
        }
        try (AtomicFile file = AtomicFile.create(target)) {
          r = MemoryExport.write(memory, cutoff, noPrompts, file.writer(), p -> skipped[0]++);
          file.commit(PosixFilePermissions.fromString("rw-------"));
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      err.println("acr: cannot export " + memory + (toStdout ? "" : " to " + target) + ": " + IoErrors.reason(e));
      return ExitCodes.USAGE;
    }
    if (skipped[0] > 0) {
      err.println("acr: " + skipped[0] + " unreadable line(s) in " + memory + " skipped (acr memory compact drops them)");
    }
    err.println("acr: exported " + r.written() + " record(s)" + (noPrompts ? " without prompts" : "")
        + " from " + memory + (toStdout ? "" : " to " + target)
        + (Files.exists(memory) ? "" : " (no memory yet)"));
    return ExitCodes.OK;
  }
}
