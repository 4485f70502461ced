package dev.acr.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acr.core.AttemptResult;
import dev.acr.core.AttemptStatus;
import dev.acr.core.Route;
import dev.acr.core.RunLoop;
import dev.acr.core.RunOutcome;
import dev.acr.core.Task;
import dev.acr.live.AttemptArtifacts;
import dev.acr.live.Baseline;
import dev.acr.live.Decision;
import dev.acr.live.InPlace;
import dev.acr.live.LiveSession;
import dev.acr.live.RunFiles;
import dev.acr.live.RaceChoice;
import dev.acr.live.VerifyTimeout;
import dev.acr.live.RunRequest;
import dev.acr.live.UsageError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Help.Ansi;

/** Prints decisions and results: human text on stdout, or one JSON document with --json. */
final class Report {
  /**
   * The locale numbers are formatted in: '.' and ASCII digits like ROOT, but Formatter special-cases
   * US and skips loading locale data (DecimalFormatSymbols), ~15 ms of every dry run's start-up.
   */
  static final Locale NUMBERS = Locale.US;

  private final PrintWriter out;
  private final PrintWriter err;
  private final Ansi ansi;
  private final boolean json;
  /** --json on a terminal: indented for a person (CliJson#indented). */
  private final boolean indentJson;

  Report(PrintWriter out, PrintWriter err, Ansi ansi, boolean json, boolean indentJson) {
    this.out = out;
    this.err = err;
    this.ansi = ansi;
    this.json = json;
    this.indentJson = indentJson;
  }

  void dryRun(RunRequest req, Decision d) {
    if (json) {
      ObjectNode root = decisionJson(d);
      root.put("dry_run", true);
      root.put("first_argv", DecisionText.firstArgv(req, d));
      try {
        root.set("race", RaceChoice.of(req, d).toJson());
      } catch (UsageError e) {
        root.put("race", e.getMessage()); // LiveRun has read --race before: not reached
      }
      VerifyTimeout limit = VerifyTimeout.of(req, d.signals().repoConfig());
      root.putObject("verify_timeout").put("seconds", limit.limit().toSeconds()).put("source", limit.source());
      CliJson.print(out, root, indentJson);
      return;
    }
    decision(req, d);
    dryRunDone(d);
  }

  /** The decision as dry-run shows it: what acr read, the chain with its estimates, the first command. */
  void decision(RunRequest req, Decision d) {
    new DecisionText(out, ansi).print(req, d);
  }

  void dryRunDone(Decision d) {
    out.println(d.wroteStatsSnapshot()
        ? "dry run: nothing was executed; only memory's statistics snapshot was written"
        : "dry run: nothing was executed or written");
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
            + String.format(NUMBERS, " (agent %.1fs", r.durationMs() / 1000.0)
            + (r.costUsd() == null ? "" : String.format(NUMBERS, ", $%.4f", r.costUsd())) + ")");
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
  void nothingCanRun(Decision d, List<String> fixes, String headline) {
    if (json) {
      ObjectNode root = decisionJson(d);
      root.put("verified", false);
      root.putArray("attempts");
      fixes.forEach(root.putArray("no_agent_could_run")::add);
      CliJson.print(out, root, indentJson);
    }
    fixes(headline, fixes);
  }

  /** "acr: HEADLINE; what to fix:" and a line per tool, on stderr. */
  void fixes(String headline, List<String> fixes) {
    err.println("acr: " + headline + "; what to fix:");
    fixes.forEach(f -> err.println("acr:   " + f));
  }

  /**
   * The result, and (when not empty) what to fix because no agent could run (exit 3): on stderr,
   * after the attempts and before the closing line, which says that no agent ran.
   */
  void result(LiveSession.Report r, List<String> fixes) {
    if (json) {
      ObjectNode root = resultJson(r);
      if (!fixes.isEmpty()) {
        fixes.forEach(root.putArray("no_agent_could_run")::add);
      }
      CliJson.print(out, root, indentJson);
      if (!fixes.isEmpty()) {
        fixes("no agent could run", fixes);
      }
    } else {
      text(r, fixes);
    }
  }

  void result(LiveSession.Report r) {
    if (json) {
      CliJson.print(out, resultJson(r), indentJson);
    } else {
      text(r, List.of());
    }
  }

