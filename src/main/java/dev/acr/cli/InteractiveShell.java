package dev.acr.cli;

import dev.acr.cli.shell.Shell;
import dev.acr.config.ConfigException;
import dev.acr.config.ConfigLoader;
import dev.acr.config.ToolsConfig;
import dev.acr.live.AcrPaths;
import dev.acr.live.Planner;
import dev.acr.live.RunRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jline.terminal.Terminal;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * What {@code acr} with no prompt does on a terminal: loads the config once (for completion),
 * opens the terminal, and hands over to {@link Shell} until the user leaves.
 */
final class InteractiveShell {
  private InteractiveShell() {}

  /**
   * @param base the command line's options as a request without a prompt
   * @param explainOnly --dry-run: every prompt is explained, none runs
   */
  static int open(Env env, RunRequest base, boolean explainOnly, boolean quiet, PrintWriter err) {
    String badWorkdir = Planner.badWorkdir(base.workdir());
    if (badWorkdir != null) {
      err.println("acr: " + badWorkdir);
      return ExitCodes.USAGE;
    }
    ToolsConfig config;
    String source;
    try {
      Path p = ConfigLoader.locate(base.configFile(), base.environment(), base.workdir());
      config = p == null ? ConfigLoader.bundled() : ConfigLoader.load(p);
      source = p == null ? "bundled tools.example.json" : p.toString();
    } catch (ConfigException e) {
      err.println("acr: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    AcrPaths paths = LiveRun.paths(base);
    Path history = base.storePrompt() ? history(paths, err) : null;
    try (Terminal terminal = env.tty().open()) {
      PrintWriter out = new PrintWriter(terminal.writer(), true);
      // Everything goes to the terminal; the status line (with --quiet) sizes itself to it, and the
      // decision and the result wrap at its width (its size as it is when they are printed).
      LiveRun run = new LiveRun(Fitted.to(out, terminal::getWidth), out, env.ansi(), false, quiet, terminal::getWidth);
      Shell shell =
          new Shell(terminal, out, run, new Shell.Setup(base, paths, config, source, history, explainOnly, env.ansi()));
      boolean left = onTerm(shell, shell::loop);
      out.flush();
      return left ? ExitCodes.OK : ExitCodes.INTERRUPTED;
    } catch (IOException e) {
      err.println("acr: cannot open the terminal for the interactive shell: " + e.getMessage()
          + "; pass a PROMPT to run without it");
      return ExitCodes.USAGE;
    }
  }

  /**
   * SIGTERM ends the shell the orderly way (a running attempt is stopped and recorded, history
   * saved, the terminal given back as it was) instead of the default: interrupting the thread
   * would only abandon the line being read.
   */
  private static boolean onTerm(Shell shell, java.util.function.BooleanSupplier loop) {
    Thread self = Thread.currentThread();
    Signal term = new Signal("TERM");
    SignalHandler previous = null;
    try {
      previous = Signal.handle(term, s -> {
        shell.stop();
        self.interrupt();
      });
    } catch (IllegalArgumentException e) {
      // no SIGTERM on this platform
    }
    try {
      return loop.getAsBoolean();
    } finally {
      if (previous != null) {
        Signal.handle(term, previous);
      }
    }
  }

  /**
   * $ACR_HOME/history, created user-only like the rest of ACR_HOME (prompts can be private);
   * null (history in memory only) when it cannot be created.
   */
  private static Path history(AcrPaths paths, PrintWriter err) {
    Path file = paths.home().resolve("history");
    try {
      Files.createDirectories(paths.home(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException e) {
        // kept from earlier sessions
      }
      return file;
    } catch (IOException | UnsupportedOperationException e) {
      err.println("acr: history is kept for this session only: cannot create " + file + " (" + e.getMessage() + ")");
      return null;
    }
  }
}
