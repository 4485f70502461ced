package dev.acr.live;

import dev.acr.config.CommandTemplate;
import dev.acr.config.Durations;
import dev.acr.config.ConfigException;
import dev.acr.config.ToolSpec;
import dev.acr.config.ToolsConfig;
import dev.acr.core.AttemptExecutor;
import dev.acr.core.AttemptResult;
import dev.acr.core.AttemptStatus;
import dev.acr.core.Cancellation;
import dev.acr.core.Route;
import dev.acr.core.Task;
import dev.acr.exec.InfraSign;
import dev.acr.exec.InfraWatch;
import dev.acr.exec.ProcessOutcome;
import dev.acr.exec.ProcessRunner;
import dev.acr.exec.ProcessSpec;
import dev.acr.exec.ProcessStartException;
import dev.acr.exec.Stopper;
import dev.acr.exec.Usage;
import dev.acr.exec.UsageParser;
import dev.acr.git.ApplyResult;
import dev.acr.git.Diff;
import dev.acr.git.DirSnapshot;
import dev.acr.git.Isolation;
import dev.acr.git.Snapshot;
import dev.acr.git.WorktreePool;
import dev.acr.verify.DisabledTests;
import dev.acr.verify.FailedChecks;
import dev.acr.verify.PythonVenv;
import dev.acr.verify.VerifyCommand;
import dev.acr.verify.VerifyResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs one attempt for real: a fresh worktree from the user's snapshot (or the workdir itself
 * with --in-place), the agent's CLI as a process with its output streamed and saved, then the
 * project's verify command in the same directory. The worktree is removed afterwards whatever
 * happened; the patch of what the agent changed stays in the run directory.
 */
public final class LiveExecutor implements AttemptExecutor {

  /** Everything an attempt needs that does not change between attempts. */
  public record Setup(
      ToolsConfig config,
      Map<String, String> environment,
      Path workdir,
      Isolation isolation,
      Snapshot snapshot,
      VerifyCommand verify,
      Duration timeout,
      Duration verifyTimeout,
      Path runDir,
      DirSnapshot inPlace,
      KnownFailures known,
      boolean storePrompt) {
    /** Prompts stored (argv.json keeps the prompt the agent got). */
    public Setup(ToolsConfig config, Map<String, String> environment, Path workdir, Isolation isolation,
        Snapshot snapshot, VerifyCommand verify, Duration timeout, Duration verifyTimeout, Path runDir,
        DirSnapshot inPlace, KnownFailures known) {
      this(config, environment, workdir, isolation, snapshot, verify, timeout, verifyTimeout, runDir, inPlace, known, true);
    }

    /** Without an --in-place snapshot (in a git repository, or a bench). */
    public Setup(ToolsConfig config, Map<String, String> environment, Path workdir, Isolation isolation,
        Snapshot snapshot, VerifyCommand verify, Duration timeout, Duration verifyTimeout, Path runDir) {
      this(config, environment, workdir, isolation, snapshot, verify, timeout, verifyTimeout, runDir, null, null);
    }

    /** Without the baseline's failing tests: an attempt's failures are not compared with them. */
    public Setup(ToolsConfig config, Map<String, String> environment, Path workdir, Isolation isolation,
        Snapshot snapshot, VerifyCommand verify, Duration timeout, Duration verifyTimeout, Path runDir,
        DirSnapshot inPlace) {
      this(config, environment, workdir, isolation, snapshot, verify, timeout, verifyTimeout, runDir, inPlace, null);
    }
  }

  private static final Duration GRACE = Duration.ofSeconds(2);
  private final Setup setup;
  private final ProcessRunner runner;
  private final Consumer<String> agentOutput;
  private final Consumer<String> note;
  private final Map<Integer, AttemptArtifacts> artifacts = new ConcurrentHashMap<>();
  private final Delivery delivery;
  private final WorktreePool pool;
  private final Map<Integer, ApplyResult> applied = new ConcurrentHashMap<>();
  private final SharedState shared;

  /** An executor that leaves verified changes in their patches; the caller applies them. */
  public LiveExecutor(Setup setup, ProcessRunner runner, Consumer<String> agentOutput, Consumer<String> note) {
    this(setup, runner, agentOutput, note, null);
  }

