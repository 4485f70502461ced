package dev.acr.exec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessInitException;
import org.zeroturnaround.exec.ProcessResult;
import org.zeroturnaround.exec.StartedProcess;
import org.zeroturnaround.exec.stream.PumpStreamHandler;
import org.zeroturnaround.exec.stream.StreamPumper;

/**
 * Runs one child process per {@link ProcessSpec} and blocks until it is over.
 *
 * <p>zt-exec starts the child and pumps its streams; the waiting is ours, because zt-exec's own
 * timeout only signals the direct child and agents run whole trees (shells, node, test runners).
 * On timeout, or when the calling thread is interrupted (how Ctrl-C reaches us), the whole tree is
 * stopped with {@link ProcessTreeKiller}. When run() returns, output files are flushed and closed.
 *
 * <p>Instances hold only configuration and may be shared between threads.
 */
public final class ProcessRunner {

  /** Longest line handed to a line callback; longer lines are cut (the files keep everything). */
  public static final int DEFAULT_MAX_LINE_CODE_POINTS = 4096;

  /**
   * How long, after the child is gone, we wait for its pipes to reach EOF. Normally instant; it
   * only runs out when a grandchild that outlived the child still holds stdout/stderr open.
   */
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(2);

  /** zt-exec reads 1 KiB at a time; 64 KiB cuts syscalls 64-fold on chatty or flooding agents. */
  private static final int PUMP_BUFFER = 64 * 1024;

  /** Slack on top of the drain timeout for zt-exec's own bookkeeping before we give up on it. */
  private static final Duration FUTURE_SLACK = Duration.ofSeconds(3);

  private final int maxLineCodePoints;
  private final Duration drainTimeout;

  public ProcessRunner() {
    this(DEFAULT_MAX_LINE_CODE_POINTS, DEFAULT_DRAIN_TIMEOUT);
  }

  public ProcessRunner(int maxLineCodePoints, Duration drainTimeout) {
    if (maxLineCodePoints < 1 || drainTimeout.isNegative()) {
      throw new IllegalArgumentException("need a positive line cap and a non-negative drain");
    }
    this.maxLineCodePoints = maxLineCodePoints;
    this.drainTimeout = drainTimeout;
  }

  /**
   * Runs the child to completion, timeout or interrupt. On interrupt the tree is killed, the
   * outcome says {@code interrupted}, and the thread's interrupt flag is set again on return.
   *
   * @throws ProcessStartException if the program cannot be found or started
   * @throws IOException if an output file cannot be opened or written
   */
  public ProcessOutcome run(ProcessSpec spec) throws ProcessStartException, IOException {
    return run(spec, new Stopper());
  }

  /**
   * {@link #run(ProcessSpec)}, and the tree is also killed as soon as {@code stopper} is asked to
   * stop (the outcome then says {@code stopped}): how a caller that reads a fatal sign in the
   * child's output ends a run that would otherwise retry until its timeout.
   */
  public ProcessOutcome run(ProcessSpec spec, Stopper stopper) throws ProcessStartException, IOException {
    List<String> command =
        ExecutableResolver.resolve(spec.argv(), spec.workdir(), spec.environment());
    Redactor redactor = spec.redactSecrets() ? Redactor.forEnvironment(spec.environment()) : Redactor.none();
    try (OutputSink out =
            OutputSink.open(spec.stdoutFile(), spec.stdoutStream(), spec.stdoutLines(), maxLineCodePoints, redactor);
        OutputSink err =
            OutputSink.open(spec.stderrFile(), null, spec.stderrLines(), maxLineCodePoints, redactor)) {
      ProcessExecutor executor =
          new ProcessExecutor()
              .command(command)
              .directory(spec.workdir().toFile())
              .environment(childEnvironment(spec.environment()))
              .streams(new WidePumps(out, err, stdinOf(spec)))
              .redirectErrorStream(false)
              .exitValueAny()
              .closeTimeout(drainTimeout.toMillis(), TimeUnit.MILLISECONDS)
              .destroyOnExit();

      long startNanos = System.nanoTime();
      StartedProcess started;
      try {
        started = executor.start();
      } catch (IOException e) {
        throw startFailure(spec.argv().get(0), e);
      }
      Process process = started.getProcess();
      stopper.started(process.toHandle());
      DescendantWatch watch = new DescendantWatch(process.toHandle());

      boolean timedOut = false;
      boolean interrupted = false;
      boolean stopped = false;
      try {
        CompletableFuture.anyOf(process.onExit(), stopper.requested())
            .get(spec.timeout().toNanos(), TimeUnit.NANOSECONDS);
        stopped = process.isAlive();
      } catch (TimeoutException e) {
        timedOut = true;
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (ExecutionException e) {
        // neither future completes exceptionally; treat it like the child being gone
      }
      if (timedOut || interrupted || stopped) {
        ProcessTreeKiller.kill(process.toHandle(), spec.grace());
      }
      // What the child left running: stopped before the pumps are awaited, since a leftover that
      // holds the output pipe would keep them open until the drain timeout.
      for (ProcessHandle leftover : watch.leftovers()) {
        ProcessTreeKiller.kill(leftover, spec.grace());
      }
      // a second Ctrl-C during a kill: remember it, it is re-asserted below
      interrupted |= Thread.interrupted();
      interrupted |= awaitPumps(started.getFuture());
      int exitCode = process.isAlive() ? -1 : process.exitValue();
      if (!timedOut && !interrupted && !stopped && exitCode == SIGINT_EXIT) {
        // Ctrl-C on a terminal reaches the whole foreground process group, so the child can die
        // of it before acr's own interrupt lands; wait a moment for it so the attempt is
        // recorded as interrupted, not as an agent error.
        interrupted = sleepInterrupted(SIGINT_SETTLE);
      }
      long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      // byte counts are final: the pumps are done or, if a leaked grandchild still holds a pipe,
      // whatever it writes from now on fails against the closed sinks
      return new ProcessOutcome(
          exitCode, timedOut, interrupted, stopped, durationMs, out.bytes(), err.bytes());
    }
  }

  /** A shell's (and the JDK's) exit status for a process ended by SIGINT: 128 + 2. */
  private static final int SIGINT_EXIT = 130;

  private static final Duration SIGINT_SETTLE = Duration.ofMillis(300);

  /** Sleeps; true when interrupted meanwhile. */
  private static boolean sleepInterrupted(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return false;
    } catch (InterruptedException e) {
      return true;
    }
  }

