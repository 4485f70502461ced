package dev.acr.cli;

import dev.acr.live.HeadStart;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Entry point: {@link #run} builds the command line and returns the exit code; main exits. */
public final class Main {

  /**
   * The built-in picocli converters acr does without: picocli registers one for every java.time
   * and java.sql type by reflection when it starts, which initialises java.time's formatters and
   * loads java.sql (~8 ms of a dry run). No acr option has such a type without a converter of its
   * own (a test checks), so parsing is the same without them.
   */
  static final String CONVERTER_EXCLUDES = "java\\.(sql|time)\\..*";

  /** picocli's narrowest usage help. */
  private static final int MIN_HELP_WIDTH = 55;

  private Main() {}

  public static void main(String[] args) {
    if (System.getProperty("picocli.converters.excludes") == null) {
      System.setProperty("picocli.converters.excludes", CONVERTER_EXCLUDES);
    }
    Path cwd = Path.of("").toAbsolutePath();
    HeadStart headStart = Warmup.start(cwd, args);
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    Interrupts.install(Thread.currentThread());
    int code = run(out, err, new Env(System.getenv(), cwd, Terminal.ansi(System.getenv()), Tty.system(), headStart), args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs acr with the process environment and working directory. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, System.getenv(), Path.of("").toAbsolutePath(), args);
  }

  /** Runs acr as if started with this environment in this directory (tests use this). */
  public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, Path cwd, String... args) {
    return run(out, err, new Env(env, cwd, Terminal.ansi(env)), args);
  }

  private static int run(PrintWriter out, PrintWriter err, Env env, String... args) {
    CommandLine cl = commandLine(env, args);
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(args);
  }

  static CommandLine commandLine(Env env, String... args) {
    CommandLine cl = new AcrCommand(env).commandLine();
    // Before the settings below: picocli applies them only to subcommands present at that time.
    if (AcrCommand.mayNeedSubcommands(args)) {
      AcrCommand.addSubcommandsFor(cl, args);
    }
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(env.ansi()));
    // Help wraps at COLUMNS when set, else at the terminal's width (picocli asks the terminal only
    // when help is printed), else 80; its footers' rows wrap under their own column (HelpFooter).
    Integer columns = Columns.variable(env.vars());
    if (columns == null) {
      cl.setUsageHelpAutoWidth(true);
    } else {
      cl.setUsageHelpWidth(Math.max(MIN_HELP_WIDTH, columns));
    }
    HelpFooter.install(cl);
    cl.setExecutionExceptionHandler(new ExecutionFailure());
    cl.setParameterExceptionHandler(new ParseFailure(args));
    cl.setExecutionStrategy(new OptionsBeforeCommand());
    return cl;
  }

  // The two handlers are classes, not lambdas: on JDK 17 a lambda for one of picocli's (Java 5)
  // interfaces keeps it and the interface out of the class-data sharing archive, so both would
  // be spun or loaded and verified on every start.

  /** An exception from a command's own code: a bug, reported as such. */
  private static final class ExecutionFailure implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
      if (ex instanceof InterruptedException) {
        // Ctrl-C or SIGTERM (Interrupts) while a command waited: what the user asked for, not a bug.
        commandLine.getErr().println("acr: interrupted");
        return ExitCodes.INTERRUPTED;
      }
      commandLine.getErr().println("acr: internal error: " + ex + " (please report it with the command you ran)");
      return ExitCodes.USAGE;
    }
  }

  /**
   * Runs the command picocli parsed, unless acr's own option was given before a subcommand's name
   * where the subcommand has one of that name ({@code acr --memory FILE runs}): picocli would run
   * the subcommand with its own default and silently drop the value.
   */
  private static final class OptionsBeforeCommand implements CommandLine.IExecutionStrategy {
    /** The root options a subcommand reads when they come before its name (DoctorCommand#configFile and co.). */
    private static final Map<String, List<String>> READ_FROM_ROOT =
        Map.of("acr doctor", List.of(WhereOptions.CONFIG, WhereOptions.WORKDIR, WhereOptions.MEMORY));

    @Override
    public int execute(CommandLine.ParseResult root) {
      CommandLine.ParseResult last = root;
      while (last.hasSubcommand()) {
        last = last.subcommand();
      }
      CommandLine.ParseResult leaf = last;
      List<String> read = READ_FROM_ROOT.getOrDefault(leaf.commandSpec().qualifiedName(), List.of());
      // Only an option the command has too: its value would be dropped for the command's default
      // (acr --memory FILE runs listing ~/.acr's). Others it has no use for are ignored, as before,
      // so an alias such as acr='acr --config FILE' still runs acr runs.
      List<CommandLine.Model.OptionSpec> dropped = root.matchedOptions().stream()
          .filter(o -> !read.contains(o.longestName()) && leaf.commandSpec().findOption(o.longestName()) != null).toList();
      if (root.hasSubcommand() && !root.isUsageHelpRequested() && !root.isVersionHelpRequested() && !dropped.isEmpty()) {
        CommandLine.Model.OptionSpec given = dropped.get(0);
        String name = given.longestName();
        String command = leaf.commandSpec().qualifiedName();
        List<String> values = given.arity().max() == 0 ? List.of() : given.originalStringValues();
        root.commandSpec().commandLine().getErr().println("acr: " + name + " goes after the command: " + command + " "
            + name + (values.isEmpty() ? "" : " " + values.get(0)));
        return ExitCodes.USAGE;
      }
      return new CommandLine.RunLast().execute(root);
    }
  }

  /** A command line picocli cannot parse: what is wrong, and where the help is. */
  private static final class ParseFailure implements CommandLine.IParameterExceptionHandler {
    private final String[] args;

    ParseFailure(String[] args) {
      this.args = args;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] unmatched) {
      CommandLine c = ex.getCommandLine();
      CommandLine.Model.OptionSpec out = c.getCommandSpec().findOption("--out");
      // 'acr memory export team.jsonl': a file named where the command takes none.
      String hint = ex instanceof CommandLine.UnmatchedArgumentException && out != null
          ? " (to write to a file: --out " + out.paramLabel() + ")" : "";
      if (hint.isEmpty() && ex instanceof CommandLine.UnmatchedArgumentException) {
        hint = promptHint(c);
      }
      c.getErr().println("acr: " + plain(ex.getMessage()) + hint);
      c.getErr().println("acr: see '" + c.getCommandSpec().qualifiedName() + " --help'");
      return ExitCodes.USAGE;
    }

    /**
     * "acr stats for the parser": a prompt whose first word names a command, given without quotes,
     * ran that command; the words it could not take say how to pass them as a prompt. Nothing when
     * an option is among them (then they were meant for the command).
     */
    private String promptHint(CommandLine c) {
      CommandLine parent = c.getParent();
      int at = java.util.Arrays.asList(args).indexOf(c.getCommandName());
      if (parent == null || parent.getParent() != null || at < 0 || at != firstWord()) {
        return "";
      }
      List<String> words = java.util.Arrays.asList(args).subList(at, args.length);
      if (words.size() < 2 || words.stream().anyMatch(w -> w.startsWith("-"))) {
        return "";
      }
      return "; a prompt that starts with the word '" + c.getCommandName() + "' needs quotes: acr \""
          + String.join(" ", words) + "\"";
    }

    /** The index of the first argument that is neither an option nor an option's value. */
    private int firstWord() {
      for (int i = 0; i < args.length; i++) {
        if (!args[i].startsWith("-")) {
          return i;
        }
        if (AcrCommand.VALUED_OPTIONS.contains(args[i])) {
          i++;
        }
      }
      return -1;
    }

    /**
     * picocli's message in the user's words: "'abc' is not a double" names a Java type, and a
     * KEY=VALUE option's message says "option option".
     */
    static String plain(String message) {
      return message.replace(" is not a double", " is not a number")
          .replace(" is not an int", " is not a whole number")
          .replace(" is not a long", " is not a whole number")
          .replace("option option '", "option '");
    }
  }
}
