package dev.acr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acr.live.KnownFailures;
import dev.acr.live.RunFiles;
import dev.acr.memory.MemoryRecord;
import dev.acr.memory.RunHistory.RunSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Help.Ansi;

/** {@code acr explain} for people: the run, the decision, each attempt, the result, where things are. */
final class ExplainText {

  /**
   * One attempt: its memory record and what it left in the run directory (null paths and empty
   * lists when the directory or the file is not there). {@code stderrTail} is only filled when
   * the tests never ran, since then the agent's own output says why. {@code testsMs}: how long the
   * attempt's tests ran (null when the run's files do not say).
   */
  record Attempt(MemoryRecord record, Path dir, Path patch, List<String> changedFiles, Path verifyLog,
      List<String> verifyTail, Path stderrLog, List<String> stderrTail, Path answer, Long testsMs, String note) {}

  private final PrintWriter out;
  private final Ansi ansi;

  ExplainText(PrintWriter out, Ansi ansi) {
    this.out = out;
    this.ansi = ansi;
  }

  void print(RunSummary s, Path runDir, boolean dirThere, JsonNode decision, JsonNode outcome, List<Attempt> attempts) {
    row("run", s.runId() + (s.source() == null ? "" : "  (" + s.source() + ")"));
    String first = RunsCommand.when(s.firstTs());
    String last = RunsCommand.when(s.lastTs());
    row("when", (first.equals(last) ? first : first + " .. " + last) + (s.firstTs() != null && s.firstTs().endsWith("Z") ? " UTC" : ""));
    prompt(s);
    decision(s, decision, dirThere, attempts);
    if (outcome != null && !outcome.path("baseline_passed").isNull() && outcome.has("baseline_passed")) {
      List<String> failing = new ArrayList<>();
      outcome.path("baseline_failing").forEach(n -> failing.add(n.asText()));
      row("baseline", (outcome.path("baseline_passed").asBoolean()
          ? "tests already passed before the first attempt"
          : "tests failed before the first attempt" + (failing.isEmpty() ? "" : ": " + KnownFailures.named(failing, false)))
          + "  (" + RunFiles.baselineDir(runDir).resolve(RunFiles.VERIFY_LOG) + ")");
    }
    out.println(bold("attempts"));
    for (Attempt a : attempts) {
      attempt(a);
    }
    result(s, outcome);
    if (runDir == null) {
      row("run dir", "none: the run id '" + s.runId() + "' cannot name a directory (memory from elsewhere?)");
    } else if (dirThere) {
      row("run dir", runDir.toString());
    } else {
      row("run dir", runDir + " is gone (deleted, or the run came from another memory); above is what memory knows");
    }
  }

  private void prompt(RunSummary s) {
    if (s.prompt() == null) {
      row("prompt", "not stored" + (s.task() == null ? "" : " (task " + s.task() + ")"));
      return;
    }
    String[] lines = s.prompt().strip().split("\\R");
    row("prompt", lines[0]);
    for (int i = 1; i < lines.length; i++) {
      out.println("           " + lines[i]);
    }
  }

  private void decision(RunSummary s, JsonNode d, boolean dirThere, List<Attempt> attempts) {
    if (d == null) {
      row("dimension", s.dimension() == null ? "-" : s.dimension());
      Set<String> tried = new LinkedHashSet<>();
      attempts.forEach(a -> tried.add(a.record().route()));
      row("chain", "not recorded (" + (dirThere ? "no " + RunFiles.DECISION + " in the run directory" : "run directory gone")
          + "); routes tried in order: " + String.join(", ", tried));
      return;
    }
    row("dimension", d.path("dimension").asText("-")
        + (d.has("confidence") ? String.format(Locale.ROOT, " (confidence %.2f)", d.path("confidence").asDouble()) : ""));
    if (d.path("evidence").isArray() && !d.path("evidence").isEmpty()) {
      List<String> evidence = new ArrayList<>();
      d.path("evidence").forEach(e -> evidence.add(e.asText()));
      out.println("  evidence: " + String.join("; ", evidence));
    }
    if (d.hasNonNull("workdir")) {
      row("repo", d.path("workdir").asText() + (d.hasNonNull("language") ? ", language " + d.path("language").asText() : "")
          + (d.hasNonNull("package_dir") && !".".equals(d.path("package_dir").asText())
              ? ", package " + d.path("package_dir").asText() + " (agent and tests ran there)" : ""));
    }
    row("verify", d.hasNonNull("verify")
        ? d.path("verify").asText() + "  (" + d.path("verify_source").asText("?") + ")"
        : "none: attempts could not be verified");
    int max = d.path("max_attempts").asInt();
    String limits = d.has("max_attempts")
        ? "; at most " + max + " attempt(s)"
            + (attempts.size() > max ? " (those in which no agent could run do not count)" : "") + ", "
            + (d.hasNonNull("budget_usd") ? String.format(Locale.ROOT, "budget $%.2f", d.path("budget_usd").asDouble()) : "no budget")
        : "";
    row("chain", d.path("chain_source").asText("-") + limits);
    int i = 0;
    for (JsonNode r : d.path("chain")) {
      i++;
      String estimate = r.has("success")
          ? String.format(Locale.ROOT, "success ~%2.0f%%  cost ~$%.3f  (%s)", 100 * r.path("success").asDouble(),
              r.path("expected_cost_usd").asDouble(), r.path("source").asText())
          : "";
      out.println(String.format(Locale.ROOT, "  %d. %-34s %s", i, r.path("route").asText(), estimate).stripTrailing());
    }
    if (i == 0) {
      out.println("  (no route worth an attempt)");
    }
  }

