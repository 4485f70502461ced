package dev.acr.memory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Runs as memory remembers them, for {@code acr runs} and {@code acr explain}: the records of one
 * run id grouped together. Records without a run id belong to no run and are left out.
 */
public final class RunHistory {

  /**
   * One run in brief. {@code firstTs}/{@code lastTs}: its earliest and latest record; the final
   * attempt is the verified one, else the one with the highest number; {@code costUsd} sums the attempts that reported a
   * cost (null when none did; {@code costKnown} says how many did).
   */
  public record RunSummary(
      String runId,
      String firstTs,
      String lastTs,
      String source,
      String dimension,
      String task,
      String prompt,
      int attempts,
      String finalRoute,
      String finalStatus,
      boolean verified,
      Double costUsd,
      int costKnown,
      long durationMs) {}

  /** The latest runs, and how many runs memory has in all. */
  public record Page(List<RunSummary> runs, int total) {}

  /** Run ids that JSON writes as they are. */
  private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._:-]+");

  private final Path file;
  private final Consumer<String> problems;

  /** {@code problems} hears about each unreadable line of {@code file} (once per pass over it). */
  public RunHistory(Path file, Consumer<String> problems) {
    this.file = file;
    this.problems = problems;
  }

  /**
   * The {@code limit} latest runs, latest first (by their latest record; ties: the one whose last
   * line comes later first). Memory is read twice, each time only the fields needed, so a large
   * memory is never held: once for each run's latest time, once for the records of the runs shown.
   */
  public Page latest(int limit) throws IOException {
    // Run id -> latest ts ("" for none), in access order: iteration follows each run's last line.
    Map<String, String> lastTs = new LinkedHashMap<>(16, 0.75f, true);
    new MemoryStore(file).forEach(RecordFields::brief, r -> {
      if (hasRun(r)) {
        lastTs.merge(r.runId(), r.ts() == null ? "" : r.ts(), (old, ts) -> laterFirst(ts, old) < 0 ? ts : old);
      }
    }, problems);
    List<Map.Entry<String, String>> latestFirst = new ArrayList<>(lastTs.entrySet());
    Collections.reverse(latestFirst);
    latestFirst.sort(Comparator.comparing(Map.Entry::getValue, RunHistory::laterFirst));
    Map<String, Builder> shown = new LinkedHashMap<>();
    latestFirst.subList(0, Math.min(limit, latestFirst.size())).forEach(e -> shown.put(e.getKey(), new Builder()));
    if (!shown.isEmpty()) {
      // Problems were reported by the first pass; here a line that is not read is no problem.
      new MemoryStore(file).forEach(candidates(shown.keySet()), r -> {
        Builder b = shown.get(r.runId());
        if (b != null) {
          b.add(r);
          b.describe(r);
        }
      }, problem -> {});
    }
    return new Page(shown.values().stream().map(Builder::build).toList(), lastTs.size());
  }

  /**
   * Reads the lines that can belong to one of {@code ids} (with task and prompt), returning null
   * for the others: a line holds its run id verbatim unless the id has characters JSON escapes,
   * so for a few plain ids a text search skips most lines before any parsing.
   */
  private static MemoryStore.LineReader candidates(Set<String> ids) {
    if (ids.size() > 64 || !ids.stream().allMatch(id -> PLAIN_ID.matcher(id).matches())) {
      return RecordFields::briefWithPrompt;
    }
    return line -> {
      for (String id : ids) {
        if (line.contains(id)) {
          return RecordFields.briefWithPrompt(line);
        }
      }
      return null;
    };
  }

  /** Run ids equal to {@code prefix} (then only that one), else starting with it, in file order. */
  public List<String> matching(String prefix) throws IOException {
    Set<String> exact = new LinkedHashSet<>();
    Set<String> starting = new LinkedHashSet<>();
    new MemoryStore(file).forEach(RecordFields::brief, r -> {
      if (hasRun(r) && r.runId().startsWith(prefix)) {
        (r.runId().equals(prefix) ? exact : starting).add(r.runId());
      }
    }, problems);
    return List.copyOf(exact.isEmpty() ? starting : exact);
  }

  /** The run {@code acr runs} lists first, or null when memory has no run. */
  public String last() throws IOException {
    List<RunSummary> one = latest(1).runs();
    return one.isEmpty() ? null : one.get(0).runId();
  }

  /** Every record of {@code runId} in full, by attempt number (file order among equal numbers). */
  public List<MemoryRecord> records(String runId) throws IOException {
    List<MemoryRecord> out = new ArrayList<>();
    // Only the run's own lines are bound in full; the rest are only checked, as every reader does.
    MemoryStore.LineReader reader = line -> {
      MemoryRecord brief = RecordFields.brief(line);
      return brief != null && runId.equals(brief.runId()) ? MemoryStore.parse(line) : brief;
    };
    new MemoryStore(file).forEach(reader, r -> {
      if (runId.equals(r.runId())) {
        out.add(r);
      }
    }, problems);
    out.sort(Comparator.comparingInt(MemoryRecord::attempt));
    return out;
  }

  /** The summary of a run's records (as {@link #records} returns them). */
  public static RunSummary summary(List<MemoryRecord> records) {
    Builder b = new Builder();
    records.forEach(r -> {
      b.add(r);
      b.describe(r);
    });
    return b.build();
  }

  private static boolean hasRun(MemoryRecord r) {
    return r.runId() != null && !r.runId().isBlank();
  }

  /** Later timestamps first; a missing one (null or "") last. */
  private static int laterFirst(String a, String b) {
    boolean noA = a == null || a.isEmpty();
    boolean noB = b == null || b.isEmpty();
    if (noA || noB) {
      return noA ? (noB ? 0 : 1) : -1;
    }
    if (a.equals(b)) {
      return 0;
    }
    return MemorySummary.later(a, b) ? -1 : (MemorySummary.later(b, a) ? 1 : 0);
  }

  /** One run's tallies. */
  private static final class Builder {
    private String runId;
    private String firstTs;
    private String lastTs;
    private String source;
    private String dimension;
    private String task;
    private String prompt;
    private int attempts;
    private int lastAttempt = Integer.MIN_VALUE;
    private String finalRoute;
    private String finalStatus;
    private boolean verified;
    private double cost;
    private int costKnown;
    private long durationMs;

    void add(MemoryRecord r) {
      runId = runId == null ? r.runId() : runId;
      // In a race the winner may start before attempts cancelled after it: a verified one stands.
      if (r.resolved() || !verified && r.attempt() >= lastAttempt) {
        lastAttempt = Math.max(lastAttempt, r.attempt());
        finalRoute = r.route();
        finalStatus = r.status();
        verified = r.resolved();
      }
      if (r.ts() != null) {
        firstTs = firstTs == null || MemorySummary.later(firstTs, r.ts()) ? r.ts() : firstTs;
        lastTs = lastTs == null || MemorySummary.later(r.ts(), lastTs) ? r.ts() : lastTs;
      }
      source = source == null ? r.source() : source;
      dimension = dimension == null ? r.dimension() : dimension;
      attempts++;
      if (r.costUsd() != null && Double.isFinite(r.costUsd())) {
        cost += r.costUsd();
        costKnown++;
      }
      durationMs += Math.max(0, r.durationMs());
    }

    /** Task and prompt: the first the run's records have. */
    void describe(MemoryRecord r) {
      task = task == null ? r.task() : task;
      prompt = prompt == null ? r.prompt() : prompt;
    }

    RunSummary build() {
      return new RunSummary(runId, firstTs, lastTs, source, dimension, task, prompt, attempts, finalRoute, finalStatus,
          verified, costKnown == 0 ? null : cost, costKnown, durationMs);
    }
  }
}
