package dev.acr.exec;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps secrets out of what acr writes down. Agents print their environment more often than one
 * would think (a failing tool dumps it, a debug flag echoes a request with its headers), and acr
 * logs everything an agent prints; so every value the child got under a secret-looking name is
 * replaced by {@code [redacted NAME]} in the log files and in the lines shown live.
 *
 * <p>Secret-looking: a name ending in {@code _KEY} or {@code _TOKEN}, or containing {@code SECRET}
 * or {@code PASSWORD} (any case). Values shorter than {@link #MIN_LENGTH} are left alone: redacting
 * "1" or "true" would mangle the log and protect nothing.
 */
public final class Redactor {

  static final int MIN_LENGTH = 8;

  /** {@code latin}: the UTF-8 bytes read one char per byte, for searching raw output. */
  private record Secret(String value, byte[] bytes, String latin, String replacement) {}

  private final List<Secret> secrets;
  private final int longest;

  private Redactor(List<Secret> secrets) {
    this.secrets = secrets;
    int max = 0;
    for (Secret s : secrets) {
      max = Math.max(max, s.bytes().length);
    }
    this.longest = max;
  }

  public static Redactor none() {
    return new Redactor(List.of());
  }

  /** The secrets in a child's environment. */
  public static Redactor forEnvironment(Map<String, String> environment) {
    List<Secret> found = new ArrayList<>();
    environment.forEach(
        (name, value) -> {
          if (looksSecret(name) && value != null && value.length() >= MIN_LENGTH) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            found.add(new Secret(value, bytes, new String(bytes, StandardCharsets.ISO_8859_1), "[redacted " + name + "]"));
          }
        });
    // Longest first, so a secret that contains another is replaced whole.
    found.sort(Comparator.comparingInt((Secret s) -> s.value().length()).reversed().thenComparing(Secret::value));
    return new Redactor(List.copyOf(found));
  }

  public static boolean looksSecret(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    return n.endsWith("_KEY") || n.endsWith("_TOKEN") || n.contains("SECRET") || n.contains("PASSWORD");
  }

  public boolean isEmpty() {
    return secrets.isEmpty();
  }

  /** The line with every secret replaced. */
  public String line(String s) {
    for (Secret secret : secrets) {
      if (s.contains(secret.value())) {
        s = s.replace(secret.value(), secret.replacement());
      }
    }
    return s;
  }

  /** A stream that writes through to {@code out} with every secret replaced; {@code out} itself when there are none. */
  public OutputStream wrap(OutputStream out) {
    return secrets.isEmpty() ? out : new Redacting(out);
  }

  /**
   * Holds back the last (longest secret − 1) bytes of what it was given, since they may be the
   * start of a secret that the next write completes; they go out on close. Matching is on bytes
   * read as ISO-8859-1, one char per byte, so String's fast search does the work.
   */
  private final class Redacting extends FilterOutputStream {
    private byte[] pending = new byte[0];

    Redacting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      byte[] all = new byte[pending.length + len];
      System.arraycopy(pending, 0, all, 0, pending.length);
      System.arraycopy(b, off, all, pending.length, len);
      pending = emit(all, longest - 1);
    }

    @Override
    public void close() throws IOException {
      try {
        emit(pending, 0);
        pending = new byte[0];
      } finally {
        super.close();
      }
    }

    /** Writes {@code all} with secrets replaced, except a tail of up to {@code keep} bytes, returned. */
    private byte[] emit(byte[] all, int keep) throws IOException {
      String text = new String(all, StandardCharsets.ISO_8859_1);
      int from = 0;
      while (true) {
        int at = -1;
        Secret hit = null;
        for (Secret s : secrets) {
          int i = text.indexOf(s.latin(), from);
          if (i >= 0 && (at < 0 || i < at)) {
            at = i;
            hit = s;
          }
        }
        if (hit == null) {
          break;
        }
        out.write(all, from, at - from);
        out.write(hit.replacement().getBytes(StandardCharsets.UTF_8));
        from = at + hit.bytes().length;
      }
      int end = Math.max(from, all.length - keep);
      out.write(all, from, end - from);
      byte[] rest = new byte[all.length - end];
      System.arraycopy(all, end, rest, 0, rest.length);
      return rest;
    }
  }
}
