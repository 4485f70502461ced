package dev.acr.context;

import static dev.acr.context.Dimension.CODE_COMPLETION;
import static dev.acr.context.Dimension.CODE_REFACTORING;
import static dev.acr.context.Dimension.CODE_UNDERSTANDING;
import static dev.acr.context.Dimension.TEST_GENERATION;
import static dev.acr.context.Rule.raw;
import static dev.acr.context.Rule.regex;
import static dev.acr.context.Rule.terms;

import java.util.List;

/**
 * Features for the "what should happen to existing code" dimensions: tests, understanding,
 * refactoring, completion ({@link BugRules} holds bug fixing, {@link DomainRules} the "what kind
 * of code" ones). Weights follow one scale: ~4-5 nearly settles it alone (a pasted stack trace, "explain"),
 * ~2-3 is typical vocabulary, ~1 only breaks ties.
 */
final class ClassifierRules {

  private ClassifierRules() {}

  static final List<Rule> TESTS =
      List.of(
          regex(TEST_GENERATION, 3, "\\b(?:unit|integration|e2e|end-to-end|snapshot|regression"
              + "|characteri[sz]ation|property(?:-based)?|smoke|contract|fuzz|golden|acceptance"
              + "|component|table-driven|parameteri[sz]ed|mutation|load|functional) tests?\\b", "'%s'")
              .when("test"),
          regex(TEST_GENERATION, 1.5, "\\btests?\\b|\\btesting\\b|\\bspecs\\b", "mentions tests")
              .when("test", "spec"),
          terms(TEST_GENERATION, 2.5, "'%s'", "test suite", "test case", "test cases",
              "test coverage", "test plan", "test harness", "test double", "test doubles",
              "test file", "test files", "coverage"),
          terms(TEST_GENERATION, 2.5, "mentions %s", "pytest", "jest", "vitest", "mocha", "jasmine",
              "junit*", "testng", "gtest", "googletest", "catch2", "rspec", "minitest", "phpunit",
              "xunit", "nunit", "playwright", "cypress", "selenium", "puppeteer", "testcontainers",
              "mockito", "mockk", "moto", "hypothesis", "proptest", "quickcheck", "fast-check",
              "bats", "kotest", "spock", "testing.b", "testing.t", "jmh", "criterion", "unittest",
              "testing-library", "supertest", "wiremock", "benchmark*", "bench"),
          terms(TEST_GENERATION, 1.5, "mentions %s", "mock*", "fake", "fakes", "spy", "spies",
              "fixture", "fixtures", "assert", "asserts", "asserting", "assertion", "assertions",
              "edge case", "edge cases", "corner case", "corner cases", "happy path", "boundary",
              "boundaries"),
          terms(TEST_GENERATION, 1.5, "property '%s'", "commutative", "associative", "idempotent",
              "invariant", "invariants", "roundtrip", "round-trip", "round trip"),
          terms(TEST_GENERATION, 1, "checks '%s'", "checking that", "check that", "verify that",
              "verifying that", "ensure that", "ensuring that"),
          regex(TEST_GENERATION, 2, "\\b(?:write|add|create|generate|need|want|give me|produce|more"
              + "|missing|no|zero|never added|couple of|few)\\b(?: \\S+){0,4}? tests?\\b"
              + "|\\btests? for\\b", "asks for tests").when("test"),
          // "mock the client and test the handler": 'test' as the verb of a clause, with its object.
          regex(TEST_GENERATION, 2, "(?:^|[,;:]|\\band|\\bthen|\\balso)\\s*(?:unit[- ])?test (?:the|that|it|this|these"
              + "|all|each|every|our|my|both|whether|if|how)\\b", "verb 'test'").when("test "),
          // "add a test that fails if the cache returns stale data": what the test does, not a symptom.
          regex(TEST_GENERATION, 4, "\\b(?:add|write|create|need)\\b(?: \\S+){0,2}? (?:\\w*tests?|specs?) (?:that|which|to)"
              + " (?:fails?|breaks?|catches|catch|detects?|reproduces?|shows?|proves?|checks?|asserts?|covers?"
              + "|exercises?|verif\\w+|ensures?)\\b", "what the test checks").when("test", "spec"),
          regex(TEST_GENERATION, 2.5, "\\b(?:add|write|create)\\b(?: \\S+){0,3}? (?:failing|reproducing) tests?\\b",
              "a test that exposes a bug").when("failing", "reproducing"),
          // "a Makefile with build, test and lint targets": a step of a pipeline, not tests to write.
          regex(TEST_GENERATION, -3, "\\b(?:build|lint|format|deploy|typecheck|install|clean)(?:,? (?:and |or )?\\w+){0,2}"
              + ",? (?:and |or )?test\\b|\\btest,? (?:and |or )?(?:build|lint|format|deploy|typecheck)\\b",
              "'test' as a pipeline step").when("test"),
          // "…, throw in a couple of quick tests too": the tests are not the main deliverable.
          regex(TEST_GENERATION, -3, "\\btests? (?:too|as well)\\b|\\b(?:also|plus|and) (?:add |write "
              + "|throw in )?(?:a |some |a few |a couple of )?(?:quick |basic )?tests?\\b",
              "tests only as an afterthought").when("test"),
          // "e2e tests red since yesterday": the tests are what fails, not what to write.
          regex(TEST_GENERATION, -2.5, "(?<!(?:add|write|create|need) (?:a |some |more )?)\\b(?:tests?|specs?|suite)"
              + "(?: (?:in|on) \\S+)? (?:are |is |keeps? |started |have been )?(?:red|fail(?:s|ing|ed)?|broken|flaky"
              + "|time[sd]? out|timing out|hang(?:s|ing)?|hung|crash(?:es|ed|ing)?|panic(?:s|ked)?|segfaults?"
              + "|error(?:s|ed)? out)\\b|(?<!(?:add|write|create|need) (?:a |an |some |more )?)\\b(?:flaky|hanging"
              + "|erroring) (?:\\S+ )?(?:tests?|specs?)\\b",
              "tests as the subject of a failure").when("test", "spec", "suite"));

