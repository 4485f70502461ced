package dev.acr.exec;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where one of the child's output streams goes: raw bytes to a file (buffered, never held in
 * memory) or to a caller's stream, decoded lines to a callback, and a byte count. Both see the
 * output with the child's secrets replaced ({@link Redactor}); the count is of what the child
 * wrote.
 *
 * <p>Normally the pump closes the sink at EOF. Methods are synchronized because the runner closes
 * it too, on its own thread, and a pump may still be writing then: a grandchild that outlived the
 * child can keep the pipe open past the drain timeout. Writes after close fail, which is what
 * makes such a pump give up.
 */
final class OutputSink extends OutputStream {

  private static final int FILE_BUFFER = 64 * 1024;

  private final Path file;
  private OutputStream rawOut;
  private final LineSplitter lines;
  private long bytes;
  private boolean closed;
  private IOException fileError;

  private OutputSink(Path file, OutputStream rawOut, LineSplitter lines) {
    this.file = file;
    this.rawOut = rawOut;
    this.lines = lines;
  }

  /**
   * Opens (creating or truncating) {@code file}, else writes the raw bytes to {@code stream}; with
   * neither, bytes are only counted.
   */
  static OutputSink open(
      Path file, OutputStream stream, Consumer<String> lineConsumer, int maxLineCodePoints, Redactor redactor)
      throws IOException {
    OutputStream out = null;
    if (file != null) {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      out = redactor.wrap(new BufferedOutputStream(Files.newOutputStream(file), FILE_BUFFER));
    } else if (stream != null) {
      out = redactor.wrap(stream);
    }
    Consumer<String> lines = redactor.isEmpty() ? lineConsumer : line -> lineConsumer.accept(redactor.line(line));
    return new OutputSink(file, out, new LineSplitter(lines, maxLineCodePoints));
  }

  @Override
  public synchronized void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("output sink already closed");
    }
    if (rawOut != null) {
      try {
        rawOut.write(b, off, len);
      } catch (IOException e) {
        // Keep draining (and counting) instead of failing the pump: a stalled pump would block the
        // child on a full pipe. The error is rethrown from close(), so the run still fails.
        fileError = e;
        closeQuietly(rawOut);
        rawOut = null;
      }
    }
    bytes += len;
    lines.write(b, off, len);
  }

  @Override
  public synchronized void flush() throws IOException {
    if (!closed && rawOut != null) {
      rawOut.flush();
    }
  }

  synchronized long bytes() {
    return bytes;
  }

  @Override
  public synchronized void close() throws IOException {
    if (!closed) {
      closed = true;
      lines.finish();
      if (rawOut != null) {
        try {
          rawOut.close();
        } catch (IOException e) {
          fileError = fileError == null ? e : fileError;
        }
      }
    }
    // Rethrown on every call: the pump closes first at EOF and zt-exec swallows what it gets, so
    // the runner's own close is the one that must surface the failure.
    if (fileError != null) {
      throw new IOException("writing child output to " + file + " failed", fileError);
    }
  }

  private static void closeQuietly(OutputStream out) {
    try {
      out.close();
    } catch (IOException ignored) {
      // already failing; the first error is the one reported
    }
  }
}