  /**
   * Waits for zt-exec's wait-and-close task, which finishes once the pumps hit EOF (or the drain
   * timeout passes) and have flushed into our sinks. Interrupts are recorded, not obeyed: leaving
   * early would close the files under pumps that are still writing. Returns whether interrupted.
   */
  private boolean awaitPumps(Future<ProcessResult> future) {
    boolean interrupted = false;
    long deadline = System.nanoTime() + drainTimeout.plus(FUTURE_SLACK).toNanos();
    while (true) {
      try {
        future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return interrupted;
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (TimeoutException e) {
        // only if the child survived SIGKILL (e.g. stuck in uninterruptible I/O)
        future.cancel(true);
        return interrupted;
      } catch (ExecutionException e) {
        // zt-exec failed closing the child's pipes; the exit status is still read from the process
        return interrupted;
      }
    }
  }

  /**
   * zt-exec can only add to or remove from the inherited environment, so every inherited variable
   * not in the spec is mapped to null, which zt-exec turns into a removal.
   */
  private static Map<String, String> childEnvironment(Map<String, String> wanted) {
    Map<String, String> env = new HashMap<>();
    for (String inherited : System.getenv().keySet()) {
      env.put(inherited, null);
    }
    env.putAll(wanted);
    return env;
  }

  private static InputStream stdinOf(ProcessSpec spec) {
    // null makes zt-exec close the child's stdin right away, so a reader sees EOF, not a hang
    return spec.stdin() == null
        ? null
        : new ByteArrayInputStream(spec.stdin().getBytes(StandardCharsets.UTF_8));
  }

  private static ProcessStartException startFailure(String program, IOException e) {
    if (e instanceof ProcessInitException init) {
      String reason =
          switch (init.getErrorCode()) {
            // the file was there a moment ago (we checked), so ENOENT means its #! interpreter
            case 2 -> "exec failed: no such file (is the interpreter in its #! line installed?)";
            case 13 -> "exec failed: permission denied";
            default -> "exec failed: " + e.getMessage();
          };
      return new ProcessStartException(program, reason, e);
    }
    return new ProcessStartException(program, String.valueOf(e.getMessage()), e);
  }

  /** zt-exec's pumps with a bigger read buffer (see {@link #PUMP_BUFFER}) that close at EOF. */
  private static final class WidePumps extends PumpStreamHandler {
    WidePumps(OutputStream out, OutputStream err, InputStream in) {
      super(out, err, in);
    }

    @Override
    protected Thread createPump(InputStream is, OutputStream os) {
      // closeWhenExhausted: the pump closes the sink at EOF, so the last unterminated line reaches
      // its callback on the pump thread like every other line, and the file is closed right away
      Thread pump = new Thread(new StreamPumper(is, os, true, PUMP_BUFFER), "acr-output-pump");
      pump.setDaemon(true);
      return pump;
    }
  }
}
