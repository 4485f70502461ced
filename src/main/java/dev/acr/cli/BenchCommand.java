package dev.acr.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code acr bench}: replay routers over CodeRouterBench or a memory file, import the tables, or
 * run the live problems through the real agents.
 */
@Command(
    name = "bench",
    description = "Replay routers over CodeRouterBench tables or a memory file; import the tables as memory;"
        + " run the live problems through your agents.",
    mixinStandardHelpOptions = true,
    footer = "%nExit codes:%n  0-2, 130  as each subcommand's help says (acr bench replay --help)%n  2    no subcommand given%n",
    subcommands = {BenchReplayCommand.class, BenchImportCommand.class, BenchLiveCommand.class})
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Null when bench runs standalone ({@link #main}). */
  @ParentCommand AcrCommand parent;

  /** The environment acr runs in: the parent's, or the process's own when standalone. */
  Env env() {
    if (parent != null) {
      return parent.env();
    }
    return new Env(System.getenv(), Path.of("").toAbsolutePath(), Terminal.ansi(System.getenv()));
  }

  /** Standalone entry (bench/replay.sh falls back to it before bin/acr exists). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("acr: bench needs a subcommand: replay, import or live");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
