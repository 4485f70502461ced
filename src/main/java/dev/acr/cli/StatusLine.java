package dev.acr.cli;

import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.RunLoop;
import dev.acr.core.Task;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import picocli.CommandLine.Help.Ansi;

/**
 * One line of live progress (what runs, for how long), redrawn in place with a carriage return
 * and sized to the terminal's current width. Everything else printed meanwhile goes through
 * {@link #println} or {@link #writer()}, which erase the line, print, and draw it again below, so
 * the status never mixes into the log above it. Only used when the output is a terminal.
 */
final class StatusLine implements AutoCloseable {

  private final PrintWriter err;
  private final IntSupplier width;
  private final Ansi ansi;
  private final LongSupplier nanos;
  private final ScheduledExecutorService ticker;
  /** Erase with the terminal's "clear to end of line" instead of overwriting with spaces. */
  private final boolean clearToEol;
  private String label = "preparing (snapshot and baseline tests)";
  private long since;
  /** How many columns the line on screen takes now, so the next draw can blank the rest. */
  private int drawn;
  private boolean closed;

  /**
   * A status line that redraws itself every second, until closed.
   *
   * @param clearToEol the terminal understands ESC [ K (any but a dumb one): erasing leaves no
   *     trailing blanks behind, which a copied transcript would otherwise carry
   */
  static StatusLine start(PrintWriter err, IntSupplier width, Ansi ansi, boolean clearToEol) {
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "acr-status-line");
      t.setDaemon(true);
      return t;
    });
    StatusLine s = new StatusLine(err, width, ansi, clearToEol, System::nanoTime, ticker);
    ticker.scheduleAtFixedRate(s::tick, 1, 1, TimeUnit.SECONDS);
    return s;
  }

  StatusLine(
      PrintWriter err, IntSupplier width, Ansi ansi, boolean clearToEol, LongSupplier nanos, ScheduledExecutorService ticker) {
    this.err = err;
    this.width = width;
    this.ansi = ansi;
    this.clearToEol = clearToEol;
    this.nanos = nanos;
    this.ticker = ticker;
    this.since = nanos.getAsLong();
    draw();
  }

  /** Shows what is running now; its elapsed time counts from here. */
  synchronized void show(String what) {
    label = what;
    since = nanos.getAsLong();
    draw();
  }

  /** Prints a line of log above the status line. */
  synchronized void println(String line) {
    erase();
    err.println(line);
    draw();
  }

  /** A writer whose complete lines are printed above the status line. */
  PrintWriter writer() {
    return new PrintWriter(new LineWriter(this::println), true);
  }

  /**
   * {@code log} plus this line showing the attempt under way: "attempt n/N route", N being the
   * most attempts this run can still make (the limit, plus the attempts in which no agent could
   * run, or fewer when the plan is shorter).
   */
  RunLoop.Listener listener(RunLoop.Listener log, int maxAttempts) {
    return new RunLoop.Listener() {
      private final Set<Route> tried = new HashSet<>();
      /** The attempts under way, by number: several during a race. */
      private final java.util.SortedMap<Integer, String> running = new java.util.TreeMap<>();
      /** Finished attempts in which no agent could run: they leave the limit to later ones. */
      private int notCounted;

      @Override
      public void beforeAttempt(Task task, Route route, int n, List<Route> plan) {
        log.beforeAttempt(task, route, n, plan);
        long untried = plan.stream().filter(r -> !tried.contains(r)).count();
        tried.add(route);
        String label = "attempt " + n + "/" + Math.min(maxAttempts + notCounted, n - 1 + untried) + "  " + route.name();
        running.put(n, n + " " + route.name());
        show(running.size() > 1 ? "racing: " + String.join(", ", running.values()) : label);
      }

      @Override
      public void afterAttempt(Task task, AttemptResult result, int n) {
        log.afterAttempt(task, result, n);
        running.remove(n);
        notCounted += RunLoop.usesBudget(result) ? 0 : 1;
        show(running.isEmpty() ? "attempt " + n + " " + result.status().id() + "; what next"
            : "racing: " + String.join(", ", running.values()) + " (" + n + " " + result.status().id() + ")");
      }

      @Override
      public void memoryFailed(IOException error) {
        log.memoryFailed(error);
      }
    };
  }

  synchronized void tick() {
    if (!closed) {
      draw();
    }
  }

  /** Removes the line from the screen and stops redrawing it. */
  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    if (!closed) {
      closed = true;
      erase();
    }
  }

  private void draw() {
    if (closed) {
      return;
    }
    // One column short of the width: writing the last column makes some terminals wrap.
    int room = width.getAsInt() - 1;
    String elapsed = elapsed((nanos.getAsLong() - since) / 1_000_000_000L);
    String text = "acr: " + label + "  " + elapsed;
    if (room < 10) {
      erase();
      return;
    }
    if (text.length() > room) {
      text = text.substring(0, room - 1) + "~";
    }
    String shown = ansi.enabled() ? new AttributedString(text, AttributedStyle.BOLD).toAnsi() : text;
    // Blank what was there, then draw; the cursor stays after the text, where a terminal expects it.
    err.print(blank(text.length()) + "\r" + shown);
    drawn = text.length();
    err.flush();
  }

  private void erase() {
    if (drawn > 0) {
      err.print(blank(0) + "\r");
      drawn = 0;
    }
    err.flush();
  }

  /** What blanks the line drawn now, where the next text (this long) would not cover it. */
  private String blank(int nextLength) {
    if (drawn <= nextLength) {
      return "";
    }
    return clearToEol ? "\r\u001b[K" : "\r" + " ".repeat(drawn);
  }

  static String elapsed(long seconds) {
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
  }

  /** Collects written text and hands on each complete line (without its line break). */
  static final class LineWriter extends Writer {
    private final java.util.function.Consumer<String> lines;
    private final StringBuilder pending = new StringBuilder();

    LineWriter(java.util.function.Consumer<String> lines) {
      this.lines = lines;
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) {
      for (int i = off; i < off + len; i++) {
        char c = buf[i];
        if (c == '\n') {
          int end = pending.length();
          if (end > 0 && pending.charAt(end - 1) == '\r') {
            pending.setLength(end - 1);
          }
          lines.accept(pending.toString());
          pending.setLength(0);
        } else {
          pending.append(c);
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public synchronized void close() {
      if (pending.length() > 0) {
        lines.accept(pending.toString());
        pending.setLength(0);
      }
    }
  }
}
