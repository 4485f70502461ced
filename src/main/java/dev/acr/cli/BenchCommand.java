package dev.acr.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code acr bench}: replay routers over CodeRouterBench or a memory file, or import the tables. */
@Command(
    name = "bench",
    description = "Replay routers over CodeRouterBench tables or a memory file; import the tables as memory.",
    mixinStandardHelpOptions = true,
    subcommands = {BenchReplayCommand.class, BenchImportCommand.class})
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Standalone entry (bench/replay.sh falls back to it before bin/acr exists). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
