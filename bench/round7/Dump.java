package dev.acr.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.core.*;
import dev.acr.policy.*;
import java.io.*;
import java.util.*;

/** Throwaway: sequential acr's canonical runs with their plans and estimates at each decision. */
public final class Dump {
  public static void main(String[] a) throws Exception {
    BenchDataset ds = BenchDataset.parse(a[0]).get(0);
    int cap = Integer.parseInt(a[1]);
    long seed = Long.parseLong(a[2]);
    int runs = Integer.parseInt(a[3]);
    int order = a.length > 5 ? Integer.parseInt(a[5]) : 0;
    ObjectMapper json = new ObjectMapper();
    BenchTable table = new BenchLoader(json).load(BenchSource.bundled(), ds);
    try (PrintWriter out = new PrintWriter(new BufferedWriter(new FileWriter(a[4])))) {
      // cells
      for (int t = 0; t < table.taskCount(); t++) {
        for (int r = 0; r < table.routes().size(); r++) {
          AttemptResult c = table.cell(t, r);
          if (c == null) continue;
          out.println(json.writeValueAsString(Map.of("cell", List.of(t, table.routes().get(r).name(), c.resolved(), c.performance(),
              c.durationMs(), c.costOrZero(), c.status().id()))));
        }
        out.println(json.writeValueAsString(Map.of("task", List.of(t, table.tasks().get(t).key()))));
      }
      for (int run = 0; run < runs; run++) {
        Map<Route, Double> guesses = new HashMap<>();
        table.prices().forEach((route, p) -> guesses.put(route, CostGuess.fromPrices(p.inputPer1m(), p.outputPer1m())));
        PolicyConfig config = PolicyConfig.defaults().withMaxAttempts(cap);
        MemoryStats stats = new MemoryStats();
        long s = Seeds.router(Seeds.order(seed, order), AcrRow.NAME, run);
        AcrPolicy policy = new AcrPolicy(table.routes(), stats, guesses, config, s, Fallback.NONE, Priors.none());
        Router inner = new OfferedOnly(policy, table.menu());
        List<Map<String, Object>> log = new ArrayList<>();
        Router logging = new Router() {
          public String name() { return inner.name(); }
          public List<Route> plan(Task task, List<AttemptResult> so) {
            List<Route> p = inner.plan(task, so);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("task", task.key());
            m.put("pos", so.size());
            m.put("plan", p.stream().map(Route::name).toList());
            if (so.isEmpty()) {
              Map<String, List<Object>> est = new LinkedHashMap<>();
              for (RouteEstimate e : policy.estimates(task)) est.put(e.route().name(), List.of(e.successChance(), e.expectedCostUsd(), e.evidence()));
              m.put("est", est);
            }
            log.add(m);
            return p;
          }
          public void observe(Task task, List<AttemptResult> at) { inner.observe(task, at); }
        };
        int[] perm = Seeds.permutation(table.taskCount(), seed, order);
        Replay.Result res = Replay.run(table, logging, stats, perm, cap, false);
        for (Map<String, Object> m : log) { m.put("run", run); out.println(json.writeValueAsString(m)); }
        System.err.println("run " + run + " wall_h " + res.metrics());
      }
    }
  }
}
