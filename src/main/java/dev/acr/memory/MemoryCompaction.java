package dev.acr.memory;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code acr memory compact}: rewrites memory without its unreadable lines (torn writes, bad
 * JSON, records without route or status: what every reader skips anyway) and without repeated
 * records ({@link RecordIdentity}; the first one stays), keeping every other line byte for byte
 * and in order. Blank lines go too.
 *
 * <p>Safe against crashes and concurrent runs: the new file is an {@link AtomicFile} (written
 * beside the old one, forced to disk, given the old file's permissions, renamed over it), and all
 * of it happens while holding the lock every writer takes ({@link MemoryLock}), so an acr run
 * appending meanwhile waits and then appends to the new file. Any failure before the rename
 * leaves the original untouched; a temporary file left by a killed compaction is removed by the
 * next one. When there is nothing to drop the file is left alone.
 */
public final class MemoryCompaction {

  /** What compaction found and kept. Lines count non-blank lines. */
  public record Result(long lines, long duplicates, long unreadable, long kept, boolean rewritten) {}

  /** A step between writing the new file and renaming it; tests use it to fail there. */
  @FunctionalInterface
  interface BeforeRename {
    void run(Path newFile) throws IOException;
  }

  private MemoryCompaction() {}

  /**
   * Compacts {@code memory} (or with {@code dryRun} only counts what it would drop), telling
   * {@code problems} about each unreadable line. A missing file is empty memory.
   */
  public static Result compact(Path memory, boolean dryRun, Consumer<String> problems) throws IOException {
    return compact(memory, dryRun, problems, newFile -> {});
  }

  static Result compact(Path memory, boolean dryRun, Consumer<String> problems, BeforeRename beforeRename)
      throws IOException {
    if (dryRun) {
      // Only reads, like every reader: no lock, nothing created.
      return scan(memory, problems, null);
    }
    return MemoryLock.hold(memory, () -> {
      Path real = MemoryLock.realPath(memory);
      removeLeftovers(real);
      if (!Files.exists(real)) {
        return new Result(0, 0, 0, 0, false);
      }
      try (AtomicFile next = AtomicFile.create(real)) {
        Result r = scan(real, problems, next.writer());
        if (r.duplicates() == 0 && r.unreadable() == 0) {
          return r;
        }
        next.written();
        beforeRename.run(next.temp());
        next.commit(Files.getPosixFilePermissions(real));
        return new Result(r.lines(), r.duplicates(), r.unreadable(), r.kept(), true);
      }
    });
  }

  /** Counts (and with {@code out}, writes) the lines to keep. */
  private static Result scan(Path file, Consumer<String> problems, Writer out) throws IOException {
    Set<RecordIdentity> seen = new HashSet<>();
    long[] lines = {0};
    long[] duplicates = {0};
    long[] unreadable = {0};
    new MemoryStore(file).forEachLine(MemoryStore::parse, line -> {
      lines[0]++;
      if (line.record() == null) {
        unreadable[0]++;
        problems.accept(line.problem());
      } else if (!seen.add(RecordIdentity.of(line.record()))) {
        duplicates[0]++;
      } else if (out != null) {
        out.write(line.text());
        out.write('\n');
      }
    });
    return new Result(lines[0], duplicates[0], unreadable[0], lines[0] - duplicates[0] - unreadable[0], false);
  }

  /** Temporary files of a compaction that was killed: nobody else writes them while we hold the lock. */
  private static void removeLeftovers(Path real) throws IOException {
    String prefix = AtomicFile.tempPrefix(real);
    DirectoryStream.Filter<Path> ours = p -> {
      String name = p.getFileName().toString();
      return name.startsWith(prefix) && name.endsWith(AtomicFile.TEMP_SUFFIX);
    };
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(real.getParent(), ours)) {
      for (Path p : leftovers) {
        Files.deleteIfExists(p);
      }
    }
  }
}
