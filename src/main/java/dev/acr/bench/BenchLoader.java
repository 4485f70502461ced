package dev.acr.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.context.Dimension;
import dev.acr.core.AttemptResult;
import dev.acr.core.AttemptStatus;
import dev.acr.core.Route;
import dev.acr.core.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads CodeRouterBench in the upstream layout (a folder, or the copy bundled in the jar, see
 * {@link BenchSource}) and validates it: every task has a row
 * for every model of models.json, required columns are present, numbers parse. Problems are
 * collected as {@code file:line: what} (up to {@link #MAX_PROBLEMS}) and thrown together.
 *
 * <p>ID rows have no resolved/apply_ok columns: an attempt counts as resolved (verified, stops
 * escalation) iff {@code score >= 1.0}, and as apply_ok iff {@code score > 0} (the model produced
 * something the grader could run and credit at all).
 */
public final class BenchLoader {
  static final int MAX_PROBLEMS = 20;
  private static final List<String> OOD_COLUMNS =
      List.of("task_id", "model", "resolved", "apply_ok", "in_tok", "out_tok", "cost_usd");
  private static final List<String> ID_COLUMNS =
      List.of("task_id", "model", "score", "cost_usd", "input_tokens", "output_tokens");

  private final ObjectMapper json;
  private final List<String> problems = new ArrayList<>();

  public BenchLoader(ObjectMapper json) {
    this.json = json;
  }

  public BenchTable load(Path dir, BenchDataset dataset) throws BenchDataException, IOException {
    return load(BenchSource.directory(dir), dataset);
  }

  public BenchTable load(BenchSource source, BenchDataset dataset) throws BenchDataException, IOException {
    problems.clear();
    Map<Route, BenchTable.Price> prices = loadModels(source, "models.json");
    failIfProblems();
    List<Route> routes = new ArrayList<>(prices.keySet());
    Map<String, Route> byModel = new HashMap<>();
    for (Route r : routes) {
      byModel.put(r.model(), r);
    }
    String tasksPath = source.describe(dataset.tasksFile());
    List<Task> tasks = new ArrayList<>();
    List<Long> taskLines = new ArrayList<>();
    loadTasks(source, dataset.tasksFile(), tasks, taskLines);
    failIfProblems();
    Map<String, Integer> taskIndex = new HashMap<>(tasks.size() * 2);
    for (int t = 0; t < tasks.size(); t++) {
      taskIndex.put(tasks.get(t).key(), t);
    }
    AttemptResult[][] cells = new AttemptResult[tasks.size()][routes.size()];
    Map<Route, Integer> routeIndex = new HashMap<>();
    for (int r = 0; r < routes.size(); r++) {
      routeIndex.put(routes.get(r), r);
    }
    loadResults(source, dataset, taskIndex, byModel, routeIndex, cells);
    for (int t = 0; t < tasks.size() && problems.size() < MAX_PROBLEMS; t++) {
      for (int r = 0; r < routes.size(); r++) {
        if (cells[t][r] == null) {
          problem(tasksPath, taskLines.get(t), "task '" + tasks.get(t).key() + "' has no row for model '"
              + routes.get(r).model() + "' in " + dataset.resultsFile());
        }
      }
    }
    failIfProblems();
    return new BenchTable(dataset.key(), tasks, routes, cells, prices);
  }

  private Map<Route, BenchTable.Price> loadModels(BenchSource source, String name) throws IOException, BenchDataException {
    Map<Route, BenchTable.Price> prices = new LinkedHashMap<>();
    String file = source.describe(name);
    String text = source.read(name);
    try (JsonParser p = json.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        problem(file, p.currentLocation().getLineNr(), "expected a JSON object with a 'models' array");
        return prices;
      }
      boolean sawModels = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (!"models".equals(field)) {
          p.skipChildren();
          continue;
        }
        sawModels = true;
        if (value != JsonToken.START_ARRAY) {
          problem(file, p.currentLocation().getLineNr(), "'models' must be an array");
          return prices;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
          long line = p.currentLocation().getLineNr();
          JsonNode m = json.readTree(p);
          String model = m.path("model").isTextual() ? m.get("model").asText() : null;
          Double in = number(m.get("input_per_1m"));
          Double out = number(m.get("output_per_1m"));
          if (model == null || model.isBlank()) {
            problem(file, line, "model entry without a 'model' name");
          } else if (in == null || out == null) {
            problem(file, line, "model '" + model + "' needs numeric input_per_1m and output_per_1m");
          } else if (prices.put(BenchRoutes.routeForModel(model), new BenchTable.Price(in, out)) != null) {
            problem(file, line, "model '" + model + "' listed twice");
          }
        }
      }
      if (!sawModels) {
        problem(file, 0, "no 'models' array");
      } else if (prices.isEmpty() && problems.isEmpty()) {
        problem(file, 0, "'models' is empty");
      }
    } catch (JsonProcessingException e) {
      problem(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "invalid JSON: " + e.getOriginalMessage());
    }
    return prices;
  }

  private void loadTasks(BenchSource source, String name, List<Task> tasks, List<Long> lines)
      throws IOException, BenchDataException {
    String file = source.describe(name);
    String text = source.read(name);
    Map<String, Long> seen = new HashMap<>();
    long lineNo = 0;
    for (String line : text.split("\n", -1)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      if (problems.size() >= MAX_PROBLEMS) {
        return;
      }
      JsonNode n;
      try {
        n = json.readTree(line);
      } catch (JsonProcessingException e) {
        problem(file, lineNo, "invalid JSON: " + e.getOriginalMessage());
        continue;
      }
      String id = text(n, "task_id");
      String dim = text(n, "dimension");
      if (id == null || id.isBlank()) {
        problem(file, lineNo, "no task_id");
        continue;
      }
      Long before = seen.putIfAbsent(id, lineNo);
      if (before != null) {
        problem(file, lineNo, "task '" + id + "' already listed on line " + before);
        continue;
      }
      Dimension dimension;
      try {
        dimension = dim == null ? null : Dimension.of(dim);
      } catch (IllegalArgumentException e) {
        problem(file, lineNo, "task '" + id + "': " + e.getMessage());
        continue;
      }
      if (dimension == null) {
        problem(file, lineNo, "task '" + id + "' has no dimension");
        continue;
      }
      String bench = text(n, "bench");
      tasks.add(new Task(id, text(n, "prompt"), dimension, bench != null ? bench : sourceOf(id), text(n, "language")));
      lines.add(lineNo);
    }
    if (tasks.isEmpty() && problems.isEmpty()) {
      problem(file, 0, "no tasks");
    }
  }

  /**
   * The ID test's tasks name no bench, but their ids do: {@code dim<k>_<source>_<id>} (e.g.
   * {@code dim1_mbpp_631}: MBPP). That source is public task metadata, so it is given to every
   * router as the task's bench, as OOD176 tasks carry theirs; null for any other id.
   */
  static String sourceOf(String taskId) {
    java.util.regex.Matcher m = SOURCE.matcher(taskId);
    return m.matches() ? m.group(1) : null;
  }

  private static final java.util.regex.Pattern SOURCE = java.util.regex.Pattern.compile("dim\\d+_([a-z0-9]+)_.+");

  private void loadResults(
      BenchSource source,
      BenchDataset dataset,
      Map<String, Integer> taskIndex,
      Map<String, Route> byModel,
      Map<Route, Integer> routeIndex,
      AttemptResult[][] cells)
      throws IOException, BenchDataException {
    String file = source.describe(dataset.resultsFile());
    List<Csv.Row> rows;
    try {
      rows = Csv.parse(source.read(dataset.resultsFile()));
    } catch (Csv.CsvException e) {
      problem(file, e.line, e.getMessage());
      return;
    }
    if (rows.isEmpty()) {
      problem(file, 0, "empty file");
      return;
    }
    List<String> header = rows.get(0).fields();
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      col.putIfAbsent(header.get(i).strip(), i);
    }
    for (String required : dataset.scored() ? ID_COLUMNS : OOD_COLUMNS) {
      if (!col.containsKey(required)) {
        problem(file, 1, "missing column '" + required + "'");
      }
    }
    if (!problems.isEmpty()) {
      return;
    }
    Row row = new Row(file, col);
    for (int i = 1; i < rows.size() && problems.size() < MAX_PROBLEMS; i++) {
      Csv.Row csv = rows.get(i);
      if (csv.fields().size() != header.size()) {
        String span = csv.lastLine() > csv.line() ? " (a quoted field runs on to line " + csv.lastLine() + ")" : "";
        problem(file, csv.line(), csv.fields().size() + " fields, header has " + header.size() + span);
        continue;
      }
      row.bind(csv);
      String id = row.text("task_id");
      String model = row.text("model");
      Integer t = taskIndex.get(id);
      Route route = byModel.get(model);
      if (t == null) {
        problem(file, csv.line(), "task '" + id + "' is not in " + dataset.tasksFile());
        continue;
      }
      if (route == null) {
        problem(file, csv.line(), "model '" + model + "' is not in models.json");
        continue;
      }
      int r = routeIndex.get(route);
      if (cells[t][r] != null) {
        problem(file, csv.line(), "second row for task '" + id + "' and model '" + model + "'");
        continue;
      }
      AttemptResult cell = dataset.scored() ? idCell(row, route) : oodCell(row, route);
      if (cell != null) {
        cells[t][r] = cell;
      }
    }
  }

  private AttemptResult oodCell(Row row, Route route) {
    Integer resolved = row.flag("resolved");
    Integer applyOk = row.flag("apply_ok");
    Long in = row.count("in_tok");
    Long out = row.count("out_tok");
    Double cost = row.usd("cost_usd");
    Long latency = row.optionalCount("latency_ms");
    if (resolved == null || applyOk == null || in == null || out == null || cost == null || latency == null) {
      return null;
    }
    boolean ok = resolved == 1;
    AttemptStatus status = ok ? AttemptStatus.VERIFIED : AttemptStatus.FAILED;
    Long calls = row.optionalCount("calls");
    if (calls == null) {
      return null;
    }
    long ms = latency > 0 ? latency : TimeModel.proxyMs(calls, out);
    return new AttemptResult(route, status, ok, ok ? 1.0 : 0.0, applyOk == 1, null, ms, cost, in, out);
  }

  private AttemptResult idCell(Row row, Route route) {
    Double score = row.score("score");
    Long in = row.count("input_tokens");
    Long out = row.count("output_tokens");
    Double cost = row.usd("cost_usd");
    Long latency = row.optionalCount("latency_ms");
    if (score == null || in == null || out == null || cost == null || latency == null) {
      return null;
    }
    boolean ok = score >= 1.0;
    AttemptStatus status = ok ? AttemptStatus.VERIFIED : AttemptStatus.FAILED;
    return new AttemptResult(route, status, ok, score, score > 0, null, latency, cost, in, out);
  }

  /** Typed access to the current CSV record; parse failures become problems and return null. */
  private final class Row {
    private final String file;
    private final Map<String, Integer> col;
    private Csv.Row current;

    Row(String file, Map<String, Integer> col) {
      this.file = file;
      this.col = col;
    }

    void bind(Csv.Row row) {
      current = row;
    }

    String text(String name) {
      return current.fields().get(col.get(name)).strip();
    }

    Integer flag(String name) {
      String v = text(name);
      if (v.equals("0") || v.equals("1")) {
        return v.charAt(0) - '0';
      }
      return bad(name, v, "0 or 1");
    }

    Long count(String name) {
      String v = text(name);
      try {
        long n = Long.parseLong(v);
        if (n >= 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // An integer written as 123.0 is still a count.
        Double d = parse(v);
        if (d != null && d >= 0 && d == Math.rint(d)) {
          return d.longValue();
        }
      }
      return bad(name, v, "a non-negative integer");
    }

    /** 0 when the column is absent or the cell empty (latency is optional). */
    Long optionalCount(String name) {
      return !col.containsKey(name) || text(name).isEmpty() ? Long.valueOf(0) : count(name);
    }

    Double usd(String name) {
      String v = text(name);
      Double d = parse(v);
      return d != null && d >= 0 ? d : bad(name, v, "a non-negative number");
    }

    Double score(String name) {
      String v = text(name);
      Double d = parse(v);
      return d != null && d >= 0 && d <= 1 ? d : bad(name, v, "a number in [0,1]");
    }

    private <T> T bad(String name, String value, String expected) {
      problem(file, current.line(), name + " '" + value + "' is not " + expected);
      return null;
    }
  }

  private static Double parse(String v) {
    try {
      double d = Double.parseDouble(v);
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double number(JsonNode n) {
    return n != null && n.isNumber() ? n.asDouble() : null;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private void problem(String file, long line, String what) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(BenchDataException.at(file, line, what));
    }
  }

  private void failIfProblems() throws BenchDataException {
    if (!problems.isEmpty()) {
      throw new BenchDataException(problems);
    }
  }
}
