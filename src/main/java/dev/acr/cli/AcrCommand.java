package dev.acr.cli;

import dev.acr.context.Typos;
import dev.acr.live.Planner;
import dev.acr.live.RunRequest;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code acr [OPTIONS] PROMPT...}: route the prompt, run, verify, escalate, remember. Its options
 * are in {@link AcrOptions}, which builds the picocli model in code.
 */
public final class AcrCommand implements Callable<Integer> {

  /**
   * The subcommands, in help order. Not registered up front: picocli would build all their models
   * on every start, which cost more than the rest of a dry run together. {@link #addSubcommands}
   * registers them whenever the command line can name one or asks for help.
   */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(ClassifyCommand.class, BenchCommand.class, DoctorCommand.class, StatsCommand.class, RunsCommand.class,
          ExplainCommand.class, ApplyCommand.class, MemoryCommand.class, CompletionCommand.class);

  /**
   * Their {@code @Command} names, in the same order (a test keeps the two lists in step), so a
   * name finds its class without reading annotations.
   */
  static final List<String> SUBCOMMAND_NAMES =
      List.of("classify", "bench", "doctor", "stats", "runs", "explain", "apply", "memory", "completion");

  private final Env env;
  private final CommandLine.IFactory factory = new AcrOptions.LazyFactory();
  private final CommandSpec spec;

  public AcrCommand(Env env) {
    this.env = env;
    this.spec = AcrOptions.spec(this, factory);
  }

  /** The model picocli parses with; its user object is this command. */
  CommandSpec spec() {
    return spec;
  }

  /** The command line for {@link #spec}, making what it must with the same factory. */
  CommandLine commandLine() {
    return new CommandLine(spec, factory);
  }

  Env env() {
    return env;
  }

  /** The root options that take a value (a test keeps this in step with {@link AcrOptions#spec}). */
  static final Set<String> VALUED_OPTIONS = Set.of("--budget", "--chain", "--config", "--max-attempts", "--memory", "--race",
      "--seed", "--timeout", "--tool", "--verify", "--verify-timeout", "--workdir");

  /**
   * Whether {@code args} may name a subcommand or ask for the usage (which lists them): when not,
   * the root command alone parses them exactly as the whole tree would.
   */
  static boolean mayNeedSubcommands(String... args) {
    return args.length == 0 || !subcommandsFor(args).isEmpty();
  }

