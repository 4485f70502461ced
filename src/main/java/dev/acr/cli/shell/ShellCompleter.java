package dev.acr.cli.shell;

import dev.acr.config.ToolSpec;
import dev.acr.config.ToolsConfig;
import dev.acr.core.Route;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion for the shell: its commands at the start of a line; tool and route names after
 * {@code :chain} (each entry of a comma-separated list) and anywhere in a prompt, where naming a
 * route is common ("ask codex:gpt-5.4 to ...").
 */
public final class ShellCompleter implements Completer {
  /** The word that puts the policy back in charge of the chain. */
  static final String POLICY = "policy";

  private final List<String> tools;
  private final List<String> routes;

  public ShellCompleter(ToolsConfig config) {
    this(enabledTools(config), config.routes().stream().map(Route::name).toList());
  }

  ShellCompleter(List<String> tools, List<String> routes) {
    this.tools = List.copyOf(tools);
    this.routes = List.copyOf(routes);
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
    String first = line.words().isEmpty() ? "" : line.words().get(0);
    if (line.wordIndex() == 0 && (word.isEmpty() || word.startsWith(":"))) {
      for (ShellCommand c : ShellCommand.values()) {
        candidates.add(new Candidate(c.word, c.word, "commands", c.help, null, null, true));
      }
      if (!word.isEmpty()) {
        return;
      }
    }
    if (line.wordIndex() == 1 && ShellCommand.of(first).orElse(null) == ShellCommand.CHAIN) {
      chain(word, candidates);
      return;
    }
    names("", candidates, true, Set.of());
  }

  /**
   * Candidates for a comma-separated chain being typed: the entries typed so far stay, the last
   * one is completed; no space is added, so another comma can follow.
   */
  void chain(String typed, List<Candidate> candidates) {
    int comma = typed.lastIndexOf(',');
    if (comma < 0) {
      candidates.add(new Candidate(POLICY, POLICY, "chain", "let the policy choose", null, null, true));
    }
    Set<String> already = new LinkedHashSet<>();
    for (String s : typed.substring(0, comma + 1).split(",")) {
      already.add(s.strip());
    }
    names(typed.substring(0, comma + 1), candidates, false, already);
  }

  /** A completer for a line that is only a chain (the "change chain" question). */
  Completer forChain() {
    return (reader, line, candidates) ->
        chain(line.word().substring(0, Math.min(line.wordCursor(), line.word().length())), candidates);
  }

  /** Tool and route names (each once), except those in {@code skip}, behind {@code prefix}. */
  private void names(String prefix, List<Candidate> candidates, boolean complete, Set<String> skip) {
    Set<String> seen = new LinkedHashSet<>(skip);
    for (String t : tools) {
      if (seen.add(t)) {
        candidates.add(new Candidate(prefix + t, t, "tools", null, null, null, complete));
      }
    }
    for (String r : routes) {
      if (seen.add(r)) {
        candidates.add(new Candidate(prefix + r, r, "routes", null, null, null, complete));
      }
    }
  }

  private static List<String> enabledTools(ToolsConfig config) {
    List<String> out = new ArrayList<>();
    for (ToolSpec t : config.tools()) {
      if (t.enabled()) {
        out.add(t.name());
      }
    }
    return out;
  }
}
