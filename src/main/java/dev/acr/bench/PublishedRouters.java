package dev.acr.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.core.Failures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * The published single-call routers of the ID test ({@link Decisions#PUBLISHED}). Each file is
 * read from the data folder when it has one ({@code decisions/FILE}, as in this project's copy;
 * for ACRouter also the Hugging Face layout's {@code outputs/current/id_decisions.jsonl}), else
 * from the copy bundled in acr. The bundled copy fits only the real ID test: on other ID tasks
 * (a test fixture, a changed upstream) the rows are left out with one note on stderr.
 */
public final class PublishedRouters {
  static final String FOLDER = "decisions/";
  static final String UPSTREAM_ACROUTER = "outputs/current/id_decisions.jsonl";

  private PublishedRouters() {}

  /** Where one row's file is read from. */
  private record Source(String name, BenchSource from, String file) {}

  /**
   * The rows, in {@link Decisions#PUBLISHED} order. The files are parsed at once, each on a
   * thread of its own: ~2.5 MB of JSON, read by code the JIT has not compiled yet, was the
   * replay's last serial step before it starts (~80 ms with the second core idle).
   */
  public static List<Decisions> load(BenchSource source, BenchTable idTest, ObjectMapper json, Consumer<String> note)
      throws IOException, BenchDataException, InterruptedException {
    BenchSource bundled = BenchSource.bundled();
    List<Source> sources = new ArrayList<>();
    List<CompletableFuture<Decisions>> parsed = new ArrayList<>();
    for (Map.Entry<String, String> e : Decisions.PUBLISHED.entrySet()) {
      Source s = source(source, bundled, e.getKey(), FOLDER + e.getValue());
      sources.add(s);
      parsed.add(CompletableFuture.supplyAsync(() -> {
        try {
          return Decisions.parse(s.name(), s.from().describe(s.file()), s.from().read(s.file()), idTest, json);
        } catch (IOException | BenchDataException ex) {
          throw new CompletionException(ex);
        }
      }));
    }
    List<Decisions> rows = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      try {
        rows.add(parsed.get(i).get());
      } catch (ExecutionException ex) {
        if (ex.getCause() instanceof IOException io) {
          throw io;
        }
        if (!(ex.getCause() instanceof BenchDataException bad)) {
          throw Failures.rethrow(ex);
        }
        if (sources.get(i).from() != bundled || source.isBundled()) {
          throw bad;
        }
        note.accept("published routers' rows left out: the bundled decisions do not fit these "
            + idTest.name() + " tasks (" + bad.problems().get(0) + ")");
        return List.of();
      }
    }
    return rows;
  }

  /** The data folder's copy of {@code file} when it has one, else the bundled copy. */
  private static Source source(BenchSource source, BenchSource bundled, String name, String file) {
    if (source.exists(file)) {
      return new Source(name, source, file);
    }
    if (name.equals("ACRouter") && source.exists(UPSTREAM_ACROUTER)) {
      return new Source(name, source, UPSTREAM_ACROUTER);
    }
    return new Source(name, bundled, file);
  }
}
