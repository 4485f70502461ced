package dev.acr.core;

import dev.acr.memory.MemoryRecord;
import dev.acr.memory.MemorySink;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one loop live runs and replays share: Context (the {@link Task}) → Policy ({@link Router})
 * → Attempt and Verify ({@link AttemptExecutor}) → Memory ({@link MemorySink}), escalating to the
 * next route until an attempt verifies, the plan is empty, or a limit is reached. With a race of
 * N the next N untried routes of the plan run at once as a {@link Batch}; their records share a
 * race id.
 */
public final class RunLoop {

  /**
   * Limits of one run. {@code budgetUsd} null means no budget; {@code race} is how many attempts
   * may run at once (1: one after another). {@code maxAttempts} counts the attempts in which an
   * agent ran ({@link #usesBudget}): one that could not run is not the user's attempt spent.
   */
  public record Limits(int maxAttempts, Double budgetUsd, int race) {
    public Limits {
      if (race < 1) {
        throw new IllegalArgumentException("race must be at least 1, was " + race);
      }
    }

    /** One attempt at a time. */
    public Limits(int maxAttempts, Double budgetUsd) {
      this(maxAttempts, budgetUsd, 1);
    }
  }

  /** Hooks for a live run to show progress; replays pass {@link #SILENT}. */
  public interface Listener {
    default void beforeAttempt(Task task, Route route, int attemptNumber, List<Route> plan) {}

    default void afterAttempt(Task task, AttemptResult result, int attemptNumber) {}

    /** A record could not be written; the run goes on and the caller reports it. */
    default void memoryFailed(IOException error) {}
  }

  public static final Listener SILENT = new Listener() {};

  /**
   * The reason of a failed attempt whose failing tests all failed before any change, in a task
   * not about them: the run stops there ({@link RunOutcome.StopReason#ONLY_BASELINE_FAILURES}).
   */
  public static final String ONLY_BASELINE_FAILURES = "only the tests that failed before any change";

  private final Router router;
  private final AttemptExecutor executor;
  private final MemorySink memory;
  private final Limits limits;
  private final String source;
  private final boolean storePrompt;
  private final Clock clock;
  /** The last timestamp written and its text; see {@link #timestamp()}. */
  private Stamp lastStamp;
  /**
   * Each route's name, by route instance: {@link Route#name()} builds a new string per call, and
   * a replay writes millions of records of a handful of routes. Memory's statistics then also
   * see one string per route, whose hash is computed once.
   */
  private final java.util.Map<Route, String> routeNames = new java.util.IdentityHashMap<>();

  private record Stamp(Instant at, String text) {}

