package dev.acr.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A race as a sliding window (replay model): up to the router's width of attempts run at once,
 * and the plan's next route starts as soon as a racer fails, not when a whole batch has ended.
 * The first to verify wins and the others are cancelled at that moment, paying for the share of
 * their run they got. The router sees each attempt's result as it finishes, in finish order.
 * Time is the table's: each attempt runs for its reported duration from the moment it starts.
 */
final class Window {

  /** Records one ended attempt (its number, its result) and the race id it belongs to. */
  interface Recorder {
    void ended(int number, AttemptResult result, String raceId);
  }

  private record Racer(int index, Route route, AttemptResult result, long startMs) {
    long endMs() {
      return startMs + result.durationMs();
    }
  }

  static final double HEDGE = Double.parseDouble(System.getProperty("acr.hedge", "0"));
  private final Router router;
  private final AttemptExecutor executor;
  private final RunLoop.Limits limits;

  Window(Router router, AttemptExecutor executor, RunLoop.Limits limits) {
    this.router = router;
    this.executor = executor;
    this.limits = limits;
  }

  RunOutcome run(Task task, String runId, RunLoop.Listener listener, Recorder recorder) {
    List<AttemptResult> byStart = new ArrayList<>();
    List<String> raceIds = new ArrayList<>();
    List<AttemptResult> seen = new ArrayList<>();
    List<Racer> running = new ArrayList<>();
    Set<Route> tried = new HashSet<>();
    long now = 0;
    double spent = 0;
    int races = 0;
    String group = null;
    int groupSize = 0;
    boolean closed = false;
    RunOutcome.StopReason stop = null;
    int standing = -1;
    long pending = Long.MAX_VALUE;
    while (true) {
      pending = Long.MAX_VALUE;
      if (!closed) {
        int used = (int) byStart.stream().filter(r -> r != null && RunLoop.usesBudget(r)).count() + running.size();
        List<Route> start = List.of();
        if (used >= limits.maxAttempts()) {
          stop = RunOutcome.StopReason.MAX_ATTEMPTS;
        } else if (limits.budgetUsd() != null && spent >= limits.budgetUsd()) {
          stop = RunOutcome.StopReason.BUDGET;
        } else {
          List<Route> plan = router.plan(task, List.copyOf(seen));
          List<Route> untried = plan.stream().filter(r -> !tried.contains(r)).toList();
          int left = limits.maxAttempts() - used;
          int width = width(task, untried, seen, running, left, spent, now);
          start = untried.stream().limit(Math.max(0, Math.min(left, width - running.size()))).toList();
          stop = untried.isEmpty() ? RunOutcome.StopReason.PLAN_EXHAUSTED : null;
        }
        if (running.isEmpty() && start.isEmpty() && stop == null) {
          stop = RunOutcome.StopReason.PLAN_EXHAUSTED;
        }
        if (running.isEmpty()) {
          group = null;
          groupSize = 0;
        }
        for (Route route : start) {
          if (!running.isEmpty() && HEDGE > 0) {
            Racer last = running.get(running.size() - 1);
            long at = last.startMs() + Math.round(HEDGE * router.expectedDurationMs(last.route()));
            if (now < at) {
              pending = at;
              break;
            }
          }
          if (++groupSize == 2) {
            group = runId + "-race" + (++races);
          }
          int index = byStart.size();
          listener.beforeAttempt(task, route, index + 1, List.of());
          byStart.add(null);
          raceIds.add(null);
          tried.add(route);
          AttemptResult r = Batch.attemptOrInterrupted(executor, task, route, index + 1, Cancellation.none());
          running.add(new Racer(index, route, r, now));
        }
      }
      if (running.isEmpty()) {
        break;
      }
      long at = running.stream().mapToLong(Racer::endMs).min().orElseThrow();
      if (pending < at) {
        now = pending;
        continue;
      }
      now = at;
      List<Racer> ending = running.stream().filter(r -> r.endMs() == at).toList();
      running.removeAll(ending);
      Racer winner = ending.stream().filter(r -> r.result().resolved())
          .min(Comparator.<Racer>comparingDouble(r -> r.result().costOrZero()).thenComparingInt(Racer::index))
          .orElse(null);
      String id = group;
      if (winner != null) {
        AttemptResult w = Batch.deliverOrInterrupted(executor, task, winner.result(), winner.index() + 1).result();
        for (Racer r : ending) {
          AttemptResult res = r == winner ? w
              : r.result().resolved() ? Batch.cancelled(r.result(), r.result().durationMs(), r.result().costUsd(), null)
              : r.result();
          end(r, res, id, byStart, raceIds, recorder);
          spent += res.costOrZero();
        }
        for (Racer r : running) {
          long ran = now - r.startMs();
          AttemptResult res = r.result();
          double share = res.durationMs() == 0 ? 1.0 : (double) ran / res.durationMs();
          AttemptResult c = Batch.cancelled(res, ran, res.costUsd() == null ? null : res.costUsd() * share, null);
          end(r, c, id, byStart, raceIds, recorder);
        }
        running.clear();
        stop = w.resolved() ? RunOutcome.StopReason.VERIFIED : stop;
        standing = w.resolved() ? winner.index() : standing;
        break;
      }
      for (Racer r : ending) {
        end(r, r.result(), id, byStart, raceIds, recorder);
        spent += r.result().costOrZero();
        seen.add(r.result());
        RunOutcome.StopReason s = RunLoop.stopAfter(r.result());
        if (s != null && !closed) {
          stop = s;
          closed = true;
        }
        if (!closed && !running.isEmpty() && r.result().status().isEvidence()
            && router.plan(task, List.copyOf(seen)).isEmpty()) {
          // A run one at a time would have stopped here: start nothing more.
          stop = RunOutcome.StopReason.PLAN_EXHAUSTED;
          closed = true;
        }
      }
      if (closed && stop != RunOutcome.StopReason.PLAN_EXHAUSTED) {
        for (Racer r : running) {
          long ran = now - r.startMs();
          AttemptResult res = r.result();
          double share = res.durationMs() == 0 ? 1.0 : (double) ran / res.durationMs();
          end(r, Batch.cancelled(res, ran, res.costUsd() == null ? null : res.costUsd() * share, null), id, byStart,
              raceIds, recorder);
        }
        running.clear();
      }
    }
    if (stop != RunOutcome.StopReason.VERIFIED) {
      standing = whereOneAtATimeStops(task, byStart, raceIds);
    }
    router.observe(task, List.copyOf(byStart));
    return new RunOutcome(task, List.copyOf(byStart), stop, now, java.util.Collections.unmodifiableList(raceIds),
        standing);
  }

