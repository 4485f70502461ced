package dev.acr.live;

import dev.acr.context.Dimension;
import dev.acr.git.Isolation;
import dev.acr.git.Snapshot;
import dev.acr.git.WorktreePool;
import dev.acr.verify.BuildErrors;
import dev.acr.verify.CannotRun;
import dev.acr.verify.IgnoredInputs;
import dev.acr.verify.MakeTargets;
import dev.acr.verify.VerifyCommand;
import dev.acr.verify.VerifyResult;
import dev.acr.verify.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The verify command once on the untouched snapshot, in the package folder, before any agent runs:
 * so "was failing" and "already passing" are known, and a command that cannot run at all stops acr
 * here (exit 2, nothing recorded) instead of failing every agent for it.
 */
public final class Baseline {

  /** "fix the failing test", "make the broken tests pass", "tests are failing": a failing test is expected. */
  private static final Pattern FIX_FAILING_TEST = Pattern.compile(
      "\\b(fail(s|ed|ing)?|broken|red|flaky)\\b[\\w\\s-]{0,40}\\btests?\\b|\\btests?\\b[\\w\\s-]{0,20}\\b(fail(s|ed|ing)?|broken)\\b");

  private Baseline() {}

  /**
   * Whether the prompt asks to fix a failing test: a bug fix, or words that say a test fails. Then
   * a baseline that already passes is worth saying plainly: there may be nothing to fix here.
   */
  public static boolean asksToFixFailingTest(Dimension dimension, String prompt) {
    return dimension == Dimension.BUG_FIXING || namesFailingTest(prompt);
  }

  /** Whether the prompt's words name a failing test ("fix the failing parser test"), not only a bug. */
  public static boolean namesFailingTest(String prompt) {
    return prompt != null && FIX_FAILING_TEST.matcher(prompt.toLowerCase(Locale.ROOT)).find();
  }

  /** A question needs no change, so nothing will be tested: no baseline either. */
  static boolean needed(Decision d) {
    return d.task().dimension() != Dimension.CODE_UNDERSTANDING || d.task().bench() != null;
  }

  /**
   * What to say when the tests already pass on a prompt that asks to fix a failing test, or a bug: a bug that no test shows
   * (benhoyt/inih's lskip skipping no tabs) is verified only as far as the tests go, which the user should know.
   */
  static String alreadyPasses(VerifyCommand verify, String prompt) {
    if (!namesFailingTest(prompt)) {
      return "the tests already pass before any change (" + verify.command() + "), so no test shows the bug the prompt"
          + " describes: an attempt verifies when they still pass, which does not prove the bug fixed (add a test that"
          + " reproduces it, or pass --verify CMD to run one). An attempt that changes nothing will not count as verified";
    }
    return "the tests already pass before any change (" + verify.command() + "), but the prompt asks to fix a failing"
        + " test: there may be nothing to fix here, or the test command does not run the failing test"
        + " (pass --verify CMD). An attempt that changes nothing will not count as verified";
  }

  /**
   * {@code env} (null: acr's own) with {@code ACR_BASELINE=1}: a command may test more before any
   * change than after one. Go's nested module that needs modules never downloaded is tested in
   * the baseline (where its download failure stops the run before any agent) and, in an attempt,
   * only when the attempt changed it (GoModules).
   */
  static java.util.Map<String, String> baselineEnv(java.util.Map<String, String> env) {
    java.util.Map<String, String> out = new java.util.HashMap<>(env == null ? System.getenv() : env);
    out.put(BASELINE_ENV, "1");
    return out;
  }

  /** Set in the baseline's environment only. */
  private static final String BASELINE_ENV = "ACR_BASELINE";