  static final List<Rule> UNDERSTANDING =
      List.of(
          terms(CODE_UNDERSTANDING, 4, "verb 'explain'", "explain*"),
          // "a summary of the module", not "a weekly summary email" (a thing to build).
          regex(CODE_UNDERSTANDING, 3, "\\bsummary (?:of|for)\\b|\\bsummary\\s*[.!?]?$", "'summary'")
              .when("summary"),
          terms(CODE_UNDERSTANDING, 3, "verb '%s'", "describ*", "summari*", "overview",
              "clarif*", "elaborat*", "interpret*", "walk me through", "walk us through", "eli5", "tldr", "tl;dr",
              "walk through", "walkthrough", "tour", "step by step", "step-by-step", "help me understand",
              "understand*"),
          terms(CODE_UNDERSTANDING, 2, "question '%s'", "what's", "what does", "what do",
              "what is", "what are", "what did", "why does", "why do", "why is", "why are",
              "why did", "why would", "why was"),
          terms(CODE_UNDERSTANDING, 3, "'%s'", "the difference", "difference between",
              "the purpose", "the point of", "the role of", "when would i use",
              "when should i use", "when do we use", "where is", "where are", "where does",
              "where do", "who calls", "who uses", "who owns", "who sets", "who writes",
              "who reads", "which threads", "where's", "what happens", "what calls", "what would happen",
              "what will happen", "what would break", "what breaks", "what changed"),
          regex(CODE_UNDERSTANDING, 2.5, "\\bwhy (?:do|did|would|should) (?:we|you|they) (?!(?:get|see|hit|lose|keep)\\b)"
              + "|\\bwhy (?:is|are) there\\b|\\bwhy (?:does|do|is|are) (?:\\S+ ){1,3}?(?:have|has|need|needs|exist|exists"
              + "|uses?(?! (?:\\d|so much|too much|a lot|more|all)))\\b|\\b(?:intentional|on purpose|by design|design decision|rationale)\\b",
              "asks for the design reason").when("why", "intentional", "purpose", "design", "rationale"),
          // "what's the time complexity of build_index": a question about code that exists.
          regex(CODE_UNDERSTANDING, 3, "\\bwhat(?:'s| is| are) (?:the )?(?:time |space |big-?o |runtime |memory )?"
              + "complexit(?:y|ies) of\\b", "asks how existing code scales").when("complexit"),
          regex(CODE_UNDERSTANDING, 3, "\\bwhat (?:does|do|is|are) .{1,60}? mean\\b", "'what does X mean'")
              .when("mean"),
          regex(CODE_UNDERSTANDING, 2, "\\bwhich \\w+(?: \\w+)? (?:does|do|is|are|did|can|should|gets?)\\b",
              "which-question").when("which"),
          regex(CODE_UNDERSTANDING, 2, "\\bhow (?:does|do|is|are|did) (?!i\\b|we\\b)|\\bhow\\b.{0,60}"
              + "\\bworks?\\b", "how-it-works question").when("how"),
          regex(CODE_UNDERSTANDING, 2, "(?<!stack )\\btrace\\b(?! id)", "verb 'trace'")
              .when("trace"),
          regex(CODE_UNDERSTANDING, 2.5, "\\b(?:add|write)\\b(?: \\S+){0,3}? comments\\b|\\bannotat\\w*",
              "asks for comments").when("comment", "annotat"),
          // Not "when someone comments on a post", "markdown in comments": there they are what users write.
          regex(CODE_UNDERSTANDING, 1, "(?<!\\b(?:in|into|to|under|below) )\\bcomments\\b(?! on\\b)", "mentions comments").when("comments"),
          terms(CODE_UNDERSTANDING, 2.5, "verb '%s'", "review*", "point out"),
          terms(CODE_UNDERSTANDING, 0.7, "phrased as a question", "?"),
          regex(CODE_UNDERSTANDING, 1.5, "\\b(?:is|are) (?:\\S+ ){1,4}(?:thread[- ]safe|safe|redundant"
              + "|necessary|needed|used|reentrant|blocking|idempotent|atomic|deterministic)\\b", "yes/no question about code")
              .when("safe", "redundant", "necessary", "needed", "used", "reentrant", "blocking", "idempotent",
                  "atomic", "deterministic"),
          terms(CODE_UNDERSTANDING, 2, "'%s'", "can't figure out", "cant figure out", "confusing",
              "confused", "don't get", "don't understand", "just joined", "new to the",
              "new to this", "onboard*", "call chain", "call graph", "call flow", "call path",
              "control flow", "data flow", "organized", "organised", "fits together"),
          regex(CODE_UNDERSTANDING, 1.5, "\\b(?:can|could) (?:follow|understand|read) it\\b"
              + "|\\bjust (?:explain|tell|describe|show)\\b"
              + "|\\b(?:don'?t|do not|before) (?:\\w+ ){0,2}?not_(?:chang|touch|modif|edit)",
              "read-only request").when(" it", "just ", "not_"));

