package dev.acr.context;

import static dev.acr.context.Dimension.ALGORITHM;
import static dev.acr.context.Dimension.BUG_FIXING;
import static dev.acr.context.Dimension.CODE_REFACTORING;
import static dev.acr.context.Dimension.CODE_UNDERSTANDING;
import static dev.acr.context.Dimension.TEST_GENERATION;
import static dev.acr.context.Rule.raw;
import static dev.acr.context.Rule.regex;
import static dev.acr.context.Rule.terms;

import java.util.List;

/**
 * Requests worded as the change itself, the way developers name their commits and pull requests
 * ("avoid X when Y", "correct the deprecation message", "add install instructions", "prefer X to
 * Y"). Found by scoring real commit subjects of public repositories (bench/real-prompts): phrasing
 * the hand-written prompt sets had little of. Same weight scale as {@link ClassifierRules}.
 */
final class ChangeRules {

  private ChangeRules() {}

  /** "ensure the public api is documented", "make sure X gets tested": what is asked is the docs or the tests. */
  private static final String ENSURE_STATE =
      "^(?:please )?(?:ensure|make sure|check)\\b(?: \\S+){0,6}? (?:is|are|gets?|get|be) (?:fully |properly |well |all )?";

  /** After "covered": not by something other than tests ("covered by rate limiting" asks for no tests). */
  static final String NOT_BY_OTHER_THAN_TESTS = "(?! by (?!(?:\\w+ )?tests?\\b))";

