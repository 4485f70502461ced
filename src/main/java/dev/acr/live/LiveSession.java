package dev.acr.live;

import dev.acr.config.ConfigException;
import dev.acr.config.RepoConfig;
import dev.acr.config.ToolSpec;
import dev.acr.config.ToolsConfig;
import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.RunLoop;
import dev.acr.core.RunOutcome;
import dev.acr.exec.ProcessRunner;
import dev.acr.git.ApplyResult;
import dev.acr.git.ConfiguredLinks;
import dev.acr.git.DirSnapshot;
import dev.acr.git.GitException;
import dev.acr.git.Isolation;
import dev.acr.git.Snapshot;
import dev.acr.git.WorktreePool;
import dev.acr.memory.MemorySink;
import dev.acr.memory.MemoryStore;
import dev.acr.verify.FailedChecks;
import dev.acr.verify.VerifyCommand;
import dev.acr.verify.VerifyResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Execute and Feedback for a live run: isolates the user's repository, records a baseline of the
 * verify command, runs the shared {@link RunLoop} with a {@link LiveExecutor}, then applies the
 * verified attempt's change, and only that, to the user's working tree.
 */
public final class LiveSession {

  /**
   * What a finished run has to say. {@code applied} is null when nothing was to be applied; {@code
   * race} is how many attempts could run at once, and why.
   */
  public record Report(
      Decision decision,
      String runId,
      Path runDir,
      VerifyResult baseline,
      RunOutcome outcome,
      List<AttemptArtifacts> artifacts,
      ApplyResult applied,
      List<String> warnings,
      RaceChoice race) {}

  /**
   * How a session runs besides the request: the memory {@code source} its records carry, an
   * {@code observer} (may be null) handed every record after memory has it, and whether the
   * verify command runs once on the untouched state first ({@code baseline}). A live bench
   * measures several routes on the same files: it checks their baseline once, not per route.
   * {@code keepWorktrees}: the run's worktrees are kept for the next run in the repository
   * (a live bench's repository is deleted after the run, so it has none).
   */
  public record Options(String source, MemorySink observer, boolean baseline, boolean keepWorktrees) {
    /** A user's {@code acr PROMPT}. */
    public static final Options USER = new Options("live", null, true, true);

    /** Options whose worktrees are removed at the run's end. */
    public Options(String source, MemorySink observer, boolean baseline) {
      this(source, observer, baseline, false);
    }
  }

  private final ProcessRunner runner;
  private final Clock clock;
  private final Options options;

  public LiveSession(ProcessRunner runner, Clock clock) {
    this(runner, clock, Options.USER);
  }

  public LiveSession(ProcessRunner runner, Clock clock, Options options) {
    this.runner = runner;
    this.clock = clock;
    this.options = options;
  }

