package dev.acr.bench;

import dev.acr.core.Route;
import java.util.ArrayList;
import java.util.List;

/** The rows of the replay table for one dataset, in report order. */
public final class Contestants {
  /** The paper's ACRouter cascade (k = 2) by model name. */
  static final List<String> CASCADE_CHEAP = List.of("MiniMax-M2.7", "kimi-k2.5", "gpt-5.4", "glm-5");

  static final String CASCADE_PREMIUM = "claude-opus-4-6";
  static final int CASCADE_K = 2;
  /** Random's row is the mean of this many seeded runs. */
  static final int RANDOM_RUNS = 10;

  private Contestants() {}

  public static List<Contestant> all(BenchTable table, TaskFeatures features) {
    RouteMenu menu = table.menu();
    List<Contestant> out = new ArrayList<>();
    out.add(new Contestant("Oracle", true, true, 1, seed -> Contestant.Seat.of(new OracleRouter(table))));
    int[] cheap = CASCADE_CHEAP.stream().mapToInt(m -> byModel(menu, m)).filter(i -> i >= 0).toArray();
    int premium = byModel(menu, CASCADE_PREMIUM);
    if (cheap.length > 0) {
      out.add(new Contestant("ACRouter", false, true, 1,
          seed -> Contestant.Seat.of(new CascadeRouter(menu, cheap, premium, CASCADE_K))));
    }
    for (int r = 0; r < menu.size(); r++) {
      int route = r;
      String name = "Always-" + label(menu.route(r));
      out.add(new Contestant(name, false, true, 1, seed -> Contestant.Seat.of(new AlwaysRouter(menu, route, name))));
    }
    out.add(new Contestant("Random", false, false, RANDOM_RUNS, seed -> Contestant.Seat.of(new RandomRouter(menu, seed))));
    for (LinearBanditRouter.Kind kind : LinearBanditRouter.Kind.values()) {
      out.add(new Contestant(kind.label, false, false, 1,
          seed -> Contestant.Seat.of(new LinearBanditRouter(kind, menu, features, seed))));
    }
    out.add(new Contestant("kNN", false, false, 1,
        seed -> Contestant.Seat.of(new KnnRouter(menu, features, table.taskCount()))));
    out.addAll(AcrRow.contestants(table));
    return out;
  }

  /** The benchmark names rows by model; a memory route without a model goes by its tool. */
  static String label(Route route) {
    return route.model() != null ? route.model() : route.tool();
  }

  private static int byModel(RouteMenu menu, String model) {
    for (int r = 0; r < menu.size(); r++) {
      if (model.equals(menu.route(r).model())) {
        return r;
      }
    }
    return -1;
  }
}
