package dev.acr.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.config.CommandTemplate;
import dev.acr.config.ConfigException;
import dev.acr.config.ToolSpec;
import dev.acr.config.ToolsConfig;
import dev.acr.core.AttemptExecutor;
import dev.acr.core.AttemptResult;
import dev.acr.core.AttemptStatus;
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
import dev.acr.git.Diff;
import dev.acr.git.Isolation;
import dev.acr.git.Snapshot;
import dev.acr.verify.VerifyCommand;
import dev.acr.verify.VerifyResult;
import dev.acr.verify.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
      Path runDir) {}

  private static final Duration GRACE = Duration.ofSeconds(2);
  /** Built on first use: a cold ObjectMapper costs ~100 ms of start-up, which paths without JSON skip. */
  private static final class Lazy {
    static final ObjectMapper JSON = new ObjectMapper();
  }

  private final Setup setup;
  private final ProcessRunner runner;
  private final Consumer<String> agentOutput;
  private final Consumer<String> note;
  private final Map<Integer, AttemptArtifacts> artifacts = new ConcurrentHashMap<>();

  public LiveExecutor(Setup setup, ProcessRunner runner, Consumer<String> agentOutput, Consumer<String> note) {
    this.setup = setup;
    this.runner = runner;
    this.agentOutput = agentOutput;
    this.note = note;
  }

  public AttemptArtifacts artifacts(int attempt) {
    return artifacts.get(attempt);
  }

  @Override
  public AttemptResult attempt(Task task, Route route, int attemptNumber) throws InterruptedException {
    Path dir = RunFiles.attemptDir(setup.runDir(), attemptNumber);
    Path worktree = null;
    try {
      Files.createDirectories(dir);
      worktree = setup.isolation() == null ? setup.workdir() : setup.isolation().createWorktree(setup.snapshot(), dir.resolve("wt"));
      return runIn(task, route, attemptNumber, dir, worktree);
    } catch (IOException e) {
      artifacts.put(attemptNumber, new AttemptArtifacts(attemptNumber, dir, null, null, e.getMessage()));
      return failure(route, AttemptStatus.AGENT_ERROR, null, 0);
    } finally {
      if (setup.isolation() != null && worktree != null) {
        // Clean up even when interrupted: git must not see the interrupt flag meanwhile.
        LiveSession.removeQuietly(setup.isolation(), worktree, note);
      }
    }
  }

  private AttemptResult runIn(Task task, Route route, int attemptNumber, Path dir, Path worktree)
      throws IOException, InterruptedException {
    ToolSpec tool = setup.config().tool(route.tool()).orElseThrow();
    CommandTemplate.Rendered cmd;
    try {
      cmd = CommandTemplate.render(tool, route, task.prompt(), worktree, setup.environment());
    } catch (ConfigException e) {
      artifacts.put(attemptNumber, new AttemptArtifacts(attemptNumber, dir, null, null, e.getMessage()));
      return failure(route, AttemptStatus.AGENT_ERROR, null, 0);
    }
    writeInvocation(dir, cmd.argv());
    String tag = "[" + route.name() + "] ";
    // opencode takes its project root from $PWD, not from the process's directory.
    Map<String, String> env = new java.util.HashMap<>(setup.environment());
    env.put("PWD", worktree.toString());
    // The CLI's own output says when it cannot reach or use its model; the watch stops it then.
    Stopper stopper = new Stopper();
    InfraWatch watch = new InfraWatch(tool.usageFormat(), stopper, InfraWatch.DEFAULT_GRACE, Clock.systemUTC());
    ProcessSpec spec =
        new ProcessSpec(
            cmd.argv(),
            worktree,
            env,
            cmd.stdin(),
            setup.timeout(),
            GRACE,
            dir.resolve(RunFiles.STDOUT),
            null,
            dir.resolve(RunFiles.STDERR),
            watch.stdout(line -> agentOutput.accept(tag + line)),
            watch.stderr(line -> agentOutput.accept(tag + line)),
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
        return finish(task, route, attemptNumber, dir, worktree, tool, run, watch);
      } finally {
        Thread.currentThread().interrupt();
      }
    }
    return finish(task, route, attemptNumber, dir, worktree, tool, run, watch);
  }

  private AttemptResult finish(
      Task task, Route route, int attemptNumber, Path dir, Path worktree, ToolSpec tool, ProcessOutcome run,
      InfraWatch watch) throws IOException, InterruptedException {
    Usage usage = UsageParser.parse(tool.usageFormat(), dir.resolve(RunFiles.STDOUT), setup.config().price(route).orElse(null));
    Diff diff = setup.isolation() == null ? null : setup.isolation().capture(worktree, setup.snapshot(), dir.resolve(RunFiles.PATCH));
    boolean changed = diff == null || !diff.empty();
    boolean applyOk = run.exitCode() == 0 && !run.timedOut() && !run.interrupted() && changed;
    AttemptStatus status;
    String verifyTail = null;
    boolean resolved = false;
    InfraSign infra = watch.verdict(run.timedOut() || run.exitCode() != 0);
    String modelUsed = modelUsed(route, tool, watch);
    if (run.interrupted()) {
      status = AttemptStatus.INTERRUPTED;
    } else if (infra != null) {
      // the model could not be reached or used, whatever the exit code: not the route's fault
      status = AttemptStatus.INFRA_ERROR;
      applyOk = false;
      note.accept(route.name() + ": " + infra.reason() + (run.stopped() ? ", stopped the agent" : "") + ": " + infra.evidence());
    } else if (run.timedOut()) {
      status = AttemptStatus.TIMEOUT;
    } else if (run.exitCode() != 0) {
      status = AttemptStatus.AGENT_ERROR;
    } else if (setup.verify() == null) {
      status = AttemptStatus.NO_VERIFIER;
    } else {
      VerifyResult v =
          new Verifier().run(setup.verify(), worktree, setup.verifyTimeout(), setup.environment(), dir.resolve(RunFiles.VERIFY_LOG));
      verifyTail = v.tail();
      resolved = v.passed();
      status = resolved ? AttemptStatus.VERIFIED : AttemptStatus.FAILED;
      if (Thread.currentThread().isInterrupted()) {
        status = AttemptStatus.INTERRUPTED;
        resolved = false;
      }
    }
    artifacts.put(
        attemptNumber,
        new AttemptArtifacts(
            attemptNumber, dir, diff, verifyTail, status != AttemptStatus.INFRA_ERROR ? null : infra.reason() + ": " + infra.evidence()));
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
        status == AttemptStatus.INFRA_ERROR ? infra.reason() : null,
        modelUsed,
        status == AttemptStatus.INFRA_ERROR ? infra.retryAt() : null);
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

  /** argv and the names (never the values) of the environment, for `acr explain` and debugging. */
  private void writeInvocation(Path dir, List<String> argv) throws IOException {
    Files.writeString(dir.resolve(RunFiles.ARGV), Lazy.JSON.writeValueAsString(argv));
    List<String> names = new ArrayList<>(new TreeSet<>(setup.environment().keySet()));
    Files.write(dir.resolve(RunFiles.ENV_NAMES), names);
  }

  private static AttemptResult failure(Route route, AttemptStatus status, Integer exit, long ms) {
    return new AttemptResult(route, status, false, 0.0, false, exit, ms, null, null, null);
  }
}
