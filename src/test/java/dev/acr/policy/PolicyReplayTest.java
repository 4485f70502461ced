package dev.acr.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.context.Dimension;
import dev.acr.core.AttemptResult;
import dev.acr.core.AttemptStatus;
import dev.acr.core.Route;
import dev.acr.core.RunLoop;
import dev.acr.core.RunOutcome;
import dev.acr.core.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Offline replay of CodeRouterBench from empty memory: the policy only ever sees cells it paid
 * for, through the same {@link RunLoop} and {@link MemoryStats} a live run uses. Deliberately
 * minimal (no baselines); the full {@code acr bench replay} lives elsewhere.
 */
class PolicyReplayTest {

  private static final double LAMBDA = 0.1;
  private static final int SHUFFLES = 20;
  private static final int MAX_ATTEMPTS = 3;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path dir;

  /** One benchmark cell: what a route did on a task. */
  record Cell(double performance, boolean applyOk, double cost, long in, long out) {}

  /** A benchmark: tasks in canonical order and their cells by route. */
  record Bench(List<Task> tasks, Map<String, Map<Route, Cell>> cells, List<Route> routes) {}

  /** Figures of one replay. */
  record Figures(double cumReg, double avgPerf, double usd) {}

  @BeforeAll
  static void locate() {
    dir = Paths.get(System.getProperty("user.dir")).resolve("../shared/coderouterbench").normalize();
    assumeTrue(
        Files.isRegularFile(dir.resolve("ood176_tasks.jsonl")),
        "CodeRouterBench not found at " + dir + "; replay figures skipped");
  }

  @Test
  void ood176FromEmptyMemory() throws IOException {
    Bench b = load("ood176_results_long.csv", "ood176_tasks.jsonl", "resolved", true);
    Figures canon = replay(b, b.tasks(), 0, MAX_ATTEMPTS);
    List<Figures> shuffled = shuffles(b, MAX_ATTEMPTS);
    report("OOD176", canon, shuffled);
    assertThat(canon.cumReg()).as("OOD canonical CumReg").isLessThanOrEqualTo(12.0);
    assertThat(mean(shuffled, Figures::cumReg)).as("OOD shuffled CumReg").isLessThanOrEqualTo(14.0);
    assertThat(canon.avgPerf()).as("OOD canonical AvgPerf%").isGreaterThanOrEqualTo(76.0);
  }

  @Test
  void idTestFromEmptyMemory() throws IOException {
    Bench b = load("id_test_results_long.csv", "id_test_tasks.jsonl", "score", false);
    Figures canon = replay(b, b.tasks(), 0, MAX_ATTEMPTS);
    List<Figures> shuffled = shuffles(b, MAX_ATTEMPTS);
    report("ID test", canon, shuffled);
    assertThat(mean(shuffled, Figures::avgPerf)).as("ID shuffled AvgPerf%").isGreaterThanOrEqualTo(49.0);
  }

  private static List<Figures> shuffles(Bench b, int maxAttempts) {
    // Independent runs: parallel only to keep the test fast; each run is deterministic.
    return IntStream.range(0, SHUFFLES)
        .parallel()
        .mapToObj(
            i -> {
              List<Task> order = new ArrayList<>(b.tasks());
              Collections.shuffle(order, new Random(1000 + i));
              return replay(b, order, i + 1, maxAttempts);
            })
        .toList();
  }

