package dev.acr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acr.live.AcrPaths;
import dev.acr.live.RunFiles;
import dev.acr.memory.MemoryRecord;
import dev.acr.memory.RunHistory;
import dev.acr.memory.RunHistory.RunSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code acr explain RUN}: one past run in full, from memory (always) and its run directory (when
 * it is still there): the decision, each attempt, the tests' last lines, where patches and logs are.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Show what happened in a past run: the decision (dimension, chain), each attempt (route,"
        + " status, time, cost, tokens), the test output's last lines and where the patches and logs are.",
    footer = "%nExit codes:%n  0    shown%n  2    no such run (or more than one matches), or unreadable memory%n")
final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand AcrCommand parent;

  @Mixin WhereOptions.Memory memoryOption;

  @Parameters(index = "0", arity = "0..1", paramLabel = "RUN-ID|last", defaultValue = "last",
      description = "A run id, a unique prefix of one, or 'last' (the default: the newest run).")
  String run;

  /** Words after the run id: someone asking a question ({@code acr explain how X works}), not naming a run. */
  @Parameters(index = "1..*", hidden = true)
  List<String> more = List.of();

  @Option(names = "--tail", paramLabel = "N", defaultValue = "10", description = "Lines of each attempt's test output to show (default: ${DEFAULT-VALUE}).")
  int tailLines;

  @Option(names = "--json", description = "Print one JSON document on stdout.")
  boolean json;

  @Override
  public Integer call() {
    Env env = parent.env();
    PrintWriter out = json ? spec.commandLine().getOut() : Fitted.to(spec.commandLine().getOut(), () -> Columns.of(env));
    PrintWriter err = spec.commandLine().getErr();
    if (run.isBlank()) {
      err.println("acr: give a run id, a prefix of one, or 'last' (acr runs lists them)");
      return ExitCodes.USAGE;
    }
    if (!more.isEmpty()) {
      err.println("acr: 'acr explain' shows a past run and takes one run id; to ask a question about the code, quote"
          + " it: acr \"explain " + run + " " + String.join(" ", more) + "\"");
      return ExitCodes.USAGE;
    }
    if (tailLines < 0) {
      err.println("acr: --tail must be 0 or more");
      return ExitCodes.USAGE;
    }
    AcrPaths paths = AcrPaths.from(env.vars(), memoryOption.memoryFile(env));
    long[] skipped = {0};
    RunHistory history = new RunHistory(paths.memory(), p -> skipped[0]++);
    String runId;
    List<MemoryRecord> records;
    try {
      runId = resolve(history, run, paths.memory(), err);
      if (runId == null) {
        return ExitCodes.USAGE;
      }
      skipped[0] = 0; // counted once, by the last pass
      records = history.records(runId);
    } catch (IOException | java.io.UncheckedIOException e) {
      err.println("acr: cannot read memory " + paths.memory() + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (skipped[0] > 0) {
      err.println("acr: " + skipped[0] + " unreadable line(s) in " + paths.memory() + " skipped");
    }
    Path runDir = RunFiles.runDir(paths.runs(), runId).orElse(null);
    boolean dirThere = runDir != null && Files.isDirectory(runDir);
    JsonNode decision = dirThere ? RunFiles.readJson(runDir.resolve(RunFiles.DECISION)) : null;
    JsonNode outcome = dirThere ? RunFiles.readJson(runDir.resolve(RunFiles.OUTCOME)) : null;
    List<ExplainText.Attempt> attempts = new ArrayList<>();
    for (MemoryRecord r : records) {
      attempts.add(view(r, dirThere ? runDir : null, outcome));
    }
    RunSummary summary = RunHistory.summary(records);
    if (json) {
      CliJson.print(out, json(summary, paths.memory(), runDir, dirThere, decision, outcome, attempts), CliJson.indented(env));
    } else {
      new ExplainText(out, env.ansi()).print(summary, runDir, dirThere, decision, outcome, attempts);
    }
    return ExitCodes.OK;
  }

  /** The run id {@code run} names, or null after saying on stderr why there is none. */
  static String resolve(RunHistory history, String run, Path memory, PrintWriter err) throws IOException {
    if (run.equals("last")) {
      String last = history.last();
      if (last == null) {
        err.println("acr: no runs in memory at " + memory + " yet; nothing to explain");
      }
      return last;
    }
    List<String> matches = history.matching(run);
    if (matches.isEmpty()) {
      err.println("acr: no run '" + run + "' in memory " + memory + "; acr runs lists recent runs");
      return null;
    }
    if (matches.size() > 1) {
      List<String> some = matches.subList(0, Math.min(5, matches.size()));
      err.println("acr: '" + run + "' matches " + matches.size() + " runs (" + String.join(", ", some)
          + (matches.size() > some.size() ? ", ..." : "") + "); give more of the run id");
      return null;
    }
    return matches.get(0);
  }

  private ExplainText.Attempt view(MemoryRecord r, Path runDir, JsonNode outcome) {
    if (runDir == null) {
      return new ExplainText.Attempt(r, null, null, List.of(), null, List.of(), null, List.of(), null, null, null);
    }
    Path dir = RunFiles.attemptDir(runDir, r.attempt());
    Path patch = existing(dir.resolve(RunFiles.PATCH));
    // A second run of the tests (a flaky test's first failure) is the one that decided.
    Path again = existing(dir.resolve(RunFiles.VERIFY_AGAIN_LOG));
    Path verifyLog = again != null ? again : existing(dir.resolve(RunFiles.VERIFY_LOG));
    Path stderrLog = existing(dir.resolve(RunFiles.STDERR));
    // The agent's own complaints matter when the tests never ran.
    boolean testsRan = verifyLog != null;
    return new ExplainText.Attempt(r, Files.isDirectory(dir) ? dir : null, patch, changedFiles(outcome, r.attempt(), patch),
        verifyLog, tail(verifyLog), stderrLog, testsRan ? List.of() : tail(stderrLog), existing(dir.resolve(RunFiles.ANSWER)),
        testsMs(outcome, r.attempt()), attemptOf(outcome, r.attempt()).path("note").textValue());
  }

  /**
   * How long the attempt's tests ran, from the run's outcome.json (memory keeps the agent's time
   * only, by which routes are compared); null when it does not say (runs before it did).
   */
  static Long testsMs(JsonNode outcome, int attempt) {
    JsonNode ms = attemptOf(outcome, attempt).path("tests_ms");
    return ms.canConvertToLong() ? ms.asLong() : null;
  }

  /** Attempt {@code attempt}'s entry in outcome.json's {@code attempts}; a missing node when there is none. */
  private static JsonNode attemptOf(JsonNode outcome, int attempt) {
    if (outcome != null) {
      for (JsonNode a : outcome.path("attempts")) {
        if (a.path("attempt").asInt() == attempt) {
          return a;
        }
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static Path existing(Path p) {
    return Files.isRegularFile(p) ? p : null;
  }

  private List<String> tail(Path log) {
    if (log == null || tailLines == 0) {
      return List.of();
    }
    try {
      return RunFiles.tail(log, tailLines);
    } catch (IOException e) {
      return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
    }
  }

  /** From outcome.json when the run finished; else the files the patch names. */
  static List<String> changedFiles(JsonNode outcome, int attempt, Path patch) {
    JsonNode recorded = attemptOf(outcome, attempt).path("changed_files");
    if (recorded.isArray()) {
      List<String> files = new ArrayList<>();
      recorded.forEach(f -> files.add(f.asText()));
      return files;
    }
    List<String> files = new ArrayList<>();
    if (patch != null) {
      try (var lines = Files.lines(patch)) {
        lines.filter(l -> l.startsWith("diff --git a/")).forEach(l -> {
          int b = l.lastIndexOf(" b/");
          files.add(b > 0 ? l.substring(b + 3) : l.substring("diff --git ".length()));
        });
      } catch (IOException | java.io.UncheckedIOException e) {
        // Binary or unreadable patch: only its path is shown.
      }
    }
    return files;
  }

  private static ObjectNode json(RunSummary s, Path memory, Path runDir, boolean dirThere, JsonNode decision,
      JsonNode outcome, List<ExplainText.Attempt> attempts) {
    ObjectNode root = RunsCommand.summaryJson(s, outcome);
    root.put("memory", memory.toString());
    root.put("run_dir", runDir == null ? null : runDir.toString());
    root.put("run_dir_exists", dirThere);
    root.set("decision", decision);
    root.set("outcome", outcome);
    ArrayNode list = root.putArray("attempt_details");
    for (ExplainText.Attempt a : attempts) {
      MemoryRecord r = a.record();
      ObjectNode n = list.addObject();
      n.put("attempt", r.attempt());
      n.put("ts", r.ts());
      n.put("route", r.route());
      n.put("status", r.status());
      n.put("resolved", r.resolved());
      n.put("exit_code", r.exitCode());
      n.put("duration_ms", r.durationMs());
      n.put("cost_usd", r.costUsd());
      n.put("input_tokens", r.inputTokens());
      n.put("output_tokens", r.outputTokens());
      n.put("dir", a.dir() == null ? null : a.dir().toString());
      n.put("patch", a.patch() == null ? null : a.patch().toString());
      n.set("changed_files", CliJson.JSON.valueToTree(a.changedFiles()));
      n.put("verify_log", a.verifyLog() == null ? null : a.verifyLog().toString());
      n.put("tests_ms", a.testsMs());
      n.put("note", a.note());
      n.set("verify_tail", CliJson.JSON.valueToTree(a.verifyTail()));
      n.put("stderr_log", a.stderrLog() == null ? null : a.stderrLog().toString());
      n.set("stderr_tail", CliJson.JSON.valueToTree(a.stderrTail()));
      n.put("answer", a.answer() == null ? null : a.answer().toString());
    }
    return root;
  }

  static String money(Double usd) {
    return usd == null ? "cost unknown" : String.format(Locale.ROOT, "$%.4f", usd);
  }
}
