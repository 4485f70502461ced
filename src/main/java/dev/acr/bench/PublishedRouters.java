package dev.acr.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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

  public static List<Decisions> load(BenchSource source, BenchTable idTest, ObjectMapper json, Consumer<String> note)
      throws IOException, BenchDataException {
    List<Decisions> rows = new ArrayList<>();
    BenchSource bundled = BenchSource.bundled();
    for (var e : Decisions.PUBLISHED.entrySet()) {
      String file = FOLDER + e.getValue();
      BenchSource from = source.exists(file) ? source : bundled;
      if (from == bundled && e.getKey().equals("ACRouter") && source.exists(UPSTREAM_ACROUTER)) {
        from = source;
        file = UPSTREAM_ACROUTER;
      }
      try {
        rows.add(Decisions.parse(e.getKey(), from.describe(file), from.read(file), idTest, json));
      } catch (BenchDataException bad) {
        if (from != bundled || source.isBundled()) {
          throw bad;
        }
        note.accept("published routers' rows left out: the bundled decisions do not fit these "
            + idTest.name() + " tasks (" + bad.problems().get(0) + ")");
        return List.of();
      }
    }
    return rows;
  }
}
