package dev.acr.bench;

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

  /** One router's results on one dataset. {@code shuffled} has one entry per shuffled order. */
  public record RouterReport(
      String name, boolean bound, Metrics canonical, double[] cumulativeRegret,
      List<Decision> decisions, List<MemoryRecord> records, List<Metrics> shuffled) {}

  /** One dataset's results, rows in report order. */
  public record DatasetReport(String dataset, int tasks, List<RouterReport> routers) {}

  /** One dataset to replay and the rows to run on it. */
  public record Plan(BenchTable table, List<Contestant> contestants) {}

  private BenchReplay() {}

  public static List<DatasetReport> run(List<Plan> plans, Options options) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()), r -> {
      Thread t = new Thread(r, "acr-bench");
      t.setDaemon(true);
      return t;
    });
    try {
      List<List<List<Future<Job>>>> futures = new ArrayList<>();
      for (Plan plan : plans) {
        int n = plan.table().taskCount();
        List<int[]> orders = new ArrayList<>();
        for (int o = 0; o <= options.orders(); o++) {
          orders.add(Seeds.permutation(n, options.seed(), o));
        }
        List<List<Future<Job>>> perRouter = new ArrayList<>();
        for (Contestant c : plan.contestants()) {
          List<Future<Job>> perOrder = new ArrayList<>();
          for (int o = 0; o <= options.orders(); o++) {
            int order = o;
            perOrder.add(pool.submit(() -> job(plan.table(), c, orders.get(order), order, options)));
          }
          perRouter.add(perOrder);
        }
        futures.add(perRouter);
      }
      List<DatasetReport> reports = new ArrayList<>();
      for (int d = 0; d < plans.size(); d++) {
        Plan plan = plans.get(d);
        List<RouterReport> rows = new ArrayList<>();
        for (int c = 0; c < plan.contestants().size(); c++) {
          List<Future<Job>> perOrder = futures.get(d).get(c);
          Job canonical = get(perOrder.get(0));
          List<Metrics> shuffled = new ArrayList<>();
          for (int o = 1; o < perOrder.size(); o++) {
            shuffled.add(get(perOrder.get(o)).metrics);
          }
          Contestant ct = plan.contestants().get(c);
          rows.add(new RouterReport(ct.name(), ct.bound(), canonical.metrics, canonical.curve,
              canonical.first.decisions(), canonical.first.records(), List.copyOf(shuffled)));
        }
        reports.add(new DatasetReport(plan.table().name(), plan.table().taskCount(), List.copyOf(rows)));
      }
      return reports;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A contestant on one order: its (mean) metrics and curve, and the first run's details. */
  private record Job(Metrics metrics, double[] curve, Replay.Result first) {}

  private static Job job(BenchTable table, Contestant c, int[] order, int orderIndex, Options options) {
    long orderSeed = Seeds.order(options.seed(), orderIndex);
    List<Metrics> runs = new ArrayList<>(c.runs());
    double[] curve = new double[order.length];
    Replay.Result first = null;
    for (int j = 0; j < c.runs(); j++) {
      Contestant.Seat seat = c.factory().create(Seeds.router(orderSeed, c.name(), j));
      boolean details = orderIndex == 0 && j == 0;
      Replay.Result r = Replay.run(table, seat.router(), seat.learner(), order, options.maxAttempts(), details);
      if (first == null) {
        first = r;
      }
      runs.add(r.metrics());
      double[] cr = r.cumulativeRegret();
      for (int i = 0; i < curve.length; i++) {
        curve[i] += cr[i] / c.runs();
      }
    }
    Metrics metrics = c.runs() == 1 ? runs.get(0) : Metrics.meanOfRuns(runs);
    return new Job(metrics, curve, first);
  }

  private static Job get(Future<Job> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }
}
