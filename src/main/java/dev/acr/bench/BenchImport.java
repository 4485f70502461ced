package dev.acr.bench;

import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.Task;
import dev.acr.memory.MemoryRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts a benchmark table to memory records: one record per task × route, {@code source:
 * "import"}, so the tables and a user's own memory are read by the same replay path. The score
 * field follows the live loop's rule (set only where performance is not simply resolved 1/0).
 */
public final class BenchImport {
  /** Imported records carry no real time; a fixed one keeps imports byte-identical. */
  public static final String IMPORT_TS = "1970-01-01T00:00:00Z";

  private BenchImport() {}

  public static List<MemoryRecord> records(BenchTable table) {
    List<MemoryRecord> out = new ArrayList<>(table.taskCount() * table.routes().size());
    for (int t = 0; t < table.taskCount(); t++) {
      Task task = table.tasks().get(t);
      for (int r : table.offered(t)) {
        out.add(record(table.name(), task, table.cell(t, r)));
      }
    }
    return out;
  }

  static MemoryRecord record(String dataset, Task task, AttemptResult c) {
    Route route = c.route();
    boolean hasScore = c.performance() != (c.resolved() ? 1.0 : 0.0);
    return new MemoryRecord(
        IMPORT_TS,
        "import:" + dataset,
        1,
        task.key(),
        MemoryRecord.truncatePrompt(task.prompt()),
        task.dimension() == null ? null : task.dimension().id(),
        route.tool(),
        route.model(),
        route.name(),
        c.resolved(),
        c.applyOk(),
        c.status().id(),
        c.exitCode(),
        c.durationMs(),
        c.costUsd(),
        c.inputTokens(),
        c.outputTokens(),
        "import",
        hasScore ? c.performance() : null,
        task.bench(),
        task.language());
  }
}
