package dev.acr.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.Router;
import dev.acr.core.Task;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A router's decisions file (JSONL, one object a line with {@code task_id} and {@code
 * chosen_model}; other fields, and tasks of other datasets, are ignored) mapped onto a table: the route it chose on each task.
 * Replayed as a single-call router, so a published router (or the user's own, with {@code
 * --decisions NAME=FILE}) is scored exactly as every other row. The file must name a known model
 * for every task of the dataset, once.
 */
public record Decisions(String name, Map<String, Integer> routeByTask) {

  /** The published routers' decisions on the ID test, shipped with acr: row name → file. */
  public static final Map<String, String> PUBLISHED = published();

  private static Map<String, String> published() {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put("ACRouter", "acrouter_id_test.jsonl");
    m.put("DimensionBest", "dimension_best_id_test.jsonl");
    m.put("Qwen3.5-0.8B-FT", "finetuned_router_qwen35_08b_id_test.jsonl");
    m.put("Qwen3.5-2B-FT", "finetuned_router_qwen35_2b_id_test.jsonl");
    m.put("Qwen3.5-9B-FT", "finetuned_router_qwen35_9b_v3_id_test.jsonl");
    m.put("Qwen3.5-27B-FT", "finetuned_router_qwen35_27b_v3_id_test.jsonl");
    m.put("LogReg", "logreg_id_test.jsonl");
    m.put("RouteLLM-SW", "routellm_sw_id_test.jsonl");
    m.put("RouteLLM-MF", "routellm_mf_id_test.jsonl");
    m.put("TF-IDF+MLP", "tfidf_mlp_id_test.jsonl");
    return java.util.Collections.unmodifiableMap(m);
  }

  public Decisions {
    routeByTask = Map.copyOf(routeByTask);
  }

  /** How many lines of a decisions file name a task of the table (to tell which dataset it is for). */
  public static int overlap(ObjectMapper json, String text, BenchTable table) throws IOException {
    int n = 0;
    try (JsonParser p = json.createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.FIELD_NAME && "task_id".equals(p.currentName())
            && p.nextToken() == JsonToken.VALUE_STRING && table.taskIndex(p.getText()) >= 0) {
          n++;
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // parse() reports where the file is broken
    }
    return n;
  }

  /**
   * Parses {@code text} (named {@code file} in messages) against the table: every task of the
   * table must be chosen once, with a model of models.json. Lines for tasks the table does not
   * have are skipped: five of the published files also cover 332 tasks outside the ID test.
   */
  public static Decisions parse(String name, String file, String text, BenchTable table, ObjectMapper json)
      throws BenchDataException, IOException {
    Map<String, Integer> byModel = new HashMap<>();
    for (int r = 0; r < table.routes().size(); r++) {
      byModel.put(table.routes().get(r).model(), r);
    }
    Map<String, Integer> chosen = new HashMap<>(table.taskCount() * 2);
    List<String> problems = new ArrayList<>();
    try (JsonParser p = json.createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null && problems.size() < BenchLoader.MAX_PROBLEMS; t = p.nextToken()) {
        long line = p.currentLocation().getLineNr();
        if (t != JsonToken.START_OBJECT) {
          problems.add(BenchDataException.at(file, line, "expected one JSON object a line"));
          break;
        }
        String task = null;
        String model = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken v = p.nextToken();
          if (v == JsonToken.VALUE_STRING && field.equals("task_id")) {
            task = p.getText();
          } else if (v == JsonToken.VALUE_STRING && field.equals("chosen_model")) {
            model = p.getText();
          } else {
            p.skipChildren();
          }
        }
        String what = task == null || model == null ? "needs string fields task_id and chosen_model"
            : table.taskIndex(task) < 0 ? ""
            : !byModel.containsKey(model) ? "model '" + model + "' is not in models.json"
            : chosen.putIfAbsent(task, byModel.get(model)) != null ? "task '" + task + "' decided twice"
            : null;
        if (what != null && !what.isEmpty()) {
          problems.add(BenchDataException.at(file, line, what));
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      problems.add(BenchDataException.at(file, line, "invalid JSON: " + e.getOriginalMessage()));
    }
    if (problems.isEmpty() && chosen.size() < table.taskCount()) {
      String missing = table.tasks().stream().map(Task::key).filter(k -> !chosen.containsKey(k)).findFirst().orElseThrow();
      problems.add(BenchDataException.at(file, 0, "decides " + chosen.size() + " of the " + table.taskCount()
          + " " + table.name() + " tasks (no decision for '" + missing + "'): a row must cover every task"));
    }
    if (!problems.isEmpty()) {
      throw new BenchDataException(problems);
    }
    return new Decisions(name, chosen);
  }

  /** The single-call router that replays these decisions. */
  Router router(RouteMenu menu) {
    return new Router() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<Route> plan(Task task, List<AttemptResult> attemptsSoFar) {
        Integer r = routeByTask.get(task.key());
        return attemptsSoFar.isEmpty() && r != null && menu.isOffered(task, r) ? menu.only(r) : List.of();
      }
    };
  }
}
