package dev.acr.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A keyword rule from the config's top-level {@code routes[]}, demo shape {@code {"name": "...",
 * "tool": "codex", "keywords": [...]}}, optionally narrowed to one model with {@code "model"} or
 * {@code "route": "tool:model"}. {@code model} null means all the tool's routes.
 */
public record RouteRule(String name, List<String> keywords, String tool, String model) {
  public RouteRule {
    Objects.requireNonNull(tool, "tool");
    keywords = List.copyOf(keywords);
  }

  /**
   * True when any keyword occurs in the prompt as a whole word (or whole phrase), ignoring case. A
   * word boundary is any character that is not a letter, digit or underscore.
   */
  public boolean matches(String prompt) {
    if (prompt == null || prompt.isEmpty()) {
      return false;
    }
    for (String k : keywords) {
      String kw = k.strip();
      if (kw.isEmpty()) {
        continue;
      }
      Pattern p =
          Pattern.compile(
              "(?<![\\p{L}\\p{N}_])" + Pattern.quote(kw.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}_])",
              Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      if (p.matcher(prompt).find()) {
        return true;
      }
    }
    return false;
  }
}