  /**
   * @param delivery applies a verified change (and rechecks it in the user's tree) when the run
   *     chooses it ({@link #deliver}), before the attempt is recorded, so a change that fails
   *     there is recorded as acr's failure, not as the route's success; null to leave that to the caller
   */
  LiveExecutor(Setup setup, ProcessRunner runner, Consumer<String> agentOutput, Consumer<String> note, Delivery delivery) {
    this(setup, runner, agentOutput, note, delivery, null,
        SharedState.of(setup.isolation(), setup.snapshot(), setup.workdir(), setup.environment(), note));
  }

  /**
   * @param pool lends the attempts their worktrees (null: each attempt checks one out and removes it)
   * @param shared what the attempts can change outside their worktrees (the user's Python environments, the
   *     repository's branches and stash), put back after each
   */
  LiveExecutor(Setup setup, ProcessRunner runner, Consumer<String> agentOutput, Consumer<String> note, Delivery delivery,
      WorktreePool pool, SharedState shared) {
    this.setup = setup;
    this.runner = runner;
    this.agentOutput = agentOutput;
    this.note = note;
    this.delivery = delivery;
    this.pool = pool;
    this.shared = shared;
  }

  public AttemptArtifacts artifacts(int attempt) {
    return artifacts.get(attempt);
  }

  /** What became of attempt {@code attempt}'s verified change in the user's tree; null when none was delivered. */
  ApplyResult applied(int attempt) {
    return applied.get(attempt);
  }

  /** Attempts of a race run on threads of their own, each in its own worktree. */
  @Override
  public boolean concurrent() {
    return true;
  }

  @Override
  public AttemptResult attempt(Task task, Route route, int attemptNumber) throws InterruptedException {
    return attempt(task, route, attemptNumber, Cancellation.none());
  }

  /**
   * A cancelled attempt is stopped the way Ctrl-C stops one: its thread is interrupted, which
   * kills the agent's (or the verify command's) process tree. Only while it runs: the worktree's
   * removal afterwards must not be cut short.
   */
  @Override
  public AttemptResult attempt(Task task, Route route, int attemptNumber, Cancellation cancel) throws InterruptedException {
    Path dir = RunFiles.attemptDir(setup.runDir(), attemptNumber);
    Path worktree = null;
    Path folder;
    AttemptResult result = null;
    Cancellation.Interrupter stop = cancel.interrupting(Thread.currentThread());
    try {
      Files.createDirectories(dir);
      synchronized (setup.isolation() == null ? this : setup.isolation()) {
        // git keeps one list of worktrees per repository: the attempts of a race add theirs in turn.
        worktree = setup.isolation() == null ? null
            : pool != null ? pool.acquire()
            : setup.isolation().createWorktree(setup.snapshot(), dir.resolve("wt"));
      }
      folder = RunFolder.in(worktree, setup.isolation(), setup.workdir());
    } catch (IOException e) {
      stop.close();
      result = stoppedOr(route, () -> acrError(route, attemptNumber, dir, "could not prepare the attempt's worktree", e));
      return result;
    }
    shared.enter(attemptNumber, "attempt " + attemptNumber + " " + route.name());
    try {
      result = runIn(task, route, attemptNumber, dir, worktree == null ? folder : worktree, folder, cancel);
      return result;
    } catch (IOException e) {
      result = stoppedOr(route, () -> acrError(route, attemptNumber, dir, "failed around the agent's run", e));
      return result;
    } finally {
      stop.close();
      shared.exit();
      if (worktree != null && pool != null) {
        pool.release(worktree); // reset when lent again; the session keeps or removes it at the end
      } else if (worktree != null) {
        // Clean up even when interrupted: git must not see the interrupt flag meanwhile.
        synchronized (setup.isolation()) {
          LiveSession.removeQuietly(setup.isolation(), worktree, note);
        }
      }
      if (setup.inPlace() != null && (result == null || result.status() != AttemptStatus.VERIFIED)) {
        InPlace.restore(setup.inPlace(), attemptNumber, artifacts, note);
      }
    }
  }

