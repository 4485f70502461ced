package dev.acr.context;

import static dev.acr.context.Dimension.ALGORITHM;
import static dev.acr.context.Dimension.BUG_FIXING;
import static dev.acr.context.Dimension.CODE_COMPLETION;
import static dev.acr.context.Dimension.CODE_REFACTORING;
import static dev.acr.context.Dimension.CODE_UNDERSTANDING;
import static dev.acr.context.Dimension.DATA_SCIENCE;
import static dev.acr.context.Dimension.MULTI_LANGUAGE;
import static dev.acr.context.Rule.raw;
import static dev.acr.context.Rule.regex;
import static dev.acr.context.Rule.terms;

import java.util.List;

/**
 * Work named the way titles name it: an algorithm by a proper name ("add Dutch National Flag
 * Sort", "Simpson's Rule"), a fix by a noun phrase ("bar width fix"), a request by what must stop
 * ("don't pass X as Y") or by a version to move to ("port to JUnit 5"). Found by scoring a second
 * set of real titles (bench/terse-probe, tune half): phrasing with no verb or vocabulary the other
 * rules know. Same weight scale as {@link ClassifierRules}.
 */
final class TitleRules {

  private TitleRules() {}

  /**
   * Head nouns that make a capitalised name a routine: "Bell Numbers", "Sieve of Atkin". Not
   * "problem", "vote", "shuffle" or "sketch": as often a feature or a complaint ("Add Comment
   * Vote", "Windows Installation Problem"); a classic problem has its own rule in DomainRules.
   */
  private static final String ROUTINE_HEADS = "(?i:sort|sieve|numbers|sequence|theorem|conjecture|transform"
      + "|cipher|triangle|puzzle|exponentiation|exponential|factori[sz]ation|distance|algorithm|multiplication"
      + "|traversal|elimination|decomposition)";

  /** The head nouns as literals, either case: the regex runs only when one occurs (start-up cost). */
  private static final String[] HEAD_GATES = {"ort", "ieve", "umbers", "equence", "heorem", "onjecture",
      "ransform", "ipher", "riangle", "uzzle", "xponent", "actori", "istance", "lgorithm", "ultiplication",
      "raversal", "limination", "ecomposition"};

  /** A regression model by its kind. */
  private static final String MODEL_REGRESSION =
      "\\b(?:linear|logistic|polynomial|ridge|lasso|elastic[- ]net|bayesian|multiple|multivariate|softmax|quantile"
          + "|kernel|isotonic|poisson|ordinal|least[- ]squares) regression\\b|\\bregression (?:trees?|models?"
          + "|coefficients?|lines?|analysis)\\b";

