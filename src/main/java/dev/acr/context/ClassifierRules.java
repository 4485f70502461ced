package dev.acr.context;

import static dev.acr.context.Dimension.BUG_FIXING;
import static dev.acr.context.Dimension.CODE_COMPLETION;
import static dev.acr.context.Dimension.CODE_REFACTORING;
import static dev.acr.context.Dimension.CODE_UNDERSTANDING;
import static dev.acr.context.Dimension.TEST_GENERATION;
import static dev.acr.context.Rule.raw;
import static dev.acr.context.Rule.regex;
import static dev.acr.context.Rule.terms;

import java.util.List;

/**
 * Features for the "what should happen to existing code" dimensions: bug fixing, tests,
 * understanding, refactoring, completion. ({@link DomainRules} holds the "what kind of code"
 * ones.) Weights follow one scale: ~4-5 nearly settles it alone (a pasted stack trace, "explain"),
 * ~2-3 is typical vocabulary, ~1 only breaks ties.
 */
final class ClassifierRules {

  private ClassifierRules() {}

  /** Pasted compiler/runtime output: the strongest evidence of a bug report. */
  static final List<Rule> BUG =
      List.of(
          raw(BUG_FIXING, 5, "Traceback \\(most recent call last\\)", "stack trace (Traceback)")
              .when("Traceback"),
          raw(BUG_FIXING, 3, "(?m)^\\s*File \"[^\"]+\", line \\d+", "python stack frame")
              .when("line "),
          raw(BUG_FIXING, 5, "\\bpanic: ", "stack trace (panic:)").when("panic:"),
          raw(BUG_FIXING, 3, "goroutine \\d+ \\[", "goroutine dump").when("goroutine"),
          raw(BUG_FIXING, 5, "Exception in thread", "stack trace (Exception in thread)"),
          raw(BUG_FIXING, 3, "(?m)^\\s+at [\\w$.<>]+ ?\\(|\\bat [\\w$]+\\.[\\w$.<>]+ ?\\([\\w./-]+:\\d+",
              "stack frame (at …)").when("at "),
          raw(BUG_FIXING, 4, "\\b(?!NotImplemented)[A-Z]\\w*(?:Exception|Error)\\b(?=:|\\s*\\n|\\s*$| (?:at|in|on|when|while"
              + "|from|after|if|thrown|raised) )",
              "error '%s'").when("Exception", "Error"),
          raw(BUG_FIXING, 5, "error\\[E\\d{3,4}\\]|error TS\\d+|error C\\d{4}", "compiler error (%s)")
              .when("error[", "error TS", "error C"),
          raw(BUG_FIXING, 4, "npm ERR!", "npm error output"),
          raw(BUG_FIXING, 3, "(?m)^E\\s{2,}\\S", "pytest failure output").when("E  "),
          raw(BUG_FIXING, 3, "--- FAIL:|\\bFAILED\\b|\\bFAIL\\b", "failing test output")
              .when("FAIL"),
          raw(BUG_FIXING, 1.5, "\\b[\\w-]+\\.(?:py|go|rs|java|js|ts|tsx|jsx|c|cc|cpp|h|hpp|rb|kt|cs"
              + "|swift|php|scala):\\d+", "file:line reference (%s)").when(":"),
          regex(BUG_FIXING, 2.5, "\\berror:|\\bfatal:", "pasted '%s'").when("error:", "fatal:"),
          terms(BUG_FIXING, 4, "crash (%s)", "segmentation fault", "segfault", "core dumped",
              "sigsegv", "sigabrt", "double free", "use after free", "use-after-free", "dangling pointer",
              "heap corruption", "stack overflow", "out of memory", "oomkilled", "oom-killed", "oom killed"),
          terms(BUG_FIXING, 4, "JS runtime error (%s)", "undefined is not a function",
              "cannot read property", "cannot read properties", "is not defined",
              "is not a function", "uncaught"),
          terms(BUG_FIXING, 3, "error message '%s'", "undefined reference to",
              "unresolved external symbol", "cannot find symbol", "cannot find module",
              "no such file or directory", "command not found", "permission denied",
              "no module named", "could not find", "could not resolve", "could not load",
              "failed to load", "failed to compile", "failed to build", "failed to resolve",
              "failed to start", "failed to connect", "connection refused",
              "does not live long enough", "cannot borrow", "mismatched types", "type mismatch",
              "is not assignable to", "has no attribute", "unresolved import", "undefined symbol"),
          regex(BUG_FIXING, 3, "\\bexit(?:s|ed)? (?:with )?(?:(?:code|status) )?[1-9]\\d*\\b|non-zero exit"
              + "|returned non-zero", "exit code (%s)").when("exit", "non-zero"),
          regex(BUG_FIXING, 2.5, "\\bassertion ?(?:error|failed)|\\bexpected\\b.{1,40}\\b(?:but "
              + "(?:got|was|received)|received|got)\\b", "expected-vs-actual output")
              .when("assertion", "expected"),
          terms(BUG_FIXING, 2, "mentions %s", "stack trace", "stacktrace", "backtrace"),
          // A tool's complaints named ("mypy errors") or a command pasted with its output.
          regex(BUG_FIXING, 3, "\\b(?:mypy|tsc|eslint|lint|linter|clippy|pyright|flake8|ruff|vet|type|typing"
              + "|compile|compiler|compilation|build|borrow checker) (?:errors?|warnings?|failures?)\\b",
              "tool diagnostics '%s'").when("error", "warning", "failure"),
          regex(BUG_FIXING, 3, "^(?:\\$ )?(?:\\./)?(?:go|npm|npx|yarn|pnpm|cargo|mvn|gradle|gradlew|make|docker"
              + "|kubectl|pip|poetry|python3?|node|tsc|dotnet|bundle|rake|mix|pytest|jest|terraform|helm|git)"
              + " [^:\\n]{1,40}: ", "pasted command and its output"),
          // Plain-language bug reports: the verb, then symptoms.
          regex(BUG_FIXING, 3, "\\bfix(?:es|ing)?\\b", "verb 'fix'").when("fix"),
          terms(BUG_FIXING, 2.5, "mentions bug", "bug", "bugs", "buggy"),
          terms(BUG_FIXING, 2, "verb '%s'", "debug*", "diagnos*", "troubleshoot*"),
          terms(BUG_FIXING, 2.5, "symptom '%s'", "crash*", "panics", "hangs", "hang", "hanging",
              "freezes", "frozen", "deadlock*", "stuck", "leak", "leaks", "leaking", "leaky",
              "flaky", "flakiness", "flakes",
              "intermittent*", "broken", "breaks", "broke", "nothing happens", "does nothing",
              "no effect", "blank page", "white screen", "infinite loop", "infinite recursion", "infinitely",
              "infinite rerender*", "infinite re-render*", "infinite redirect*", "ignored", "loses",
              "losing", "disconnect*", "race", "races", "racy", "silently", "shifted", "misaligned",
              "out of order", "out of sync", "stale", "oom", "timeouts", "timed out", "overlaps", "flicker*",
              "glitch*", "cut off", "exhausted", "dies", "died", "used to be", "used to take", "exits early",
              "stops early", "prematurely", "redirect loop", "redirects in a loop", "in a loop", "runs out of", "running out of", "ran out of", "undefined"),
          regex(BUG_FIXING, 2, "\\b(?:runs?|retr\\w+|loads?|loading|spins?|spinning|hangs?|waits?|waiting|takes"
              + "|blocks?|loops?|looping) forever\\b", "symptom '%s'").when("forever"),
          // Third person: "the api accepts expired tokens"; "allow negative amounts" is a request.
          regex(BUG_FIXING, 2.5, "\\b(?:accepts|allows|lets)\\b(?: \\S+){0,3}? (?:without|invalid|expired|negative"
              + "|empty|duplicate|bad|malformed)\\b|\\b(?:is|are) (?:still )?(?:allowed|accepted)\\b",
              "symptom '%s'").when("accepts", "allows", "lets", "allowed", "accepted"),
          // "unicode filenames break the uploader"; not "break it up into", not "don't break the API",
          // and not an order that opens a clause ("break the 800 line App.tsx into components").
          regex(BUG_FIXING, 2, "(?<=\\w )(?<!n't |not |never |without |would |will |could |might |may |can )\\bbreak\\b"
              + "(?!(?: \\S+){0,5}? (?:up|into|apart"
              + "|down|out)\\b)", "symptom 'break'").when("break"),
          regex(BUG_FIXING, 2.5, "\\b(?:\\w+(?:s|ed)|runs?|fires?|shows? up|appears?|opens?)(?: \\S+){0,2}? (?:twice|two times"
              + "|multiple times|\\d+ times|over and over)\\b", "symptom 'happens twice'")
              .when("twice", "times", "over and over"),
          regex(BUG_FIXING, 2, "\\bfail(?:s|ed|ing|ure|ures)?\\b", "symptom '%s'").when("fail"),
          regex(BUG_FIXING, 2.5, "(?<!(?:add|write|create) (?:a |an |some )?)"
              + "\\b(?:failing|broken|red|flaky|flakey|hanging|erroring) (?:tests?|build|ci|pipeline|job|spec)"
              + "|\\b(?:tests?|ci|lint|linter|build|pipeline|checks?) (?:is |are |keeps? )?(?:fail\\w*|broken|red)\\b",
              "failing test/build").when("fail", "broken", "red", "flak", "hanging", "erroring"),
          regex(BUG_FIXING, 1, "\\berrors?\\b(?! handling)|\\bexceptions?\\b", "mentions %s")
              .when("error", "exception"),
          terms(BUG_FIXING, 2, "symptom '%s'", "wrong", "incorrect*", "bogus", "garbled",
              "corrupt*", "mishandl*", "misbehav*", "blows up", "blow up", "blew up", "explodes",
              "chokes", "off-by-one", "off by one", "off by a", "divide by zero",
              "divides by zero", "division by zero", "null pointer", "nil pointer", "nil map",
              "npe", "overflow", "overflows", "regressed", "unresponsive"),
          regex(BUG_FIXING, 2.5, "\\b(?:doesn'?t|does not|don'?t|isn'?t|is not|won'?t|will not|can'?t"
              + "|cannot|not) (?:work|persist|save|load|start|compile|build|render|show|update|exit"
              + "|stop|close|trigger|fire|match|run|respond|connect|redirect|refresh|log ?in|sign ?in|find|access|reach"
              + "|read|open|import|resolve|install|push|pull)\\w*"
              + "|\\bnever (?:exits|returns|fires|finishes|completes|gets called|closes|stops"
              + "|terminates|resolves)\\b", "symptom '%s'").when("nt", "n't", "not", "never"),
          terms(BUG_FIXING, 1.5, "symptom timing '%s'", "sometimes", "randomly", "occasionally",
              "since the", "since we", "since this", "since yesterday", "since last", "started after", "after upgrading", "after updating", "after the upgrade",
              "after the update", "after deploying", "after migrating", "started happening"),
          terms(BUG_FIXING, 1, "symptom '%s'", "even with", "even though", "even when", "even if",
              "even after", "logged out", "timing out", "times out", "too slow", "slowed down",
              "reproduc*", "repro"),
          regex(BUG_FIXING, 2.5, "\\b(?:(?:i|we|you|they) (?:get|see)|returns|returning|returned|gives|giving|gave"
              + "|shows|showing|showed|prints|printing|printed|gets|getting|got|produces|producing|produced|appears|renders|displays|ends up|lands"
              + "|(?:is|are|was|were|gets?|got) \\w+ed)"
              + "\\b(?: \\S+){0,4} (?:instead of|rather than)\\b"
              + "|\\bshould (?:be|return|not|have|work|show)\\b[^.?!]{0,60}\\b(?:but|instead)\\b",
              "expected-vs-actual").when("instead", "rather than", "should"),
          terms(BUG_FIXING, 1, "expectation '%s'", "should return", "it should", "shouldn't",
              "shouldnt", "should not"),
          regex(BUG_FIXING, 2, "\\breturns? (?:none|null|nil|undefined|nan)\\b"
              + "|\\b(?:an?|one|\\d+) (?:hour|minute|second|day|cent|byte|row)s? (?:late|early|off"
              + "|short|too many|too few|behind|ahead)\\b", "symptom '%s'")
              .when("return", "late", "early", "off", "short", "too many", "too few", "behind", "ahead"),
          regex(BUG_FIXING, 2, "\\b(?:drops|dropping|skips|skipping|loses|losing|duplicates|swallows)"
              + " (?:the |a |an |some |all )?(?:last |first )?(?:rows?|records?|items?|lines?|events?"
              + "|messages?|entries|bytes|chars?|characters?|requests?|connections?|packets?|frames?|jobs?)", "symptom '%s'")
              .when("drop", "skip", "los", "duplicates", "swallow"),
          terms(BUG_FIXING, 2.5, "investigate '%s'", "track it down", "track this down",
              "track down", "figure out why", "look into", "look at why", "see why", "check why", "root cause", "find the leak", "find the bug",
              "find out why", "find the cause"),
          regex(BUG_FIXING, 1.5, "\\bwhy (?:does|do|is|are|did|would)\\b.{0,80}\\b(?:return|returns|fail"
              + "|fails|crash|crashes|null|none|nil|empty|wrong|instead|when)\\b",
              "why-question about a symptom").when("why"),
          regex(BUG_FIXING, 3, "\\bwhy (?:is|are|does|do|did|would|was|were)\\b.{0,60}\\b(?:fail\\w*|crash\\w*"
              + "|red|broken|slow|slower|wrong|empty|null|none|nil|nan|hang\\w*|flak\\w*|break\\w*|throw\\w*"
              + "|errors?|zero|undefined|stuck|missing|twice)\\b", "why-question naming a failure").when("why"),
          // "mypy errors after the refactor", "since we bumped react": something changed and broke it.
          regex(BUG_FIXING, 2.5, "\\b(?:after|since) (?:the|my|our|this|that|last|a|we|i|you) (?:\\w+ ){0,2}?"
              + "(?:refactor\\w*|upgrad\\w*|updat\\w*|bump\\w*|merg\\w*|migrat\\w*|deploy\\w*|release"
              + "|rebas\\w*|switch\\w*|chang\\w*)", "regression after a change '%s'").when("after", "since"),
          regex(BUG_FIXING, 2, "\\bmake (?:it|this|them) (?:handle|work|accept|tolerate|not)\\b",
              "make-it-work request").when("make "),
          regex(BUG_FIXING, 1.5, "\\bhandle (?:it|that|this)\\b|(?<!what )\\bhappens (?:when|if|on|after)",
              "symptom '%s'").when("handle", "happens"),
          regex(BUG_FIXING, 2.5, "\\b(?:returning|returns|getting|gets|throws|throwing|gives?) "
              + "(?:a |an |http )?[45]\\d\\ds?\\b|\\b[45]\\d\\d (?:errors?|responses?|status)\\b"
              + "|\\b[45]\\d\\ds\\b", "HTTP error status '%s'")
              .when("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
          terms(BUG_FIXING, 2, "'%s'", "logs say", "log says", "logs show", "in the logs",
              "error log", "passes locally", "pass locally", "works locally", "works on my machine",
              "used to work", "worked before", "stopped working"),
          regex(BUG_FIXING, 2, "\\b(?:pass(?:es)?|works?) (?:\\w+ ){0,3}?but\\b|\\bafter (?:we|i) "
              + "(?:bumped|upgraded|updated|switched|changed|merged|moved|deployed)\\b",
              "regression report '%s'").when("but", "after"),
          // "the date picker shows yesterday's date": a statement of current behaviour, no request.
          regex(BUG_FIXING, 1.5, "^(?:the|my|our|this|prod|production|users?|customers?|it)\\b"
              + "(?: [\\w'./-]+){0,5}? (?:shows|displays|renders|prints|fires|sends|emits|throws"
              + "|rounds|returns|gives|logs|saves|loads|redirects|is returning|is showing"
              + "|keeps)\\b", "describes current behaviour"),
          terms(BUG_FIXING, 0.8, "suspicion '%s'", "i think", "i suspect", "probably", "seems like",
              "seems to", "somehow", "for some reason"),
          regex(BUG_FIXING, 1.5, "(?:\\bnot|n't) (?:deterministic|thread[- ]safe)\\b|\\bnon-?deterministic"
              + "|\\b(?:returns|shows|gives) the same\\b"
              + "|\\bkeeps? (?:climbing|growing|increasing|restarting|crashing|failing|looping)\\b",
              "symptom '%s'").when("determin", "thread", "keep", "the same"));

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
          regex(TEST_GENERATION, 2.5, "\\b(?:add|write|create)\\b(?: \\S+){0,3}? (?:failing|reproducing) tests?\\b",
              "a test that exposes a bug").when("failing", "reproducing"),
          // "a Makefile with build, test and lint targets": a step of a pipeline, not tests to write.
          regex(TEST_GENERATION, -3, "\\b(?:build|lint|format|deploy|typecheck|install|clean)(?:,? (?:and |or )?\\w+){0,2}"
              + ",? (?:and |or )?test\\b|\\btest,? (?:and |or )?(?:build|lint|format|deploy|typecheck)\\b",
              "'test' as a pipeline step").when("test"),
          // "…, throw in a couple of quick tests too": the tests are not the main deliverable.
          regex(TEST_GENERATION, -3, "\\btests? (?:too|as well)\\b|\\b(?:also|plus|and) (?:add |write "
              + "|throw in )?(?:a |some |a few |a couple of )?(?:quick |basic )?tests?\\b",
              "tests only as an afterthought").when("test"));

