package dev.acr.bench;

import dev.acr.config.ToolsConfig;
import dev.acr.core.Route;
import dev.acr.policy.Priors;
import dev.acr.policy.RacePlanner;
import java.util.ArrayList;
import java.util.List;

/** The rows of the replay table for one dataset at one attempt limit, in report order. */
public final class Contestants {
  /** The largest default limit (the paper's cascade makes up to five calls). */
  static final int DEFAULT_MAX_ATTEMPTS = 8;
  /** The paper's ACRouter cascade (k = 2) by model name. */
  static final List<String> CASCADE_CHEAP = List.of("MiniMax-M2.7", "kimi-k2.5", "gpt-5.4", "glm-5");

  static final String CASCADE_PREMIUM = "claude-opus-4-6";
  static final int CASCADE_K = 2;

  private Contestants() {}

  public static List<Contestant> all(BenchTable table, TaskFeatures features) {
    return all(table, features, DEFAULT_MAX_ATTEMPTS, List.of());
  }

  /**
   * Every row at attempt limit {@code cap}; acr plans for that limit, the escalating baselines
   * stop at it. {@code decided} (published or user decisions, single call by definition) are
   * rows of the single-call table only: they are another protocol at any other limit.
   */
  public static List<Contestant> all(BenchTable table, TaskFeatures features, int cap, List<Decisions> decided) {
    return all(table, features, cap, decided, null);
  }

  /**
   * Every row, with an {@code acr+priors} row after {@code acr} when {@code priors} (fitted on
   * other data, never on this table) is not null.
   */
  public static List<Contestant> all(
      BenchTable table, TaskFeatures features, int cap, List<Decisions> decided, Priors priors) {
    RouteMenu menu = table.menu();
    String upToCap = Contestant.upTo(cap);
    List<Contestant> out = new ArrayList<>();
    out.add(new Contestant("Oracle", true, true, false, "bound (single call)",
        seed -> Contestant.Seat.of(new OracleRouter(table))));
    int[] cheap = CASCADE_CHEAP.stream().mapToInt(m -> byModel(menu, m)).filter(i -> i >= 0).toArray();
    int premium = byModel(menu, CASCADE_PREMIUM);
    if (cheap.length > 0) {
      // On OOD176 the cascade is the paper's agent; on ID the paper's router is its published map.
      String name = table.name().equals(BenchDataset.OOD176.key()) ? "ACRouter" : "Cascade";
      int calls = Math.min(cap, cheap.length + (premium >= 0 ? 1 : 0));
      out.add(new Contestant(name, false, true, false, Contestant.upTo(calls),
          seed -> Contestant.Seat.of(new CascadeRouter(name, menu, cheap, premium, CASCADE_K))));
    }
    for (int r = 0; r < menu.size(); r++) {
      int route = r;
      String name = "Always-" + label(menu.route(r));
      out.add(new Contestant(name, false, true, false, Contestant.SINGLE_CALL + " (by definition)",
          seed -> Contestant.Seat.of(new AlwaysRouter(menu, route, name))));
    }
    if (cap == 1) {
      for (Decisions d : decided) {
        String protocol = Contestant.SINGLE_CALL + (Decisions.PUBLISHED.containsKey(d.name())
            ? " (published router)" : " (decisions file)");
        out.add(new Contestant(d.name(), false, true, false, protocol, seed -> Contestant.Seat.of(d.router(menu))));
      }
    }
    out.add(new Contestant("Random", false, false, true, upToCap,
        seed -> Contestant.Seat.of(new RandomRouter(menu, seed))));
    for (LinearBanditRouter.Kind kind : LinearBanditRouter.Kind.values()) {
      out.add(new Contestant(kind.label, false, false, kind == LinearBanditRouter.Kind.TS, upToCap,
          seed -> Contestant.Seat.of(new LinearBanditRouter(kind, menu, features, seed))));
    }
    out.add(new Contestant("kNN", false, false, false, upToCap,
        seed -> Contestant.Seat.of(new KnnRouter(menu, features, table.taskCount() * cap))));
    out.add(AcrRow.contestant(table, cap));
    if (priors != null) {
      out.add(AcrRow.withPriors(table, cap, priors));
    }
    return out;
  }

  /** The acr row racing: {@code race} is "auto" or a width ≥ 2 (checked by the caller). */
  public static Contestant racingAcr(BenchTable table, int maxAttempts, String race) {
    boolean auto = race.equalsIgnoreCase("auto");
    return AcrRow.racing(table, maxAttempts, auto ? RacePlanner.AUTO_MAX : Integer.parseInt(race), auto,
        ToolsConfig.DEFAULT_TIME_VALUE_PER_HOUR);
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
