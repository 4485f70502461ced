package dev.acr.core;

import dev.acr.memory.MemoryRecord;
import dev.acr.memory.MemorySink;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one loop live runs and replays share: Context (the {@link Task}) → Policy ({@link Router})
 * → Attempt and Verify ({@link AttemptExecutor}) → Memory ({@link MemorySink}), escalating to the
 * next route until an attempt verifies, the plan is empty, or a limit is reached.
 */
public final class RunLoop {

  /** Limits of one run. {@code budgetUsd} null means no budget. */
  public record Limits(int maxAttempts, Double budgetUsd) {}

  /** Hooks for a live run to show progress; replays pass {@link #SILENT}. */
  public interface Listener {
    default void beforeAttempt(Task task, Route route, int attemptNumber, List<Route> plan) {}

    default void afterAttempt(Task task, AttemptResult result, int attemptNumber) {}

    /** A record could not be written; the run goes on and the caller reports it. */
    default void memoryFailed(IOException error) {}
  }

  public static final Listener SILENT = new Listener() {};

  private final Router router;
  private final AttemptExecutor executor;
  private final MemorySink memory;
  private final Limits limits;
  private final String source;
  private final boolean storePrompt;
  private final Clock clock;
  /** The last timestamp written and its text; see {@link #timestamp()}. */
  private Stamp lastStamp;

  private record Stamp(Instant at, String text) {}

  public RunLoop(
      Router router,
      AttemptExecutor executor,
      MemorySink memory,
      Limits limits,
      String source,
      boolean storePrompt,
      Clock clock) {
    this.router = router;
    this.executor = executor;
    this.memory = memory;
    this.limits = limits;
    this.source = source;
    this.storePrompt = storePrompt;
    this.clock = clock;
  }

  public RunOutcome run(Task task, String runId, Listener listener) {
    String prompt = storePrompt ? MemoryRecord.truncatePrompt(task.prompt()) : null;
    List<AttemptResult> attempts = new ArrayList<>();
    Set<Route> tried = new HashSet<>();
    double spent = 0;
    RunOutcome.StopReason stop = null;
    while (stop == null) {
      if (Thread.currentThread().isInterrupted()) {
        stop = RunOutcome.StopReason.INTERRUPTED;
        break;
      }
      if (attempts.size() >= limits.maxAttempts()) {
        stop = RunOutcome.StopReason.MAX_ATTEMPTS;
        break;
      }
      if (limits.budgetUsd() != null && spent >= limits.budgetUsd()) {
        stop = RunOutcome.StopReason.BUDGET;
        break;
      }
      List<Route> plan = router.plan(task, List.copyOf(attempts));
      Route next = plan.stream().filter(r -> !tried.contains(r)).findFirst().orElse(null);
      if (next == null) {
        stop = RunOutcome.StopReason.PLAN_EXHAUSTED;
        break;
      }
      int number = attempts.size() + 1;
      listener.beforeAttempt(task, next, number, plan);
      AttemptResult result;
      try {
        result = executor.attempt(task, next, number);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        result = new AttemptResult(next, AttemptStatus.INTERRUPTED, false, 0, false, null, 0, null, null, null);
      }
      tried.add(next);
      attempts.add(result);
      spent += result.costOrZero();
      record(task, prompt, runId, number, result, listener);
      listener.afterAttempt(task, result, number);
      stop = stopAfter(result);
    }
    router.observe(task, List.copyOf(attempts));
    return new RunOutcome(task, List.copyOf(attempts), stop);
  }

  private static RunOutcome.StopReason stopAfter(AttemptResult result) {
    if (result.resolved()) {
      return RunOutcome.StopReason.VERIFIED;
    }
    return switch (result.status()) {
      case INTERRUPTED -> RunOutcome.StopReason.INTERRUPTED;
      // Without a verifier a failure is not known, so escalating would be blind.
      case NO_VERIFIER -> RunOutcome.StopReason.NO_VERIFIER;
      case ANSWERED -> RunOutcome.StopReason.ANSWERED;
      default -> null;
    };
  }

  private void record(Task task, String prompt, String runId, int number, AttemptResult r, Listener listener) {
    boolean hasScore = r.performance() != (r.resolved() ? 1.0 : 0.0);
    MemoryRecord rec =
        new MemoryRecord(
            timestamp(),
            runId,
            number,
            task.key(),
            prompt,
            task.dimension() == null ? null : task.dimension().id(),
            r.route().tool(),
            r.route().model(),
            r.route().name(),
            r.resolved(),
            r.applyOk(),
            r.status().id(),
            r.exitCode(),
            r.durationMs(),
            r.costUsd(),
            r.inputTokens(),
            r.outputTokens(),
            source,
            hasScore ? r.performance() : null,
            task.bench(),
            task.language(),
            r.reason(),
            r.modelUsed(),
            null);
    try {
      memory.append(rec);
    } catch (IOException e) {
      listener.memoryFailed(e);
    }
  }

  /**
   * The clock's instant as ISO text. Replays use a fixed clock and write a record per attempt,
   * millions in a benchmark, so the text is kept while the instant stays the same instead of
   * being formatted anew every time.
   */
  private String timestamp() {
    Instant now = clock.instant();
    Stamp last = lastStamp;
    if (last == null || !last.at().equals(now)) {
      last = new Stamp(now, now.toString());
      lastStamp = last;
    }
    return last.text();
  }
}
