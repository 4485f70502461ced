package dev.acr.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short helper command (git plumbing) to completion and returns its stdout and stderr.
 *
 * <p>Not for agents or test commands: those go through {@link ProcessRunner} (streamed output,
 * files, grace periods). This is the lean path every git question takes, a dry run included:
 * plain {@link ProcessBuilder} and two reader threads, no zt-exec or logging classes to load, so
 * a git call costs little more than git itself. The child's stdin is closed at once; its
 * environment is acr's plus {@code extraEnv}.
 */
public final class Capture {

  /** What the command printed and how it exited. */
  public record Result(int exitCode, String stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  /** The command did not finish within its timeout; it and its children were killed. */
  public static final class TimedOut extends Exception {
    private static final long serialVersionUID = 1L;

    TimedOut(Duration timeout) {
      super("timed out after " + timeout);
    }
  }

  /** Time to give a killed command's tree to exit, and its pipes to reach EOF. */
  private static final Duration GRACE = Duration.ofSeconds(2);

  private Capture() {}

  /**
   * Runs {@code argv} in {@code dir}. On timeout or interrupt the command's process tree is
   * killed before this returns; an interrupt is rethrown as {@link InterruptedException}.
   *
   * @throws IOException if the program cannot be started
   */
  public static Result run(List<String> argv, Path dir, Map<String, String> extraEnv, Duration timeout)
      throws IOException, InterruptedException, TimedOut {
    ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile());
    pb.environment().putAll(extraEnv);
    Process p = pb.start();
    p.getOutputStream().close();
    Drain out = Drain.start(p.getInputStream(), "acr-capture-stdout");
    Drain err = Drain.start(p.getErrorStream(), "acr-capture-stderr");
    try {
      if (!p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        ProcessTreeKiller.kill(p.toHandle(), GRACE);
        throw new TimedOut(timeout);
      }
      return new Result(p.exitValue(), out.text(), err.text());
    } catch (InterruptedException e) {
      ProcessTreeKiller.kill(p.toHandle(), GRACE);
      throw e;
    }
  }

  /** Reads one pipe to EOF on its own thread, so a child filling either pipe never blocks. */
  private static final class Drain implements Runnable {
    private final InputStream in;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread thread;

    private Drain(InputStream in, String name) {
      this.in = in;
      this.thread = new Thread(this, name);
      thread.setDaemon(true);
    }

    static Drain start(InputStream in, String name) {
      Drain d = new Drain(in, name);
      d.thread.start();
      return d;
    }

    @Override
    public void run() {
      try (in) {
        in.transferTo(bytes);
      } catch (IOException e) {
        // the pipe broke (child killed): what was read so far is all there is
      }
    }

    /** Everything read, once EOF is reached (or after the grace, if a grandchild holds the pipe). */
    String text() throws InterruptedException {
      thread.join(GRACE.toMillis());
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
