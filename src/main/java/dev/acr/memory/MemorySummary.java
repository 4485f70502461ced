package dev.acr.memory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Per dimension × route tallies of memory, fed one record at a time (in file order) so a large
 * memory file is never held in full: attempts, verified share, mean cost (over records that have one), mean
 * duration and the last time the route was used. Infra errors (the agent could not reach or use
 * its model) and acr's own errors are counted apart and nowhere else: like the policy, the
 * summary does not hold them against the route.
 */
public final class MemorySummary {
  /** Kinds of status, as the scanners classify them. */
  static final byte OTHER = 0;
  static final byte INFRA = 1;
  static final byte ACR = 2;

  /** The kind of a status as memory spells it. */
  static byte kind(String status) {
    return "infra_error".equals(status) ? INFRA : "acr_error".equals(status) ? ACR : OTHER;
  }

  /** One dimension × route row. */
  public static final class Group {
    private final String dimension;
    private final String route;
    private long attempts;
    private long resolved;
    private double costSum;
    private long costCount;
    private long durationSum;
    private String lastUsed;
    private long infraErrors;
    private long acrErrors;

    Group(String dimension, String route) {
      this.dimension = dimension;
      this.route = route;
    }

    public String dimension() {
      return dimension;
    }

    public String route() {
      return route;
    }

    /** Attempts that say something about the route: all but infra and acr errors. */
    public long attempts() {
      return attempts;
    }

    /** Attempts that could not reach or use the model ({@code infra_error}). */
    public long infraErrors() {
      return infraErrors;
    }

    /** Attempts acr itself failed around ({@code acr_error}). */
    public long acrErrors() {
      return acrErrors;
    }

    public long resolved() {
      return resolved;
    }

    /** Verified attempts as a percentage of all attempts, 0 to 100. */
    public double verifiedPct() {
      return attempts == 0 ? 0 : 100.0 * resolved / attempts;
    }

    /** Mean cost over the attempts that recorded one; null when none did. */
    public Double meanCostUsd() {
      return costCount == 0 ? null : costSum / costCount;
    }

    public double meanDurationMs() {
      return attempts == 0 ? 0 : (double) durationSum / attempts;
    }

    /** The latest {@code ts} seen, as written in memory (null when no record had one). */
    public String lastUsed() {
      return lastUsed;
    }
  }

  private final Instant since;
  private final Map<String, Group> groups = new HashMap<>();
  private long records;

  /** @param since only count records at or after this instant (null: all). */
  public MemorySummary(Instant since) {
    this.since = since;
  }

  /**
   * Reads a memory file into {@code summary} with the rules of {@link MemoryStore#forEach} (same
   * records, same problems), fast: see {@link SummaryScan}.
   */
  public static void scan(Path file, MemorySummary summary, Consumer<String> problems) throws IOException {
    SummaryScan.scan(file, summary, problems);
  }

  /** Whether a record with timestamp {@code ts} is counted: any without --since, else one at or after it. */
  boolean counts(String ts) {
    if (since == null) {
      return true;
    }
    Instant at = instant(ts);
    return at != null && !at.isBefore(since);
  }

  /** The row of a dimension (null or blank: "unknown") and route, made on first use. */
  Group group(String dimension, String route) {
    String d = dimension == null || dimension.isBlank() ? "unknown" : dimension;
    return groups.computeIfAbsent(d + '\u0000' + route, k -> new Group(d, route));
  }

  /**
   * Counts one record (one that {@link #counts}) in its group; records must come in file order,
   * as the cost sum and the last-used choice depend on it to the last bit.
   */
  void add(Group g, boolean resolved, double costUsd, long durationMs, String ts, byte kind) {
    records++;
    if (ts != null && (g.lastUsed == null || later(ts, g.lastUsed))) {
      g.lastUsed = ts;
    }
    if (kind == INFRA) {
      g.infraErrors++;
      return;
    }
    if (kind == ACR) {
      g.acrErrors++;
      return;
    }
    g.attempts++;
    if (resolved) {
      g.resolved++;
    }
    if (Double.isFinite(costUsd)) {
      g.costSum += costUsd;
      g.costCount++;
    }
    g.durationSum += Math.max(0, durationMs);
  }

  /** Records counted (after the --since filter). */
  public long records() {
    return records;
  }

  /** Groups by dimension name, then attempts (most first), then route name. */
  public List<Group> groups() {
    List<Group> out = new ArrayList<>(groups.values());
    out.sort(Comparator.comparing(Group::dimension)
        .thenComparing(Comparator.comparingLong(Group::attempts).reversed())
        .thenComparing(Group::route));
    return out;
  }

  /** Whether timestamp {@code a} is after {@code b}; unparseable ones compare as text. */
  static boolean later(String a, String b) {
    // Fast path for the usual UTC form: the seconds prefix decides unless it is equal.
    if (a.length() >= 20 && b.length() >= 20 && a.endsWith("Z") && b.endsWith("Z")
        && a.charAt(10) == 'T' && b.charAt(10) == 'T') {
      for (int i = 0; i < 19; i++) {
        if (a.charAt(i) != b.charAt(i)) {
          return a.charAt(i) > b.charAt(i);
        }
      }
    }
    if (a.equals(b)) {
      return false; // the same instant, or the same text: neither is later (saves parsing both)
    }
    Instant ia = instant(a);
    Instant ib = instant(b);
    if (ia != null && ib != null) {
      return ia.isAfter(ib);
    }
    return ia != null || (ib == null && a.compareTo(b) > 0);
  }

  /** An ISO-8601 instant or offset date-time, or null. */
  public static Instant instant(String ts) {
    if (ts == null) {
      return null;
    }
    Instant utc = utc(ts);
    return utc != null ? utc : parsed(ts);
  }

  /** What java.time's ISO parsers make of {@code ts}: an instant or offset date-time, or null. */
  static Instant parsed(String ts) {
    try {
      return Instant.parse(ts);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(ts).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /**
   * The form acr writes, YYYY-MM-DDTHH:MM:SS[.fraction]Z, read without a formatter, which costs about
   * a microsecond a timestamp: most of {@code acr stats --since} over a large memory. Null when
   * {@code ts} is not exactly that form with valid fields, and Instant.parse decides.
   */
  private static Instant utc(String ts) {
    int n = ts.length();
    int fraction = n - 21; // digits after the point, if there is one
    if (n < 20 || n > 30 || ts.charAt(4) != '-' || ts.charAt(7) != '-' || ts.charAt(10) != 'T'
        || ts.charAt(13) != ':' || ts.charAt(16) != ':' || ts.charAt(n - 1) != 'Z'
        || (n > 20 && (ts.charAt(19) != '.' || fraction < 1))) {
      return null;
    }
    int year = digits(ts, 0, 4);
    int month = digits(ts, 5, 7);
    int day = digits(ts, 8, 10);
    int hour = digits(ts, 11, 13);
    int minute = digits(ts, 14, 16);
    int second = digits(ts, 17, 19);
    int nanos = n > 20 ? digits(ts, 20, n - 1) : 0;
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0) {
      return null;
    }
    for (int i = Math.max(fraction, 0); i < 9; i++) {
      nanos *= 10;
    }
    long days = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
  }

  /** The decimal number {@code s[from, to)}, or -1 when not all of it is digits. */
  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
