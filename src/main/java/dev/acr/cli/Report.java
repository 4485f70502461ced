package dev.acr.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acr.config.CommandTemplate;
import dev.acr.config.ConfigException;
import dev.acr.config.ToolSpec;
import dev.acr.context.RepoSignals;
import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.RunLoop;
import dev.acr.core.RunOutcome;
import dev.acr.core.Task;
import dev.acr.live.AttemptArtifacts;
import dev.acr.live.Binaries;
import dev.acr.live.Baseline;
import dev.acr.live.Decision;
import dev.acr.live.InPlace;
import dev.acr.live.LiveSession;
import dev.acr.live.RunFiles;
import dev.acr.live.RaceChoice;
import dev.acr.live.RunRequest;
import dev.acr.live.UsageError;
import dev.acr.policy.RouteEstimate;
import dev.acr.verify.TestServices;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Help.Ansi;

/** Prints decisions and results: human text on stdout, or one JSON document with --json. */
final class Report {
  /**
   * The locale numbers are formatted in: '.' and ASCII digits like ROOT, but Formatter special-cases
   * US and skips loading locale data (DecimalFormatSymbols), ~15 ms of every dry run's start-up.
   */
  private static final Locale NUMBERS = Locale.US;

  private final PrintWriter out;
  private final PrintWriter err;
  private final Ansi ansi;
  private final boolean json;

  Report(PrintWriter out, PrintWriter err, Ansi ansi, boolean json) {
    this.out = out;
    this.err = err;
    this.ansi = ansi;
    this.json = json;
  }

  void dryRun(RunRequest req, Decision d) {
    if (json) {
      ObjectNode root = decisionJson(d);
      root.put("dry_run", true);
      root.put("first_argv", firstArgv(req, d));
      try {
        root.set("race", RaceChoice.of(req, d).toJson());
      } catch (UsageError e) {
        root.put("race", e.getMessage()); // LiveRun has read --race before: not reached
      }
      out.println(root.toPrettyString());
      return;
    }
    decision(req, d);
    dryRunDone(d);
  }

  /** With --race: the batches the chain would run in, and why (or why not) acr races. */
  private void raceLine(RunRequest req, Decision d) {
    if (req.race() == null && d.config().race() == null) {
      return;
    }
    try {
      RaceChoice race = RaceChoice.of(req, d);
      List<String> batches = new ArrayList<>();
      List<Route> chain = d.chain().subList(0, Math.min(d.chain().size(), req.maxAttempts()));
      for (int i = 0; i < chain.size(); i += race.width()) {
        batches.add(chain.subList(i, Math.min(chain.size(), i + race.width())).toString());
      }
      out.println(bold("race       ") + race.why());
      out.println("  batches: " + String.join(" then ", batches));
    } catch (UsageError e) {
      out.println(bold("race       ") + e.getMessage());
    }
  }

  void dryRunDone(Decision d) {
    out.println(d.wroteStatsSnapshot()
        ? "dry run: nothing was executed; only memory's statistics snapshot was written"
        : "dry run: nothing was executed or written");
  }

  /** The decision as dry-run shows it: what acr read, the chain with its estimates, the first command. */
  void decision(RunRequest req, Decision d) {
    String argv = firstArgv(req, d);
    out.println(bold("dimension  ") + d.classification().dimension().id()
        + String.format(NUMBERS, " (confidence %.2f)", d.classification().confidence()));
    out.println("  evidence: " + String.join("; ", d.classification().evidence()));
    out.println(bold("repo       ") + describe(d.signals()));
    out.println(bold("verify     ") + (d.signals().verify() == null
        ? "none found (pass --verify CMD); attempts cannot be verified"
        : d.signals().verify().command() + "  (" + d.signals().verify().source() + ")"));
    packageAndBaseline(req, d);
    out.println(bold("config     ") + d.configSource());
    out.println("  repo config: " + (d.signals().repoConfig() == null
        ? "none (.acr/config.json is looked up from " + req.workdir() + " up to the repository root)"
        : d.signals().repoConfig() + " (the nearest .acr/config.json)"));
    out.println(bold("chain      ") + d.chainSource());
    List<Route> chain = d.chain();
    for (int i = 0; i < chain.size(); i++) {
      Route r = chain.get(i);
      out.println(String.format(NUMBERS, "  %d. %-34s %s%s", i + 1, r.name(), estimate(d, r),
          d.missingTools().contains(r.tool()) ? "  [not installed]" : ""));
    }
    if (d.exploring() != null) {
      out.println("  " + d.exploring());
    }
    // The user's zone only when a skipping line shows a time (a cool-down's end): looking it up
    // reads the time-zone database, which a dry run with no cool-down does not need.
    java.time.ZoneId zone = null;
    for (dev.acr.live.Unavailable u : d.unavailable()) {
      if (u.until() != null) {
        zone = java.time.ZoneId.systemDefault();
      }
    }
    java.nio.file.Path cooldowns = dev.acr.live.AcrPaths.from(req.environment(), null).cooldowns();
    for (dev.acr.live.Unavailable u : d.unavailable()) {
      out.println("  " + u.skipping(d.config(), zone, cooldowns));
    }
    if (d.nothingCanRun()) {
      out.println("  (nothing can run here: the run would stop with exit 3)");
    } else if (chain.isEmpty()) {
      out.println("  (no route worth an attempt)");
    }
    raceLine(req, d);
    if (!chain.isEmpty()) {
      out.println(bold("first run  ") + "$ " + argv);
      Route first = chain.get(0);
      if (d.missingTools().contains(first.tool())) {
        out.println("  " + notInstalled(req, d.config().tool(first.tool()).orElseThrow()));
      }
    }
  }

