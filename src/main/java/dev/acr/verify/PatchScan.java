package dev.acr.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One pass over an attempt's unified diff for {@link DisabledTests}: the skip markers added to tests
 * that were already there, the test files deleted, the test definitions removed (and the other removed
 * test lines holding a quoted title: a TAP assertion's {@code TestIs(x, 1, 'parses dates')}), every added line.
 * Whether a marker's test is new is read from the hunk: a decorator ({@code @pytest.mark.skip},
 * {@code @Disabled}, {@code #[ignore]}) belongs to the next definition, a call in a body ({@code
 * t.Skip(}) to the last one above it, and a marked definition ({@code it.skip('x'}) is an old test
 * when a removed line held its title. A definition is new when the change adds it and removed no
 * line like it; none in sight means the test began above the hunk, so it was there before.
 */
record PatchScan(List<Line> markers, List<String> deletedTestFiles, int testFilesAdded, List<Line> definitions, List<Line> titled,
    List<String> added, List<String> unlisted, List<Checks> checks, List<String> files) {

  record Line(String file, int line, String text) {}

  /**
   * The checks the change removes from and adds to a test file that states its checks one a line, the first removed one's
   * text: a hardware testbench's ({@link HdlTestbenches#check}), a Forth test's ({@link ForthTests#check}).
   */
  record Checks(String file, int removed, int added, String firstRemoved) {}

  private record Switch(Line at, List<String> found) {}

  /** The extensions of {@link HdlTestbenches#TESTBENCH} and {@link ForthTests#TEST_FILE} (in any case). */
  private static final Set<String> HDL = Set.of("v", "sv", "vhd", "vhdl");
  private static final Set<String> FORTH = Set.of("fs", "fth", "4th", "fr");

  private static long count(List<String> found, String f) {
    return found.stream().filter(f::equals).count();
  }

  private static long occurrences(String line, String f) {
    long n = 0;
    for (int i = line.indexOf(f); i >= 0; i = line.indexOf(f, i + f.length())) {
      n++;
    }
    return n;
  }

  /** A definition that names a test ({@code def test_x}, {@code func TestX}, {@code it(}, {@code @Test}), not any function. */
  private static final Pattern TEST_LIKE = Pattern.compile("(?i)test|^x?(?:it|describe|context|specify)\\b|^@testset|spec");
  /** Whether {@code line} defines a test, not any function: {@code def test_x}, {@code (test parse-language}. */
  private static boolean definesTest(String line) {
    return DisabledTests.DEFINITION.matcher(line).find() && TEST_LIKE.matcher(line).find();
  }

  private static final Pattern TEST_AFFIX = Pattern.compile("^(?:test_|test-|Test(?=[A-Z]))|(?:_test|-test|Tests?|IT|_spec|Spec)$");

  /**
   * A file's name without folder, extension and test affixes, in lower case: context_1.17_test.go and context_1.17.go,
   * GraphAdapterBuilderTest.java and GraphAdapterBuilder.java, test_vibe.py and vibe.py alike.
   */
  static String stem(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    name = name.lastIndexOf('.') > 0 ? name.substring(0, name.lastIndexOf('.')) : name;
    name = name.endsWith(".test") || name.endsWith(".spec") ? name.substring(0, name.lastIndexOf('.')) : name;
    return TEST_AFFIX.matcher(name).replaceAll("").toLowerCase(java.util.Locale.ROOT);
  }

  private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@");
  private static final Pattern TITLE = Pattern.compile("[\"'`]([^\"'`]{3,})[\"'`]");

  static PatchScan of(Path patch, int maxLines) throws IOException {
    Reader r = new Reader();
    try (BufferedReader in = Files.newBufferedReader(patch, StandardCharsets.UTF_8)) {
      int read = 0;
      for (String l = in.readLine(); l != null && read++ < maxLines; l = in.readLine()) {
        r.accept(l);
      }
    } catch (java.nio.charset.MalformedInputException e) {
      // Not UTF-8 text: what was read so far stands.
    }
    r.endHunk();
    List<String> deleted = new ArrayList<>();
    Set<String> addedLines = new HashSet<>(r.added);
    // Tests the change adds anywhere, renamed or not: as many as a deleted file held is a move, not tests turned off.
    long addedTests = r.added.stream().filter(PatchScan::definesTest).count();
    Set<String> goneCode = r.deletedAny.stream().filter(f -> !DisabledTests.testPath(f)).map(PatchScan::stem).collect(Collectors.toSet());
    r.deleted.forEach((file, lines) -> {
      // A test file by its name, or source code in a test folder that defined tests (not a snapshot, fixture, resource or
      // helper module: tests/utils.py's functions are no tests).
      List<Line> defs = r.definitions.stream().filter(d -> d.file().equals(file)).toList();
      boolean byName = DisabledTests.TEST_NAME.matcher(file).find();
      long testDefs = defs.stream().filter(d -> TEST_LIKE.matcher(d.text()).find()).count();
      // Not turned off: tests moved into another file (most of its definitions added again, or as many tests added elsewhere:
      // httpx's "Moving test cases into test_url.py", renamed), nor the tests of code the change deletes too (gin's
      // context_1.17_test.go with context_1.17.go).
      boolean moved = !defs.isEmpty() && (2 * defs.stream().filter(d -> addedLines.contains(d.text())).count() >= defs.size()
          || testDefs > 0 && addedTests >= testDefs);
      boolean codeGone = goneCode.contains(stem(file));
      if ((byName || DisabledTests.TEST_DIR.matcher(file).find() && !DisabledTests.NOT_TESTS.matcher(file).find() && testDefs > 0)
          && !moved && !codeGone) {
        deleted.add(file);
      }
    });
    // A switch is new unless a removed line anywhere in the diff had it: config moved from setup.cfg to pyproject.toml
    // (which the diff shows first) or kept on an edited line is not a change of what runs.
    List<Line> markers = new ArrayList<>(r.markers);
    for (Switch sw : r.switches) {
      if (DisabledTests.onExistingTestsOnly(sw.at().file()) && !wasThere(sw.at(), r.removed)) {
        continue;
      }
      // More of a switch than any removed line had: '--deselect a' becoming '--deselect a --deselect b' adds one.
      if (sw.found().stream().anyMatch(f -> count(sw.found(), f) > r.removed.values().stream().flatMap(Set::stream)
          .mapToLong(old -> occurrences(old, f)).max().orElse(0))) {
        markers.add(sw.at());
      }
    }
    // A Coq proof given up before the change, which it edits or moves ("intros. Admitted." becoming "intros. simpl.
    // Admitted."), gives up nothing more: only a file with more such lines added than removed has a proof newly given up.
    markers.removeIf(m -> r.givenUp.containsKey(m.file()) && r.givenUp.get(m.file())[0] <= r.givenUp.get(m.file())[1]);
    // Proof files a _CoqProject no longer lists (a line "Compil.v" removed, not added back): coq_makefile then leaves them
    // unchecked, so a broken proof no other file imports passes make (xavierleroy/cdf-mech-sem, sixth session). Not a file
    // the change deletes too: renamed (diff-index shows a deletion and an addition) or merged into another.
    List<String> unlisted = r.removed.entrySet().stream().filter(e -> e.getKey().endsWith(CoqProject.FILE))
        .flatMap(e -> e.getValue().stream().filter(t -> t.endsWith(".v") && !addedLines.contains(t)
            && !r.deletedAny.contains(sibling(e.getKey(), t)))).sorted().toList();
    List<Checks> checks = r.checks.entrySet().stream()
        .map(e -> new Checks(e.getKey(), e.getValue()[0], e.getValue()[1], r.firstCheckRemoved.get(e.getKey()))).toList();
    return new PatchScan(markers, deleted, r.testFilesAdded, r.definitions, r.titled, r.added, unlisted, checks, r.files);
  }

  /**
   * The tests a change to test files alone deletes, when it adds none (a test moved is added again), said for the user: "2 tests
   * deleted from tests/unit-tests.ss ('(test unparse-language'), and nothing but tests changed". Such a change fixes nothing,
   * whatever the runner prints. Empty when the change touches any other file, adds a test or deletes none.
   */
  Optional<String> testsRemovedAlone() {
    if (files.isEmpty() || !files.stream().allMatch(DisabledTests::testPath)
        || added.stream().anyMatch(PatchScan::definesTest)) {
      return Optional.empty();
    }
    List<Line> gone = definitions.stream().filter(d -> TEST_LIKE.matcher(d.text()).find()).toList();
    return gone.isEmpty() ? Optional.empty() : Optional.of(gone.size() + (gone.size() == 1 ? " test" : " tests") + " deleted from "
        + gone.get(0).file() + " ('" + DisabledTests.shorten(gone.get(0).text()) + "'), and nothing but tests changed");
  }

  /**
   * The checks a change removes from a test file it does not create, when it removes more than it adds ({@link Checks}):
   * "2 checks removed from the testbench src/tb/tb_sha256.v ('error_ctr = error_ctr + 1;')". A stand-in that stopped counting
   * errors on secworks/sha256 was verified, and one that deleted failing tests from irdvo/ffl's test/b64_test.fs: neither
   * kind of file names its tests for the baseline's failures to be looked for. Empty when none is.
   */
  Optional<String> checksRemoved() {
    for (Checks c : checks) {
      int gone = c.removed() - c.added();
      if (gone > 0) {
        String kind = HdlTestbenches.TESTBENCH.matcher(c.file()).find() ? "the testbench " : "the test file ";
        return Optional.of(gone + " check" + (gone == 1 ? "" : "s") + " removed from " + kind + c.file() + " ('"
            + DisabledTests.shorten(c.firstRemoved()) + "')");
      }
    }
    return Optional.empty();
  }

  /** The diff's name of {@code name}, a path relative to the folder of {@code file} (a path in the diff too). */
  private static String sibling(String file, String name) {
    Path dir = Path.of(file).getParent();
    return (dir == null ? Path.of(name) : dir.resolve(name)).normalize().toString();
  }

  /** Whether a removed line of {@code at}'s file held its first quoted title: the test it configures was there before. */
  private static boolean wasThere(Line at, Map<String, Set<String>> removed) {
    Matcher t = TITLE.matcher(at.text());
    return t.find() && removed.getOrDefault(at.file(), Set.of()).stream().anyMatch(old -> old.contains(t.group(0)));
  }

  /** The diff's lines in order; the state of the file and hunk being read. */
  private static final class Reader {
    final List<Line> markers = new ArrayList<>();
    final Map<String, Boolean> deleted = new LinkedHashMap<>();
    /** Every file the change deletes, tests or not. */
    final Set<String> deletedAny = new HashSet<>();
    final List<Line> definitions = new ArrayList<>();
    final List<Line> titled = new ArrayList<>();
    /** A runner's configuration's switches added, with what matched: new unless some removed line of the diff had them. */
    final List<Switch> switches = new ArrayList<>();
    final List<String> added = new ArrayList<>();
    /** Every file the diff names, in its order. */
    final List<String> files = new ArrayList<>();
    final Map<String, Set<String>> removed = new HashMap<>();
    /** Per Coq file, its lines that give a proof up (Admitted., admit.): how many the change adds, how many it removes. */
    final Map<String, int[]> givenUp = new HashMap<>();
    /** Per test file counted by its checks ({@link Checks}) that the change does not create, its checks removed and added, in the diff's order of files. */
    final Map<String, int[]> checks = new LinkedHashMap<>();
    final Map<String, String> firstCheckRemoved = new HashMap<>();
    int testFilesAdded;

    String file;
    boolean testFile;
    /** A hardware testbench ({@link HdlTestbenches#TESTBENCH}), not one the change creates (it adds checks only). */
    boolean testbench;
    /** A Forth test file ({@link ForthTests#TEST_FILE}), not one the change creates. */
    boolean forthTests;
    Pattern marker;
    /** The file configures a test runner: see {@link DisabledTests#configMarker}. */
    DisabledTests.Switches config;
    boolean newFile;
    boolean inBinary;
    boolean inHeader;
    int line;
    /** Whether the last definition seen in this hunk is one the change adds; null before any. */
    Boolean lastDefinitionNew;
    /** Decorators waiting for the definition they stand above. */
    final List<Line> pending = new ArrayList<>();

    void accept(String l) {
      if (l.startsWith("diff --git ")) {
        endHunk();
        int b = l.lastIndexOf(" b/");
        file = b > 0 ? l.substring(b + 3) : null;
        if (file != null) {
          files.add(file);
        }
        // Rust and Zig keep unit tests beside the code: any .rs file may hold a #[ignore], any .zig file a test; any Coq .v file a proof.
        testFile = file != null && (DisabledTests.testPath(file) || file.endsWith(".rs") || file.endsWith(".zig") || file.endsWith(".v"));
        String extension = file == null ? "" : file.substring(file.lastIndexOf('.') + 1);
        // The extension first: either class's patterns compile when it loads (~2 ms each), for every attempt's diff.
        testbench = HDL.contains(extension) && HdlTestbenches.TESTBENCH.matcher(file).find();
        forthTests = FORTH.contains(extension.toLowerCase(Locale.ROOT)) && ForthTests.TEST_FILE.matcher(file).find();
        marker = file == null ? null : DisabledTests.MARKERS.get(extension);
        config = file == null ? null : DisabledTests.configMarker(file);
        newFile = false;
        inBinary = false;
        inHeader = true;
      } else if (inBinary || file == null) {
        return;
      } else if (inHeader) {
        header(l);
      } else if (l.startsWith("@@")) {
        hunk(l);
      } else if (l.startsWith("+")) {
        added(l.substring(1).strip());
        line++;
      } else if (l.startsWith("-")) {
        String text = l.substring(1).strip();
        removed.computeIfAbsent(file, k -> new HashSet<>()).add(text);
        countGivenUp(text, 1);
        countCheck(text, 0);
        if (testFile && DisabledTests.DEFINITION.matcher(text).find()) {
          definitions.add(new Line(file, 0, text));
        } else if (testFile && TITLE.matcher(text).find()) {
          titled.add(new Line(file, 0, text));
        }
      } else if (l.startsWith(" ")) {
        String text = l.substring(1).strip();
        if (DisabledTests.DEFINITION.matcher(text).find()) {
          definition(false);
        }
        line++;
      }
    }

    /** The lines between {@code diff --git} and the first hunk: modes, index, the ---/+++ names. */
    private void header(String l) {
      if (l.startsWith("@@")) {
        inHeader = false;
        hunk(l);
      } else if (l.startsWith("GIT binary patch") || l.startsWith("Binary files ")) {
        inBinary = true;
      } else if (l.startsWith("new file mode")) {
        newFile = true;
        testbench = false;
        forthTests = false;
        testFilesAdded += DisabledTests.testPath(file) ? 1 : 0;
      } else if (l.startsWith("deleted file mode")) {
        deletedAny.add(file);
        if (testFile) {
          deleted.put(file, true);
        }
      }
    }

    private void hunk(String l) {
      endHunk();
      Matcher m = HUNK.matcher(l);
      line = m.find() ? Integer.parseInt(m.group(1)) : 0;
      lastDefinitionNew = null;
    }

    private void countGivenUp(String text, int removedOrAdded) {
      if (file.endsWith(".v") && marker != null && marker.matcher(text).find() && !comment(text)) {
        givenUp.computeIfAbsent(file, k -> new int[2])[removedOrAdded]++;
      }
    }

    /** A test file's check ({@link Checks}) removed (0) or added (1); a deleted file takes all of its checks with it. */
    private void countCheck(String text, int removedOrAdded) {
      if (testbench && HdlTestbenches.check(file, text) || forthTests && ForthTests.check(file, text)) {
        checks.computeIfAbsent(file, k -> new int[2])[removedOrAdded]++;
        if (removedOrAdded == 0) {
          firstCheckRemoved.putIfAbsent(file, text);
        }
      }
    }

    private void added(String text) {
      added.add(text);
      countGivenUp(text, 0);
      countCheck(text, 1);
      boolean isMarker = testFile && !newFile && marker != null && marker.matcher(text).find() && !comment(text);
      boolean isDefinition = DisabledTests.DEFINITION.matcher(text).find();
      boolean wasThere = removed.getOrDefault(file, Set.of()).contains(text);
      if (config != null && !wasThere && !comment(text) && (config.line() == null || config.line().matcher(text).find())) {
        List<String> found = config.found().matcher(text).results().map(MatchResult::group).toList();
        if (!found.isEmpty()) {
          switches.add(new Switch(new Line(file, line, text), found));
          return;
        }
      }
      // A focus (it.only, fdescribe, Spock's @IgnoreRest) leaves every other test out, on a new test as on an old one.
      if (testFile && !wasThere && !comment(text) && DisabledTests.FOCUS.matcher(text).find()) {
        markers.add(new Line(file, line, text));
        return;
      }
      if (isMarker && !wasThere) {
        Line at = new Line(file, line, text);
        if (isDefinition) {
          // it.skip('parses dates', ...): an old test when a removed line held its title.
          Matcher t = TITLE.matcher(text);
          if (!t.find() || removed.getOrDefault(file, Set.of()).stream().anyMatch(r -> r.contains(t.group(0)))) {
            markers.add(at);
          }
        } else if (text.startsWith("@") || text.startsWith("#[") || text.startsWith("[")) {
          pending.add(at);
        } else if (lastDefinitionNew == null || !lastDefinitionNew) {
          markers.add(at);
        }
      }
      if (isDefinition && !isMarker) {
        definition(!wasThere);
      }
    }

    /** A definition in the hunk: the decorators above it are its own, and the calls below it too. */
    private void definition(boolean isNew) {
      if (!isNew) {
        markers.addAll(pending);
      }
      pending.clear();
      lastDefinitionNew = isNew;
    }

    /** Decorators with no definition after them in the hunk stand above a test the hunk does not show: one that was there. */
    void endHunk() {
      markers.addAll(pending);
      pending.clear();
    }

  }

  /** A marker in a comment is no marker: {@code // it.skip(...) would hide this}; {@code --} is Ada's, Lua's and Haskell's. */
  static boolean comment(String text) {
    return text.startsWith("//") || text.startsWith("#") && !text.startsWith("#[") || text.startsWith("*")
        || text.startsWith("/*") || text.startsWith(";")
        // Ada's, Lua's and Haskell's "-- x", not a command-line option continuing pytest's addopts ("--deselect ...").
        || text.startsWith("--") && (text.length() == 2 || !Character.isLetterOrDigit(text.charAt(2)));
  }
}
