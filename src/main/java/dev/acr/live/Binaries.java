package dev.acr.live;

import dev.acr.config.CommandTemplate;
import dev.acr.config.ConfigException;
import dev.acr.config.ToolSpec;
import dev.acr.exec.ProgramPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds a program the way a shell would: as a path when it has a slash, else along PATH. */
public final class Binaries {
  private Binaries() {}

  public static Optional<Path> find(String program, String pathVariable, Path workdir) {
    if (program.contains("/")) {
      Path p = workdir.resolve(program);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    return ProgramPath.find(program, pathVariable);
  }

  /**
   * The program that keeps {@code tool} from starting on this PATH: its command's, or the prefix
   * switcher's when it has one ({@code ACROUTER_CLAUDE_PREFIX="ccswitch run --"} with no
   * ccswitch). The one answer to "which program is missing" for the dry run, the run and doctor.
   *
   * @throws ConfigException if the tool's prefix variable cannot be split into words
   */
  public static Optional<MissingProgram> missingProgram(ToolSpec tool, Map<String, String> env, Path workdir)
      throws ConfigException {
    CommandTemplate.Start start = CommandTemplate.start(tool, env, workdir);
    if (find(start.program(), env.get("PATH"), workdir).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(new MissingProgram(tool.name(), start, tool.install()));
  }

  /**
   * The tool's own CLI when a prefix switcher starts it and it is not on PATH itself; empty when
   * there is no prefix or the CLI is there. The switcher may bring its own, so that alone keeps
   * nothing from running; a switcher that cannot find it either exits 127 (LiveExecutor).
   *
   * @throws ConfigException if the tool's prefix variable cannot be split into words
   */
  public static Optional<WrappedCli> wrappedCliMissing(ToolSpec tool, Map<String, String> env, Path workdir)
      throws ConfigException {
    String cli = tool.command().get(0);
    CommandTemplate.Start start = CommandTemplate.start(tool, env, workdir);
    if (!start.isPrefix() || find(cli, env.get("PATH"), workdir).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(new WrappedCli(cli, start.program()));
  }

  /** What a shell and exec-ing switchers exit with when the program they were to start is not there. */
  public static final int COMMAND_NOT_FOUND = 127;

  /** A tool's own CLI that is not on PATH, and the prefix switcher that is to start it. */
  public record WrappedCli(String cli, String prefix) {
    /** Why an attempt whose switcher exited {@link #COMMAND_NOT_FOUND} did not run: the setup, not the route. */
    public String notFound() {
      return "'" + cli + "' is not on PATH, and " + prefix + " (its prefix) could not start it either (exit 127)";
    }
  }

  /** A tool's missing program and where it comes from; {@code install} is the tool's hint, may be null. */
  public record MissingProgram(String tool, CommandTemplate.Start start, String install) {
    public String program() {
      return start.program();
    }

    /** Why the tool cannot start and what to do, e.g. for a prefix: install it or unset the variable. */
    public String problem() {
      String quoted = "'" + start.program() + "'";
      if (start.source().startsWith("$")) {
        return quoted + " (the prefix in " + start.source() + " for " + tool + ") is not on PATH: install it, or unset "
            + start.source().substring(1) + " to run " + tool + " without it";
      }
      if (start.isPrefix()) {
        return quoted + " (the command_prefix of " + tool + ") is not on PATH: install it, or change the tool's"
            + " command_prefix in the config";
      }
      return quoted + " is not on PATH" + (install == null ? "" : "; install it with: " + install);
    }
  }
}
