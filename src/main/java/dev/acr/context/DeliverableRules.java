package dev.acr.context;

import static dev.acr.context.Dimension.BUG_FIXING;
import static dev.acr.context.Dimension.CODE_COMPLETION;
import static dev.acr.context.Dimension.CODE_REFACTORING;
import static dev.acr.context.Dimension.CODE_UNDERSTANDING;
import static dev.acr.context.Dimension.DATA_SCIENCE;
import static dev.acr.context.Dimension.MULTI_LANGUAGE;
import static dev.acr.context.Dimension.TEST_GENERATION;
import static dev.acr.context.Rule.raw;
import static dev.acr.context.Rule.regex;

import java.util.List;

/**
 * What the work delivers, read from the object of its verb rather than from the vocabulary around
 * it: a request's words often name the product's own features ("add a flag for the placeholder
 * expression", "allow completions of an incomplete term", "colored output on Jupyter") or the
 * artefact a verb acts on ("add a comment why …", "finish coverage of …"), and counted as topics
 * they outvote the request. Found on a third probe of commit subjects and pull-request titles
 * (bench/fresh-probe, tune half). Same weight scale as {@link ClassifierRules}.
 */
final class DeliverableRules {

  private DeliverableRules() {}

  /** A head noun that ends its phrase: the end, punctuation or a preposition follows (not "to": "a link to the footer"). */
  private static final String ENDS_PHRASE = "(?=\\s*$|[,.;:)]| (?:for|on|about|of|in|why|how|that|explaining|describing)\\b)";

  /**
   * "add a comment why …", "add a reference link for X", "put in comments": prose is the deliverable.
   * Comments and notes only with what they explain: "add comments on posts" is a feature.
   */
  private static final String ADDS_PROSE =
      "^(?:please )?(?:add|write|put in|put|include|insert)\\b(?: \\S+){0,3}? (?:(?:(?:reference|wiki|doc|docs|documentation)"
          + " links?|(?:doc|docs|documentation|faq|readme) sections?)" + ENDS_PHRASE + "|comments?(?=\\s*$|[,.;:)]| (?:about|why"
          + "|explaining|describing|on why|that explains?|to explain)\\b)|notes?(?=\\s*$|[,.;:)]| (?:about|on|why|explaining"
          + "|regarding)\\b))";

  /** "add API examples for Plot methods": weaker, as examples of a library's data work are that work too. */
  private static final String ADDS_EXAMPLES =
      "^(?:please )?(?:add|write|include)\\b(?: \\S+){0,3}? (?:usage |api |code )?examples?" + ENDS_PHRASE;

  /** "make it easier to add new bindings", "easier to test": a quality of code that exists. */
  private static final String EASIER =
      // Not "make the docs easier to read": there the documentation is what is rewritten.
      "^(?!.*\\b(?:docs?|documentation|readme|tutorials?|guides?|comments?|docstrings?)\\b).*?"
          + "\\b(?:make (?:it|\\S+(?: \\S+){0,2}?) )?easier to (?:read|maintain|extend|add|test|reuse|understand|change|follow"
          + "|navigate|modify|reason about|work with)\\b";

