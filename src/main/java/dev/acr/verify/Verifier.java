package dev.acr.verify;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;
import org.zeroturnaround.exec.StartedProcess;

/**
 * Runs a verify command ({@code sh -c}) with a deadline. Output goes to a log file as it comes,
 * never into memory beyond the last lines kept for the report; a command past its deadline is
 * killed together with everything it started (test runners fork JVMs, browsers, servers).
 */
public final class Verifier {

  static final int TAIL_LINES = 40;

  /** Enough bytes for 40 ordinary lines; one huge line must not hold the heap hostage. */
  private static final int TAIL_BYTES = 64 * 1024;

  private static final Duration GRACE = Duration.ofSeconds(3);

  public VerifyResult run(
      VerifyCommand c, Path dir, Duration timeout, Map<String, String> env, Path logFile)
      throws IOException, InterruptedException {
    Path log = logFile.toAbsolutePath();
    Files.createDirectories(log.getParent());
    long start = System.nanoTime();
    try (Tail out = new Tail(Files.newOutputStream(log))) {
      StartedProcess sp =
          new ProcessExecutor("sh", "-c", c.command())
              .directory(dir.toFile())
              .environment(env == null ? Map.of() : env)
              .redirectErrorStream(true)
              .redirectOutput(out)
              .destroyOnExit()
              .start();
      try {
        ProcessResult r = sp.getFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        int exit = r.getExitValue();
        return new VerifyResult(exit == 0, exit, millisSince(start), out.text(), false);
      } catch (TimeoutException e) {
        killTree(sp.getProcess().toHandle());
        awaitQuietly(sp.getFuture());
        out.note("[acr] verify timed out after " + timeout.toSeconds() + "s; killed");
        return new VerifyResult(false, -1, millisSince(start), out.text(), true);
      } catch (InterruptedException e) {
        // Ctrl-C during verification: leave no test process behind, then let the loop stop.
        killTree(sp.getProcess().toHandle());
        throw e;
      } catch (ExecutionException e) {
        throw new IOException("verify command could not run: " + e.getCause(), e.getCause());
      }
    }
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  /**
   * TERM to the process and all its descendants, a short grace, then KILL to what is left and
   * whatever it spawned meanwhile. Descendants are listed first because once {@code sh} dies its
   * children are re-parented and no longer findable from it.
   */
  private static void killTree(ProcessHandle root) {
    List<ProcessHandle> tree = withDescendants(List.of(root));
    tree.forEach(ProcessHandle::destroy);
    try {
      CompletableFuture.allOf(
              tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
          .get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Some ignored TERM; KILL follows.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    withDescendants(tree.stream().filter(ProcessHandle::isAlive).toList())
        .forEach(ProcessHandle::destroyForcibly);
  }

  private static List<ProcessHandle> withDescendants(List<ProcessHandle> roots) {
    List<ProcessHandle> all = new ArrayList<>();
    for (ProcessHandle h : roots) {
      all.addAll(h.descendants().toList());
      all.add(h);
    }
    return all;
  }

  /** Lets the output pumps drain after a kill, but never waits on a process that escaped. */
  private static void awaitQuietly(Future<?> f) {
    try {
      f.get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // The result is a timeout either way.
    }
  }

  /** Passes everything to the log and keeps the last {@link #TAIL_BYTES} bytes for the report. */
  private static final class Tail extends OutputStream {
    private final OutputStream log;
    private final byte[] ring = new byte[TAIL_BYTES];
    private long written;

    Tail(OutputStream log) {
      this.log = log;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      log.write(b, off, len);
      int skip = Math.max(0, len - TAIL_BYTES);
      written += skip; // bytes that would be overwritten within this very write
      for (int i = off + skip; i < off + len; i++) {
        ring[(int) (written++ % TAIL_BYTES)] = b[i];
      }
    }

    synchronized void note(String line) throws IOException {
      write(("\n" + line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The last {@link #TAIL_LINES} lines seen, without a trailing newline. */
    synchronized String text() {
      int size = (int) Math.min(written, TAIL_BYTES);
      byte[] bytes = new byte[size];
      long from = written - size;
      for (int i = 0; i < size; i++) {
        bytes[i] = ring[(int) ((from + i) % TAIL_BYTES)];
      }
      String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1);
      int end = lines.length;
      while (end > 0 && lines[end - 1].isEmpty()) {
        end--;
      }
      return String.join("\n", Arrays.asList(lines).subList(Math.max(0, end - TAIL_LINES), end));
    }

    @Override
    public synchronized void flush() throws IOException {
      log.flush();
    }

    @Override
    public synchronized void close() throws IOException {
      log.close();
    }
  }
}
