package dev.acr.cli;

import dev.acr.context.InspectionPrefetch;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Help.Ansi;

/**
 * The process environment a command runs in, passed explicitly so tests can set it. {@code
 * prefetch} is the start directory's repository inspection begun at start-up ({@link Warmup}), or
 * null.
 */
record Env(Map<String, String> vars, Path cwd, Ansi ansi, Tty tty, InspectionPrefetch prefetch) {

  /** An environment on the process's own terminal, nothing prefetched. */
  Env(Map<String, String> vars, Path cwd, Ansi ansi) {
    this(vars, cwd, ansi, Tty.system(), null);
  }

  Env(Map<String, String> vars, Path cwd, Ansi ansi, Tty tty) {
    this(vars, cwd, ansi, tty, null);
  }
}
