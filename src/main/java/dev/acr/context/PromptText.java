package dev.acr.context;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt prepared for rule matching: the raw text (for case-sensitive error signatures), a
 * normalised lower-case view with typos of key words repaired and negated edit verbs masked, and
 * the "head" word the prompt opens with once politeness fillers are stripped.
 */
record PromptText(
    String raw, String norm, Set<String> words, List<String> head, List<String> corrections,
    PromptText title) {

  /**
   * Longer than any terse instruction: a pasted issue, a task statement. Such a text is read as
   * its title (scored like a terse prompt) plus a body whose vocabulary counts for less.
   */
  static final int LONG_FORM = 320;

  /**
   * Words worth repairing when misspelt. Terse terminal prompts misspell exactly the verbs and
   * nouns that decide the dimension ("refacor", "explian", "implment"), so a one-edit match
   * against this short list recovers them without touching ordinary vocabulary.
   */
  private static final List<String> KEY_WORDS =
      List.of(
          "refactor", "explain", "implement", "complete", "finish", "translate", "convert",
          "rewrite", "document", "describe", "summarize", "simplify", "extract", "rename",
          "consolidate", "decouple", "benchmark", "coverage", "algorithm", "dataframe",
          "segfault", "exception", "traceback", "typescript", "javascript", "kotlin", "python",
          "placeholder", "unimplemented", "dijkstra", "levenshtein", "optimize", "vectorize",
          "integration", "regression", "property", "walkthrough", "reimplement", "modernize");

  /**
   * Every key word with its regular inflections (so "refactred" lands on "refactored"), in a
   * stable order: the first candidate within one edit wins.
   */
  private static final Set<String> CANDIDATES = candidates();

  private static Set<String> candidates() {
    Set<String> all = new java.util.LinkedHashSet<>();
    for (String key : KEY_WORDS) {
      String stem = key.endsWith("e") ? key.substring(0, key.length() - 1) : key;
      // simplify: simplifies, simplified, simplifying (never "simplifyed", one edit from the real word).
      String y = key.endsWith("y") ? key.substring(0, key.length() - 1) + "i" : null;
      all.add(key);
      // finish: finishes, never "finishs" (which would "repair" the real word into a typo).
      boolean sibilant = key.endsWith("sh") || key.endsWith("ch") || key.endsWith("s") || key.endsWith("x");
      all.add(y != null ? y + "es" : sibilant ? key + "es" : key + "s");
      all.add((y != null ? y : stem) + "ed");
      all.add(stem + "ing");
    }
    return java.util.Collections.unmodifiableSet(all);
  }

  /** Real words one edit away from a key word; never "repair" these. */
  private static final Set<String> REAL_WORDS =
      Set.of("reactor", "reactors", "compete", "competed", "describes", "converts", "concert",
          "properly", "cython");

  /**
   * Short typos and chat spellings that the edit-distance pass is too cautious to handle, and
   * contractions typed without their apostrophe ("doesnt work", "whats the output"), which the
   * rules spell with one.
   */
  private static final Map<String, String> SHORT_FIXES =
      Map.ofEntries(Map.entry("teh", "the"), Map.entry("tets", "tests"), Map.entry("tset", "test"),
          Map.entry("u", "you"), Map.entry("pls", "please"), Map.entry("plz", "please"),
          Map.entry("fucntion", "function"), Map.entry("funtion", "function"),
          Map.entry("whats", "what's"), Map.entry("doesnt", "doesn't"), Map.entry("dont", "don't"),
          Map.entry("isnt", "isn't"), Map.entry("arent", "aren't"), Map.entry("cant", "can't"),
          Map.entry("didnt", "didn't"), Map.entry("wasnt", "wasn't"), Map.entry("werent", "weren't"),
          Map.entry("wont", "won't"), Map.entry("shouldnt", "shouldn't"), Map.entry("theres", "there's"),
          Map.entry("thats", "that's"), Map.entry("hasnt", "hasn't"), Map.entry("havent", "haven't"));

  /** Whole tokens incl. identifiers and paths, so only plain words are ever repaired. */
  private static final Pattern TOKEN = Pattern.compile("[a-z0-9_'./-]*[a-z0-9_]");

  /** Splits into the same words that a regex {@code \\b…\\b} would delimit. */
  private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9_]+");

  private static final Pattern PLAIN_WORD = Pattern.compile("[a-z]+");

  /** A word of a clause's head: a plain word, an identifier or a file name. */
  private static final Pattern HEAD_WORD = Pattern.compile("[a-z0-9][a-z0-9_.'-]*");

  /**
   * "don't fix anything yet" or "before touching anything" must not count as a request to fix or
   * change: the verb becomes {@code not_fix}, which no positive rule matches.
   */
  private static final Pattern NEGATED_EDIT =
      Pattern.compile(
          "\\b(don'?t|do not|never|before|without|no need to)(\\s+(?:\\w+\\s+){0,2}?)"
              + "(fix|chang|touch|modif|edit|refactor)");

  /** Politeness and chat fillers that precede the real opening verb. */
  private static final Pattern FILLERS =
      Pattern.compile(
          "^(?:(?:hey|hi|ok|okay|so|now|also|then|please|kindly|just|quickly|hmm+|hm|ugh|um+|uh|oh|well|btw|fyi|can you|could you|"
              + "would you|will you|you|i need you to|i want you to|i'd like you to|help me|"
              + "let's|lets|go ahead and|attempt to|try to|trying to)[\\s,:!]+)*");

  /** "compiler-sfc: use X", "auth/session.ts: handle Y": a commit-style scope before the request. */
  private static final Pattern SCOPE = Pattern.compile("^[a-z0-9][a-z0-9_./-]*: +(?=[a-z])");

  static PromptText of(String prompt) {
    String text = IssueText.withoutComments(prompt);
    if (text.length() <= LONG_FORM && !IssueText.hasTitleAndBody(text)) {
      // A prompt that is only a pasted block (a command and its output) is read as that block.
      String prose = IssueText.withoutFences(text);
      return of(text, prose.isBlank() ? text : prose, null);
    }
    String title = IssueText.title(text);
    return of(text, IssueText.prose(text), title.isBlank() ? null : of(title, title, null));
  }

  /** Long-form text whose body is read apart from its title. */
  boolean longForm() {
    return title != null || raw.length() > LONG_FORM || IssueText.hasTitleAndBody(raw);
  }

  /**
   * {@code raw}: the prompt without HTML comments, for case-sensitive signatures (tracebacks,
   * error names); {@code prose}: what the words of the prompt are taken from (no code blocks).
   */
  private static PromptText of(String raw, String prose, PromptText title) {
    String lower = prose.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    List<String> corrections = new ArrayList<>();
    // Typos are repaired in terse prompts and titles, where one word decides; in a long body the
    // one-edit search over every word would cost more than it could change.
    String repaired = lower.length() > LONG_FORM ? lower : repairTypos(lower, corrections);
    String masked = NEGATED_EDIT.matcher(repaired).replaceAll("$1$2not_$3");
    Set<String> words = new HashSet<>();
    for (String w : NON_WORD.split(masked)) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return new PromptText(raw, masked, Set.copyOf(words), headWords(masked),
        List.copyOf(corrections), title);
  }

  /** Where a clause ends: punctuation, a dash, or a joining word ("…, then add", "… and fix"). */
  private static final Pattern CLAUSE_BREAK =
      Pattern.compile("[,;!?()\\n]+|[.:]+(?=\\s|$)|\\s[-\u2013\u2014]+\\s|\\s(?:and|then|but|so)\\s");

  /** The first words of every clause, fillers skipped: where a request puts its verb and object. */
  List<List<String>> clauseHeads() {
    return clauseHeads(4);
  }

  /** The same with up to {@code words} words a clause: enough to find a clause's verb. */
  List<List<String>> clauseHeads(int words) {
    List<List<String>> heads = new ArrayList<>();
    for (String clause : CLAUSE_BREAK.split(norm)) {
      List<String> head = headWords(clause, words);
      if (!head.isEmpty()) {
        heads.add(head);
      }
    }
    return heads;
  }

  /** The first few words after fillers; the opening verb of a terse prompt carries its intent. */
  private static List<String> headWords(String norm) {
    return headWords(norm, 4);
  }

  private static List<String> headWords(String norm, int max) {
    Matcher filler = FILLERS.matcher(norm.strip());
    String rest = filler.lookingAt() ? norm.strip().substring(filler.end()) : norm.strip();
    Matcher scope = SCOPE.matcher(rest);
    if (scope.lookingAt()) {
      rest = rest.substring(scope.end());
    }
    List<String> words = new ArrayList<>();
    Matcher m = HEAD_WORD.matcher(rest);
    while (words.size() < max && m.find()) {
      words.add(m.group());
    }
    return List.copyOf(words);
  }

  private static String repairTypos(String lower, List<String> corrections) {
    StringBuilder out = new StringBuilder(lower.length());
    Matcher m = TOKEN.matcher(lower);
    int last = 0;
    while (m.find()) {
      String word = m.group();
      String fixed = repairWord(word);
      out.append(lower, last, m.start()).append(fixed);
      if (!fixed.equals(word)) {
        corrections.add(word + "→" + fixed);
      }
      last = m.end();
    }
    return out.append(lower.substring(last)).toString();
  }

  private static String repairWord(String word) {
    // Only whole plain words: identifiers such as get_usr_name or dedupe.py are never "repaired".
    String shortFix = SHORT_FIXES.get(word);
    if (shortFix != null) {
      return shortFix;
    }
    if (word.length() < 5 || REAL_WORDS.contains(word) || CANDIDATES.contains(word)
        || !PLAIN_WORD.matcher(word).matches()) {
      return word;
    }
    for (String candidate : CANDIDATES) {
      if (Math.abs(candidate.length() - word.length()) <= 1
          && (candidate.charAt(0) == word.charAt(0) || candidate.charAt(1) == word.charAt(1))
          && Typos.withinOneEdit(word, candidate)) {
        return candidate;
      }
    }
    return word;
  }
}
