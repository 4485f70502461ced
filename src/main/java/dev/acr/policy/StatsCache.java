package dev.acr.policy;

import dev.acr.memory.MemoryRange;
import dev.acr.memory.MemoryStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The policy's statistics for a memory file, without reading a million lines at every start.
 *
 * <p>Beside {@code memory.jsonl} lies {@code memory.jsonl.stats}: the {@link MemoryStats} of the
 * file's first {@code length} bytes ({@link StatsSnapshot}), with the number of lines and problems
 * there, and checksums of the first 4 KiB and the last 64 KiB of those bytes. Loading takes the
 * snapshot when the file still starts with those bytes as far as the checksums tell (it is at
 * least as long, same head, same tail at {@code length}) and reads only what was appended since;
 * anything else (compacted, merged, edited, replaced, shorter, a damaged or older snapshot) reads
 * the whole file. Either way the statistics are exactly those of reading every record in order
 * ({@code StatsCacheTest}). An edit in the middle that keeps length, head and tail the same goes
 * unnoticed; acr's own rewrites of memory (compact, import, merge) all change its tail or length.
 *
 * <p>The snapshot only ever covers complete lines (up to the last line feed), so a line another
 * process is writing is read again next time, whole. Writing the snapshot is best effort: it is a
 * cache, and a read-only memory directory just means reading the appended part every time.
 */
public final class StatsCache {

  /**
   * Memory as the policy needs it: the statistics and what reading skipped. {@code saved}: the
   * snapshot beside memory was written anew (a derived file; a dry run says so). {@code rebuilt}:
   * it was written from the whole of memory (there was none, or memory was rewritten since), not
   * only extended with what a run appended, which is what happens after nearly every run.
   */
  public record Loaded(MemoryStats stats, long problemCount, String firstProblem, boolean saved, boolean rebuilt) {}

  static final String SUFFIX = ".stats";
  // "acr-sta2": tallies gained the idle count (an older snapshot is read as foreign, so memory is read whole).
  private static final long MAGIC = 0x6163722d73746132L;
  private static final int HEAD = 4 * 1024;
  private static final int TAIL = 64 * 1024;

  private StatsCache() {}

  /** The snapshot file for {@code memory}. */
  static Path snapshotOf(Path memory) {
    return memory.resolveSibling(memory.getFileName() + SUFFIX);
  }

  /** What the snapshot says about its memory file, and the statistics up to {@code length}. */
  private record Snapshot(long length, long lines, long problemCount, String firstProblem, MemoryStats stats) {}

  /** The statistics of every record in {@code memory}; a missing file is empty memory. */
  public static Loaded load(Path memory) throws IOException {
    FileChannel ch;
    try {
      ch = FileChannel.open(memory, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return new Loaded(new MemoryStats(), 0, null, false, false);
    }
    try (ch) {
      long size = ch.size();
      Snapshot snap = matching(memory, ch, size);
      MemoryStats stats = snap != null ? snap.stats() : new MemoryStats();
      long from = snap != null ? snap.length() : 0;
      long lines = snap != null ? snap.lines() : 0;
      long[] problemCount = {snap != null ? snap.problemCount() : 0};
      String[] firstProblem = {snap != null ? snap.firstProblem() : null};
      MemoryStore.LineSink sink = line -> {
        if (line.record() != null) {
          stats.append(line.record());
        } else {
          problemCount[0]++;
          if (firstProblem[0] == null) {
            firstProblem[0] = line.problem();
          }
        }
      };
      long settled = Math.max(from, MemoryRange.settledEnd(ch, size));
      boolean saved = settled > from;
      if (saved) {
        lines = MemoryRange.forEachLine(memory, ch, from, settled, lines, sink);
        save(memory, ch, new Snapshot(settled, lines, problemCount[0], firstProblem[0], stats));
      }
      MemoryRange.forEachLine(memory, ch, settled, size, lines, sink);
      return new Loaded(stats, problemCount[0], firstProblem[0], saved, saved && snap == null);
    }
  }

  /** The snapshot beside {@code memory} when it describes this file's start; else null. */
  private static Snapshot matching(Path memory, FileChannel ch, long size) {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(
        Files.newInputStream(snapshotOf(memory)), 64 * 1024))) {
      if (in.readLong() != MAGIC) {
        return null;
      }
      long length = in.readLong();
      long lines = in.readLong();
      if (length > size || in.readLong() != headSum(ch, length) || in.readLong() != tailSum(ch, length)) {
        return null;
      }
      long problemCount = in.readLong();
      String firstProblem = in.readBoolean() ? in.readUTF() : null;
      MemoryStats stats = StatsSnapshot.read(in);
      return new Snapshot(length, lines, problemCount, firstProblem, stats);
    } catch (IOException | RuntimeException e) {
      // Missing, damaged, older or foreign: read the memory file itself.
      return null;
    }
  }

  private static void save(Path memory, FileChannel ch, Snapshot s) {
    Path target = snapshotOf(memory);
    Path temp = null;
    try {
      temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".",
          ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (OutputStream file = Files.newOutputStream(temp);
          DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file, 64 * 1024))) {
        out.writeLong(MAGIC);
        out.writeLong(s.length());
        out.writeLong(s.lines());
        out.writeLong(headSum(ch, s.length()));
        out.writeLong(tailSum(ch, s.length()));
        out.writeLong(s.problemCount());
        out.writeBoolean(s.firstProblem() != null);
        if (s.firstProblem() != null) {
          out.writeUTF(s.firstProblem());
        }
        StatsSnapshot.write(s.stats(), out);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException | RuntimeException e) {
      // A cache: not being able to write it only costs reading the appended lines next time.
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // Nothing more to do for a temporary file.
        }
      }
    }
  }

  private static long headSum(FileChannel ch, long length) throws IOException {
    return MemoryRange.checksum(ch, 0, Math.min(HEAD, length));
  }

  private static long tailSum(FileChannel ch, long length) throws IOException {
    return MemoryRange.checksum(ch, Math.max(0, length - TAIL), length);
  }
}