  /**
   * An I/O failure on an interrupted thread is the stop (Ctrl-C, or a race's cancel closing the
   * channel it was using), not acr's own failure.
   */
  private static AttemptResult stoppedOr(Route route, java.util.function.Supplier<AttemptResult> acrError) {
    return Thread.currentThread().isInterrupted() ? failure(route, AttemptStatus.INTERRUPTED, null, 0) : acrError.get();
  }

  /** The agent, then the tests, in {@code folder} (the package's folder in {@code worktree}). */
  private AttemptResult runIn(Task task, Route route, int attemptNumber, Path dir, Path worktree, Path folder,
      Cancellation cancel) throws IOException, InterruptedException {
    ToolSpec tool = setup.config().tool(route.tool()).orElseThrow();
    CommandTemplate.Rendered cmd;
    try {
      cmd = CommandTemplate.render(tool, route, task.prompt(), folder, setup.environment());
    } catch (ConfigException e) {
      return acrError(route, attemptNumber, dir, "could not build the tool's command line (fix the tool's entry in the config)", e);
    }
    RunFiles.writeInvocation(dir, setup.storePrompt() ? cmd.argv() : RunFiles.withoutPrompt(cmd.argv(), task.prompt()),
        setup.environment().keySet());
    String tag = "[" + route.name() + "] ";
    Map<String, String> env = environment(worktree, folder);
    // opencode takes its project root from $PWD, not from the process's directory.
    env.put("PWD", folder.toString());
    // The CLI's own output says when it cannot reach or use its model; the watch stops it then.
    Stopper stopper = new Stopper();
    InfraWatch watch = new InfraWatch(tool.usageFormat(), stopper, InfraWatch.DEFAULT_GRACE, Clock.systemUTC());
    ProcessSpec spec =
        new ProcessSpec(
            cmd.argv(),
            folder,
            env,
            cmd.stdin(),
            setup.timeout(),
            GRACE,
            dir.resolve(RunFiles.STDOUT),
            null,
            dir.resolve(RunFiles.STDERR),
            watch.stdout(line -> AgentLines.show(tool.usageFormat(), line).forEach(shown -> agentOutput.accept(tag + shown))),
            watch.stderr(line -> agentOutput.accept(tag + AgentLines.stderr(line))),
            true);
    ProcessOutcome run;
    try {
      run = runner.run(spec, stopper);
    } catch (ProcessStartException e) {
      artifacts.put(attemptNumber, new AttemptArtifacts(attemptNumber, dir, null, null, e.getMessage()));
      return failure(route, AttemptStatus.AGENT_ERROR, null, 0);
    }
    if (run.interrupted()) {
      // The loop stops on this status; bookkeeping below needs file channels, which refuse to
      // work on an interrupted thread, so hold the interrupt until the attempt is recorded.
      Thread.interrupted();
      try {
        return finish(task, route, attemptNumber, dir, worktree, folder, tool, run, watch);
      } finally {
        Thread.currentThread().interrupt();
      }
    }
    // In a race, a racer past this point is let finish its tests when another verifies.
    cancel.agentFinished();
    return finish(task, route, attemptNumber, dir, worktree, folder, tool, run, watch);
  }

  private InfraSign notFoundByPrefix(ToolSpec tool, Path folder) {
    try {
      return Binaries.wrappedCliMissing(tool, setup.environment(), folder)
          .map(w -> new InfraSign(InfraSign.NOT_INSTALLED, false, null, w.notFound())).orElse(null);
    } catch (dev.acr.config.ConfigException e) {
      return null;
    }
  }

  /** The agent's and the tests' environment: the user's, pointed at the worktree, in the project's venv ({@link PythonVenv}). */
  private Map<String, String> environment(Path worktree, Path folder) {
    return new HashMap<>(PythonVenv.environment(folder, setup.isolation() == null
        ? setup.environment()
        : setup.isolation().environment(setup.snapshot(), worktree, setup.environment())));
  }

