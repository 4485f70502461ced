package dev.acr.cli.shell;

import dev.acr.cli.AcrCommand;
import dev.acr.cli.LiveRun;
import dev.acr.config.ConfigException;
import dev.acr.config.ToolSpec;
import dev.acr.config.ToolsConfig;
import dev.acr.core.Route;
import dev.acr.live.AcrPaths;
import dev.acr.live.Decision;
import dev.acr.live.Planner;
import dev.acr.live.RunRequest;
import dev.acr.live.UsageError;
import java.io.IOError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Help.Ansi;

/**
 * {@code acr} with no prompt on a terminal: reads prompts with line editing, history and
 * completion, shows each one's routing decision, and asks before running it through the same
 * {@link LiveRun} path as {@code acr PROMPT}. Ctrl-C clears the line, or stops the attempt that
 * is running (not the shell); Ctrl-D leaves.
 */
public final class Shell {

  /**
   * What the shell starts from: the options given on the command line (as a request with no
   * prompt yet), the loaded tools config for completion and {@code :tools}, and where history
   * goes ({@code historyFile} null keeps it in memory only, e.g. with --no-store-prompt).
   */
  public record Setup(
      RunRequest base,
      AcrPaths paths,
      ToolsConfig config,
      String configSource,
      Path historyFile,
      boolean explainOnly,
      Ansi ansi) {}

  private final Terminal terminal;
  private final LiveRun run;
  private final Setup setup;
  private final PrintWriter out;
  private final ShellCompleter completer;
  private final LineReader reader;
  /** The chain every prompt starts from: --chain, then :chain; null lets the policy choose. */
  private List<String> chain;
  private volatile boolean stopped;

  public Shell(Terminal terminal, PrintWriter out, LiveRun run, Setup setup) {
    this.terminal = terminal;
    this.out = out;
    this.run = run;
    this.setup = setup;
    this.completer = new ShellCompleter(setup.config());
    this.chain = setup.base().chain() == null || setup.base().chain().isEmpty() ? null : setup.base().chain();
    LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("acr").completer(completer);
    if (setup.historyFile() != null) {
      b.variable(LineReader.HISTORY_FILE, setup.historyFile());
    }
    this.reader = styled(b.build());
  }

  /**
   * Reads and handles lines until Ctrl-D, {@code :quit} or {@link #stop}; returns false when
   * stopped that way (SIGTERM), true when the user left.
   */
  public boolean loop() {
    out.println("acr interactive shell in " + setup.base().workdir() + ": type what the agent should do."
        + " :help lists commands; Tab completes; Ctrl-D leaves.");
    try {
      while (!stopped) {
        String line;
        try {
          line = reader.readLine(prompt());
        } catch (UserInterruptException e) {
          continue; // Ctrl-C at the prompt: the line is dropped, the shell stays
        } catch (EndOfFileException e) {
          break;
        } catch (IOError e) {
          if (stopped) {
            break; // the interrupt that stop() sent broke the read
          }
          throw e;
        }
        if (stopped || !handle(line.strip())) {
          break;
        }
      }
    } finally {
      saveHistory();
    }
    return !stopped;
  }

  /**
   * Ends the shell from another thread (SIGTERM): the caller interrupts the shell's thread too,
   * which stops a running attempt the way Ctrl-C does; the loop then returns instead of reading.
   */
  public void stop() {
    stopped = true;
  }

  /** One line typed at the prompt; false when the shell should end. */
  boolean handle(String line) {
    if (line.isEmpty()) {
      return true;
    }
    try {
      if (line.startsWith(":")) {
        return command(line);
      }
      // 'runs' or 'stats' typed here would otherwise go to a paid agent as its whole task.
      String typo = AcrCommand.mistypedCommand(List.of(line));
      if (typo != null) {
        out.println(typo.startsWith("acr --") ? "acr: '" + line + "' is not a task for an agent; :help says what the shell does"
            : "acr: '" + line + "' is acr's command, not a task for an agent: run " + typo + " outside the shell, or say"
                + " what the agent should do (:help)");
        return true;
      }
      prompt(line, setup.explainOnly());
    } catch (UsageError e) {
      out.println("acr: " + e.getMessage());
    } catch (RuntimeException e) {
      // One bad prompt must not cost the user their session; the error is still reported.
      out.println("acr: internal error: " + e + " (please report it with what you typed); the shell goes on");
    }
    return true;
  }

