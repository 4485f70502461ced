package dev.acr.cli;

import java.io.IOException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * What acr needs to know about the terminal it was started in. Passed in through {@link Env} so
 * tests can stand in a terminal built on pipes; {@link #system()} asks the real one.
 */
interface Tty {

  /** stdin and stdout are both a terminal: only then may acr ask the user anything. */
  boolean interactive();

  /** The width of the terminal stderr writes to, or 0 when stderr is not a terminal. */
  int stderrWidth();

  /**
   * The width of the terminal stdout writes to, or 0 when stdout is not a terminal (a pipe, a
   * file): tables fit it, and {@code --json} is indented only for a person reading it there.
   */
  int stdoutWidth();

  /** Opens the terminal the interactive shell reads from and writes to. */
  Terminal open() throws IOException;

  static Tty system() {
    return new SystemTty();
  }

  /** The process's own terminal, probed lazily so a plain {@code acr PROMPT} pays nothing. */
  final class SystemTty implements Tty {
    private TerminalProvider provider;
    private boolean probed;

    @Override
    public boolean interactive() {
      // Java 17: a console exists exactly when stdin and stdout are both a terminal.
      return System.console() != null;
    }

    @Override
    public int stderrWidth() {
      return width(SystemStream.Error);
    }

    @Override
    public int stdoutWidth() {
      // Java 17: no console unless stdin and stdout are both a terminal. Piped (the usual case
      // for --json and scripts) it answers at once, without loading jline's terminal provider.
      return System.console() == null ? 0 : width(SystemStream.Output);
    }

    /** A terminal that does not say its width (a serial line, some CI pseudo-terminals) counts as 80 wide. */
    private int width(SystemStream stream) {
      TerminalProvider p = provider();
      try {
        if (p == null || !p.isSystemStream(stream)) {
          return 0;
        }
        int width = p.systemStreamWidth(stream);
        return width > 0 ? width : 80;
      } catch (RuntimeException | LinkageError e) {
        return 0;
      }
    }

    /**
     * jline's native provider (bundled for the usual platforms) answers isatty/ioctl directly; the
     * exec provider (runs {@code test -t}/{@code stty}) is the fallback where it cannot load.
     */
    private synchronized TerminalProvider provider() {
      if (!probed) {
        probed = true;
        for (String name : new String[] {"jni", "exec"}) {
          try {
            TerminalProvider p = TerminalProvider.load(name);
            p.isSystemStream(SystemStream.Error);
            provider = p;
            break;
          } catch (IOException | RuntimeException | LinkageError e) {
            // try the next provider
          }
        }
      }
      return provider;
    }

    @Override
    public Terminal open() throws IOException {
      // SIG_IGN as the default: Ctrl-C is routed to whatever handler the shell or the line reader
      // installs at that moment, and is ignored in between instead of killing the JVM.
      return TerminalBuilder.builder()
          .name("acr")
          .system(true)
          .nativeSignals(true)
          .signalHandler(Terminal.SignalHandler.SIG_IGN)
          .build();
    }
  }
}
