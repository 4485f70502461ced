package dev.acr.memory;

import dev.acr.core.Failures;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * How {@code acr stats} reads memory: the file in blocks of whole lines, each block parsed on its
 * own core into rows (group, resolved, cost, duration, ts per record), the rows then added to the
 * summary in file order on the calling thread. The result is that of reading line by line with
 * {@link MemoryStore#forEach} and {@link RecordFields#summary} (same records, same problems with
 * the same line numbers, the same cost sums to the last bit) whatever the threads do.
 *
 * <p>A line is read from its bytes by {@link SummaryFields}; the few it is not sure of are decoded
 * and read by {@link RecordFields#summary} under {@link MemoryStore}'s rules, as every line used
 * to be. Over a large memory that per-line work (a String, a parser, and the JIT compiling the
 * JSON library's many methods) was most of {@code acr stats}' time ({@code bench/stats.sh}).
 */
final class SummaryScan {
  /** Large enough that per-block costs vanish, small enough that a few in flight cost little memory. */
  private static final int BLOCK = 4 << 20;

  /**
   * The calling thread reads and adds up every block (~0.2 s of CPU per 1M records, against ~0.7 s
   * for parsing them), so more parsing threads than this would mostly wait for it.
   */
  private static final int MAX_THREADS = 4;

  private SummaryScan() {}

  static void scan(Path file, MemorySummary summary, Consumer<String> problems) throws IOException {
    scan(file, summary, problems, BLOCK, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
  }

  /** With blocks of {@code block} bytes (grown for longer lines) parsed on up to {@code threads} threads. */
  static void scan(Path file, MemorySummary summary, Consumer<String> problems, int block, int threads)
      throws IOException {
    ExecutorService pool = null;
    try (InputStream in = Files.newInputStream(file)) {
      // A file of one block (or one core) is parsed right here.
      int parallel = threads > 1 && Files.size(file) > block ? threads : 1;
      if (parallel > 1) {
        pool = Executors.newFixedThreadPool(parallel, task -> {
          Thread t = new Thread(task, "acr-stats");
          t.setDaemon(true);
          return t;
        });
      }
      Executor executor = pool != null ? pool : Runnable::run;
      Lines lines = new Lines(in);
      Deque<Parse> pending = new ArrayDeque<>();
      Deque<byte[]> free = new ArrayDeque<>();
      long lineBase = 0;
      byte[] buffer;
      while ((buffer = lines.next(free.isEmpty() ? new byte[block] : free.pop())) != null) {
        Parse parse = new Parse(buffer, lines.length(), summary);
        executor.execute(parse);
        pending.add(parse);
        // Up to one block per thread parsing while this one reads the next; beyond, add one up.
        if (pending.size() > parallel) {
          lineBase = add(pending.poll(), free, summary, file, lineBase, problems);
        }
      }
      while (!pending.isEmpty()) {
        lineBase = add(pending.poll(), free, summary, file, lineBase, problems);
      }
    } catch (NoSuchFileException e) {
      // No memory yet: a first run.
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /** Adds a parsed block's rows and problems in order; returns the line number its last line had. */
  private static long add(Parse parse, Deque<byte[]> free, MemorySummary summary, Path file, long lineBase,
      Consumer<String> problems) throws InterruptedIOException {
    Rows rows;
    try {
      rows = parse.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted reading " + file);
    } catch (ExecutionException e) {
      throw Failures.rethrow(e);
    }
    free.push(parse.buffer);
    for (Skipped s : rows.skipped) {
      problems.accept(s.problem().message(file, lineBase + s.line()));
    }
    MemorySummary.Group[] groups = new MemorySummary.Group[rows.dimensions.size()];
    for (int g = 0; g < groups.length; g++) {
      groups[g] = summary.group(rows.dimensions.get(g), rows.routes.get(g));
    }
    for (int i = 0; i < rows.size; i++) {
      summary.add(groups[rows.group[i]], rows.resolved[i], rows.costUsd[i], rows.durationMs[i], rows.ts[i], rows.kind[i]);
    }
    return lineBase + rows.lines;
  }

  /** One block's parse, run on a pool thread; the buffer is free again once it is done. */
  private static final class Parse extends FutureTask<Rows> {
    final byte[] buffer;

    Parse(byte[] buffer, int length, MemorySummary summary) {
      super(() -> rows(buffer, length, summary));
      this.buffer = buffer;
    }
  }

  /** The records of {@code b[0, length)}, whole lines, as rows; the problems with block line numbers. */
  private static Rows rows(byte[] b, int length, MemorySummary summary) {
    Rows rows = new Rows();
    SummaryFields f = new SummaryFields();
    int pos = 0;
    int line = 0;
    while (pos < length) {
      line++;
      int eol = f.scan(b, pos, length);
      if (eol >= 0) {
        // The same rule as MemoryStore.Problem.of, on what SummaryFields read.
        if (f.routeFrom < 0 || !f.status) {
          rows.skipped.add(new Skipped(line, MemoryStore.Problem.INCOMPLETE));
        } else {
          String ts = f.tsFrom < 0 ? null : new String(b, f.tsFrom, f.tsTo - f.tsFrom, StandardCharsets.ISO_8859_1);
          if (summary.counts(ts)) {
            // An absent dimension reads as an empty one: both are "unknown" to the summary.
            int group = f.dimensionFrom < 0
                ? rows.group(b, 0, 0, f.routeFrom, f.routeTo)
                : rows.group(b, f.dimensionFrom, f.dimensionTo, f.routeFrom, f.routeTo);
            rows.add(group, f.resolved, f.costUsd, f.durationMs, ts, f.statusKind);
          }
        }
      } else {
        eol = pos;
        while (eol < length && b[eol] != '\n' && b[eol] != '\r') {
          eol++;
        }
        general(new String(b, pos, eol - pos, StandardCharsets.UTF_8), line, rows, summary);
      }
      pos = eol + (eol + 1 < length && b[eol] == '\r' && b[eol + 1] == '\n' ? 2 : 1);
    }
    rows.lines = line;
    return rows;
  }

  /** A line SummaryFields was not sure of, read as {@link MemoryStore#forEachLine} reads every line. */
  private static void general(String text, int line, Rows rows, MemorySummary summary) {
    if (text.isBlank()) {
      return;
    }
    MemoryRecord r = MemoryStore.readOrNull(RecordFields::summary, text);
    MemoryStore.Problem problem = MemoryStore.Problem.of(r);
    if (problem != null) {
      rows.skipped.add(new Skipped(line, problem));
    } else if (summary.counts(r.ts())) {
      // Rare enough for a group of its own; adding up maps it to the summary's group by name.
      rows.add(rows.group(r.dimension(), r.route()), r.resolved(), r.costUsd() == null ? Double.NaN : r.costUsd(),
          r.durationMs(), r.ts(), MemorySummary.kind(r.status()));
    }
  }

  /** A line that gave no record, by its number within the block. */
  private record Skipped(int line, MemoryStore.Problem problem) {}

  /** A block's counted records in order, with their groups numbered within the block. */
  private static final class Rows {
    /** Dimension and route by group number. */
    final List<String> dimensions = new ArrayList<>();
    final List<String> routes = new ArrayList<>();
    final List<Skipped> skipped = new ArrayList<>();
    int lines;
    int size;
    int[] group = new int[1024];
    boolean[] resolved = new boolean[1024];
    double[] costUsd = new double[1024];
    long[] durationMs = new long[1024];
    String[] ts = new String[1024];
    byte[] kind = new byte[1024];
    /** Open addressing: 1 + the group number whose key hashes there, 0 when free. */
    private int[] table = new int[64];
    /** By group number, for those from bytes: the dimension's bytes, 0xFF (not ASCII), the route's. */
    private final List<byte[]> keys = new ArrayList<>();

    /** The group of the ASCII dimension {@code b[dFrom, dTo)} and route {@code b[rFrom, rTo)}. */
    int group(byte[] b, int dFrom, int dTo, int rFrom, int rTo) {
      int mask = table.length - 1;
      int d = dTo - dFrom;
      int n = d + 1 + rTo - rFrom;
      for (int i = (hash(b, dFrom, dTo) * 31 + hash(b, rFrom, rTo)) & mask; ; i = (i + 1) & mask) {
        if (table[i] == 0) {
          byte[] key = new byte[n];
          System.arraycopy(b, dFrom, key, 0, d);
          key[d] = -1;
          System.arraycopy(b, rFrom, key, d + 1, n - d - 1);
          return group(new String(key, 0, d, StandardCharsets.ISO_8859_1),
              new String(key, d + 1, n - d - 1, StandardCharsets.ISO_8859_1), key);
        }
        byte[] key = keys.get(table[i] - 1);
        if (key.length == n && key[d] == -1 && Arrays.equals(key, 0, d, b, dFrom, dTo)
            && Arrays.equals(key, d + 1, n, b, rFrom, rTo)) {
          return table[i] - 1;
        }
      }
    }

    /** A new group that look-ups by bytes do not find. */
    int group(String dimension, String route) {
      return group(dimension, route, null);
    }

    private int group(String dimension, String route, byte[] key) {
      dimensions.add(dimension);
      routes.add(route);
      keys.add(key);
      int g = keys.size() - 1;
      if (keys.size() * 2 > table.length) { // keep the table at most half full
        table = new int[table.length * 2];
        for (int k = 0; k < g; k++) {
          place(k);
        }
      }
      place(g);
      return g;
    }

    private void place(int g) {
      byte[] key = keys.get(g);
      if (key != null) {
        int d = dimensions.get(g).length(); // ASCII: as many chars as bytes
        int mask = table.length - 1;
        int i = (hash(key, 0, d) * 31 + hash(key, d + 1, key.length)) & mask;
        while (table[i] != 0) {
          i = (i + 1) & mask;
        }
        table[i] = g + 1;
      }
    }

    private static int hash(byte[] b, int from, int to) {
      int h = 0;
      for (int i = from; i < to; i++) {
        h = 31 * h + b[i];
      }
      return h;
    }

    void add(int group, boolean resolved, double costUsd, long durationMs, String ts, byte statusKind) {
      if (size == this.group.length) {
        int n = size * 2;
        this.group = Arrays.copyOf(this.group, n);
        this.resolved = Arrays.copyOf(this.resolved, n);
        this.costUsd = Arrays.copyOf(this.costUsd, n);
        this.durationMs = Arrays.copyOf(this.durationMs, n);
        this.ts = Arrays.copyOf(this.ts, n);
        this.kind = Arrays.copyOf(this.kind, n);
      }
      this.group[size] = group;
      this.resolved[size] = resolved;
      this.costUsd[size] = costUsd;
      this.durationMs[size] = durationMs;
      this.ts[size] = ts;
      this.kind[size] = statusKind;
      size++;
    }
  }

  /**
   * The file in buffers of whole lines: a buffer ends after its last line terminator (LF, CR LF,
   * or a CR known not to start a CR LF) and the partial line after it starts the next buffer. A
   * line longer than the buffer grows it.
   */
  private static final class Lines {
    private final InputStream in;
    private byte[] carry = new byte[0];
    private int length;

    Lines(InputStream in) {
      this.in = in;
    }

    /** Fills {@code buffer} (or a larger one) with the next lines; null at the end of the file. */
    byte[] next(byte[] buffer) throws IOException {
      byte[] b = buffer.length > carry.length ? buffer : new byte[carry.length * 2];
      System.arraycopy(carry, 0, b, 0, carry.length);
      int n = carry.length;
      while (true) {
        n += in.readNBytes(b, n, b.length - n);
        if (n < b.length) { // the end of the file: the last line needs no terminator
          carry = new byte[0];
          length = n;
          return n == 0 ? null : b;
        }
        int cut = n - 1;
        while (cut >= 0 && b[cut] != '\n' && (b[cut] != '\r' || cut == n - 1)) {
          cut--;
        }
        if (cut >= 0) {
          carry = Arrays.copyOfRange(b, cut + 1, n);
          length = cut + 1;
          return b;
        }
        b = Arrays.copyOf(b, b.length * 2);
      }
    }

    /** How many bytes of the last buffer {@link #next} filled are whole lines. */
    int length() {
      return length;
    }
  }
}
