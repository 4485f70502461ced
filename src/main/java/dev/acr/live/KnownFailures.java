package dev.acr.live;

import dev.acr.context.Dimension;
import dev.acr.verify.TestCounts;
import dev.acr.verify.VerifyResult;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tests that fail before any change (the baseline's, as the runner named them) and whether the
 * prompt is about them. An attempt verifies only when the whole test command passes, so a suite
 * that already fails for reasons of its own (a root-only test, a missing service, a test broken
 * upstream) fails every attempt, and each is paid for. When the prompt neither asks to fix a
 * failing test nor names one of these, they are not the task's: the baseline says so before any
 * agent runs, and an attempt that leaves only these failing ends the run ({@link #onlyThese}),
 * since every further agent would be judged by the same failures. Never a verification: the
 * attempt is recorded failed, its patch kept for the user to review.
 *
 * @param failing the baseline's failing tests, in the order printed; empty when none were named
 * @param incomplete more failed than were kept, so no comparison is made
 * @param notTheTasks whether the prompt neither asks to fix a failing test nor names one of them
 * @param unnamed when the prompt names some of them, the others that are tests ({@link #othersThanNamed})
 * @param baselineFailed whether the tests failed before any change, naming tests or not
 * @param failedAt where its output located the failing checks ({@code tests/test_calc.py:6}); empty when it did not
 */
public record KnownFailures(List<String> failing, boolean incomplete, boolean notTheTasks, List<String> unnamed,
    Map<String, TestCounts.Count> counts, boolean baselineFailed, Set<String> failedAt) {

  /** The reason an attempt that left only these failing is recorded with; it ends the run. */
  public static final String REASON = dev.acr.core.RunLoop.ONLY_BASELINE_FAILURES;

  /** How many names a message shows. */
  private static final int SHOWN = 3;

  /** Words of test names that say nothing of what a test is about. */
  private static final Set<String> GENERIC = Set.of("test", "tests", "spec", "specs", "should", "when", "then", "with",
      "that", "this", "from", "into", "returns", "return", "given", "case", "cases", "works", "check", "checks",
      "handles", "true", "false", "error", "errors", "fail", "fails", "failing", "failed", "file", "files", "main");

  public KnownFailures {
    failing = List.copyOf(failing);
    unnamed = List.copyOf(unnamed);
    counts = Map.copyOf(counts);
    failedAt = Set.copyOf(failedAt);
  }

  /** Where no output located a failing check. */
  public KnownFailures(List<String> failing, boolean incomplete, boolean notTheTasks, List<String> unnamed,
      Map<String, TestCounts.Count> counts, boolean baselineFailed) {
    this(failing, incomplete, notTheTasks, unnamed, counts, baselineFailed, Set.of());
  }

  /** The same, with the places of the failing checks its output gave ({@link dev.acr.verify.FailedChecks}). */
  KnownFailures failedAt(Set<String> places) {
    return new KnownFailures(failing, incomplete, notTheTasks, unnamed, counts, baselineFailed, places);
  }

  /**
   * What the baseline says of the tests that fail before any change (none when it passed or named none), and how many ran
   * ({@code counts}, by runner: an attempt that runs fewer has turned tests off, {@link dev.acr.verify.TestCounts}).
   */
  static KnownFailures of(VerifyResult baseline, Dimension dimension, String prompt) {
    if (baseline == null || baseline.passed() || baseline.failing().isEmpty()) {
      return new KnownFailures(List.of(), false, false, List.of(), baseline == null ? Map.of() : baseline.counts(),
          baseline != null && !baseline.passed());
    }
    boolean notTheTasks = !Baseline.asksToFixFailingTest(dimension, prompt) && !namesAny(prompt, baseline.failing());
    return new KnownFailures(baseline.failing(), baseline.failingIncomplete(), notTheTasks, othersThanNamed(baseline, prompt),
        baseline.counts(), true);
  }

  /**
   * Whether an attempt's failing tests are only some of these, and they are not the task's: the
   * attempt broke nothing that passed before, and no further agent could pass the command either.
   * Not the task's: all of them when the prompt is about none, else those the prompt leaves unnamed
   * while it names others (the attempt fixed the named ones: flask's nested-blueprint tests pass,
   * its test_async_view still wants the 'async' extra).
   */
  boolean onlyThese(VerifyResult attempt) {
    List<String> notTasks = notTheTasks ? failing : unnamed;
    return !notTasks.isEmpty() && !incomplete && failedNaming(attempt) && notTasks.containsAll(attempt.failing())
        // go test's packages alone, where tests of theirs failed before: they did not build, or one hung (a TestMain
        // that fails for reasons of its own names its package alone before any change too).
        && !(goPackagesOnly(attempt.failing()) && !goPackagesOnly(failing));
  }

  private static boolean goPackagesOnly(List<String> names) {
    return names.stream().allMatch(t -> GO_PACKAGE.matcher(t).matches());
  }

  /** Whether a run failed, in time, naming its failing tests, all of them: only then can its names be compared. */
  static boolean failedNaming(VerifyResult run) {
    return run != null && !run.passed() && !run.timedOut() && !run.failingIncomplete() && !run.failing().isEmpty();
  }

  /**
   * Whether an attempt's failure is worth one more run of the tests ({@link AttemptTests}): none of the tests the baseline
   * named failing fails now, and some that did not fail before do. Both lists must be whole, or nothing is compared.
   */
  boolean worthRerun(VerifyResult attempt) {
    return !failing.isEmpty() && !incomplete && failedNaming(attempt) && attempt.failing().stream().noneMatch(failing::contains);
  }

  /** "3 tests (a, b, c)" or "12 tests (a, b, c and 9 more)". */
  public static String named(List<String> names, boolean incomplete) {
    int more = names.size() - SHOWN;
    String count = (incomplete ? "over " : "") + names.size() + (names.size() == 1 ? " test" : " tests");
    return count + " (" + String.join(", ", names.subList(0, Math.min(SHOWN, names.size())))
        + (more > 0 ? " and " + more + " more" : "") + ")";
  }

  /** The baseline's warning when these are not the task's, before any agent runs; null otherwise. */
  String warning(String verify) {
    if (!notTheTasks) {
      return null;
    }
    return named(failing, incomplete) + (failing.size() == 1 ? " already fails" : " already fail") + " before any change,"
        + " and the prompt neither asks to fix a failing test nor names " + (failing.size() == 1 ? "it" : "them")
        + ": an attempt verifies only when the whole test command passes (" + verify + "), so it would have to fix"
        + " them too. If they fail for reasons of their own (this machine, a service, running as root), stop now (Ctrl-C)"
        + " and rerun with --verify 'CMD' running only the tests this change concerns; otherwise acr stops after the"
        + " first attempt that leaves only these failing, rather than pay for more";
  }

  /**
   * What the baseline adds when the prompt names some of the failing tests: the others, which every
   * attempt must make pass too, and that acr stops after an attempt that leaves only those failing,
   * unless a file's or a package's line failed too, which ends no run ({@link #fileOrPackage}).
   * Empty when there are none.
   */
  String unnamedNote() {
    if (unnamed.isEmpty()) {
      return "";
    }
    boolean one = unnamed.size() == 1;
    boolean stops = failing.stream().noneMatch(KnownFailures::fileOrPackage);
    return "; the prompt does not name " + named(unnamed, false) + ", and an attempt verifies only when "
        + (one ? "it passes" : "they pass") + " too: if " + (one ? "it fails" : "they fail") + " for reasons of "
        + (one ? "its" : "their") + " own (a missing extra, a service), rerun with --verify 'CMD' that runs the tests"
        + " that matter" + (stops ? "; otherwise acr stops after the first attempt that leaves only " + (one ? "it" : "them")
            + " failing, rather than pay for more" : "");
  }

  /**
   * A name of code in a prompt: snake_case, camelCase, {@code Type::method}, {@code Class#method}, a test class
   * ({@code TestSplit}, {@code ParserSpec}, a PascalCase name of three words), or anything in backticks
   * ({@code `ht-get`}); not a file ({@code parse_args.py}), a path, or a brand ({@code GitHub}, {@code JavaScript}, {@code macOS}).
   */
  private static final Pattern CODE_NAME = Pattern.compile("`([^`\\s]{2,})`|(?<![\\w./-])([A-Za-z]\\w*(?:(?:::|#)[A-Za-z_]\\w*)+"
      + "|[A-Za-z]\\w*_\\w+|[a-z][a-z0-9]*[A-Z][a-z0-9]\\w*|(?:Test|Spec)[A-Z0-9]\\w*|[A-Z]\\w*(?:Tests?|Specs?|IT)"
      + "|[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+){2,}\\w*)(?![\\w./-])");

  /**
   * What the baseline adds when the prompt asks to fix a failing test and names code (ht-get, parse_date) that no
   * failing test's name holds: the test meant may pass already, and every attempt is judged by those that fail
   * (ts.el: "fix the failing ht-get test" where only three time-zone tests failed, said "as expected"). Empty
   * when the prompt names one of them, names no code, or the list is not whole.
   */
  String namedElsewhereNote(String prompt) {
    if (failing.isEmpty() || incomplete || notTheTasks || !unnamed.isEmpty() || prompt == null || namesAny(prompt, failing)) {
      return "";
    }
    Set<String> parts = nameParts(failing);
    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
    java.util.regex.Matcher m = CODE_NAME.matcher(prompt);
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      if (!spelledIn(name, parts)) {
        names.add(name);
      }
    }
    if (names.isEmpty()) {
      return "";
    }
    String said = String.join(", ", names);
    return "; no failing test is named after " + said + ": if " + (names.size() == 1 ? "that is a test, it passes"
        : "those are tests, they pass") + " already, and an attempt verifies only when the failing ones pass";
  }

  /**
   * Whether a part of {@code name} ({@code TestA::test_b}: TestA, test_b) is one of {@code parts}, a whole part of a failing test's name, as the
   * runner spelled it ({@code tests/test_x.py::TestA::test_b}, {@code com.x.FooTest > testBar}, {@code TestGet/empty_key}):
   * the test meant, though its words are too short for {@link #namesAny} ("fix the failing test_add", add being three letters).
   */
  private static boolean spelledIn(String name, Set<String> parts) {
    for (String part : name.toLowerCase(Locale.ROOT).split("::|#|/|\\.")) {
      if (parts.contains(part)) {
        return true;
      }
    }
    return false;
  }

  /** The parts of the failing tests' names as the runner spelled them, lower-case, split at anything but a word character or '-'. */
  private static Set<String> nameParts(List<String> tests) {
    Set<String> parts = new HashSet<>();
    for (String t : tests) {
      parts.addAll(List.of(t.toLowerCase(Locale.ROOT).split("[^\\w-]+")));
    }
    return parts;
  }

  /** The note of an attempt that left only these failing. */
  String stopNote(VerifyResult attempt) {
    return "only tests that already failed before any change still fail: " + named(attempt.failing(), false)
        + "; the prompt is not about them, and every further agent would be judged by them too, so acr ran no"
        + " other. Not verified: review the kept patch, or rerun with --verify 'CMD' running the tests this change"
        + " concerns";
  }

  /** Whether the prompt names one of {@code tests}: a word of its name, not a generic one, is a word of the prompt. */
  static boolean namesAny(String prompt, List<String> tests) {
    Set<String> said = said(prompt);
    return tests.stream().anyMatch(t -> names(said, t));
  }

  /**
   * The failing tests the prompt does not name, when it names some of them and the list is whole:
   * "fix the nested blueprint test" on a flask whose test_async_view also fails for want of its
   * 'async' extra. Every attempt is judged by those too, so the user hears of them before paying.
   * Empty when the prompt names none (the bug may be any of them) or all; never a file's or a
   * package's line ({@link #fileOrPackage}).
   */
  static List<String> othersThanNamed(VerifyResult baseline, String prompt) {
    if (baseline == null || baseline.passed() || baseline.failingIncomplete()) {
      return List.of();
    }
    Set<String> said = said(prompt);
    List<String> others = baseline.failing().stream().filter(t -> !names(said, t)).toList();
    return others.size() == baseline.failing().size() ? List.of()
        : others.stream().filter(t -> !fileOrPackage(t)).toList();
  }

  /** go test's package: {@code example.com/x/timeutil}, {@code gopkg.in/yaml.v3}. */
  private static final Pattern GO_PACKAGE = Pattern.compile("[\\w-]+(?:\\.[\\w-]+)+/(?:[\\w.~-]+/)*(?:[\\w~-]+|[\\w~-]+\\.v\\d+)");
  /** Jest's file: {@code src/a.test.js}. */
  private static final Pattern JS_FILE = Pattern.compile("\\S+\\.[cm]?[jt]sx?");

  /**
   * Whether a failing name is a runner's line for a package or a file rather than a test: it fails
   * with any test in it, named or not, and alone when its tests did not build or hung (go test's
   * {@code FAIL example.com/x/timeutil [build failed]}, a Jest file that no longer loads). So it is
   * none of the others a prompt leaves unnamed: an attempt that broke the named test's package would
   * leave only names that failed before.
   */
  static boolean fileOrPackage(String name) {
    return GO_PACKAGE.matcher(name).matches() || JS_FILE.matcher(name).matches();
  }

  /** The prompt's words, stemmed: read once for all the tests compared with it. */
  private static Set<String> said(String prompt) {
    Set<String> said = new HashSet<>();
    for (String w : words(prompt == null ? "" : prompt)) {
      said.add(stem(w));
    }
    return said;
  }

  /** Whether a word of {@code test}'s name, not a generic one, is one of the prompt's words. */
  private static boolean names(Set<String> said, String test) {
    for (String w : words(test)) {
      if (w.length() >= 4 && !GENERIC.contains(w) && said.contains(stem(w))) {
        return true;
      }
    }
    return false;
  }

  /** Lower-case words: split at anything not a letter or digit, and where camelCase turns upper. */
  private static List<String> words(String text) {
    String spaced = text.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
    return List.of(spaced.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"));
  }

  private static String stem(String w) {
    return w.length() > 4 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
  }
}