  /** Documentation: asked for, it is understanding work; in a bug report it is only the topic. */
  static final List<Rule> DOCS =
      List.of(
          terms(CODE_UNDERSTANDING, 3, "documentation '%s'", "document", "documentation", "docs",
              "docstring", "docstrings", "jsdoc", "javadoc", "kdoc", "rustdoc", "godoc", "tsdoc",
              "pydoc", "doc comment", "doc comments", "readme", "mermaid", "diagram", "uml"),
          // "add docstrings to the public api": the docs are the deliverable, not the api named.
          // "flesh out the docs on X", "update run instructions": completing docs is writing docs
          // (instructions and guides only as docs: "complete the instructions table" is code);
          // "finish the readme generator", "the docstring-only functions" are not (what follows names code).
          regex(CODE_UNDERSTANDING, 2.5, "\\b(?:add|write|generate|update|improve|need|flesh out|expand|extend|finish"
              + "|complete|revise)\\b(?: \\S+){0,3}? (?:docs|docstrings?|jsdoc|javadoc|tsdoc|kdoc|rustdoc|godoc|doc ?comments?"
              + "|documentation|readme|faq|(?:setup|install(?:ation)?|usage|build|run|contributing|user|style|developer)"
              + " (?:instructions|guides?)|tutorials? (?:docs|pages?|sections?))\\b(?!-| (?:generators?|parsers?|renderers?|builders?|linters?|tools?|scripts?|plugins?|sites?|servers?|pages?|templates?|functions|methods|classes|stubs)\\b)",
              "asks for documentation").when("doc", "readme", "instructions", "tutorial", "guide", "faq"));

