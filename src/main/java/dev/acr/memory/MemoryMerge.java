package dev.acr.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code acr memory import}: appends the records of other memory files (a teammate's export, an
 * older machine's memory) that this memory does not have yet ({@link RecordIdentity}). Each input
 * line is checked by the rules every reader of memory uses; a line that is not a record is
 * skipped and reported with its file and line number. Records are appended as the store writes
 * them, under the store's lock, and only once all inputs have been read; if anything fails, the
 * memory is cut back to what it was, so a bad input never leaves half an import behind.
 */
public final class MemoryMerge {

  /** What one input file contributed. */
  public record FileResult(Path file, long added, long duplicates, long bad) {}

  /** An input that is not memory at all; nothing was imported. */
  public static final class InputError extends IOException {
    public InputError(String message) {
      super(message);
    }
  }

  private MemoryMerge() {}

  /**
   * Merges {@code inputs} into {@code memory}. Every input must be a readable file, and must hold
   * at least one record unless it is empty; otherwise nothing is imported and {@link InputError}
   * says why.
   */
  public static List<FileResult> merge(Path memory, List<Path> inputs, Consumer<String> problems) throws IOException {
    for (Path in : inputs) {
      if (!Files.isRegularFile(in)) {
        throw new InputError("cannot import " + in + ": " + (Files.exists(in) ? "not a regular file" : "no such file"));
      }
      if (!Files.isReadable(in)) {
        throw new InputError("cannot import " + in + ": not readable (check its permissions)");
      }
    }
    MemoryStore ours = new MemoryStore(memory);
    return MemoryLock.hold(memory, () -> {
      Set<RecordIdentity> known = new HashSet<>();
      // Our own unreadable lines are no business of an import (compact drops them).
      ours.forEach(r -> known.add(RecordIdentity.of(r)), problem -> {});
      MemoryStore.Appender[] out = {null};
      try {
        List<FileResult> results = new ArrayList<>();
        for (Path in : inputs) {
          results.add(mergeOne(in, ours, known, out, problems));
        }
        if (out[0] != null) {
          out[0].commit();
        }
        return results;
      } catch (IOException | RuntimeException e) {
        if (out[0] != null) {
          out[0].rollback();
        }
        throw e;
      } finally {
        if (out[0] != null) {
          out[0].close();
        }
      }
    });
  }

  private static FileResult mergeOne(
      Path in, MemoryStore ours, Set<RecordIdentity> known, MemoryStore.Appender[] out, Consumer<String> problems)
      throws IOException {
    long[] added = {0};
    long[] duplicates = {0};
    long[] bad = {0};
    new MemoryStore(in).forEachLine(MemoryStore::parse, line -> {
      if (line.record() == null) {
        bad[0]++;
        problems.accept(line.problem());
      } else if (!known.add(RecordIdentity.of(line.record()))) {
        duplicates[0]++;
      } else {
        if (out[0] == null) {
          // Opened on the first new record, so an import that adds nothing creates nothing.
          out[0] = ours.appender();
        }
        out[0].write(MemoryStore.toLine(line.record()));
        added[0]++;
      }
    });
    if (bad[0] > 0 && added[0] + duplicates[0] == 0) {
      throw new InputError(in + " is not acr memory: none of its " + bad[0] + " line(s) is a record; nothing was"
          + " imported");
    }
    return new FileResult(in, added[0], duplicates[0], bad[0]);
  }
}
