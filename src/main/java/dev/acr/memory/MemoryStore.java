package dev.acr.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
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
 * The JSONL memory file. Appends are whole lines written under an exclusive OS lock and forced
 * to disk, so concurrent acr processes never interleave or lose a record. Reading skips a torn
 * line (a crash mid-write) with one warning instead of failing.
 */
public final class MemoryStore implements MemorySink {

  /** What reading found besides records: lines it could not use, with their line numbers. */
  public record ReadReport(List<MemoryRecord> records, List<String> problems) {}

  /** Built on first use: a cold ObjectMapper costs ~100 ms of start-up, and empty memory needs none. */
  private static final class Lazy {
    static final ObjectMapper JSON =
        JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  }

  private static final Object IN_PROCESS = new Object();

  private final Path file;

  public MemoryStore(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** One record as the single JSON line memory stores. */
  public static String toLine(MemoryRecord record) {
    try {
      return Lazy.JSON.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("memory record not serialisable", e);
    }
  }

  @Override
  public void append(MemoryRecord record) throws IOException {
    // An interrupted attempt must still be recorded, but NIO channels refuse to work on an
    // interrupted thread; hold the interrupt back while writing.
    boolean interrupted = Thread.interrupted();
    try {
      // OS file locks are held per process: threads of one JVM must take turns first, or the
      // second lock() throws OverlappingFileLockException instead of waiting.
      synchronized (IN_PROCESS) {
        write(record);
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void write(MemoryRecord record) throws IOException {
    byte[] line = (toLine(record) + "\n").getBytes(StandardCharsets.UTF_8);
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    boolean created = !Files.exists(file);
    try (FileChannel ch =
            FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = ch.lock()) {
      if (created) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      // A torn last line from a crashed writer would glue onto ours; start on a fresh line.
      long size = ch.size();
      if (size > 0 && lastByte(ch, size) != '\n') {
        ch.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
        size++;
      }
      ByteBuffer buf = ByteBuffer.wrap(line);
      while (buf.hasRemaining()) {
        ch.write(buf, size + buf.position());
      }
      ch.force(false);
    }
  }

  private static byte lastByte(FileChannel ch, long size) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    ch.read(one, size - 1);
    return one.get(0);
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

  /** Streams records without holding them all, for large files. */
  public void forEach(Consumer<MemoryRecord> sink, Consumer<String> problems) throws IOException {
    forEach(line -> Lazy.JSON.readValue(line, MemoryRecord.class), sink, problems);
  }

  /**
   * Streams records read by {@code reader} (a reader of only some fields, say), with the same
   * rules for every reader: blank lines ignored, a torn or non-JSON line or a record without
   * route or status reported to {@code problems} and skipped, a missing file is empty memory.
   */
  public void forEach(LineReader reader, Consumer<MemoryRecord> sink, Consumer<String> problems) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        MemoryRecord r;
        try {
          r = reader.read(line);
        } catch (IOException | RuntimeException e) {
          r = null;
        }
        if (r == null) {
          problems.accept(file + ":" + number + ": unreadable line (torn write?), skipped");
        } else if (r.route() == null || r.status() == null) {
          problems.accept(file + ":" + number + ": record without route or status, skipped");
        } else {
          sink.accept(r);
        }
      }
    } catch (NoSuchFileException e) {
      // No memory yet: a first run.
    }
  }
}
