package dev.acr.cli;

import dev.acr.live.HeadStart;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Help.Ansi;

/**
 * The process environment a command runs in, passed explicitly so tests can set it. {@code
 * headStart} is what {@link Warmup} began preparing for the planner at start-up.
 */
record Env(Map<String, String> vars, Path cwd, Ansi ansi, Tty tty, HeadStart headStart) {

  /** An environment on the process's own terminal, nothing prepared. */
  Env(Map<String, String> vars, Path cwd, Ansi ansi) {
    this(vars, cwd, ansi, Tty.system(), HeadStart.NONE);
  }

  Env(Map<String, String> vars, Path cwd, Ansi ansi, Tty tty) {
    this(vars, cwd, ansi, tty, HeadStart.NONE);
  }
}