  /**
   * {@code memory} null: nothing keeps the records, so none is built (a replay's runs past the
   * canonical order of a router that learns from nothing: millions of attempts).
   */
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
    String prompt = storePrompt && memory != null ? MemoryRecord.truncatePrompt(task.prompt()) : null;
    List<AttemptResult> attempts = new ArrayList<>();
    // A run tries a few routes: scanning them (by equals, as a set would) beats hashing each.
    List<Route> tried = new ArrayList<>();
    double spent = 0;
    long wallMs = 0;
    int batches = 0;
    // Made once a batch races: a run one attempt at a time (every replay row but the racing
    // ones) has no race ids, a null per attempt, and needs no list of them.
    List<String> raceIds = null;
    RunOutcome.StopReason stop = null;
    int standing = -1;
    while (stop == null) {
      if (Thread.currentThread().isInterrupted()) {
        stop = RunOutcome.StopReason.INTERRUPTED;
        break;
      }
      int spentAttempts = budgetUsed(attempts);
      if (spentAttempts >= limits.maxAttempts()) {
        stop = RunOutcome.StopReason.MAX_ATTEMPTS;
        break;
      }
      if (limits.budgetUsd() != null && spent >= limits.budgetUsd()) {
        stop = RunOutcome.StopReason.BUDGET;
        break;
      }
      List<Route> plan = router.plan(task, List.copyOf(attempts));
      int size = Math.min(limits.race(), limits.maxAttempts() - spentAttempts);
      List<Route> next;
      if (size <= 1) {
        // One at a time (every replay row but the racing ones): the plan's first untried route
        // is all that runs, so the list of all untried routes is not built.
        next = firstUntried(plan, tried);
      } else {
        List<Route> untried = untried(plan, tried);
        if (untried.size() > 1) {
          Router.Room room = new Router.Room(limits.maxAttempts() - spentAttempts,
              limits.budgetUsd() == null ? null : limits.budgetUsd() - spent);
          size = Math.max(1, Math.min(size, router.raceWidth(task, untried, List.copyOf(attempts), room)));
        }
        next = untried.size() <= size ? untried : untried.subList(0, size);
      }
      if (next.isEmpty()) {
        stop = RunOutcome.StopReason.PLAN_EXHAUSTED;
        break;
      }
      int first = attempts.size() + 1;
      String raceId = next.size() > 1 ? runId + "-race" + (++batches) : null;
      for (int i = 0; i < next.size(); i++) {
        listener.beforeAttempt(task, next.get(i), first + i, plan);
      }
      // One by one: addAll copies the batch into an array first (an allocation per attempt).
      for (int i = 0; i < next.size(); i++) {
        tried.add(next.get(i));
      }
      Batch.Result batch = Batch.run(executor, task, next, first, router.raceRules(task), (number, result) -> {
        record(task, prompt, runId, number, result, raceId, listener);
        listener.afterAttempt(task, result, number);
      });
      // One by one and by index: addAll copies the batch into an array first, and an iterator
      // is an allocation per attempt too (see budgetUsed).
      List<AttemptResult> ran = batch.attempts();
      if (raceId != null && raceIds == null) {
        raceIds = new ArrayList<>(java.util.Collections.nCopies(attempts.size(), null));
      }
      for (int i = 0; i < ran.size(); i++) {
        attempts.add(ran.get(i));
        if (raceIds != null) {
          raceIds.add(raceId);
        }
      }
      wallMs += batch.wallMs();
      for (int i = 0; i < ran.size(); i++) {
        spent += ran.get(i).costOrZero();
      }
      stop = stopAfter(batch);
      if (stop == null && batch.attempts().size() > 1) {
        standing = whereOneAtATimeStops(task, attempts, batch.attempts().size());
        stop = standing >= 0 ? RunOutcome.StopReason.PLAN_EXHAUSTED : null;
      }
    }
    // One immutable copy serves the router and the outcome (neither can change it).
    List<AttemptResult> all = List.copyOf(attempts);
    router.observe(task, all);
    List<String> ids = raceIds == null ? java.util.Collections.nCopies(all.size(), null)
        : java.util.Collections.unmodifiableList(raceIds);
    return new RunOutcome(task, all, stop, wallMs, ids, standing);
  }

  /**
   * Whether {@code r} used up one of the run's {@code maxAttempts}: not when no agent could run
   * (infra_error: not signed in, offline, quota; acr_error: acr's own setup failed), so the next
   * route gets its turn. The run still ends: every loop tries at least one new route of a finite
   * plan, and a route is never tried twice.
   */
  public static boolean usesBudget(AttemptResult r) {
    return r.status() != AttemptStatus.INFRA_ERROR && r.status() != AttemptStatus.ACR_ERROR;
  }

  /**
   * How many of {@code attempts} {@link #usesBudget used the budget}. Loops instead of streams here
   * and in {@link #untried}: a benchmark replay runs this loop millions of times, and the streams'
   * set-up was a twentieth of its CPU.
   */
  private static int budgetUsed(List<AttemptResult> attempts) {
    // By index: under the bench launcher's shallow inlining an iterator is not scalar-replaced,
    // and this runs before every plan (here and in firstUntried: ~4% of a full replay's allocation).
    int n = 0;
    for (int i = 0; i < attempts.size(); i++) {
      if (usesBudget(attempts.get(i))) {
        n++;
      }
    }
    return n;
  }

  /**
   * The plan's first route not yet tried, alone, or nothing when it has none. A one-route plan
   * whose route is untried is handed on as it is (routers cache such plans), not copied.
   */
  private static List<Route> firstUntried(List<Route> plan, List<Route> tried) {
    for (int i = 0; i < plan.size(); i++) {
      Route r = plan.get(i);
      if (!tried.contains(r)) {
        return plan.size() == 1 ? plan : List.of(r);
      }
    }
    return List.of();
  }

  /** The plan's routes not yet tried, in plan order (unmodifiable). */
  private static List<Route> untried(List<Route> plan, List<Route> tried) {
    List<Route> out = new ArrayList<>(plan.size());
    for (Route r : plan) {
      if (!tried.contains(r)) {
        out.add(r);
      }
    }
    return java.util.Collections.unmodifiableList(out);
  }

  /**
   * After a race's batch of {@code size} (the last of {@code attempts}) in which none verified:
   * the attempt after which a run one at a time would have stopped (the router, shown the
   * batch's results in start order, plans nothing more), so the run stops there too and that
   * attempt's result stands; -1 when it would have gone on past the batch's last racer. The
   * racers after it were paid for, but a run one at a time would not have let them replace it
   * (a partly passing attempt, say).
   */
  private int whereOneAtATimeStops(Task task, List<AttemptResult> attempts, int size) {
    int before = attempts.size() - size;
    for (int k = before; k < attempts.size() - 1; k++) {
      if (attempts.get(k).status().isEvidence() && router.plan(task, List.copyOf(attempts.subList(0, k + 1))).isEmpty()) {
        return k;
      }
    }
    return -1;
  }

  /** Verified when the batch has a winner; else the first attempt that stops the run, in start order. */
  private static RunOutcome.StopReason stopAfter(Batch.Result batch) {
    if (batch.winner() >= 0) {
      return RunOutcome.StopReason.VERIFIED;
    }
    for (AttemptResult r : batch.attempts()) {
      RunOutcome.StopReason stop = stopAfter(r);
      if (stop != null) {
        return stop;
      }
    }
    return null;
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
      case FAILED -> ONLY_BASELINE_FAILURES.equals(result.reason()) ? RunOutcome.StopReason.ONLY_BASELINE_FAILURES : null;
      default -> null;
    };
  }

  private void record(
      Task task, String prompt, String runId, int number, AttemptResult r, String raceId, Listener listener) {
    if (memory == null) {
      return;
    }
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
            routeNames.computeIfAbsent(r.route(), Route::name),
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
            raceId,
            task.prompt() == null ? null : task.prompt().length());
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
