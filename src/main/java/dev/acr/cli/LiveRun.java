package dev.acr.cli;

import dev.acr.core.RunOutcome;
import dev.acr.exec.ProcessRunner;
import dev.acr.live.AcrPaths;
import dev.acr.live.Decision;
import dev.acr.live.LiveSession;
import dev.acr.live.VerifyTimeout;
import dev.acr.live.NothingRan;
import dev.acr.live.Planner;
import dev.acr.live.RaceChoice;
import dev.acr.live.RunRequest;
import dev.acr.live.UsageError;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import picocli.CommandLine.Help.Ansi;

/**
 * The one path from a request to a printed result, shared by {@code acr PROMPT} and the
 * interactive shell: plan with {@link Planner}, explain like dry-run, run through {@link
 * LiveSession}, print the summary. With {@code quiet} the agents' output is not streamed (it is
 * still in the run's logs) and, when {@code statusWidth} says the progress stream is a terminal,
 * a live status line shows what runs instead.
 */
public final class LiveRun {
  /** What {@link #execute} returns when Ctrl-C (or SIGTERM) stopped the run. */
  public static final int INTERRUPTED = ExitCodes.INTERRUPTED;

  private final PrintWriter out;
  private final PrintWriter err;
  private final Ansi ansi;
  private final boolean json;
  private final boolean indentJson;
  private final boolean quiet;
  private final IntSupplier statusWidth;
  private final Planner planner;

  /**
   * @param statusWidth the width of the terminal {@code err} writes to, 0 when it is none; only
   *     asked with {@code quiet}
   */
  public LiveRun(PrintWriter out, PrintWriter err, Ansi ansi, boolean json, boolean quiet, IntSupplier statusWidth) {
    this(out, err, ansi, json, false, quiet, statusWidth, new Planner());
  }

  /**
   * With a planner that may use a repository inspection begun at start-up; {@code indentJson}: stdout
   * is a terminal, so --json is indented for a person (CliJson#indented).
   */
  public LiveRun(PrintWriter out, PrintWriter err, Ansi ansi, boolean json, boolean indentJson, boolean quiet,
      IntSupplier statusWidth, Planner planner) {
    this.planner = planner;
    this.out = out;
    this.err = err;
    this.ansi = ansi;
    this.json = json;
    this.indentJson = indentJson;
    this.quiet = quiet;
    this.statusWidth = statusWidth;
  }

  /** {@code acr PROMPT}: decide, then explain (dry run) or run; returns the exit code. */
  int once(RunRequest req) {
    AcrPaths paths = paths(req);
    try {
      Decision d = decide(req, paths);
      RaceChoice.of(req, d);
      if (req.dryRun()) {
        report(err).dryRun(req, d);
        return ExitCodes.OK;
      }
      return execute(req, paths, d);
    } catch (UsageError e) {
      if (Thread.interrupted()) { // Ctrl-C while acr read the repository: git "could not run" because of it
        err.println("acr: interrupted");
        return ExitCodes.INTERRUPTED;
      }
      err.println("acr: " + e.getMessage());
      return ExitCodes.USAGE;
    }
  }

  public static AcrPaths paths(RunRequest req) {
    return AcrPaths.from(req.environment(), req.memoryFile());
  }

  /** The routing decision; its warnings (e.g. unreadable memory lines) go to stderr. */
  public Decision decide(RunRequest req, AcrPaths paths) throws UsageError {
    Decision d = planner.decide(req, paths);
    for (String w : d.warnings()) {
      err.println("acr: " + w);
    }
    return d;
  }

  /** Prints the decision the way dry-run does, without saying that nothing ran. */
  public void explain(RunRequest req, Decision d) {
    report(err).decision(req, d);
  }

  /** The closing line of a dry run. */
  public void dryRunDone(Decision d) {
    report(err).dryRunDone(d);
  }

  /** Runs the decided chain, prints the summary and returns the exit code (130 on interrupt). */
  public int execute(RunRequest req, AcrPaths paths, Decision d) throws UsageError {
    List<String> notInstalled = LiveSession.namedChainNotInstalled(d, req, paths.cooldowns());
    if (!notInstalled.isEmpty()) {
      // Told apart from a route the config does not know (exit 2): this one exists, its CLI is missing.
      report(err).nothingCanRun(d, notInstalled, d.chainSource() + " names " + (notInstalled.size() == 1 ? "a tool that is" : "tools that are")
          + " not installed, so no agent ran (leave " + (notInstalled.size() == 1 ? "it" : "them") + " out to run the rest)");
      return ExitCodes.NO_AGENT;
    }
    if (d.nothingCanRun()) {
      report(err).nothingCanRun(d, NothingRan.before(d, paths), "no agent can run here");
      return ExitCodes.NO_AGENT;
    }
    boolean smartTerminal = !"dumb".equals(req.environment().getOrDefault("TERM", "dumb"));
    StatusLine status = quiet && statusWidth.getAsInt() > 0 ? StatusLine.start(err, statusWidth, ansi, smartTerminal) : null;
    PrintWriter progress = status == null ? err : status.writer();
    Report printer = report(progress);
    Consumer<String> agentOutput = quiet ? line -> {} : err::println;
    LiveSession.Report report;
    try {
      report = new LiveSession(new ProcessRunner(), Clock.systemUTC())
          .run(req, paths, d, status == null ? printer.listener() : status.listener(printer.listener(), req.maxAttempts()),
              line -> progress.println("acr: " + line), agentOutput);
    } finally {
      if (status != null) {
        status.close();
      }
    }
    List<String> fixes = NothingRan.after(d, paths, report.outcome(), Clock.systemUTC().instant());
    report(err).result(report, fixes); // the status line is closed: its writer is done with
    if (Thread.interrupted() || report.outcome().stopReason() == RunOutcome.StopReason.INTERRUPTED) {
      return ExitCodes.INTERRUPTED;
    }
    if (!fixes.isEmpty()) {
      return ExitCodes.NO_AGENT; // what to fix was printed with the result
    }
    boolean answered = report.outcome().stopReason() == RunOutcome.StopReason.ANSWERED;
    return answered || report.outcome().verified() && (report.applied() == null || report.applied().applied())
        ? ExitCodes.OK
        : ExitCodes.NOT_VERIFIED;
  }

  private Report report(PrintWriter progress) {
    return new Report(out, progress, ansi, json, indentJson);
  }
}
