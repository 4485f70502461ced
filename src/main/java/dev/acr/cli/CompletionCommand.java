package dev.acr.cli;

import dev.acr.config.ConfigException;
import dev.acr.config.ConfigLoader;
import dev.acr.config.ToolSpec;
import dev.acr.config.ToolsConfig;
import dev.acr.core.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code acr completion bash|zsh}: picocli's completion script, plus a function that completes
 * {@code --chain} and {@code --tool} with the routes and tools of the config in effect where TAB
 * is pressed. The script asks {@code acr completion --names routes|tools} each time, so a repo's
 * own {@code .acr/tools.json} or a {@code --config} on the line counts, not the config of the day
 * the script was made.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = "Print a bash/zsh completion script: source <(acr completion bash). It completes"
        + " subcommands, options, and the routes and tools of --chain and --tool from the config in effect.",
    footer = "%nExit codes:%n  0    script printed%n  2    unknown shell%n")
final class CompletionCommand implements Callable<Integer> {
  /** The bash function appended to picocli's script; it falls back to picocli's for everything else. */
  private static final String NAMES_FUNCTION = "completion-names.bash";

  @Spec CommandSpec spec;
  @ParentCommand AcrCommand parent;

  @Parameters(paramLabel = "SHELL", arity = "0..1", description = "bash or zsh")
  String shell;

  @Option(names = "--names", hidden = true, paramLabel = "routes|tools",
      description = "Print the route or tool names of the config in effect, one a line (the script calls this).")
  String names;

  @Mixin WhereOptions.Repo where;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (names != null) {
      return printNames(out);
    }
    if (!"bash".equals(shell) && !"zsh".equals(shell)) {
      spec.commandLine().getErr().println("acr: completion: expected bash or zsh, got "
          + (shell == null ? "nothing" : "'" + shell + "'") + "; e.g. source <(acr completion bash)");
      return ExitCodes.USAGE;
    }
    // picocli's script is bash; zsh runs it through bashcompinit, which the script enables.
    CommandLine root = spec.commandLine().getParent();
    out.print(AutoComplete.bash("acr", root));
    try (InputStream in = CompletionCommand.class.getResourceAsStream(NAMES_FUNCTION)) {
      out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Names for TAB: quiet on any problem, a broken config simply completes nothing. */
  private int printNames(PrintWriter out) {
    Env env = parent.env();
    ToolsConfig config;
    try {
      Path found = ConfigLoader.locate(where.configFile(env), env.vars(), where.workdir(env));
      config = found == null ? ConfigLoader.bundled() : ConfigLoader.load(found);
    } catch (ConfigException e) {
      return ExitCodes.USAGE;
    }
    switch (names) {
      case "routes" -> config.routes().forEach(r -> out.println(r.name()));
      case "tools" -> config.tools().stream().filter(ToolSpec::enabled).forEach(t -> out.println(t.name()));
      default -> {
        return ExitCodes.USAGE;
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
