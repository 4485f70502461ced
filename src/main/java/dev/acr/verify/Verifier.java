package dev.acr.verify;

import dev.acr.config.Durations;
import dev.acr.exec.Colour;
import dev.acr.exec.ProcessOutcome;
import dev.acr.exec.ProcessRunner;
import dev.acr.exec.ProcessSpec;
import dev.acr.exec.ProcessStartException;
import dev.acr.exec.Stopper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a verify command ({@code sh -c}) through the one {@link ProcessRunner}, with a deadline.
 * Output goes to a log file as it comes, never into memory beyond the last lines kept for the
 * report; a command past its deadline is killed together with everything it started (test runners
 * fork JVMs, browsers, servers).
 */
public final class Verifier {

  static final int TAIL_LINES = 40;

  /** How many of the last lines the run's summary shows ("last test output"). */
  public static final int SHOWN_LINES = 10;

  private static final int TAP_FAILURES_KEPT = 5;

  private static final Duration GRACE = Duration.ofSeconds(3);

  /** acr's note after the output of a command that exited 0 though its output said tests failed; the line follows. */
  private static final String FAILED_ANYWAY = "[acr] the test command exited 0, but its output says tests failed (";
  private static final String FAILED_ANYWAY_END = "): counted as failing";

  /** The line of the output that failed a run exiting 0 ({@link SummaryFailures}, {@link HdlTestbenches.Reports}), from its tail; null when none did. */
  public static String failedAnyway(VerifyResult r) {
    for (String line : r.tail() == null ? new String[0] : r.tail().split("\n")) {
      if (line.startsWith(FAILED_ANYWAY) && line.endsWith(FAILED_ANYWAY_END)) {
        return line.substring(FAILED_ANYWAY.length(), line.length() - FAILED_ANYWAY_END.length());
      }
    }
    return null;
  }

  /**
   * Prepended to the command: the shell sends its stderr down stdout's pipe, so the log reads in
   * the order a terminal would show (test runners print failures on both).
   */
  private static final String MERGE_STDERR = "exec 2>&1\n";

  private final ProcessRunner runner;
  private final Duration firstBeat;

  public Verifier() {
    this(new ProcessRunner());
  }

  public Verifier(ProcessRunner runner) {
    this(runner, Heartbeat.FIRST);
  }

  /** @param firstBeat when the first "still running" note comes (tests shorten it) */
  Verifier(ProcessRunner runner, Duration firstBeat) {
    this.runner = runner;
    this.firstBeat = firstBeat;
  }

  /**
   * @param env the command's whole environment; null means acr's own
   * @throws InterruptedException when interrupted (Ctrl-C); the command's tree is dead by then
   */
  public VerifyResult run(
      VerifyCommand c, Path dir, Duration timeout, Map<String, String> env, Path logFile)
      throws IOException, InterruptedException {
    return run(c, dir, timeout, env, logFile, null);
  }

  /**
   * @param progress told now and then while the command runs long ({@link Heartbeat}): "still
   *     running after 1m00s …"; null for silence
   */
  public VerifyResult run(
      VerifyCommand c, Path dir, Duration timeout, Map<String, String> env, Path logFile, Consumer<String> progress)
      throws IOException, InterruptedException {
    Stopper stopper = new Stopper();
    try (RacketCollections racket = RacketCollections.of(c.command(), dir);
        Heartbeat beat = Heartbeat.start(progress, () -> stopper.process()
            .map(p -> Heartbeat.runningNow(p, dir, Instant.now())).orElse(null), dir, firstBeat, timeout)) {
      Map<String, String> base = PythonVenv.environment(dir, env == null ? System.getenv() : env);
      return runWith(c, dir, timeout, racket.environment(PythonSrcLayout.environment(c.command(), dir, base)),
          logFile.toAbsolutePath(), beat, stopper);
    }
  }