  private void attempt(Attempt a) {
    MemoryRecord r = a.record();
    String tokens = r.inputTokens() == null && r.outputTokens() == null
        ? "tokens unknown"
        : "tokens " + orQ(r.inputTokens()) + " in / " + orQ(r.outputTokens()) + " out";
    String status = String.format(Locale.ROOT, "%-12s", r.status());
    out.println(String.format(Locale.ROOT, "  %d. %-34s ", r.attempt(), r.route())
        + (ansi == Ansi.ON ? ansi.string("@|" + (r.resolved() ? "green" : "red") + " " + status + "|@") : status)
        + String.format(Locale.ROOT, " %7.1fs  %s  %s  exit %s", r.durationMs() / 1000.0, ExplainCommand.money(r.costUsd()),
            tokens, r.exitCode() == null ? "none (killed)" : r.exitCode().toString()));
    if (a.testsMs() != null && a.testsMs() > 0) {
      // The row's time is the agent's (what memory compares routes by); a long test suite is the rest of the wait.
      detail("time", String.format(Locale.ROOT, "agent %.1fs + its tests %.1fs = %.1fs", r.durationMs() / 1000.0,
          a.testsMs() / 1000.0, (r.durationMs() + a.testsMs()) / 1000.0));
    }
    if (r.raceId() != null) {
      detail("race", r.raceId() + " (ran at once with the other attempts of this race)");
    }
    if (r.reason() != null) {
      detail("reason", r.reason());
    }
    if (a.note() != null) {
      // What the run told the user of this attempt: why it was not verified, or what to check in a verified one.
      detail("note", a.note());
    }
    if (a.dir() == null) {
      return;
    }
    if (a.patch() != null) {
      detail("patch", a.patch() + (a.changedFiles().isEmpty() ? "  (no changes)" : "  (" + String.join(", ", a.changedFiles()) + ")"));
    }
    if (a.answer() != null) {
      detail("answer", a.answer().toString());
      try {
        RunFiles.tail(a.answer(), 20).forEach(l -> out.println("               | " + l));
      } catch (java.io.IOException e) {
        out.println("               (cannot read it: " + e.getMessage() + ")");
      }
    }
    detail("logs", a.dir().resolve(RunFiles.STDOUT) + ", " + RunFiles.STDERR + ", " + RunFiles.ARGV);
    if (a.verifyLog() != null) {
      detail("tests", a.verifyLog() + (a.verifyTail().isEmpty() ? "" : ", last " + a.verifyTail().size() + " line(s):"));
      // A runner's colours (Crystal's compiler colours its errors even into a pipe) stay out of the terminal.
      a.verifyTail().forEach(l -> out.println("               | " + Report.withoutEscapes(l)));
    } else if (!a.stderrTail().isEmpty()) {
      detail("stderr", "tests did not run; the agent's last " + a.stderrTail().size() + " line(s) on stderr:");
      a.stderrTail().forEach(l -> out.println("               | " + Report.withoutEscapes(l)));
    }
  }

  private void result(RunSummary s, JsonNode outcome) {
    boolean answered = "answered".equals(s.finalStatus());
    StringBuilder b = new StringBuilder(s.verified() ? "verified" : answered ? "answered" : "not verified");
    b.append(" after ").append(s.attempts()).append(" attempt(s)");
    if (outcome != null && outcome.hasNonNull("stop_reason") && !s.verified() && !answered) {
      b.append(" (").append(Report.whyStopped(outcome.path("stop_reason").asText())).append(')');
    }
    if (outcome != null && s.verified()) {
      if (RunFiles.VERIFIED_IN_PLACE.equals(outcome.path("result").asText())) {
        b.append("; changes made in place");
      } else if (outcome.path("applied").asBoolean()) {
        b.append("; applied to the working tree");
        if (outcome.hasNonNull("applied_by")) {
          b.append(" later, by ").append(outcome.path("applied_by").asText())
              .append(" (attempt ").append(outcome.path("applied_attempt").asInt()).append(", ")
              .append(outcome.path("applied_at").asText()).append(")");
        }
      } else {
        String why = outcome.hasNonNull("not_applied") ? outcome.path("not_applied").asText()
            : outcome.path("apply_message").asText("the run ended before applying it");
        b.append("; verified, NOT applied: ").append(why)
            .append("; apply it with: acr apply ").append(s.runId()).append(' ').append(s.attempts());
      }
    } else if (answered) {
      b.append("; a question needs no change, so nothing was applied to the working tree");
    } else if (outcome != null) {
      b.append("; the working tree was not changed");
    }
    b.append("; total cost ");
    if (s.costUsd() == null) {
      b.append("unknown");
    } else {
      b.append(ExplainCommand.money(s.costUsd()));
      if (s.costKnown() < s.attempts()) {
        b.append(" (").append(s.costKnown()).append(" of ").append(s.attempts()).append(" attempt(s) reported a cost)");
      }
    }
    row("result", b.toString());
  }

  private static String orQ(Long n) {
    return n == null ? "?" : n.toString();
  }

  private void row(String label, String value) {
    out.println(bold(String.format(Locale.ROOT, "%-10s", label)) + " " + value);
  }

  private void detail(String label, String value) {
    out.println(String.format(Locale.ROOT, "     %-9s %s", label, value));
  }

  private String bold(String s) {
    return ansi == Ansi.ON ? ansi.string("@|bold " + s + "|@") : s;
  }
}
