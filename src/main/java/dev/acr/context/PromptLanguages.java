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
      Pattern.compile("\\b(?:same|matching|equivalent|identical|mirror\\w*|compatible|parity)\\b");

  /** Two or more distinct languages in one prompt usually means moving code between them. */
  static void score(PromptText text, double weight, Map<Dimension, List<Hit>> hits) {
    Set<String> found = new TreeSet<>();
    for (Rule language : DomainRules.LANGUAGES) {
      if (!language.match(text).isEmpty()) {
        found.add(language.label());
      }
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
    }
  }
}
