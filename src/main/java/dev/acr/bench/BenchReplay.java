package dev.acr.bench;

import dev.acr.core.Failures;
import dev.acr.memory.MemoryRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs every contestant of every plan (a dataset at one attempt limit) over the canonical order,
 * with {@code seeds} seeds for a router that uses its seed, and over the shuffled orders, one
 * seed each. Each (plan, router, order, seed) is an independent job with its own seeds and
 * executor, so jobs run on a small pool and results, collected by index, do not depend on
 * scheduling.
 */
public final class BenchReplay {

  /** {@code orders} shuffled orders besides the canonical one, which runs {@code seeds} seeds. */
  public record Options(int orders, long seed, int seeds, int threads) {}

  /** The canonical order's seeds of a router over which its canonical row is judged. */
  public static final int DEFAULT_SEEDS = 20;

  /** Replays one contestant on order {@code order} (0 = canonical) with its first seed; for tests. */
  static Metrics shuffledOnce(BenchTable table, int cap, Contestant c, int order, Options options) {
    return job(new Plan(table, cap, List.of(c)), c, order, 0, options).metrics();
  }

  /**
   * One router's results on one dataset at one limit. {@code canonical} is the mean over
   * {@code seeds} (the canonical order's runs, one per seed; a single run for a router that ignores
   * its seed); {@code cumulativeRegret} is the mean curve; decisions and records are the first
   * seed's. {@code shuffled} has one entry per shuffled order.
   */
  public record RouterReport(
      String name, boolean bound, String protocol, Metrics canonical, List<Metrics> seeds,
      double[] cumulativeRegret, List<Decision> decisions, List<MemoryRecord> records, List<Metrics> shuffled) {}

  /** One dataset's results at attempt limit {@code cap}, rows in report order. */
  public record DatasetReport(String dataset, int cap, int tasks, List<RouterReport> routers) {}

  /** One dataset to replay at attempt limit {@code cap}, and the rows to run on it. */
  public record Plan(BenchTable table, int cap, List<Contestant> contestants) {}

  private BenchReplay() {}

  /** Receives the canonical order's first-seed results while the other replays still run. */
  @FunctionalInterface
  public interface CanonicalListener {
    void canonicalDone(List<DatasetReport> firstSeedOnly) throws java.io.IOException;
  }

  public static List<DatasetReport> run(List<Plan> plans, Options options) throws InterruptedException {
    try {
      return run(plans, options, canonical -> {});
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Replays everything. The first-seed canonical jobs are queued first so their details can be
   * written by the listener (on the calling thread) while the pool works through the rest.
   */
  public static List<DatasetReport> run(List<Plan> plans, Options options, CanonicalListener listener)
      throws InterruptedException, java.io.IOException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()), r -> {
      Thread t = new Thread(r, "acr-bench");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Key> keys = new ArrayList<>();
      for (int p = 0; p < plans.size(); p++) {
        Plan plan = plans.get(p);
        for (int c = 0; c < plan.contestants().size(); c++) {
          Contestant ct = plan.contestants().get(c);
          for (int o = 0; o <= (ct.orderFree() ? 0 : options.orders()); o++) {
            int runs = o == 0 && ct.seeded() ? Math.max(1, options.seeds()) : 1;
            for (int j = 0; j < runs; j++) {
              keys.add(new Key(p, c, o, j));
            }
          }
        }
      }
      // Details first, then the longest jobs first, so the pool does not end on one long job:
      // the learners sit at the end of the rows, a higher limit and a bigger dataset take longer.
      keys.sort(Comparator.comparing((Key k) -> k.order() != 0 || k.run() != 0)
          .thenComparing(k -> -k.contestant())
          .thenComparing(k -> -plans.get(k.plan()).cap())
          .thenComparing(k -> -plans.get(k.plan()).table().taskCount()));
      Map<Key, Future<Replay.Result>> futures = new HashMap<>();
      for (Key k : keys) {
        Plan plan = plans.get(k.plan());
        Contestant ct = plan.contestants().get(k.contestant());
        futures.put(k, pool.submit(() -> job(plan, ct, k.order(), k.run(), options)));
      }
      listener.canonicalDone(collect(plans, futures, options, true));
      return collect(plans, futures, options, false);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Where one job sits: plan, row, order (0 = canonical) and seed run. */
  private record Key(int plan, int contestant, int order, int run) {}

  /** The reports; {@code firstSeedOnly} waits for just the canonical first-seed jobs. */
  private static List<DatasetReport> collect(
      List<Plan> plans, Map<Key, Future<Replay.Result>> futures, Options options, boolean firstSeedOnly)
      throws InterruptedException {
    List<DatasetReport> reports = new ArrayList<>();
    for (int p = 0; p < plans.size(); p++) {
      Plan plan = plans.get(p);
      List<RouterReport> rows = new ArrayList<>();
      for (int c = 0; c < plan.contestants().size(); c++) {
        Contestant ct = plan.contestants().get(c);
        int runs = firstSeedOnly || !ct.seeded() ? 1 : Math.max(1, options.seeds());
        Replay.Result first = get(futures.get(new Key(p, c, 0, 0)));
        List<Metrics> seeds = new ArrayList<>();
        double[] curve = new double[plan.table().taskCount()];
        for (int j = 0; j < runs; j++) {
          Replay.Result r = get(futures.get(new Key(p, c, 0, j)));
          seeds.add(r.metrics());
          double[] cr = r.cumulativeRegret();
          for (int i = 0; i < curve.length; i++) {
            curve[i] += cr[i] / runs;
          }
        }
        List<Metrics> shuffled = new ArrayList<>();
        for (int o = 1; !firstSeedOnly && o <= options.orders(); o++) {
          shuffled.add(ct.orderFree() ? first.metrics() : get(futures.get(new Key(p, c, o, 0))).metrics());
        }
        Metrics canonical = seeds.size() == 1 ? seeds.get(0) : new Metrics(Metrics.mean(seeds));
        rows.add(new RouterReport(ct.name(), ct.bound(), ct.protocol(), canonical, List.copyOf(seeds), curve,
            first.decisions(), first.records(), List.copyOf(shuffled)));
      }
      reports.add(new DatasetReport(plan.table().name(), plan.cap(), plan.table().taskCount(), List.copyOf(rows)));
    }
    return reports;
  }

  /** One replay of a contestant: order {@code order}, seed run {@code run}. */
  private static Replay.Result job(Plan plan, Contestant c, int order, int run, Options options) {
    int[] permutation = Seeds.permutation(plan.table().taskCount(), options.seed(), order);
    Contestant.Seat seat = c.factory().create(Seeds.router(Seeds.order(options.seed(), order), c.seedKey(), run));
    boolean details = order == 0 && run == 0;
    return Replay.run(plan.table(), seat.router(), seat.learner(), permutation, plan.cap(), details);
  }

  private static Replay.Result get(Future<Replay.Result> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw Failures.rethrow(e);
    }
  }
}