  static final List<Rule> UNDERSTANDING =
      List.of(
          terms(CODE_UNDERSTANDING, 4, "verb 'explain'", "explain*"),
          terms(CODE_UNDERSTANDING, 3, "verb '%s'", "describ*", "summari*", "summary", "overview",
              "clarif*", "elaborat*", "interpret*", "walk me through", "walk us through",
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
          terms(CODE_UNDERSTANDING, 1, "mentions comments", "comments"),
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
              "pydoc", "doc comment", "doc comments", "readme", "mermaid", "diagram", "uml"));

  static final List<Rule> REFACTORING =
      List.of(
          // "mypy errors after the refactor" names a past change, not a request.
          regex(CODE_REFACTORING, 4, "(?<!(?:after|since|during|before|from|in|by) (?:the|this|that|my|our|last|a|big) )"
              + "\\brefactor(?:ing)?\\b", "verb 'refactor'").when("refactor"),
          terms(CODE_REFACTORING, 1.5, "mentions refactoring", "refactored"),
          terms(CODE_REFACTORING, 3, "verb '%s'", "clean up", "cleanup", "clean-up", "tidy",
              "declutter", "simplif*", "streamline", "restructur*", "reorganiz*", "reorganis*",
              "rework", "overhaul", "moderniz*", "modernis*", "consolidat*",
              "decoupl*", "dry up", "dry it", "dry this"),
          regex(CODE_REFACTORING, 2, "\\bdedup(?:e|licate)\\b(?!\\.)(?! (?:\\w+ )?(?:records|rows"
              + "|entries|data|customers|users|events|lines|dataset))|\\binlin(?:e|ing)\\b", "verb '%s'")
              .when("dedup", "inlin"),
          raw(CODE_REFACTORING, 3, "\\bDRY\\b", "'DRY'").when("DRY"),
          // Not "a cli that renames photos": there the verb is what the new code does.
          regex(CODE_REFACTORING, 3, "(?<!that |which )\\b(?:renam|extract)\\w*", "verb '%s'")
              .when("renam", "extract"),
          regex(CODE_REFACTORING, 2, "\\b(?:turn|convert|change|make)\\b(?: \\S+){1,5}? into\\b", "'%s'")
              .when("into"),
          regex(CODE_REFACTORING, 2.5, "\\bsplit\\b(?: \\S+){0,4}? into\\b|\\bbreak(?:ing)?\\b(?: \\S+){0,3}? "
              + "(?:up|into|apart)\\b|\\b(?:smaller|separate) (?:modules|functions|classes|files|components"
              + "|methods)\\b", "split into parts").when("split", "break", "smaller", "separate"),
          regex(CODE_REFACTORING, 2, "\\b(?:pull|move|hoist|lift)\\b(?: \\S+){0,5}? (?:into|out|to)\\b",
              "'%s'").when("pull", "move", "hoist", "lift"),
          regex(CODE_REFACTORING, 2, "\\breplace\\b(?: \\S+){0,6}? with\\b|\\binstead of\\b", "'%s'")
              .when("replace", "instead"),
          regex(CODE_REFACTORING, 2.5, "\\b(?:introduce|use|extract) (?:an? )?(?:\\w+ ){0,2}(?:interface"
              + "|abstraction|strategy|base class|protocol|trait)\\b|\\binject\\w*"
              + "|\\b(?:not |stop |)depend(?:s|ing)? on (?:the )?concrete\\b|\\btight(?:ly)? coupl\\w*",
              "'%s'")
              .when("interface", "abstraction", "strategy", "base class", "protocol", "trait", "inject",
                  "concrete", "coupl"),
          regex(CODE_REFACTORING, 3, "\\b(?:without|no|zero) (?:not_)?(?:chang\\w*|breaking) (?:any |the )?"
              + "(?:behaviou?r|responses?|output|api|semantics|interface|callers)|\\bbehaviou?r "
              + "(?:must|should|has to) (?:stay|remain)|\\bsame (?:outputs?|behaviou?r|results?"
              + "|responses?)\\b|\\bkeeps? working\\b|\\bpreserv\\w+ (?:the )?(?:behaviou?r|semantics"
              + "|api)|\\bno behaviou?r(?:al)? changes?\\b", "behaviour-preserving")
              .when("chang", "breaking", "behavio", "same", "working", "preserv"),
          terms(CODE_REFACTORING, 2, "'%s'", "readab*", "clearer", "cleaner", "maintainab*",
              "hard to read", "hard to follow", "hard to maintain", "hard to test", "duplicat*",
              "copy-past*", "copypast*", "repeat the same", "repeats the same", "doing the same thing",
              "dead code", "unused import", "unused imports", "unused code", "unused variables",
              "magic number", "magic numbers", "magic strings", "nesting", "nested ifs",
              "nested callbacks", "early return", "early returns", "guard clause", "guard clauses",
              "across the repo", "across the codebase", "throughout the codebase", "everywhere",
              "update callers", "update the callers", "all call sites", "all usages"),
          terms(CODE_REFACTORING, 2, "'%s'", "generic helper", "shared helper", "common helper",
              "reusable helper", "shared module", "shared util*", "common util*", "base class"),
          terms(CODE_REFACTORING, 1.5, "'%s'", "messy", "a mess", "spaghetti", "code smell*",
              "tech debt", "technical debt", "boilerplate", "god class", "god object", "giant",
              "monolith*", "too long", "too big", "idiomatic", "singleton", "global state",
              "global config", "global variable*"),
          terms(CODE_REFACTORING, 1.5, "idiom '%s'", "async/await", "callback-style", "callbacks",
              "hooks", "function component", "function components", "class component",
              "class components", "switch expressions", "template literals", "f-strings",
              "pathlib", "const/let", "let/const", "structured logg*", "thiserror",
              "optional chaining", "dataclass", "dataclasses", "callback", "promise", "promises",
              "enum", "enums", "namedtuple", "namedtuples"),
          regex(CODE_REFACTORING, 2, "\\b\\d{3,}[- ]lines?\\b|\\bmigrat(?:e|ing)\\b(?: \\S+){0,5}? (?:to|from"
              + "|off)\\b", "'%s'").when("line", "migrat"),
          regex(CODE_REFACTORING, 1, "\\S (?:->|→) \\S", "'a -> b' rewrite").when("->", "→"),
          terms(CODE_REFACTORING, 1, "verb '%s'", "convert*", "rewrit*"));