  /**
   * The subcommands a parse of {@code args} may reach: the first word that is not an option (nor
   * an option's value) when it names one; all of them for {@code completion}, whose script covers
   * the whole tree, and for a help flag before any word, as the usage lists them. A command's name
   * after the prompt's first word is part of the prompt ({@code acr fix the stats page}), so it is
   * not registered: picocli takes any registered name as the subcommand wherever it stands.
   */
  private static java.util.Collection<String> subcommandsFor(String... args) {
    boolean help = false;
    boolean nameInPrompt = false;
    String first = null;
    // An option's value that names one: picocli refuses it as the value ("--tool bench") only then.
    Set<String> named = new java.util.HashSet<>();
    for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
      String a = args[i];
      if (a.startsWith("-") && a.length() > 1) {
        help |= isHelp(a);
        if (VALUED_OPTIONS.contains(a) && ++i < args.length && SUBCOMMAND_NAMES.contains(args[i])) {
          named.add(args[i]);
        }
      } else if (first == null) {
        first = a;
      } else {
        nameInPrompt |= SUBCOMMAND_NAMES.contains(a);
      }
    }
    if (first != null && SUBCOMMAND_NAMES.contains(first)) {
      named.add(first);
      return help || first.equals("completion") ? SUBCOMMAND_NAMES : named;
    }
    // The usage of a prompt's --help lists them too, unless one would then split the prompt.
    return help && !nameInPrompt ? SUBCOMMAND_NAMES : named;
  }

  /** Registers every one of {@link #SUBCOMMANDS} not registered yet (the usage lists them all). */
  static void addSubcommands(CommandLine root) {
    addSubcommands(root, SUBCOMMAND_NAMES);
  }

  /**
   * Registers the subcommands a parse of {@code args} can reach ({@link #subcommandsFor}). picocli
   * only ever takes an argument that is a registered name as a subcommand; building a subcommand's
   * model from its annotations is most of what a long command's start costs.
   */
  static void addSubcommandsFor(CommandLine root, String... args) {
    addSubcommands(root, args.length == 0 ? SUBCOMMAND_NAMES : subcommandsFor(args));
  }

  private static void addSubcommands(CommandLine root, java.util.Collection<String> names) {
    for (int i = 0; i < SUBCOMMANDS.size(); i++) {
      String name = SUBCOMMAND_NAMES.get(i);
      if (names.contains(name) && !root.getSubcommands().containsKey(name)) {
        root.addSubcommand(SUBCOMMANDS.get(i));
      }
    }
  }

  private static boolean isHelp(String arg) {
    return arg.equals("--help") || (arg.startsWith("-") && !arg.startsWith("--") && arg.indexOf('h') > 0);
  }

  /**
   * The command a one-word prompt was probably meant to be ({@code acr stat}, {@code acr help}, and {@code acr help runs}),
   * or null: such a word would otherwise go to a paid agent as its whole task. A typo is a prefix
   * or one slip (a letter wrong, missing, extra, or two neighbours swapped): two slips also took
   * real words ("docker" and "factor" for doctor). {@code acr -- WORD} passes
   * any word as the prompt.
   */
  public static String mistypedCommand(List<String> prompt) {
    if (prompt.size() == 2 && prompt.get(0).strip().equals("help") && SUBCOMMAND_NAMES.contains(prompt.get(1).strip())) {
      return "acr " + prompt.get(1).strip() + " --help"; // git's and go's way of asking
    }
    String word = prompt.size() == 1 ? prompt.get(0).strip().toLowerCase(java.util.Locale.ROOT) : "";
    if (word.length() < 3) {
      return null;
    }
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) < 'a' || word.charAt(i) > 'z') {
        return null;
      }
    }
    if (word.equals("help") || word.equals("version")) {
      return "acr --" + word;
    }
    for (String name : SUBCOMMAND_NAMES) {
      if (name.startsWith(word) || Typos.withinOneEdit(word, name)) {
        return "acr " + name;
      }
    }
    return null;
  }

  @Override
  public Integer call() {
    AcrOptions o = AcrOptions.of(spec);
    // The decision and the result fit the terminal; JSON stays as it is printed.
    PrintWriter out = o.json() ? spec.commandLine().getOut() : Fitted.to(spec.commandLine().getOut(), () -> Columns.of(env));
    PrintWriter err = spec.commandLine().getErr();
    boolean noPrompt = o.prompt() == null || o.prompt().isEmpty();
    // Only ever ask when a person is there to answer: scripts and pipes get the usage instead.
    boolean shell = noPrompt && !o.json() && env.tty().interactive();
    if (noPrompt && !shell) {
      err.println("acr: no prompt: give it as arguments, e.g. acr \"fix the failing parser test\" (acr alone opens"
          + " the interactive shell only on a terminal, and not with --json)");
      addSubcommands(spec.commandLine()); // the usage lists them
      spec.commandLine().usage(err, env.ansi());
      return ExitCodes.USAGE;
    }
    // After "--" the words are the prompt, whatever they look like.
    boolean literal = spec.commandLine().getParseResult().originalArgs().contains("--");
    String typo = noPrompt || literal ? null : mistypedCommand(o.prompt());
    if (typo != null) {
      err.println("acr: '" + String.join(" ", o.prompt()).strip() + "' is not a command; did you mean '" + typo + "'? (A prompt for an"
          + " agent says what to do, e.g. acr \"fix the failing parser test\"; acr -- WORD passes one word as it is)");
      return ExitCodes.USAGE;
    }
    if (o.maxAttempts() < 1) {
      err.println("acr: --max-attempts must be at least 1");
      return ExitCodes.USAGE;
    }
    if (o.budget() != null && !(o.budget() > 0)) {
      err.println("acr: --budget must be a positive amount of USD, e.g. --budget 2.50");
      return ExitCodes.USAGE;
    }
    RunRequest req =
        new RunRequest(noPrompt ? "" : String.join(" ", o.prompt()), o.where().workdir(env), o.where().configFile(env),
            o.memoryOption().memoryFile(env), o.verify(), o.tool(), o.chain(), o.maxAttempts(), o.budget(), o.timeout(),
            o.seed() != null ? o.seed() : 0L, o.inPlace(), o.dryRun(), !o.noStorePrompt(), env.vars(),
            !o.noRecheck(), !o.noPriors(), o.race(), o.verifyTimeout());
    if (shell) {
      return InteractiveShell.open(env, req, o.dryRun(), o.quiet(), err);
    }
    return new LiveRun(out, err, env.ansi(), o.json(), o.json() && CliJson.indented(env), o.quiet(), env.tty()::stderrWidth,
        new Planner(env.headStart())).once(req);
  }

}
