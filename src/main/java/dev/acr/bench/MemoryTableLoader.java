package dev.acr.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.context.Dimension;
import dev.acr.core.AttemptResult;
import dev.acr.core.AttemptStatus;
import dev.acr.core.Route;
import dev.acr.core.Task;
import dev.acr.memory.MemoryRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a memory JSONL file (live, imported or replayed) as a replay table. Records are grouped
 * by {@code task}; tasks are the distinct task keys in first-seen order, routes the distinct
 * routes in first-seen order. Each record is taken as a single-call outcome of its route on its
 * task; when a route was recorded more than once on a task the latest record wins (memory is
 * append-only, so later lines are newer). A route with no record on a task is unavailable there.
 */
public final class MemoryTableLoader {
  private final ObjectMapper json;

  public MemoryTableLoader(ObjectMapper json) {
    this.json = json;
  }

  public BenchTable load(Path file, String name) throws IOException, BenchDataException {
    List<String> problems = new ArrayList<>();
    Cells cells = new Cells();
    String where = file.toString();
    try (BufferedReader in = Files.newBufferedReader(file)) {
      long lineNo = 0;
      for (String line = in.readLine(); line != null && problems.size() < BenchLoader.MAX_PROBLEMS; line = in.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        MemoryRecord r;
        try {
          r = json.readValue(line, MemoryRecord.class);
        } catch (JsonProcessingException e) {
          problems.add(BenchDataException.at(where, lineNo, "not a memory record: " + e.getOriginalMessage()));
          continue;
        }
        cells.add(r, where, lineNo, problems);
      }
    } catch (NoSuchFileException e) {
      throw BenchDataException.of(where, 0, "no such file");
    }
    return cells.table(name, where, problems);
  }

  /**
   * The same table from records already in hand (a live bench's attempts), so a bench prints
   * exactly what {@code acr bench replay --memory} prints for the file those records go to.
   */
  public static BenchTable fromRecords(List<MemoryRecord> records, String name) throws BenchDataException {
    List<String> problems = new ArrayList<>();
    Cells cells = new Cells();
    for (int i = 0; i < records.size(); i++) {
      cells.add(records.get(i), name, i + 1, problems);
    }
    return cells.table(name, name, problems);
  }

  /** Tasks, routes and outcomes collected record by record, in first-seen order. */
  private static final class Cells {
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final Map<Route, Integer> routes = new LinkedHashMap<>();
    private final Map<String, Map<Integer, AttemptResult>> cells = new HashMap<>();

    void add(MemoryRecord r, String where, long lineNo, List<String> problems) {
      String what = check(r);
      if (what != null) {
        problems.add(BenchDataException.at(where, lineNo, what));
        return;
      }
      Route route = route(r);
      Dimension dim = r.dimension() == null ? null : Dimension.of(r.dimension());
      tasks.merge(r.task(), new Task(r.task(), r.prompt(), dim, r.bench(), r.language()), MemoryTableLoader::fill);
      int ri = routes.computeIfAbsent(route, k -> routes.size());
      cells.computeIfAbsent(r.task(), k -> new HashMap<>()).put(ri, cell(r, route));
    }

    BenchTable table(String name, String where, List<String> problems) throws BenchDataException {
      if (problems.isEmpty() && tasks.isEmpty()) {
        problems.add(BenchDataException.at(where, 0, "no memory records"));
      }
      if (!problems.isEmpty()) {
        throw new BenchDataException(problems);
      }
      List<Task> taskList = new ArrayList<>(tasks.values());
      AttemptResult[][] table = new AttemptResult[taskList.size()][routes.size()];
      for (int t = 0; t < taskList.size(); t++) {
        for (Map.Entry<Integer, AttemptResult> e : cells.get(taskList.get(t).key()).entrySet()) {
          table[t][e.getKey()] = e.getValue();
        }
      }
      return new BenchTable(name, taskList, new ArrayList<>(routes.keySet()), table, Map.of());
    }
  }

  private static String check(MemoryRecord r) {
    if (r.task() == null || r.task().isBlank()) {
      return "record without 'task'";
    }
    if ((r.tool() == null || r.tool().isBlank()) && (r.route() == null || r.route().isBlank())) {
      return "record without 'tool' or 'route'";
    }
    if (r.status() != null) {
      try {
        AttemptStatus.of(r.status());
      } catch (IllegalArgumentException e) {
        return "unknown status '" + r.status() + "'";
      }
    }
    if (r.dimension() != null) {
      try {
        Dimension.of(r.dimension());
      } catch (IllegalArgumentException e) {
        return e.getMessage();
      }
    }
    if (r.score() != null && !(r.score() >= 0 && r.score() <= 1)) {
      return "score " + r.score() + " is not in [0,1]";
    }
    if (r.costUsd() != null && !(r.costUsd() >= 0 && Double.isFinite(r.costUsd()))) {
      return "cost_usd " + r.costUsd() + " is not a non-negative number";
    }
    return null;
  }

  private static Route route(MemoryRecord r) {
    if (r.tool() != null && !r.tool().isBlank()) {
      return new Route(r.tool(), r.model());
    }
    int colon = r.route().indexOf(':');
    return colon < 0 ? new Route(r.route(), null) : new Route(r.route().substring(0, colon), r.route().substring(colon + 1));
  }

  private static AttemptResult cell(MemoryRecord r, Route route) {
    AttemptStatus status =
        r.status() != null ? AttemptStatus.of(r.status()) : r.resolved() ? AttemptStatus.VERIFIED : AttemptStatus.FAILED;
    return new AttemptResult(
        route, status, r.resolved(), r.performance(), r.applyOk(), r.exitCode(), r.durationMs(),
        r.costUsd(), r.inputTokens(), r.outputTokens());
  }

  /** The first record of a task gives its context; later ones only fill what it lacked. */
  private static Task fill(Task a, Task b) {
    return new Task(
        a.key(),
        a.prompt() != null ? a.prompt() : b.prompt(),
        a.dimension() != null ? a.dimension() : b.dimension(),
        a.bench() != null ? a.bench() : b.bench(),
        a.language() != null ? a.language() : b.language());
  }
}
