package dev.acr.verify;

import dev.acr.config.Durations;
import dev.acr.exec.Colour;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Says now and then that a test command is still running, with its time so far and its last line
 * of output, so a suite that hangs (a deadlock the bug causes, a server that never answers) shows
 * as one instead of as silence until the verify timeout. First after {@link #FIRST}, then at
 * doubling gaps up to {@link #LONGEST_GAP}: a suite that takes ten minutes says so five times.
 */
final class Heartbeat implements AutoCloseable {

  static final Duration FIRST = Duration.ofSeconds(30);
  static final Duration LONGEST_GAP = Duration.ofMinutes(4);
  /** A test's line can be long (a JSON blob, a stack frame): the note shows its start. */
  private static final int SHOWN_CHARS = 120;

  private final Consumer<String> say;
  private final Duration limit;
  private final LongSupplier nanos;
  private final long start;
  private final ScheduledExecutorService timer;
  private volatile String last;
  private volatile long lastAt;
  private long gapMs;

  private Heartbeat(Consumer<String> say, Duration first, Duration limit, LongSupplier nanos, ScheduledExecutorService timer) {
    this.say = say;
    this.limit = limit;
    this.nanos = nanos;
    this.start = nanos.getAsLong();
    this.timer = timer;
    this.gapMs = first.toMillis();
  }

  /**
   * A heartbeat whose notes go to {@code say}, the first after {@code first}; none at all when
   * {@code say} is null. {@code limit} is the command's timeout, named in each note.
   */
  static Heartbeat start(Consumer<String> say, Duration first, Duration limit) {
    if (say == null) {
      return new Heartbeat(null, first, limit, System::nanoTime, null);
    }
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "acr-verify-heartbeat");
      t.setDaemon(true);
      return t;
    });
    Heartbeat h = new Heartbeat(say, first, limit, System::nanoTime, timer);
    timer.schedule(h::beat, h.gapMs, TimeUnit.MILLISECONDS);
    return h;
  }

  /** For tests: no timer, the clock given; {@link #message()} is what a beat would say. */
  static Heartbeat manual(Duration limit, LongSupplier nanos) {
    return new Heartbeat(null, FIRST, limit, nanos, null);
  }

  /** One line the command printed; blank lines do not count as its last output. */
  void line(String line) {
    if (!line.isBlank()) {
      last = line;
      lastAt = nanos.getAsLong();
    }
  }

  /** "still running after 1m30s (limit 30m: --verify-timeout); last output 12.0s ago: ‹line›". */
  String message() {
    long now = nanos.getAsLong();
    String seen = last;
    String output;
    if (seen == null) {
      output = "no output yet";
    } else {
      String shown = Colour.strip(seen).strip();
      shown = shown.length() > SHOWN_CHARS ? shown.substring(0, SHOWN_CHARS) + "…" : shown;
      output = "last output " + Durations.text((now - lastAt) / 1_000_000) + " ago: " + shown;
    }
    return "still running after " + Durations.text((now - start) / 1_000_000) + " (limit "
        + Durations.limit(limit) + ": --verify-timeout); " + output;
  }

  /** The gap before the beat after one that came {@code gapMs} after the one before. */
  static long nextGapMs(long gapMs) {
    return Math.min(gapMs * 2, LONGEST_GAP.toMillis());
  }

  private void beat() {
    say.accept(message());
    gapMs = nextGapMs(gapMs);
    try {
      timer.schedule(this::beat, gapMs, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Closed meanwhile: the command has ended.
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
