package dev.acr.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * metrics.json, whose shape is fixed: dataset → router → {canonical: {metrics}, shuffled:
 * {orders, seed, mean: {metrics}, sd: {metrics}}}. Values are unrounded; NaN (Perf/$ with
 * nothing spent, or mean/sd without shuffles) is written as null, since JSON has no NaN.
 */
public final class MetricsJson {
  private MetricsJson() {}

  public static ObjectNode build(ObjectMapper json, List<BenchReplay.DatasetReport> reports, BenchReplay.Options options) {
    ObjectNode root = json.createObjectNode();
    for (BenchReplay.DatasetReport d : reports) {
      ObjectNode ds = root.putObject(d.dataset());
      for (BenchReplay.RouterReport r : d.routers()) {
        ObjectNode row = ds.putObject(r.name());
        put(row.putObject("canonical"), r.canonical().values());
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
