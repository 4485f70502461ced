package dev.acr.context;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Classifies a coding prompt into one of the nine CodeRouterBench {@link Dimension}s.
 *
 * <p>A deterministic weighted-feature scorer: every rule in {@link BugRules}, {@link ClassifierRules}
 * and {@link DomainRules} that matches adds its weight to one dimension, the opening verb adds a
 * bonus (terse prompts put their intent first), and a few structural features (a statement that
 * asks for nothing, see {@link Statement}; languages mentioned; unfinished code, see
 * {@link UnfinishedCode}) are added on top. For a terse prompt the rules have read, a small word
 * model ({@link TextModel}, naive Bayes over words, trained offline on our labelled prompts) adds
 * at most 4 points: it settles what the rules leave close, and says so in the evidence. The
 * highest score wins; ties go to the more specific dimension. No network, no mutable state: one
 * instance can be shared and reused freely.
 */
public final class Classifier {

  /** What a request verb opening a later clause counts for, against one opening the prompt. */
  private static final double LATER_CLAUSE = 0.5;

  /** What the body of a long-form prompt's vocabulary counts for, against its title and form. */
  private static final double BODY_WEIGHT = 0.5;

  /** Long text with no statement of work in it is an issue: a head start for bug_fixing. */
  private static final double ISSUE_WEIGHT = 2;

  /** Further, in long-form text, for the vocabularies that name a topic rather than a task. */
  private static final double TOPIC_WEIGHT = 0.5;

  private static final List<List<Rule>> RULE_TABLES =
      List.of(
          BugRules.BUG,
          ChangeRules.ROBUSTNESS,
          ChangeRules.DOCS,
          ChangeRules.TIDYING,
          TitleRules.NAMES,
          TitleRules.CHANGES,
          DeliverableRules.RULES,
          ClassifierRules.TESTS,
          ClassifierRules.UNDERSTANDING,
          ClassifierRules.DOCS,
          ClassifierRules.REFACTORING,
          CompletionRules.COMPLETION,
          DomainRules.ALGORITHMS,
          DomainRules.DATA,
          DomainRules.GENERATION,
          DomainRules.MULTI);

  /** Opening verb (after fillers) → dimension, weight. */
  private static final Map<String, LeadVerbs.Lead> LEAD_VERBS = LeadVerbs.TABLE;

  private static final Set<String> TEST_HEAD_WORDS =
      Set.of("test", "tests", "testing", "specs", "pytest", "jest", "vitest", "junit", "gtest",
          "snapshot", "hypothesis", "proptest", "playwright", "cypress", "benchmark", "benchmarks",
          "coverage", "mock", "unit", "e2e", "integration");

  /** "unit tests pass but …": a test word followed by a state verb is a subject, not a request. */
  private static final Set<String> STATE_VERBS =
      Set.of("pass", "passes", "fail", "fails", "failing", "are", "is", "break", "breaks", "keep",
          "keeps", "time", "times", "hang", "hangs", "started", "crash", "crashes", "was", "were", "red",
          "flaky", "broken", "panic", "panics", "panicked", "errors", "exits", "dies", "segfaults");

  /**
   * What a terse prompt that asks for nothing counts for bug_fixing: a tie-breaker, no more. A
   * request names its verb ("add", "explain", "finish"); what is left is mostly a report.
   */
  private static final double STATEMENT_WEIGHT = 1.5;

  /**
   * The same for a prompt with no mark of a statement either ("login redirects in a loop"): half
   * as much, so that a bare noun phrase naming a thing to build ("caching layer for the product
   * api") stays with what its words say.
   */
  private static final double NO_REQUEST_WEIGHT = 0.5;

  /** The dimensions named by topic words, and how much of them a statement takes back. */
  private static final List<Dimension> TOPICS =
      List.of(Dimension.ALGORITHM, Dimension.DATA_SCIENCE, Dimension.MULTI_LANGUAGE);

  private static final double TOPIC_IN_STATEMENT = 0.5;

  /** Bug evidence besides the statement itself that makes a prompt a report of a problem. */
  private static final double SYMPTOM_FLOOR = 2;

  /** "shown in utc instead of local time": in a statement, what happens against what should. */
  private static final Pattern INSTEAD = Pattern.compile("\\b(?:instead of|rather than)\\b");

  /**
   * "merge_intervals returns overlapping intervals when the input is unsorted", "heap sort gives a
   * descending array, should be ascending": in a statement, the condition under which it happens or
   * what it should do makes it a report of behaviour gone wrong, whatever its topic.
   */
  private static final Pattern TRIGGER =
      Pattern.compile("\\b(?:when|whenever|if|unless|once|should|shouldn'?t|expected)\\b");

  private static final double TRIGGER_WEIGHT = 1;