  static final List<Rule> REFACTORING =
      List.of(
          // "mypy errors after the refactor" names a past change, not a request.
          regex(CODE_REFACTORING, 4, "(?<!(?:after|since|during|before|from|in|by) (?:the|this|that|my|our|last|a|big) )"
              + "\\brefactor(?:ing)?\\b", "verb 'refactor'").when("refactor"),
          terms(CODE_REFACTORING, 1.5, "mentions refactoring", "refactored"),
          terms(CODE_REFACTORING, 3, "verb '%s'", "clean up", "cleanup", "clean-up", "tidy",
              "declutter", "simplif*", "streamline", "restructur*", "reorganiz*", "reorganis*", "organize", "organise",
              "rework", "overhaul", "moderniz*", "modernis*", "consolidat*",
              "decoupl*", "dry up", "dry it", "dry this", "factor out", "factor it out", "factored out"),
          regex(CODE_REFACTORING, 2, "\\bdedup(?:e|licate)\\b(?!\\.)(?! (?:\\w+ )?(?:records|rows"
              + "|entries|data|customers|users|events|lines|dataset|stream|ids|items|values|messages|requests|urls|emails))|\\binlin(?:e|ing)\\b", "verb '%s'")
              .when("dedup", "inlin"),
          raw(CODE_REFACTORING, 3, "\\bDRY\\b", "'DRY'").when("DRY"),
          // Not "a cli that renames photos": there the verb is what the new code does.
          regex(CODE_REFACTORING, 3, "(?<!that |which |to )\\b(?:renam|extract)\\w*", "verb '%s'")
              .when("renam", "extract"),
          regex(CODE_REFACTORING, 2, "\\b(?:turn|convert|change|make)\\b(?: \\S+){1,5}? into\\b", "'%s'")
              .when("into"),
          regex(CODE_REFACTORING, 2.5, "\\bsplit\\b(?: \\S+){0,4}? into\\b|\\bbreak(?:ing)?\\b(?: \\S+){0,3}? "
              + "(?:up|into|apart)\\b|\\b(?:smaller|separate) (?:modules|functions|classes|files|components"
              + "|methods)\\b", "split into parts").when("split", "break", "smaller", "separate"),
          regex(CODE_REFACTORING, 2, "\\b(?:pull|move|hoist|lift)\\b(?: \\S+){1,5}? (?:into|out|to)\\b",
              "'%s'").when("pull", "move", "hoist", "lift"),
          regex(CODE_REFACTORING, 2, "\\breplace\\b(?: \\S+){0,6}? with\\b|\\bswap (?:out )?(?:\\S+ ){1,5}?(?:for|with)\\b"
              + "|\\binstead of\\b", "'%s'").when("replace", "swap", "instead"),
          regex(CODE_REFACTORING, 2.5, "\\b(?:introduce|use|extract) (?:an? )?(?:\\w+ ){0,2}(?:interface"
              + "|abstraction|strategy|base class|protocol|trait|constants?|variables?|parameter objects?|type alias(?:es)?"
              + "|value objects?|enums?)\\b"
              // Dependency injection, not an attack ("sql injection in search" is a bug).
              + "|\\binject(?<!(?:sql|command|code|script|header|html|ldap|template|prompt|shell|os) inject)\\w*"
              + "|\\b(?:not |stop |)depend(?:s|ing)? on (?:the )?concrete\\b|\\btight(?:ly)? coupl\\w*"
              + "|\\b(?:not|no longer|stop|never) depend(?:s|ing)? on\\b",
              "'%s'")
              .when("interface", "abstraction", "strategy", "base class", "protocol", "trait", "inject", "constant", "variable",
                  "parameter object", "type alias", "value object", "enum",
                  "concrete", "coupl", "depend"),
          regex(CODE_REFACTORING, 3, "\\b(?:without|no|zero) (?:not_)?(?:chang\\w*|breaking) (?:any |the )?"
              + "(?:behaviou?r|responses?|output|api|semantics|interface|callers)|\\bbehaviou?r "
              + "(?:must|should|has to) (?:stay|remain)|\\bsame (?:outputs?|behaviou?r|results?"
              + "|responses?)\\b|\\bkeeps? working\\b|\\bpreserv\\w+ (?:the )?(?:behaviou?r|semantics"
              + "|api)|\\bno behaviou?r(?:al)? changes?\\b", "behaviour-preserving")
              .when("chang", "breaking", "behavio", "same", "working", "preserv"),
          // "three almost identical functions, merge them into one": the same code, to be made one.
          terms(CODE_REFACTORING, 2.5, "'%s'", "almost identical", "nearly identical", "near-identical", "near identical",
              "mostly identical", "virtually identical"),
          regex(CODE_REFACTORING, 2.5, "\\b(?:merge|combine|collapse|unify) (?:them |these |those |both |the (?:\\w+ ){1,3}?)into"
              + " (?:one|a single)\\b", "'%s'").when("into one", "a single"),
          terms(CODE_REFACTORING, 2, "'%s'", "readab*", "clearer", "cleaner", "maintainab*",
              "hard to read", "hard to follow", "hard to maintain", "hard to test", "duplicat*",
              "copy-past*", "copypast*", "repeat the same", "repeats the same", "doing the same thing",
              "dead code", "unused import", "unused imports", "unused code", "unused variables",
              "magic number", "magic numbers", "magic strings", "nesting", "nested ifs",
              "nested callbacks", "early return", "early returns", "guard clause", "guard clauses",
              "across the repo", "across the codebase", "throughout the codebase", "everywhere",
              "update callers", "update the callers", "all call sites", "all usages"),
          // The same code in several places: "appears in 4 places", "copied into both services".
          regex(CODE_REFACTORING, 2.5, "\\bin (?:\\d+|two|three|four|five|several|multiple|many|both|all these|a few)"
              + " (?:different )?(?:places|files|modules|services|handlers|components|controllers|spots)\\b",
              "the same code in several places").when("places", "files", "modules", "services", "handlers",
                  "components", "controllers", "spots"),
          terms(CODE_REFACTORING, 2, "naming '%s'", "naming", "naming convention*", "snake_case", "snake case",
              "camelcase", "camel case", "kebab-case", "pascalcase"),
          terms(CODE_REFACTORING, 2, "'%s'", "generic helper", "shared helper", "common helper",
              "reusable helper", "shared module", "shared util*", "common util*", "base class"),
          terms(CODE_REFACTORING, 1.5, "'%s'", "get rid of", "type hints", "type annotations", "any types",
              "untyped"),
          terms(CODE_REFACTORING, 1.5, "'%s'", "messy", "a mess", "spaghetti", "code smell*",
              "tech debt", "technical debt", "boilerplate", "god class", "god object", "giant",
              "monolith*", "too long", "too big", "does too much", "too many responsibilities",
              "single responsibility", "idiomatic", "singleton", "global state",
              "global config", "global variable*"),
          terms(CODE_REFACTORING, 1.5, "idiom '%s'", "async/await", "callback-style", "callbacks",
              "hooks", "function component", "function components", "class component",
              "class components", "switch expressions", "template literals", "f-strings",
              "pathlib", "const/let", "let/const", "structured logg*", "thiserror",
              "optional chaining", "dataclass", "dataclasses", "context manager", "with statement", "callback", "promise", "promises",
              "enum", "enums", "namedtuple", "namedtuples"),
          regex(CODE_REFACTORING, 2, "\\b\\d{3,}[- ]lines?\\b|\\bmigrat(?:e|ing)\\b(?: \\S+){0,5}? (?:to|from"
              + "|off)\\b", "'%s'").when("line", "migrat"),
          regex(CODE_REFACTORING, 1, "\\S (?:->|→) \\S", "'a -> b' rewrite").when("->", "→"),
          // Not "Converter.DATE": the noun names a class, not the change.
          terms(CODE_REFACTORING, 1, "verb '%s'", "convert", "converts", "converting", "converted", "rewrit*"),
          // "make this more pythonic", "make the naming consistent": a quality of existing code.
          regex(CODE_REFACTORING, 2.5, "\\bmake (?:it|this|these|them|(?:the|our|my) \\S+(?: \\S+)?) (?:more|less) \\w+"
              + "|\\bmake\\b(?: \\S+){1,4}? (?:consistent|readable|idiomatic|pythonic|modular|testable|reusable"
              + "|generic|cleaner|simpler|shorter|smaller|leaner|flatter|tidier|clearer|dry)\\b|\\b(?:cyclomatic|cognitive) complexity\\b",
              "'%s'").when("make", "complexity"));