  public Report run(
      RunRequest req, AcrPaths paths, Decision d, RunLoop.Listener listener, Consumer<String> note,
      Consumer<String> agentOutput)
      throws UsageError {
    requireInstalled(d, req);
    RaceChoice race = RaceChoice.of(req, d);
    Duration verifyTimeout = VerifyTimeout.of(req, d.signals().repoConfig()).limit();
    if (race != RaceChoice.SEQUENTIAL) {
      note.accept(race.why());
    }
    Optional<Path> root;
    try {
      root = Isolation.repoRoot(req.workdir());
    } catch (GitException e) {
      throw new UsageError("cannot read the git repository at " + req.workdir() + ": " + e.getMessage());
    }
    if (root.isEmpty() && !req.inPlace()) {
      throw new UsageError(
          "not a git repository: " + req.workdir() + "; acr runs each attempt in its own git worktree so your"
              + " files stay safe. Run it inside a git repository, or pass --in-place to let agents edit this"
              + " directory directly (acr snapshots it first and puts it back if the attempt is not verified)");
    }
    List<String> warnings = new ArrayList<>(d.warnings());
    Isolation isolation = null;
    Snapshot snapshot = null;
    if (root.isPresent()) {
      try {
        isolation = Isolation.forRepo(root.get());
        for (String removed : Isolation.pruneStale(root.get())) {
          note.accept("removed a stale worktree of a killed acr run: " + removed);
        }
        RepoConfig project = d.signals().repoConfig();
        ConfiguredLinks links = ConfiguredLinks.check(root.get(), project.folder(), project.file(), project.link());
        links.notes().forEach(note);
        snapshot = isolation.snapshot(links);
      } catch (GitException e) {
        throw new UsageError("cannot prepare an isolated worktree: " + e.getMessage());
      }
    }
    String runId = newRunId();
    Path runDir = paths.runs().resolve(runId);
    try {
      Files.createDirectories(runDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (IOException e) {
      throw new UsageError("cannot create run directory " + runDir + ": " + e.getMessage() + " (check ACR_HOME)");
    }
    try {
      RunFiles.writeDecision(runDir, runId, req, d);
    } catch (IOException e) {
      note.accept("could not write " + RunFiles.DECISION + " in " + runDir + ": " + e.getMessage() + "; acr explain will know less");
    }
    VerifyCommand verify = d.signals().verify();
    if (verify == null) {
      note.accept("no test command found and none given: attempts cannot be verified, so acr will not escalate."
          + " Pass --verify \"CMD\" or add {\"verify\": \"CMD\"} to .acr/config.json");
    }
    DirSnapshot inPlace = isolation == null ? InPlace.snapshot(req, paths, note) : null;
    // One pool for the run: the baseline's worktree, reset, is the first attempt's; a later run's too.
    WorktreePool pool = isolation == null ? null : new WorktreePool(isolation, snapshot, paths.worktrees(),
        options.keepWorktrees());
    // What the attempts can change outside their worktrees, put back after each; after the baseline too: a test
    // command that installs the project (pip install -e .) would point the user's environment at its worktree.
    SharedState shared = SharedState.of(isolation, snapshot, d.signals().packageDir(), req.environment(), note);
    boolean runBaseline = verify != null && options.baseline() && Baseline.needed(d);
    VerifyResult baseline = null;
    try {
      if (runBaseline) {
        shared.enter(0, "baseline");
        // A live bench calls out a broken problem itself and goes on; a user's run stops.
        baseline = Baseline.run(d, req, isolation, snapshot, pool, runDir, verifyTimeout, note,
            options.source().equals(Options.USER.source()));
      }
    } catch (UsageError | RuntimeException e) {
      closeQuietly(inPlace);
      closeQuietly(pool, note);
      throw e;
    } finally {
      if (runBaseline) {
        shared.exit();
      }
    }
    LiveExecutor executor =
        new LiveExecutor(
            // The package folder: there, in each worktree, the agent and the tests run.
            new LiveExecutor.Setup(d.config(), req.environment(), d.signals().packageDir(), isolation, snapshot, verify,
                req.timeout(), verifyTimeout, runDir, inPlace, KnownFailures.of(baseline, d.task().dimension(), req.prompt())
                    .failedAt(baseline == null || baseline.passed() ? Set.of() : FailedChecks.in(RunFiles.baselineDir(runDir).resolve(RunFiles.VERIFY_LOG))),
                req.storePrompt() && d.config().storePrompts()),
            runner,
            agentOutput,
            note,
            isolation == null ? null : delivery(isolation, verify, req, d.signals().packageDir(), verifyTimeout, note),
            pool,
            shared);
    MemoryStore store = new MemoryStore(paths.memory());
    MemorySink sink = d.stats() == null ? store : MemorySink.tee(store, d.stats());
    if (options.observer() != null) {
      sink = MemorySink.tee(sink, options.observer());
    }
    RunLoop loop =
        new RunLoop(race.around(d.router(), d), executor, sink, new RunLoop.Limits(req.maxAttempts(), req.budgetUsd(), race.width()), options.source(),
            req.storePrompt() && d.config().storePrompts(), clock);
    RunOutcome outcome = null;
    boolean interrupted;
    try {
      outcome = loop.run(d.task(), runId, new CooldownStore(paths.cooldowns()).remembering(listener, d.fallback(), clock, note));
    } finally {
      closeQuietly(inPlace);
      // git must not see the interrupt flag while the worktrees are handed back.
      interrupted = Thread.interrupted();
      closeQuietly(pool, note);
      if (outcome == null && interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    List<AttemptArtifacts> artifacts = new ArrayList<>();
    for (int i = 1; i <= outcome.attempts().size(); i++) {
      artifacts.add(executor.artifacts(i));
    }
    // The executor applied (and rechecked) the verified attempt's change before it was recorded;
    // in a race the attempts cancelled after the winner may come after it.
    ApplyResult applied = outcome.verified() ? executor.applied(outcome.finalIndex() + 1) : null;
    try {
      RunFiles.writeOutcome(runDir, baseline, outcome, artifacts, applied);
    } catch (IOException e) {
      note.accept("could not write " + RunFiles.OUTCOME + " in " + runDir + ": " + e.getMessage());
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return new Report(d, runId, runDir, baseline, outcome, artifacts, applied, warnings, race);
  }

  private static void closeQuietly(DirSnapshot inPlace) {
    if (inPlace != null) {
      inPlace.close();
    }
  }

  /**
   * Applies a verified change and, unless --no-recheck, reruns the tests in the user's tree. They
   * run in the package folder, as the attempt's tests did in the same folder of its worktree.
   */
  private static Delivery delivery(
      Isolation isolation, VerifyCommand verify, RunRequest req, Path packageDir, Duration verifyTimeout,
      Consumer<String> note) {
    return new Delivery(isolation, verify, packageDir, req.environment(), verifyTimeout, req.recheck(), note);
  }

  private static void closeQuietly(WorktreePool pool, Consumer<String> note) {
    try {
      if (pool != null) {
        pool.close();
      }
    } catch (GitException e) {
      note.accept("could not hand back or remove an attempt's worktree: " + e.getMessage()
          + " (acr doctor --fix removes the worktrees acr keeps)");
    }
  }

  static void removeQuietly(Isolation isolation, Path wt, Consumer<String> note) {
    boolean interrupted = Thread.interrupted();
    try {
      isolation.removeWorktree(wt);
    } catch (GitException e) {
      note.accept("could not remove worktree " + wt + ": " + e.getMessage() + " (acr doctor --fix or git worktree remove)");
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * What to fix, one line per tool, when a chain the user named (--chain, a routes[] rule) has tools
   * that are not installed ("ghost: not installed — install it with: ..."); empty when all are. Such a
   * run does not start: the user asked for that exact order, and no agent of it could run (exit 3).
   */
  public static List<String> namedChainNotInstalled(Decision d, RunRequest req, Path cooldowns) {
    if (!(d.router() instanceof FixedChainRouter f)) {
      return List.of();
    }
    java.util.Set<String> tools = new java.util.LinkedHashSet<>();
    for (Route r : f.chain()) {
      if (d.missingTools().contains(r.tool())) {
        tools.add(r.tool());
      }
    }
    List<String> fixes = new ArrayList<>();
    for (String t : tools) {
      fixes.add(new Unavailable(t, t + ":*", Unavailable.NOT_INSTALLED, null, Planner.missingPrefix(d.config(), t, req))
          .fixLine(d.config(), java.time.ZoneId.systemDefault(), cooldowns));
    }
    return fixes;
  }

  /** A chain the user named must be runnable; the policy only ever plans installed tools. */
  private static void requireInstalled(Decision d, RunRequest req) throws UsageError {
    List<String> problems = new ArrayList<>();
    List<Route> check = d.router() instanceof FixedChainRouter f ? f.chain() : d.chain();
    for (Route r : check) {
      if (d.missingTools().contains(r.tool()) && problems.stream().noneMatch(p -> p.startsWith("'" + r.tool() + "'"))) {
        problems.add(installHint(d.config(), r.tool(), req));
      }
    }
    if (check.isEmpty() && !d.missingTools().isEmpty()) {
      for (String t : d.missingTools()) {
        problems.add(installHint(d.config(), t, req));
      }
    }
    if (!problems.isEmpty()) {
      throw new UsageError("not installed: " + String.join("; ", problems));
    }
  }

  /** Like {@link #installHint(ToolsConfig, String)}, but names a missing prefix switcher as the missing program. */
  private static String installHint(ToolsConfig config, String toolName, RunRequest req) {
    ToolSpec tool = config.tool(toolName).orElse(null);
    try {
      Optional<Binaries.MissingProgram> missing =
          tool == null ? Optional.empty() : Binaries.missingProgram(tool, req.environment(), req.workdir());
      if (missing.isPresent() && missing.get().start().isPrefix()) {
        return missing.get().problem();
      }
    } catch (ConfigException e) {
      return "'" + toolName + "': " + e.getMessage();
    }
    return installHint(config, toolName);
  }

  /** Why a tool cannot run, and how to install it when the config says. */
  public static String installHint(ToolsConfig config, String toolName) {
    ToolSpec tool = config.tool(toolName).orElse(null);
    String hint = tool != null && tool.install() != null ? " (install: " + tool.install() + ")" : "";
    return "'" + toolName + "' is not on PATH" + hint;
  }

  private String newRunId() {
    String time = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return time + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
  }
}