  /** The tool, or the prefix switcher in front of it, that is not on PATH, and what to do. */
  private static String notInstalled(RunRequest req, ToolSpec t) {
    try {
      Optional<Binaries.MissingProgram> missing = Binaries.missingProgram(t, req.environment(), req.workdir());
      if (missing.isPresent() && missing.get().start().isPrefix()) {
        return t.name() + " cannot start: " + missing.get().problem();
      }
    } catch (ConfigException e) {
      return t.name() + " cannot start: " + e.getMessage();
    }
    return t.name() + " is not installed" + (t.install() == null ? "" : "; install it with: " + t.install());
  }

  /** Where the agent and the tests run, and what the run checks before the first attempt. */
  private void packageAndBaseline(RunRequest req, Decision d) {
    RepoSignals s = d.signals();
    String where = s.packagePath().isEmpty() ? "." : s.packagePath();
    out.println(bold("package    ") + (s.packageMarker() == null
        ? "no package manifest found; the agent and the tests run at the repository root"
        : where + " (" + s.packageMarker() + "); the agent and the tests run there"
            + (s.nearestWithoutTests() == null ? "" : " (" + s.nearestWithoutTests() + ", the nearest package, has no test command)")));
    if (s.verify() == null) {
      return;
    }
    if (d.task().dimension() == dev.acr.context.Dimension.CODE_UNDERSTANDING) {
      out.println(bold("baseline   ") + "none: a question needs no change, so the run shows the agent's answer and tests nothing");
      return;
    }
    out.println(bold("baseline   ") + "not run in a dry run: a run first runs " + s.verify().command()
        + " on your files as they are, and stops if it cannot run at all");
    TestServices.down(s.packageDir() == null ? s.root() : s.packageDir(), s.root()).ifPresent(why ->
        out.println("  " + why.problem() + ": if the tests fail to reach them, the run stops there; " + why.todo()));
    if (Baseline.asksToFixFailingTest(d.task().dimension(), req.prompt())) {
      out.println("  the prompt asks to fix a failing test: the run will check that a test fails, and say so plainly if the tests already pass");
    }
  }

  private String estimate(Decision d, Route r) {
    for (RouteEstimate e : d.estimates()) {
      if (e.route().equals(r)) {
        return String.format(NUMBERS, "success ~%2.0f%%  cost ~$%.3f  (%s)", 100 * e.successChance(),
            e.expectedCostUsd(), e.source());
      }
    }
    return "";
  }

  private static String describe(RepoSignals s) {
    StringBuilder b = new StringBuilder(s.root().toString());
    if (s.git()) {
      b.append(" (git").append(s.branch() == null ? ", detached" : ", branch " + s.branch());
      b.append(s.dirty() ? ", " + s.changedFiles() + " uncommitted change(s))" : ", clean)");
    } else {
      b.append(" (not a git repository)");
    }
    b.append(", language ").append(s.language() == null ? "unknown" : s.language());
    return b.toString();
  }

  private static String firstArgv(RunRequest req, Decision d) {
    if (d.chain().isEmpty()) {
      return "";
    }
    Route r = d.chain().get(0);
    ToolSpec tool = d.config().tool(r.tool()).orElseThrow();
    try {
      CommandTemplate.Rendered c = CommandTemplate.render(tool, r, req.prompt(), req.workdir(), req.environment());
      return CommandTemplate.shellQuote(c.argv()) + (c.stdin() != null ? "  < prompt on stdin" : "");
    } catch (ConfigException e) {
      return "(cannot render: " + e.getMessage() + ")";
    }
  }

