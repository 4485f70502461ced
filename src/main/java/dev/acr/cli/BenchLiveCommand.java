package dev.acr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.bench.BenchDataException;
import dev.acr.bench.BenchTable;
import dev.acr.bench.MemoryTableLoader;
import dev.acr.bench.TaskFeatures;
import dev.acr.config.ConfigException;
import dev.acr.config.ConfigLoader;
import dev.acr.config.ToolsConfig;
import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.exec.ProcessRunner;
import dev.acr.live.LiveSession;
import dev.acr.live.Planner;
import dev.acr.live.UsageError;
import dev.acr.memory.MemoryStore;
import dev.acr.problems.LiveBench;
import dev.acr.problems.Problem;
import dev.acr.problems.ProblemRepo;
import dev.acr.problems.ProblemSet;
import dev.acr.verify.VerifyResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code acr bench live}: runs every problem through every route with acr's own live loop, writes
 * the attempts to memory ({@code source: "live-bench"}) and prints the replay table of exactly
 * those attempts. Progress goes to stderr, the table (or metrics.json) to stdout.
 */
@Command(
    name = "live",
    description = "Run the live problems (default: problems/) through each route with the normal live loop,"
        + " record the attempts in memory (source live-bench) and print the replay table of them.",
    mixinStandardHelpOptions = true,
    footer = "%nWith --out OUT, OUT/live-memory.jsonl holds just this bench's attempts; they replay offline with"
        + " acr bench replay --memory OUT/live-memory.jsonl.%n"
        + "%nExit codes:%n  0    every run done and the table printed (failed attempts included)%n"
        + "  1    the table or OUT could not be written%n"
        + "  2    usage error, bad problems or config, or a route's tool not installed%n"
        + "  130  interrupted (the attempts so far are in memory)%n")
public final class BenchLiveCommand implements Callable<Integer> {
  static final String DEFAULT_DIR = "problems";
  static final String LIVE_MEMORY = "live-memory.jsonl";
  /** What sh exits with when the command itself is missing (no go, no node, ...). */
  private static final int COMMAND_NOT_FOUND = 127;

  @Spec CommandSpec spec;

  @ParentCommand BenchCommand parent;

  @Parameters(arity = "0..1", paramLabel = "DIR", description = "A folder of problems, or one problem folder (default: ./problems, else the one next to acr).")
  Path dir;

  @Option(names = "--routes", paramLabel = "R1,R2", split = ",", description = "Routes to measure, by route or tool name (a tool stands for all its routes). Default: every route of an installed tool.")
  List<String> routes;

  @Option(names = "--config", paramLabel = "FILE", description = WhereOptions.CONFIG_HELP)
  Path config;

