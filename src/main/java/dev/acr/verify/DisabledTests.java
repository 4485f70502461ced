package dev.acr.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A change that makes the tests pass by turning tests off: a skip or expected-failure marker added
 * to an existing test file ({@code @pytest.mark.skip}, {@code it.skip(}, {@code t.Skip(}, {@code
 * #[ignore]}, {@code @Disabled}, ...), a test file deleted with none added, or the definition of a
 * test the baseline named failing deleted with no line of the change naming it again. Coding agents do
 * this when they cannot fix a failing test, and the test command then passes: such an attempt is
 * not verified, unless the user asked for it (the prompt says skip, disable, ignore, ...; or
 * remove/delete for a deleted file). Markers in a file the change creates are the agent's own new
 * tests (a platform skipif), and a marker line the change also removed was only moved.
 */
public final class DisabledTests {

  /** The reason a failed attempt records (memory's {@code reason}); it is the agent's doing, so evidence about its route. */
  public static final String REASON = "turned tests off";

  /** Enough of any real patch; past it the rest is not read (a generated file, a vendored tree). */
  private static final int MAX_LINES = 200_000;

  private static final Pattern TEST_FILE = Pattern.compile(
      "(?:^|/)(?:tests?|specs?|__tests__|testing|t)/"
          + "|(?:^|/)test_[^/]+\\.py$|_test\\.(?:py|go|rb|exs|ts|js|mjs|dart|cc|cpp|c|lua|nim)$"
          + "|\\.(?:test|spec)\\.[cm]?[jt]sx?$|(?:Test|Tests|IT|Spec)\\.(?:java|kt|scala|groovy|cs|php|swift)$"
          + "|_spec\\.(?:rb|cr|lua)$");

  private static final Pattern JS = Pattern.compile(
      "\\b(?:it|test|describe|context|suite|specify)\\.(?:skip|todo)\\b|\\bx(?:it|test|describe|context)\\s*\\("
          + "|\\bthis\\.skip\\(\\)|\\b(?:ignore|skip)\\s*:\\s*true\\b|\\bDeno\\.test\\.ignore\\(");
  private static final Pattern JVM = Pattern.compile("@(?:Disabled|Ignore)\\b");
  /** scalatest's {@code ignore("x")} and {@code "x" ignore in}, munit's {@code test("x".ignore)}, and JUnit's annotations. */
  private static final Pattern SCALA = Pattern.compile("@(?:Disabled|Ignore)\\b|\\bignore\\s*\\(|\\bignore\\s+(?:should|in|must|can)\\b"
      + "|\\.ignore\\b");

  /** Each language's ways to switch a test off, by file extension, matched on an added line (trimmed). */
  private static final Map<String, Pattern> MARKERS = Map.ofEntries(
      Map.entry("py", Pattern.compile("@pytest\\.mark\\.(?:skip|skipif|xfail)\\b|@unittest\\.(?:skip\\w*|expectedFailure)\\b"
          + "|\\bpytest\\.(?:skip|xfail)\\(|\\.skipTest\\(|\\braise\\s+(?:unittest\\.)?SkipTest\\b")),
      Map.entry("js", JS), Map.entry("mjs", JS), Map.entry("cjs", JS), Map.entry("jsx", JS),
      Map.entry("ts", JS), Map.entry("tsx", JS), Map.entry("mts", JS), Map.entry("cts", JS),
      Map.entry("go", Pattern.compile("\\b[tb]\\.Skip(?:f|Now)?\\(")),
      Map.entry("rs", Pattern.compile("^#\\[ignore\\b")),
      Map.entry("java", JVM), Map.entry("kt", JVM), Map.entry("scala", SCALA), Map.entry("groovy", JVM),
      Map.entry("zig", Pattern.compile("\\berror\\.SkipZigTest\\b")),
      Map.entry("dart", Pattern.compile("\\bskip\\s*:\\s*(?:true\\b|['\"])")),
      Map.entry("jl", Pattern.compile("@test_(?:skip|broken)\\b")),
      Map.entry("rb", Pattern.compile("^(?:skip|pending)(?:\\s|\\(|$)|^x(?:it|describe|context|specify)\\b")),
      Map.entry("php", Pattern.compile("markTest(?:Skipped|Incomplete)\\(")),
      Map.entry("cs", Pattern.compile("\\[(?:Ignore|Fact\\s*\\(\\s*Skip|Theory\\s*\\(\\s*Skip)\\b")),
      Map.entry("exs", Pattern.compile("^@(?:module)?tag\\s+:skip\\b")),
      Map.entry("swift", Pattern.compile("\\bXCTSkip\\b")),
      Map.entry("scm", Pattern.compile("\\(test-(?:skip|expect-fail)\\b")));

  /** A line that defines a test, in the languages acr reads failing names of (the name itself is looked for after). */
  private static final Pattern DEFINITION = Pattern.compile("^(?:async\\s+)?(?:def|func|fn|pub\\s+fn|function|sub|fun"
      + "|(?:public\\s+|private\\s+|protected\\s+)?(?:static\\s+)?(?:async\\s+)?(?:void|function)"
      + "|it|test|specify|describe|Deno\\.test|@testset|\\(deftest|\\(test-\\w+)\\b");

  private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@");

  /** Words by which a prompt asks for tests to be switched off, or removed. */
  private static final Pattern ASKED_OFF = Pattern.compile("\\b(?:skip|disable|ignore|xfail|quarantine|mute|pending|turn(?:s|ing)? off)");
  private static final Pattern ASKED_REMOVED = Pattern.compile("\\b(?:remove|delete|drop|get rid)");

  private DisabledTests() {}

  /**
   * What in {@code patch} turns tests off that {@code prompt} did not ask for, said for the user
   * ("@pytest.mark.skip added to tests/test_a.py:12"); empty when nothing does or the patch cannot
   * be read (the tests then decide, as before). {@code failing}: the tests the baseline named
   * failing, whose deleted definitions count too.
   */
  public static Optional<String> find(Path patch, String prompt, List<String> failing) {
    String asked = prompt == null ? "" : prompt.toLowerCase(Locale.ROOT);
    Scan scan;
    try {
      scan = Scan.of(patch);
    } catch (IOException | java.io.UncheckedIOException e) {
      return Optional.empty();
    }
    List<String> found = new ArrayList<>();
    if (!ASKED_OFF.matcher(asked).find()) {
      for (Added a : scan.markers) {
        if (!scan.removed.getOrDefault(a.file, Set.of()).contains(a.text)) {
          found.add("'" + shorten(a.text) + "' added to " + a.file + ":" + a.line);
        }
      }
    }
    if (!ASKED_REMOVED.matcher(asked).find()) {
      if (scan.testFilesAdded == 0) {
        scan.deleted.forEach(f -> found.add(f + " deleted"));
      }
      for (String name : failing) {
        String id = identifier(name);
        Pattern word = id == null ? null : Pattern.compile("(?<!\\w)" + Pattern.quote(id) + "(?!\\w)");
        if (word != null && scan.added.stream().noneMatch(a -> word.matcher(a).find())) {
          scan.definitions.stream().filter(r -> word.matcher(r.text).find()).findFirst()
              .ifPresent(r -> found.add("the failing test " + id + " deleted from " + r.file));
        }
      }
    }
    if (found.isEmpty()) {
      return Optional.empty();
    }
    List<String> shown = found.subList(0, Math.min(3, found.size()));
    return Optional.of("its change turns tests off instead of making them pass (" + String.join("; ", shown)
        + (found.size() > shown.size() ? "; " + (found.size() - shown.size()) + " more" : "")
        + "), so it is not verified; if that is what you want, say so in the prompt (skip, disable, remove)");
  }

  /**
   * The name a test's definition would hold, from the name a runner printed: pytest's {@code
   * tests/test_a.py::test_x[1]} and {@code Suite › name} to their last part, a Go subtest to its
   * test, Surefire's {@code dev.x.FooTest.bar} to the method, unittest's {@code test_x (mod.Case)}
   * and a Deno step ({@code parse() handles major ...  1.2.3}) to the test. Null when too short to
   * be told from other words (a package line's {@code com}).
   */
  static String identifier(String name) {
    String n = name;
    for (String end : new String[] {" ... ", " ("}) {
      n = n.indexOf(end) > 0 ? n.substring(0, n.indexOf(end)) : n;
    }
    for (String sep : new String[] {"::", " › ", " > "}) {
      n = n.contains(sep) ? n.substring(n.lastIndexOf(sep) + sep.length()) : n;
    }
    n = n.indexOf('[') > 0 ? n.substring(0, n.indexOf('[')) : n;
    if (!n.contains(" ")) {
      n = n.indexOf('/') > 0 ? n.substring(0, n.indexOf('/')) : n;
      n = n.substring(n.lastIndexOf('.') + 1);
    }
    n = n.strip();
    return n.length() >= 5 ? n : null;
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 59) + "…";
  }

  private record Added(String file, int line, String text) {}

  /** One pass over a unified diff: markers added to existing test files, lines removed per file, test files deleted. */
  private static final class Scan {
    final List<Added> markers = new ArrayList<>();
    final Map<String, Set<String>> removed = new HashMap<>();
    final List<String> deleted = new ArrayList<>();
    /** Every line the change adds, in any file: a deleted test named again (moved, renamed back) is not gone. */
    final List<String> added = new ArrayList<>();
    /** Lines of test files the change removes that define a test. */
    final List<Added> definitions = new ArrayList<>();
    int testFilesAdded;

    static Scan of(Path patch) throws IOException {
      Scan s = new Scan();
      String file = null;
      boolean testFile = false;
      Pattern marker = null;
      boolean newFile = false;
      boolean inBinary = false;
      int line = 0;
      int read = 0;
      try (BufferedReader in = Files.newBufferedReader(patch, StandardCharsets.UTF_8)) {
        for (String l = in.readLine(); l != null && read++ < MAX_LINES; l = in.readLine()) {
          if (l.startsWith("diff --git ")) {
            int b = l.lastIndexOf(" b/");
            file = b > 0 ? l.substring(b + 3) : null;
            // Rust and Zig keep unit tests beside the code: any .rs file may hold a #[ignore], any .zig file a test.
            testFile = file != null && (TEST_FILE.matcher(file).find() || file.endsWith(".rs") || file.endsWith(".zig"));
            marker = file == null ? null : MARKERS.get(file.substring(file.lastIndexOf('.') + 1));
            newFile = false;
            inBinary = false;
          } else if (inBinary || file == null) {
            continue;
          } else if (l.startsWith("GIT binary patch") || l.startsWith("Binary files ")) {
            inBinary = true;
          } else if (l.startsWith("new file mode")) {
            newFile = true;
            s.testFilesAdded += TEST_FILE.matcher(file).find() ? 1 : 0;
          } else if (l.startsWith("deleted file mode")) {
            if (testFile && TEST_FILE.matcher(file).find()) {
              s.deleted.add(file);
            }
          } else if (l.startsWith("+++ ") || l.startsWith("--- ")) {
            continue;
          } else if (l.startsWith("@@")) {
            Matcher m = HUNK.matcher(l);
            line = m.find() ? Integer.parseInt(m.group(1)) : 0;
          } else if (l.startsWith("+")) {
            String text = l.substring(1).strip();
            s.added.add(text);
            if (testFile && !newFile && marker != null && marker.matcher(text).find() && !comment(text)) {
              s.markers.add(new Added(file, line, text));
            }
            line++;
          } else if (l.startsWith("-")) {
            String text = l.substring(1).strip();
            s.removed.computeIfAbsent(file, k -> new HashSet<>()).add(text);
            if (testFile && DEFINITION.matcher(text).find()) {
              s.definitions.add(new Added(file, 0, text));
            }
          } else if (l.startsWith(" ")) {
            line++;
          }
        }
      } catch (java.nio.charset.MalformedInputException e) {
        // Not UTF-8 text: what was read so far stands.
      }
      return s;
    }

    /** A marker in a comment is no marker: {@code // it.skip(...) would hide this}. */
    private static boolean comment(String text) {
      return text.startsWith("//") || text.startsWith("#") && !text.startsWith("#[") || text.startsWith("*")
          || text.startsWith("/*") || text.startsWith(";");
    }
  }
}
