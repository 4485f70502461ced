package dev.acr.exec;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns a byte stream into UTF-8 lines for a live callback while holding at most one capped line.
 *
 * <p>Bytes are buffered until '\n' (a trailing '\r' is dropped) and only then decoded, so a
 * multi-byte character split across two writes is never mangled. A line longer than {@code
 * maxCodePoints} is delivered as soon as it reaches the cap, cut at a character boundary and
 * followed by {@link #TRUNCATION_MARKER}; the rest of that line is skipped. That keeps memory flat
 * for a child that floods hundreds of MB without a newline, and still shows something live.
 *
 * <p>Used live by {@link OutputSink} and on a finished log by {@link UsageParser}. Not thread-safe:
 * each instance belongs to one thread.
 */
final class LineSplitter {

  static final String TRUNCATION_MARKER = " …[line truncated]";

  private final Consumer<String> consumer;
  private final int maxCodePoints;
  private final int maxBytes;
  private byte[] buffer;
  private int length;
  private int codePoints;
  private boolean skippingRestOfLine;

  LineSplitter(Consumer<String> consumer, int maxCodePoints) {
    if (maxCodePoints < 1) {
      throw new IllegalArgumentException("maxCodePoints must be positive");
    }
    this.consumer = consumer;
    this.maxCodePoints = maxCodePoints;
    // UTF-8 needs at most 4 bytes per code point; the buffer grows towards that as lines need it
    this.maxBytes = maxCodePoints * 4;
    this.buffer = new byte[Math.min(maxBytes, 8 * 1024)];
  }

  void write(byte[] bytes, int offset, int count) {
    int end = offset + count;
    for (int i = offset; i < end; i++) {
      byte b = bytes[i];
      if (b == '\n') {
        if (!skippingRestOfLine) {
          emit(false);
        }
        reset();
      } else if (!skippingRestOfLine) {
        append(b);
      }
    }
  }

  /** Delivers a final line that had no newline; called once when the stream ends. */
  void finish() {
    if (!skippingRestOfLine && length > 0) {
      emit(false);
    }
    reset();
  }

  private void append(byte b) {
    boolean startsCodePoint = (b & 0xC0) != 0x80;
    // the byte-count check only matters for invalid UTF-8 (long runs of continuation bytes)
    if ((startsCodePoint && codePoints == maxCodePoints) || length == maxBytes) {
      emit(true);
      skippingRestOfLine = true;
      return;
    }
    if (length == buffer.length) {
      buffer = java.util.Arrays.copyOf(buffer, (int) Math.min(maxBytes, 2L * buffer.length));
    }
    buffer[length++] = b;
    if (startsCodePoint) {
      codePoints++;
    }
  }

  private void emit(boolean truncated) {
    int end = length;
    if (!truncated && end > 0 && buffer[end - 1] == '\r') {
      end--;
    }
    String line = new String(buffer, 0, end, StandardCharsets.UTF_8);
    try {
      consumer.accept(truncated ? line + TRUNCATION_MARKER : line);
    } catch (RuntimeException e) {
      // A broken display callback must not stop the bytes reaching the output file, nor stop the
      // pump (the child would then block on a full pipe until the timeout). The line is dropped.
    }
  }

  private void reset() {
    length = 0;
    codePoints = 0;
    skippingRestOfLine = false;
  }
}