  private void text(LiveSession.Report r, List<String> fixes) {
    List<AttemptResult> attempts = r.outcome().attempts();
    if (r.baseline() != null && r.baseline().passed()
        && Baseline.asksToFixFailingTest(r.decision().task().dimension(), r.decision().task().prompt())) {
      out.println("note: the tests already passed before any change (" + r.decision().signals().verify().command()
          + "), though the prompt asks to fix a failing test");
    }
    if (!attempts.isEmpty()) { // an empty table (interrupted in the baseline) says nothing
      AttemptTable.lines(attempts, i -> {
        AttemptArtifacts art = i < r.artifacts().size() ? r.artifacts().get(i) : null;
        return art == null ? 0 : art.testsMs();
      }, ansi).forEach(out::println);
    }
    for (int i = 0; i < attempts.size(); i++) {
      AttemptResult a = attempts.get(i);
      AttemptArtifacts art = r.artifacts().get(i);
      if (art != null && art.note() != null) {
        out.println("attempt " + (i + 1) + ": " + art.note());
      } else if (a.status() == AttemptStatus.CANCELLED && a.reason() != null) {
        out.println("attempt " + (i + 1) + ": " + a.reason()); // a race's verified loser
      } else if (a.status() == AttemptStatus.INFRA_ERROR && a.reason() != null) {
        out.println("attempt " + (i + 1) + ": stopped: another attempt of the race found " + a.route().tool() + ": "
            + a.reason()); // only a racer stopped for another's infra error has a reason but no note
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
            + String.join(", ", files) + "); " + review(r.artifacts().get(last - 1).patch()));
      } else if (r.applied().applied()) {
        out.println(ansi.string("@|green,bold verified|@") + ": the attempt changed nothing, so nothing was applied");
      } else {
        out.println(ansi.string("@|yellow,bold verified, not applied|@") + ": " + r.applied().message());
        if (r.applied().retryable()) {
          out.println("once your working tree allows it, apply it with: " + applyCommand(r, last));
        }
      }
    } else if (!fixes.isEmpty()) {
      fixes("no agent could run", fixes);
      out.println(ansi.string("@|red,bold not verified|@") + ": no agent could run (" + attempts.size()
          + " attempt(s), each ended infra_error); " + (InPlace.allRestored(r.artifacts()) ? "your working tree is unchanged"
              : "acr could not put all of your files back (see above): check them before you go on"));
    } else {
      out.println(ansi.string("@|red,bold not verified|@")
          + (attempts.isEmpty() ? ": no attempt ran (" : " after " + attempts.size() + " attempt(s) (")
          + whyStopped(r.outcome().stopReason().name().toLowerCase(Locale.ROOT)) + "); "
          + (InPlace.allRestored(r.artifacts()) ? "your working tree is unchanged"
              : "acr could not put all of your files back (see above): check them before you go on"));
      printTestTail(r.artifacts());
    }
    out.println("run " + r.runId() + ": logs in " + r.runDir());
  }

  /**
   * How to look at an applied patch: git diff does not show the files it adds (applied, never
   * staged, they are untracked), git status does.
   */
  static String review(Path patch) {
    try (Stream<String> lines = Files.lines(patch)) {
      return lines.anyMatch(l -> l.startsWith("new file mode ")) ? "review with git diff, and git status for the new files"
          : "review with git diff";
    } catch (IOException | UncheckedIOException e) {
      return "review with git diff";
    }
  }

  /** A stop reason ({@code stop_reason} in JSON) in the user's words: "plan exhausted" was the router's. */
  static String whyStopped(String stopReason) {
    return switch (stopReason) {
      case "plan_exhausted" -> "no route left to try";
      case "max_attempts" -> "--max-attempts reached";
      case "budget" -> "--budget spent";
      default -> stopReason.replace('_', ' ');
    };
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
    Path file = RunFiles.attemptDir(r.runDir(), attempt).resolve(RunFiles.ANSWER);
    String text = readQuietly(file);
    if (text.isBlank()) {
      out.println("the agent gave no answer on its output; see " + RunFiles.attemptDir(r.runDir(), attempt).resolve(RunFiles.STDOUT));
    } else {
      out.println(text.stripTrailing());
    }
    out.println(ansi.string("@|green,bold answered|@") + " by " + r.outcome().attempts().get(attempt - 1).route().name()
        + "; a question needs no change, so nothing was applied to your working tree");
  }

  private static String readQuietly(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file) : "";
    } catch (IOException e) {
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
        for (int j = Math.max(0, lines.length - dev.acr.verify.Verifier.SHOWN_LINES); j < lines.length; j++) {
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
    // null when no attempt reported a cost, as the table says "unknown" (and acr runs --json null).
    boolean anyCost = r.outcome().attempts().stream().anyMatch(a -> a.costUsd() != null);
    root.put("total_cost_usd", anyCost ? r.outcome().totalCost() : null);
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
      n.put("tests_ms", art == null ? 0 : art.testsMs());
      n.put("note", art == null ? null : art.note());
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
