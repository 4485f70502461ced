package dev.acr.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.acr.memory.MemoryRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the replay's files into {@code --out}: table.md, table.csv, metrics.json, regret.svg,
 * decisions/&lt;router&gt;.jsonl (every dataset's canonical decisions of that router, each line
 * naming its dataset) and memory.jsonl (every router's canonical attempts in the live memory
 * format, {@code source: "replay"}; Random's are its first seed's).
 */
public final class ReplayFiles {
  private ReplayFiles() {}

  public static void write(Path out, ObjectMapper json, List<BenchReplay.DatasetReport> reports, BenchReplay.Options options)
      throws IOException {
    Files.createDirectories(out.resolve("decisions"));
    Files.writeString(out.resolve("table.md"), ReportTables.markdown(reports, options));
    Files.writeString(out.resolve("table.csv"), ReportTables.csv(reports));
    Files.writeString(out.resolve("metrics.json"),
        json.writerWithDefaultPrettyPrinter().writeValueAsString(MetricsJson.build(json, reports, options)) + "\n");
    Files.writeString(out.resolve("regret.svg"), RegretSvg.render(reports));
    ObjectWriter line = json.writer();
    Map<String, StringBuilder> decisions = new LinkedHashMap<>();
    for (BenchReplay.DatasetReport d : reports) {
      for (BenchReplay.RouterReport r : d.routers()) {
        StringBuilder sb = decisions.computeIfAbsent(r.name(), k -> new StringBuilder());
        for (Decision dec : r.decisions()) {
          sb.append(line.writeValueAsString(dec)).append('\n');
        }
      }
    }
    for (Map.Entry<String, StringBuilder> e : decisions.entrySet()) {
      Files.writeString(out.resolve("decisions").resolve(fileName(e.getKey()) + ".jsonl"), e.getValue());
    }
    try (BufferedWriter w = Files.newBufferedWriter(out.resolve("memory.jsonl"))) {
      for (BenchReplay.DatasetReport d : reports) {
        for (BenchReplay.RouterReport r : d.routers()) {
          writeRecords(w, line, r.records());
        }
      }
    }
  }

  /** Writes records as JSONL, one per line, in the live memory format. */
  public static void writeRecords(BufferedWriter w, ObjectWriter line, List<MemoryRecord> records) throws IOException {
    for (MemoryRecord rec : records) {
      w.write(line.writeValueAsString(rec));
      w.write('\n');
    }
  }

  /** Router names become file names; anything unusual in a name turns into '_'. */
  static String fileName(String router) {
    return router.replaceAll("[^A-Za-z0-9._+-]", "_");
  }
}
