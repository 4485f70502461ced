package dev.acr.cli.shell;

import java.util.List;
import java.util.Optional;

/** The shell's own commands; anything else typed at the prompt is a prompt for the agents. */
enum ShellCommand {
  HELP(":help", "", "what the shell does, its commands and keys", ":h", ":?"),
  TOOLS(":tools", "", "configured tools and their routes, installed or not"),
  CHAIN(":chain", "[R1,R2 | policy]", "fix the chain for the next prompts, or let the policy choose again"),
  DRY_RUN(":dry-run", "PROMPT", "explain the decision for PROMPT and run nothing"),
  QUIT(":quit", "", "leave the shell (Ctrl-D does too)", ":q", ":exit");

  final String word;
  final String args;
  final String help;
  final List<String> aliases;

  ShellCommand(String word, String args, String help, String... aliases) {
    this.word = word;
    this.args = args;
    this.help = help;
    this.aliases = List.of(aliases);
  }

  static Optional<ShellCommand> of(String word) {
    for (ShellCommand c : values()) {
      if (c.word.equals(word) || c.aliases.contains(word)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
