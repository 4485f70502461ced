package dev.acr.policy;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A {@link MemoryStats} written out and read back exactly: every tally, pattern and version, the
 * task in progress and the cost model, so that appending the same records afterwards gives the
 * same state as reading them all in one go. Doubles are stored bit for bit, and maps are written
 * in the order their keys first came in ({@link MemoryStats#born}) and refilled in that order, so
 * a refilled hash map is built by the same sequence of insertions, made the same way
 * ({@code computeIfAbsent}, which puts a new key first in its bucket where {@code put} puts it
 * last), and iterates in the same order: the policy sums over these maps, and another order could
 * round differently.
 *
 * <p>When MemoryStats or TaskCostScale gain state, write it here too and bump {@link #FORMAT};
 * {@code StatsCacheTest} compares a restored memory with one that read every record.
 */
final class StatsSnapshot {

  /** Bumped whenever what is written changes; an older snapshot is then rebuilt, never misread. */
  static final int FORMAT = 3;

  private StatsSnapshot() {}

  static void write(MemoryStats stats, DataOutput out) throws IOException {
    out.writeInt(FORMAT);
    out.writeLong(stats.records);
    writeNullable(out, stats.currentRun);
    writeNullable(out, stats.currentTask);
    writeStrings(out, stats.failedOnCurrentTask);
    out.writeInt(stats.byContext.size());
    for (Map.Entry<String, MemoryStats.Context> e : byBirth(stats.byContext, c -> c.born)) {
      MemoryStats.Context c = e.getValue();
      out.writeUTF(e.getKey());
      out.writeLong(c.version);
      out.writeInt(c.tallies.size());
      for (Map.Entry<String, MemoryStats.Tally> t : byBirth(c.tallies, t -> t.born)) {
        out.writeUTF(t.getKey());
        writeTally(out, t.getValue());
      }
      out.writeInt(c.patterns.size());
      for (Map.Entry<MemoryStats.Pattern, MemoryStats.Tally> p : byBirth(c.patterns, t -> t.born)) {
        out.writeUTF(p.getKey().route());
        writeStrings(out, p.getKey().failedBefore());
        writeTally(out, p.getValue());
      }
    }
    TaskCostScale cost = stats.costScale;
    out.writeInt(cost.logCost.size());
    // Only ever looked up, never iterated: written in name order so equal states write equal bytes.
    for (Map.Entry<String, double[]> e : new java.util.TreeMap<>(cost.logCost).entrySet()) {
      out.writeUTF(e.getKey());
      out.writeDouble(e.getValue()[0]);
      out.writeDouble(e.getValue()[1]);
    }
    out.writeInt(cost.residuals.size());
    for (double r : cost.residuals) {
      out.writeDouble(r);
    }
    out.writeDouble(cost.crossSum);
    out.writeLong(cost.pairs);
    out.writeDouble(cost.squareSum);
    out.writeLong(cost.squares);
  }

  /** The stats {@link #write} wrote; throws when the input is not such a snapshot. */
  static MemoryStats read(DataInput in) throws IOException {
    int format = in.readInt();
    if (format != FORMAT) {
      throw new IOException("statistics snapshot format " + format + ", expected " + FORMAT);
    }
    MemoryStats stats = new MemoryStats();
    stats.records = in.readLong();
    stats.currentRun = readNullable(in);
    stats.currentTask = readNullable(in);
    for (String route : readStrings(in, stats)) {
      stats.failedOnCurrentTask.add(route);
    }
    int contexts = count(in);
    for (int i = 0; i < contexts; i++) {
      MemoryStats.Context c = stats.newContext();
      stats.byContext.computeIfAbsent(in.readUTF(), k -> c);
      c.version = in.readLong();
      int tallies = count(in);
      for (int j = 0; j < tallies; j++) {
        String route = stats.name(in.readUTF());
        MemoryStats.Tally t = readTally(in, stats);
        c.tallies.computeIfAbsent(route, k -> t);
      }
      int patterns = count(in);
      for (int j = 0; j < patterns; j++) {
        String route = stats.name(in.readUTF());
        MemoryStats.Pattern fresh =
            new MemoryStats.Pattern(route, Collections.unmodifiableList(readStrings(in, stats)));
        MemoryStats.Tally t = readTally(in, stats);
        c.patterns.computeIfAbsent(stats.canonicalPatterns.computeIfAbsent(fresh, k -> k), k -> t);
      }
    }
    TaskCostScale cost = stats.costScale;
    int routes = count(in);
    for (int i = 0; i < routes; i++) {
      double[] sums = {0, 0};
      cost.logCost.computeIfAbsent(stats.name(in.readUTF()), k -> sums);
      sums[0] = in.readDouble();
      sums[1] = in.readDouble();
    }
    int residuals = count(in);
    for (int i = 0; i < residuals; i++) {
      cost.residuals.add(in.readDouble());
    }
    cost.crossSum = in.readDouble();
    cost.pairs = in.readLong();
    cost.squareSum = in.readDouble();
    cost.squares = in.readLong();
    return stats;
  }

  /** A map's entries in the order its keys came in (a loop, not a stream: this runs at start-up). */
  private static <K, V> List<Map.Entry<K, V>> byBirth(Map<K, V> map, ToLongFunction<V> born) {
    List<Map.Entry<K, V>> entries = new ArrayList<>(map.entrySet());
    entries.sort((a, b) -> Long.compare(born.applyAsLong(a.getValue()), born.applyAsLong(b.getValue())));
    return entries;
  }

  private static void writeTally(DataOutput out, MemoryStats.Tally t) throws IOException {
    out.writeInt(t.n);
    out.writeDouble(t.successes);
    out.writeDouble(t.costSum);
    out.writeInt(t.costN);
    out.writeDouble(t.logCostSum);
    out.writeInt(t.logCostN);
    out.writeDouble(t.partialSum);
    out.writeDouble(t.partialSquareSum);
    out.writeInt(t.failures);
    out.writeInt(t.idle);
  }

  private static MemoryStats.Tally readTally(DataInput in, MemoryStats stats) throws IOException {
    MemoryStats.Tally t = stats.newTally();
    t.n = in.readInt();
    t.successes = in.readDouble();
    t.costSum = in.readDouble();
    t.costN = in.readInt();
    t.logCostSum = in.readDouble();
    t.logCostN = in.readInt();
    t.partialSum = in.readDouble();
    t.partialSquareSum = in.readDouble();
    t.failures = in.readInt();
    t.idle = in.readInt();
    return t;
  }

  private static void writeStrings(DataOutput out, List<String> strings) throws IOException {
    out.writeInt(strings.size());
    for (String s : strings) {
      out.writeUTF(s);
    }
  }

  private static List<String> readStrings(DataInput in, MemoryStats stats) throws IOException {
    int n = count(in);
    List<String> strings = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      strings.add(stats.name(in.readUTF()));
    }
    return strings;
  }

  private static void writeNullable(DataOutput out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  private static String readNullable(DataInput in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  /** A non-negative count, so a damaged file fails here instead of allocating wildly. */
  private static int count(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 50_000_000) {
      throw new IOException("statistics snapshot damaged (count " + n + ")");
    }
    return n;
  }
}
