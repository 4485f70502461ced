package dev.acr.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * metrics.json: dataset → {@code cap<N>} (the attempt limit) → router → {protocol, canonical:
 * {metrics}, canonical_seeds: {seeds, mean: {metrics}, sd: {metrics}}, shuffled: {orders, seed,
 * mean: {metrics}, sd: {metrics}}}. {@code canonical} is the mean over the seeds (the figure to
 * quote), {@code canonical_seeds} beside it says over how many seeds and how far they spread (one
 * seed, sd 0, for a router that ignores its seed). Values are unrounded; NaN (Perf/$ with nothing
 * spent, or mean/sd without shuffles) is written as null, since JSON has no NaN.
 */
public final class MetricsJson {
  private MetricsJson() {}

  /** The key of an attempt limit's object. */
  public static String capKey(int cap) {
    return "cap" + cap;
  }

  public static ObjectNode build(ObjectMapper json, List<BenchReplay.DatasetReport> reports, BenchReplay.Options options) {
    ObjectNode root = json.createObjectNode();
    for (BenchReplay.DatasetReport d : reports) {
      ObjectNode ds = root.has(d.dataset()) ? (ObjectNode) root.get(d.dataset()) : root.putObject(d.dataset());
      ObjectNode cap = ds.putObject(capKey(d.cap()));
      for (BenchReplay.RouterReport r : d.routers()) {
        ObjectNode row = cap.putObject(r.name());
        row.put("protocol", r.protocol());
        put(row.putObject("canonical"), r.canonical().values());
        ObjectNode seeds = row.putObject("canonical_seeds");
        seeds.put("seeds", r.seeds().size());
        put(seeds.putObject("mean"), Metrics.mean(r.seeds()));
        put(seeds.putObject("sd"), Metrics.sd(r.seeds()));
        ObjectNode sh = row.putObject("shuffled");
        sh.put("orders", options.orders());
        sh.put("seed", options.seed());
        put(sh.putObject("mean"), Metrics.mean(r.shuffled()));
        put(sh.putObject("sd"), Metrics.sd(r.shuffled()));
      }
    }
    return root;
  }

  private static void put(ObjectNode node, double[] v) {
    for (Metric m : Metric.values()) {
      double x = v[m.ordinal()];
      if (Double.isNaN(x)) {
        node.putNull(m.key());
      } else if ((m == Metric.N || m == Metric.ESCALATIONS) && x == Math.rint(x)) {
        node.put(m.key(), (long) x);
      } else {
        node.put(m.key(), x);
      }
    }
  }
}