  private AttemptResult finish(
      Task task, Route route, int attemptNumber, Path dir, Path worktree, Path folder, ToolSpec tool, ProcessOutcome run,
      InfraWatch watch) throws IOException, InterruptedException {
    Usage usage = UsageParser.parse(tool.usageFormat(), dir.resolve(RunFiles.STDOUT), setup.config().price(route).orElse(null));
    Diff diff;
    try {
      diff = setup.isolation() != null ? setup.isolation().capture(worktree, setup.snapshot(), dir.resolve(RunFiles.PATCH))
          : setup.inPlace() != null ? setup.inPlace().capture(dir.resolve(RunFiles.PATCH)) : null;
    } catch (IOException e) {
      return stoppedOr(route, () -> acrError(route, attemptNumber, dir, "could not capture what the agent changed", e));
    }
    boolean changed = diff == null || !diff.empty();
    boolean applyOk = run.exitCode() == 0 && !run.timedOut() && !run.interrupted() && changed;
    InfraSign infra = watch.verdict(run.timedOut() || run.exitCode() != 0);
    if (infra == null && run.exitCode() == Binaries.COMMAND_NOT_FOUND && !run.timedOut() && !run.interrupted()) {
      // A prefix switcher that could not find the CLI either: the user's setup, not the route failing the task.
      infra = notFoundByPrefix(tool, folder);
    }
    String modelUsed = modelUsed(route, tool, watch);
    AttemptStatus status;
    if (infra != null && !run.interrupted()) {
      // the model could not be reached or used, whatever the exit code: not the route's fault
      status = AttemptStatus.INFRA_ERROR;
      applyOk = false;
      note.accept(route.name() + ": " + infra.reason() + (run.stopped() ? ", stopped the agent" : "") + ": " + infra.evidence());
    } else {
      status = AttemptVerdict.beforeTests(run, diff, task, setup.verify() != null);
    }
    String verifyTail = null;
    long testsMs = 0;
    boolean resolved = false;
    String attemptNote = status == AttemptStatus.INFRA_ERROR ? infra.reason() + ": " + infra.evidence()
        : status == AttemptStatus.TIMEOUT ? "the agent did not finish within " + Durations.limit(setup.timeout())
            + " and was stopped with everything it started (a longer limit: --timeout)"
        : null;
    String reason = status == AttemptStatus.INFRA_ERROR ? infra.reason() : null;
    Optional<String> off = status == null && diff != null ? DisabledTests.find(diff.patch(), task.prompt(),
        setup.known() == null ? List.of() : setup.known().failing(), setup.known() != null && setup.known().baselineFailed())
        : Optional.empty();
    off = off.isPresent() || status != null || diff == null || setup.known() == null ? off
        : FailedChecks.deletedBy(diff.patch(), task.prompt(), setup.known().failedAt());
    if (off.isPresent()) {
      // Not worth the tests' time: they would pass because they no longer run.
      status = AttemptStatus.FAILED;
      reason = DisabledTests.REASON;
      attemptNote = off.get();
      note.accept("attempt " + attemptNumber + " " + route.name() + ": " + off.get());
    }
    if (status == AttemptStatus.ANSWERED) {
      AgentAnswer.save(tool.usageFormat(), dir.resolve(RunFiles.STDOUT), dir.resolve(RunFiles.ANSWER));
    } else if (status == null) {
      VerifyResult v = null;
      String who = "attempt " + attemptNumber + " " + route.name() + ": ";
      try {
        AttemptTests.Outcome tested = AttemptTests.run(setup, folder, environment(worktree, folder), dir, diff, who, note);
        v = tested.result();
        testsMs = tested.durationMs();
        attemptNote = tested.note();
      } catch (IOException e) {
        return stoppedOr(route, () -> acrError(route, attemptNumber, dir, "could not run the test command", e));
      } catch (InterruptedException e) {
        // Stopped during its tests (Ctrl-C, or another racer won): recorded with what the agent cost.
        Thread.currentThread().interrupt();
      }
      verifyTail = v == null ? null : v.tail();
      AttemptTests.Verdict verdict = AttemptTests.judge(setup, v, attemptNote, task, diff, dir, who, note);
      status = verdict.status();
      resolved = verdict.resolved();
      reason = verdict.reason();
      attemptNote = verdict.note();
    }
    artifacts.put(attemptNumber, new AttemptArtifacts(attemptNumber, dir, diff, verifyTail, attemptNote, testsMs));
    return new AttemptResult(
        route,
        status,
        resolved,
        resolved ? 1.0 : 0.0,
        applyOk,
        run.finishedNormally() ? run.exitCode() : null,
        run.durationMs(),
        usage.costUsd(),
        usage.inputTokens(),
        usage.outputTokens(),
        reason,
        modelUsed,
        status == AttemptStatus.INFRA_ERROR ? infra.retryAt() : null);
  }

