package dev.acr.live;

import dev.acr.verify.CannotRun;
import dev.acr.verify.NodeScripts;
import dev.acr.verify.PythonVenv;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The program a test command starts first, looked up before anything runs, so that a dry run and
 * {@code acr doctor} say what the run's baseline would stop on ({@code pnpm test} with no pnpm,
 * {@code bundle exec rake} with no Ruby) instead of "ok".
 *
 * <p>The command runs with {@code sh -c}; this reads only what it can be sure of: the first program
 * of the simple commands joined by {@code &&} or {@code ;}, after {@code VAR=value} words, a
 * {@code cd DIR} and builtins that change nothing it depends on. Only the first: an earlier step
 * may make or install what a later one runs ({@code gprbuild ... && bin/regex_test},
 * {@code corepack enable && pnpm test}). It judges nothing a shell decides at run time (a variable,
 * a changed PATH, quoting, a subshell, control flow, a pipe or {@code ||}): a missing program there
 * is left to the baseline, which reads the shell's own "not found". A Node package manager's
 * {@code npm test} or {@code pnpm run x} is judged by its script's first program, the same way.
 */
public final class TestProgram {
  private TestProgram() {}

  private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=\\S*");

  /** Node's package managers, whose scripts run what the package.json's dependencies install. */
  private static final Set<String> NODE_MANAGERS = Set.of("npm", "pnpm", "yarn", "bun", "npx");

  /** Words that end what can be judged: the rest depends on what the shell does at run time. */
  private static final Pattern DYNAMIC = Pattern.compile("[$`'\"(){}\\\\*?<>|~]");

  /** Builtins that start no program and change nothing the first program's lookup depends on. */
  private static final Set<String> HARMLESS_BUILTINS = Set.of("echo", "printf", "true", ":", "set", "umask", "ulimit", "unset",
      "trap", "type", "hash", "wait", "read", "shift", "local", "readonly", "getopts");

  /** Words after which no judgement is sound: control flow, sourcing files, running strings, PATH changes. */
  private static final Set<String> STOP_WORDS =
      Set.of("if", "for", "while", "until", "case", "!", "source", ".", "eval", "exec", "command", "builtin", "alias",
          "function", "test", "[", "[[", "false", "exit", "return", "time", "env", "sudo", "nohup", "nice", "xargs", "export");

  /**
   * Why {@code command}, run in {@code dir} with the environment {@code env}, would stop before a
   * test ran because the first program it starts is not there; empty when that program is found,
   * cannot be told, or is one the prompt names (then installing it is the task).
   */
  public static Optional<CannotRun.Why> missing(String command, Path dir, Map<String, String> env, String prompt) {
    // The tests run in the project's virtual environment (dev.acr.verify.PythonVenv): its pytest counts as there.
    return missing(command, dir, PythonVenv.environment(dir, env), prompt == null ? "" : prompt.toLowerCase(Locale.ROOT), null, 0);
  }

  /** Scripts that run scripts ({@code npm run a && ...} in {@code a}) are followed this deep, no deeper. */
  private static final int MAX_SCRIPT_DEPTH = 4;

  /**
   * {@link #missing(String, Path, Map, String)} for {@code command}; {@code script} is the package whose
   * package.json script {@code command} is, null for the test command itself.
   */
  private static Optional<CannotRun.Why> missing(String command, Path dir, Map<String, String> env, String asked, Path script,
      int depth) {
    Path here = dir;
    for (List<String> words : simpleCommands(command)) {
      int i = 0;
      while (i < words.size() && ASSIGNMENT.matcher(words.get(i)).matches()) {
        // PATH=./node_modules/.bin:$PATH jest, VERSION=$(git describe) make: the lookup is the shell's.
        if (words.get(i).startsWith("PATH=") || DYNAMIC.matcher(words.get(i)).find()) {
          return Optional.empty();
        }
        i++;
      }
      if (i == words.size()) {
        continue;
      }
      String program = words.get(i);
      if (DYNAMIC.matcher(program).find() || STOP_WORDS.contains(program)) {
        return Optional.empty();
      }
      if (program.equals("cd")) {
        // cd with no argument or with an option goes somewhere this cannot know.
        if (words.size() != i + 2 || words.get(i + 1).startsWith("-") || DYNAMIC.matcher(words.get(i + 1)).find()) {
          return Optional.empty();
        }
        here = here.resolve(words.get(i + 1)).normalize();
        continue;
      }
      if (HARMLESS_BUILTINS.contains(program)) {
        continue;
      }
      if (Binaries.find(program, env.get("PATH"), here).isPresent()) {
        if (script != null && NodeScripts.wrapsDependency(words.subList(i, words.size()), script) && NodeScripts.nothingInstalled(script)) {
          return CannotRun.nodeDependenciesMissing(script, asked);
        }
        // A package manager runs a script: its own first program decides (node --test needs nothing installed, mocha does).
        Path pkg = here;
        return NODE_MANAGERS.contains(program) && depth < MAX_SCRIPT_DEPTH
            ? NodeScripts.first(words.subList(i, words.size()), pkg).flatMap(s -> missing(s, pkg, env, asked, pkg, depth + 1))
            : Optional.empty();
      }
      if (program.contains("/") && java.nio.file.Files.isRegularFile(here.resolve(program))) {
        return Optional.of(new CannotRun.Why(program + " cannot execute (not executable)",
            "make it executable (chmod +x " + program + ") or name another test command"));
      }
      if (script != null) {
        // Once something is installed, npm's PATH (node_modules/.bin up the tree, Plug'n'Play's) is the baseline's to judge.
        if (!NodeScripts.nothingInstalled(script)) {
          return Optional.empty();
        }
        if (NodeScripts.dependencyProgram(program, script)) {
          return CannotRun.nodeDependenciesMissing(script, asked);
        }
      }
      return CannotRun.notFound(program, asked, here);
    }
    return Optional.empty();
  }

  /**
   * The command's simple commands, in order, as long as they are joined by {@code &&} or {@code ;}
   * only, up to the first quoted word (its closing quote may lie past any separator); words are
   * split on blanks.
   */
  static List<List<String>> simpleCommands(String command) {
    List<List<String>> commands = new java.util.ArrayList<>();
    List<String> current = new java.util.ArrayList<>();
    for (String raw : command.strip().split("\\s+")) {
      String word = raw;
      if (word.indexOf('\'') >= 0 || word.indexOf('"') >= 0 || word.indexOf('`') >= 0 || word.indexOf('\\') >= 0) {
        // Quoting: where it closes, and so where the next command starts, is the shell's to say.
        current.add(word);
        commands.add(current);
        return commands;
      }
      boolean ends = false;
      if (word.equals("&&") || word.equals(";")) {
        ends = true;
        word = "";
      } else if (word.endsWith(";") && !word.endsWith("\\;")) {
        ends = true;
        word = word.substring(0, word.length() - 1);
      } else if (word.equals("||") || word.equals("|") || word.equals("&") || word.contains("&&") || word.contains("||")) {
        // What follows may or may not run, or runs beside: only what came before is certain.
        commands.add(current);
        return commands;
      }
      if (!word.isEmpty()) {
        current.add(word);
      }
      if (ends) {
        commands.add(current);
        current = new java.util.ArrayList<>();
      }
    }
    commands.add(current);
    return commands;
  }
}
