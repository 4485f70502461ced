package dev.acr.memory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Some fields of a memory line, read token by token: several times faster than binding whole
 * records, for the readers that stream a large memory ({@code acr stats}, {@code acr runs}). Values
 * of fields not asked for are skipped without being decoded; in the record returned they are
 * null/0/false. Use as a {@link MemoryStore.LineReader}: null when the line is not one JSON object.
 */
final class RecordFields {
  static final int TS = 1;
  static final int RUN_ID = 1 << 1;
  static final int ATTEMPT = 1 << 2;
  static final int TASK = 1 << 3;
  static final int PROMPT = 1 << 4;
  static final int DIMENSION = 1 << 5;
  static final int ROUTE = 1 << 6;
  static final int STATUS = 1 << 7;
  static final int RESOLVED = 1 << 8;
  static final int DURATION = 1 << 9;
  static final int COST = 1 << 10;
  static final int SOURCE = 1 << 11;

  /** What a summary per dimension and route needs. */
  static final int SUMMARY = TS | DIMENSION | ROUTE | STATUS | RESOLVED | DURATION | COST;
  /** What a run's line in {@code acr runs} needs, but its task and prompt. */
  static final int BRIEF = SUMMARY | RUN_ID | ATTEMPT | SOURCE;

  private static final JsonFactory FACTORY = new JsonFactory();

  private RecordFields() {}

  static MemoryRecord summary(String line) throws IOException {
    return read(line, SUMMARY);
  }

  static MemoryRecord brief(String line) throws IOException {
    return read(line, BRIEF);
  }

  static MemoryRecord briefWithPrompt(String line) throws IOException {
    return read(line, BRIEF | TASK | PROMPT);
  }

  /** The {@code fields} (a mask of the constants above) of one JSON line; null when it is not one JSON object. */
  static MemoryRecord read(String line, int fields) throws IOException {
    String ts = null;
    String runId = null;
    int attempt = 0;
    String task = null;
    String prompt = null;
    String dimension = null;
    String route = null;
    String status = null;
    boolean resolved = false;
    long durationMs = 0;
    Double cost = null;
    String source = null;
    try (JsonParser p = FACTORY.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        switch (field(name) & fields) {
          case TS -> ts = text(p, v);
          case RUN_ID -> runId = text(p, v);
          case ATTEMPT -> attempt = v.isNumeric() ? p.getValueAsInt() : 0;
          case TASK -> task = text(p, v);
          case PROMPT -> prompt = text(p, v);
          case DIMENSION -> dimension = text(p, v);
          case ROUTE -> route = text(p, v);
          case STATUS -> status = text(p, v);
          case RESOLVED -> resolved = v == JsonToken.VALUE_TRUE;
          case DURATION -> durationMs = v.isNumeric() ? p.getValueAsLong() : 0;
          case COST -> cost = v.isNumeric() ? p.getValueAsDouble() : null;
          case SOURCE -> source = text(p, v);
          default -> p.skipChildren();
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        return null;
      }
    }
    return new MemoryRecord(ts, runId, attempt, task, prompt, dimension, null, null, route, resolved, false, status,
        null, durationMs, cost, null, null, source, null, null, null);
  }

  /** The field names, in the order of the constants above (name {@code i} is {@code 1 << i}). */
  private static final String[] NAMES = {
    "ts", "run_id", "attempt", "task", "prompt", "dimension", "route", "status", "resolved", "duration_ms",
    "cost_usd", "source",
  };
  private static final byte[][] NAME_BYTES = new byte[NAMES.length][];
  /** 1 + the index into NAMES of the one name in each {@link #slot}, 0 for none. */
  private static final byte[] SLOTS = new byte[32];

  static {
    for (int i = 0; i < NAMES.length; i++) {
      String name = NAMES[i];
      NAME_BYTES[i] = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      int slot = slot(name.charAt(0), name.charAt(name.length() - 1), name.length());
      if (SLOTS[slot] != 0) {
        throw new IllegalStateException("field names " + NAMES[SLOTS[slot] - 1] + " and " + name + " share a slot");
      }
      SLOTS[slot] = (byte) (i + 1);
    }
  }

  private static int field(String name) {
    int n = name.length();
    int i = n < 2 ? -1 : SLOTS[slot(name.charAt(0), name.charAt(n - 1), n)] - 1;
    return i >= 0 && NAMES[i].equals(name) ? 1 << i : 0;
  }

  /** The constant for the name in {@code b[from, to)} (ASCII, no escapes), 0 for other names. */
  static int field(byte[] b, int from, int to) {
    int i = to - from < 2 ? -1 : SLOTS[slot(b[from], b[to - 1], to - from)] - 1;
    return i >= 0 && java.util.Arrays.equals(NAME_BYTES[i], 0, NAME_BYTES[i].length, b, from, to) ? 1 << i : 0;
  }

  /**
   * Where a name of two characters or more goes in {@link #SLOTS}: by its first and last
   * characters and its length, which tell all of NAMES apart (checked when the class loads), so a
   * name read from a line is compared with one of them at most.
   */
  private static int slot(int first, int last, int length) {
    return (first * 4 + last * 3 + length * 7) & 31;
  }

  private static String text(JsonParser p, JsonToken v) throws IOException {
    return v == JsonToken.VALUE_STRING ? p.getText() : null;
  }
}