  RunLoop.Listener listener() {
    return new RunLoop.Listener() {
      @Override
      public void beforeAttempt(Task task, Route route, int n, List<Route> plan) {
        err.println(ansi.string("acr: @|bold attempt " + n + "|@: " + route.name()));
      }

      @Override
      public void afterAttempt(Task task, AttemptResult r, int n) {
        err.println("acr: attempt " + n + " " + r.route().name() + ": " + r.status().id()
            + String.format(NUMBERS, " in %.1fs", r.durationMs() / 1000.0)
            + (r.costUsd() == null ? "" : String.format(NUMBERS, ", $%.4f", r.costUsd())));
      }

      @Override
      public void memoryFailed(java.io.IOException e) {
        err.println("acr: could not write memory (" + e.getMessage() + "); the result below stands."
            + " Free disk space or fix the file's permissions there, or pass --memory FILE");
      }
    };
  }

  /**
   * Nothing could start (exit 3): the decision's JSON with the fixes, or one line per tool on
   * stderr saying what to fix.
   */
  void nothingCanRun(Decision d, List<String> fixes) {
    if (json) {
      ObjectNode root = decisionJson(d);
      root.put("verified", false);
      root.putArray("attempts");
      fixes.forEach(root.putArray("no_agent_could_run")::add);
      out.println(root.toPrettyString());
    }
    fixes("no agent can run here", fixes);
  }

  /** "acr: HEADLINE; what to fix:" and a line per tool, on stderr. */
  void fixes(String headline, List<String> fixes) {
    err.println("acr: " + headline + "; what to fix:");
    fixes.forEach(f -> err.println("acr:   " + f));
  }

  /** The result, and (when not empty) what to fix because no agent could run (exit 3). */
  void result(LiveSession.Report r, List<String> fixes) {
    if (json) {
      ObjectNode root = resultJson(r);
      if (!fixes.isEmpty()) {
        fixes.forEach(root.putArray("no_agent_could_run")::add);
      }
      out.println(root.toPrettyString());
    } else {
      result(r);
    }
  }

  void result(LiveSession.Report r) {
    if (json) {
      out.println(resultJson(r).toPrettyString());
      return;
    }
    List<AttemptResult> attempts = r.outcome().attempts();
    if (r.baseline() != null && r.baseline().passed()
        && Baseline.asksToFixFailingTest(r.decision().task().dimension(), r.decision().task().prompt())) {
      out.println("note: the tests already passed before any change (" + r.decision().signals().verify().command()
          + "), though the prompt asks to fix a failing test");
    }
    AttemptTable.lines(attempts, ansi).forEach(out::println);
    for (int i = 0; i < attempts.size(); i++) {
      AttemptResult a = attempts.get(i);
      AttemptArtifacts art = r.artifacts().get(i);
      if (art != null && art.note() != null) {
        out.println("attempt " + (i + 1) + ": " + art.note());
      }
      if (art != null && art.patch() != null && !a.resolved() && !art.changedFiles().isEmpty()) {
        out.println("attempt " + (i + 1) + ": patch kept (" + String.join(", ", art.changedFiles()) + "): " + art.patch()
            + "; apply it with: " + applyCommand(r, i + 1));
      }
    }
    // In a race the attempts cancelled after the winner may come after it.
    int last = r.outcome().verified() ? r.outcome().finalIndex() + 1 : attempts.size();
    if (r.outcome().stopReason() == RunOutcome.StopReason.ANSWERED) {
      answer(r, last);
    } else if (r.outcome().verified()) {
      List<String> files = r.artifacts().get(last - 1) == null ? List.of() : r.artifacts().get(last - 1).changedFiles();
      if (r.applied() == null && r.decision().signals().git()) {
        out.println(ansi.string("@|yellow,bold verified, not applied|@") + ": interrupted before applying; apply it with: "
            + applyCommand(r, last));
      } else if (r.applied() == null) {
        out.println(ansi.string("@|green,bold verified|@") + " (changes made in place)");
      } else if (r.applied().applied() && !files.isEmpty()) {
        out.println(ansi.string("@|green,bold verified|@") + ": applied to your working tree ("
            + String.join(", ", files) + "); review with git diff");
      } else if (r.applied().applied()) {
        out.println(ansi.string("@|green,bold verified|@") + ": the attempt changed nothing, so nothing was applied");
      } else {
        out.println(ansi.string("@|yellow,bold verified, not applied|@") + ": " + r.applied().message());
        if (r.applied().retryable()) {
          out.println("once your working tree allows it, apply it with: " + applyCommand(r, last));
        }
      }
    } else {
      out.println(ansi.string("@|red,bold not verified|@") + " after " + attempts.size() + " attempt(s) ("
          + r.outcome().stopReason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "); "
          + (InPlace.allRestored(r.artifacts()) ? "your working tree is unchanged"
              : "acr could not put all of your files back (see above): check them before you go on"));
      printTestTail(r.artifacts());
    }
    out.println("run " + r.runId() + ": logs in " + r.runDir());
  }

