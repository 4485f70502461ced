package dev.acr.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code acr memory}: share, merge and tidy the memory file. */
@Command(
    name = "memory",
    mixinStandardHelpOptions = true,
    description = "Export memory to share it, import a teammate's, compact torn lines and duplicates away.",
    footer = "%nExit codes:%n  0-2  as each subcommand's help says (acr memory export --help)%n  2    no subcommand given%n",
    subcommands = {MemoryExportCommand.class, MemoryImportCommand.class, MemoryCompactCommand.class})
final class MemoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand AcrCommand parent;

  Env env() {
    return parent.env();
  }

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("acr: memory needs a subcommand: export, import or compact");
    spec.commandLine().usage(spec.commandLine().getErr(), env().ansi());
    return ExitCodes.USAGE;
  }
}