  private boolean command(String line) throws UsageError {
    String[] parts = line.split("\\s+", 2);
    String rest = parts.length > 1 ? parts[1].strip() : "";
    ShellCommand c = ShellCommand.of(parts[0]).orElse(null);
    if (c == null) {
      out.println("acr: unknown command " + parts[0] + "; :help lists the commands");
      return true;
    }
    switch (c) {
      case HELP -> help();
      case TOOLS -> tools();
      case CHAIN -> {
        if (!rest.isEmpty()) {
          List<String> wanted = parseChain(rest);
          try {
            for (String name : wanted == null ? List.<String>of() : wanted) {
              setup.config().resolve(name); // a typo is told now, not at the next prompt
            }
            chain = wanted;
          } catch (ConfigException e) {
            out.println("acr: :chain: " + e.getMessage());
          }
        }
        out.println("chain: " + (chain == null ? "chosen by the policy for each prompt" : String.join(",", chain)));
      }
      case DRY_RUN -> {
        if (rest.isEmpty()) {
          out.println("acr: :dry-run needs a prompt, e.g. :dry-run fix the failing parser test");
        } else {
          prompt(rest, true);
        }
      }
      case QUIT -> {
        return false;
      }
    }
    return true;
  }

  /** Decides, shows the decision, asks, and runs, explains or drops the prompt as answered. */
  private void prompt(String text, boolean explainOnly) throws UsageError {
    // The base request's seed (--seed, else 0): the shell decides as the dry run and the run do.
    long seed = setup.base().seed();
    RunRequest req = request(text, chain, explainOnly, seed);
    Decision d = run.decide(req, setup.paths());
    run.explain(req, d);
    if (explainOnly) {
      run.dryRunDone(d);
      return;
    }
    if (d.chain().isEmpty()) {
      // Offering to run a chain that is empty would only end in exit 3 or 1 with nothing tried.
      out.println(d.nothingCanRun()
          ? "nothing to run: no tool can run here (see above for what to fix); :tools lists them"
          : "nothing to run: no route is worth an attempt for this prompt");
      return;
    }
    while (true) {
      switch (ask()) {
        case RUN -> {
          execute(req, d);
          return;
        }
        case DRY_RUN -> {
          run.dryRunDone(d);
          return;
        }
        case CANCEL -> {
          out.println("cancelled: nothing was executed");
          return;
        }
        case CHANGE_CHAIN -> {
          String typed = read("chain (routes or tools, comma-separated; policy = let acr choose): ", completer.forChain());
          if (typed == null || typed.isBlank()) {
            continue;
          }
          RunRequest changed = request(text, parseChain(typed), false, seed);
          try {
            Decision nd = run.decide(changed, setup.paths());
            req = changed;
            d = nd;
            run.explain(req, d);
          } catch (UsageError e) {
            out.println("acr: " + e.getMessage());
          }
        }
      }
    }
  }