  /** The parts of code that a completion task fills in. */
  private static final String PARTS = "(?:steps|cases|methods|case|branch(?:es)?|arms|body|bodies"
      + "|implementations?|definitions?|parts?|pieces|bits|fields|logic|stages?|sections?|variants"
      + "|functions?|handlers?)\\b";

  static final List<Rule> COMPLETION =
      List.of(
          // Not a symptom: "goroutines never finishing", "the job doesn't finish".
          // Nor a noun: "a finish callback", "the finish event".
          regex(CODE_COMPLETION, 3.5, "(?<!never |not |n't |without )\\bfinish(?:ing)?\\b(?! (?:callbacks?|events?|handlers?"
              + "|hooks?|times?|lines?|buttons?|states?|signals?|flags?|screens?|messages?)\\b)", "verb 'finish'").when("finish"),
          // Not the state: "the export isn't complete", "mark the task as complete".
          regex(CODE_COMPLETION, 3, "(?<!(?:not|n't|never|is|are|was|be|as|becomes?|became) )\\bcomplete\\b"
              + "(?! (?:rewrite|overhaul|list|guide|crud))",
              "verb 'complete'").when("complete"),
          regex(CODE_COMPLETION, 3.5, "\\bfill(?:ing|ed|s)?\\b(?: \\S+){0,4}? in\\b|\\bfill (?:out|them|it)\\b",
              "'fill in'").when("fill"),
          // Each language's way of saying "not written yet": todo!(), NotImplementedError,
          // UnsupportedOperationException, TODO(), panic("not implemented").
          terms(CODE_COMPLETION, 3, "placeholder '%s'", "todo!()", "unimplemented!", "todo()",
              "notimplemented*", "not implemented", "not yet implemented", "not-yet-implemented", "unimplemented",
              "unsupportedoperation*", "placeholder", "placeholders", "implement me", "fill me in",
              "your code here", "your code goes here", "code goes here"),
          // "… // TODO", "TODO: …", and said of the code: "the last two cases are TODO", "__repr__ is a todo".
          regex(CODE_COMPLETION, 3, "(?:#|//|--)\\s*todo\\b|\\btodo:|\\b(?:is|are) (?:still )?(?:an? |just an? )?todos?\\b",
              "TODO marker").when("todo"),
          // Not "a todo app": there the word names what the new program is about.
          regex(CODE_COMPLETION, 1, "\\btodos?\\b(?! (?:apps?|lists?|items?|manager|tracker)\\b)", "mentions TODO")
              .when("todo"),
          regex(CODE_COMPLETION, 2, "\\b(?:the|these|those|all|remaining|each|every|any|a|one|two|three|some|few|several|\\d+) todos?\\b(?! (?:app|apps|list"
              + "|items?))|\\btodo'?d\\b|\\bmarked (?:as |with )?(?:todo|fixme|tbd)\\b|\\btodo " + PARTS, "TODOs to finish").when("todo"),
          // "implement the missing getters", "write the missing part": what is missing is to be written.
          regex(CODE_COMPLETION, 3.5, "\\b(?:implement|write|finish|fill in|complete|code) (?:the |all |any )?(?:\\w+ )?missing\\b",
              "asks for what is missing").when("missing"),
          regex(CODE_COMPLETION, 3, "\\b(?:just|only|still|is) (?:a |an )?(?:empty )?stub\\b", "'%s'").when("stub"),
          // The declaration exists, the code does not: "signature is there, need the impl for merge()",
          // "implement the interface methods, they just return nil for now".
          regex(CODE_COMPLETION, 3, "\\b(?:signatures?|declarations?|interfaces?|skeleton|headers?|prototypes?)"
              + " (?:is|are|'s) (?:already )?(?:there|in place|written|done|defined|declared)\\b|\\bthe (?:\\w+ )?(?:impl"
              + "|implementation|body|bodies|definitions?) (?:for|of)\\b|\\b(?:(?:just|only) )?(?:returns?|throws?|raises?"
              + "|panics?) (?:nil|null|none|0|zero|an? empty \\w+|false|undefined)(?: \\w+)? (?:right now|for now|currently"
              + "|at the moment|so far)\\b|\\bimplement (?:the|all(?: the)?|its|their) (?:\\w+ ){0,2}?(?:methods"
              + "|functions|stubs|handlers)\\b", "declared, not written '%s'")
              .when("there", "place", "written", "done", "defined", "declared", "impl", "body", "bodies", "definition",
                  "now", "currently", "moment", "so far", "implement "),
          // "i started this function but …", "what's x after this runs": code begun, or run in the head.
          regex(CODE_COMPLETION, 2, "\\b(?:i|we) (?:started|began|have started|'ve started) (?:this|the|a|my|on|writing)\\b",
              "code begun '%s'").when("started", "began"),
          regex(CODE_COMPLETION, 3, "\\bwhat(?:'s| is| will| would)(?: be)?(?: the value of)? [a-z_]\\w* (?:be )?(?:after "
              + "(?:this|it|that|these|the following|running|executing)\\b|at the end\\b|afterwards\\b)", "output prediction '%s'")
              .when("after", "at the end"),
          // "the rest is done", "names but no bodies": part of the code is there, part is not.
          regex(CODE_COMPLETION, 3, "\\b(?:the )?rest (?:is|are|'s) (?:already )?(?:done|written|implemented|there|in place)\\b"
              + "|\\b(?:no|without|missing|empty) (?:function |method )?bod(?:y|ies)\\b", "'%s'").when("rest", "bod"),
          // "write the rest", not "the rest api": the rest of the code.
          regex(CODE_COMPLETION, 3, "\\bthe rest\\b(?! ?(?:api|apis|endpoints?|client|server|service|calls?|layer|interface"
              + "|framework|route|routes)\\b)", "partial code 'the rest'").when("the rest"),
          // "pending: the validate step", "X is done, write Y": a to-do label; one part done, the next asked.
          regex(CODE_COMPLETION, 3, "^(?:pending|todo|unfinished|incomplete|missing|not done)\\s*:", "to-do label '%s'")
              .when(":"),
          regex(CODE_COMPLETION, 2.5, "\\b(?:is|are|'s) (?:already )?(?:done|written|in place|there|implemented)\\b[,;]? "
              + "(?:(?:so|now|just|please|pls|then) )?(?:write|implement|do|finish|fill|impl)\\b|\\b(?:is|are|'s) already "
              + "(?:there|done|written|implemented|in place|defined)\\b", "one part done '%s'").when("done", "written",
                  "place", "there", "implemented", "defined"),
          // Work not done yet, said of the code: "dequeue and peek still to do", "does nothing yet".
          regex(CODE_COMPLETION, 4, "\\bstill (?:to (?:do|write|implement)|todo|to be (?:written|implemented|done"
              + "|filled in)|unimplemented|stubbed(?: out)?|placeholders?)\\b|\\byet to be (?:written|implemented"
              + "|done|filled in)\\b|\\b(?:does|do) nothing (?:yet|for now|so far)\\b|\\bnothing (?:yet|so far)\\b",
              "not written yet '%s'").when("still", "yet", "for now", "so far"),
          terms(CODE_COMPLETION, 2.5, "'%s'", "stub", "stubs", "stubbed", "stubbed-out", "skeleton", "scaffolded",
              "only a signature", "just a signature", "only the signature", "just the signature",
              "abstract method", "abstract methods", "only done", "only implemented",
              "only written", "only did", "only does", "already there", "already done",
              "already written", "already spells out", "already has", "already in place"),
          terms(CODE_COMPLETION, 3, "partial code '%s'", "half done", "half-done", "half written", "flesh out", "flesh it out", "fleshed out",
              "what's left", "what is left", "whatever is left", "whatever's left",
              "half-written", "half finished", "half-finished", "half implemented",
              "half-implemented", "partially done", "partially written", "partially implemented",
              "incomplete", "unfinished", "stopped halfway", "stopped half way", "stopped midway",
              "stopped in the middle", "where i stopped", "where i left off", "left off", "where you stopped",
              "where we stopped", "where it stopped", "keep going", "pick up where",
              "remaining methods", "remaining cases", "remaining functions",
              "remaining parts", "remaining steps", "remaining branches", "remaining arms",
              "continue from", "continue where", "continue writing", "continue this", "remaining code", "rest of the code",
              "missing code", "missing part", "missing parts", "other half",
              "do the rest", "never defined", "not defined yet"),
          // What is missing is a part of the code (arms, methods, a body), before or after the word:
          // "missing the Delete and Rename arms", "the interface methods that are still missing".
          regex(CODE_COMPLETION, 2.5, "\\b(?:missing|lacks|lacking|has no|have no) (?:\\S+ ){0,4}?" + PARTS + "|\\b" + PARTS
              + " (?:that |which )?(?:are|is) (?:still |yet )?missing\\b|\\bmissing [\\w.]+\\(\\)"
              + "|\\b(?:declared|defined)\\b(?: \\S+){0,6}? (?:but )?(?:never|not) "
              + "(?:defined|implemented)\\b", "missing pieces")
              .when("missing", "lack", "has no", "have no", "declared", "defined"),
          // "3 methods left to implement", "a few TODOs left", "doesn't handle Delete yet".
          regex(CODE_COMPLETION, 2.5, "\\bleft to (?:implement|write|fill|finish|do|handle|add)\\b"
              + "|\\btodos?\\b(?: \\S+){0,2}? left\\b|(?:\\bnot|n't) (?:\\S+ ){0,1}?(?:implement\\w*|handl\\w*"
              + "|written|finished|done|wired up|filled in|cover\\w*)\\b(?: \\S+){0,5}? yet\\b",
              "not written yet '%s'").when("left", "yet"),
          regex(CODE_COMPLETION, 2.5, "\\bonly (?:handles|covers|supports|has|implements)\\b"
              + "|\\b(?:has|have|implements|handles) \\S+(?: and \\S+)? only\\b"
              + "|\\bonly \\S+(?: \\S+){0,5}? (?:is|are) (?:done|implemented|there|written|handled|filled in)\\b"
              + "|\\b(?:the )?(?:other|remaining|rest of the) (?:\\w+ )?(?:cases|branches|arms|methods|variants"
              + "|handlers|functions|fields|steps|endpoints|routes|getters|setters|operators|commands|subcommands|validators"
              + "|rules|screens|pages|migrations|hooks|props|properties|columns|options|flags|subclasses|impls)\\b", "'%s'")
              .when("only", "other", "remaining", "rest of"),
          regex(CODE_COMPLETION, 2.5, "\\b(?:write|implement|add|do|finish|handle|cover|fill in) (?:the )?(?:remaining|rest of the"
              + "|other) \\w+|\\b(?:pending|unwritten|outstanding|leftover|unfinished) " + PARTS,
              "'%s'").when("remaining", "rest of", "other", "pending", "unwritten", "outstanding", "leftover", "unfinished"),
          regex(CODE_COMPLETION, 3.5, "\\b(?:write|implement|give|add|fill(?: in| out)?|do|need)\\b (?:in )?(?:the |its "
              + "|their |a )?(?:\\w+ ){0,2}bod(?:y|ies)\\b", "asks for the body").when("bod"),
          regex(CODE_COMPLETION, 2.5, "\\bleft (?:as (?:a )?(?:pass|todo|stubs?|placeholders?)|empty|blank|unimplemented)\\b",
              "'%s'").when("left"),
          regex(CODE_COMPLETION, 2.5, "\\b(?:real|actual|proper) (?:code|implementations?|impls?|logic|bod(?:y|ies))\\b"
              + "|`pass`|\\bpass statements?\\b|\\b(?:is|are) (?:all )?(?:just |only |still )?pass(?:$|[,.;])",
              "placeholder to replace '%s'").when("real", "actual", "proper", "pass"),
          regex(CODE_COMPLETION, 2, "\\b(?:function|method|fn|empty) body\\b|\\bbody of\\b|\\bthe \\w+ body\\b"
              + "|\\bempty (?:\\w+ )?(?:methods|functions|bodies|handlers|stubs|blocks?)\\b|\\ban empty [\\w.]+\\(\\)",
              "'%s'").when("body", "empty"),
          // "validate() is empty"; not "crashes when the body is empty", a condition of a bug report.
          regex(CODE_COMPLETION, 2, "(?<!(?:when|if|while|unless) (?:the |its |an? )?)\\b(?:\\w+\\(\\)|function|method"
              + "|body|stub|class|handler|constructor|file|branch|case|loop|block|impl|fn|func|impls|methods|functions|handlers|bodies"
              + "|cases|branches|stubs) (?:is|are) (?:still |left |all )?empty\\b", "'%s'")
              .when("empty"),
          // The rest exists, one part is asked for: "the other dunders are done", "the remaining
          // routes are in place"; a part named with "is missing": "the Display impl is missing".
          regex(CODE_COMPLETION, 3, "\\b(?:other|rest of the|remaining)\\b(?: \\S+){0,2}? (?:is|are|'s) (?:already |all )?"
              + "(?:done|written|implemented|in place|there|working)\\b|\\b(?:impl|implementation|method|function|case"
              + "|branch|body|arm|getter|setter|constructor|override|handling|logic)s?\\b(?: \\S+){0,3}? (?:is|are) (?:still )?missing\\b",
              "one part done '%s'").when("done", "written", "implemented", "place", "there", "working", "missing"),
          // One part there, the other not: "the getter is there but the setter isn't", "…, equals is there".
          regex(CODE_COMPLETION, 2.5, "\\b(?:is|are)(?<!(?:what|where|who|which|how|why|nothing|something) (?:is|are)) (?:already )?there"
              + "(?:[,;.]|\\s*$| but\\b)", "one part there").when("there"),
          // A body that does nothing for now: "the validate hook is a no-op right now", "save is just
          // `return nil`", "it has no code yet"; and what it needs: "abstract methods need implementations".
          regex(CODE_COMPLETION, 4, "\\bno-?op\\b(?: \\S+){0,2}? (?:right now|for now|so far|currently|at the moment|yet)\\b"
              + "|\\b(?:is|are) (?:just|only) `?(?:return|pass|raise|throw|panic|todo)\\b", "placeholder body '%s'")
              .when("no-op", "noop", "just", "only"),
          regex(CODE_COMPLETION, 3, "\\b(?:has|have|with) no (?:code|implementation|body|logic)(?: yet)?\\b|\\bno (?:code|implementation|logic) yet\\b"
              + "|\\bneeds? (?:an? |real |actual |proper )?(?:implementations?|impls?|bodies)\\b"
              + "|\\breturns? (?:an? )?(?:http )?501\\b", // 501 is HTTP's "not implemented"
              "no code yet '%s'").when("no ", "need", "501"),
          // "write the code inside the while loop": the body of a construct that is there.
          regex(CODE_COMPLETION, 3, "\\b(?:write|fill|add|implement|put)\\b(?: \\S+){0,2}? (?:code|logic) (?:inside|in|for|of) (?:the|this"
              + "|my) (?:\\w+ )?(?:loop|block|branch|function|method|if|else|case|try|catch|callback|constructor)\\b",
              "the inside of a construct '%s'").when("code", "logic"),
          // The branch still to write: "write the else part", "add the default case".
          regex(CODE_COMPLETION, 2, "\\bthe (?:else|default|catch|finally|fallback) (?:part|branch|case|block|clause|arm)\\b",
              "a branch to write '%s'").when("else", "default", "catch", "finally", "fallback"),
          terms(CODE_COMPLETION, 1.5, "follow existing code", "in the same style", "same style",
              "consistent with", "the same way", "mirror*", "following the pattern",
              "follow the pattern", "follow the same pattern", "like the other",
              "like the existing", "matching the existing", "match the existing"),
          regex(CODE_COMPLETION, 4, "\\b(?:predict|guess)\\w* (?:the |what )?(?:output|it prints|gets printed)"
              + "|\\bwhat(?:'s| is| will be| would be| gets) (?:printed|logged|output|displayed)\\b|\\boutput of (?:this|the following|that)\\b[^?]{0,60}\\?"
              + "|\\bwhat (?:exactly |values? )?(?:will|would"
              + "|does|do) .{0,60}?\\b(?:print|output|return|log|evaluate to|yield)\\b|\\bwhat(?:'s| is) "
              + "the output\\b|\\b(?:literal|exact) output\\b|\\bwhat gets (?:printed|logged|returned|output|shown|displayed)\\b"
              + "|\\bevaluat\\w* (?:this|these|the following|the expression)\\b|\\bwhat(?: is|'s| would be| will be) the (?:result"
              + "|value|output)(?: of\\b|\\s*[?:]?\\s*\\n)|\\b(?:result|output|value) of `|\\b(?:answer|result|output) (?:of|for|to) (?:this|the following"
              + "|my|the) (?:code|snippet|program|expression|script)\\b",
              "output prediction").when("predict", "guess", "what", "output", "printed", "evaluat", "of `", "answer", "result"),
          terms(CODE_COMPLETION, 1.5, "'%s'", "continue"));
}
