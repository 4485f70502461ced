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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Writes the replay's files into {@code --out}: table.md, table.csv, metrics.json, regret.svg,
 * decisions/&lt;router&gt;.jsonl (every dataset's canonical decisions of that router, each line
 * naming its dataset) and memory.jsonl (every router's canonical attempts in the live memory
 * format, {@code source: "replay"}; Random's are its first seed's).
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
  }

  /** decisions/ and memory.jsonl, which need only the canonical order. */
  public static void writeDetails(Path out, ObjectMapper json, List<BenchReplay.DatasetReport> reports) throws IOException {
    Files.createDirectories(out.resolve("decisions"));
    Map<String, List<Decision>> decisions = new LinkedHashMap<>();
    List<MemoryRecord> records = new ArrayList<>();
    for (BenchReplay.DatasetReport d : reports) {
      for (BenchReplay.RouterReport r : d.routers()) {
        decisions.computeIfAbsent(r.name(), k -> new ArrayList<>()).addAll(r.decisions());
        records.addAll(r.records());
      }
    }
    // memory.jsonl is most of the bytes, so it is written on a second thread meanwhile.
    CompletableFuture<Void> memory = CompletableFuture.runAsync(() -> {
      try {
        writeJsonl(json, out.resolve("memory.jsonl"), records);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    for (Map.Entry<String, List<Decision>> e : decisions.entrySet()) {
      writeDecisions(json, out.resolve("decisions").resolve(fileName(e.getKey()) + ".jsonl"), e.getValue());
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