  @Mixin WhereOptions.Memory memoryOption;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class, description = "Per attempt, e.g. 90s, 20m (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Mixin ReplayTableOptions table;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    Env env = parent.env();
    String invalid = table.invalid();
    if (invalid != null) {
      err.println("acr: " + invalid);
      return ExitCodes.USAGE;
    }
    ObjectMapper json = new ObjectMapper();
    List<Problem> problems;
    ToolsConfig tools;
    Path configFile;
    List<Route> measured;
    try {
      problems = new ProblemSet(json).load(problemsDir(env));
      configFile = ConfigLoader.locate(WhereOptions.resolve(env, config), env.vars(), env.cwd());
      tools = configFile == null ? ConfigLoader.bundled() : ConfigLoader.load(configFile);
      measured = measuredRoutes(tools, env, err);
    } catch (BenchDataException | ConfigException | UsageError e) {
      err.println("acr: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (IOException e) {
      err.println("acr: cannot read the problems: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Path memory = memoryOption.path(env);
    err.println(String.format(Locale.ROOT, "acr: bench live: %d problems × %d routes = %d runs; config %s; memory %s",
        problems.size(), measured.size(), problems.size() * measured.size(),
        configFile == null ? "bundled tools.example.json" : configFile, memory));
    long start = System.nanoTime();
    LiveBench.Result result;
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory("acr-bench-live-");
      LiveBench.Setup setup = new LiveBench.Setup(configFile, memory, timeout, env.vars(), scratch);
      result = new LiveBench(new ProcessRunner(), Clock.systemUTC()).run(problems, measured, setup, progress(err));
    } catch (UsageError e) {
      err.println("acr: " + e.getMessage());
      // Ctrl-C while git was making a problem's repository surfaces as a git failure.
      return Thread.interrupted() ? ExitCodes.INTERRUPTED : ExitCodes.USAGE;
    } catch (IOException e) {
      err.println("acr: cannot make a temporary directory: " + e.getMessage() + " (check TMPDIR)");
      return ExitCodes.USAGE;
    } finally {
      removeScratch(scratch, err);
    }
    if (result.interrupted()) {
      err.println("acr: interrupted after " + result.reports().size() + " of " + problems.size() * measured.size()
          + " runs; their attempts are in " + memory);
      return ExitCodes.INTERRUPTED;
    }
    String live = String.format(Locale.ROOT, "live runs %.1f s, ", (System.nanoTime() - start) / 1e9);
    try {
      if (table.out != null) {
        writeRecords(table.out.resolve(LIVE_MEMORY), result);
      }
      BenchTable bench = MemoryTableLoader.fromRecords(result.records(), LiveBench.SOURCE);
      int code = table.replayAndPrint(
          table.plans(List.of(new ReplayTableOptions.Loaded(bench, new TaskFeatures(bench.tasks()), List.of())), name -> true),
          json, out, table.jsonOut && CliJson.indented(env), err, live);
      err.println("acr: replay these attempts offline: acr bench replay --memory "
          + (table.out != null ? table.out.resolve(LIVE_MEMORY) : memory));
      return code;
    } catch (BenchDataException e) {
      err.println("acr: " + e.getMessage());
      return ExitCodes.NOT_VERIFIED;
    } catch (IOException e) {
      err.println("acr: cannot write " + table.out + ": " + IoErrors.reason(e));
      return ExitCodes.NOT_VERIFIED;
    }
  }

  /** The folder given, else ./problems, else the problems/ of the acr checkout this jar was built in. */
  private Path problemsDir(Env env) {
    if (dir != null) {
      return WhereOptions.resolve(env, dir);
    }
    Path here = env.cwd().resolve(DEFAULT_DIR);
    if (Files.isDirectory(here)) {
      return here;
    }
    try {
      // target/acr.jar in a checkout: the checkout's problems/ sits beside target/.
      Path jar = Path.of(BenchLiveCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path beside = jar.getParent() == null || jar.getParent().getParent() == null
          ? null : jar.getParent().getParent().resolve(DEFAULT_DIR);
      if (beside != null && Files.isDirectory(beside)) {
        return beside;
      }
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      // No usable location: fall through to ./problems, whose absence the loader reports.
    }
    return here;
  }

  /** --routes resolved (a tool name means all its routes), else every route of an installed tool. */
  private List<Route> measuredRoutes(ToolsConfig tools, Env env, PrintWriter err) throws ConfigException, UsageError {
    Set<String> missing = Planner.missingTools(tools, env.vars(), env.cwd());
    Set<Route> chosen = new LinkedHashSet<>();
    if (routes != null) {
      for (String name : routes) {
        chosen.addAll(tools.resolve(name.strip()));
      }
      List<String> hints = new ArrayList<>();
      for (String tool : chosen.stream().map(Route::tool).distinct().toList()) {
        if (missing.contains(tool)) {
          hints.add(LiveSession.installHint(tools, tool));
        }
      }
      if (!hints.isEmpty()) {
        throw new UsageError("not installed: " + String.join("; ", hints));
      }
      return List.copyOf(chosen);
    }
    for (Route r : tools.routes()) {
      if (!missing.contains(r.tool())) {
        chosen.add(r);
      }
    }
    if (chosen.isEmpty()) {
      List<String> hints = missing.stream().map(t -> LiveSession.installHint(tools, t)).toList();
      throw new UsageError("none of the configured tools is installed (" + String.join("; ", hints)
          + "); install one, or pass --config with your own tools and --routes");
    }
    if (!missing.isEmpty()) {
      err.println("acr: skipping tools that are not installed: " + String.join(", ", missing));
    }
    return List.copyOf(chosen);
  }

  /** One line when a run starts and one when it ends, so a slow real agent is visibly at work. */
  private static LiveBench.Progress progress(PrintWriter err) {
    return new LiveBench.Progress() {
      @Override
      public void starting(LiveBench.Cell cell) {
        err.println("acr: " + cell.label() + ": running (" + cell.problem().language() + ", "
            + cell.problem().dimension().id() + ")");
      }

      @Override
      public void finished(LiveBench.Cell cell, LiveSession.Report report) {
        AttemptResult a = LiveBench.attempt(report);
        err.println("acr: " + cell.label() + ": " + (a == null ? "did not run" : a.status().id()
            + String.format(Locale.ROOT, " in %.1fs", a.durationMs() / 1000.0)
            + (a.costUsd() == null ? "" : String.format(Locale.ROOT, ", $%.4f", a.costUsd())))
            + " (logs: " + report.runDir() + ")");
        VerifyResult baseline = report.baseline();
        if (baseline != null && baseline.passed()) {
          err.println("acr: problem " + cell.problem().id() + ": its tests already pass before any change, so it"
              + " measures nothing; make its tests fail as shipped");
        } else if (baseline != null && baseline.exitCode() == COMMAND_NOT_FOUND) {
          err.println("acr: problem " + cell.problem().id() + ": its test command was not found (exit 127): "
              + cell.problem().verify() + "; install what it needs, or every route fails this problem");
        }
      }

      @Override
      public void note(LiveBench.Cell cell, String line) {
        // The baseline is summed up above (only a passing one matters to a bench).
        if (!line.startsWith("baseline: ")) {
          err.println("acr: " + cell.label() + ": " + line);
        }
      }
    };
  }

  private static void writeRecords(Path file, LiveBench.Result result) throws IOException {
    Files.createDirectories(file.getParent());
    StringBuilder b = new StringBuilder();
    result.records().forEach(r -> b.append(MemoryStore.toLine(r)).append('\n'));
    Files.writeString(file, b.toString());
  }

  private static void removeScratch(Path scratch, PrintWriter err) {
    if (scratch == null) {
      return;
    }
    try {
      ProblemRepo.delete(scratch);
    } catch (IOException e) {
      err.println("acr: could not remove " + scratch + ": " + e.getMessage());
    }
  }
}