  private VerifyResult runWith(VerifyCommand c, Path dir, Duration timeout, Map<String, String> env, Path log,
      Heartbeat beat, Stopper stopper) throws IOException, InterruptedException {
    Tail tail = new Tail();
    NoTests scan = new NoTests(c.command(), c.source());
    SummaryFailures summary = new SummaryFailures();
    HdlTestbenches.Reports simulation = new HdlTestbenches.Reports();
    FailingTests failing = new FailingTests(dir);
    TestCounts counts = new TestCounts();
    ProcessSpec spec =
        ProcessSpec.builder(List.of("sh", "-c", MERGE_STDERR + c.command()), dir)
            .environment(env)
            .timeout(timeout)
            .grace(GRACE)
            .stdoutFile(log)
            .stdoutLines(line -> {
              beat.line(line);
              tail.add(line);
              scan.accept(line);
              summary.accept(line);
              simulation.accept(line);
              failing.accept(line);
              counts.accept(line);
            })
            .build();
    ProcessOutcome o;
    try {
      o = runner.run(spec, stopper);
    } catch (ProcessStartException e) {
      throw new IOException("verify command could not run: " + e.getMessage(), e);
    }
    if (o.interrupted()) {
      Thread.interrupted();
      throw new InterruptedException("verify interrupted");
    }
    if (o.timedOut()) {
      note(log, tail, "[acr] the test command did not finish within " + Durations.limit(timeout) + " and was stopped"
          + " (a longer limit: --verify-timeout, or \"verify_timeout\" in .acr/config.json)");
      return new VerifyResult(false, -1, o.durationMs(), tail.text(), true, null);
    }
    if (o.exitCode() != 0 && tail.tapFailuresOutOfSight()) {
      // rbenv's 179 bats tests end with "ok" lines: the summary's last lines would not say what failed.
      note(log, tail, "[acr] failing (TAP): " + String.join("; ", tail.tapFailures));
    }
    Map<String, TestCounts.Count> ran = counts.result();
    Optional<String> none = scan.result(o.exitCode(), ran);
    Optional<String> failedAnyway = o.exitCode() == 0 ? summary.result().or(() -> simulation.result(dir)) : Optional.empty();
    if (failedAnyway.isPresent()) {
      note(log, tail, FAILED_ANYWAY + failedAnyway.get()
          + FAILED_ANYWAY_END);
    } else if (o.exitCode() == 0 && none.isPresent()) {
      note(log, tail, "[acr] the test command ran no tests (" + none.get() + "): not counted as passing");
    }
    boolean passed = o.exitCode() == 0 && none.isEmpty() && failedAnyway.isEmpty();
    return new VerifyResult(passed, o.exitCode(), o.durationMs(), tail.text(), false,
        failedAnyway.isPresent() ? null : none.orElse(null), passed ? List.of() : failing.names(), failing.incomplete(),
        ran);
  }

  /** acr's own line after the command's output, in the log and the tail. */
  private static void note(Path log, Tail tail, String line) throws IOException {
    Files.writeString(log, "\n" + line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    tail.add(line);
  }

  /**
   * The last {@link #TAIL_LINES} lines, for the report (the runner caps each line's length), and
   * the first TAP failures, wherever they were.
   */
  private static final class Tail {
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final List<String> tapFailures = new ArrayList<>();

    synchronized void add(String line) {
      if (lines.size() == TAIL_LINES) {
        lines.removeFirst();
      }
      lines.addLast(line);
      String plain = Colour.strip(line).strip();
      if (tapFailures.size() < TAP_FAILURES_KEPT && FailingTests.TAP_NOT_OK.matcher(plain).find()) {
        tapFailures.add(plain);
      }
    }

    /** Whether a TAP failure was printed before the lines the summary shows. */
    synchronized boolean tapFailuresOutOfSight() {
      List<String> shown = List.copyOf(lines).subList(Math.max(0, lines.size() - SHOWN_LINES), lines.size());
      return tapFailures.stream().anyMatch(f -> shown.stream().noneMatch(l -> Colour.strip(l).strip().equals(f)));
    }

    /** Without trailing blank lines. */
    synchronized String text() {
      List<String> all = List.copyOf(lines);
      int end = all.size();
      while (end > 0 && all.get(end - 1).isBlank()) {
        end--;
      }
      return String.join("\n", all.subList(0, end));
    }
  }
}