  static VerifyResult run(
      Decision d, RunRequest req, Isolation isolation, Snapshot snapshot, WorktreePool pool, Path runDir,
      Duration timeout, Consumer<String> note, boolean stopIfCannotRun)
      throws UsageError {
    VerifyCommand verify = d.signals().verify();
    String where = d.signals().packagePath().isEmpty() ? "" : " in " + d.signals().packagePath();
    note.accept("baseline: running " + verify.command() + where + " (" + verify.source() + ")");
    Path dir = RunFiles.baselineDir(runDir);
    Path log = dir.resolve(RunFiles.VERIFY_LOG);
    Path wt = null;
    VerifyResult r;
    // A failing baseline's output, read once: what the worktree lacks is judged before it is reset, the rest after.
    List<String> output = List.of();
    Optional<CannotRun.Why> ignored = Optional.empty();
    try {
      Files.createDirectories(dir);
      // From the run's pool: the same worktree, reset, serves the first attempt (one checkout per run).
      wt = isolation == null ? null : pool != null ? pool.acquire() : isolation.createWorktree(snapshot, dir.resolve("wt"));
      Path folder = RunFolder.in(wt, isolation, d.signals().packageDir());
      // Pointed at the worktree like an attempt's tests (editable installs, PYTHONPATH...).
      java.util.Map<String, String> env =
          isolation == null ? req.environment() : isolation.environment(snapshot, wt, req.environment());
      r = new Verifier().run(verify, folder, timeout, baselineEnv(env), log, beat -> note.accept("baseline: " + beat));
      // Before the worktree is reset: a file named missing that the tests then made is there now.
      if (stopIfCannotRun && !r.passed() && !r.timedOut()) {
        output = lines(log, r);
        ignored = wt == null ? Optional.empty() : IgnoredInputs.check(output, d.signals().root(), d.signals().packageDir(),
            configFolder(d), snapshot.dependencies(), wt, req.prompt());
      }
    } catch (IOException e) {
      throw new UsageError("cannot prepare the baseline check: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      if (wt != null && pool != null) {
        pool.release(wt);
      } else if (wt != null) {
        LiveSession.removeQuietly(isolation, wt, note);
      }
    }
    if (stopIfCannotRun && !r.passed() && !r.timedOut()) {
      // A command that runs no test would pass any change: as useless as one that cannot start.
      Optional<String> none = Optional.ofNullable(r.noTests());
      if (none.isPresent() && d.task().dimension() == Dimension.TEST_GENERATION) {
        // Writing the first tests: none yet is where the task starts; an attempt verifies only once its tests run.
        note.accept("baseline: the test command ran no tests yet (" + none.get() + "); an attempt verifies only when its tests run and pass");
        return r;
      }
      // Exit 0 yet not passed: a runner whose summary says tests failed (tcltest), which may be a test file that could not load.
      int exit = r.exitCode() == 0 ? 1 : r.exitCode();
      Optional<CannotRun.Why> why = CannotRun.check(exit, output, d.signals().root(), d.signals().packageDir(), req.prompt());
      why = why.isPresent() ? why : ignored;
      Optional<String> leaveOut = MakeTargets.leaveOut(verify.command(), output);
      why = why.map(w -> leaveOut.map(h -> new CannotRun.Why(w.problem(), w.todo() + h)).orElse(w));
      Optional<String> stop = cannotRun(verify, where, why, none, log);
      if (stop.isPresent()) {
        throw new UsageError(stop.get());
      }
    }
    if (r.passed() && asksToFixFailingTest(d.task().dimension(), req.prompt())) {
      note.accept("baseline: " + alreadyPasses(verify, req.prompt()));
    } else if (r.passed()) {
      note.accept("baseline: tests already pass");
    } else if (r.noTests() != null && !r.timedOut()) {
      note.accept("baseline: the test command ran no tests; an attempt verifies only when its tests run and pass");
    } else {
      failing(d, req, r, note, log);
    }
    return r;
  }

  /** Where the project's {@code .acr/config.json} is, or would best go: the repository's top when there is none. */
  private static Path configFolder(Decision d) {
    Path folder = d.signals().repoConfig().folder();
    return folder != null ? folder : d.signals().root();
  }

  /** A line of {@link dev.acr.verify.NoTests}' that says the tests were found and skipped. */
  private static final Pattern SKIPPED = Pattern.compile("\\b(?:skipped|pending)\\b");

  /**
   * Why the tests cannot judge an attempt, if they cannot. Why the command could not run comes before "it ran none", which
   * follows from it: pytest 9 refusing an unknown ini option (INTERNALERROR, exit 3) then says "no tests ran", and the fix
   * is the plugin that reads the option, not another command.
   */
  static Optional<String> cannotRun(VerifyCommand verify, String where, Optional<CannotRun.Why> why, Optional<String> none, Path log) {
    if (why.isPresent()) {
      return Optional.of("the test command '" + verify.command() + "' (" + verify.source() + ") cannot run" + where
          + ": " + why.get().problem() + "; " + why.get().todo()
          // Another command is the way out of most of these; not where the remedy is already in .acr/config.json.
          + (why.get().todo().contains(".acr/config.json") ? "." : " (--verify CMD or \"verify\" in .acr/config.json).")
          + " No agent was run and nothing was recorded; output in " + log);
    }
    return none.map(n -> "the test command '" + verify.command() + "' (" + verify.source() + ") cannot run your tests" + where
        + ": it ran none (" + n + "), so it cannot tell a fix from a break; "
        // Every test skipped (a database not running, a package not installed): what they skip for is the remedy.
        + (SKIPPED.matcher(n).find() ? "give the tests what they are skipped for (a service, a package, a variable;"
            + " pytest -rs lists the reasons), or name a command that runs some" : "name the command that runs them")
        + " (--verify CMD or \"verify\" in .acr/config.json). No agent was run and nothing was recorded; output in " + log);
  }

