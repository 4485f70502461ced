package dev.acr.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A makefile read as far as acr needs to choose targets: its simple variables (the first word of each value) and, per
 * target, the prerequisites and recipe of its first rule. Not make's grammar: no includes, conditionals or expansions
 * beyond a command's {@code $(VAR)}.
 */
record MakeRules(Map<String, String> variables, Map<String, Rule> rules) {

  /** A target's prerequisites and the commands of its recipe, as written (stripped). */
  record Rule(List<String> prerequisites, List<String> recipe) {
    Rule {
      prerequisites = List.copyOf(prerequisites);
      recipe = List.copyOf(recipe);
    }
  }

  private static final Pattern RULE = Pattern.compile("^([A-Za-z0-9_.%/-]+(?:[ \\t]+[A-Za-z0-9_.%/-]+)*)[ \\t]*::?(?!=)([^;#]*)");
  private static final Pattern VARIABLE = Pattern.compile("^([A-Za-z_]\\w*)[ \\t]*[:?]?=[ \\t]*(\\S+)");
  private static final Pattern VARIABLE_REF = Pattern.compile("^\\$[({](\\w+)[)}]$");

  MakeRules {
    variables = Map.copyOf(variables);
    rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
  }

  static MakeRules parse(String makefile) {
    Map<String, String> variables = new HashMap<>();
    Map<String, List<String>> prerequisites = new LinkedHashMap<>();
    Map<String, List<String>> recipes = new LinkedHashMap<>();
    List<String> current = null;
    // A line ending in a backslash goes on in the next: one command, or one list of prerequisites.
    for (String line : makefile.replaceAll("\\\\\\r?\\n[ \\t]*", " ").split("\n", -1)) {
      Matcher v = VARIABLE.matcher(line);
      Matcher r = RULE.matcher(line);
      if (line.startsWith("\t") && current != null) {
        current.add(line.strip());
      } else if (v.find()) {
        variables.put(v.group(1), v.group(2));
        current = null;
      } else if (r.find()) {
        current = new ArrayList<>();
        List<String> needs = r.group(2).isBlank() ? List.of() : List.of(r.group(2).strip().split("[ \\t]+"));
        for (String t : r.group(1).split("[ \\t]+")) {
          prerequisites.putIfAbsent(t, needs);
          recipes.putIfAbsent(t, current);
        }
      } else if (!line.isBlank() && !line.startsWith("#")) {
        current = null;
      }
    }
    Map<String, Rule> rules = new LinkedHashMap<>();
    recipes.forEach((t, recipe) -> rules.put(t, new Rule(prerequisites.get(t), recipe)));
    return new MakeRules(variables, rules);
  }

  /** A recipe's command as run: after make's {@code @}, {@code -} and {@code +}, its first word read as a variable's value. */
  String resolved(String command) {
    String[] words = command.replaceFirst("^[@+-]+", "").split("\\s+", 2);
    Matcher ref = VARIABLE_REF.matcher(words[0]);
    return (ref.find() ? variables.getOrDefault(ref.group(1), words[0]) : words[0]) + (words.length > 1 ? " " + words[1] : "");
  }
}