  /** One rule's or signal's points for a dimension, and the words the evidence shows for it. */
  record Hit(double weight, String label) {}

  /** Null for the shipped model, read when a prompt first needs it (an issue's text never does). */
  private final TextModel model;

  private final double modelWeight;

  /** The rules and the shipped word model. */
  public Classifier() {
    this(null, TextModel.WEIGHT);
  }

  /** The rules with {@code model} weighted {@code modelWeight} (0: the rules alone). */
  Classifier(TextModel model, double modelWeight) {
    this.model = model;
    this.modelWeight = modelWeight;
  }

  /** Classifies {@code prompt}; null, empty or blank prompts get {@link Classification#noSignal()}. */
  public Classification classify(String prompt) {
    if (prompt == null || prompt.isBlank()) {
      return Classification.noSignal();
    }
    PromptText text = PromptText.of(prompt);
    Map<Dimension, List<Hit>> hits = new EnumMap<>(Dimension.class);
    double[] scores = ruleScores(text, hits);
    if (!text.longForm() && modelWeight > 0 && readAndClose(scores, modelWeight * TextModel.FLOOR)) {
      // Issues and task statements are left to the rules: the model was trained on terse prompts.
      // So is a prompt no rule reads ("close the modal on escape" stays the default, not the bug
      // its words suggest). Once a rule has read it, the model's points go to any dimension, one
      // the rules gave nothing included: "export to csv" reads as generation, not data science.
      blend((model == null ? TextModel.shipped() : model).share(text, modelWeight), scores, hits);
    }
    return Verdict.of(scores, hits, text);
  }

  /**
   * Whether a rule read the prompt and the rules' lead is at most {@code most}, the most the model can add to one dimension:
   * a larger lead it cannot overturn, so the model is not read at all (nor shown): a clear prompt costs no model.
   */
  private static boolean readAndClose(double[] scores, double most) {
    double first = Double.NEGATIVE_INFINITY;
    double second = Double.NEGATIVE_INFINITY;
    for (double s : scores) {
      if (s > first) {
        second = first;
        first = s;
      } else if (s > second) {
        second = s;
      }
    }
    return first > 0 && first - second <= most;
  }

  /** Adds the model's share to the scores, and says so in the evidence. */
  private static void blend(double[] share, double[] scores, Map<Dimension, List<Hit>> hits) {
    if (share == null) {
      return;
    }
    for (Dimension d : Dimension.values()) {
      if (share[d.ordinal()] > 0) {
        scores[d.ordinal()] += share[d.ordinal()];
        // Points, not a probability: what the model added to this dimension, as every hit says (none that would read +0.0).
        if (share[d.ordinal()] >= 0.005) {
          add(hits, d, share[d.ordinal()], "word model +" + Math.round(share[d.ordinal()] * 100) / 100.0);
        }
      }
    }
  }

  /** The rules' score per dimension for a non-blank prompt, before any model: what the model is trained beside. */
  static double[] ruleScores(String prompt) {
    return ruleScores(PromptText.of(prompt), new EnumMap<>(Dimension.class));
  }

  /** The rules' score per dimension (indexed by ordinal), each hit recorded in {@code hits}. */
  static double[] ruleScores(PromptText text, Map<Dimension, List<Hit>> hits) {
    if (text.longForm()) {
      // A pasted issue or task statement: its title reads like a terse prompt; its body says
      // what kind of text it is (ClassifierIssues) and mentions much besides, so its other
      // words count for less. Signatures such as a traceback count in full either way.
      boolean task = scoreForm(text, "", hits);
      if (text.title() != null) {
        task |= scoreForm(text.title(), "title: ", hits);
        scoreRules(text.title(), 1, "title: ", hits);
        scoreLead(text.title(), TOPIC_WEIGHT, hits);
      }
      scoreRules(text, BODY_WEIGHT, "", hits);
      PromptLanguages.score(text, BODY_WEIGHT, hits);
      if (!task) {
        // Long text that is no statement of work: an issue (a report, a request) to resolve.
        add(hits, Dimension.BUG_FIXING, ISSUE_WEIGHT, "reads as an issue");
      }
    } else {
      scoreRules(text, 1, "", hits);
      scoreLead(text, 1, hits);
      scoreStatement(text, hits);
      PromptLanguages.score(text, 1, hits);
      scoreTruncatedCode(text, hits);
    }

    double[] scores = new double[Dimension.values().length];
    // Loops rather than lambdas where it costs nothing to read (here and below): the classifier
    // runs at every start, where linking each lambda costs ~0.1 ms on JDK 17. The sum stays a
    // DoubleStream's, whose compensated summation the scores have always had.
    for (Map.Entry<Dimension, List<Hit>> e : hits.entrySet()) {
      scores[e.getKey().ordinal()] = e.getValue().stream().mapToDouble(Hit::weight).sum();
    }
    return scores;
  }

