package dev.acr.memory;

import java.util.Arrays;

/**
 * The fields a summary needs ({@link RecordFields#SUMMARY}) from one memory line, read straight
 * from its bytes: no decoding into a String, no parser per line, nothing allocated. It handles the
 * lines acr writes (one flat JSON object of plain values) and vouches for a line only when Jackson
 * would read it the same way; for anything else (a torn line, a nested value, an escape or non-ASCII
 * text in a field it keeps, a number it cannot convert exactly, a very long line) {@link #scan}
 * returns -1 and the caller reads the line the general way ({@link RecordFields#summary}), which
 * decides. {@code SummaryFieldsTest} holds the two readers to the same answers.
 *
 * <p>Bytes of 0x80 and above are accepted inside strings it skips: the general reader decodes
 * them (malformed ones as U+FFFD, never swallowing an ASCII byte) into characters JSON allows in a
 * string, so they cannot change its verdict. One instance per thread; its fields hold the last line.
 */
final class SummaryFields {
  /** Longer lines go the general way, far below any of Jackson's length limits. */
  static final int MAX_LINE = 32 * 1024;
  private static final int MAX_NUMBER = 32;
  private static final double[] POW10 = new double[16];
  /** Kinds of value, for {@link #store}. */
  private static final int STRING = 0;
  private static final int NUMBER = 1;
  private static final int TRUE = 2;
  private static final int OTHER = 3;

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10; // exact: powers of ten up to 1e22 are
    }
  }

  /** Where the ts, dimension and route strings are ({@code from} -1: absent, or not a string). */
  int tsFrom;
  int tsTo;
  int dimensionFrom;
  int dimensionTo;
  int routeFrom;
  int routeTo;
  /** Whether the line has a string status. */
  boolean status;
  /** What kind of status: {@link MemorySummary#OTHER}, {@link MemorySummary#INFRA} or {@link MemorySummary#ACR}. */
  byte statusKind;
  boolean resolved;
  long durationMs;
  /** NaN when absent or not a number. */
  double costUsd;

  /**
   * By a field's place in the line: {@code "name":} as a line had it there (a valid plain name,
   * followed by the colon) and the name's constant masked to those kept.
   */
  private final byte[][] keys = new byte[32][];
  private final int[] names = new int[32];
  private byte[] b;
  private int end;
  /** Set by {@link #string}: the string had an escape or a byte above 0x7F. */
  private boolean fancy;

  /**
   * Reads the line starting at {@code from} (ending at the first CR or LF before {@code limit}, or
   * at {@code limit}) and returns where it ends, or -1 when it is not sure of the line.
   */
  int scan(byte[] bytes, int from, int limit) {
    b = bytes;
    end = Math.min(limit, from + MAX_LINE);
    tsFrom = dimensionFrom = routeFrom = -1;
    status = resolved = false;
    statusKind = MemorySummary.OTHER;
    durationMs = 0;
    costUsd = Double.NaN;
    int p = space(from);
    if (p >= end || b[p++] != '{') {
      return -1;
    }
    p = space(p);
    if (p < end && b[p] == '}') {
      p++;
    } else {
      for (int k = 0; ; k++) {
        p = field(p, k);
        if (p < 0) {
          return -1;
        }
        p = space(p);
        byte c = p < end ? b[p++] : 0;
        if (c == '}') {
          break;
        }
        if (c != ',') {
          return -1;
        }
        p = space(p);
      }
    }
    p = space(p);
    return p == limit || (p < end && (b[p] == '\n' || b[p] == '\r')) ? p : -1;
  }

  /**
   * The {@code k}th {@code "name": value} of the line, from {@code p}; where it ends, or -1 when
   * unsure. Lines repeat their names in the same order, so a name is first compared with the
   * bytes {@code "name":} an earlier line had in that place ({@link #keys}): when they are the
   * same, so is the name, and reading and looking it up again is skipped.
   */
  private int field(int p, int k) {
    int name;
    int q;
    byte[] key = k < keys.length ? keys[k] : null;
    if (key != null && end - p >= key.length && Arrays.equals(key, 0, key.length, b, p, p + key.length)) {
      name = names[k];
      p += key.length;
    } else {
      if (p >= end || b[p] != '"') {
        return -1;
      }
      q = string(p + 1);
      if (q < 0 || fancy) {
        return -1; // an escaped name might spell one of ours
      }
      name = RecordFields.field(b, p + 1, q - 1) & RecordFields.SUMMARY;
      if (k < keys.length && q < end && b[q] == ':') {
        keys[k] = Arrays.copyOfRange(b, p, q + 1);
        names[k] = name;
      }
      p = space(q);
      if (p >= end || b[p] != ':') {
        return -1;
      }
      p++;
    }
    p = space(p);
    byte c = p < end ? b[p] : 0;
    int kind;
    if (c == '"') {
      q = string(p + 1);
      if (q < 0 || (fancy && name != 0)) {
        return -1;
      }
      kind = STRING;
      p++; // the value is b[p, q - 1)
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      q = number(p);
      kind = NUMBER;
    } else {
      q = literal(p, "true");
      kind = q > 0 ? TRUE : OTHER;
      q = q > 0 ? q : Math.max(literal(p, "false"), literal(p, "null")); // -1 for objects, arrays, not JSON
    }
    return q < 0 || (name != 0 && !store(name, kind, p, kind == STRING ? q - 1 : q)) ? -1 : q;
  }

  /** Keeps a value of field {@code name} (0: a field not kept); false when it cannot be kept exactly. */
  private boolean store(int name, int kind, int from, int to) {
    switch (name) {
      case RecordFields.TS -> {
        tsFrom = kind == STRING ? from : -1;
        tsTo = to;
      }
      case RecordFields.DIMENSION -> {
        dimensionFrom = kind == STRING ? from : -1;
        dimensionTo = to;
      }
      case RecordFields.ROUTE -> {
        routeFrom = kind == STRING ? from : -1;
        routeTo = to;
      }
      case RecordFields.STATUS -> {
        status = kind == STRING;
        statusKind = !status ? MemorySummary.OTHER
            : literal(from, "infra_error") == to ? MemorySummary.INFRA
            : literal(from, "acr_error") == to ? MemorySummary.ACR : MemorySummary.OTHER;
      }
      case RecordFields.RESOLVED -> resolved = kind == TRUE;
      case RecordFields.DURATION -> {
        durationMs = kind == NUMBER ? longValue(from, to) : 0;
        return durationMs != Long.MIN_VALUE;
      }
      case RecordFields.COST -> {
        costUsd = kind == NUMBER ? exactDouble(from, to) : Double.NaN;
        return kind != NUMBER || !Double.isNaN(costUsd);
      }
      default -> { }
    }
    return true;
  }

  /**
   * A JSON integer of up to 18 digits; Long.MIN_VALUE for anything else (a fraction, an exponent,
   * more digits), which Jackson converts its own way or refuses.
   */
  private long longValue(int from, int to) {
    boolean negative = b[from] == '-';
    int i = negative ? from + 1 : from;
    if (to - i > 18) {
      return Long.MIN_VALUE;
    }
    long v = 0;
    for (; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return Long.MIN_VALUE;
      }
      v = v * 10 + d;
    }
    return negative ? -v : v;
  }

  /**
   * The number {@code b[from, to)} as the double Jackson makes of it (Double.parseDouble, correctly
   * rounded), when that is exact by construction: at most 15 digits (so they fit a double exactly)
   * over a power of ten (exact too), one correctly rounded division. NaN otherwise (an exponent,
   * more digits).
   */
  private double exactDouble(int from, int to) {
    boolean negative = b[from] == '-';
    long mantissa = 0;
    int digits = 0;
    int fraction = -1;
    for (int i = negative ? from + 1 : from; i < to; i++) {
      int d = b[i] - '0';
      if (b[i] == '.') {
        fraction = 0;
      } else if (d < 0 || d > 9 || ++digits > 15) {
        return Double.NaN;
      } else {
        mantissa = mantissa * 10 + d;
        fraction += fraction >= 0 ? 1 : 0;
      }
    }
    if (fraction < 0) {
      return negative ? -mantissa : mantissa; // an int token: -0 is 0, as Jackson reads it
    }
    double value = mantissa / POW10[fraction];
    return negative ? -value : value;
  }

  /**
   * A JSON number (-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?) from {@code p}; where it ends, or
   * -1 when it is not one or longer than {@link #MAX_NUMBER}.
   */
  private int number(int p) {
    int start = p;
    if (b[p] == '-') {
      p++;
    }
    int digits = digits(p);
    if (digits == 0 || (digits > 1 && b[p] == '0')) {
      return -1;
    }
    p += digits;
    if (p < end && b[p] == '.') {
      digits = digits(++p);
      if (digits == 0) {
        return -1;
      }
      p += digits;
    }
    if (p < end && (b[p] == 'e' || b[p] == 'E')) {
      p++;
      if (p < end && (b[p] == '+' || b[p] == '-')) {
        p++;
      }
      digits = digits(p);
      if (digits == 0) {
        return -1;
      }
      p += digits;
    }
    return p - start <= MAX_NUMBER ? p : -1;
  }

  private int digits(int p) {
    int i = p;
    while (i < end && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    return i - p;
  }

  /**
   * The rest of a string after its opening quote at {@code p - 1}: where it ends (past the closing
   * quote), or -1 when it is not a valid JSON string within the line (a control character, a bad
   * escape, no closing quote). Sets {@link #fancy}.
   */
  private int string(int p) {
    byte[] a = b;
    int e = end;
    boolean f = false;
    while (p < e) {
      byte c = a[p++];
      if (c == '"') {
        fancy = f;
        return p;
      }
      if (c == '\\') {
        p = escape(p);
        if (p < 0) {
          return -1;
        }
        f = true;
      } else if (c < 0x20) {
        if (c >= 0) {
          return -1; // JSON wants control characters escaped; CR and LF end the line
        }
        f = true; // a byte of a UTF-8 sequence
      }
    }
    return -1;
  }

  /** The rest of an escape after its backslash; where it ends, or -1 when JSON has no such escape. */
  private int escape(int p) {
    if (p >= end) {
      return -1;
    }
    byte c = b[p++];
    if (c == 'u') {
      for (int i = 0; i < 4; i++, p++) {
        if (p >= end || Character.digit(b[p], 16) < 0) {
          return -1;
        }
      }
      return p;
    }
    return c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r' || c == 't' ? p : -1;
  }

  /** Where {@code word} ends if it is at {@code p}, else -1. */
  private int literal(int p, String word) {
    int n = word.length();
    if (end - p < n) {
      return -1;
    }
    for (int i = 0; i < n; i++) {
      if (b[p + i] != word.charAt(i)) {
        return -1;
      }
    }
    return p + n;
  }

  private int space(int p) {
    while (p < end && (b[p] == ' ' || b[p] == '\t')) {
      p++;
    }
    return p;
  }
}
