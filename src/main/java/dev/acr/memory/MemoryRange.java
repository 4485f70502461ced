package dev.acr.memory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Part of an open memory file, for readers that resume where they stopped instead of reading the
 * whole file again (see {@code policy/StatsCache}). Lines are read by exactly the rules of {@link
 * MemoryStore#forEachLine}, and a range that starts just after a line feed reads the same lines,
 * with the same numbers, as the whole file does there.
 */
public final class MemoryRange {

  private MemoryRange() {}

  /**
   * Where the file's complete lines end: just after its last line feed, 0 when it has none.
   * Bytes after it may be a line another process is still writing, so no reader should take them
   * as settled.
   */
  public static long settledEnd(FileChannel ch, long size) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(8192);
    long end = size;
    while (end > 0) {
      long from = Math.max(0, end - buf.capacity());
      buf.clear().limit((int) (end - from));
      readFully(ch, buf, from);
      for (int i = buf.limit() - 1; i >= 0; i--) {
        if (buf.get(i) == '\n') {
          return from + i + 1;
        }
      }
      end = from;
    }
    return 0;
  }

  /** CRC-32C of bytes {@code [from, to)}: enough to notice a file rewritten by someone else. */
  public static long checksum(FileChannel ch, long from, long to) throws IOException {
    CRC32C crc = new CRC32C();
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    for (long at = from; at < to; ) {
      buf.clear().limit((int) Math.min(buf.capacity(), to - at));
      readFully(ch, buf, at);
      buf.flip();
      crc.update(buf);
      at += buf.limit();
    }
    return crc.getValue();
  }

  /**
   * Every non-blank line of bytes {@code [from, to)} with the record it holds,
   * numbered on from {@code linesBefore} (the lines, blank ones too, before {@code from}), by the
   * rules of {@link MemoryStore#forEachLine}. Returns the number of the last line read.
   */
  public static long forEachLine(
      Path file, FileChannel ch, long from, long to, long linesBefore, MemoryStore.LineSink sink)
      throws IOException {
    long number = linesBefore;
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(new Slice(ch, from, to), StandardCharsets.UTF_8), 64 * 1024)) {
      String text;
      while ((text = in.readLine()) != null) {
        number++;
        if (text.isBlank()) {
          continue;
        }
        MemoryRecord r = MemoryStore.readOrNull(MemoryStore::parse, text);
        MemoryStore.Problem problem = MemoryStore.Problem.of(r);
        sink.accept(problem == null
            ? new MemoryStore.Line((int) number, text, r, null)
            : new MemoryStore.Line((int) number, text, null, problem.message(file, number)));
      }
    }
    return number;
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long at) throws IOException {
    long position = at;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, position);
      if (n < 0) {
        throw new IOException("memory file shrank while being read");
      }
      position += n;
    }
  }

  /** Bytes {@code [from, to)} of a channel, read by position (the channel's own is left alone). */
  private static final class Slice extends InputStream {
    private final FileChannel ch;
    private long at;
    private final long to;

    Slice(FileChannel ch, long from, long to) {
      this.ch = ch;
      this.at = from;
      this.to = to;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (at >= to) {
        return -1;
      }
      int n = ch.read(ByteBuffer.wrap(b, off, (int) Math.min(len, to - at)), at);
      if (n > 0) {
        at += n;
      }
      return n;
    }
  }
}