  /** What should stop happening, or keep working, in code that exists. */
  static final List<Rule> ROBUSTNESS =
      List.of(
          // "make sure proxies have their scheme attached": what should hold and does not.
          regex(BUG_FIXING, 2, "^(?:please )?make sure\\b", "asks that something hold '%s'").when("make sure"),
          // "use int() to gracefully deal with float input"; not "add graceful shutdown" (a feature).
          regex(BUG_FIXING, 2.5, "\\bgracefully (?:handle|deal|fail|degrade|recover|reject|ignore|skip)\\w*"
              + "|\\b(?:handle|deal with|fail|recover)\\b(?: \\S+){0,4}? gracefully\\b", "asks for robustness '%s'")
              .when("graceful"),
          // "change to remove warning", "remove errors when …"; not "remove error handling boilerplate".
          regex(BUG_FIXING, 2.5, "\\b(?:remove|silence|suppress|get rid of|eliminate|resolve|address)\\b(?: \\S+){0,4}?"
              + " (?:errors?|warnings?|issues?|problems?|conflicts?)\\b(?! (?:handling|handler|messages?|codes?|types?"
              + "|classes|pages?|tracker|templates?|boundar))", "asks a problem away '%s'")
              .when("error", "warning", "issue", "problem", "conflict"),
          // "avoid kde when variance is almost 0": something the code does in a case where it should not.
          regex(BUG_FIXING, 2.5, "^(?:please )?(?:avoid|don't|do not|never|stop)\\b(?! forget\\b)(?: \\S+){1,6}? (?:when|if|after|during|while"
              + "|unless|on|for)\\b", "not in a case '%s'").when("avoid", "don't", "do not", "never", "stop"),
          regex(CODE_UNDERSTANDING, 3, ENSURE_STATE + "documented\\b", "asks for documentation '%s'").when("documented"),
          regex(TEST_GENERATION, 3, ENSURE_STATE + "(?:tested|covered)\\b" + NOT_BY_OTHER_THAN_TESTS, "asks for tests '%s'")
              .when("tested", "covered"),
          // "ensure snapshot logs don't affect the graph": what must not happen, and does.
          regex(BUG_FIXING, 2.5, "^(?:please )?ensure\\b(?: \\S+){0,6}? (?:doesn't|don't|does not|do not|never|isn't|aren't|can't"
              + "|cannot|won't|no longer)\\b", "asks that something not happen '%s'").when("ensure"),
          // "make UnixToDateSmart deterministic", "make the counts accurate": a quality it lacks now.
          regex(BUG_FIXING, 2.5, "^(?:please )?make\\b(?: \\S+){1,4}? (?:[\\w-]+-)?(?:deterministic|accurate|consistent|reliable"
              + "|reproducible|idempotent|thread-safe|race-free)\\b", "asks for a quality it lacks '%s'").when("make "),
          // "replace undefined with void 0 to avoid an edge case": the purpose is a fix.
          regex(BUG_FIXING, 2.5, "\\bto (?:avoid|prevent|fix|stop|mitigate|work around)\\b(?: \\S+){0,3}? (?:edge[- ]cases?|crash\\w*"
              + "|errors?|bugs?|races?|race conditions?|leaks?|deadlocks?|panics?|warnings?|regressions?|exceptions?)\\b",
              "a change made to fix '%s'").when("to avoid", "to prevent", "to fix", "to stop", "to mitigate", "to work around"),
          // "respect the --quiet flag", "honour NO_COLOR": a setting that exists and is ignored.
          regex(BUG_FIXING, 2, "^(?:please )?(?:respect|honou?r|obey)s?\\b", "asks that a setting be honoured '%s'")
              .when("respect", "honor", "honour", "obey"),
          terms(BUG_FIXING, 2, "'%s'", "mitigat*", "regression", "edge-case", "missing import", "missing imports"),
          regex(BUG_FIXING, 2, "\\bhandle\\b(?: \\S+){0,6}? (?:edge|corner)[- ]cases?\\b", "an edge case to handle")
              .when("case"),
          // A fix named by the repair, as commits name it: "unregister listeners on unmount", "release the
          // lock on error paths", "cancel the timer when the component unmounts". Resources let go at a
          // moment of their life: what the code forgot. Not "clear the form after submit" alone: the
          // moment must be an end (an exit, an error, a teardown).
          regex(BUG_FIXING, 2.5, "^(?:please )?(?:release|free|close|unregister|unsubscribe|dispose|cancel|clear|flush|reset"
              + "|restore|detach|destroy|unlock|unlisten|remove)\\b(?: \\S+){1,4}? (?:on|when|after|before|in|during|at|if|once"
              + "|upon)\\b(?: \\S+){0,2}? (?:unmount\\w*|exit\\w*|errors?|error paths?|failures?|success|shutdown|teardown|disconnect\\w*"
              + "|cancel\\w*|timeouts?|abort\\w*|logout|close|completion|panics?|returns?)\\b", "lets a resource go '%s'")
              .when("unmount", "exit", "error", "fail", "success", "shutdown", "teardown", "disconnect", "cancel", "timeout",
                  "abort", "logout", "close", "completion", "panic", "return"),
          // "initialize the mutex before use", "check for nil before dereferencing": a step the code
          // skips before it acts. Not a prompt before an action ("ask for confirmation before deleting"),
          // nor a step of a data pipeline ("normalize the features before fitting").
          regex(BUG_FIXING, 2.5, "^(?:please )?(?:initiali[sz]e|init|check|normali[sz]e|decode|encode|validate|sanitize"
              + "|sanitise|escape|trim|strip|lock|await|sync|sort|dedupe|flush|reset|clear|close)\\b(?: \\S+){1,5}? before"
              + " (?:use|using|(?!(?:fitting|training|plotting|clustering|modell?ing|splitting|scaling|predicting|evaluating)\\b)\\w+ing)\\b",
              "a step skipped before acting '%s'").when("before"),
          // "check for nil in X": the missing check is the fix.
          regex(BUG_FIXING, 2.5, "^(?:please )?check (?:for|if|whether|that) (?:\\S+ ){0,2}?(?:nil|null|none|undefined|empty"
              + "|zero|negative|nan)\\b", "a missing check '%s'").when("check"),
          // "return an empty list instead of None": what the code outputs now is wrong; not "use X
          // instead of Y", a refactoring.
          regex(BUG_FIXING, 3, "^(?:please )?(?:return|raise|throw|emit|send|show|display|print|log|exit|respond)s?\\b"
              + "(?: \\S+){1,5}? (?:instead of|rather than)\\b", "outputs something else instead '%s'")
              .when("instead", "rather"),
          // "sort keys deterministically", "round half up in currency formatting": the result is wrong now.
          terms(BUG_FIXING, 2, "'%s'", "deterministically", "round half up", "round half even", "half-up",
              "half-even"),
          // "correctly handle ipv6 addresses", "parse the flags properly"; not "a parser that correctly
          // handles quotes", where the adverb describes the code to build.
          regex(BUG_FIXING, 1.5, "(?<!that |which |to |will |should |must )\\b(?:properly|correctly)\\b",
              "asks for correct behaviour '%s'").when("properly", "correctly"));

