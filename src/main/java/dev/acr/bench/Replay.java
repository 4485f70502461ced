package dev.acr.bench;

import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
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
    String runPrefix = details ? "replay:" + table.name() + ":cap" + maxAttempts + ":" + router.name() + ":" : null;
    Tasks tasks = new Tasks(table, executor, loop, router.name(), runPrefix, order.length);
    for (int i = 0; i < order.length; i++) {
      tasks.replay(i, order[i]);
    }
    return new Result(tasks.tally.metrics(), tasks.curve, tasks.decisions, records, tasks.attempted, executor.revealed());
  }

  /**
   * One replay's running state, a task at a time. The loop over the order stays a few bytecodes
   * of its own (in {@link #run}) and a task's work is this method: the JIT compiles the per-task
   * work once as a plain method instead of compiling the whole replay anew through on-stack
   * replacement, several times over, as each job's long loop grows hot (~0.4 s of compile CPU).
   */
  private static final class Tasks {
    final BenchTable table;
    final TableExecutor executor;
    final RunLoop loop;
    final String routerName;
    /** The run id's prefix when details are collected; null otherwise (every run is "replay"). */
    final String runPrefix;
    final Metrics.Tally tally = new Metrics.Tally();
    final double[] curve;
    final List<Decision> decisions;
    final BitSet attempted = new BitSet();
    /** Each table route's name once made, for the decisions (see {@link #routeName}). */
    final String[] routeNames;

    Tasks(BenchTable table, TableExecutor executor, RunLoop loop, String routerName, String runPrefix, int size) {
      this.table = table;
      this.executor = executor;
      this.loop = loop;
      this.routerName = routerName;
      this.runPrefix = runPrefix;
      this.curve = new double[size];
      this.decisions = new ArrayList<>(runPrefix != null ? size : 0);
      this.routeNames = new String[table.routes().size()];
    }

    /** Replays task {@code t} as the order's {@code i}-th. */
    void replay(int i, int t) {
      boolean details = runPrefix != null;
      Task task = table.tasks().get(t);
      long before = executor.reveals();
      RunOutcome out = loop.run(task, details ? runPrefix + i : "replay", RunLoop.SILENT);
      List<AttemptResult> attempts = out.attempts();
      if (executor.reveals() - before != attempts.size()) {
        throw new InformationRuleViolation(routerName + " opened " + (executor.reveals() - before)
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
        decisions.add(decision(table, routeNames, i, task, out, perf, cost, table.oracleReward(t)));
      }
    }
  }

  /**
   * The stop reasons as decisions name them. The canonical details of every row stay in memory
   * until the replay ends (~180,000 decisions), so their strings are shared, not made per decision.
   */
  private static final List<String> STOP_NAMES = java.util.Arrays.stream(RunOutcome.StopReason.values())
      .map(r -> r.name().toLowerCase(Locale.ROOT)).toList();

  private static Decision decision(BenchTable table, String[] routeNames, int index, Task task, RunOutcome out,
      double perf, double cost, double oracle) {
    // An immutable list: one or two routes, the usual chain, then need no backing array.
    String[] chain = new String[out.attempts().size()];
    for (int i = 0; i < chain.length; i++) {
      chain[i] = routeName(table, routeNames, out.attempts().get(i).route());
    }
    AttemptResult last = out.finalAttempt();
    double reward = perf - BenchTable.COST_WEIGHT * cost;
    return new Decision(
        table.name(), index, task.key(), List.of(chain),
        last == null ? null : routeName(table, routeNames, last.route()),
        last == null ? "none" : last.status().id(),
        STOP_NAMES.get(out.stopReason().ordinal()),
        perf, cost, reward, oracle - reward);
  }

  /**
   * The route's name, one string per table route ({@link Route#name()} builds a new one per call,
   * and decisions are kept until the replay ends): the table's route at its index is the same
   * tool and model, so the same name.
   */
  private static String routeName(BenchTable table, String[] names, Route route) {
    int r = table.routeIndex(route);
    if (r < 0) {
      return route.name();
    }
    if (names[r] == null) {
      names[r] = table.routes().get(r).name();
    }
    return names[r];
  }
}
