package dev.acr.bench;

import dev.acr.core.Failures;
import dev.acr.memory.MemoryRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
    return replay(new Plan(table, cap, List.of(c)), c, order, 0, options).metrics();
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

  /**
   * Where each row's canonical details (its first seed's decisions and memory records) go when the
   * reports do not keep them. They are most of the replay's output (~170 MB of JSON in the full
   * replay): kept as objects until the end, ~75 MB of records lived through the serial collector's
   * first young collections, whose pauses (~300 ms, both replay threads stopped) copied them
   * twice. So a job packs its details on its own thread as it ends (serialised, say) and keeps no
   * records; the calling thread writes each in report order (plan, then row) as soon as it and
   * every one before it are done, and drops it.
   */
  @FunctionalInterface
  public interface Details {
    /** On the job's thread: {@code row}'s details on {@code plan}, ready to write. */
    Packed pack(Plan plan, Contestant row, Replay.Result firstSeed);

    /** Details nobody reads (no --out): dropped as the job ends. */
    Details DROP = (plan, row, firstSeed) -> () -> {};
  }

  /** One row's packed details; written once, on the calling thread. */
  @FunctionalInterface
  public interface Packed {
    void write() throws IOException;
  }

  /** Replays everything; the reports keep each row's canonical details. */
  public static List<DatasetReport> run(List<Plan> plans, Options options) throws InterruptedException {
    try {
      return run(plans, options, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Replays everything. With {@code details} null the reports keep each row's canonical details;
   * otherwise they go to {@code details} and the reports have none. The first-seed canonical jobs
   * are queued first, in report order, so their details are written (on the calling thread) as
   * they come while the pool works through the rest.
   */
  public static List<DatasetReport> run(List<Plan> plans, Options options, Details details)
      throws InterruptedException, IOException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()), r -> {
      Thread t = new Thread(r, "acr-bench");
      t.setDaemon(true);
      return t;
    });
    try {
      Map<Key, Future<Run>> futures = new HashMap<>();
      for (Key k : keys(plans, options)) {
        Plan plan = plans.get(k.plan());
        Contestant ct = plan.contestants().get(k.contestant());
        futures.put(k, pool.submit(() -> job(plan, ct, k, options, details)));
      }
      if (details != null) {
        writeDetails(plans, futures);
      }
      return collect(plans, futures, options);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Where one job sits: plan, row, order (0 = canonical) and seed run. */
  private record Key(int plan, int contestant, int order, int run) {
    /** The canonical order's first seed, the run whose details are reported. */
    boolean details() {
      return order == 0 && run == 0;
    }
  }

  /**
   * What the reports read of one job: {@code curve} only for the canonical order (a shuffled
   * order's curve and cell sets, tens of KB each on the ID test, are read by none and would live
   * until the end, ~2,000 of them); details only for the canonical order's first seed.
   */
  private record Run(Metrics metrics, double[] curve, List<Decision> decisions, List<MemoryRecord> records, Packed packed) {}

  /**
   * Every job, in the order the pool takes them: details first, in report order, so they are
   * written as they come; then the longest jobs first, so the pool does not end on one long job:
   * the learners sit at the end of the rows, a higher limit and a bigger dataset take longer.
   */
  private static List<Key> keys(List<Plan> plans, Options options) {
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
    keys.sort(Comparator.comparing((Key k) -> !k.details())
        .thenComparing(k -> k.details() ? k.plan() : 0)
        .thenComparing(k -> k.details() ? k.contestant() : 0)
        .thenComparing(k -> -k.contestant())
        .thenComparing(k -> -plans.get(k.plan()).cap())
        .thenComparing(k -> -plans.get(k.plan()).table().taskCount()));
    return keys;
  }

  /** Writes each row's packed details in report order, dropping each once written. */
  private static void writeDetails(List<Plan> plans, Map<Key, Future<Run>> futures) throws InterruptedException, IOException {
    for (int p = 0; p < plans.size(); p++) {
      for (int c = 0; c < plans.get(p).contestants().size(); c++) {
        Key k = new Key(p, c, 0, 0);
        Run first = get(futures.get(k));
        first.packed().write();
        futures.put(k, CompletableFuture.completedFuture(
            new Run(first.metrics(), first.curve(), first.decisions(), first.records(), null)));
      }
    }
  }

  /** The reports, once every job is done. */
  private static List<DatasetReport> collect(List<Plan> plans, Map<Key, Future<Run>> futures, Options options)
      throws InterruptedException {
    List<DatasetReport> reports = new ArrayList<>();
    for (int p = 0; p < plans.size(); p++) {
      Plan plan = plans.get(p);
      List<RouterReport> rows = new ArrayList<>();
      for (int c = 0; c < plan.contestants().size(); c++) {
        Contestant ct = plan.contestants().get(c);
        int runs = ct.seeded() ? Math.max(1, options.seeds()) : 1;
        Run first = get(futures.get(new Key(p, c, 0, 0)));
        List<Metrics> seeds = new ArrayList<>();
        double[] curve = new double[plan.table().taskCount()];
        for (int j = 0; j < runs; j++) {
          Run r = get(futures.get(new Key(p, c, 0, j)));
          seeds.add(r.metrics());
          double[] cr = r.curve();
          for (int i = 0; i < curve.length; i++) {
            curve[i] += cr[i] / runs;
          }
        }
        List<Metrics> shuffled = new ArrayList<>();
        for (int o = 1; o <= options.orders(); o++) {
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

  /** One job: its replay, trimmed to what the reports read, its details kept or packed. */
  private static Run job(Plan plan, Contestant c, Key k, Options options, Details details) {
    Replay.Result r = replay(plan, c, k.order(), k.run(), options);
    double[] curve = k.order() == 0 ? r.cumulativeRegret() : null;
    if (!k.details()) {
      return new Run(r.metrics(), curve, List.of(), List.of(), null);
    }
    if (details == null) {
      return new Run(r.metrics(), curve, r.decisions(), r.records(), null);
    }
    return new Run(r.metrics(), curve, List.of(), List.of(), details.pack(plan, c, r));
  }

  /** One replay of a contestant: order {@code order}, seed run {@code run}. */
  private static Replay.Result replay(Plan plan, Contestant c, int order, int run, Options options) {
    int[] permutation = Seeds.permutation(plan.table().taskCount(), options.seed(), order);
    Contestant.Seat seat = c.factory().create(Seeds.router(Seeds.order(options.seed(), order), c.seedKey(), run));
    boolean details = order == 0 && run == 0;
    return Replay.run(plan.table(), seat.router(), seat.learner(), permutation, plan.cap(), details);
  }

  private static <T> T get(Future<T> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw Failures.rethrow(e);
    }
  }
}
