package dev.acr.problems;

import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.RunLoop;
import dev.acr.core.RunOutcome;
import dev.acr.core.Task;
import dev.acr.exec.ProcessRunner;
import dev.acr.git.GitException;
import dev.acr.live.AcrPaths;
import dev.acr.live.Decision;
import dev.acr.live.LiveSession;
import dev.acr.live.Planner;
import dev.acr.live.RunRequest;
import dev.acr.live.UsageError;
import dev.acr.memory.MemoryRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code acr bench live}: every problem × route once, through the live loop a user's {@code acr
 * PROMPT} runs (Planner, then LiveSession with a one-route chain), each in a fresh git repository
 * made from the problem. Records go to memory with {@code source: "live-bench"} and the
 * problem's id as task, so the collected memory replays like any other.
 */
public final class LiveBench {
  public static final String SOURCE = "live-bench";

  /** How every cell runs: the tools config, memory, per-attempt timeout, environment, scratch. */
  public record Setup(
      Path configFile, Path memoryFile, Duration timeout, Map<String, String> environment, Path scratch) {}

  /** What the bench tells its caller as it goes. */
  public interface Progress {
    void starting(Cell cell);

    void finished(Cell cell, LiveSession.Report report);

    /** A diagnostic of the live loop for this cell (stale worktree removed, ...). */
    void note(Cell cell, String line);
  }

  /** One problem × route run: {@code index} is 1-based out of {@code total}. */
  public record Cell(int index, int total, Problem problem, Route route) {
    public String label() {
      return "[" + index + "/" + total + "] " + problem.id() + " × " + route.name();
    }
  }

  /** Every record written, in order, and whether the bench stopped early on an interrupt. */
  public record Result(List<MemoryRecord> records, List<LiveSession.Report> reports, boolean interrupted) {}

  private final ProcessRunner runner;
  private final Clock clock;

  public LiveBench(ProcessRunner runner, Clock clock) {
    this.runner = runner;
    this.clock = clock;
  }

  /** Runs problem-major (all routes of a problem, then the next), so task order is problem order. */
  public Result run(List<Problem> problems, List<Route> routes, Setup setup, Progress progress) throws UsageError {
    List<MemoryRecord> records = new ArrayList<>();
    List<LiveSession.Report> reports = new ArrayList<>();
    int total = problems.size() * routes.size();
    int index = 0;
    for (Problem problem : problems) {
      boolean first = true;
      for (Route route : routes) {
        Cell cell = new Cell(++index, total, problem, route);
        progress.starting(cell);
        // Every route starts from the same files, so the problem's baseline is checked once.
        LiveSession.Report report = runCell(cell, setup, progress, records, first);
        first = false;
        reports.add(report);
        progress.finished(cell, report);
        if (Thread.currentThread().isInterrupted() || report.outcome().stopReason() == RunOutcome.StopReason.INTERRUPTED) {
          return new Result(List.copyOf(records), List.copyOf(reports), true);
        }
      }
    }
    return new Result(List.copyOf(records), List.copyOf(reports), false);
  }

  private LiveSession.Report runCell(
      Cell cell, Setup setup, Progress progress, List<MemoryRecord> records, boolean baseline) throws UsageError {
    Problem problem = cell.problem();
    Path repo;
    try {
      Files.createDirectories(setup.scratch());
      repo = Files.createTempDirectory(setup.scratch(), problem.id() + "-");
      ProblemRepo.create(problem, repo);
    } catch (GitException e) {
      throw new UsageError("cannot make a git repository for problem " + problem.id() + ": " + e.getMessage());
    } catch (IOException e) {
      throw new UsageError("cannot copy problem " + problem.id() + " to " + setup.scratch()
          + ": " + e.getMessage() + " (check free space and permissions of the temporary directory)");
    }
    try {
      RunRequest req = new RunRequest(problem.prompt(), repo, setup.configFile(), setup.memoryFile(), problem.verify(),
          null, List.of(cell.route().name()), 1, null, setup.timeout(), 1L, false, false, true, setup.environment());
      AcrPaths paths = AcrPaths.from(setup.environment(), setup.memoryFile());
      Task task = problem.task();
      Decision d = new Planner().decide(req, paths).withTask(task);
      return new LiveSession(runner, clock, new LiveSession.Options(SOURCE, records::add, baseline))
          .run(req, paths, d, RunLoop.SILENT, line -> progress.note(cell, line), line -> {});
    } finally {
      try {
        ProblemRepo.delete(repo);
      } catch (IOException e) {
        progress.note(cell, "could not remove the temporary repository " + repo + ": " + e.getMessage());
      }
    }
  }

  /** The one attempt of a cell, or null when none ran (e.g. interrupted before it started). */
  public static AttemptResult attempt(LiveSession.Report report) {
    List<AttemptResult> attempts = report.outcome().attempts();
    return attempts.isEmpty() ? null : attempts.get(0);
  }
}