  private static void scoreRules(PromptText text, double weight, String where, Map<Dimension, List<Hit>> hits) {
    for (List<Rule> table : RULE_TABLES) {
      // An issue's words name its topic (a graph library, a data frame) more than the work asked.
      double w = text.longForm() || !where.isEmpty() ? weight * topicWeight(table) : weight;
      for (Rule rule : table) {
        score(rule, text, w, where, hits);
      }
    }
  }

  private static double topicWeight(List<Rule> table) {
    // Generic verbs and artefacts too: "I created a table with a new column" is no request.
    return table == DomainRules.ALGORITHMS || table == DomainRules.DATA || table == TitleRules.NAMES || table == ClassifierRules.DOCS
        || table == ChangeRules.DOCS || table == DomainRules.GENERATION ? TOPIC_WEIGHT : 1;
  }

  /** The long-form rules (issue sections, task statements); true when it is a task statement. */
  private static boolean scoreForm(PromptText text, String where, Map<Dimension, List<Hit>> hits) {
    for (Rule rule : ClassifierIssues.STRUCTURE) {
      score(rule, text, 1, where, hits);
    }
    boolean task = false;
    for (Rule rule : ClassifierIssues.TASK) {
      task |= score(rule, text, 1, where, hits);
    }
    return task;
  }

  /** A rule's hits; case-sensitive signatures (read from the raw text) always count in full. */
  private static boolean score(Rule rule, PromptText text, double weight, String where,
      Map<Dimension, List<Hit>> hits) {
    List<String> matched = rule.match(text);
    if (matched.isEmpty()) {
      return false;
    }
    double w = rule.onRaw() ? 1 : weight;
    add(hits, rule.dimension(), w * rule.score(matched.size()), where + rule.describe(matched));
    return true;
  }

  static void add(Map<Dimension, List<Hit>> hits, Dimension d, double w, String label) {
    List<Hit> list = hits.get(d);
    if (list == null) {
      list = new ArrayList<>();
      hits.put(d, list);
    }
    list.add(new Hit(w, label));
  }

  /** Terse prompts lead with their intent ("fix …", "explain …", "tests for …"). */
  private static void scoreLead(PromptText text, double generationWeight, Map<Dimension, List<Hit>> hits) {
    List<String> head = text.head();
    if (head.isEmpty()) {
      return;
    }
    LeadVerbs.Lead lead = Statement.conditional(head) ? null : LEAD_VERBS.get(head.get(0));
    if (lead != null && !(lead.dimension() == Dimension.CODE_GENERATION && claimed(head.get(0), hits))) {
      // An issue titled "Add X" or "Support Y" asks for a change to a repository, not new code.
      double w = lead.dimension() == Dimension.CODE_GENERATION ? generationWeight : 1;
      add(hits, lead.dimension(), w * lead.weight(), "opens with '" + head.get(0) + "'");
    }
    if (lead == null && !Statement.conditional(head)) {
      // "the names in calc.py are terrible, give them real names": a request in a later clause weighs
      // less; not generation's verbs ("…, write them"), which DomainRules counts wherever they stand.
      String verb = Statement.laterRequest(text, LEAD_VERBS.keySet());
      LeadVerbs.Lead later = verb == null ? null : LEAD_VERBS.get(verb);
      if (later != null && later.dimension() != Dimension.CODE_GENERATION) {
        add(hits, later.dimension(), later.weight() * LATER_CLAUSE, "asks '" + verb + "' after a statement");
      }
    }
    // "tests for X", "jest tests for X", "unit tests for X": the object comes first, no verb.
    boolean bugFirst = lead != null && lead.dimension() == Dimension.BUG_FIXING;
    // The state verb may come after a place: "unit tests in test_auth.py are red".
    List<List<String>> clauses = text.clauseHeads(8);
    List<String> clause = clauses.isEmpty() ? head : clauses.get(0);
    for (int i = 0; i < Math.min(3, head.size()); i++) {
      String word = head.get(i);
      boolean subject = false;
      for (String next : clause.subList(Math.min(i + 1, clause.size()), Math.min(i + 6, clause.size()))) {
        subject |= STATE_VERBS.contains(next);
      }
      for (String next : head.subList(i + 1, Math.min(i + 4, head.size()))) {
        subject |= STATE_VERBS.contains(next);
      }
      // "pytest: fixture 'db' not found": a tool's name before its message, not tests asked for.
      // "the test helpers file has …": after a determiner the word is part of a subject.
      boolean toolMessage = text.norm().startsWith(word + ": ") || Statement.OPENERS.contains(head.get(0));
      if (!bugFirst && !subject && !toolMessage && TEST_HEAD_WORDS.contains(word)) {
        add(hits, Dimension.TEST_GENERATION, 2, "opens with '" + word + "'");
        break;
      }
    }
  }