  /** What an algorithm is named by (a topic, so it counts for less in a pasted issue). */
  static final List<Rule> NAMES =
      List.of(
          // A proper name and a routine: "Simpson's Rule", "Newton's method", "Bayes' theorem".
          raw(ALGORITHM, 3, "\\b[A-Z][a-z]{2,}(?:'s|s') (?i:rule|method|algorithm|formula|theorem|law|totient|sieve"
              + "|identity|lemma|conjecture|triangle|sequence|series|criterion|iteration|transform|curve|constant"
              + "|numbers?|inequality|approximation)\\b", "an eponymous routine '%s'").when("'"),
          // Capitalised words (and at most one more) before a routine's head noun, not at the very start (there the first
          // word is the verb: "Add Filter" is a feature), and ending the title or its clause. UI
          // counters ("Line Numbers", "Page Numbers") are names of features, not of routines.
          raw(ALGORITHM, 3, "(?<=\\S )(?:[A-Z][\\w-]*(?:'s)? ){1,4}(?<!(?:Line|Page|Row|Column|Version|Port|Phone|Serial"
              + "|Build|Issue|Step) )(?:[a-z]+ )?" + ROUTINE_HEADS + "(?=\\s*$|\\s*[.,:;(]| (?i:for|in|on|with|using|problem"
              + "|algorithm|implementation)\\b)", "a routine by its name '%s'").when(HEAD_GATES),
          // Routines of arithmetic, number theory, numerical methods and neural-net maths.
          terms(ALGORITHM, 2.5, "routine '%s'", "factorial", "factorials", "exponentiation", "modular exponent*",
              "modular arithmetic", "modular inverse", "modular multiplicative", "prime number", "prime numbers",
              "primes", "primality", "prime factor*", "coprime", "totient", "lcm", "binomial coefficient*", "combinatori*",
              "catalan", "collatz", "pascal's triangle", "determinant", "matrix multiplication", "dot product",
              "cross product", "numerical integration", "trapezoid*", "newton-raphson", "bisection method",
              "secant method", "root finding", "square root", "cube root", "nth root", "softmax", "relu",
              "leaky_relu", "sigmoid", "activation function*", "loss function*", "gradient descent",
              "cross entropy", "cross-entropy", "log likelihood", "log-likelihood", "bitwise", "bit manipulation",
              "hamming distance", "hamming code", "huffman", "run-length encoding", "caesar", "vigenere",
              "rot13", "cipher", "ciphers", "insertion sort", "selection sort", "bubble sort", "shell sort",
              "bucket sort", "cocktail sort", "gnome sort", "pancake sort", "timsort", "fft", "fourier",
              "gaussian elimination", "lu decomposition", "eigenvalue*", "magic square", "fisher-yates", "boyer-moore",
              "a* search", "a* pathfinding", "string search", "string matching", "aho-corasick",
              "knuth shuffle"),
          // "polynomial ridge regression", "regression tree": a model, not a bug that came back.
          regex(BUG_FIXING, -2, MODEL_REGRESSION, "a regression model, not a regression").when("regression"),
          regex(DATA_SCIENCE, 2.5, MODEL_REGRESSION, "a regression model '%s'").when("regression"),
          terms(DATA_SCIENCE, 2.5, "'%s'", "scatter plots", "scatterplots"),
          // The parts of a plot ("chart" and "plot" themselves are DomainRules' words).
          terms(DATA_SCIENCE, 1.5, "plot part '%s'", "axis label*", "axes label*", "axes", "x-axis", "y-axis",
              "colorbar"));

  /**
   * A version to move to: "port to JUnit 5", "migrate to v2", "upgrade to Rust 1.60". The target
   * is named (not "update the retry limit to 5"), and no language is named before "to" ("convert
   * this perl script to python 3" is a port to another language, {@link DomainRules#MULTI}).
   */
  private static final String TO_VERSION =
      // Not "after upgrading to react 18 the modal …": a past change, the moment a bug began.
      "(?<!(?:after|since|when|before|while) )\\b(?:port|migrat|upgrad|mov|switch|updat|convert)\\w*\\b"
          + "(?: (?!" + DomainRules.LANG + ")\\S+){0,3}? to"
          + " (?:[a-z][\\w.+-]* v?\\d+(?:\\.\\d+)*|v\\d+(?:\\.\\d+)*)\\b";

  private static final String REMOVES_PLACEHOLDER =
      "\\b(?:remove|delete|drop|strip|prune)\\b(?: \\S+){0,3}? (?:stubs?|placeholders?|skeletons?|todos?|fixmes?)\\b"
          // Not "remove the TODO stubs and implement them": the code is still to be written.
          + "(?!.*\\b(?:implement|write|fill in|finish|complete)\\b)";

  /** Not "finish the readme generator", "docstring-only functions": there the words name code. */
  private static final String COMPLETES_DOCS =
      "\\b(?:flesh out|finish|complete|fill in|expand|extend)\\b(?: [^\\s:;]+){0,7}? (?:docs|documentation|readme"
          + "|docstrings?|comments|(?:setup|install(?:ation)?|usage|build|run|contributing|user|style|developer) (?:instructions|guides?)"
          + "|tutorials? (?:docs|pages?|section)|faq|(?:tutorials?|discussions?|chapters?|explanations?|write-?ups?|guides?"
          + "|(?:guide|tutorial|docs?|readme|faq|manual) sections?)"
          + "(?=\\s*$|[,.;:]| (?:for|on|about|of|in)\\b))\\b(?!-| (?:generators?|parsers?|renderers?|builders?|linters?|tools?|scripts?|plugins?|sites?|servers?|pages?|templates?|functions|methods|classes|stubs)\\b)";

  /** Data that came out twice ("duplicate rows after the sync"), not code written twice. */
  private static final String DUPLICATE_DATA =
      "\\bduplicated? (?:rows|records|entries|items|events|messages|emails|notifications|orders|charges|payments"
          + "|requests|results|lines|users|jobs|keys|ids|values|tabs|tasks|posts|comments|invoices|transactions|files"
          + "|uploads|accounts)\\b";

