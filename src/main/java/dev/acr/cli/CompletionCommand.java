package dev.acr.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code acr completion bash|zsh}: a completion script from picocli, for {@code source <(...)}. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = "Print a bash/zsh completion script: source <(acr completion bash)")
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh")
  String shell;

  @Override
  public Integer call() {
    if (!shell.equals("bash") && !shell.equals("zsh")) {
      spec.commandLine().getErr().println("acr: completion: expected bash or zsh, got '" + shell + "'");
      return ExitCodes.USAGE;
    }
    // picocli's script is bash; zsh runs it through bashcompinit, which the script enables.
    CommandLine root = spec.commandLine().getParent();
    spec.commandLine().getOut().print(AutoComplete.bash("acr", root));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
