package dev.acr.verify;

import dev.acr.config.Durations;
import dev.acr.exec.Colour;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

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
  private final Supplier<String> runningNow;
  /** The folder the command runs in, with a slash: paths under it are shown relative to it. */
  private final String folder;
  private final Duration limit;
  private final LongSupplier nanos;
  private final long start;
  private final ScheduledExecutorService timer;
  private volatile String last;
  private volatile long lastAt;
  private long gapMs;
  /** Held while a beat speaks and while closing, so that nothing is said once {@link #close} has returned. */
  private final Object speaking = new Object();
  private boolean closed;

  private Heartbeat(Consumer<String> say, Supplier<String> runningNow, Path dir, Duration first, Duration limit,
      LongSupplier nanos, ScheduledExecutorService timer) {
    this.say = say;
    this.runningNow = runningNow;
    this.folder = dir.toAbsolutePath() + "/";
    this.limit = limit;
    this.nanos = nanos;
    this.start = nanos.getAsLong();
    this.timer = timer;
    this.gapMs = first.toMillis();
  }

  /**
   * A heartbeat whose notes go to {@code say}, the first after {@code first}; none at all when
   * {@code say} is null. {@code dir} is where the command runs; {@code limit} is its timeout, named in each note; {@code
   * runningNow} says what the command runs at that moment (null when nothing worth naming).
   */
  static Heartbeat start(Consumer<String> say, Supplier<String> runningNow, Path dir, Duration first, Duration limit) {
    if (say == null) {
      return new Heartbeat(null, runningNow, dir, first, limit, System::nanoTime, null);
    }
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "acr-verify-heartbeat");
      t.setDaemon(true);
      return t;
    });
    Heartbeat h = new Heartbeat(say, runningNow, dir, first, limit, System::nanoTime, timer);
    timer.schedule(h::beat, h.gapMs, TimeUnit.MILLISECONDS);
    return h;
  }

  /** For tests: no timer, the clock given; {@link #message()} is what a beat would say. */
  static Heartbeat manual(Path dir, Duration limit, LongSupplier nanos, Supplier<String> runningNow) {
    return new Heartbeat(null, runningNow, dir, FIRST, limit, nanos, null);
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
      String shown = Colour.strip(seen).strip().replace(folder, "");
      shown = shown.length() > SHOWN_CHARS ? shown.substring(0, SHOWN_CHARS) + "…" : shown;
      output = "last output " + Durations.text((now - lastAt) / 1_000_000) + " ago: " + shown;
    }
    String running = runningNow == null ? null : runningNow.get();
    return "still running after " + Durations.text((now - start) / 1_000_000) + " (limit "
        + Durations.limit(limit) + ": --verify-timeout); " + output + (running == null ? "" : "; running now: " + running);
  }

  /**
   * The newest process of {@code root}'s tree that has started nothing itself: the test a harness
   * runs now (make check's {@code ./active}, ctest's test binary), which a harness that keeps
   * each test's output in its own log never prints while the test runs. Paths under {@code dir}
   * are shown relative to it; null when the command runs no other process.
   */
  static String runningNow(ProcessHandle root, Path dir, Instant now) {
    Optional<ProcessHandle> leaf = root.descendants()
        .filter(p -> p.isAlive() && p.children().findAny().isEmpty())
        .max(Comparator.comparing(p -> p.info().startInstant().orElse(Instant.MIN)));
    if (leaf.isEmpty()) {
      return null;
    }
    ProcessHandle.Info info = leaf.get().info();
    if (info.command().isEmpty()) {
      return null;
    }
    // The kernel's path of the program (/usr/bin/sleep): its name says as much; the test's own files, relative.
    String folder = dir.toAbsolutePath() + "/";
    String program = info.command().get();
    StringBuilder shown = new StringBuilder(program.startsWith(folder) ? program.substring(folder.length())
        : Path.of(program).getFileName().toString());
    for (String arg : info.arguments().orElse(new String[0])) {
      shown.append(' ').append(arg.replace(folder, ""));
    }
    String line = shown.length() > SHOWN_CHARS ? shown.substring(0, SHOWN_CHARS) + "…" : shown.toString();
    return info.startInstant().map(t -> line + " (for " + Durations.text(Duration.between(t, now).toMillis()) + ")")
        .orElse(line);
  }

  /** The gap before the beat after one that came {@code gapMs} after the one before. */
  static long nextGapMs(long gapMs) {
    return Math.min(gapMs * 2, LONGEST_GAP.toMillis());
  }

  private void beat() {
    // The message first (it walks the process tree, which takes a while under load), then said only if still open: a beat
    // that began as the command ended used to speak after close() returned, after the command's own result.
    String message = message();
    synchronized (speaking) {
      if (closed) {
        return;
      }
      say.accept(message);
    }
    gapMs = nextGapMs(gapMs);
    try {
      timer.schedule(this::beat, gapMs, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Closed meanwhile: the command has ended.
    }
  }

  @Override
  public void close() {
    synchronized (speaking) {
      closed = true;
    }
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
