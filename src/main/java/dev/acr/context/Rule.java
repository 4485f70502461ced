package dev.acr.context;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One weighted feature of the classifier: either a regex (a construction such as "port … to Rust")
 * or a vocabulary list of literal terms. Term lists are matched with {@code indexOf} and word
 * boundary checks instead of one giant regex alternation, which keeps classification in the tens of
 * microseconds, and they score every distinct term found with diminishing returns, so a prompt full
 * of data-science words beats one that mentions a single one.
 *
 * @param onRaw match the original text (case-sensitive error signatures) instead of the normalised
 * @param gates literals of which at least one must occur before the regex is even tried; a cheap
 *     {@code contains} that skips most regex scans (an optimisation only, never a semantic change)
 */
record Rule(
    Dimension dimension, double weight, String label, Regex pattern, List<Term> terms,
    boolean onRaw, List<String> gates) {

  /** Compiled once, not by each {@code String.replaceAll}. */
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /**
   * A rule's regex, compiled on first use: most regex rules are gated and never run for a given
   * prompt, and compiling all of them up front was a large part of a dry run's start-up.
   */
  static final class Regex {
    private final String source;
    private volatile Pattern compiled;

    Regex(String source) {
      this.source = source;
    }

    Pattern get() {
      Pattern p = compiled;
      if (p == null) {
        p = Pattern.compile(source);
        compiled = p;
      }
      return p;
    }

    @Override
    public String toString() {
      return source;
    }
  }

  /**
   * A vocabulary entry, pre-digested once: {@code firstWord} is a whole word the text must contain
   * for the term to possibly match (a set lookup), so most terms never scan the text at all.
   */
  record Term(String literal, boolean prefix, String firstWord) {

    static Term of(String spec) {
      boolean prefix = spec.endsWith("*");
      String literal = prefix ? spec.substring(0, spec.length() - 1) : spec;
      // The leading run of [a-z0-9_] (a loop, not a regex: hundreds of terms are read at start-up).
      int lead = 0;
      while (lead < literal.length() && isLowerWord(literal.charAt(lead))) {
        lead++;
      }
      boolean wholeWord = lead > 0 && (lead < literal.length() || !prefix);
      return new Term(literal, prefix, wholeWord ? literal.substring(0, lead) : null);
    }

    /** True when the term is one plain word: the set lookup alone decides. */
    boolean isWord() {
      return !prefix && literal.equals(firstWord);
    }
  }

  /** A term ending in {@code *} matches any word starting with it ("refactor*" → refactoring). */
  static Rule terms(Dimension d, double weight, String label, String... terms) {
    // Loops rather than streams in this class: the rule tables are built, and every rule matched,
    // at each start, where a stream costs far more than the work it wraps.
    Term[] digested = new Term[terms.length];
    for (int i = 0; i < terms.length; i++) {
      digested[i] = Term.of(terms[i]);
    }
    return new Rule(d, weight, label, null, List.of(digested), false, List.of());
  }

  static Rule regex(Dimension d, double weight, String regex, String label) {
    return new Rule(d, weight, label, new Regex(regex), List.of(), false, List.of());
  }

  static Rule raw(Dimension d, double weight, String regex, String label) {
    return new Rule(d, weight, label, new Regex(regex), List.of(), true, List.of());
  }

  /** This regex rule, tried only when one of {@code literals} occurs in the text. */
  Rule when(String... literals) {
    return new Rule(dimension, weight, label, pattern, terms, onRaw, List.of(literals));
  }

  /** Distinct matched snippets; empty when the rule does not fire. Regexes report one match. */
  List<String> match(PromptText text) {
    String s = onRaw ? text.raw() : text.norm();
    if (pattern != null) {
      if (!gates.isEmpty() && !containsAny(s, gates)) {
        return List.of();
      }
      Matcher m = pattern.get().matcher(s);
      return m.find() ? List.of(m.group()) : List.of();
    }
    List<String> found = new ArrayList<>(2);
    for (Term term : terms) {
      String hit;
      if (term.firstWord() != null && !text.words().contains(term.firstWord())) {
        hit = null;
      } else if (term.isWord()) {
        hit = term.literal();
      } else {
        hit = find(s, term.literal(), term.prefix());
      }
      if (hit != null && !found.contains(hit)) {
        found.add(hit);
      }
    }
    return found;
  }

  private static boolean containsAny(String s, List<String> literals) {
    for (String literal : literals) {
      if (s.contains(literal)) {
        return true;
      }
    }
    return false;
  }

  /** 1 hit → weight, 2 → 1.5×, 3 or more → 2×: more vocabulary, more certainty, but bounded. */
  double score(int hits) {
    return hits <= 0 ? 0 : weight * (1 + 0.5 * (Math.min(hits, 3) - 1));
  }

  String describe(List<String> hits) {
    if (!label.contains("%s")) {
      return label;
    }
    String shown = WHITESPACE.matcher(String.join(", ", hits.subList(0, Math.min(3, hits.size())))
        .strip()).replaceAll(" ");
    return String.format(label, shown.length() > 40 ? shown.substring(0, 40) + "…" : shown);
  }

  private static String find(String s, String literal, boolean prefix) {
    int from = 0;
    while (true) {
      int at = s.indexOf(literal, from);
      if (at < 0) {
        return null;
      }
      int end = at + literal.length();
      boolean startOk = !isWord(literal.charAt(0)) || at == 0 || !isWord(s.charAt(at - 1));
      boolean identifier = false;
      if (prefix) {
        while (end < s.length() && isWord(s.charAt(end))) {
          // "simplify_regexp()" names a function; the word it starts with is no verb of the prompt.
          identifier |= s.charAt(end) == '_';
          end++;
        }
      }
      boolean endOk = prefix || !isWord(literal.charAt(literal.length() - 1))
          || end == s.length() || !isWord(s.charAt(end));
      if (startOk && endOk && !identifier) {
        return s.substring(at, end);
      }
      from = at + 1;
    }
  }

  private static boolean isLowerWord(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  }

  private static boolean isWord(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
        || (c >= 'A' && c <= 'Z');
  }
}
