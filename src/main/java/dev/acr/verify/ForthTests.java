package dev.acr.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Forth projects tested by a runner file that gforth loads, with no build file acr reads first: irdvo/ffl's
 * {@code test/ffl_test.fs}, which includes 48 {@code *_test.fs} files and ends with {@code bye}. Added after that
 * repository got "verify none found" and its language was "fsharp" (docs/real-repos-2026-12-06.md, fifteenth session).
 * A project with a makefile's {@code test} target keeps it (kper/fasm's, found before this).
 *
 * <p>The test words of Forth (Hayes's {@code tester.fr}, gforth's {@code ttester.fs}, ffl's {@code tst.fs}) print a
 * mismatch and go on, and gforth exits 0 at {@code bye}: {@link SummaryFailures} reads those lines. They count no tests by
 * name, so a change that deletes failing tests would pass: the patch scan counts the test lines a change removes
 * ({@link #check}, {@link PatchScan}).
 */
final class ForthTests {

  /** Where a runner is looked for, in this order; the root last. */
  private static final List<String> FOLDERS = List.of("test", "tests", "t", "");
  private static final List<String> SUFFIXES = List.of(".fs", ".fth", ".4th", ".fr");
  /** A runner by its name alone, at the root too: {@code test.fth}, {@code runtests.fs}, {@code test-all.4th}. */
  private static final Pattern RUNNER_NAME = Pattern.compile("(?i)^(?:run[-_]?)?(?:all[-_]?)?tests?(?:[-_]all)?\\.(?:fs|fth|4th)$");
  /**
   * A file a Forth file loads: {@code include ffl/tst.fs}, {@code require x.fs}, {@code S" core.fr" INCLUDED}. No line of F#'s
   * (whose files are .fs too) opens so: a runner must hold one.
   */
  private static final Pattern INCLUDES = Pattern.compile("(?im)^[ \\t]*(?:(?:include|require|needs)[ \\t]+(\\S+)|s\"[ \\t]+([^\"\\s]+)\"[ \\t]+included\\b)");
  private static final Pattern BYE = Pattern.compile("(?im)^[ \\t]*bye\\b");
  /** A runner loads this many test files of its folder at least, or is named as one ({@link #RUNNER_NAME}) and loads one. */
  private static final int RUNS_AT_LEAST = 2;

  /** A Forth test file, by its folder or its name: its test lines are counted in a change ({@link #check}). */
  static final Pattern TEST_FILE = Pattern.compile("(?i)(?:(?:^|/)(?:tests?|t)/[^/]*|[^/]*test[^/]*)\\.(?:fs|fth|4th|fr)$");

  /**
   * One test: {@code t{ s" f" b64-var b64-encode s" Zg==" ?str }t} (ffl), {@code T{ 1 2 + -> 3 }T} (ttester); Hayes's
   * first {@code { 1 2 + -> 3 }} only outside .fs files, where an F# record holding a lambda would read so.
   */
  private static final Pattern TEST_LINE = Pattern.compile("^[Tt]\\{(?:\\s.*)?\\s\\}[Tt](?:\\s|$)");
  private static final Pattern HAYES_LINE = Pattern.compile("^\\{\\s(?:.*\\s)?->(?:\\s.*)?\\s\\}(?:\\s|$)");

  private ForthTests() {}

  /** {@code cd test && gforth -e 'fpath+ ..' ffl_test.fs} for the first runner found, empty when there is none. */
  static Optional<VerifyCommand> detect(Path root) {
    if (PackageFolder.fileEndingWith(root, ".fsproj", ".sln") != null) {
      return Optional.empty();
    }
    for (String folder : FOLDERS) {
      Path dir = folder.isEmpty() ? root : root.resolve(folder);
      if (Files.isDirectory(dir) && PackageFolder.fileEndingWith(dir, SUFFIXES.toArray(String[]::new)) != null) {
        Optional<VerifyCommand> found = runner(dir, folder);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** The file of {@code dir} that loads the most test files of it ({@link #RUNS_AT_LEAST}), the first by name on a tie. */
  private static Optional<VerifyCommand> runner(Path dir, String folder) {
    TreeMap<String, String> forth = new TreeMap<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (SUFFIXES.stream().anyMatch(name.toLowerCase(Locale.ROOT)::endsWith) && Files.isRegularFile(p)) {
          forth.put(name, VerifyDetector.readOrEmpty(p));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
    String best = null;
    int most = 0;
    for (var e : forth.entrySet()) {
      int loads = 0;
      int tests = 0;
      Matcher m = INCLUDES.matcher(e.getValue());
      while (m.find()) {
        String target = m.group(1) != null ? m.group(1) : m.group(2);
        loads++;
        tests += forth.containsKey(target) && !target.equals(e.getKey()) && target.toLowerCase(Locale.ROOT).contains("test") ? 1 : 0;
      }
      int score = tests >= RUNS_AT_LEAST ? tests : RUNNER_NAME.matcher(e.getKey()).matches() && loads > 0 ? 1 : 0;
      if (score > most) {
        best = e.getKey();
        most = score;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    // gforth looks a file up in its fpath, where "." is the folder of the file loading it, never the working folder:
    // ffl's runner in test/ loads "ffl/tst.fs" from the root. So the root goes on the path of a runner in a subfolder.
    String command = (folder.isEmpty() ? "gforth " : "cd " + folder + " && gforth -e 'fpath+ ..' ") + best
        + (BYE.matcher(forth.get(best)).find() ? "" : " -e bye");
    return Optional.of(new VerifyCommand(command, "detected: " + (folder.isEmpty() ? "" : folder + "/") + best
        + " (Forth, " + (most >= RUNS_AT_LEAST ? "loads " + most + " test files, " : "") + "run by gforth)"));
  }

  /** Whether {@code text}, a line of a Forth test file ({@link #TEST_FILE}), is one test. */
  static boolean check(String file, String text) {
    return TEST_LINE.matcher(text).find() || !file.endsWith(".fs") && HAYES_LINE.matcher(text).find();
  }
}
