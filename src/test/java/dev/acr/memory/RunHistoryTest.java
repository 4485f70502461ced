package dev.acr.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {
  @TempDir Path tmp;

  static MemoryRecord rec(String run, int attempt, String ts, String status, Double cost, String prompt) {
    return new MemoryRecord(ts, run, attempt, "task-" + run, prompt, "bug_fixing", "codex", "gpt-5.4",
        "codex:gpt-5.4#" + attempt, status.equals("verified"), true, status, 0, 1000L * attempt, cost, null, null, "live",
        null, null, null);
  }

  Path memory(MemoryRecord... records) throws Exception {
    Path file = tmp.resolve("m.jsonl");
    for (MemoryRecord r : records) {
      new MemoryStore(file).append(r);
    }
    return file;
  }

  @Test
  void groupsRecordsIntoRunsLatestFirst() throws Exception {
    Path file = memory(
        rec("20261101-a", 1, "2026-11-01T10:00:00Z", "failed", 0.10, "fix a"),
        rec("20261102-b", 1, "2026-11-02T10:00:00Z", "verified", null, null),
        rec("20261101-a", 2, "2026-11-01T10:05:00Z", "verified", 0.25, "fix a"),
        rec(null, 1, "2026-11-09T00:00:00Z", "failed", null, "no run"),
        rec("20261103-c", 1, "2026-11-02T10:00:00Z", "agent_error", null, "same time as b, later in the file"));
    Files.writeString(file, "{\"torn\n", java.nio.file.StandardOpenOption.APPEND);
    List<String> problems = new ArrayList<>();
    RunHistory history = new RunHistory(file, problems::add);
    RunHistory.Page page = history.latest(10);
    assertThat(page.total()).isEqualTo(3);
    List<RunHistory.RunSummary> runs = page.runs();
    // Counted once: the second pass (prompts of the runs shown) does not report again.
    assertThat(problems).singleElement().asString().contains("m.jsonl:6: unreadable line");
    assertThat(runs).extracting(RunHistory.RunSummary::runId).containsExactly("20261103-c", "20261102-b", "20261101-a");
    RunHistory.RunSummary a = runs.get(2);
    assertThat(a.attempts()).isEqualTo(2);
    assertThat(a.firstTs()).isEqualTo("2026-11-01T10:00:00Z");
    assertThat(a.lastTs()).isEqualTo("2026-11-01T10:05:00Z");
    assertThat(a.finalStatus()).isEqualTo("verified");
    assertThat(a.finalRoute()).isEqualTo("codex:gpt-5.4#2");
    assertThat(a.verified()).isTrue();
    assertThat(a.costUsd()).isEqualTo(0.35, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(a.costKnown()).isEqualTo(2);
    assertThat(a.durationMs()).isEqualTo(3000);
    assertThat(a.prompt()).isEqualTo("fix a");
    RunHistory.RunSummary b = runs.get(1);
    assertThat(b.costUsd()).isNull();
    assertThat(b.prompt()).isNull();
    assertThat(b.task()).isEqualTo("task-20261102-b");
    assertThat(history.last()).isEqualTo("20261103-c");
    assertThat(history.latest(1).runs()).extracting(RunHistory.RunSummary::runId).containsExactly("20261103-c");
    assertThat(history.latest(1).total()).isEqualTo(3);
  }

  @Test
  void matchingPrefersAnExactIdThenPrefixes() throws Exception {
    Path file = memory(
        rec("20261101-aa", 1, "2026-11-01T10:00:00Z", "failed", null, "x"),
        rec("20261101-aab", 1, "2026-11-01T11:00:00Z", "failed", null, "x"),
        rec("20261102-bb", 1, "2026-11-02T10:00:00Z", "failed", null, "x"));
    RunHistory history = new RunHistory(file, p -> {});
    assertThat(history.matching("20261101-aa")).containsExactly("20261101-aa");
    assertThat(history.matching("20261101")).containsExactly("20261101-aa", "20261101-aab");
    assertThat(history.matching("20261102")).containsExactly("20261102-bb");
    assertThat(history.matching("2027")).isEmpty();
  }

  @Test
  void recordsOfARunComeByAttemptNumber() throws Exception {
    Path file = memory(
        rec("r", 2, "2026-11-01T10:05:00Z", "verified", null, "x"),
        rec("other", 1, "2026-11-01T10:00:00Z", "failed", null, "x"),
        rec("r", 1, "2026-11-01T10:00:00Z", "failed", null, "x"));
    List<MemoryRecord> records = new RunHistory(file, p -> {}).records("r");
    assertThat(records).extracting(MemoryRecord::attempt).containsExactly(1, 2);
    // In full, every field.
    assertThat(records.get(0)).isEqualTo(rec("r", 1, "2026-11-01T10:00:00Z", "failed", null, "x"));
  }

  @Test
  void emptyOrMissingMemoryHasNoRuns() throws Exception {
    RunHistory missing = new RunHistory(tmp.resolve("none.jsonl"), p -> {});
    assertThat(missing.latest(5)).isEqualTo(new RunHistory.Page(List.of(), 0));
    assertThat(missing.last()).isNull();
    assertThat(missing.matching("x")).isEmpty();
    RunHistory empty = new RunHistory(Files.writeString(tmp.resolve("empty.jsonl"), ""), p -> {});
    assertThat(empty.latest(5).runs()).isEmpty();
  }

  @Test
  void oddRunIdsAndPromptsThatMentionAnotherRunStayApart() throws Exception {
    Path file = memory(
        rec("run \"q\"\\1", 1, "2026-11-01T10:00:00Z", "failed", 0.5, "quoted id"),
        rec("plain-2", 1, "2026-11-02T10:00:00Z", "verified", 0.1, "redo run \"q\"\\1 and plain-1"),
        rec("plain-1", 1, "2026-10-02T10:00:00Z", "failed", null, "the old one"));
    RunHistory history = new RunHistory(file, p -> {});
    List<RunHistory.RunSummary> runs = history.latest(2).runs();
    assertThat(runs).extracting(RunHistory.RunSummary::runId).containsExactly("plain-2", "run \"q\"\\1");
    assertThat(runs).extracting(RunHistory.RunSummary::prompt).containsExactly("redo run \"q\"\\1 and plain-1", "quoted id");
    assertThat(runs).extracting(RunHistory.RunSummary::attempts).containsExactly(1, 1);
    assertThat(runs.get(1).costUsd()).isEqualTo(0.5);
    assertThat(history.records("run \"q\"\\1")).singleElement().extracting(MemoryRecord::prompt).isEqualTo("quoted id");
    RunHistory.RunSummary old = history.latest(3).runs().get(2);
    assertThat(old.runId()).isEqualTo("plain-1");
    assertThat(old.prompt()).isEqualTo("the old one");
    assertThat(old.attempts()).isEqualTo(1);
  }
}
