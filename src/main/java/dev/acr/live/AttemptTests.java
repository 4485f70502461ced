package dev.acr.live;

import dev.acr.context.Dimension;
import dev.acr.core.AttemptStatus;
import dev.acr.core.Task;
import dev.acr.git.Diff;
import dev.acr.git.Isolation;
import dev.acr.verify.BuildErrors;
import dev.acr.verify.DisabledTests;
import dev.acr.verify.TestCounts;
import dev.acr.verify.Verifier;
import dev.acr.verify.VerifyResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The project's tests on an attempt's change, run once more when the failure looks like a flaky
 * test's rather than the change's: the attempt fixed every test the baseline named failing, and
 * what fails now are tests that did not fail before ({@link KnownFailures#worthRerun}) and that the change did not
 * write or edit ({@link DisabledTests#touches}). A test that
 * fails under load or by timing would otherwise fail a good change, count against its agent and
 * pay for another. Any other failure is not run again: a change that left the task's tests failing
 * is not rescued by a second draw.
 */
final class AttemptTests {

  /**
   * @param result the run that decides (the second, when there was one)
   * @param durationMs both runs' time
   * @param note what the user is told of a second run that passed; null otherwise
   */
  record Outcome(VerifyResult result, long durationMs, String note) {}

  private AttemptTests() {}

  static Outcome run(LiveExecutor.Setup setup, Path folder, Map<String, String> environment, Path dir, Diff diff, String who,
      Consumer<String> note) throws IOException, InterruptedException {
    note.accept(who + "running the tests on its change");
    VerifyResult first = once(setup, folder, environment, dir.resolve(RunFiles.VERIFY_LOG), who, note);
    // Not when the change wrote or edited a failing test: its own new test failing once (a golden file it writes on
    // the first run, a race it brings) is the change's doing, and a lucky second draw must not verify it.
    if (setup.known() == null || !setup.known().worthRerun(first) || diff == null
        || DisabledTests.touches(diff.patch(), diff.changedFiles(), first.failing())) {
      return new Outcome(first, first.durationMs(), null);
    }
    String failed = KnownFailures.named(first.failing(), first.failingIncomplete());
    boolean one = first.failing().size() == 1;
    note.accept(who + "it made the tests that failed before pass, but " + failed + (one ? " fails" : " fail")
        + " that did not before: running the tests once more, in case " + (one ? "it is" : "one is") + " flaky");
    VerifyResult second = once(setup, folder, environment, dir.resolve(RunFiles.VERIFY_AGAIN_LOG), who, note);
    String said = second.passed()
        ? "its tests passed on a second run; on the first, " + failed + " failed (a flaky test? see " + RunFiles.VERIFY_LOG + ")"
        : null;
    return new Outcome(second, first.durationMs() + second.durationMs(), said);
  }

  /** What an attempt's tests make of it: its status, whether it verified, why (a memory record's reason) and the note kept. */
  record Verdict(AttemptStatus status, boolean resolved, String reason, String note) {}

  /**
   * The verdict on an attempt whose tests ran ({@code v}; null when they were stopped), {@code testedNote} what {@link #run}
   * said of them. Passing tests verify it unless fewer ran than on the baseline ({@link #fewerRan}); failing ones that are
   * only the baseline's own end the run ({@link KnownFailures#REASON}); any other failure is said with what still fails.
   * What the user must hear at once goes to {@code note}, after {@code who}.
   */
  static Verdict judge(LiveExecutor.Setup setup, VerifyResult v, String testedNote, Task task, Diff diff, Path dir, String who,
      Consumer<String> note) {
    if (Thread.currentThread().isInterrupted()) {
      return new Verdict(AttemptStatus.INTERRUPTED, false, null, testedNote);
    }
    if (v != null && v.passed()) {
      String fewer = fewerRan(setup, v, task, diff);
      if (fewer != null) {
        // The tests pass because fewer of them run: turned off in a way the patch scan did not know.
        note.accept(who + fewer);
        return new Verdict(AttemptStatus.FAILED, false, DisabledTests.REASON, fewer);
      }
      return new Verdict(AttemptStatus.VERIFIED, true, null, withOnlyTestsNote(testedNote, setup.known(), diff, task));
    }
    if (setup.known() != null && setup.known().onlyThese(v)) {
      // Ends the run: the next agent would be judged by the same failures.
      return new Verdict(AttemptStatus.FAILED, false, KnownFailures.REASON, setup.known().stopNote(v));
    }
    Path again = dir.resolve(RunFiles.VERIFY_AGAIN_LOG);
    String failed = failedNote(v, setup.known(), Files.exists(again) ? again : dir.resolve(RunFiles.VERIFY_LOG));
    if (failed != null) {
      note.accept(who + failed);
    }
    return new Verdict(AttemptStatus.FAILED, false, null, failed);
  }

  /**
   * What the user is told of an attempt whose tests fail, named as the baseline's are, with how many of the baseline's
   * failures no longer fail (fixed, or gone: a deleted test fails no more). "failed" alone said neither how far the
   * attempt got nor what to look at (unjs/ufo: one table case of seven still failing). With no test named, the build's
   * first error when there is one, as for the baseline. Null when the tests passed or were stopped at their limit (said
   * where it happens).
   *
   * @param log the log of the run that decided, read only when no test is named
   */
  static String failedNote(VerifyResult v, KnownFailures known, Path log) {
    if (v == null || v.passed() || v.timedOut()) {
      return null;
    }
    if (v.failing().isEmpty()) {
      List<String> lines = Baseline.lines(log, v);
      return BuildErrors.first(lines).map(e -> "its build fails (" + Baseline.exit(v) + ": " + e + ")")
          .or(() -> BuildErrors.lint(lines).map(e -> "its lint fails (" + Baseline.exit(v) + ": " + e + ")"))
          .orElse("its tests fail (" + Baseline.exitSaying(v) + ")");
    }
    String before = "";
    if (known != null && !known.failing().isEmpty() && !known.incomplete() && !v.failingIncomplete()) {
      long fixed = known.failing().stream().filter(t -> !v.failing().contains(t)).count();
      long fresh = v.failing().stream().filter(t -> !known.failing().contains(t)).count();
      String newOnes = fresh == 0 ? "" : ", and " + fresh + " did not fail before";
      before = fixed > 0 ? "; of the " + known.failing().size() + " that failed before, " + fixed + " no longer"
              + (fixed == 1 ? " fails" : " fail") + newOnes
          : fresh == 0 ? ", the same as before the change"
          : "; every one that failed before still fails" + newOnes;
    }
    return "its tests fail (" + Baseline.exit(v) + "): " + KnownFailures.named(v.failing(), v.failingIncomplete()) + before;
  }

  /**
   * {@code note} (a verified attempt's, or null) and what the user is told of a verified change to tests alone when tests
   * failed before it, named or not (nanopass's runner names none): they pass because their expectations changed, which is
   * the fix when a test was wrong and a cheat when the code was; not said when the task was to write tests.
   */
  static String withOnlyTestsNote(String note, KnownFailures known, Diff diff, Task task) {
    if (known == null || !known.baselineFailed() || diff == null || diff.changedFiles().isEmpty()
        || task.dimension() == Dimension.TEST_GENERATION || !diff.changedFiles().stream().allMatch(DisabledTests::testPath)) {
      return note;
    }
    List<String> files = diff.changedFiles();
    return (note == null ? "" : note + "; ") + "it changed only tests (" + String.join(", ", files.subList(0, Math.min(3, files.size())))
        + (files.size() > 3 ? " and " + (files.size() - 3) + " more" : "") + "), not the code they test: the tests that failed"
        + " pass because what they expect changed; check with git diff that the tests, not the code, were wrong";
  }

  /**
   * Build and test configuration, where a runner is told to leave tests out ({@code addopts = -k "not slow"}, Jest's
   * {@code testPathIgnorePatterns}, a target dropped from CMakeLists.txt).
   */
  private static final Pattern TEST_CONFIG = Pattern.compile("(?:^|/)(?:package\\.json|pytest\\.ini"
      + "|setup\\.cfg|tox\\.ini|pyproject\\.toml|conftest\\.py|Cargo\\.toml|pom\\.xml|build\\.gradle(?:\\.kts)?|build\\.xml|Makefile"
      + "|CMakeLists\\.txt|meson\\.build|\\.rspec|phpunit\\.xml(?:\\.dist)?|[\\w.-]*(?:jest|vitest|karma|mocha)[\\w.-]*\\.(?:[cm]?[jt]s|json)"
      + "|\\.mocharc\\.\\w+|[\\w-]+\\.cabal|dune|Project\\.toml|mix\\.exs|[\\w-]+\\.csproj)$");

  /**
   * What the user is told when the tests passed on the attempt's change but fewer of them ran than on the baseline, by
   * the same runner's summary: a test skipped, deleted, marked to-do or filtered out in a way the patch scan did not
   * know ({@link DisabledTests}). Only when the change touched a test file or the build's or runner's configuration:
   * a fix elsewhere that makes a runner count fewer (a failing teardown counted as a second result) turns nothing off.
   * Null when as many ran (or more), the counts cannot be compared, the prompt asks to turn tests off or remove them,
   * or the command tests only what changed ({@code $ACR_SNAPSHOT}: a change decides how many).
   */
  static String fewerRan(LiveExecutor.Setup setup, VerifyResult result, Task task, Diff diff) {
    if (setup.known() == null || result == null || diff == null || DisabledTests.asksTestsOff(task.prompt())
        || setup.verify().command().contains(Isolation.SNAPSHOT)
        || diff.changedFiles().stream().noneMatch(f -> DisabledTests.testPath(f) || TEST_CONFIG.matcher(f).find())) {
      return null;
    }
    String fewer = TestCounts.fewer(setup.known().counts(), result.counts());
    return fewer == null ? null : "its tests pass, but fewer of them run: " + fewer + " (a test skipped, deleted or left"
        + " out), so it is not verified; if that is what you want, say so in the prompt (skip the test, remove the test)";
  }

  private static VerifyResult once(LiveExecutor.Setup setup, Path folder, Map<String, String> environment, Path log,
      String who, Consumer<String> note) throws IOException, InterruptedException {
    return new Verifier().run(setup.verify(), folder, setup.verifyTimeout(), environment, log,
        beat -> note.accept(who + "tests " + beat));
  }
}
