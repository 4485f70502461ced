package dev.acr.context;

import static dev.acr.context.Dimension.CODE_REFACTORING;
import static dev.acr.context.Dimension.CODE_UNDERSTANDING;
import static dev.acr.context.Dimension.TEST_GENERATION;
import static dev.acr.context.Rule.raw;
import static dev.acr.context.Rule.regex;
import static dev.acr.context.Rule.terms;

import java.util.List;

/**
 * Features for the "what should happen to existing code" dimensions: tests, understanding,
 * refactoring ({@link CompletionRules} holds completion, {@link BugRules} holds bug fixing, {@link DomainRules} the "what kind
 * of code" ones). Weights follow one scale: ~4-5 nearly settles it alone (a pasted stack trace, "explain"),
 * ~2-3 is typical vocabulary, ~1 only breaks ties.
 */
final class ClassifierRules {

  private ClassifierRules() {}

  static final List<Rule> TESTS =
      List.of(
          regex(TEST_GENERATION, 3, "\\b(?:unit|integration|e2e|end-to-end|snapshot|regression"
              + "|characteri[sz]ation|property(?:-based)?|smoke|contract|fuzz|golden|acceptance"
              + "|component|table-driven|parameteri[sz]ed|mutation|load|functional) (?:tests?|specs?)\\b", "'%s'")
              .when("test", "spec"),
          // "make sure the 404 branch is hit by a test": code reached by a test to write.
          regex(TEST_GENERATION, 3, "\\b(?:hit|covered|exercised|reached|caught|pinned) by (?:a |an |the |its own |some |one )?(?:unit |new )?"
              + "(?:tests?|specs?)\\b", "reached by a test '%s'").when("test", "spec"),
          // "make sure format_money is covered for negative amounts": coverage asked for, no robustness.
          regex(TEST_GENERATION, 3, "\\b(?:make sure|ensure)\\b(?: \\S+){0,5}? (?:is|are|gets?) (?:\\w+ )?(?:covered|tested"
              + "|unit[- ]tested)\\b" + ChangeRules.NOT_BY_OTHER_THAN_TESTS, "asks for coverage '%s'").when("covered", "tested"),
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
          // "add a test that fails if the cache returns stale data": what the test does, not a symptom. So with no
          // verb before it: "a spec that reproduces the crash", "one parametrized test asserting every endpoint …"
          // (not "fails" there, nor before a state: "a test that fails on CI", "a test checking X is flaky" are reports).
          regex(TEST_GENERATION, 4, "\\b(?:add|write|create|need)\\b(?: \\S+){0,2}? (?:\\w*tests?|specs?) (?:that|which|to)"
              + " (?:fails?|breaks?|catches|catch|detects?|reproduces?|shows?|proves?|checks?|asserts?|covers?"
              + "|exercises?|verif\\w+|ensures?)\\b|\\b(?:a|an|one|some|new)\\b(?: [\\w-]+){0,2}? (?:tests?|specs?) (?:(?:that|which) "
              + "(?:reproduces?|asserts?|checks?|verif\\w+|exercises?|covers?|proves?|pins?)|reproducing|asserting|checking"
              + "|verifying|exercising|covering|proving|pinning)\\b(?![^,;.]*\\b(?:flaky|fail\\w*|started|broke|broken|keeps"
              + "|hangs?|red|times out|pass(?:es|ing)?)\\b)", "what the test checks").when("test", "spec"),
          // "assert the migration is reversible", "…, assert no lost updates": an assertion to write is a test's.
          regex(TEST_GENERATION, 2, "(?:^|[,;:]\\s*|\\b(?:then|and) )assert (?:that|the|no|every|each|all|it|a|an|this|these|there)\\b",
              "asks to assert '%s'").when("assert "),
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
              + "|\\bwhy (?:is|are) there\\b"
              + "|\\b(?:is there (?:a |any )?(?:good |particular )?|what(?:'s| is) the |any )reason (?:why )?(?:we|you|they)"
              + " (?!(?:get|see|hit|lose|keep)\\b)"
              + "|\\bwhy (?:does|do|is|are) (?:\\S+ ){1,3}?(?:have|has|need|needs|exist|exists"
              + "|uses?(?! (?:\\d|so much|too much|a lot|more|all)))\\b|\\b(?:intentional|on purpose|by design|design decision|rationale)\\b",
              "asks for the design reason").when("why", "intentional", "purpose", "design", "rationale", "reason"),
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
              + "|complete|revise)\\b(?: (?!(?:in|into|from|by|with|at|per|under|listed|described)\\b)\\S+){0,5}? (?:docs|docstrings?|jsdoc|javadoc|tsdoc|kdoc|rustdoc|godoc|doc ?comments?"
              + "|documentation|readme|faq|(?:setup|install(?:ation)?|usage|build|run|contributing|user|style|developer)"
              + " (?:instructions|guides?)|tutorials? (?:docs|pages?|sections?))\\b(?!-| (?:generators?|parsers?|renderers?|builders?|linters?|tools?|scripts?|plugins?|sites?|servers?|pages?|templates?|functions|methods|classes|stubs)\\b)",
              "asks for documentation").when("doc", "readme", "instructions", "tutorial", "guide", "faq"));

  static final List<Rule> REFACTORING =
      List.of(
          // "mypy errors after the refactor" names a past change, not a request.
          regex(CODE_REFACTORING, 4, "(?<!(?:after|since|during|before|from|in|by) (?:the|this|that|my|our|last|a|big) )"
              + "\\brefactor(?:ing)?\\b", "verb 'refactor'").when("refactor"),
          terms(CODE_REFACTORING, 1.5, "mentions refactoring", "refactored"),
          // Not "write the cleanup", "the cleanup function": there the word names code to write.
          regex(CODE_REFACTORING, 3, "(?<!\\b(?:write|add|implement|the|its) )\\bclean-?up\\b(?! (?:function|code|logic|step"
              + "|hook|handler|callback|method|routine|job|task)s?\\b)", "verb '%s'").when("cleanup", "clean-up"),
          terms(CODE_REFACTORING, 3, "verb '%s'", "clean up", "tidy",
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
          // The order of code, not of what users see: "reorder the functions in api.py".
          regex(CODE_REFACTORING, 2.5, "\\b(?:reorder|rearrange|regroup|sort)\\b (?:the |all )?(?:\\w+ )?(?:functions|methods"
              + "|imports|classes|fields|members|declarations|modules|files)\\b", "'%s'").when("reorder", "rearrange", "regroup", "sort"),
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
              "copy-past*", "copypast*", "copy past*", "copied and pasted", "centraliz*", "centralis*",
              "repeat the same", "repeats the same", "doing the same thing",
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
          // "give them real names", "more descriptive names": names that existing code lacks.
          regex(CODE_REFACTORING, 2.5, "\\b(?:better|real|proper|meaningful|descriptive|clearer|sensible|self-explanatory)"
              + " (?:\\w+ )?names\\b", "naming '%s'").when("names"),
          terms(CODE_REFACTORING, 2, "naming '%s'", "naming", "naming convention*", "snake_case", "snake case",
              "camelcase", "camel case", "kebab-case", "pascalcase"),
          terms(CODE_REFACTORING, 2, "'%s'", "generic helper", "shared helper", "common helper",
              "reusable helper", "shared module", "shared util*", "common util*", "base class"),
          terms(CODE_REFACTORING, 1.5, "'%s'", "get rid of", "type hints", "type annotations", "any types",
              "untyped"),
          terms(CODE_REFACTORING, 1.5, "'%s'", "messy", "a mess", "spaghetti", "code smell*", "too nested", "deeply nested",
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
              + "|generic|cleaner|simpler|shorter|smaller|leaner|flatter|tidier|clearer|dry|pure|stateless|immutable)\\b|\\b(?:cyclomatic|cognitive) complexity\\b",
              "'%s'").when("make", "complexity"));
}
