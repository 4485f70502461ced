package dev.acr.memory;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * {@code acr memory export}: the readable records of a memory file as JSONL, in file order,
 * written the way the store writes them, optionally only recent ones and without prompts (for
 * sharing: {@code task} still holds each live prompt's sha256, so records group as before).
 */
public final class MemoryExport {

  /** How many records were written and how many unreadable lines were skipped. */
  public record Result(long written, long skipped) {}

  private MemoryExport() {}

  /**
   * Writes {@code memory}'s records to {@code out}. {@code since}: only records at or after it
   * (records without a readable {@code ts} are left out then); null for all.
   */
  public static Result write(Path memory, Instant since, boolean dropPrompts, Writer out, Consumer<String> problems)
      throws IOException {
    long[] written = {0};
    long[] skipped = {0};
    new MemoryStore(memory).forEachLine(MemoryStore::parse, line -> {
      MemoryRecord r = line.record();
      if (r == null) {
        skipped[0]++;
        problems.accept(line.problem());
        return;
      }
      if (since != null) {
        Instant ts = MemorySummary.instant(r.ts());
        if (ts == null || ts.isBefore(since)) {
          return;
        }
      }
      out.write(MemoryStore.toLine(dropPrompts ? r.withoutPrompt() : r));
      out.write('\n');
      written[0]++;
    });
    return new Result(written[0], skipped[0]);
  }
}