  /** "replace the pass statements with real code": the placeholder is what is replaced. */
  private static final String REAL_CODE = "\\bwith (?:the |a |an )?(?:real|actual|proper|working) (?:code|implementations?"
      + "|impls?|logic|bod(?:y|ies))\\b";

  /** "make the tests pass by implementing Stack": the tests exist, the code does not. */
  private static final String BY_IMPLEMENTING =
      "\\bby (?:implementing|filling in|completing|finishing|writing the (?:missing|rest))\\b";

  private static final String WHAT_IS_MISSING =
      "\\b(?:implement|write|add|fill in|finish|complete|code|do)\\b (?:whatever|what)(?:'s| is) (?:still )?(?:missing|left)\\b";

  /** "the dequeue method doesn't exist yet": not written yet, not an error message. */
  private static final String NOT_YET = "\\b(?:doesn't|does not|don't|do not|isn't|is not) (?:exist|there|written|defined) yet\\b";

  /** "implement parse_date according to its docstring": code written to what is already there. */
  private static final String SPECIFIED = "\\b(?:implement|write|code|fill in|complete)\\w*\\b.{0,40}?\\b(?:according to"
      + "|as described in|as documented in|to match|matching|following|per|from) (?:its|the|their|this) (?:docstrings?"
      + "|doc ?comments?|signatures?|type hints|comments?|spec)\\b";

