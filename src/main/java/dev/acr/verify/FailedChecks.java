package dev.acr.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the failing checks are, as a failing baseline's output locates them, and a change that deletes one. A stand-in that
 * deleted the failing {@code assert add(2, 3) == 5} from a pytest test that asserts twice was verified (the test passed),
 * and so was one that deleted dleonard0/infod3's failing {@code PASS("x*€", "xせ₫€");} line, whose assert() had said
 * {@code t-match: daemon/t-match.c:65: main: Assertion `match("x*€", "xせ₫€")' failed.}: the test was still defined, so no
 * rule on deleted tests saw it.
 *
 * <p>A place is a check's when the output says so: C's assert() ({@code FILE:LINE: FUNC: Assertion `…' failed.}), pytest's
 * {@code FILE:LINE: AssertionError}, or any {@code FILE:LINE} in a test file (Go's {@code calc_test.go:9: add(2, 3) = -1},
 * a stack's {@code (test/x.test.js:12:5)}, Python's {@code File "tests/test_x.py", line 6}). A place in the code under test
 * (a traceback's frame) is not one: deleting the line that raised may be the fix.
 */
public final class FailedChecks {

  /** At most this many places are kept. */
  private static final int KEPT = 200;
  /** The output read for them, from its start. */
  private static final int MAX_LINES = 100_000;

  private static final Pattern C_ASSERT = Pattern.compile("(?:^|\\s)(\\S+?):(\\d+): [^:]+: Assertion `.*' failed\\.");
  private static final Pattern PYTEST_ASSERT = Pattern.compile("^(\\S+?):(\\d+): AssertionError\\b");
  private static final Pattern PLACE = Pattern.compile("(?:^|[\\s(\"'\\[])((?:/|\\./)?(?:[\\w.@+-]+/)*[\\w.@+-]+\\.[A-Za-z]\\w*):(\\d+)\\b");
  private static final Pattern PYTHON_FRAME = Pattern.compile("File \"([^\"]+)\", line (\\d+)");
  /** An acr worktree's folder, which the patch's paths do not have. */
  private static final Pattern WORKTREE = BuildErrors.WORKTREE;
  private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,\\d+)? \\+\\d+(?:,\\d+)? @@");

  private FailedChecks() {}

  /** The places of failing checks in the output logged at {@code log}, as {@code path:line}; empty when it cannot be read. */
  public static Set<String> in(Path log) {
    Set<String> out = new LinkedHashSet<>();
    try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      int read = 0;
      for (String l = in.readLine(); l != null && read++ < MAX_LINES && out.size() < KEPT; l = in.readLine()) {
        out.addAll(of(l));
      }
    } catch (IOException | UncheckedIOException e) {
      // Unreadable or not UTF-8 past some point: the places read so far stand.
    }
    return out;
  }

  /** The places of failing checks one line of output gives. */
  static List<String> of(String line) {
    List<String> out = new ArrayList<>();
    Matcher m;
    if ((m = C_ASSERT.matcher(line)).find() || (m = PYTEST_ASSERT.matcher(line.strip())).find()) {
      out.add(place(m.group(1), m.group(2)));
      return out;
    }
    for (Pattern p : List.of(PLACE, PYTHON_FRAME)) {
      m = p.matcher(line);
      while (m.find()) {
        String file = WORKTREE.matcher(m.group(1)).replaceFirst("");
        if (DisabledTests.testPath(file) && !DisabledTests.NOT_TESTS.matcher(file).find()) {
          out.add(place(file, m.group(2)));
        }
      }
    }
    return out;
  }

  private static String place(String file, String line) {
    return WORKTREE.matcher(file).replaceFirst("").replaceFirst("^\\./", "") + ":" + line;
  }

  /**
   * What is said of a change in {@code patch} that deletes a failing check at one of {@code places}, unless {@code prompt}
   * asks for tests to be turned off or removed; empty when it deletes none.
   */
  public static Optional<String> deletedBy(Path patch, String prompt, Set<String> places) {
    return DisabledTests.asksTestsOff(prompt) ? Optional.empty() : deleted(patch, places).map(f -> DisabledTests.turnsOff(List.of(f)));
  }

  /**
   * A line of {@code patch} at one of {@code places} that the change deletes, or comments out, and puts nothing else in place
   * of, said for the user ({@code the failing check at daemon/t-match.c:65 ('PASS("x*€", "xせ₫€");') deleted}); empty when none
   * is, or the patch cannot be read. The place's path may be the patch's, or the end of it (a run from a package folder).
   */
  static Optional<String> deleted(Path patch, Set<String> places) {
    if (places.isEmpty()) {
      return Optional.empty();
    }
    try (BufferedReader in = Files.newBufferedReader(patch, StandardCharsets.UTF_8)) {
      String file = null;
      int old = 0;
      List<String[]> removed = new ArrayList<>(); // the run of removed lines now being read: {line number, text}
      List<String> added = new ArrayList<>();
      for (String l = in.readLine(); l != null; l = in.readLine()) {
        Matcher h = HUNK.matcher(l);
        boolean change = file != null && old > 0 && (l.startsWith("-") || l.startsWith("+")) && !l.startsWith("---") && !l.startsWith("+++");
        if (!change) {
          Optional<String> found = removed.isEmpty() ? Optional.empty() : gone(file, removed, added, places);
          if (found.isPresent()) {
            return found;
          }
          removed.clear();
          added.clear();
        }
        if (l.startsWith("+++ ")) {
          file = l.startsWith("+++ b/") ? l.substring(6) : null;
          old = 0;
        } else if (h.find()) {
          old = Integer.parseInt(h.group(1));
        } else if (change && l.startsWith("-")) {
          removed.add(new String[] {Integer.toString(old++), l.substring(1)});
        } else if (change) {
          added.add(l.substring(1));
        } else if (old > 0 && l.startsWith(" ")) {
          old++;
        }
      }
      return removed.isEmpty() ? Optional.empty() : gone(file, removed, added, places);
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /** A removed line at one of the places, in a run of the diff that adds nothing but comments holding it. */
  private static Optional<String> gone(String file, List<String[]> removed, List<String> added, Set<String> places) {
    for (String[] r : removed) {
      String text = r[1].strip();
      boolean replaced = added.stream().anyMatch(a -> !PatchScan.comment(a.strip()) || !a.contains(text));
      if (text.isEmpty() || replaced || !at(file, r[0], places)) {
        continue;
      }
      return Optional.of("the failing check at " + file + ":" + r[0] + " ('" + DisabledTests.shorten(text) + "') "
          + (added.isEmpty() ? "deleted" : "commented out"));
    }
    return Optional.empty();
  }

  private static boolean at(String file, String line, Set<String> places) {
    for (String p : places) {
      int colon = p.lastIndexOf(':');
      String path = p.substring(0, colon);
      if (p.substring(colon + 1).equals(line) && (file.equals(path) || file.endsWith("/" + path) || path.endsWith("/" + file))) {
        return true;
      }
    }
    return false;
  }
}
