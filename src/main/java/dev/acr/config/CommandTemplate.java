package dev.acr.config;

import dev.acr.core.Route;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a tool's command template into an argv (never through a shell). Placeholders {@code
 * {workdir}}, {@code {model}} and {@code {prompt}} are substituted textually inside elements, in
 * one pass, so a value is never split and never re-scanned; {@code {{} and {@code }}} are literal
 * braces, as in the demo's Python {@code str.format}. Other brace text is left alone.
 */
public final class CommandTemplate {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private CommandTemplate() {}

  /** The process to start: its argv, and the text to write to its stdin (null: none). */
  public record Rendered(List<String> argv, String stdin) {
    public Rendered {
      argv = List.copyOf(argv);
    }
  }

  /**
   * Renders {@code tool} for {@code route}: {@code command_prefix}, then the words of {@code
   * env.get(command_prefix_env)} when set and non-blank, then {@code command}, placeholders
   * substituted in every element; with {@code append_arg} the prompt is appended as one last element
   * unless some element contains {@code {prompt}}; with {@code stdin} it is returned as stdin.
   *
   * @throws ConfigException if the prefix variable has unbalanced quotes, or the route names a
   *     model the tool does not have
   */
  public static Rendered render(
      ToolSpec tool, Route route, String prompt, Path workdir, Map<String, String> env)
      throws ConfigException {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(prompt, "prompt");
    if (!tool.name().equals(route.tool())) {
      throw new IllegalArgumentException("route " + route + " is not a route of tool " + tool.name());
    }
    String modelArg = null;
    if (route.model() != null) {
      Optional<ModelSpec> model = tool.model(route.model());
      if (model.isEmpty()) {
        throw new ConfigException("tool '" + tool.name() + "' has no model '" + route.model() + "'");
      }
      modelArg = model.get().arg();
    }
    List<String> template = new ArrayList<>(tool.commandPrefix());
    String var = tool.commandPrefixEnv();
    if (var != null && env != null) {
      String value = env.get(var);
      if (value != null && !value.isBlank()) {
        try {
          template.addAll(splitWords(value));
        } catch (ConfigException e) {
          throw new ConfigException("$" + var + ": " + e.getMessage(), e);
        }
      }
    }
    template.addAll(tool.command());

    boolean inline = false;
    for (String element : template) {
      if (containsPlaceholder(element, "prompt")) {
        inline = true;
        break;
      }
    }
    String wd = workdir == null ? "" : workdir.toString();
    List<String> argv = new ArrayList<>(template.size() + 1);
    for (String element : template) {
      argv.add(substitute(element, wd, modelArg, prompt));
    }
    if (tool.promptMode() == PromptMode.STDIN) {
      return new Rendered(argv, prompt);
    }
    if (!inline) {
      argv.add(prompt);
    }
    return new Rendered(argv, null);
  }

  /**
   * The program a tool's command starts with, and where that word comes from: {@code
   * command_prefix}, the prefix variable ({@code $ACROUTER_CLAUDE_PREFIX}), or {@code command}.
   * A prefix switcher's program is what must be on PATH, not the tool's own.
   */
  public record Start(String program, String source) {
    public static final String COMMAND = "command";
    public static final String COMMAND_PREFIX = "command_prefix";

    /** True when the program is a wrapper put before the tool's own command. */
    public boolean isPrefix() {
      return !COMMAND.equals(source);
    }
  }

  /**
   * The first word {@link #render} would give, without rendering a route.
   *
   * @throws ConfigException if the prefix variable has unbalanced quotes
   */
  public static Start start(ToolSpec tool, Map<String, String> env, Path workdir) throws ConfigException {
    String wd = workdir == null ? "" : workdir.toString();
    if (!tool.commandPrefix().isEmpty()) {
      return new Start(substitute(tool.commandPrefix().get(0), wd, null, ""), Start.COMMAND_PREFIX);
    }
    String var = tool.commandPrefixEnv();
    String value = var == null || env == null ? null : env.get(var);
    if (value != null && !value.isBlank()) {
      try {
        List<String> words = splitWords(value);
        if (!words.isEmpty()) {
          return new Start(words.get(0), "$" + var);
        }
      } catch (ConfigException e) {
        throw new ConfigException("$" + var + ": " + e.getMessage(), e);
      }
    }
    return new Start(substitute(tool.command().get(0), wd, null, ""), Start.COMMAND);
  }

