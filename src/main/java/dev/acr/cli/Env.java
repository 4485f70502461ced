package dev.acr.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Help.Ansi;

/** The process environment a command runs in, passed explicitly so tests can set it. */
record Env(Map<String, String> vars, Path cwd, Ansi ansi, Tty tty) {

  /** An environment on the process's own terminal. */
  Env(Map<String, String> vars, Path cwd, Ansi ansi) {
    this(vars, cwd, ansi, Tty.system());
  }
}