  /** Documentation named by its kind: instructions, a tutorial, a guide entry, a note. */
  static final List<Rule> DOCS =
      List.of(
          terms(CODE_UNDERSTANDING, 3, "documentation '%s'", "tutorial", "tutorials", "faq", "instructions",
              "api reference", "user guide", "migration guide", "guide entry", "the guide", "release notes",
              "changelog entry", "help text"),
          // "update the doc for Fedora"; not "two users edit the same doc" (a user's document).
          regex(CODE_UNDERSTANDING, 3, "\\bdoc (?:for|about|on)\\b|^(?:update|improve|expand|extend|rewrite|revise)\\b"
              + "(?: \\S+){0,2}? doc\\b", "documentation '%s'").when("doc"),
          regex(CODE_UNDERSTANDING, 3, "\\b(?:outdated|stale|misleading|obsolete) (?:comments?|docs|docstrings?|documentation"
              + "|readme)\\b", "out-of-date documentation '%s'").when("outdated", "stale", "misleading", "obsolete"),
          regex(CODE_UNDERSTANDING, 2.5, "\\b(?:a |some |short |small )?notes? (?:about|on)\\b|\\bcomments? (?:about|explaining"
              + "|on why|describing|that explains?|to explain)\\b", "asks for a note '%s'").when("note", "comment"),
          // "consolidate the error handling docs", "minor edits to the tutorial": the docs are what changes.
          regex(CODE_UNDERSTANDING, 4, "\\b(?:clean(?:s|ed)? up|cleanup|tidy(?: up)?|consolidate|reorgani[sz]e|restructure|edits?|tweaks?"
              + "|simplify|rework|proofread|polish|slim)\\b(?: \\S+){0,4}? (?:docs|documentation|tutorial|guide|readme"
              + "|docstrings?|faq|instructions|intro|introduction)\\b", "edits documentation '%s'")
              .when("doc", "tutorial", "guide", "readme", "faq", "instructions", "intro"));

  /** "port IntoPyDict to the Bound API": a newer API of the same language, not a language. */
  private static final String PORT_TO_API =
      "\\b(?:port|migrate)\\b(?: \\S+){1,4}? to (?:the )?(?:new |newer )?\\S+ apis?\\b";

  /** "simplify the tests for X": existing tests are what is restructured, not what is asked for. */
  private static final String TIDY_TESTS =
      "^(?:simplify|refactor|clean up|cleanup|tidy(?: up)?|restructure|reorgani[sz]e|consolidate|dedupe|streamline)\\b"
          + "(?: \\S+){0,3}? (?:tests?|specs?|test suite|test cases|fixtures)\\b";

  /** Tests and tidying named the way changes are: doctests, coverage, "prefer X to Y", "a -> b". */
  static final List<Rule> TIDYING =
      List.of(
          terms(TEST_GENERATION, 3, "mentions %s", "doctest*"),
          regex(CODE_REFACTORING, 3, TIDY_TESTS, "restructures tests '%s'").when("test", "spec", "fixture"),
          regex(TEST_GENERATION, -2, TIDY_TESTS, "the tests exist").when("test", "spec", "fixture"),
          regex(TEST_GENERATION, 2, "\\b(?:add|write|more|need)\\b(?: \\S+){0,2}? testing (?:for|of)\\b", "asks for testing '%s'")
              .when("testing"),
          // "create cocktail_shaker_sort", "a rabin-miller primality test": algorithms by their names.
          regex(ALGORITHM, 2.5, "\\b[a-z]+(?:_[a-z]+)*_sort\\b|\\bprim(?:e|ality) test\\b|\\bred[- ]black tree\\b",
              "names an algorithm '%s'").when("_sort", "prim", "black"),
          terms(CODE_REFACTORING, 2, "'%s'", "less indentation", "less nesting", "indentation level*"),
          // "make setCommitMergedStatuses a non-member function", "make the helper private".
          regex(CODE_REFACTORING, 3.5, "^make \\S+ (?:an? )?(?:non-member|free|static|private|internal|standalone|module-level)"
              + "(?: function| method| helper|$)", "changes a function's kind '%s'").when("make "),
          regex(TEST_GENERATION, 3, "\\b(?:increase|improve|raise|boost|extend|more)\\b(?: \\S+){0,4}? coverage\\b",
              "asks for coverage '%s'").when("coverage"),
          terms(ALGORITHM, 3, "'%s'", "project euler", "advent of code", "codewars", "rosalind"),
          terms(CODE_REFACTORING, 2, "'%s'", "implementation detail*"),
          regex(CODE_REFACTORING, 2.5, "\\bprefer\\b(?: \\S+){1,4}? (?:over|to|instead of)\\b|\\b(?:whenever|wherever) possible\\b"
              + "|\\bcondens\\w*", "'%s'").when("prefer", "possible", "condens"),
          // "buildUrl -> buildURL", "xrange --> six.moves.range": one name for another.
          raw(CODE_REFACTORING, 2.5, "\\b(?:\\w*[._]\\w[\\w.]*|\\w*[a-z][A-Z]\\w*) ?-{1,2}> ?\\w"
              + "|\\w ?-{1,2}> ?(?:\\w*[._]\\w[\\w.]*|\\w*[a-z][A-Z]\\w*)\\b", "one name for another '%s'").when(">"),
          regex(CODE_REFACTORING, 3, PORT_TO_API, "moves to another API '%s'").when("api"),
          regex(Dimension.MULTI_LANGUAGE, -3, PORT_TO_API, "the target is an API, not a language").when("api"));

}