  /**
   * A failing baseline: which tests fail, when the output names them, and a warning when the prompt
   * is not about them ({@link KnownFailures}), before any agent is paid for.
   */
  private static void failing(Decision d, RunRequest req, VerifyResult r, Consumer<String> note, Path log) {
    if (r.timedOut()) {
      // A bug can make a test hang, and a fix then makes it finish: not a reason to stop. A slow suite is.
      note.accept("baseline: the tests did not finish within the limit and were stopped; an attempt verifies only when"
          + " they finish and pass. If they are only slow, stop acr (Ctrl-C) and raise the limit: --verify-timeout,"
          + " or \"verify_timeout\" in .acr/config.json");
      return;
    }
    KnownFailures known = KnownFailures.of(r, d.task().dimension(), req.prompt());
    String warning = known.warning(d.signals().verify().command());
    String which = r.failing().isEmpty() ? "" : ": " + quoted(KnownFailures.named(r.failing(), r.failingIncomplete()), log);
    List<String> output = r.failing().isEmpty() ? lines(log, r) : List.of();
    Optional<String> build = BuildErrors.first(output).map(e -> quoted(e, log));
    Optional<String> lint = build.isPresent() ? Optional.empty() : BuildErrors.lint(output).map(e -> quoted(e, log));
    if (warning != null) {
      note.accept("warning: " + warning);
    } else if (build.isPresent()) {
      // No test named, a compiler error: the build may be the bug, or need more than the command gives it (gson's reactor).
      note.accept("baseline: the build fails (" + exit(r) + ": " + build.get() + ") and no failing test is named; if that is the"
          + " bug to fix, as expected; if not, no attempt can verify here: rerun with --verify 'CMD' that builds what the"
          + " tests need");
    } else if (lint.isPresent()) {
      // The test script lints first (xo && ava): the lint may be the bug, or stand before tests that would pass.
      note.accept("baseline: the lint fails (" + exit(r) + ": " + lint.get() + ") and no failing test is named; if that is"
          + " the bug to fix, as expected; if not, no attempt can verify here: rerun with --verify 'CMD' that runs the tests"
          + " without the lint");
    } else if (asksToFixFailingTest(d.task().dimension(), req.prompt())) {
      note.accept("baseline: tests fail (" + exitSaying(r) + ")" + which + ", as expected before a fix" + known.unnamedNote()
          + known.namedElsewhereNote(req.prompt()));
    } else if (!known.unnamed().isEmpty()) {
      // A refactoring that names some of them: the others end the run all the same (onlyThese), so they are said.
      note.accept("baseline: tests fail (" + exit(r) + ")" + which + " before any change" + known.unnamedNote());
    } else {
      // Nothing named that acr could compare: say it plainly all the same, since every attempt must make it pass.
      note.accept("baseline: tests fail (" + exitSaying(r) + ")" + which + " before any change; an attempt verifies"
          + " only when they all pass: if they fail for reasons of their own, rerun with --verify 'CMD'");
    }
  }

  /** The most of the test output a baseline line quotes (a compiler error, the failing tests' names). */
  static final int QUOTED_CHARS = 160;

  /**
   * {@code text} as a baseline line quotes it: cut at {@link #QUOTED_CHARS} (a C++ template error or
   * a parametrised test's id runs to hundreds of characters, wrapping over a screen), then where the
   * whole of it is.
   */
  static String quoted(String text, Path log) {
    if (text.length() <= QUOTED_CHARS) {
      return text;
    }
    return text.substring(0, QUOTED_CHARS - 1) + "… (all of it in " + log + ")";
  }

  /**
   * The failing command's exit code; a runner that exits 0 when tests fail (tcltest) was judged by
   * its output, which "exit 0" alone would leave the user wondering about.
   */
  static String exit(VerifyResult r) {
    return r.exitCode() == 0 ? "exit 0, failures read from its output" : "exit " + r.exitCode();
  }

  /**
   * {@link #exit}, with the line that failed a run exiting 0 when no test is named: "exit 0, its output says: TC0: ERROR."
   * (a testbench's report, {@link dev.acr.verify.HdlTestbenches}); "failures read from its output" alone did not say which.
   */
  static String exitSaying(VerifyResult r) {
    String said = r.exitCode() == 0 && r.failing().isEmpty() ? Verifier.failedAnyway(r) : null;
    return said == null ? exit(r)
        : "exit 0, its output says: " + (said.length() <= QUOTED_CHARS ? said : said.substring(0, QUOTED_CHARS - 1) + "…");
  }

  /** The end of the log (more than the result's tail: a missing module may be reported early). */
  static List<String> lines(Path log, VerifyResult r) {
    try {
      return RunFiles.tail(log, 2000);
    } catch (IOException e) {
      return r.tail() == null ? List.of() : List.of(r.tail().split("\n"));
    }
  }
}
