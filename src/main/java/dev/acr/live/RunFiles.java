package dev.acr.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.RunOutcome;
import dev.acr.git.ApplyResult;
import dev.acr.verify.VerifyResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The layout of a run directory, {@code $ACR_HOME/runs/<run-id>/}, in one place for the run that
 * writes it and {@code acr explain} that reads it:
 *
 * <pre>
 * decision.json          what acr decided before the first attempt (dimension, chain, estimates, limits)
 * outcome.json           how the run ended (stop reason, applied or not); missing if acr was killed
 * baseline/verify.log    the test command on the untouched state
 * attempt-N/argv.json    the agent's argv;  env-names.txt  names (never values) of its environment
 * attempt-N/stdout.log, stderr.log   the agent's output
 * attempt-N/changes.patch            what it changed (kept for failed attempts too)
 * attempt-N/verify.log               the test command after it; verify-again.log its second run (a flaky test?)
 * attempt-N/recheck.log              the recheck in the user's tree; recheck-again.log its second run
 * attempt-N/answer.md                the agent's answer to a question (code_understanding)
 * </pre>
 */
public final class RunFiles {
  public static final String DECISION = "decision.json";
  public static final String OUTCOME = "outcome.json";
  public static final String ARGV = "argv.json";
  public static final String ENV_NAMES = "env-names.txt";
  public static final String STDOUT = "stdout.log";
  public static final String STDERR = "stderr.log";
  public static final String PATCH = "changes.patch";
  public static final String VERIFY_LOG = "verify.log";
  /** The second run of the tests, when the first failed as a flaky test would ({@link AttemptTests}). */
  public static final String VERIFY_AGAIN_LOG = "verify-again.log";
  public static final String ANSWER = "answer.md";

  private static final ObjectMapper JSON = new ObjectMapper();
  /** What run ids look like; anything else from memory (an import, say) never becomes a path. */
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
  private static final int TAIL_BYTES = 64 * 1024;

  private RunFiles() {}

  public static Path attemptDir(Path runDir, int attempt) {
    return runDir.resolve("attempt-" + attempt);
  }

  public static Path baselineDir(Path runDir) {
    return runDir.resolve("baseline");
  }

  /** The directory of run {@code runId} under {@code runs}; empty when the id could not be a directory name. */
  public static Optional<Path> runDir(Path runs, String runId) {
    if (runId == null || !SAFE_ID.matcher(runId).matches() || runId.contains("..")) {
      return Optional.empty();
    }
    return Optional.of(runs.resolve(runId));
  }

  /** The decision as JSON: what --dry-run --json prints and decision.json keeps. */
  public static ObjectNode decisionJson(Decision d) {
    ObjectNode root = JSON.createObjectNode();
    root.put("dimension", d.classification().dimension().id());
    root.put("confidence", d.classification().confidence());
    root.set("evidence", JSON.valueToTree(d.classification().evidence()));
    root.put("language", d.signals().language());
    root.put("verify", d.signals().verify() == null ? null : d.signals().verify().command());
    root.put("verify_source", d.signals().verify() == null ? null : d.signals().verify().source());
    root.put("repo_root", d.signals().root().toString());
    root.put("package_dir", d.signals().packagePath().isEmpty() ? "." : d.signals().packagePath());
    root.put("package_marker", d.signals().packageMarker());
    root.put("nearest_package_without_tests", d.signals().nearestWithoutTests());
    Path repoConfig = d.signals().repoConfig().file();
    root.put("repo_config", repoConfig == null ? null : repoConfig.toString());
    root.put("config", d.configSource());
    root.put("chain_source", d.chainSource());
    ArrayNode chain = root.putArray("chain");
    for (Route r : d.chain()) {
      ObjectNode n = chain.addObject();
      n.put("route", r.name());
      n.put("installed", !d.missingTools().contains(r.tool()));
      d.estimates().stream().filter(e -> e.route().equals(r)).findFirst().ifPresent(e -> {
        n.put("success", e.successChance());
        n.put("expected_cost_usd", e.expectedCostUsd());
        n.put("source", e.source());
      });
    }
    root.put("exploring", d.exploring());
    ArrayNode skipped = root.putArray("unavailable");
    for (Unavailable u : d.unavailable()) {
      skipped.addObject().put("tool", u.tool()).put("routes", u.routes()).put("reason", u.reason())
          .put("until", u.until() == null ? null : u.until().toString());
    }
    return root;
  }

  /** decision.json; with --no-store-prompt without the classifier's evidence (words of the prompt). */
  static void writeDecision(Path runDir, String runId, RunRequest req, Decision d) throws IOException {
    ObjectNode root = decisionJson(d);
    if (!req.storePrompt()) {
      root.remove("evidence");
    }
    root.put("run_id", runId);
    root.put("workdir", req.workdir().toString());
    root.put("max_attempts", req.maxAttempts());
    root.put("budget_usd", req.budgetUsd());
    root.put("timeout_s", req.timeout().toSeconds());
    Files.writeString(runDir.resolve(DECISION), root.toPrettyString() + "\n");
  }