  /**
   * Applies the verified attempt's change, which the run chose (in a race: the cheapest verified),
   * and rechecks it in the user's tree. A change refused (the tree changed since the snapshot, a
   * submodule edit) stays verified but not in the tree; one rolled back after its recheck is acr's
   * failure. Either way the run may try the next verified attempt of a race.
   */
  @Override
  public Delivered deliver(Task task, AttemptResult verified, int attemptNumber) throws InterruptedException {
    AttemptArtifacts a = artifacts.get(attemptNumber);
    if (delivery == null || a == null || a.diff() == null) {
      return new Delivered(verified, true);
    }
    Delivery.Outcome d = delivery.deliver(a.diff(), a.dir());
    applied.put(attemptNumber, d.applied());
    if (!d.rolledBack()) {
      return new Delivered(verified, d.applied().applied());
    }
    shared.takenBack(attemptNumber).ifPresent(t -> note.accept("attempt " + attemptNumber + " " + verified.route().name()
        + ": its change may need what was installed into " + t + ", which acr took back: install what it needs, then"
        + " apply it (acr apply " + setup.runDir().getFileName() + " " + attemptNumber + ")"));
    // Neither the route's success (its change fails in the user's tree) nor its failure (it
    // passed where acr tested it): acr's verification did not hold, so it is acr's.
    artifacts.put(attemptNumber, new AttemptArtifacts(attemptNumber, a.dir(), a.diff(), a.verifyTail(),
        "passed its tests in the attempt's worktree but not in your working tree: " + d.applied().message(), a.testsMs()));
    return new Delivered(new AttemptResult(verified.route(), AttemptStatus.ACR_ERROR, false, 0.0, verified.applyOk(),
        verified.exitCode(), verified.durationMs(), verified.costUsd(), verified.inputTokens(), verified.outputTokens(),
        "failed the recheck in the user's tree", verified.modelUsed(), null), false);
  }

  /**
   * acr's own failure around an attempt: recorded as {@code acr_error} with a short reason, never
   * as the agent's; the note says it is acr's and what to do.
   */
  private AttemptResult acrError(Route route, int attemptNumber, Path dir, String what, Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String firstLine = message.lines().findFirst().orElse("").strip();
    String reason = what + ": " + (firstLine.length() > 160 ? firstLine.substring(0, 160) + "..." : firstLine);
    artifacts.put(attemptNumber, new AttemptArtifacts(attemptNumber, dir, null, null,
        "acr's own failure, not " + route.name() + "'s (not counted against it): " + what + ": " + message
            + "\nWhat to do: run `acr doctor --fix`, check free disk space and that git works here; the attempt's"
            + " files are in " + dir));
    return new AttemptResult(route, AttemptStatus.ACR_ERROR, false, 0.0, false, null, 0, null, null, null, reason,
        null, null);
  }

  /** The model the CLI reported; a note when it is not the one the route asked for. */
  private String modelUsed(Route route, ToolSpec tool, InfraWatch watch) {
    String used = watch.modelUsed();
    String asked = tool.model(route.model()).map(m -> m.arg()).orElse(route.model());
    if (used != null && asked != null && !InfraWatch.sameModel(asked, used)) {
      note.accept(route.name() + ": asked for model " + asked + " but the CLI reports it used " + used);
    }
    return used;
  }

  private static AttemptResult failure(Route route, AttemptStatus status, Integer exit, long ms) {
    return new AttemptResult(route, status, false, 0.0, false, exit, ms, null, null, null);
  }
}
