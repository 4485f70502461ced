package dev.acr.context;

import static dev.acr.context.Dimension.BUG_FIXING;
import static dev.acr.context.Rule.raw;
import static dev.acr.context.Rule.regex;
import static dev.acr.context.Rule.terms;

import java.util.List;

/**
 * Features for bug fixing: pasted compiler and runtime output, then plain-language symptoms. Same
 * weight scale as {@link ClassifierRules}: ~4-5 nearly settles it alone (a pasted stack trace),
 * ~2-3 is typical vocabulary, ~1 only breaks ties.
 */
final class BugRules {

  private BugRules() {}

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
          raw(BUG_FIXING, 4, "\\b(?!NotImplemented|UnsupportedOperation)[A-Z]\\w*(?:Exception|Error)\\b(?=:|\\s*\\n|\\s*$| (?:at|in|on|when|while"
              + "|from|after|if|thrown|raised) | ')",
              "error '%s'").when("Exception", "Error"),
          raw(BUG_FIXING, 5, "error\\[E\\d{3,4}\\]|error TS\\d+|error C\\d{4}|error CS\\d{4}", "compiler error (%s)")
              .when("error[", "error TS", "error C"),
          // The code alone, as people paste it: "TS2345 in api.ts", "E0502 in parser.rs", "LNK2019".
          raw(BUG_FIXING, 4, "\\b(?:TS|CS|LNK)\\d{4}\\b|\\bE0\\d{3}\\b", "compiler error code '%s'")
              .when("TS", "CS", "LNK", "E0"),
          // A database refusing a write: "duplicate key value violates unique constraint".
          regex(BUG_FIXING, 3, "\\bviolates (?:\\S+ ){1,2}?constraint\\b|\\bconstraint (?:violation|failed)\\b"
              + "|\\bduplicate key\\b|\\bintegrityerror\\b", "database error '%s'").when("constraint", "duplicate key", "integrityerror"),
          raw(BUG_FIXING, 4, "npm ERR!", "npm error output"),
          raw(BUG_FIXING, 3, "(?m)^E\\s{2,}\\S", "pytest failure output").when("E  "),
          raw(BUG_FIXING, 3, "--- FAIL:|\\bFAILED\\b|\\bFAIL\\b", "failing test output")
              .when("FAIL"),
          raw(BUG_FIXING, 1.5, "\\b[\\w-]+\\.(?:py|go|rs|java|js|ts|tsx|jsx|c|cc|cpp|h|hpp|rb|kt|cs"
              + "|swift|php|scala):\\d+", "file:line reference (%s)").when(":"),
          regex(BUG_FIXING, 2.5, "\\berror:|\\bfatal:|\\bwarning:", "pasted '%s'").when("error:", "fatal:", "warning:"),
          // The shape of a pasted message: a tool or error name, a colon, then a capitalised
          // complaint ("jest: Cannot find module …", "Error: Unable to …"); or one opening a line.
          raw(BUG_FIXING, 3, "(?:: |^)(?:Cannot|Can't|Could not|Couldn't|Unable to|Failed to|Uncaught|Unhandled"
              + "|No such|Permission denied)\\b|: (?:Unexpected|Unknown|Invalid|Undefined|Unresolved|Missing)\\b",
              "pasted error line '%s'"),
          // errno names and Node's error codes: "npm install ERESOLVE …", "ENOENT", "ERR_REQUIRE_ESM".
          regex(BUG_FIXING, 3, "\\be(?:noent|acces|perm|addrinuse|conn(?:refused|reset|aborted)|resolve|pipe"
              + "|timedout|notfound|exist|isdir|notdir|mfile|nospc|nomem|inval|again|badf|notempty|integrity)\\b"
              + "|\\berr_[a-z_]{4,}", "error code '%s'").when("enoent", "eacces", "eperm", "eaddrinuse", "econn", "eresolve",
                  "epipe", "etimedout", "enotfound", "eexist", "eisdir", "enotdir", "emfile", "enospc", "enomem",
                  "einval", "eagain", "ebadf", "enotempty", "eintegrity", "err_"),
          // "sieve below 10^8 without running out of memory": what the new code must not do is a bound on it, not a
          // report of what happens (takes back the crash and its symptom). Not "so it doesn't overflow the stack": that
          // says the code does now.
          regex(BUG_FIXING, -5, "\\bwithout (?:running out of (?:memory|ram|heap)|(?:overflowing|blowing) (?:up )?the stack"
              + "|a stack overflow|ooming)\\b", "a bound to respect '%s'").when("without"),
          terms(BUG_FIXING, 4, "crash (%s)", "segmentation fault", "segfault", "segfaults", "segfaulted", "segfaulting", "core dumped", "core dump",
              "sigsegv", "sigabrt", "double free", "use after free", "use-after-free", "dangling pointer",
              "heap corruption", "stack overflow", "out of memory", "oomkilled", "oom-killed", "oom killed",
              "seg fault", "panicked", "bus error"),
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
              "is not assignable to", "has no attribute", "unresolved import", "undefined symbol",
              "unable to", "does not exist", "doesn't exist", "unexpected token", "unexpected end of",
              "syntax error", "syntaxerror", "invalid syntax", "undefined method", "unhandled"),
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
          regex(BUG_FIXING, 2.5, "\\b(?:mypy|tsc|eslint|linter|clippy|pyright|flake8|ruff|go vet|rustc|javac|gcc|clang"
              + "|compiler|sonar\\w*|valgrind|sanitizer|asan) (?:complains?|warns?|flags?|yells?|reports?|says|whines?"
              + "|chokes?|rejects?)\\b", "a tool complains '%s'")
              .when("complain", "warn", "flag", "yell", "report", "says", "whine", "chok", "reject"),
          regex(BUG_FIXING, 3, "^(?:\\$ )?(?:\\./)?(?:go|npm|npx|yarn|pnpm|cargo|mvn|gradle|gradlew|make|docker"
              + "|kubectl|pip|poetry|python3?|node|tsc|dotnet|bundle|rake|mix|pytest|jest|terraform|helm|git)"
              + " [^:\\n]{1,40}: ", "pasted command and its output"),
          // Plain-language bug reports: the verb, then symptoms.
          regex(BUG_FIXING, 3, "\\bfix(?:es|ing)?\\b", "verb 'fix'").when("fix"),
          terms(BUG_FIXING, 2.5, "mentions bug", "bug", "bugs", "buggy"),
          terms(BUG_FIXING, 2, "names a problem '%s'", "issue with", "issues with", "problem with", "issue in", "issues in",
              "problem in", "problems in", "heap dump", "heap profile", "memory profile", "memory grows",
              "problems with", "something wrong", "something's wrong", "something's off", "something is off", "something seems off",
              "something off", "looks off", "seems off", "not right", "weird", "strange",
              "odd behaviour", "odd behavior"),
          terms(BUG_FIXING, 2, "verb '%s'", "debug*", "diagnos*", "troubleshoot*"),
          // A problem named by a noun phrase, no verb: "too many open files on the worker", "high cpu
          // on idle", "circular import between models and services", "sql injection in search".
          regex(BUG_FIXING, 2.5, "\\btoo many (?:open )?(?:files|file descriptors|fds|connections|requests|redirects"
              + "|queries|retries|re-?renders|threads|processes|sockets|goroutines|handles)\\b", "symptom '%s'")
              .when("too many"),
          terms(BUG_FIXING, 2, "symptom '%s'", "high cpu", "high memory", "high latency", "cpu spike*",
              "memory spike*", "latency spike*", "100% cpu", "circular import", "circular imports", "import cycle"),
          terms(BUG_FIXING, 2.5, "vulnerability '%s'", "sql injection", "command injection", "xss", "csrf",
              "vulnerab*", "security hole", "security bug", "security issue", "insecure", "path traversal",
              "directory traversal", "open redirect"),
          terms(BUG_FIXING, 2.5, "symptom '%s'", "crash*", "panics", "hangs", "hang", "hanging",
              "freezes", "frozen", "deadlock*", "stuck", "leak", "leaks", "leaking", "leaky",
              "flaky", "flakiness", "flakes",
              "intermittent*", "broken", "breaks", "broke", "nothing happens", "does nothing",
              "no effect", "blank page", "white screen", "infinite loop", "infinite recursion", "infinitely",
              "infinite rerender*", "infinite re-render*", "infinite redirect*", "ignored", "loses",
              "losing", "disconnect*", "race", "races", "racy", "silently", "shifted", "misaligned",
              "out of order", "out of sync", "stale", "oom", "timeouts", "timed out", "overlaps", "flicker*",
              "glitch*", "cut off", "exhausted", "dies", "died", "used to be", "used to take", "exits early",
              "stops early", "prematurely", "sits there", "just sits", "sitting there", "any ideas", "any idea why",
              "not found", "cuts off", "cutting off", "redirect loop", "redirects in a loop", "in a loop", "runs out of", "running out of", "ran out of", "undefined"),
          regex(BUG_FIXING, 2, "\\b(?:runs?|retr\\w+|loads?|loading|spins?|spinning|hangs?|waits?|waiting|takes"
              + "|blocks?|loops?|looping) forever\\b", "symptom '%s'").when("forever"),
          // Third person: "the api accepts expired tokens"; "allow negative amounts" is a request.
          // "validation let's empty names through": not "let's add", which opens a request.
          regex(BUG_FIXING, 2.5, "\\b(?:lets|let's|allows)\\b(?: \\S+){1,3}? through\\b", "symptom '%s'").when("through"),
          regex(BUG_FIXING, 2.5, "\\b(?:accepts|allows|lets)\\b(?: \\S+){0,3}? (?:without|invalid|expired|negative"
              + "|empty|duplicate|bad|malformed)\\b|\\b(?:is|are) (?:still )?(?:allowed|accepted)\\b",
              "symptom '%s'").when("accepts", "allows", "lets", "allowed", "accepted"),
          // "unicode filenames break the uploader"; not "break it up into", not "don't break the API",
          // and not an order that opens a clause ("break the 800 line App.tsx into components").
          regex(BUG_FIXING, 2, "(?<=\\w )(?<!n't |not |never |without |would |will |could |might |may |can )\\bbreak\\b"
              + "(?!(?: \\S+){0,5}? (?:up|into|apart"
              + "|down|out)\\b)", "symptom 'break'").when("break"),
          // Not who is to be allowed: "allow users to vote more than once" asks for a feature ("the
          // webhook seems to fire twice" stays a symptom), nor what they are to do: "allow admins to
          // edit posts more than once", "let users retry declined payments up to 3 times" ("when I enable
          // caching the page renders twice" and "the config lets the job run twice" stay symptoms).
          regex(BUG_FIXING, 2.5, "(?<!\\b(?:allow|allows|let|lets|permit|permits|enable|enables|for) )"
              // (Java's look-behind takes no {m,n} on a group: the words are spelled out.)
              + "(?<!\\b(?:allow|permit|enable) \\S{1,20}(?: \\S{1,20})? to(?: \\S{1,20})?(?: \\S{1,20})?(?: \\S{1,20})? )"
              + "(?<!(?:^|[.;!?] )let \\S{1,20}(?: \\S{1,20})?(?: \\S{1,20})? )"
              + "\\b(?:\\w+(?:s|ed)|runs?|fires?|shows? up|appears?|opens?|(?:can|could|may) \\w+)(?: \\S+){0,2}? "
              + "(?:twice|more than once|two times"
              + "|multiple times|\\d+ times|over and over)\\b", "symptom 'happens twice'")
              .when("twice", "times", "over and over", "more than once"),
          regex(BUG_FIXING, 2, "\\bfail(?:s|ed|ing|ure|ures)?\\b", "symptom '%s'").when("fail"),
          regex(BUG_FIXING, 2.5, "(?<!(?:add|write|create) (?:a |an |some )?)"
              + "\\b(?:failing|broken|red|flaky|flakey|hanging|erroring) (?:tests?|build|ci|pipeline|job|spec)"
              + "|\\b(?:tests?|ci|lint|linter|build|pipeline|checks?)(?: (?:in|on|for) \\S+)? (?:is |are |keeps? )?(?:fail\\w*|broken|red)\\b",
              "failing test/build").when("fail", "broken", "red", "flak", "hanging", "erroring"),
          regex(BUG_FIXING, 1, "\\berrors?\\b(?! (?:handling|responses?|pages?|codes?|types?|classes|boundar\\w*|reporting|tracking))"
              + "|\\bexceptions?\\b", "mentions %s")
              .when("error", "exception"),
          terms(BUG_FIXING, 2, "symptom '%s'", "wrong", "incorrect*", "bogus", "garbled",
              "corrupt*", "mishandl*", "misbehav*", "blows up", "blow up", "blew up", "explodes",
              "chokes", "off-by-one", "off by one", "off by a", "divide by zero", "mismatch", "mismatches",
              "divides by zero", "division by zero", "null pointer", "nil pointer", "nil map",
              "npe", "overflow", "overflows", "regressed", "unresponsive"),
          regex(BUG_FIXING, 2.5, "\\b(?:doesn'?t|does not|don'?t|isn'?t|is not|won'?t|will not|can'?t"
              + "|cannot|not) (?:work|persist|sav(?:e|es|ed|ing)|load|start|compil|build|render|show|updat|exit"
              + "|stop|clos(?:e|es|ed|ing)|trigger|fir(?:e|es|ed|ing)\\b|match|run|respond|connect|redirect|refresh"
              + "|log ?in|sign ?in|find|access|reach|read|open|import|resolv|install|push|pull|send|receiv|delet"
              + "|sync|fetch|display|appear|clear|reset|reload|scroll|submit|upload|download|check ?out|pay|edit|click"
              + "|sign ?up|log ?out|zoom|drag)\\w*"
              + "|\\bnever (?:exits|returns|fires|finishes|completes|gets called|closes|stops"
              + "|terminates|resolves|exiting|returning|finishing|completing|closing|stopping|terminating|resolving)\\b", "symptom '%s'").when("nt", "n't", "not", "never"),
          // Data that turns into something else on the way: "ü comes out as Ã¼", "shows up as ???".
          regex(BUG_FIXING, 2, "\\b(?:comes?|came|coming|shows?|showed|showing|ends?|ended|ending) (?:out|up|back) as\\b",
              "symptom '%s'").when(" as"),
          terms(BUG_FIXING, 2, "symptom '%s'", "mojibake", "encoding issue", "encoding issues", "encoding problem",
              "encoding problems", "encoding mess", "encoding bug"),
          terms(BUG_FIXING, 1.5, "symptom timing '%s'", "sometimes", "randomly", "occasionally",
              "every time", "each time", "since the", "since we", "since this", "since yesterday", "since last", "started after", "after upgrading", "after updating", "after the upgrade",
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
          regex(BUG_FIXING, 2, "\\b(?:returns?|shows?|displays?|renders?|prints?) (?:none|null|nil|undefined|nan)\\b"
              // "parseFloat("1,5") is NaN for our EU users": a value no code asks for (not "is null": a request's condition).
              + "|\\b(?:is|are|was|were) (?:nan|infinity|-?inf)\\b"
              + "|\\b(?:an?|one|\\d+) (?:hour|minute|second|day|cent|byte|row)s? (?:late|early|off"
              + "|short|too many|too few|behind|ahead)\\b", "symptom '%s'")
              .when("return", "show", "display", "render", "print", "nan", "inf", "late", "early", "off", "short", "too many", "too few", "behind",
                  "ahead"),
          regex(BUG_FIXING, 2, "\\b(?:drops|dropping|skips|skipping|loses|losing|duplicates|swallows)"
              + " (?:the |a |an |some |all )?(?:last |first )?(?:rows?|records?|items?|lines?|events?"
              + "|messages?|entries|bytes|chars?|characters?|requests?|connections?|packets?|frames?|jobs?)", "symptom '%s'")
              .when("drop", "skip", "los", "duplicates", "swallow"),
          // Duplicated data is a symptom ("query returns duplicates"); duplicated code is refactoring.
          regex(BUG_FIXING, 2.5, "\\b(?:returns?|returning|shows?|showing|gives?|contains?|creates?|inserts?|produces?|renders?"
              + "|gets?|sends?|sent|charged?|has) (?:\\S+ ){0,2}?duplicate(?:s|d)?\\b(?! code)", "symptom '%s'")
              .when("duplicate"),
          regex(BUG_FIXING, 2, "\\blog(?:s|ging|ged)? (?:me|you|us|them|users?|people|everyone) out\\b", "symptom '%s'")
              .when("out"),
          // "i got stuck", "we're stuck on it": the writer is stuck, not the program.
          regex(BUG_FIXING, -2.5, "\\b(?:i|we|i'm|im|we're)(?: \\w+){0,2}? stuck\\b", "the writer is stuck").when("stuck"),
          // A tool's message pasted whole: "pytest: fixture 'db' not found", "kubectl: field is immutable".
          raw(BUG_FIXING, 2.5, "^[\\w./-]+: (?:\\S+ ){0,5}?(?:not found|failed|denied|refused|invalid|is immutable"
              + "|missing|unknown|undefined|cannot|can't|could not|unable)\\b", "pasted tool message").when(": "),
          // "oauth callback 404": a terse prompt that ends on an HTTP error status.
          // Not "make unknown routes return 404": there the status is what new code should answer.
          // Anchored at the start and bounded: a terse line, never a scan of a long body.
          regex(BUG_FIXING, 2.5, "^(?:4[0-2]\\d|5\\d\\d)s?\\b|^.{0,200}?(?<!return|respond with|send|throw|raise|with|an?|http)"
              + "\\s(?:4[0-2]\\d|5\\d\\d)s?\\s*[!?.]*$", "HTTP status '%s'"),
          // A warning class pasted from a run: DeprecationWarning, UnhandledPromiseRejectionWarning.
          raw(BUG_FIXING, 2.5, "\\b[A-Z]\\w+Warning\\b", "warning '%s'").when("Warning"),
          // Asking what is wrong, or how come: the question of someone looking at a bug.
          regex(BUG_FIXING, 3, "\\bwhat(?:'s| is| was) (?:wrong|broken) (?:with|here|in|about)\\b|\\bwhat(?:'s| is) wrong\\s*[?!.]*$|\\bwhat went wrong\\b|\\bhow come\\b"
              + "|\\bno longer (?:works?|loads?|shows?|starts?|builds?|compiles?|runs?|renders?|saves?|appears?|responds?"
              + "|connects?|syncs?|updates?|opens?|fires?)\\b", "symptom '%s'").when("wrong", "broken", "how come", "no longer"),
          terms(BUG_FIXING, 1.5, "symptom '%s'", "blocked by", "access denied", "forbidden", "unauthorized"),
          terms(BUG_FIXING, 2, "symptom '%s'", "unreadable", "unusable", "invisible", "truncated", "infinite spinner",
              "infinite loading", "loading forever", "spinner forever"),
          // "no sound on ios", "modal behind the overlay in safari": a place where something goes wrong.
          regex(BUG_FIXING, 1, "\\b(?:on|in) (?:ios|android|safari|firefox|chrome|edge|windows|macos|mac|linux|mobile"
              + "|ipad|iphone|prod|production|staging)\\b", "only on '%s'").when("on ", "in "),
          // "reconnect loop", "crash loop" (a "retry loop" is code); "has an extra empty line": something more than there should be.
          regex(BUG_FIXING, 2.5, "\\b(?:reconnect|restart|crash|boot|login|render|redirect|reload)(?:ing)? (?:loops?|storms?)\\b|\\bretry storms?\\b"
              + "|\\b(?:has|have|there's|there is|shows?|gets?|leaves?|prints?|outputs?|writes?) an? (?:extra|stray"
              + "|spurious|duplicate)\\b", "symptom '%s'").when("loop", "storm", "extra", "stray", "spurious", "duplicate"),
          terms(BUG_FIXING, 2.5, "investigate '%s'", "track it down", "track this down",
              "track down", "figure out why", "look into", "look at why", "see why", "check why", "root cause", "find the leak", "find the bug",
              "find out why", "find the cause"),
          // "why does X return 0.30000000000000004": behaviour in question; not a question about
          // design ("why do we …", "why is there …", "why does Order have both …", "why is the queue a
          // deque and not a list"). Weighed as much as the question's own words ("why does", opening
          // with "why"), so that a question about behaviour is no longer read as one about code alone.
          regex(BUG_FIXING, 3, "\\bwhy (?:is|are|was|were|does|do|did|won'?t|doesn'?t|isn'?t|can'?t) "
              + "(?!(?:we|you|they|people|there|one)\\b)(?!(?:\\S+ ){1,4}an? \\S+ (?:and not|rather than|not|over|instead of)\\b)"
              + "(?!.*\\b(?:have|has|need|needs|exist|exists|both"
              + "|intentional|on purpose|by design)\\b)", "why-question about behaviour").when("why"),
          regex(BUG_FIXING, 1.5, "\\bwhy (?:does|do|is|are|did|would)\\b.{0,80}\\b(?:return|returns|fail"
              + "|fails|crash|crashes|null|none|nil|empty|wrong|instead|when)\\b",
              "why-question about a symptom").when("why"),
          regex(BUG_FIXING, 3, "\\bwhy (?:is|are|does|do|did|would|was|were)\\b.{0,60}\\b(?:fail\\w*|crash\\w*"
              + "|red|broken|slow|slower|wrong|empty|null|none|nil|nan|hang\\w*|flak\\w*|break\\w*|throw\\w*"
              + "|errors?|zero|undefined|stuck|missing|twice)\\b", "why-question naming a failure").when("why"),
          // "why do deleted users still show up", "why does the modal always reopen": a behaviour
          // that keeps happening when it should not; not "why do we still support py2" (a design question).
          regex(BUG_FIXING, 3, "\\bwhy (?:is|are|does|do|did|was|were) (?!(?:we|you|they|people|there|one|i)\\b)[^?.]{0,60}?"
              + "\\b(?:still|never|always|keeps?|anymore|again|sometimes|randomly|every time|suddenly|all of a sudden)\\b",
              "why-question about a recurring behaviour").when("why"),
          // "mypy errors after the refactor", "since we bumped react": something changed and broke it.
          regex(BUG_FIXING, 2.5, "\\b(?:after|since) (?:the|my|our|this|that|last|a|we|i|you) (?:\\w+ ){0,2}?"
              + "(?:refactor\\w*|upgrad\\w*|updat\\w*|bump\\w*|merg\\w*|migrat\\w*|deploy\\w*|release"
              + "|rebas\\w*|switch\\w*|chang\\w*)", "regression after a change '%s'").when("after", "since"),
          regex(BUG_FIXING, 2, "\\bmake (?:it|this|them) (?:handle|work|accept|tolerate|not)\\b",
              "make-it-work request").when("make "),
          // Asking for robustness the code lacks: "handle null in parseUser", "prevent double submit", "reject malformed ids",
          // "stop the spinner from showing forever", "make sure the form can't be sent twice".
          regex(BUG_FIXING, 2.5, "^(?:please )?(?:handle (?:an? |the )?(?:case (?:where|when|of) (?:the |an? )?)?(?:null|nil|none"
              + "|empty|missing|zero|negative|invalid|bad|malformed|undefined|nan|duplicate)\\b|prevent\\b|guard against\\b"
              + "|reject (?:\\S+ )?(?:trailing|invalid|malformed|negative|unknown|extra|bad|empty|duplicate|oversized)\\b)"
              + "|\\bstop\\b(?: \\S+){1,3}? from \\w+ing\\b|\\bmake sure\\b(?: \\S+){0,5}? (?:can't|cannot|doesn't|does not"
              + "|don't|won't|never|isn't|no longer)\\b", "asks for robustness '%s'")
              .when("handle", "prevent", "guard", "stop", "make sure", "reject"),
          // "make the tests pass", "get ci green again": the suite fails now.
          regex(BUG_FIXING, 3, "\\b(?:make|get)\\b(?: the| our| all)?(?: \\S+)? (?:tests?|specs?|suite|ci|build|lint|linter|checks?"
              + "|pipeline) (?:to )?(?:pass(?:ing)?|green|work(?:ing)?)\\b", "wants the suite green '%s'")
              .when("pass", "green", "work"),
          terms(BUG_FIXING, 3, "error message '%s'", "already in use", "address in use"),
          // Symptoms named in two words: "double emails", "blank pdf", "slow query on /reports", "data loss".
          regex(BUG_FIXING, 2.5, "\\bdouble (?:emails?|charg\\w*|notifications?|messages?|requests?|orders?|submissions?"
              + "|entries|payments?|bookings?)\\b|\\bblank (?:pdfs?|screens?|emails?|exports?|files?|images?|reports?|charts?"
              + "|output|responses?|cells?)\\b", "symptom '%s'").when("double", "blank"),
          terms(BUG_FIXING, 2, "symptom '%s'", "slow query", "slow queries", "slow request", "slow requests",
              "slow response", "slow responses", "slow page load", "data loss", "lost data"),
          terms(BUG_FIXING, 1, "mentions CORS", "cors"),
          // "the cart become empty after refresh", "getting null in response.data": a value gone bad.
          regex(BUG_FIXING, 2.5, "\\b(?:becomes?|became|turns?|turned|goes|went) (?:empty|blank|null|undefined|nan|zero|negative"
              + "|unresponsive|stale)\\b|\\b(?:getting|gets|got|receiving|receive|seeing) (?:a |an )?(?:null|nil|none|undefined|nan"
              + "|empty (?:responses?|arrays?|lists?|results?|strings?|bod(?:y|ies)))\\b", "symptom '%s'")
              .when("bec", "turn", "goes", "went", "get", "got", "receiv", "seeing"),
          // "make the login form work on safari", "get the build working again": it does not work now.
          regex(BUG_FIXING, 2.5, "\\b(?:make\\b(?: \\S+){1,4}? work|get\\b(?: \\S+){1,4}? working)(?=\\s*$|[,.;!?]| (?:again|properly"
              + "|correctly|right|reliably|on|in|with|under|behind|offline|when|if|after|without|across)\\b)",
              "wants it working '%s'").when("work"),
          // "support emoji in usernames, right now signup rejects them": what the code does now, wrongly.
          // Not "for now it throws": there the code is a placeholder.
          regex(BUG_FIXING, 2.5, "\\b(?:right now|currently|at the moment|today),? (?:\\S+ ){0,3}?(?:rejects|refuses|fails|crashes"
              + "|breaks|errors|ignores|drops|loses|blocks|strips|truncates|mangles|hangs|freezes|aborts|dies)\\b"
              // "the old values stay": stale state that outlives its moment.
              + "|\\b(?:old|previous|stale|last) \\w+ (?:stays?|remains?|persists?|lingers?|sticks? around)\\b",
              "what it does now '%s'").when("now", "currently", "moment", "today", "stay", "remain", "persist", "linger", "stick"),
          // "make the form not submit twice": a behaviour to stop, like "avoid" or "prevent".
          regex(BUG_FIXING, 2, "\\b(?:make|have|get)\\b(?: \\S+){1,4}? (?:not|never|no longer|stop) \\w+", "a behaviour to stop '%s'")
              .when("not", "never", "no longer", "stop"),
          regex(BUG_FIXING, 1.5, "\\bhandle (?:it|that|this)\\b|(?<!what )\\bhappens (?:when|if|on|after)",
              "symptom '%s'").when("handle", "happens"),
          regex(BUG_FIXING, 2.5, "\\b(?:returning|returns|getting|gets|throws|throwing|gives?) "
              + "(?:a |an |http )?[45]\\d\\ds?\\b|\\b[45]\\d\\d (?:errors?|responses?|status)\\b"
              + "|\\b[45]\\d\\ds\\b|\\b[45]\\d\\d (?:on|from|after|while)\\b", "HTTP error status '%s'")
              .when("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
          terms(BUG_FIXING, 2, "'%s'", "logs say", "log says", "logs show", "in the logs",
              "error log", "passes locally", "pass locally", "works locally", "green locally",
              "fine locally", "locally but", "red on ci", "red on github", "fails on ci", "works on my machine", "on my machine",
              "used to work", "worked before", "stopped working"),
          regex(BUG_FIXING, 2, "\\b(?:pass(?:es)?|works?) (?:\\w+ ){0,3}?but\\b|\\bafter (?:we|i) "
              + "(?:bumped|upgraded|updated|switched|changed|merged|moved|deployed)\\b",
              "regression report '%s'").when("but", "after"),
          // "the date picker shows yesterday's date": a statement of current behaviour, no request.
          regex(BUG_FIXING, 1.5, "^(?:the|my|our|this|prod|production|users?|customers?|it)\\b"
              + "(?: [\\w'./-]+){0,5}? (?:shows|displays|renders|prints|fires|sends|emits|throws|see|sees|receive"
              + "|receives|lose|loses|hit|hits"
              + "|rounds|returns|gives|logs|saves|loads|redirects|is returning|is showing"
              + "|keeps)\\b", "describes current behaviour"),
          terms(BUG_FIXING, 0.8, "suspicion '%s'", "i think", "i suspect", "probably", "seems like",
              "seems to", "somehow", "for some reason"),
          regex(BUG_FIXING, 1.5, "(?:\\bnot|n't) (?:deterministic|thread[- ]safe)\\b|\\bnon-?deterministic"
              + "|\\b(?:returns|shows|gives) the same\\b"
              + "|\\bkeeps? (?:climbing|growing|increasing|restarting|crashing|failing|looping)\\b",
              "symptom '%s'").when("determin", "thread", "keep", "the same"));
}