  static final List<Rule> COMPLETION =
      List.of(
          terms(CODE_COMPLETION, 3.5, "verb 'finish'", "finish", "finishing"),
          regex(CODE_COMPLETION, 3, "\\bcomplete\\b(?! (?:rewrite|overhaul|list|guide|crud))",
              "verb 'complete'").when("complete"),
          regex(CODE_COMPLETION, 3.5, "\\bfill(?:ing)?\\b(?: \\S+){0,4}? in\\b|\\bfill (?:out|them|it)\\b",
              "'fill in'").when("fill"),
          terms(CODE_COMPLETION, 3, "placeholder '%s'", "todo!()", "unimplemented!",
              "notimplemented*", "not implemented", "not yet implemented", "unimplemented",
              "placeholder", "placeholders"),
          regex(CODE_COMPLETION, 3, "(?:#|//|--)\\s*todo\\b|\\btodo:", "TODO marker").when("todo"),
          terms(CODE_COMPLETION, 1, "mentions TODO", "todo", "todos"),
          regex(CODE_COMPLETION, 2, "\\b(?:the|these|those|all|remaining|each|every|any) todos?\\b(?! (?:app|apps|list"
              + "|items?))|\\btodo'?d\\b", "TODOs to finish").when("todo"),
          terms(CODE_COMPLETION, 2.5, "'%s'", "stub", "stubs", "stubbed", "skeleton", "scaffolded",
              "only a signature", "just a signature", "only the signature", "just the signature",
              "abstract method", "abstract methods", "only done", "only implemented",
              "only written", "only did", "only does", "already there", "already done",
              "already written", "already spells out", "already has", "already in place"),
          terms(CODE_COMPLETION, 3, "partial code '%s'", "half done", "half-done", "half written",
              "half-written", "half finished", "half-finished", "half implemented",
              "half-implemented", "partially done", "partially written", "partially implemented",
              "incomplete", "unfinished", "stopped halfway", "stopped half way", "stopped midway",
              "stopped in the middle", "where i stopped", "where i left off", "left off",
              "the rest", "remaining methods", "remaining cases", "remaining functions",
              "remaining parts", "remaining steps", "remaining branches", "remaining arms",
              "continue from", "continue where", "continue writing", "continue this",
              "do the rest", "never defined", "not defined yet"),
          regex(CODE_COMPLETION, 2.5, "\\bmissing (?:\\S+ ){0,2}?(?:steps|cases|methods|case|branch(?:es)?"
              + "|arms|body|bodies|implementations?|definitions?|parts?|pieces|bits|fields|logic|stages?"
              + "|sections?|variants|functions?)\\b|\\b(?:cases|arms|methods|branches|steps|fields|stages?"
              + "|sections?|parts?|bodies|body) (?:are|is) (?:still )?missing\\b"
              + "|\\b(?:declared|defined)\\b(?: \\S+){0,6}? (?:but )?(?:never|not) "
              + "(?:defined|implemented)\\b", "missing pieces")
              .when("missing", "declared", "defined"),
          regex(CODE_COMPLETION, 2.5, "\\bonly (?:handles|covers|supports|has|implements)\\b"
              + "|\\bonly \\S+(?: \\S+){0,3}? (?:is|are) (?:done|implemented|there|written|handled|filled in)\\b"
              + "|\\b(?:the )?(?:other|remaining|rest of the) (?:\\w+ )?(?:cases|branches|arms|methods|variants"
              + "|handlers|functions|fields|steps)\\b", "'%s'")
              .when("only", "other", "remaining", "rest of"),
          regex(CODE_COMPLETION, 2.5, "\\b(?:write|implement|add|do|finish|handle) (?:the )?(?:remaining|rest of the) \\w+",
              "'%s'").when("remaining", "rest of"),
          regex(CODE_COMPLETION, 3.5, "\\b(?:write|implement|give|add|fill(?: in| out)?|do|need)\\b (?:in )?(?:the |its "
              + "|their |a )?(?:\\w+ )?bod(?:y|ies)\\b", "asks for the body").when("bod"),
          regex(CODE_COMPLETION, 2.5, "\\bleft (?:as (?:a )?(?:pass|todo|stubs?|placeholders?)|empty|blank|unimplemented)\\b",
              "'%s'").when("left"),
          regex(CODE_COMPLETION, 2.5, "\\b(?:real|actual|proper) (?:code|implementations?|logic|bod(?:y|ies))\\b"
              + "|`pass`|\\bpass statements?\\b|\\b(?:is|are) (?:all )?(?:just |only |still )?pass(?:$|[,.;])",
              "placeholder to replace '%s'").when("real", "actual", "proper", "pass"),
          regex(CODE_COMPLETION, 2, "\\b(?:function|method|fn|empty) body\\b|\\bbody of\\b|\\bthe \\w+ body\\b"
              + "|\\bempty (?:methods|functions|bodies|handlers|stubs)\\b",
              "'%s'").when("body", "empty"),
          // "validate() is empty"; not "crashes when the body is empty", a condition of a bug report.
          regex(CODE_COMPLETION, 2, "(?<!(?:when|if|while|unless) (?:the |its |an? )?)\\b(?:\\w+\\(\\)|function|method"
              + "|body|stub|class|handler|constructor|file) (?:is|are) (?:still |left )?empty\\b", "'%s'")
              .when("empty"),
          terms(CODE_COMPLETION, 1.5, "follow existing code", "in the same style", "same style",
              "consistent with", "the same way", "mirror*", "following the pattern",
              "follow the pattern", "follow the same pattern", "like the other",
              "like the existing", "matching the existing", "match the existing"),
          regex(CODE_COMPLETION, 4, "\\bpredict\\w* (?:the )?output|\\bwhat (?:exactly )?(?:will|would"
              + "|does|do) .{0,60}?\\b(?:print|output|return|log|evaluate to|yield)\\b|\\bwhat(?:'s| is) "
              + "the output\\b|\\b(?:literal|exact) output\\b|\\bwhat gets printed\\b",
              "output prediction").when("predict", "what", "output", "printed"),
          terms(CODE_COMPLETION, 1.5, "'%s'", "continue"));
}
