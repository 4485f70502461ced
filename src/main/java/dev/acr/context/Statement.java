package dev.acr.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a terse prompt asks for something or states what the code does. A request opens a
 * clause with its verb ("add …", "explain …", "send a message …") or asks a question; a statement
 * names a subject and what it does ("the export drops rows", "sort order is reversed on the admin
 * table", "charts render blank on first load"). A statement that asks for nothing mostly reports
 * a problem: the classifier gives it a small bug_fixing weight.
 */
final class Statement {

  /** What a prompt does: asks (a request, a question), states (a subject and its verb), neither. */
  enum Mood { ASKS, STATES, NEITHER }

  private Statement() {}

  /** How a statement about the code opens: "the export drops rows", "our CI is red". */
  static final Set<String> OPENERS =
      Set.of("the", "my", "our", "this", "these", "those", "its", "their", "it", "prod");

  /** A finite verb or an adverb of state, the other mark of a statement ("can't log in anymore"). */
  private static final Pattern FINITE =
      Pattern.compile("\\b(?:is|are|was|were|has|have|had|gets?|got|keeps?|seems?|stays?|never|still|always"
          + "|anymore|cannot|not|(?:is|are|was|were|can|does|do|did|won|has|have|had)n'?t)\\b");

  /** Requests that are not among the lead verbs but open a clause just as well ("… , give them …"). */
  private static final Set<String> REQUEST_OPENERS =
      Set.of("do", "give", "use", "show", "tell", "remove", "delete", "drop", "update", "handle",
          "support", "turn", "put", "stop", "allow", "ensure", "check", "change", "bump", "upgrade",
          "return", "sort", "find", "count", "merge", "compute", "calculate", "parse", "break",
          "get", "keep", "have", "look", "see", "go", "can", "could", "would", "want", "need", "let", "let's", "lets", "please");

  /** What an object opens with: "send a message", "hide the banner" read as verb and object. */
  private static final Set<String> OBJECT_STARTERS =
      Set.of("a", "an", "the", "my", "our", "this", "these", "those", "some", "all", "every", "its",
          "their", "it", "them", "me", "us", "up");

  /** Objects of a request that no subject starts with: "find what is slow", "check why it hangs". */
  private static final Set<String> QUESTION_OBJECTS =
      Set.of("what", "why", "how", "where", "who", "which", "whether", "if", "that", "out", "sure");

  /** A question opens with these, never a subject: "how do i run this", "can you …". */
  private static final Set<String> QUESTION_OPENERS =
      Set.of("what", "what's", "whats", "why", "how", "where", "who", "which", "when", "whose", "is", "are",
          "does", "do", "did", "can", "could", "would", "should", "will", "have", "let's", "lets", "please");

  /**
   * Request verbs that never name a subject: "use early returns in validate", "give them real
   * names". Unlike "sort" or "go" ("sort order is reversed", "go vet complains"), no noun is spelt
   * like them, so a word in -s after them ("returns") is their object, not a verb of a statement.
   */
  private static final Set<String> ONLY_VERBS = Set.of("use", "give", "let");

  /** After one or two words, these make the first word a noun: "sort order is reversed". */
  private static final Set<String> AUXILIARIES =
      Set.of("is", "are", "was", "were", "does", "doesn't", "do", "don't", "did", "didn't", "has",
          "have", "had", "isn't", "aren't", "won't", "can't", "never", "still", "always", "keeps", "gets", "got");

  /** Words before a verb that make it no statement: "a script to rename", "a hook that returns". */
  private static final Set<String> NOT_FINITE_BEFORE =
      Set.of("to", "that", "which", "who", "will", "would", "should", "must", "can", "could", "may",
          "might", "the", "a", "an", "and", "or", "of", "for", "with", "please");

  /**
   * What code is said to do when it misbehaves, in the base form; "shows", "dropped", "hanging"
   * are found through their stem. Not a list of bugs: in a prompt that asks for nothing, one of
   * these after a subject is what makes it a statement.
   */
  private static final Set<String> BEHAVIOUR =
      Set.of("show", "display", "render", "return", "print", "run", "fire", "trigger", "send", "emit",
          "throw", "save", "load", "open", "close", "delete", "remove", "skip", "drop", "lose", "miss",
          "ignore", "overwrite", "duplicate", "double", "reset", "revert", "jump", "flicker", "freeze",
          "hang", "crash", "fail", "break", "complain", "warn", "refuse", "reject", "accept", "allow",
          "stop", "restart", "disappear", "vanish", "appear", "overlap", "overflow", "leak", "bleed", "spill", "spin",
          "stall", "lag", "redirect", "reload", "reappear", "refresh", "rerender", "re-render", "round",
          "truncate", "match", "treat", "take", "stay", "become", "clip", "wrap", "scroll", "shift",
          "hide", "fetch", "exit", "quit", "die", "exclude", "contain", "respond", "resolve",
          "compile", "install", "pick", "select", "encode", "decode", "come", "go", "stick", "leave",
          "reach", "end", "start", "swallow", "produce", "generate", "create", "add", "sort", "grow",
          "increase", "decrease", "spike", "retry", "differ", "conflict", "misbehave", "behave", "put", "rotate", "flip", "mangle", "strip", "escape",
          "override", "insert", "append", "calculate", "compute", "interpret", "expire", "persist", "move",
          "snap", "bounce", "stretch", "shrink", "blink", "zoom", "ask", "prompt", "overlay",
          "look", "seem", "write", "read", "parse", "handle", "change", "mix", "get", "keep", "use", "arrive", "land",
          "point", "link", "count", "list", "include", "submit", "flash", "result", "lead", "cause",
          "pass", "work", "give", "wait");

  private static final Set<String> PARTICLES = Set.of("off", "up", "out", "down", "away", "over", "back");

  /** Particles that follow a verb, hardly ever a plural noun: "falls back", "times out", "comes apart". */
  private static final Set<String> VERB_PARTICLES = Set.of("off", "out", "away", "back", "apart", "down");

  /**
   * Adverbs that stand before a verb, never before a noun of a request: "logout only works on the
   * second click", "the job sometimes skips a day". The word after one, inflected, is a verb.
   */
  private static final Set<String> VERB_ADVERBS =
      Set.of("only", "sometimes", "randomly", "occasionally", "intermittently", "suddenly", "constantly",
          "repeatedly", "silently", "incorrectly", "accidentally", "mistakenly");

  /**
   * A code identifier opening the prompt, then a word in -s: "parse_duration("1h30m") gives 30
   * minutes", "useEffect runs twice". An identifier is no verb of a request, and the -s word
   * after it is its verb, whichever verb it is; not a plural noun of a noun phrase ("utils.py
   * functions for dates", "slugify() tests").
   */
  private static final Pattern IDENTIFIER_SUBJECT =
      Pattern.compile("^[`'\"]?(?=[\\w.:]*(?:[_.:]\\w|[a-z][A-Z]|\\())[A-Za-z_][\\w.:]*(?:\\([^)]{0,40}\\))?[`'\"]?"
          + " (?:\\w+ )?\\w{2,}(?<![su])s (?!(?:for|of|with|that|which|and|or)\\b)\\S");

  /**
   * Adjectives of a state gone wrong, said of a subject with no verb: "search results empty for
   * accented queries", "footer links wrong on mobile" (then a place or the end, see {@link #predicate}).
   */
  private static final Set<String> STATE_ADJECTIVES =
      Set.of("empty", "blank", "missing", "wrong", "broken", "invisible", "unresponsive", "null", "undefined", "invalid",
          "incorrect", "inverted", "misaligned", "unreadable", "unclickable", "disabled", "offscreen");

  /** What follows a predicate without a verb: a place, a time, a particle ("greyed out for admins"). */
  private static final Set<String> AFTER_PREDICATE =
      Set.of("in", "on", "at", "behind", "under", "after", "when", "during", "while", "with", "without", "out",
          "off", "for", "until", "despite", "since", "again", "sometimes", "randomly", "inside", "if", "unless");

  /** Relative words: the verbs after them describe a thing, they do not report what it does. */
  private static final Set<String> RELATIVES = Set.of("that", "which", "who", "where", "whose", "whenever");

  /** "the form needs a captcha": a wish stated, which is a request, not a behaviour. */
  private static final Set<String> WISHES = Set.of("needs", "wants", "requires", "deserves", "lacks");

  /** Past forms that no suffix rule finds. */
  private static final Set<String> IRREGULAR_PAST =
      Set.of("shown", "thrown", "threw", "broke", "broken", "lost", "sent", "got", "kept", "ran", "froze",
          "frozen", "hung", "went", "gone", "came", "took", "taken", "stuck", "wrote", "written",
          "hidden", "hid", "became", "began", "begun", "drawn", "grew", "grown");

  /** How many words of the first sentence are read (a terse prompt's whole sentence). */
  private static final int SENTENCE_WORDS = 14;

  private static final Pattern SENTENCE_END = Pattern.compile("[.!?;\\n](?=\\s|$)");

  private static final Pattern WORD = Pattern.compile("[a-z0-9][a-z0-9_.'-]*");

  private static final Set<String> CONDITIONS = Set.of("when", "whenever", "if", "once");

  /**
   * "when two users edit the same doc …", "if the list is empty it crashes": a clause that opens
   * with a condition and no auxiliary sets a scene; it asks nothing ("when is X called" does).
   */
  static boolean conditional(List<String> clause) {
    return clause.size() > 1 && CONDITIONS.contains(clause.get(0)) && !QUESTION_OPENERS.contains(clause.get(1))
        && !AUXILIARIES.contains(clause.get(1));
  }

  /** A request verb and its object after the condition: "when X … send a welcome email". */
  private static boolean asksAfterCondition(List<String> clause, Set<String> leadVerbs) {
    for (int i = 2; i + 1 < clause.size(); i++) {
      String word = clause.get(i);
      boolean verb = leadVerbs.contains(word) || REQUEST_OPENERS.contains(word);
      if (verb && OBJECT_STARTERS.contains(clause.get(i + 1)) && !OPENERS.contains(clause.get(i - 1))) {
        return true;
      }
    }
    return false;
  }

  /** How the prompt reads; {@code leadVerbs} are the verbs a request opens with. */
  static Mood read(PromptText text, Set<String> leadVerbs, Set<String> testHeadWords) {
    List<String> head = text.head();
    // "a small component that …": an indefinite article brings in something new, a thing to make.
    if (head.isEmpty() || text.norm().contains("?") || testHeadWords.contains(head.get(0))
        || head.get(0).equals("a") || head.get(0).equals("an")) {
      return Mood.ASKS;
    }
    List<List<String>> clauses = text.clauseHeads(8);
    for (List<String> clause : clauses) {
      String first = clause.get(0);
      if (conditional(clause)) {
        if (asksAfterCondition(clause, leadVerbs)) {
          return Mood.ASKS; // "if the user is an admin show the delete button"
        }
        continue;
      }
      if (opensWithVerb(clause, leadVerbs) && !namesASubject(clause)) {
        return Mood.ASKS;
      }
    }
    if (!clauses.isEmpty() && statesAWish(clauses.get(0))) {
      return Mood.ASKS;
    }
    boolean statement = OPENERS.contains(head.get(0)) || FINITE.matcher(text.norm()).find()
        || hasVerb(firstSentence(text.norm())) || IDENTIFIER_SUBJECT.matcher(text.raw().strip()).find();
    return statement ? Mood.STATES : Mood.NEITHER;
  }

  /**
   * The verb of a later clause that asks, after an opening that does not: "the UserService mixes
   * three concerns, separate them". Null when no later clause opens with a verb and its object.
   */
  static String laterRequest(PromptText text, Set<String> leadVerbs) {
    List<List<String>> clauses = text.clauseHeads(8);
    for (List<String> clause : clauses.subList(Math.min(1, clauses.size()), clauses.size())) {
      if (clause.size() > 1 && leadVerbs.contains(clause.get(0)) && OBJECT_STARTERS.contains(clause.get(1))) {
        return clause.get(0);
      }
    }
    return null;
  }

  /**
   * "encode the query params, searches with & break": a request, then a clause that states what the
   * code does now (a subject and a behaviour verb, see {@link #hasVerb}); the request is its repair.
   */
  static boolean reportsAfterRequest(PromptText text, Set<String> leadVerbs) {
    List<List<String>> clauses = text.clauseHeads(8);
    if (clauses.size() < 2 || !opensWithVerb(clauses.get(0), leadVerbs)) {
      return false; // "the UserService mixes three concerns, …": no request first
    }
    for (List<String> clause : clauses.subList(1, clauses.size())) {
      String first = clause.get(0);
      boolean request = leadVerbs.contains(first) || REQUEST_OPENERS.contains(first) || QUESTION_OPENERS.contains(first);
      if (!request && !conditional(clause) && hasVerb(clause)) {
        return true;
      }
    }
    return false;
  }

  /** A clause that opens with a request's verb, known or followed by its object ("await the promise"). */
  private static boolean opensWithVerb(List<String> clause, Set<String> leadVerbs) {
    String first = clause.get(0);
    // "clicking the link opens two tabs": a gerund and its object are a subject, not a request;
    // "… and hammers the db": an -s form is the verb of a statement, an order has the base form.
    boolean verbAndObject = clause.size() > 1 && OBJECT_STARTERS.contains(clause.get(1)) && !first.endsWith("ing")
        && !pluralNoun(first)
        && !OPENERS.contains(first);
    return leadVerbs.contains(first) || REQUEST_OPENERS.contains(first) || verbAndObject;
  }

  /**
   * "the form needs a captcha", "the api lacks rate limiting": a subject and a wish for what it
   * should have is a request, not a report. Not "needs to …" ("users need to log in twice"), where
   * the wish is often the symptom.
   */
  private static boolean statesAWish(List<String> clause) {
    for (int i = 1; i + 1 < Math.min(clause.size(), 5); i++) {
      if (WISHES.contains(clause.get(i)) && !clause.get(i + 1).equals("to")) {
        return true;
      }
    }
    return false;
  }

  /** The first words of the first sentence, through parentheses: "parse_date('…') returns …". */
  private static List<String> firstSentence(String norm) {
    Matcher end = SENTENCE_END.matcher(norm);
    Matcher word = WORD.matcher(end.find() ? norm.substring(0, end.start()) : norm);
    List<String> words = new ArrayList<>();
    while (words.size() < SENTENCE_WORDS && word.find()) {
      words.add(word.group());
    }
    return words;
  }

  /** "sort order is reversed", "go vet complains about …": the first word is a noun, a verb follows. */
  private static boolean namesASubject(List<String> clause) {
    if (clause.size() < 2 || QUESTION_OPENERS.contains(clause.get(0)) || ONLY_VERBS.contains(clause.get(0))
        || OBJECT_STARTERS.contains(clause.get(1))
        || QUESTION_OBJECTS.contains(clause.get(1))) {
      return false;
    }
    for (int i = 1; i <= Math.min(2, clause.size() - 1); i++) {
      String word = clause.get(i);
      if (AUXILIARIES.contains(word) || (word.endsWith("s") && behaviour(word) != null)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A behaviour verb after a subject: "feed shows posts from blocked users", "charts render
   * blank" (a plural subject, the base form), "upload hung". Not after "to", "that", a modal or an
   * article, where the verb says what new code should do or the word is a noun.
   */
  private static boolean hasVerb(List<String> clause) {
    for (int i = 1; i < clause.size(); i++) {
      String word = clause.get(i);
      String before = clause.get(i - 1);
      if (RELATIVES.contains(word)) {
        return false; // "a settings page where users change …": what follows describes the thing
      }
      if (NOT_FINITE_BEFORE.contains(before)) {
        continue;
      }
      if (IRREGULAR_PAST.contains(word) || predicate(clause, i)) {
        return true;
      }
      boolean inflectedForm = (word.endsWith("s") && !word.endsWith("ss")) || word.endsWith("ed");
      // "localization falls back to english", "the footer cuts off", "webhooks time out under load":
      // an inflected word, or "time", before a particle is a phrasal verb, whichever verb it is.
      boolean beforeParticle = i + 1 < clause.size() && VERB_PARTICLES.contains(clause.get(i + 1));
      boolean phrasal = beforeParticle && ((inflectedForm && !pluralNoun(before)) || word.equals("time"));
      if ((VERB_ADVERBS.contains(before) && inflectedForm) || phrasal) {
        return true; // "only works on the second click"
      }
      // "pressing back logs me out", "the bot spams the channel": an -s word before its object.
      // "cuts off the last page", "eats up the memory": a particle may stand between them.
      int object = i + 1 < clause.size() && PARTICLES.contains(clause.get(i + 1)) ? i + 2 : i + 1;
      boolean beforeObject = object < clause.size() && OBJECT_STARTERS.contains(clause.get(object));
      if (beforeObject && pluralNoun(word) && !WISHES.contains(word)) {
        return true;
      }
      String base = behaviour(word);
      if (base == null) {
        continue;
      }
      boolean inflected = !base.equals(word);
      if (inflected || pluralNoun(before)) {
        return true;
      }
    }
    return false;
  }

  /**
   * "keyboard focus trapped in the date picker", "export button greyed out for admins", "results
   * empty for accented queries": a subject and a participle or a state with no verb before it (the
   * headline form of "is trapped"), then a place, a particle or the end. Not before a noun ("the
   * dashboard empty state", "custom fields scoped to teams": "to" is no place), nor a word such as
   * "embed" or "speed" that only ends like a participle.
   */
  private static boolean predicate(List<String> clause, int i) {
    String word = clause.get(i);
    boolean participle = word.length() > 5 && word.endsWith("ed") && !word.endsWith("eed") && !word.endsWith("bed")
        && word.indexOf('.') < 0 && word.indexOf('_') < 0;
    if (!participle && !STATE_ADJECTIVES.contains(word)) {
      return false;
    }
    boolean end = i + 1 == clause.size() && clause.size() < SENTENCE_WORDS;
    return end || AFTER_PREDICATE.contains(clause.get(i + 1));
  }

  private static boolean pluralNoun(String word) {
    return word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")
        && !word.endsWith("is") && !word.endsWith("'s");
  }

  /** The behaviour verb {@code word} is a form of, or null: shows, dropped, hanging, copies. */
  private static String behaviour(String word) {
    if (BEHAVIOUR.contains(word)) {
      return word;
    }
    for (String suffix : new String[] {"ing", "es", "ed", "s", "d"}) {
      // "goes": a two-letter stem is long enough before "es".
      int shortest = suffix.equals("es") ? 2 : 3;
      if (word.length() >= suffix.length() + shortest && word.endsWith(suffix)) {
        String stem = word.substring(0, word.length() - suffix.length());
        if (BEHAVIOUR.contains(stem)) {
          return stem;
        }
        if (!suffix.equals("s") && !suffix.equals("d") && BEHAVIOUR.contains(stem + "e")) {
          return stem + "e"; // closing, closed, closes
        }
        int n = stem.length();
        if (n > 2 && stem.charAt(n - 1) == stem.charAt(n - 2) && BEHAVIOUR.contains(stem.substring(0, n - 1))) {
          return stem.substring(0, n - 1); // dropped, skipping
        }
      }
    }
    return null;
  }
}