  /** True when {@code element} has an unescaped {@code {name}} placeholder. */
  static boolean containsPlaceholder(String element, String name) {
    String ph = "{" + name + "}";
    int i = 0;
    while (i < element.length()) {
      char c = element.charAt(i);
      if (c == '{' && element.startsWith("{{", i)) {
        i += 2;
      } else if (c == '{' && element.startsWith(ph, i)) {
        return true;
      } else {
        i++;
      }
    }
    return false;
  }

  private static String substitute(String element, String workdir, String model, String prompt) {
    StringBuilder out = new StringBuilder(element.length());
    int i = 0;
    while (i < element.length()) {
      char c = element.charAt(i);
      if (c == '{' && element.startsWith("{{", i)) {
        out.append('{');
        i += 2;
      } else if (c == '}' && element.startsWith("}}", i)) {
        out.append('}');
        i += 2;
      } else if (c == '{' && element.startsWith("{workdir}", i)) {
        out.append(workdir);
        i += "{workdir}".length();
      } else if (c == '{' && model != null && element.startsWith("{model}", i)) {
        out.append(model);
        i += "{model}".length();
      } else if (c == '{' && element.startsWith("{prompt}", i)) {
        out.append(prompt);
        i += "{prompt}".length();
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /**
   * Splits text into words the way a POSIX shell does, without any expansion: blanks separate
   * words; single quotes keep everything literal; double quotes keep everything but {@code \$},
   * {@code \`}, {@code \"}, {@code \\} and backslash-newline; an unquoted backslash quotes the next
   * character (backslash-newline is removed). {@code ''} gives an empty word.
   *
   * @throws ConfigException on an unterminated quote or a trailing backslash
   */
  public static List<String> splitWords(String text) throws ConfigException {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    StringBuilder cur = new StringBuilder();
    boolean inWord = false;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (inWord) {
          words.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        if (end < 0) {
          throw new ConfigException("unterminated single quote at character " + (i + 1) + " in: " + text);
        }
        cur.append(text, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        int j = i + 1;
        boolean closed = false;
        while (j < n) {
          char d = text.charAt(j);
          if (d == '"') {
            closed = true;
            break;
          }
          if (d == '\\' && j + 1 < n) {
            char e = text.charAt(j + 1);
            if (e == '$' || e == '`' || e == '"' || e == '\\') {
              cur.append(e);
              j += 2;
              continue;
            }
            if (e == '\n') {
              j += 2;
              continue;
            }
          }
          cur.append(d);
          j++;
        }
        if (!closed) {
          throw new ConfigException("unterminated double quote at character " + (i + 1) + " in: " + text);
        }
        inWord = true;
        i = j + 1;
      } else if (c == '\\') {
        if (i + 1 >= n) {
          throw new ConfigException("trailing backslash in: " + text);
        }
        char e = text.charAt(i + 1);
        if (e != '\n') {
          cur.append(e);
          inWord = true;
        }
        i += 2;
      } else {
        cur.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(cur.toString());
    }
    return words;
  }

  /**
   * The argv as one line a POSIX shell reads back to the same argv: safe words as they are,
   * anything else in single quotes (a single quote becomes {@code '"'"'}), the empty word as
   * {@code ''}. For display and copy-paste only; acr never runs commands through a shell.
   */
  public static String shellQuote(List<String> argv) {
    StringBuilder sb = new StringBuilder();
    for (String a : argv) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(quote(a));
    }
    return sb.toString();
  }

  static String quote(String a) {
    if (a.isEmpty()) {
      return "''";
    }
    if (SAFE.matcher(a).matches()) {
      return a;
    }
    return "'" + a.replace("'", "'\"'\"'") + "'";
  }
}