  /** What a title asks of code that exists. */
  static final List<Rule> CHANGES =
      List.of(
          // "bar width fix", "padding layer fix (…)": a title naming a fix by what it fixes. The whole
          // title is that noun phrase: "explain the race condition fix" asks about a fix, for another task.
          regex(BUG_FIXING, 2, "^(?:(?!(?:the|a|an|this|that|our|my|its|for|of|to|on|in|about|and)\\b)[\\w.'/-]+ ){1,4}"
              + "(?:fix|fixes|bugfix|hotfix)(?=\\s*$|\\s*[(:;,.])", "names a fix '%s'").when("fix"),
          // "Windows Installation Problem", "login page issues": a title naming a problem by where it is.
          // Not a feature that lists or shows them ("show build errors", "sync github issues"), nor a
          // request to solve one ("implement Trapped Rain Water Problem").
          regex(BUG_FIXING, 2.5, "^(?!(?:add|create|implement|solve|write|code|build|design|compute|find|show|list|display|track|report|log|link|import|export|sync|fetch|view"
              + "|filter|search|sort|group|count|collect|surface|expose|send|notify|render|support|allow|enable|new|custom"
              + "|better|improve|open|close|label|triage|manage|known|common|github|jira)\\b)(?:(?!(?:the|a|an|this|that"
              + "|our|my|its|for|of|to|on|in|about|and)\\b)[\\w.'/-]+ ){1,4}(?:problems?|issues|errors|failures?|glitch(?:es)?)"
              + "(?=\\s*[.!]*$)", "names a problem '%s'").when("problem", "issues", "errors", "failure", "glitch"),
          // "set correct starting position", "return the right status": what the code gets wrong now.
          // Not a style ("use the correct indentation"), nor a golden file ("write the expected output").
          regex(BUG_FIXING, 2.5, "\\b(?:set|return|pass|pick|choose|send|show|display|compute|calculate|report|emit|print"
              + "|apply|select|give|read|write|get|use)s? (?:the |a |an )?(?:correct|right) (?!(?:indentation|format|formatting"
              + "|style|spacing|naming|casing|case|tone|wording)\\b)\\w+|\\b(?:return|give|get|compute|calculate|report|emit"
              + "|send|show|display|select|pick|choose)s? (?:the |an? )?expected \\w+",
              "asks for the correct value '%s'").when("correct", "right", "expected"),
          // "restore the behavior of X before v1.16.2": a regression to undo.
          regex(BUG_FIXING, 3, "\\brestor\\w* (?:the )?(?:\\S+ ){0,3}?(?:behaviou?r|functionality|support)\\b"
              + "|\\b(?:as|like) (?:it (?:was|did) )?(?:before|prior to) v?\\d", "asks for the old behaviour '%s'")
              .when("restor", "before", "prior"),
          // "don't pass non-UTF-8 bytes as string", "never block the loop": what must stop happening.
          // Not a reminder: "don't forget to add tests".
          regex(BUG_FIXING, 2, "^(?:please )?(?:don't|do not|never) (?!forget|miss|skip)\\w+", "asks that something stop '%s'")
              .when("don't", "do not", "never"),
          // "ensure custom types are treated as types": a property the code lacks now.
          regex(BUG_FIXING, 2, "^(?:please )?ensure\\b(?: \\S+){0,5}? (?:is|are|gets?|stays?|remains?|be) (?:\\w+ )?"
              + "(?!(?:documented|tested|covered|commented|benchmarked|typed|annotated)\\b)\\w+(?:ed|en)\\b",
              "asks that something hold '%s'").when("ensure"),
          // "optimization methods moved to 'utils/optimization.py'": a change named by its result.
          regex(CODE_REFACTORING, 3, "\\b(?:moved|extracted|split|pulled|factored out|relocated) (?:in)?to (?:a |an |the |its own "
              + "|their own |separate )?(?:['\"`]?[\\w/.-]+\\.\\w{1,5}\\b|(?:\\w+ )?(?:module|file|package|folder|directory|crate"
              + "|class|namespace|utils?|helpers?)\\b)", "moved into a module '%s'")
              .when("moved", "extracted", "split", "pulled", "factored", "relocated"),
          // "drop the unused helpers", "remove obsolete flags": code that does nothing, taken out.
          regex(CODE_REFACTORING, 3, "\\b(?:drop|remove|delete|strip|prune|purge)\\b(?: \\S+){0,3}? (?:unused|dead|obsolete"
              + "|redundant|unreachable|leftover|orphaned|superfluous|(?:compat\\w* )?shims?|(?:python ?2|py2) compat\\w*)\\b",
              "takes out unused code '%s'")
              .when("unused", "dead", "obsolete", "redundant", "unreachable", "leftover", "orphaned", "superfluous", "shim", "compat"),
          // What code does when it misbehaves, words no other rule has: "loss goes to nan" (crashes,
          // "segfaults" among them, are BugRules' words).
          terms(BUG_FIXING, 2.5, "symptom '%s'", "goes to nan", "go to nan",
              "goes to inf", "turns into nan", "drops the last", "drops the first", "skips the last", "skips the first",
              "loses the last", "loses the first"),
          // "charts too small on 4k screens", "too much padding on cards": more or less than it should be.
          // Not the size of code ("too long", "too big", "does too much" are ClassifierRules.REFACTORING's words).
          regex(BUG_FIXING, 2, "(?<!does |doing )\\btoo (?:small|short|wide|narrow|tall|dark|light|bright|faint|high|low|loud|quiet"
              + "|much|little|early|late|often|close|far|tight|loose)\\b", "more or less than it should be '%s'").when("too "),
          // "logs full of deprecation warnings": a problem named by what piles up.
          regex(BUG_FIXING, 2.5, "\\bfull of (?:\\w+ )?(?:warnings|errors|exceptions|noise|nulls|nans|duplicates|garbage"
              + "|junk|stack ?traces)\\b", "a symptom '%s'").when("full of"),
          // "duplicate emails sent on signup": a symptom, not duplicated code.
          regex(BUG_FIXING, 3, "\\b(?:duplicated?|double|repeated|extra) \\w+s (?:are |get |being |were )?(?:sent|created|saved"
              + "|inserted|shown|displayed|charged|posted|fired|logged|added|returned|written|emitted|rendered|processed)\\b",
              "a symptom '%s'").when("duplicat", "double", "repeated", "extra"),
          terms(CODE_REFACTORING, 2, "'%s'", "superclass", "super class", "parent class", "abstract base class"),
          // "update Binary Search to be more Rust idiomatic": a quality of code that exists.
          regex(CODE_REFACTORING, 2.5, "\\bto be (?:more|less) \\w+|\\bmore (?:\\w+ )?idiomatic\\b", "'%s'")
              .when("more", "less"),
          // "use a match statement in X", "use iterators for Y": a language construct in code that exists.
          regex(CODE_REFACTORING, 3.5, "^(?:please )?use (?:an? |the )?(?:\\w+ ){0,2}?(?:statements?|expressions?|iterators?"
              + "|generics?|enums?|traits?|pattern matching|comprehensions?|f-strings?|dataclass(?:es)?|context managers?"
              + "|closures?|lambdas?|streams?|optionals?|records?|slices?|borrowed types?|references?) (?:in|for|to|instead"
              + "|inside|when|throughout)\\b", "a construct in existing code '%s'").when("use "),
          regex(CODE_REFACTORING, 3.5, TO_VERSION, "moves to a newer version '%s'").when(" to "),
          regex(MULTI_LANGUAGE, -2.5, TO_VERSION, "a version is no other language").when(" to "),
          regex(Dimension.TEST_GENERATION, -2.5, TO_VERSION, "a version to move to, not tests to write").when(" to "),
          // "remove the stub for X": a placeholder taken out is dead code, not code to write.
          regex(CODE_COMPLETION, -3, REMOVES_PLACEHOLDER, "a placeholder removed").when("stub", "placeholder", "skeleton", "todo", "fixme"),
          regex(CODE_REFACTORING, 2, REMOVES_PLACEHOLDER, "removes a placeholder '%s'").when("stub", "placeholder", "skeleton", "todo", "fixme"),
          // "clear the placeholder after resolve": a UI or runtime placeholder, which exists.
          regex(CODE_COMPLETION, -3, "\\b(?:clear|preserve|keep|hide|show|render|reset|restore|update|style|position)s?\\b"
              + "(?: \\S+){0,2}? placeholders?\\b", "a placeholder at run time").when("placeholder"),
          // "flesh out the contributing guide": documentation to complete is documentation to write.
          // The completion verb's whole weight: what is unfinished is prose, which is documentation work.
          regex(CODE_COMPLETION, -3.5, COMPLETES_DOCS, "the unfinished part is documentation")
              .when("doc", "readme", "guide", "tutorial", "instructions", "faq", "comment", "discussion", "chapter",
                  "explanation", "write"),
          regex(CODE_UNDERSTANDING, 3, COMPLETES_DOCS, "documentation to finish '%s'")
              .when("doc", "readme", "guide", "tutorial", "instructions", "faq", "comment", "discussion", "chapter",
                  "explanation", "write"),
          // "add information about the config file": the text is the deliverable.
          regex(CODE_UNDERSTANDING, 3, "^(?:add|write|include|give)\\b(?: \\S+){0,2}? (?:information|info|details|a section"
              + "|a paragraph|notes) (?:about|on)\\b", "asks for an explanation '%s'")
              .when("information", "info", "details", "section", "paragraph", "notes"),
          // "make the parser accept two-digit years again": it did this before.
          regex(BUG_FIXING, 2.5, "^(?:please )?(?:make|let|have|get)\\b.{3,80}\\bagain\\s*$|\\b(?:works?|working|loads?|accepts?"
              + "|shows?|renders?|compiles?|builds?|pass(?:es)?|starts?|runs?) again\\b", "it did this before '%s'").when("again"),
          // "fewer globals in app.py": less of a structure the code has too much of.
          regex(CODE_REFACTORING, 2.5, "\\b(?:fewer|less|no more|minimi[sz]e) (?:\\w+ )?(?:globals|global state|branches|ifs"
              + "|conditionals|dependencies|arguments|parameters|params|casts|copies|indirection|layers|coupling|duplication"
              + "|boilerplate|nesting|mutability|side effects)\\b", "less of a structure '%s'")
              .when("fewer", "less", "no more", "minimi"),
          terms(CODE_REFACTORING, 2, "'%s'", "globals", "base component", "shared base", "common base"),
          terms(Dimension.TEST_GENERATION, 2.5, "'%s'", "fuzzing", "fuzzer", "fuzz test*", "fuzz target*"),
          terms(CODE_UNDERSTANDING, 2.5, "'%s'", "new hires", "newcomers", "new joiners", "architecture notes",
              "design notes", "architecture overview"),
          // "csv export for reports": a feature that writes a file, not analysis of the data in it.
          terms(Dimension.CODE_GENERATION, 2, "feature '%s'", "csv export", "pdf export", "excel export", "xlsx export",
              "json export", "csv import", "csv download"),
          // "implement abstract class methods in shapes.py": declared, not written.
          regex(CODE_COMPLETION, 3, "\\b(?:implement\\w*|provide\\w*)\\b(?: \\S+){0,3}? abstract (?:\\w+ )?(?:methods|hooks|functions"
              + "|members|properties)\\b|\\bprovide (?:an? |the )?(?:implementations?|impls?|bodies|definitions?) (?:for|of)\\b",
              "declared, not written '%s'")
              .when("abstract"),
          // "implement buildMap todo for kotlin", "address a TODO in decoder": the TODO is the work.
          regex(CODE_COMPLETION, 3, "\\b(?:implement|finish|address|resolve|tackle|complete|do)\\b(?: \\S+){0,3}? todos?\\b"
              + "(?! (?:apps?|lists?|items?|manager|tracker)\\b)", "a TODO to do '%s'").when("todo"),
          // "implement parse_date according to its docstring": the docstring is there, the body is not.
          regex(CODE_COMPLETION, 3.5, SPECIFIED, "written to a spec that is there '%s'").when("docstring", "comment",
              "signature", "type hint", "spec"),
          // What the phrase itself brings to understanding ("described", "docstring") is taken back.
          regex(CODE_UNDERSTANDING, -4.5, SPECIFIED, "the docstring is the spec, not the deliverable").when("docstring",
              "comment", "signature", "type hint", "spec"),
          // "make the tests pass by implementing Stack", "the fields are defined, implement to_dict".
          regex(CODE_COMPLETION, 3, BY_IMPLEMENTING, "the tests are there, the code is asked for '%s'").when("by "),
          regex(BUG_FIXING, -2, BY_IMPLEMENTING, "tests to pass by new code, not a bug").when("by "),
          regex(CODE_COMPLETION, 3, "\\b(?:only|just) (?:have|has|contain|contains) (?:the |their |its )?(?:signatures?|stubs?|declarations?"
              + "|docstrings?)\\b|^implement\\b.{1,60}[,;] (?:the |its |their )?(?:\\S+ ){0,3}(?:is|are) (?:already )?(?:defined"
              + "|declared|done|there|in place|written)\\s*[.!]*$", "declared, the code asked for '%s'")
              .when("only", "just", "implement"),
          // "render returns null for now": a placeholder body, not a symptom.
          regex(BUG_FIXING, -2.5, "\\breturns? (?:nil|null|none|0|zero|an? empty \\w+|undefined|false)(?: \\w+)? (?:for now|right now"
              + "|so far|at the moment|currently)\\b", "a placeholder return, not a symptom").when("now", "so far", "moment", "currently"),
          // "login should redirect to the dashboard": what a thing should do, said of the thing; not a
          // feature wished for ("users should be able to export"), nor what it should become ("should be a rust binary").
          regex(BUG_FIXING, 2, "^(?:[\\w.'`/-]+ ){1,4}should (?:not |never |always )?(?!be (?:able|an?|in|written|rewritten|ported|converted)\\b|also\\b|have\\b|support\\b"
              + "|offer\\b|provide\\b|allow\\b|let\\b|include an?\\b)\\w+", "says what it should do '%s'").when("should"),
          // "treat 0 as a valid page number", "keep query params when redirecting", "makes it worse",
          // "make parse_size accept lowercase units": what the code gets wrong about its input.
          regex(BUG_FIXING, 2.5, "^treat \\S+(?: \\S+){0,3}? as (?:an? )?(?:valid|invalid|empty|missing|null|zero|false|true"
              + "|unset|an error|a string|a number)\\b|^keep\\b(?: \\S+){1,4}? (?:when|after|across|during|while|between"
              + "|on reload|on refresh)\\b|\\bmakes? (?:\\S+ ){0,3}?worse\\b|^make [`'\"]?\\w*[_.(]\\S* (?:accept|handle|tolerate|ignore"
              + "|respect|honou?r|work|return|parse)\\b", "what the code gets wrong '%s'")
              .when("treat", "keep", "worse", "make "),
          // "define the methods declared in Matrix.hpp", "wire up the remaining buttons", "implement
          // what's missing", "…, it's empty", "dequeue doesn't exist yet": declared or begun, not written.
          regex(CODE_COMPLETION, 3, "^(?:please )?(?:define|implement|write|fill in|code)\\b(?: \\S+){0,4}? (?:declared|prototyped)\\b"
              + "|\\b(?:wire|hook|connect)(?: up)? (?:the )?(?:remaining|rest of the|other) \\w+"
              + "|, (?:it's|it is|they're|they are) (?:still |currently |all )?(?:empty|a stub|stubbed|a placeholder"
              + "|unimplemented|not implemented)\\s*[.!]*$", "declared or begun, not written '%s'")
              .when("declared", "prototyped", "remaining", "rest of", "other", "empty", "stub", "placeholder", "implemented"),
          regex(CODE_COMPLETION, 3.5, WHAT_IS_MISSING, "asks for what is missing '%s'").when("missing", "left"),
          regex(CODE_UNDERSTANDING, -2, WHAT_IS_MISSING, "'what's missing' is no question").when("missing", "left"),
          regex(CODE_COMPLETION, 3, NOT_YET, "not there yet '%s'").when("yet"),
          regex(BUG_FIXING, -3, NOT_YET, "not there yet, not an error").when("yet"),
          // "unfinished uploads never get cleaned up": work left unfinished at run time, not code.
          regex(CODE_COMPLETION, -3, "\\b(?:unfinished|incomplete|half-finished) (?:uploads?|downloads?|jobs?|transactions?|requests?"
              + "|tasks?|orders?|payments?|games?|sessions?|transfers?|writes?|checkouts?|signups?|registrations?)\\b",
              "unfinished at run time, not in code").when("unfinished", "incomplete"),
          // "Unexpected logout after a password change", "Inconsistent spacing between items": a title
          // that opens with what is wrong about a thing. Not a quality of code ("inconsistent naming").
          regex(BUG_FIXING, 2.5, "(?:^|: )(?:unexpected|inconsistent|unintended|unwanted|spurious|erroneous|inaccurate"
              + "|excessive|improper)\\b(?! (?:naming|names|indentation|style|formatting|casing|code|imports)\\b)",
              "opens with a defect '%s'").when("unexpected", "inconsistent", "unintended", "unwanted", "spurious",
                  "erroneous", "inaccurate", "excessive", "improper"),
          // "null check in getUserName": the check that is missing is the fix.
          terms(BUG_FIXING, 2.5, "a missing check '%s'", "null check", "null checks", "null-check", "nil check",
              "nil checks", "none check", "bounds check", "bounds checks", "null guard"),
          // "csv export has an empty first column": output with a part that should not be empty.
          regex(BUG_FIXING, 2.5, "\\b(?:has|have|with|contains?|shows?|gets?|leaves?|adds?|writes?|outputs?|prints?) an?"
              + " (?:empty|blank) (?:first |last |extra |trailing |leading )?(?:columns?|rows?|lines?|pages?|cells?|fields?"
              + "|entries|records?|values?|headers?|items?|slides?)\\b", "an empty part in the output '%s'")
              .when("empty", "blank"),
          // "x-axis labels overlap on small screens"; not "intervals overlap" (a problem's input).
          regex(BUG_FIXING, 2, "(?<!\\b(?:intervals|ranges|rectangles|segments|meetings|events|boxes|circles|spans"
              + "|periods|sets)) overlap(?:s|ping)? (?:on|in|with|when|after|at|each other|the)\\b", "symptom '%s'")
              .when("overlap"),
          // A title that opens with it ("duplicate rows after the sync"); in a sentence BugRules reads the verb.
          regex(BUG_FIXING, 2.5, "(?:^|: )" + DUPLICATE_DATA, "data duplicated '%s'").when("duplicate"),
          // Neither duplicated data nor "a button to duplicate a project" is code written twice.
          regex(CODE_REFACTORING, -2, DUPLICATE_DATA + "|\\bto duplicate\\b", "duplicated data or a feature")
              .when("duplicate"),
          // "implement the empty render method": a part declared and left empty.
          regex(CODE_COMPLETION, 3, "\\b(?:implement|fill(?: in| out)?|write|complete|finish|code)\\b (?:the |an |this |that )?empty"
              + " (?:[\\w.()]+ ){0,2}?(?:methods?|functions?|handlers?|bod(?:y|ies)|constructors?|class(?:es)?|stubs?"
              + "|blocks?|hooks?|callbacks?|impls?|branch(?:es)?|cases?)\\b", "an empty part to write '%s'").when("empty"),
          regex(CODE_COMPLETION, 3, REAL_CODE, "a placeholder replaced by code '%s'").when("real", "actual", "proper", "working"),
          regex(CODE_REFACTORING, -2, REAL_CODE, "the code replaced is a placeholder").when("real", "actual", "proper", "working"));
}
