package dev.acr.bench;

import dev.acr.core.Route;
import java.util.ArrayList;
import java.util.List;

/** The rows of the replay table for one dataset, in report order. */
public final class Contestants {
  /** The replay's default attempt limit, as `acr bench replay --max-attempts`. */
  static final int DEFAULT_MAX_ATTEMPTS = 8;
  /** The paper's ACRouter cascade (k = 2) by model name. */
  static final List<String> CASCADE_CHEAP = List.of("MiniMax-M2.7", "kimi-k2.5", "gpt-5.4", "glm-5");

  static final String CASCADE_PREMIUM = "claude-opus-4-6";
  static final int CASCADE_K = 2;
  /**
   * Random's canonical row is the mean of this many seeded runs. On a shuffled order it runs once:
   * Random ignores order and feedback, so a shuffle with a fresh seed is just another draw, and
   * ten draws per shuffle would triple the cost of the whole replay for nothing; its shuffled
   * mean ± sd is therefore over single runs (the sd is the spread of one Random run).
   */
  static final int RANDOM_RUNS = 10;

  private Contestants() {}

  public static List<Contestant> all(BenchTable table, TaskFeatures features) {
    return all(table, features, DEFAULT_MAX_ATTEMPTS);
  }

  /** Every row; acr plans for the same attempt limit the replay enforces. No acr+priors row. */
  public static List<Contestant> all(BenchTable table, TaskFeatures features, int maxAttempts) {
    return all(table, features, maxAttempts, null);
  }

  /** Every row, with an {@code acr+priors} row from {@code priors} (fitted elsewhere) when not null. */
  public static List<Contestant> all(BenchTable table, TaskFeatures features, int maxAttempts, dev.acr.policy.Priors priors) {
    RouteMenu menu = table.menu();
    List<Contestant> out = new ArrayList<>();
    out.add(Contestant.single("Oracle", true, true, seed -> Contestant.Seat.of(new OracleRouter(table))));
    int[] cheap = CASCADE_CHEAP.stream().mapToInt(m -> byModel(menu, m)).filter(i -> i >= 0).toArray();
    int premium = byModel(menu, CASCADE_PREMIUM);
    if (cheap.length > 0) {
      out.add(Contestant.single("ACRouter", false, true,
          seed -> Contestant.Seat.of(new CascadeRouter(menu, cheap, premium, CASCADE_K))));
    }
    for (int r = 0; r < menu.size(); r++) {
      int route = r;
      String name = "Always-" + label(menu.route(r));
      out.add(Contestant.single(name, false, true, seed -> Contestant.Seat.of(new AlwaysRouter(menu, route, name))));
    }
    out.add(new Contestant("Random", false, false, RANDOM_RUNS, 1, seed -> Contestant.Seat.of(new RandomRouter(menu, seed))));
    for (LinearBanditRouter.Kind kind : LinearBanditRouter.Kind.values()) {
      out.add(Contestant.single(kind.label, false, false,
          seed -> Contestant.Seat.of(new LinearBanditRouter(kind, menu, features, seed))));
    }
    out.add(Contestant.single("kNN", false, false,
        seed -> Contestant.Seat.of(new KnnRouter(menu, features, table.taskCount()))));
    out.addAll(AcrRow.contestants(table, maxAttempts, priors));
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