  static Figures replay(Bench b, List<Task> order, long seed, int maxAttempts) {
    MemoryStats stats = new MemoryStats();
    Map<Route, Double> guess = prices(b.routes());
    AcrPolicy policy =
        new AcrPolicy(b.routes(), stats, guess, PolicyConfig.defaults().withMaxAttempts(maxAttempts), seed);
    RunLoop loop =
        new RunLoop(
            policy,
            (task, route, n) -> result(route, b.cells().get(task.key()).get(route)),
            stats,
            new RunLoop.Limits(maxAttempts, null),
            "replay",
            false,
            Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    double regret = 0;
    double perf = 0;
    double usd = 0;
    for (Task t : order) {
      RunOutcome o = loop.run(t, "replay-" + seed, RunLoop.SILENT);
      double oracle = Double.NEGATIVE_INFINITY;
      for (Cell c : b.cells().get(t.key()).values()) {
        oracle = Math.max(oracle, c.performance() - LAMBDA * c.cost());
      }
      regret += oracle - (o.performance() - LAMBDA * o.totalCost());
      perf += o.performance();
      usd += o.totalCost();
    }
    return new Figures(regret, 100 * perf / order.size(), usd);
  }

  private static AttemptResult result(Route route, Cell c) {
    boolean verified = c.performance() >= 1.0;
    return new AttemptResult(
        route,
        verified ? AttemptStatus.VERIFIED : AttemptStatus.FAILED,
        verified,
        c.performance(),
        c.applyOk(),
        verified ? 0 : 1,
        0,
        c.cost(),
        c.in(),
        c.out());
  }

  private static Map<Route, Double> prices(List<Route> routes) {
    try {
      Map<Route, Double> out = new HashMap<>();
      for (JsonNode m : JSON.readTree(dir.resolve("models.json").toFile()).get("models")) {
        double guess = CostGuess.fromPrices(m.get("input_per_1m").asDouble(), m.get("output_per_1m").asDouble());
        out.put(route(m.get("model").asText()), guess);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Route route(String model) {
    if (model.startsWith("claude-")) {
      return new Route("claude-code", model);
    }
    return model.equals("gpt-5.4") ? new Route("codex", model) : new Route("opencode", model);
  }

  private static Bench load(String csv, String jsonl, String perfColumn, boolean passFail) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve(csv));
    List<String> header = List.of(lines.get(0).split(","));
    int id = header.indexOf("task_id");
    int model = header.indexOf("model");
    int perf = header.indexOf(perfColumn);
    int apply = header.indexOf("apply_ok");
    int cost = header.indexOf("cost_usd");
    int in = Math.max(header.indexOf("in_tok"), header.indexOf("input_tokens"));
    int out = Math.max(header.indexOf("out_tok"), header.indexOf("output_tokens"));
    Map<String, Map<Route, Cell>> cells = new HashMap<>();
    Map<Route, Boolean> routes = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      Route r = route(f[model]);
      routes.put(r, true);
      double p = Double.parseDouble(f[perf]);
      boolean applyOk = apply >= 0 ? "1".equals(f[apply]) : p > 0;
      Cell c = new Cell(p, applyOk, Double.parseDouble(f[cost]), num(f[in]), num(f[out]));
      cells.computeIfAbsent(f[id], k -> new HashMap<>()).put(r, c);
    }
    List<Task> tasks = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve(jsonl))) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode j = JSON.readTree(line);
      tasks.add(
          new Task(
              j.get("task_id").asText(),
              passFail && j.hasNonNull("prompt") ? j.get("prompt").asText() : null,
              Dimension.of(j.get("dimension").asText()),
              text(j, "bench"),
              text(j, "language")));
    }
    return new Bench(List.copyOf(tasks), cells, List.copyOf(routes.keySet()));
  }

  private static String text(JsonNode j, String field) {
    return j.hasNonNull(field) ? j.get(field).asText() : null;
  }

  private static long num(String s) {
    return s.isEmpty() ? 0 : (long) Double.parseDouble(s);
  }

  private static double mean(List<Figures> fs, java.util.function.ToDoubleFunction<Figures> f) {
    return fs.stream().mapToDouble(f).average().orElse(Double.NaN);
  }

  private static double sd(List<Figures> fs, java.util.function.ToDoubleFunction<Figures> f) {
    double m = mean(fs, f);
    return Math.sqrt(fs.stream().mapToDouble(x -> Math.pow(f.applyAsDouble(x) - m, 2)).average().orElse(0));
  }

  private static void report(String name, Figures canon, List<Figures> shuffled) {
    System.out.printf(
        Locale.ROOT,
        "%s max=%d canonical: CumReg %.2f AvgPerf %.2f%% $%.2f | %d shuffles: CumReg %.2f±%.2f AvgPerf %.2f±%.2f%% $%.2f±%.2f%n",
        name, MAX_ATTEMPTS, canon.cumReg(), canon.avgPerf(), canon.usd(), shuffled.size(),
        mean(shuffled, Figures::cumReg), sd(shuffled, Figures::cumReg),
        mean(shuffled, Figures::avgPerf), sd(shuffled, Figures::avgPerf),
        mean(shuffled, Figures::usd), sd(shuffled, Figures::usd));
  }
}
