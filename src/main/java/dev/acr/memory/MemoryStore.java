package dev.acr.memory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The JSONL memory file. Appends are whole lines written under an exclusive OS lock ({@link
 * MemoryLock}) and forced to disk, so concurrent acr processes never interleave or lose a record.
 * Reading skips a torn line (a crash mid-write) with one warning instead of failing.
 */
public final class MemoryStore implements MemorySink {

  /** What reading found besides records: lines it could not use, with their line numbers. */
  public record ReadReport(List<MemoryRecord> records, List<String> problems) {}

  /**
   * One non-blank line as read: its 1-based number, its text, and either the record it holds or
   * why it holds none ({@code problem}, which names the file and line).
   */
  public record Line(int number, String text, MemoryRecord record, String problem) {}

  /** Built on first use: a cold ObjectMapper costs ~100 ms of start-up, and empty memory needs none. */
  private static final class Lazy {
    static final ObjectMapper JSON =
        JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  }

  private final Path file;

  public MemoryStore(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** One record as the single JSON line memory stores. */
  public static String toLine(MemoryRecord record) {
    java.io.StringWriter line = new java.io.StringWriter(512);
    try (com.fasterxml.jackson.core.JsonGenerator g = Lazy.JSON.getFactory().createGenerator(line)) {
      record.writeTo(g);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("memory record not serialisable", e);
    }
    return line.toString();
  }

  /** A whole record from one line, by the store's rules; throws when the line is not one. */
  static MemoryRecord parse(String line) throws IOException {
    return Lazy.JSON.readValue(line, MemoryRecord.class);
  }

  @Override
  public void append(MemoryRecord record) throws IOException {
    String line = toLine(record);
    try {
      MemoryLock.hold(file, () -> {
        try (Appender out = appender()) {
          out.write(line);
          out.commit();
        }
        return null;
      });
    } catch (IOException e) {
      // "File too large" or "No space left on device" alone do not say which file.
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new IOException(why.contains(file.toString()) ? why : file + ": " + why, e);
    }
  }

  /** Opens the file for appending; only call it while holding {@link MemoryLock}. */
  Appender appender() throws IOException {
    return new Appender(file);
  }

  /**
   * Appends whole lines at the end of the file: starts on a fresh line after a torn one, forces
   * them to disk on {@link #commit}, and {@link #rollback} cuts the file back to where it was, so a
   * batch that fails halfway (a bad input, a full disk) leaves no partial line behind.
   */
  static final class Appender implements AutoCloseable {
    private final FileChannel ch;
    private final long start;
    private final ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    private long end;

    Appender(Path file) throws IOException {
      boolean created = !Files.exists(file);
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      try {
        if (created) {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        start = ch.size();
        end = start;
        // A torn last line from a crashed writer would glue onto ours; start on a fresh line.
        if (start > 0 && lastByte(ch, start) != '\n') {
          buf.put((byte) '\n');
        }
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
    }

    void write(String line) throws IOException {
      byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
      if (bytes.length > buf.remaining()) {
        flush();
      }
      if (bytes.length > buf.capacity()) {
        writeFully(ByteBuffer.wrap(bytes));
      } else {
        buf.put(bytes);
      }
    }

    /** Writes what is buffered and forces it to disk. */
    void commit() throws IOException {
      flush();
      ch.force(false);
    }

    /** Cuts the file back to its size before this appender wrote anything. */
    void rollback() throws IOException {
      buf.clear();
      ch.truncate(start);
      ch.force(false);
    }

    private void flush() throws IOException {
      buf.flip();
      writeFully(buf);
      buf.clear();
    }

    private void writeFully(ByteBuffer b) throws IOException {
      while (b.hasRemaining()) {
        end += ch.write(b, end);
      }
    }

    @Override
    public void close() throws IOException {
      ch.close();
    }

    private static byte lastByte(FileChannel ch, long size) throws IOException {
      ByteBuffer one = ByteBuffer.allocate(1);
      ch.read(one, size - 1);
      return one.get(0);
    }
  }

  /** Reads every record; a missing file is empty memory. Unusable lines go to the report. */
  public ReadReport read() throws IOException {
    List<MemoryRecord> records = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    forEach(records::add, problems::add);
    return new ReadReport(records, problems);
  }

  /** How one memory line becomes a record; null when the line is not a record. */
  @FunctionalInterface
  public interface LineReader {
    MemoryRecord read(String line) throws IOException;
  }

  /** What is done with each line; may throw to stop reading. */
  @FunctionalInterface
  public interface LineSink {
    void accept(Line line) throws IOException;
  }

  /** Streams records without holding them all, for large files. */
  public void forEach(Consumer<MemoryRecord> sink, Consumer<String> problems) throws IOException {
    forEach(MemoryStore::parse, sink, problems);
  }

  /**
   * Streams records read by {@code reader} (a reader of only some fields, say), with the same
   * rules for every reader: see {@link #forEachLine}.
   */
  public void forEach(LineReader reader, Consumer<MemoryRecord> sink, Consumer<String> problems) throws IOException {
    forEachLine(reader, line -> {
      if (line.record() != null) {
        sink.accept(line.record());
      } else {
        problems.accept(line.problem());
      }
    });
  }

  /** Why a non-blank line gives no record. */
  enum Problem {
    UNREADABLE("unreadable line (torn write?)"),
    INCOMPLETE("record without route or status");

    private final String what;

    Problem(String what) {
      this.what = what;
    }

    /** What is wrong with the record {@code reader} made of a line ({@link #readOrNull}), or null: nothing. */
    static Problem of(MemoryRecord r) {
      return r == null ? UNREADABLE : r.route() == null || r.status() == null ? INCOMPLETE : null;
    }

    String message(Path file, long number) {
      return file + ":" + number + ": " + what + ", skipped";
    }
  }

  /** What {@code reader} makes of a line; null when it throws, as a torn line may make it. */
  static MemoryRecord readOrNull(LineReader reader, String text) {
    try {
      return reader.read(text);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Every non-blank line with the record {@code reader} makes of it, by the rules all readers of
   * memory share: blank lines ignored; a torn or non-JSON line, or a record without route or
   * status, has a problem instead of a record; bytes that are not UTF-8 become U+FFFD rather than
   * failing the whole file; a missing file is empty memory.
   */
  public void forEachLine(LineReader reader, LineSink sink) throws IOException {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 64 * 1024)) {
      String text;
      int number = 0;
      while ((text = in.readLine()) != null) {
        number++;
        if (text.isBlank()) {
          continue;
        }
        MemoryRecord r = readOrNull(reader, text);
        Problem problem = Problem.of(r);
        sink.accept(problem == null
            ? new Line(number, text, r, null)
            : new Line(number, text, null, problem.message(file, number)));
      }
    } catch (NoSuchFileException e) {
      // No memory yet: a first run.
    }
  }
}