  static final List<Rule> RULES =
      List.of(
          // Words of unfinished code naming a feature or data: "the {q} placeholder expression",
          // "incomplete bson input", "an incomplete term". Not "placeholder functions", "is incomplete".
          regex(CODE_COMPLETION, -3, "\\bplaceholders? (?:expressions?|syntax|text|strings?|char(?:acter)?s?|tokens?"
              + "|attributes?|images?|substitutions?|variables?|patterns?|keys?|flags?|support|options?)\\b"
              + "|[}\\])'\"`] placeholders?\\b|\\b(?:internal|template|format|url|query|input|search|text) placeholders?\\b",
              "a placeholder the product has '%s'").when("placeholder"),
          regex(CODE_COMPLETION, -3, "\\bincomplete (?:terms?|inputs?|data|json|bson|xml|yaml|utf-?8|sequences?|multibyte"
              + "|flags?|options?|arguments?|args|types?|words?|lines?|requests?|responses?|reads?|writes?|frames?|packets?"
              + "|chunks?|messages?|headers?|uploads?|downloads?|multipart|matches|results|records|rows|entries|strings"
              + "|urls?|paths?|commands?|switch(?:es)?|escapes?|escape sequences?|unicode|char(?:acter)?s?|bytes?|buffers?"
              + "|streams?|payloads?|forms?|submissions?)\\b", "incomplete data, not unfinished code '%s'").when("incomplete"),
          regex(CODE_UNDERSTANDING, 3.5, ADDS_PROSE, "asks for prose '%s'").when("link", "comment", "note", "section"),
          regex(CODE_UNDERSTANDING, 2.5, ADDS_EXAMPLES, "asks for examples '%s'").when("example"),
          // "finish coverage of FooTest": the unfinished part is tests.
          regex(TEST_GENERATION, 3.5, "\\b(?:flesh out|finish|complete|fill in)\\b(?: \\S+){0,3}? (?:test )?coverage\\b",
              "the unfinished part is tests '%s'").when("coverage"),
          regex(CODE_COMPLETION, -3.5, "\\b(?:flesh out|finish|complete|fill in)\\b(?: \\S+){0,3}? (?:test )?coverage\\b",
              "the unfinished part is tests").when("coverage"),
          // "fix the hangup … and improved test coverage": tests beside the work, not the work.
          regex(TEST_GENERATION, -3, "\\b(?:and|also|plus|with) (?:improv\\w*|increas\\w*|add\\w*|more|extra|better)"
              + " (?:\\S+ )?(?:test )?coverage\\b", "coverage as an afterthought").when("coverage"),
          // "make Fibonacci.js comply with standard JS rules", "write the tree more object oriented".
          regex(CODE_REFACTORING, 3.5, "\\b(?:make (?:\\S+ ){1,3}?)?(?:comply|conform|adhere)(?:s|ing)? (?:with|to)\\b(?: \\S+){0,3}? (?:style|rules"
              + "|conventions?|standards?|guidelines|idioms|lint\\w*|pep ?8|best practices)\\b",
              "follows a standard '%s'").when("comply", "conform", "adher"),
          regex(CODE_REFACTORING, 3, "\\b(?:write|rewrite|restructure|make|redo|design)\\b(?: \\S+){0,3}? (?:more|less)"
              + " (?:object[- ]oriented|functional|modular|readable|maintainable|generic|concise|declarative|testable"
              + "|reusable|pythonic|idiomatic|oop?|type[- ]safe)\\b", "a quality of existing code '%s'").when("more", "less"),
          regex(CODE_REFACTORING, 3.5, EASIER, "easier to work on '%s'").when("easier"),
          // "change to selection_point syntax", "switch to the new builder syntax": newer syntax, same behaviour.
          regex(CODE_REFACTORING, 3, "\\b(?:change|switch|move|migrate|update|convert)\\w* (?:\\S+ ){0,3}?to (?:the )?(?:\\S+ ){0,4}?syntax\\b",
              "moves to another syntax '%s'").when("syntax"),
          // "use classes where appropriate", "avoiding direct java.lang usage": the same code, written better.
          regex(CODE_REFACTORING, 3, "^(?:please )?(?:use|adopt|prefer)\\b(?: \\S+){1,4}? (?:where(?:ver)? (?:appropriate"
              + "|possible|applicable|sensible)|throughout|everywhere|consistently)\\b"
              + "|\\b(?:avoid(?:ing)?|reduc(?:e|ing)|eliminat(?:e|ing)|minimi[sz](?:e|ing))\\b(?: \\S+){0,3}? usages?\\b"
              + "|\\b(?:direct|explicit|unnecessary|redundant|needless) (?:\\S+ ){0,2}?usages?\\b",
              "better use of the language '%s'").when("use", "adopt", "prefer", "usage"),
          // "forward declarations to make new compilers happy", "work around the Graal issue".
          regex(BUG_FIXING, 3, "\\bmake (?:\\S+ ){0,3}?(?:compilers?|gcc|clang|msvc|mypy|pyright|tsc|linters?|type ?checkers?"
              + "|valgrind|asan|ubsan|sanitizers?|ci|clippy|eslint|flake8|pylint|rubocop|vet)\\b(?: \\S+){0,2}? happy\\b",
              "satisfies a checker '%s'").when("happy"),
          regex(BUG_FIXING, 3, "^(?:please )?(?:add (?:an? )?)?work ?around\\b|^workaround (?:for|to)\\b|\\bwork(?:s|ed|ing)?"
              + " around (?:an? |the )?(?:\\S+ ){0,3}?(?:issues?|bugs?|problems?|crash\\w*|limitations?|quirks?|regressions?)\\b",
              "works around a problem '%s'").when("work"),
          // "using correct typing for X", "pass the right encoding": what the code uses now is wrong.
          regex(BUG_FIXING, 2.5, "\\b(?:use|using|set|setting|pass|passing|return|returning|pick|choose|select|emit|send"
              + "|apply)s? (?:the )?(?:correct|right) \\w+", "the right thing instead '%s'").when("correct", "right"),
          // "…. Fixes #1747": the change closes a bug report.
          raw(BUG_FIXING, 2.5, "(?i)(?:^|[\\s.(])(?:fix(?:es|ed)?|resolves?|resolved) #\\d+\\b", "fixes an issue '%s'")
              .when("#"),
          // "colored output on Jupyter notebooks": the notebook is where the feature runs, not data work.
          regex(DATA_SCIENCE, -2.5, "\\b(?:on|in|for|under|inside|within|with) (?:the |a )?(?:jupyter|ipython|jupyterlab"
              + "|colab)(?: notebooks?| lab)?\\b", "a notebook as the environment").when("jupyter", "ipython", "colab"),
          // "set up bindings for the emacs and vi keymaps": key bindings, not a language crossing.
          regex(MULTI_LANGUAGE, -3, "\\bkey ?bindings?\\b|\\bbindings?\\b(?: \\S+){0,5}? (?:keymaps?|keys|shortcuts?"
              + "|hotkeys?)\\b|\\b(?:keymaps?|keyboard|shortcuts?|hotkeys?)\\b(?: \\S+){0,4}? bindings?\\b",
              "key bindings").when("binding"));
}
