package dev.acr.bench;

import dev.acr.core.AttemptResult;
import dev.acr.core.Router;
import dev.acr.core.RunLoop;
import dev.acr.core.RunOutcome;
import dev.acr.core.Task;
import dev.acr.memory.MemoryRecord;
import dev.acr.memory.MemorySink;
import dev.acr.policy.RacingRouter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Replays one router over one task order through the shared {@link RunLoop}, with a
 * {@link TableExecutor} in place of agent processes. After every task it checks the information
 * rule: the executor opened exactly as many cells as the run has attempts, so a router that peeks
 * through an executor reference of its own fails the replay.
 */
public final class Replay {
  /** Replays have no wall time; a fixed clock keeps memory.jsonl byte-identical across runs. */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  /** A router broke the information rule. */
  public static final class InformationRuleViolation extends IllegalStateException {
    InformationRuleViolation(String what) {
      super(what);
    }
  }

  /**
   * What one replay produced. Decisions and records are filled only when details were asked
   * for (the canonical order); {@code attempted} and {@code revealed} are cell bit sets.
   */
  public record Result(
      Metrics metrics, double[] cumulativeRegret, List<Decision> decisions, List<MemoryRecord> records,
      BitSet attempted, BitSet revealed) {}

  private Replay() {}

  /**
   * @param learner an extra sink the router learns from (acr's MemoryStats), or null
   * @param details collect decisions and memory records (the canonical order only, for speed)
   */
  public static Result run(
      BenchTable table, Router router, MemorySink learner, int[] order, int maxAttempts, boolean details) {
    return run(table, new TableExecutor(table), router, learner, order, maxAttempts, details);
  }

  /** As above with a given executor (tests hand a spying router the very executor the loop uses). */
  static Result run(
      BenchTable table, TableExecutor executor, Router router, MemorySink learner, int[] order, int maxAttempts,
      boolean details) {
    List<MemoryRecord> records = new ArrayList<>(details ? order.length * 2 : 0);
    // No sink at all when neither the details nor a learner read the records: the loop then
    // builds none (most replays: the seeds and shuffled orders of routers without memory).
    MemorySink sink = details && learner != null ? MemorySink.tee(records::add, learner)
        : details ? records::add : learner;
    // Only a racing router runs batches; the others attempt one route at a time as always.
    int race = router instanceof RacingRouter ? maxAttempts : 1;
    RunLoop loop = new RunLoop(router, executor, sink, new RunLoop.Limits(maxAttempts, null, race), "replay", true, CLOCK);
    Metrics.Tally tally = new Metrics.Tally();
    double[] curve = new double[order.length];
    List<Decision> decisions = new ArrayList<>(details ? order.length : 0);
    BitSet attempted = new BitSet();
    String runPrefix = details ? "replay:" + table.name() + ":cap" + maxAttempts + ":" + router.name() + ":" : null;
    for (int i = 0; i < order.length; i++) {
      int t = order[i];
      Task task = table.tasks().get(t);
      long before = executor.reveals();
      RunOutcome out = loop.run(task, details ? runPrefix + i : "replay", RunLoop.SILENT);
      List<AttemptResult> attempts = out.attempts();
      if (executor.reveals() - before != attempts.size()) {
        throw new InformationRuleViolation(router.name() + " opened " + (executor.reveals() - before)
            + " cells on task '" + task.key() + "' but paid for " + attempts.size());
      }
      AttemptResult last = out.finalAttempt();
      int finalRoute = last == null ? -1 : table.routeIndex(last.route());
      for (AttemptResult a : attempts) {
        attempted.set(executor.bit(t, table.routeIndex(a.route())));
      }
      double perf = out.performance();
      double cost = out.totalCost();
      curve[i] = tally.add(perf, cost, finalRoute >= 0 && finalRoute == table.oracleRoute(t),
          last != null && last.applyOk(), attempts.size(), table.oracleReward(t));
      tally.addWall(out.wallMs());
      if (details) {
        decisions.add(decision(table, i, task, out, perf, cost, table.oracleReward(t)));
      }
    }
    return new Result(tally.metrics(), curve, decisions, records, attempted, executor.revealed());
  }

  private static Decision decision(BenchTable table, int index, Task task, RunOutcome out, double perf, double cost, double oracle) {
    List<String> chain = new ArrayList<>(out.attempts().size());
    for (AttemptResult a : out.attempts()) {
      chain.add(a.route().name());
    }
    AttemptResult last = out.finalAttempt();
    double reward = perf - BenchTable.COST_WEIGHT * cost;
    return new Decision(
        table.name(), index, task.key(), chain,
        last == null ? null : last.route().name(),
        last == null ? "none" : last.status().id(),
        out.stopReason().name().toLowerCase(Locale.ROOT),
        perf, cost, reward, oracle - reward);
  }
}
