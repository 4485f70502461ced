package dev.acr.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.memory.MemoryRecord;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

  /**
   * table.md, table.csv, metrics.json, regret.svg and time-cost.svg (they need the shuffled
   * orders). The figures are made on a second thread while this one makes the tables: the summary
   * is code run once, not yet compiled, after the replay, when the second core is otherwise idle.
   */
  public static void writeSummary(Path out, ObjectMapper json, List<BenchReplay.DatasetReport> reports, BenchReplay.Options options)
      throws IOException {
    Files.createDirectories(out);
    CompletableFuture<Void> figures = CompletableFuture.runAsync(() -> {
      try {
        Files.writeString(out.resolve("metrics.json"),
            json.writerWithDefaultPrettyPrinter().writeValueAsString(MetricsJson.build(json, reports, options)) + "\n");
        Files.writeString(out.resolve("regret.svg"), RegretSvg.render(reports));
        Files.writeString(out.resolve("time-cost.svg"), TimeCostSvg.render(reports));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    Files.writeString(out.resolve("table.md"), ReportTables.markdown(reports, options));
    Files.writeString(out.resolve("table.csv"), ReportTables.csv(reports));
    try {
      figures.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw e;
    }
  }

  /**
   * The canonical details as {@link BenchReplay.Details}: per attempt limit N, each row's
   * first-seed decisions go to {@code capN/decisions/<row>.jsonl} and its memory records to {@code
   * capN/memory.jsonl}. They arrive in report order (every dataset's rows in turn), so each part is
   * appended to its files; the first part of a file in this replay starts it afresh. The lines are
   * serialised on the job's thread, so only their bytes wait to be written.
   */
  public static BenchReplay.Details details(Path out, ObjectMapper json) {
    Set<Path> started = new HashSet<>(); // touched by write() only, on the calling thread
    return (plan, row, first) -> {
      ByteArrayOutputStream decisions = lines(json, first.decisions().size() * 256, g -> writeDecisions(g, first.decisions()));
      ByteArrayOutputStream memory = lines(json, first.records().size() * 512, g -> writeRecords(g, first.records()));
      return () -> {
        Path cap = out.resolve(MetricsJson.capKey(plan.cap()));
        // Not createDirectories' answer: absolute when it made the folder, as given after that.
        Path dir = cap.resolve("decisions");
        Files.createDirectories(dir);
        append(started, dir.resolve(fileName(row.name()) + ".jsonl"), decisions);
        append(started, cap.resolve("memory.jsonl"), memory);
      };
    };
  }

  /** Writes memory records as JSONL, one line each, streaming. */
  public static void writeJsonl(ObjectMapper json, Path file, List<MemoryRecord> records) throws IOException {
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        JsonGenerator g = json.getFactory().createGenerator(os)) {
      g.setRootValueSeparator(null);
      writeRecords(g, records);
    }
  }

  /** Writes JSON lines through one generator. */
  @FunctionalInterface
  private interface Lines {
    void write(JsonGenerator g) throws IOException;
  }

  /** The bytes {@code body} writes, one JSON value a line. */
  private static ByteArrayOutputStream lines(ObjectMapper json, int sizeHint, Lines body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(32, sizeHint));
    try (JsonGenerator g = json.getFactory().createGenerator(bytes)) {
      g.setRootValueSeparator(null);
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
    return bytes;
  }

  /** Appends {@code bytes} to {@code file}, which the first call for that file truncates. */
  private static void append(Set<Path> started, Path file, ByteArrayOutputStream bytes) throws IOException {
    OpenOption[] options = started.add(file.toAbsolutePath().normalize())
        ? new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE}
        : new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.APPEND};
    try (OutputStream os = Files.newOutputStream(file, options)) {
      bytes.writeTo(os);
    }
  }

  private static void writeRecords(JsonGenerator g, List<MemoryRecord> records) throws IOException {
    for (MemoryRecord r : records) {
      r.writeTo(g);
      g.writeRaw('\n');
    }
  }

  /**
   * Decisions through the streaming generator rather than data binding: tens of thousands of
   * lines are written right after JVM start, where reflective binding is still slow. The field
   * names are quoted and encoded once (see {@link MemoryRecord#writeTo}).
   */
  private static void writeDecisions(JsonGenerator g, List<Decision> decisions) throws IOException {
    for (Decision d : decisions) {
      g.writeStartObject();
      field(g, DecisionNames.DATASET, d.dataset());
      g.writeFieldName(DecisionNames.INDEX);
      g.writeNumber(d.index());
      field(g, DecisionNames.TASK, d.task());
      g.writeFieldName(DecisionNames.CHAIN);
      g.writeStartArray();
      for (String r : d.chain()) {
        g.writeString(r);
      }
      g.writeEndArray();
      field(g, DecisionNames.FINAL_ROUTE, d.finalRoute());
      field(g, DecisionNames.OUTCOME, d.outcome());
      field(g, DecisionNames.STOP, d.stop());
      field(g, DecisionNames.PERFORMANCE, d.performance());
      field(g, DecisionNames.COST_USD, d.costUsd());
      field(g, DecisionNames.REWARD, d.reward());
      field(g, DecisionNames.REGRET, d.regret());
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void field(JsonGenerator g, SerializableString name, String value) throws IOException {
    g.writeFieldName(name);
    g.writeString(value);
  }

  private static void field(JsonGenerator g, SerializableString name, double value) throws IOException {
    g.writeFieldName(name);
    g.writeNumber(value);
  }

  /** The field names of a decisions line, in {@link Decision}'s order. */
  private static final class DecisionNames {
    static final SerializableString DATASET = new SerializedString("dataset");
    static final SerializableString INDEX = new SerializedString("index");
    static final SerializableString TASK = new SerializedString("task");
    static final SerializableString CHAIN = new SerializedString("chain");
    static final SerializableString FINAL_ROUTE = new SerializedString("final_route");
    static final SerializableString OUTCOME = new SerializedString("outcome");
    static final SerializableString STOP = new SerializedString("stop");
    static final SerializableString PERFORMANCE = new SerializedString("performance");
    static final SerializableString COST_USD = new SerializedString("cost_usd");
    static final SerializableString REWARD = new SerializedString("reward");
    static final SerializableString REGRET = new SerializedString("regret");
  }

  /** Router names become file names; anything unusual in a name turns into '_'. */
  static String fileName(String router) {
    return router.replaceAll("[^A-Za-z0-9._+-]", "_");
  }
}
