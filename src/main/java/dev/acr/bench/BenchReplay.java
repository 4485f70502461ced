package dev.acr.bench;

import dev.acr.core.Failures;
import dev.acr.memory.MemoryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs every contestant over the canonical order and the shuffled ones. Each (dataset, router,
 * order) is an independent job with its own seeds and executor, so jobs run on a small pool and
 * results, collected in submission order, do not depend on scheduling.
 */
public final class BenchReplay {

  /** {@code orders} shuffled orders besides the canonical one. */
  public record Options(int orders, long seed, int maxAttempts, int threads) {}

  /** Replays one contestant on shuffled order {@code order} (≥ 1), even an order-free one; for tests. */
  static Metrics shuffledOnce(BenchTable table, Contestant c, int order, Options options) {
    return job(table, c, Seeds.permutation(table.taskCount(), options.seed(), order), order, options).metrics;
  }

  /** One router's results on one dataset. {@code shuffled} has one entry per shuffled order. */
  public record RouterReport(
      String name, boolean bound, Metrics canonical, double[] cumulativeRegret,
      List<Decision> decisions, List<MemoryRecord> records, List<Metrics> shuffled) {}

  /** One dataset's results, rows in report order. */
  public record DatasetReport(String dataset, int tasks, List<RouterReport> routers) {}

  /** One dataset to replay and the rows to run on it. */
  public record Plan(BenchTable table, List<Contestant> contestants) {}

  private BenchReplay() {}

  /** Receives the canonical-order results (no shuffles yet) while the shuffled replays still run. */
  @FunctionalInterface
  public interface CanonicalListener {
    void canonicalDone(List<DatasetReport> canonicalOnly) throws java.io.IOException;
  }

  public static List<DatasetReport> run(List<Plan> plans, Options options) throws InterruptedException {
    try {
      return run(plans, options, canonical -> {});
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Replays everything. Canonical jobs are queued first so their details can be written by the
   * listener (on the calling thread) while the pool works through the shuffles.
   */
  public static List<DatasetReport> run(List<Plan> plans, Options options, CanonicalListener listener)
      throws InterruptedException, java.io.IOException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()), r -> {
      Thread t = new Thread(r, "acr-bench");
      t.setDaemon(true);
      return t;
    });
    try {
      // futures[dataset][contestant][order]; order-free rows only run the canonical order.
      List<List<List<Future<Job>>>> futures = new ArrayList<>();
      for (Plan plan : plans) {
        List<List<Future<Job>>> perContestant = new ArrayList<>();
        for (int c = 0; c < plan.contestants().size(); c++) {
          perContestant.add(new ArrayList<>());
        }
        futures.add(perContestant);
      }
      // Canonical orders first, so their details can be written while the shuffles run; then the
      // shuffles. Results are indexed, so the order of submission changes nothing else.
      submit(pool, plans, futures, 0, 0, options);
      submit(pool, plans, futures, 1, options.orders(), options);
      listener.canonicalDone(collect(plans, futures, 0));
      return collect(plans, futures, options.orders());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Queues orders {@code first..last} of every row, longest jobs first (the learners sit at the
   * end of the rows, and a bigger dataset takes longer), so the pool does not end on one long job.
   */
  private static void submit(ExecutorService pool, List<Plan> plans, List<List<List<Future<Job>>>> futures,
      int first, int last, Options options) {
    int rows = plans.stream().mapToInt(p -> p.contestants().size()).max().orElse(0);
    List<Integer> datasets = new ArrayList<>();
    for (int d = 0; d < plans.size(); d++) {
      datasets.add(d);
    }
    datasets.sort((a, b) -> Integer.compare(plans.get(b).table().taskCount(), plans.get(a).table().taskCount()));
    for (int c = rows - 1; c >= 0; c--) {
      for (int d : datasets) {
        Plan plan = plans.get(d);
        if (c >= plan.contestants().size()) {
          continue;
        }
        Contestant ct = plan.contestants().get(c);
        for (int o = first; o <= last && (o == 0 || !ct.orderFree()); o++) {
          int orderIndex = o;
          int[] order = Seeds.permutation(plan.table().taskCount(), options.seed(), o);
          futures.get(d).get(c).add(pool.submit(() -> job(plan.table(), ct, order, orderIndex, options)));
        }
      }
    }
  }

  private static List<DatasetReport> collect(List<Plan> plans, List<List<List<Future<Job>>>> futures, int orders)
      throws InterruptedException {
    List<DatasetReport> reports = new ArrayList<>();
    for (int d = 0; d < plans.size(); d++) {
      Plan plan = plans.get(d);
      List<RouterReport> rows = new ArrayList<>();
      for (int c = 0; c < plan.contestants().size(); c++) {
        List<Future<Job>> perOrder = futures.get(d).get(c);
        Job canonical = get(perOrder.get(0));
        List<Metrics> shuffled = new ArrayList<>();
        for (int o = 1; o <= orders; o++) {
          shuffled.add(o < perOrder.size() ? get(perOrder.get(o)).metrics : canonical.metrics);
        }
        Contestant ct = plan.contestants().get(c);
        rows.add(new RouterReport(ct.name(), ct.bound(), canonical.metrics, canonical.curve,
            canonical.first.decisions(), canonical.first.records(), List.copyOf(shuffled)));
      }
      reports.add(new DatasetReport(plan.table().name(), plan.table().taskCount(), List.copyOf(rows)));
    }
    return reports;
  }

  /** A contestant on one order: its (mean) metrics and curve, and the first run's details. */
  private record Job(Metrics metrics, double[] curve, Replay.Result first) {}

  private static Job job(BenchTable table, Contestant c, int[] order, int orderIndex, Options options) {
    long orderSeed = Seeds.order(options.seed(), orderIndex);
    int count = c.runsOn(orderIndex);
    List<Metrics> runs = new ArrayList<>(count);
    double[] curve = new double[order.length];
    Replay.Result first = null;
    for (int j = 0; j < count; j++) {
      Contestant.Seat seat = c.factory().create(Seeds.router(orderSeed, c.name(), j));
      boolean details = orderIndex == 0 && j == 0;
      Replay.Result r = Replay.run(table, seat.router(), seat.learner(), order, options.maxAttempts(), details);
      if (first == null) {
        first = r;
      }
      runs.add(r.metrics());
      double[] cr = r.cumulativeRegret();
      for (int i = 0; i < curve.length; i++) {
        curve[i] += cr[i] / count;
      }
    }
    Metrics metrics = count == 1 ? runs.get(0) : Metrics.meanOfRuns(runs);
    return new Job(metrics, curve, first);
  }

  private static Job get(Future<Job> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw Failures.rethrow(e);
    }
  }
}
