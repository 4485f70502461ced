package dev.acr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * Runs {@code acr ARGS} in-process on a terminal made of pipes, the way a person at a terminal
 * would: keys are typed into its input, the screen is what it wrote. The command runs on its own
 * thread; {@link #await} waits for text to appear (a generous deadline only guards against a
 * hang, it is not a timing assertion).
 */
final class ShellDriver implements AutoCloseable {
  private static final long DEADLINE_MS = 90_000;

  /** A stand-in for the real terminal: interactive, stderr and stdout widths as given (0: not a terminal), the piped terminal. */
  record FakeTty(boolean interactive, int stderrWidth, Terminal terminal, int stdoutWidth) implements Tty {
    FakeTty(boolean interactive, int stderrWidth, Terminal terminal) {
      this(interactive, stderrWidth, terminal, 0);
    }

    @Override
    public Terminal open() {
      return terminal;
    }
  }

  private final Keys keys = new Keys();
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final Terminal terminal;
  private final Thread thread;
  private volatile Integer exit;
  /** Where the next {@link #await} starts looking, so a repeated prompt is found anew. */
  private int mark;

  ShellDriver(CliHarness h, String... args) throws IOException {
    // A vt100, not "dumb": jline turns off completion and key bindings on dumb terminals. The
    // exec provider's terminal does the line discipline in Java, so Ctrl-C typed here raises
    // SIGINT for the terminal's handlers the way the kernel does for a real one (the native
    // provider would put a pty in between, which signals nobody).
    terminal = TerminalBuilder.builder().system(false).provider("exec").streams(keys, screen).type("vt100")
        .size(new Size(160, 50)).encoding(StandardCharsets.UTF_8).build();
    Env env = new Env(h.env(), h.repo, Ansi.OFF, new FakeTty(true, 0, terminal));
    CommandLine cl = Main.commandLine(env);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    thread = new Thread(() -> exit = cl.execute(args), "acr-under-test");
    thread.start();
  }

  /** Types these characters (control keys as \u0003, \u0004, \t, ...). */
  void type(String keysTyped) {
    keys.add(keysTyped);
  }

  /** Waits until the screen shows {@code text} after the last match; returns the screen up to it. */
  String await(String text) throws InterruptedException {
    long end = System.currentTimeMillis() + DEADLINE_MS;
    while (System.currentTimeMillis() < end) {
      String s = screen();
      int at = s.indexOf(text, mark);
      if (at >= 0) {
        String seen = s.substring(mark, at + text.length());
        mark = at + text.length();
        return seen;
      }
      if (exit != null) {
        fail("acr exited (" + exit + ") before showing '" + text + "'\n" + this);
      }
      Thread.sleep(20);
    }
    return fail("'" + text + "' never appeared\n" + this);
  }

  /** Waits until {@code file} exists (an agent's "I have started" marker). */
  void awaitFile(Path file) throws InterruptedException {
    long end = System.currentTimeMillis() + DEADLINE_MS;
    while (!Files.exists(file)) {
      if (System.currentTimeMillis() > end || exit != null) {
        fail(file + " never appeared\n" + this);
      }
      Thread.sleep(20);
    }
  }

  int awaitExit() throws InterruptedException {
    thread.join(DEADLINE_MS);
    assertThat(thread.isAlive()).as("acr still running\n%s", this).isFalse();
    return exit;
  }

  String screen() {
    return screen.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString();
  }

  @Override
  public void close() throws Exception {
    keys.end();
    thread.join(DEADLINE_MS);
    terminal.close();
  }

  @Override
  public String toString() {
    return "--- screen\n" + screen() + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }

  /** Typed keys, read by the terminal as its input; end() is the terminal hanging up. */
  private static final class Keys extends InputStream {
    private final LinkedBlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();

    void add(String s) {
      for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
        bytes.add(b & 0xff);
      }
    }

    void end() {
      bytes.add(-1);
    }

    @Override
    public int read() throws IOException {
      try {
        int b = bytes.take();
        if (b < 0) {
          bytes.add(-1);
        }
        return b;
      } catch (InterruptedException e) {
        throw new InterruptedIOException();
      }
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      int b = read();
      if (b < 0) {
        return -1;
      }
      buf[off] = (byte) b;
      int n = 1;
      while (n < len) {
        Integer next = bytes.peek();
        if (next == null || next < 0) {
          break;
        }
        buf[off + n++] = (byte) (int) bytes.poll();
      }
      return n;
    }

    @Override
    public int available() {
      return (int) bytes.stream().filter(b -> b >= 0).count();
    }
  }
}