  /** outcome.json: how the run ended and what each attempt changed. */
  static void writeOutcome(
      Path runDir, VerifyResult baseline, RunOutcome outcome, List<AttemptArtifacts> artifacts, ApplyResult applied)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("verified", outcome.verified());
    root.put("stop_reason", outcome.stopReason().name().toLowerCase(Locale.ROOT));
    root.put("baseline_passed", baseline == null ? null : baseline.passed());
    if (baseline != null && !baseline.failing().isEmpty()) {
      baseline.failing().forEach(root.putArray("baseline_failing")::add);
    }
    root.put("applied", applied != null && applied.applied());
    root.put("apply_message", applied == null ? null : applied.message());
    root.put("result", result(outcome, applied));
    root.put("not_applied", outcome.verified() && applied != null && !applied.applied() ? shortReason(applied.message()) : null);
    ArrayNode attempts = root.putArray("attempts");
    for (int i = 0; i < outcome.attempts().size(); i++) {
      AttemptResult a = outcome.attempts().get(i);
      AttemptArtifacts art = i < artifacts.size() ? artifacts.get(i) : null;
      ObjectNode n = attempts.addObject();
      n.put("attempt", i + 1);
      n.put("route", a.route().name());
      n.put("status", a.status().id());
      n.set("changed_files", JSON.valueToTree(art == null ? List.of() : art.changedFiles()));
      n.put("note", art == null ? null : art.note());
      n.put("tests_ms", art == null ? 0 : art.testsMs());
    }
    Files.writeString(runDir.resolve(OUTCOME), root.toPrettyString() + "\n");
  }

  /** An attempt's argv and the names (never the values) of its environment, for `acr explain` and debugging. */
  static void writeInvocation(Path dir, List<String> argv, java.util.Set<String> environmentNames) throws IOException {
    Files.writeString(dir.resolve(ARGV), JSON.writeValueAsString(argv));
    Files.write(dir.resolve(ENV_NAMES), new java.util.TreeSet<>(environmentNames));
  }

  /** {@code argv} with the prompt replaced, for --no-store-prompt: argv.json would keep it otherwise. */
  static List<String> withoutPrompt(List<String> argv, String prompt) {
    return prompt == null || prompt.isEmpty() ? argv
        : argv.stream().map(a -> a.replace(prompt, "<prompt not stored>")).toList();
  }

  /** outcome.json's {@code result}: how the run ended for the user's tree. */
  public static final String APPLIED = "applied";
  public static final String VERIFIED_NOT_APPLIED = "verified_not_applied";
  public static final String VERIFIED_IN_PLACE = "verified_in_place";
  public static final String ANSWERED = "answered";
  public static final String NOT_VERIFIED = "not_verified";

  static String result(RunOutcome outcome, ApplyResult applied) {
    if (outcome.stopReason() == RunOutcome.StopReason.ANSWERED) {
      return ANSWERED;
    }
    if (!outcome.verified()) {
      return NOT_VERIFIED;
    }
    return applied == null ? VERIFIED_IN_PLACE : applied.applied() ? APPLIED : VERIFIED_NOT_APPLIED;
  }

  /** The first clause of an apply message, for a one-line listing ({@code acr runs}). */
  static String shortReason(String message) {
    if (message == null || message.isBlank()) {
      return "not applied";
    }
    String first = message.strip().split("\\R", 2)[0];
    int semi = first.indexOf("; ");
    return semi > 0 ? first.substring(0, semi) : first;
  }

  /**
   * Records in outcome.json that the verified change did not reach the user's tree after all,
   * and why (say, a check after applying failed and it was rolled back). Whatever kept a change
   * out says so here, so {@code acr runs} and {@code acr explain} never call the run applied.
   */
  public static void recordNotApplied(Path runDir, String why) throws IOException {
    ObjectNode root = outcomeOrEmpty(runDir);
    root.put("applied", false);
    root.put("result", VERIFIED_NOT_APPLIED);
    root.put("not_applied", shortReason(why));
    root.put("apply_message", why);
    Files.writeString(runDir.resolve(OUTCOME), root.toPrettyString() + "\n");
  }

  /** Records in outcome.json that {@code acr apply} applied attempt {@code attempt}'s patch {@code when}. */
  public static void recordAppliedLater(Path runDir, int attempt, String when) throws IOException {
    ObjectNode root = outcomeOrEmpty(runDir);
    root.put("applied", true);
    root.put("result", APPLIED);
    root.putNull("not_applied");
    root.put("applied_attempt", attempt);
    root.put("applied_by", "acr apply");
    root.put("applied_at", when);
    Files.writeString(runDir.resolve(OUTCOME), root.toPrettyString() + "\n");
  }

  private static ObjectNode outcomeOrEmpty(Path runDir) {
    JsonNode n = readJson(runDir.resolve(OUTCOME));
    return n instanceof ObjectNode o ? o : JSON.createObjectNode();
  }

  /** A JSON file of the run directory, or null when it is missing or not JSON. */
  public static JsonNode readJson(Path file) {
    try {
      return Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** The last {@code lines} lines of a log (reading at most its last 64 KB), without trailing blank lines. */
  public static List<String> tail(Path log, int lines) throws IOException {
    byte[] bytes;
    boolean cut;
    try (FileChannel ch = FileChannel.open(log, StandardOpenOption.READ)) {
      long size = ch.size();
      long from = Math.max(0, size - TAIL_BYTES);
      cut = from > 0;
      ByteBuffer buf = ByteBuffer.allocate((int) (size - from));
      while (buf.hasRemaining() && ch.read(buf, from + buf.position()) >= 0) {
        // read until full or end of file
      }
      bytes = Arrays.copyOf(buf.array(), buf.position());
    }
    List<String> all = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1)));
    if (cut && all.size() > 1) {
      all.remove(0); // starts mid-line
    }
    while (!all.isEmpty() && all.get(all.size() - 1).isBlank()) {
      all.remove(all.size() - 1);
    }
    return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
  }
}
