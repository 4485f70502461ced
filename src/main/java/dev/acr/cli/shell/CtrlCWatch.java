package dev.acr.cli.shell;

import java.io.IOException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

/**
 * While a run is under way, Ctrl-C is read as a key instead of raising SIGINT: the terminal
 * would otherwise send SIGINT to every process on it, the agent, git and the test command
 * included, which then die half-way and race acr's own orderly stop (kill the attempt's process
 * tree, remove its worktree, record the attempt as interrupted). Here only acr stops them: the
 * key interrupts the running thread, and {@link dev.acr.exec.ProcessRunner} does the rest.
 */
final class CtrlCWatch implements AutoCloseable {
  private final Terminal terminal;
  private final Attributes saved;
  private final Thread watcher;
  private volatile boolean stop;

  private CtrlCWatch(Terminal terminal, Thread target) {
    this.terminal = terminal;
    this.saved = terminal.getAttributes();
    Attributes quiet = new Attributes(saved);
    // No signal keys, no line buffering (the key arrives at once), no echo of what is typed.
    quiet.setLocalFlag(LocalFlag.ISIG, false);
    quiet.setLocalFlag(LocalFlag.ICANON, false);
    quiet.setLocalFlag(LocalFlag.ECHO, false);
    terminal.setAttributes(quiet);
    int intr = saved.getControlChar(ControlChar.VINTR);
    int key = intr > 0 ? intr : 3;
    watcher = new Thread(() -> watch(key, target), "acr-ctrl-c");
    watcher.setDaemon(true);
    watcher.start();
  }

  /** Watches the terminal for Ctrl-C, which interrupts {@code target}, until closed. */
  static CtrlCWatch start(Terminal terminal, Thread target) {
    return new CtrlCWatch(terminal, target);
  }

  private void watch(int key, Thread target) {
    NonBlockingReader in = terminal.reader();
    try {
      while (!stop) {
        // A short timeout so close() never waits long; keys other than Ctrl-C are dropped.
        int c = in.read(100);
        if (c == key) {
          target.interrupt();
        } else if (c == NonBlockingReader.EOF) {
          return;
        }
      }
    } catch (IOException e) {
      // the terminal went away; nothing left to watch
    }
  }

  /** Stops watching and gives the terminal back as it was. */
  @Override
  public void close() {
    stop = true;
    boolean interrupted = Thread.interrupted();
    try {
      watcher.join();
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      terminal.setAttributes(saved);
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
