package dev.acr.cli;

import dev.acr.live.Planner;
import dev.acr.live.RunRequest;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code acr [OPTIONS] PROMPT...}: route the prompt, run, verify, escalate, remember. */
@Command(
    name = "acr",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "The agentic coding router: picks a coding-agent CLI and model for the prompt, runs it in an"
            + " isolated git worktree, verifies with the project's tests, escalates on failure, applies"
            + " only a verified change to your working tree, and remembers every attempt.%n",
    footer = ExitCodes.HELP)
public final class AcrCommand implements Callable<Integer> {

  /**
   * The subcommands, in help order. Not in {@code @Command(subcommands)}: picocli would build all
   * their models on every start, which cost more than the rest of a dry run together. {@link
   * #addSubcommands} registers them whenever the command line can name one or asks for help.
   */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(ClassifyCommand.class, BenchCommand.class, DoctorCommand.class, StatsCommand.class, RunsCommand.class,
          ExplainCommand.class, MemoryCommand.class, CompletionCommand.class);

  /** Their {@code @Command} names (a test keeps the two lists in step). */
  static final Set<String> SUBCOMMAND_NAMES = Set.of("classify", "bench", "doctor", "stats", "runs", "explain", "memory", "completion");

  private final Env env;

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PROMPT", description = "What the agent should do. Without one, on a terminal: an interactive shell (:help there).")
  List<String> prompt;

  @Option(names = "--dry-run", description = "Decide and explain; execute nothing, write nothing.")
  boolean dryRun;

  @Mixin WhereOptions.Repo where;

  @Mixin WhereOptions.Memory memoryOption;

  @Option(names = "--verify", paramLabel = "CMD", description = "Test command, run with sh -c (default: .acr/config.json, else detected).")
  String verify;

  @Option(names = "--tool", paramLabel = "NAME", description = "Only use this tool's routes.")
  String tool;

  @Option(names = "--chain", split = ",", paramLabel = "R1,R2", description = "Exact attempt order, by route or tool name.")
  List<String> chain;

  @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "3", description = "Attempts at most (default: ${DEFAULT-VALUE}).")
  int maxAttempts;

  @Option(names = "--budget", paramLabel = "USD", description = "Stop escalating once this much has been spent.")
  Double budget;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m", converter = DurationConverter.class, description = "Per attempt, e.g. 90s, 20m (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--seed", paramLabel = "N", description = "Makes the policy's exploration reproducible.")
  Long seed;

  @Option(names = "--json", description = "Print a machine-readable summary on stdout.")
  boolean json;

  @Option(names = "--in-place", description = "Outside git: let agents edit the workdir directly (no isolation, no rollback).")
  boolean inPlace;

  @Option(names = "--no-store-prompt", negatable = false, description = "Keep prompts out of memory (only their hash).")
  boolean noStorePrompt;

  @Option(names = {"-q", "--quiet"}, description = "Do not stream the agents' output (it stays in the run's logs); on a terminal, show a live status line instead.")
  boolean quiet;

  public AcrCommand(Env env) {
    this.env = env;
  }

  Env env() {
    return env;
  }

  /**
   * Whether {@code args} may name a subcommand or ask for the usage (which lists them): when not,
   * the root command alone parses them exactly as the whole tree would.
   */
  static boolean mayNeedSubcommands(String... args) {
    if (args.length == 0) {
      return true;
    }
    for (String a : args) {
      boolean shortHelp = a.startsWith("-") && !a.startsWith("--") && a.indexOf('h') > 0;
      if (SUBCOMMAND_NAMES.contains(a) || a.equals("--help") || shortHelp) {
        return true;
      }
    }
    return false;
  }

  /** Registers {@link #SUBCOMMANDS} on {@code root}, once. */
  static void addSubcommands(CommandLine root) {
    if (!root.getSubcommands().isEmpty()) {
      return;
    }
    for (Class<?> sub : SUBCOMMANDS) {
      root.addSubcommand(sub);
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean noPrompt = prompt == null || prompt.isEmpty();
    // Only ever ask when a person is there to answer: scripts and pipes get the usage instead.
    boolean shell = noPrompt && !json && env.tty().interactive();
    if (noPrompt && !shell) {
      addSubcommands(spec.commandLine()); // the usage lists them
      spec.commandLine().usage(err, env.ansi());
      return ExitCodes.USAGE;
    }
    if (maxAttempts < 1) {
      err.println("acr: --max-attempts must be at least 1");
      return ExitCodes.USAGE;
    }
    if (budget != null && !(budget > 0)) {
      err.println("acr: --budget must be a positive amount of USD, e.g. --budget 2.50");
      return ExitCodes.USAGE;
    }
    RunRequest req =
        new RunRequest(noPrompt ? "" : String.join(" ", prompt), where.workdir(env), where.configFile(env),
            memoryOption.memoryFile(env), verify, tool, chain, maxAttempts, budget, timeout,
            seed != null ? seed : System.nanoTime(), inPlace, dryRun, !noStorePrompt, env.vars());
    if (shell) {
      return InteractiveShell.open(env, req, dryRun, seed != null, quiet, err);
    }
    return new LiveRun(out, err, env.ansi(), json, quiet, env.tty()::stderrWidth, new Planner(env.prefetch())).once(req);
  }

}