  /**
   * When none verified: the raced attempt after which a run one at a time, shown the results in
   * start order, would have stopped (the router plans nothing more), so its result stands; -1
   * (the last started) when none. As {@link RunLoop} does after a batch.
   */
  private int whereOneAtATimeStops(Task task, List<AttemptResult> byStart, List<String> raceIds) {
    for (int k = 0; k < byStart.size() - 1; k++) {
      if (raceIds.get(k) != null && byStart.get(k).status().isEvidence()
          && router.plan(task, List.copyOf(byStart.subList(0, k + 1))).isEmpty()) {
        return k;
      }
    }
    return -1;
  }

  private static void end(Racer r, AttemptResult res, String id, List<AttemptResult> byStart, List<String> raceIds,
      Recorder recorder) {
    byStart.set(r.index(), res);
    raceIds.set(r.index(), id);
    recorder.ended(r.index() + 1, res, id);
  }

  /**
   * How many attempts the window keeps running now: the router's width for a batch of the
   * plan's untried routes, as the batch rule asks it.
   */
  private int width(Task task, List<Route> untried, List<AttemptResult> seen, List<Racer> running, int left,
      double spent, long now) {
    int size = Math.min(limits.race(), left + running.size());
    if (size > 1 && untried.size() > (running.isEmpty() ? 1 : 0)) {
      Router.Room room = new Router.Room(left, limits.budgetUsd() == null ? null : limits.budgetUsd() - spent);
      List<Route> routes = running.stream().map(Racer::route).toList();
      List<Long> elapsed = running.stream().map(r -> now - r.startMs()).toList();
      size = Math.max(1, Math.min(size, router.windowWidth(task, routes, elapsed, untried, List.copyOf(seen), room)));
    } else if (!running.isEmpty()) {
      size = 1;
    }
    return size;
  }
}
