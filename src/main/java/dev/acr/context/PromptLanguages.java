package dev.acr.context;

import dev.acr.context.Classifier.Hit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The programming languages a prompt names: two or more read as multi_language (moved out of {@link Classifier}). */
final class PromptLanguages {
  private PromptLanguages() {}

  private static final Pattern SAMENESS =
      Pattern.compile("\\b(?:same|matching|equivalent|identical|mirror\\w*|compatible|parity|(?:do|does|doing) what)\\b");

  /**
   * "the perl CGI handler as a flask view", "move the php billing scripts to node", "elm frontend to
   * typescript": code named by one language (or its file) and then the other as where it goes, with
   * no verb of translation.
   */
  private static final Pattern CROSSING =
      Pattern.compile("(?:\\b" + DomainRules.LANG + "|\\.\\w{1,5}\\b)(?: \\S+){0,6}? (?:to|into|as|in|->|→) "
          + "(?:an? |plain |pure |idiomatic |modern |native )?(?<target>" + DomainRules.LANG + "|" + DomainRules.LIB_TARGET + ")");

  /** The language a library named as the target implies: "elm views to react" crosses into JavaScript. */
  private static final Map<String, String> LIBRARY_LANGUAGE = Map.ofEntries(
      Map.entry("react", "JavaScript"), Map.entry("vue", "JavaScript"), Map.entry("svelte", "JavaScript"),
      Map.entry("angular", "JavaScript"), Map.entry("solid", "JavaScript"), Map.entry("jquery", "JavaScript"),
      Map.entry("jest", "JavaScript"), Map.entry("vitest", "JavaScript"), Map.entry("zod", "JavaScript"),
      Map.entry("pandas", "Python"), Map.entry("numpy", "Python"), Map.entry("pytest", "Python"), Map.entry("flask", "Python"),
      Map.entry("junit", "Java"), Map.entry("flutter", "Dart"), Map.entry("swiftui", "Swift"));

  /** Two or more distinct languages in one prompt usually means moving code between them. */
  static void score(PromptText text, double weight, Map<Dimension, List<Hit>> hits) {
    Set<String> found = new TreeSet<>();
    for (Rule language : DomainRules.LANGUAGES) {
      if (!language.match(text).isEmpty()) {
        found.add(language.label());
      }
    }
    java.util.regex.Matcher crossing = CROSSING.matcher(text.norm());
    boolean crosses = crossing.find();
    if (crosses && LIBRARY_LANGUAGE.containsKey(crossing.group("target"))) {
      found.add(LIBRARY_LANGUAGE.get(crossing.group("target")));
    }
    // TypeScript projects mention .js files and Jest all the time; that is one ecosystem.
    if (found.contains("TypeScript") && found.contains("JavaScript")) {
      found.remove("JavaScript");
    }
    if (found.size() >= 2) {
      Classifier.add(hits, Dimension.MULTI_LANGUAGE, weight * (1.5 + (found.size() - 2) * 0.5),
          "mentions " + String.join(" and ", found));
      // Two languages plus "matching/same/equivalent": the same thing on the other side.
      if (SAMENESS.matcher(text.norm()).find()) {
        Classifier.add(hits, Dimension.MULTI_LANGUAGE, weight * 2, "same thing in another language");
      }
      if (crosses) {
        Classifier.add(hits, Dimension.MULTI_LANGUAGE, weight * 2, "one language's code into another '" + crossing.group() + "'");
      }
    }
  }
}