  /** {@code acr apply RUN N}: how a kept patch reaches the working tree later. */
  static String applyCommand(LiveSession.Report r, int attempt) {
    if (!r.decision().signals().git()) {
      // --in-place outside git: acr apply needs a repository; git apply works on any folder.
      AttemptArtifacts art = r.artifacts().get(attempt - 1);
      return "cd " + r.decision().signals().root() + " && git apply " + (art == null ? "PATCH" : art.patch());
    }
    return "acr apply " + r.runId() + " " + attempt;
  }

  /** A question's answer, on stdout: what the user asked for. */
  private void answer(LiveSession.Report r, int attempt) {
    java.nio.file.Path file = RunFiles.attemptDir(r.runDir(), attempt).resolve(RunFiles.ANSWER);
    String text = readQuietly(file);
    if (text.isBlank()) {
      out.println("the agent gave no answer on its output; see " + RunFiles.attemptDir(r.runDir(), attempt).resolve(RunFiles.STDOUT));
    } else {
      out.println(text.stripTrailing());
    }
    out.println(ansi.string("@|green,bold answered|@") + " by " + r.outcome().attempts().get(attempt - 1).route().name()
        + "; a question needs no change, so nothing was applied to your working tree");
  }

  private static String readQuietly(java.nio.file.Path file) {
    try {
      return java.nio.file.Files.isRegularFile(file) ? java.nio.file.Files.readString(file) : "";
    } catch (java.io.IOException e) {
      return "";
    }
  }

  /** The end of the last test run's output, so a user sees why without opening the logs. */
  private void printTestTail(List<AttemptArtifacts> artifacts) {
    for (int i = artifacts.size() - 1; i >= 0; i--) {
      AttemptArtifacts a = artifacts.get(i);
      if (a != null && a.verifyTail() != null && !a.verifyTail().isBlank()) {
        String[] lines = a.verifyTail().strip().split("\n");
        out.println("last test output (attempt " + a.attempt() + "):");
        for (int j = Math.max(0, lines.length - 10); j < lines.length; j++) {
          out.println("   " + withoutEscapes(lines[j]));
        }
        return;
      }
    }
  }

  /**
   * {@code line} without the terminal escapes a test runner printed (Maven's {@code ESC[0m}, a
   * runner's colours): ten lines cut from a coloured output would leave the user's terminal
   * coloured, and with NO_COLOR or a pipe they are noise.
   */
  static String withoutEscapes(String line) {
    return line.replaceAll("\u001B\\[[0-9;?]*[ -/]*[@-~]", "");
  }

  private static ObjectNode decisionJson(Decision d) {
    return RunFiles.decisionJson(d);
  }

  private static ObjectNode resultJson(LiveSession.Report r) {
    ObjectNode root = decisionJson(r.decision());
    root.put("run_id", r.runId());
    root.put("run_dir", r.runDir().toString());
    root.put("verified", r.outcome().verified());
    root.put("stop_reason", r.outcome().stopReason().name().toLowerCase(Locale.ROOT));
    root.put("baseline_passed", r.baseline() == null ? null : r.baseline().passed());
    root.put("total_cost_usd", r.outcome().totalCost());
    root.put("applied", r.applied() != null && r.applied().applied());
    root.set("race", r.race().toJson());
    root.put("answer", r.outcome().stopReason() == RunOutcome.StopReason.ANSWERED
        ? readQuietly(RunFiles.attemptDir(r.runDir(), r.outcome().attempts().size()).resolve(RunFiles.ANSWER)).strip()
        : null);
    ArrayNode attempts = root.putArray("attempts");
    for (int i = 0; i < r.outcome().attempts().size(); i++) {
      AttemptResult a = r.outcome().attempts().get(i);
      AttemptArtifacts art = r.artifacts().get(i);
      ObjectNode n = attempts.addObject();
      n.put("attempt", i + 1);
      n.put("route", a.route().name());
      n.put("status", a.status().id());
      n.put("race_id", r.outcome().raceId(i));
      n.put("reason", a.reason());
      n.put("model_used", a.modelUsed());
      n.put("exit_code", a.exitCode());
      n.put("duration_ms", a.durationMs());
      n.put("cost_usd", a.costUsd());
      n.put("input_tokens", a.inputTokens());
      n.put("output_tokens", a.outputTokens());
      n.put("patch", art == null || art.patch() == null ? null : art.patch().toString());
      n.put("apply_command", art == null || art.changedFiles().isEmpty() ? null : applyCommand(r, i + 1));
    }
    return root;
  }

  private String bold(String s) {
    // Without colour the markup would only be parsed to be dropped again.
    return ansi.enabled() ? ansi.string("@|bold " + s + "|@") : s;
  }
}
