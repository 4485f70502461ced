package dev.acr.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.memory.MemoryRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Writes the replay's files into {@code --out}: table.md, table.csv, metrics.json, regret.svg and,
 * per attempt limit N, capN/decisions/&lt;router&gt;.jsonl (every dataset's canonical decisions of
 * that router, each line naming its dataset) and capN/memory.jsonl (every router's canonical
 * attempts in the live memory format, {@code source: "replay"}); both from each router's first
 * seed.
 */
public final class ReplayFiles {
  private ReplayFiles() {}

  /** Everything: the summary and the canonical details. */
  public static void write(Path out, ObjectMapper json, List<BenchReplay.DatasetReport> reports, BenchReplay.Options options)
      throws IOException {
    writeDetails(out, json, reports);
    writeSummary(out, json, reports, options);
  }

  /** table.md, table.csv, metrics.json and regret.svg (need the shuffled orders). */
  public static void writeSummary(Path out, ObjectMapper json, List<BenchReplay.DatasetReport> reports, BenchReplay.Options options)
      throws IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("table.md"), ReportTables.markdown(reports, options));
    Files.writeString(out.resolve("table.csv"), ReportTables.csv(reports));
    Files.writeString(out.resolve("metrics.json"),
        json.writerWithDefaultPrettyPrinter().writeValueAsString(MetricsJson.build(json, reports, options)) + "\n");
    Files.writeString(out.resolve("regret.svg"), RegretSvg.render(reports));
    Files.writeString(out.resolve("time-cost.svg"), TimeCostSvg.render(reports));
  }

  /**
   * Per attempt limit N, {@code capN/decisions/<router>.jsonl} and {@code capN/memory.jsonl},
   * which need only the canonical order's first seed.
   */
  public static void writeDetails(Path out, ObjectMapper json, List<BenchReplay.DatasetReport> reports) throws IOException {
    Map<Integer, Map<String, List<Decision>>> decisions = new TreeMap<>();
    Map<Integer, List<MemoryRecord>> records = new TreeMap<>();
    for (BenchReplay.DatasetReport d : reports) {
      for (BenchReplay.RouterReport r : d.routers()) {
        decisions.computeIfAbsent(d.cap(), k -> new LinkedHashMap<>())
            .computeIfAbsent(r.name(), k -> new ArrayList<>()).addAll(r.decisions());
        records.computeIfAbsent(d.cap(), k -> new ArrayList<>()).addAll(r.records());
      }
    }
    // memory.jsonl is most of the bytes, so the memory files are written on a second thread meanwhile.
    CompletableFuture<Void> memory = CompletableFuture.runAsync(() -> {
      try {
        for (Map.Entry<Integer, List<MemoryRecord>> e : records.entrySet()) {
          Path dir = Files.createDirectories(out.resolve(MetricsJson.capKey(e.getKey())));
          writeJsonl(json, dir.resolve("memory.jsonl"), e.getValue());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    for (Map.Entry<Integer, Map<String, List<Decision>>> cap : decisions.entrySet()) {
      Path dir = Files.createDirectories(out.resolve(MetricsJson.capKey(cap.getKey())).resolve("decisions"));
      for (Map.Entry<String, List<Decision>> e : cap.getValue().entrySet()) {
        writeDecisions(json, dir.resolve(fileName(e.getKey()) + ".jsonl"), e.getValue());
      }
    }
    try {
      memory.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw e;
    }
  }

  /** Writes memory records as JSONL, one line each, streaming. */
  public static void writeJsonl(ObjectMapper json, Path file, List<MemoryRecord> records) throws IOException {
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        JsonGenerator g = json.getFactory().createGenerator(os)) {
      g.setRootValueSeparator(null);
      for (MemoryRecord r : records) {
        r.writeTo(g);
        g.writeRaw('\n');
      }
    }
  }

  /**
   * Decisions through the streaming generator rather than data binding: tens of thousands of
   * lines are written right after JVM start, where reflective binding is still slow.
   */
  static void writeDecisions(ObjectMapper json, Path file, List<Decision> decisions) throws IOException {
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        JsonGenerator g = json.getFactory().createGenerator(os)) {
      g.setRootValueSeparator(null);
      for (Decision d : decisions) {
        g.writeStartObject();
        g.writeStringField("dataset", d.dataset());
        g.writeNumberField("index", d.index());
        g.writeStringField("task", d.task());
        g.writeArrayFieldStart("chain");
        for (String r : d.chain()) {
          g.writeString(r);
        }
        g.writeEndArray();
        g.writeStringField("final_route", d.finalRoute());
        g.writeStringField("outcome", d.outcome());
        g.writeStringField("stop", d.stop());
        g.writeNumberField("performance", d.performance());
        g.writeNumberField("cost_usd", d.costUsd());
        g.writeNumberField("reward", d.reward());
        g.writeNumberField("regret", d.regret());
        g.writeEndObject();
        g.writeRaw('\n');
      }
    }
  }

  /** Router names become file names; anything unusual in a name turns into '_'. */
  static String fileName(String router) {
    return router.replaceAll("[^A-Za-z0-9._+-]", "_");
  }
}