  /**
   * Whether a construction of one other dimension begins with the opening verb ("make the form work
   * with …"): the verb is part of that phrase, and counting it a second time as a generic request to
   * build was what let generation outvote it. When two dimensions read the phrase ("make the page
   * consistent with the new design": a quality it lacks, a refactoring), neither claims it.
   */
  private static boolean claimed(String verb, Map<Dimension, List<Hit>> hits) {
    String quoted = "'" + verb + " ";
    int claimants = 0;
    for (Map.Entry<Dimension, List<Hit>> e : hits.entrySet()) {
      boolean claims = false;
      for (Hit h : e.getValue()) {
        claims |= h.weight() > 0 && h.label().contains(quoted);
      }
      claimants += claims && e.getKey() != Dimension.CODE_GENERATION ? 1 : 0;
    }
    return claimants == 1;
  }

  /**
   * "the remember me checkbox is ignored", "can't log in anymore": a terse statement about the
   * code that asks for nothing (no clause opens with a request, no question) reports a problem,
   * and one that says what happens "instead of" what should is a bug report.
   */
  private static void scoreStatement(PromptText text, Map<Dimension, List<Hit>> hits) {
    Statement.Mood mood = Statement.read(text, LEAD_VERBS.keySet(), TEST_HEAD_WORDS);
    // Not after "explain …", and only where no symptom word has read the report already (twice).
    LeadVerbs.Lead lead = text.head().isEmpty() ? null : LEAD_VERBS.get(text.head().get(0));
    boolean explains = lead != null && lead.dimension() == Dimension.CODE_UNDERSTANDING;
    if (mood == Statement.Mood.ASKS && !explains && sum(hits.get(Dimension.BUG_FIXING)) < SYMPTOM_FLOOR
        && Statement.reportsAfterRequest(text, LEAD_VERBS.keySet())) {
      add(hits, Dimension.BUG_FIXING, STATEMENT_WEIGHT, "a request, then what happens now");
    }
    if (mood == Statement.Mood.ASKS || (mood == Statement.Mood.NEITHER && hits.isEmpty())) {
      return; // words we know nothing of stay "no signal": the prior breaks ties, it decides nothing alone
    }
    boolean statement = mood == Statement.Mood.STATES;
    double symptoms = sum(hits.get(Dimension.BUG_FIXING));
    boolean trigger = statement && TRIGGER.matcher(text.norm()).find();
    if (statement && symptoms < SYMPTOM_FLOOR && sum(hits.get(Dimension.CODE_COMPLETION)) > symptoms) {
      return; // "the close and error handlers are still empty": it reports code not yet written, no bug
    }
    add(hits, Dimension.BUG_FIXING, statement ? STATEMENT_WEIGHT : NO_REQUEST_WEIGHT,
        statement ? "a statement that asks for nothing" : "asks for nothing");
    double generation = sum(hits.get(Dimension.CODE_GENERATION));
    if (statement && generation > 0) {
      // "the cli ignores --verbose", "search endpoint takes 8 seconds": the artefacts a statement
      // names are its subject, code that exists; nothing in it asks for one to be built.
      add(hits, Dimension.CODE_GENERATION, -generation, "a statement: what it names exists");
    }
    if (trigger) {
      add(hits, Dimension.BUG_FIXING, TRIGGER_WEIGHT, "says when it happens or what it should do");
    }
    if ((statement && (trigger || symptoms > 0)) || symptoms >= SYMPTOM_FLOOR) {
      // "dijkstra gives wrong distances", "training loss goes to nan": an algorithm, a model or a
      // binding named beside a symptom, in a prompt that asks for nothing, is where the problem is,
      // not what to build; half of it counts. Without one ("k closest points to the origin") it is the task.
      for (Dimension topic : TOPICS) {
        double t = sum(hits.get(topic));
        if (t > 0) {
          add(hits, topic, -t * TOPIC_IN_STATEMENT, "a statement: the topic exists");
        }
      }
    }
    if (statement && INSTEAD.matcher(text.norm()).find()) {
      add(hits, Dimension.BUG_FIXING, STATEMENT_WEIGHT, "says what happens instead");
    }
  }

  private static double sum(List<Hit> list) {
    double total = 0;
    for (Hit h : list == null ? List.<Hit>of() : list) {
      total += h.weight();
    }
    return total;
  }

  /** Pasted code that stops mid-block, or whose body is a placeholder: an implicit "continue this". */
  private static void scoreTruncatedCode(PromptText text, Map<Dimension, List<Hit>> hits) {
    String cue = UnfinishedCode.cue(text.raw());
    if (cue != null) {
      add(hits, Dimension.CODE_COMPLETION, 4, cue);
    }
  }
}