  /**
   * Runs with Ctrl-C (the key, or a SIGINT sent from elsewhere) routed to this thread: the
   * attempt's process tree stops, the shell does not.
   */
  private void execute(RunRequest req, Decision d) throws UsageError {
    Thread self = Thread.currentThread();
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> self.interrupt());
    int code;
    try (CtrlCWatch watch = CtrlCWatch.start(terminal, self)) {
      code = run.execute(req, setup.paths(), d);
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
      Thread.interrupted(); // a Ctrl-C that came as the run ended must not hit the next prompt
    }
    if (code == LiveRun.INTERRUPTED && !stopped) {
      out.println("acr: stopped by Ctrl-C; the shell goes on (Ctrl-D leaves)");
    }
  }

  private Answer ask() {
    Completer answers = new StringsCompleter(Answer.completions());
    while (true) {
      String typed = read(Answer.QUESTION, answers);
      if (typed == null) {
        return Answer.CANCEL;
      }
      Answer a = Answer.parse(typed);
      if (a != null) {
        return a;
      }
      out.println("acr: answer r (run), c (change the chain), d (dry-run only) or n (cancel)");
    }
  }

  /** One answer line, kept out of the history; null on Ctrl-C or Ctrl-D. */
  private String read(String question, Completer completions) {
    LineReader r = styled(LineReaderBuilder.builder().terminal(terminal).appName("acr").completer(completions)
        .variable(LineReader.DISABLE_HISTORY, true).build());
    try {
      return r.readLine(question);
    } catch (UserInterruptException | EndOfFileException e) {
      return null;
    }
  }

  private RunRequest request(String text, List<String> chainNames, boolean dryRun, long seed) {
    RunRequest b = setup.base();
    return new RunRequest(text, b.workdir(), b.configFile(), b.memoryFile(), b.verify(), b.tool(), chainNames,
        b.maxAttempts(), b.budgetUsd(), b.timeout(), seed, b.inPlace(), dryRun, b.storePrompt(), b.environment(),
        b.recheck(), b.priors(), b.race(), b.verifyTimeout());
  }

  /** "a, b,c" as [a, b, c]; "policy" (or nothing) as null, the policy's choice. */
  static List<String> parseChain(String typed) {
    List<String> names = new ArrayList<>();
    for (String s : typed.split(",")) {
      if (!s.isBlank()) {
        names.add(s.strip());
      }
    }
    return names.isEmpty() || names.equals(List.of(ShellCompleter.POLICY)) ? null : List.copyOf(names);
  }

  private void help() {
    out.println("Type what the agent should do. acr shows its decision (dimension, chain, estimated cost) and asks:");
    out.println("  r or Enter  run it    c  change the chain    d  dry-run only    n  cancel");
    out.println("Commands:");
    for (ShellCommand c : ShellCommand.values()) {
      out.println(String.format(Locale.ROOT, "  %-28s %s", c.word + (c.args.isEmpty() ? "" : " " + c.args), c.help));
    }
    out.println("Keys: Tab completes commands, tools and routes; Up/Down and Ctrl-R search the history"
        + (setup.historyFile() == null ? " (this session only: --no-store-prompt)" : " (" + setup.historyFile() + ")") + ";");
    out.println("      Ctrl-C clears the line, or stops the attempt that is running; Ctrl-D leaves.");
  }

  private void tools() throws UsageError {
    Set<String> missing = Planner.missingTools(setup.config(), setup.base().environment(), setup.base().workdir());
    out.println("tools in " + setup.configSource() + ":");
    int width = setup.config().tools().stream().mapToInt(t -> t.name().length()).max().orElse(0);
    for (ToolSpec t : setup.config().tools()) {
      String state = !t.enabled() ? "disabled" : missing.contains(t.name()) ? "not installed" : "installed";
      out.println(String.format(Locale.ROOT, "  %-" + width + "s  %-13s  %s", t.name(), state,
          t.routes().stream().map(Route::name).collect(Collectors.joining(", "))));
      if (missing.contains(t.name()) && t.install() != null) {
        out.println("  " + " ".repeat(width) + "  install: " + t.install());
      }
    }
  }

  private String prompt() {
    String mode = setup.explainOnly() ? " (dry-run)" : "";
    String fixed = chain == null ? "" : " [" + String.join(",", chain) + "]";
    return setup.ansi().string("@|bold acr|@") + mode + fixed + "> ";
  }

  /** Without colour (NO_COLOR, no terminal) jline's completion list is plain too. */
  private LineReader styled(LineReader r) {
    if (!setup.ansi().enabled()) {
      for (String v : new String[] {LineReader.COMPLETION_STYLE_STARTING, LineReader.COMPLETION_STYLE_DESCRIPTION,
          LineReader.COMPLETION_STYLE_GROUP, LineReader.COMPLETION_STYLE_SELECTION, LineReader.COMPLETION_STYLE_BACKGROUND,
          LineReader.COMPLETION_STYLE_LIST_STARTING, LineReader.COMPLETION_STYLE_LIST_DESCRIPTION,
          LineReader.COMPLETION_STYLE_LIST_GROUP, LineReader.COMPLETION_STYLE_LIST_SELECTION,
          LineReader.COMPLETION_STYLE_LIST_BACKGROUND}) {
        r.setVariable(v, "");
      }
    }
    return r;
  }

  private void saveHistory() {
    try {
      reader.getHistory().save();
    } catch (IOException e) {
      out.println("acr: could not save the history to " + setup.historyFile() + ": " + e.getMessage());
    }
  }
}
