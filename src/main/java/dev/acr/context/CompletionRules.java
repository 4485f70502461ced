package dev.acr.context;

import static dev.acr.context.Dimension.CODE_COMPLETION;
import static dev.acr.context.Rule.raw;
import static dev.acr.context.Rule.regex;
import static dev.acr.context.Rule.terms;

import java.util.List;

/**
 * Features for code_completion: code begun and left unfinished (a TODO, a stub, a placeholder body,
 * the parts still to write beside the parts done) and the output of a snippet to predict, which the
 * dev set files here too. Same weight scale as {@link ClassifierRules}.
 */
final class CompletionRules {

  private CompletionRules() {}

  /** After "is empty": not a condition that says when, which makes it data, a bug's ("... when the server gzips"). */
  private static final String NOT_UNDER_A_CONDITION =
      "(?! (?:when|whenever|if|unless|after|once|on|for(?! (?:now|the moment|the time being)\\b))\\b)";

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
          // "implement the commented-out section": the code is sketched in comments, not written.
          regex(CODE_COMPLETION, 3, "\\b(?:implement|write|finish|complete|restore|fill in|re-?enable)\\b(?: \\S+){0,2}?"
              + " commented[- ]out\\b", "code left in comments '%s'").when("commented"),
          // Not "a todo app": there the word names what the new program is about. A FIXME left in the code
          // marks it unfinished as a TODO does ("FIXME in auth.py line 30"); one rule, so "TODO/FIXME" counts once.
          regex(CODE_COMPLETION, 1, "\\b(?:todos?|fixmes?)\\b(?! (?:apps?|lists?|items?|manager|tracker)\\b)", "mentions TODO")
              .when("todo", "fixme"),
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
              + "|panics?) (?:nil|null|none|0|zero|an? empty \\w+|false|true|undefined)(?: \\w+)? (?:right now|for now|currently"
              + "|at the moment|so far)\\b|\\bimplement (?:the|all(?: the)?|its|their) (?:\\w+ ){0,2}?(?:methods"
              + "|functions|stubs|handlers)\\b", "declared, not written '%s'")
              .when("there", "place", "written", "done", "defined", "declared", "impl", "body", "bodies", "definition",
                  "now", "currently", "moment", "so far", "implement "),
          // "implement what the comments describe": the spec is written into the code, the code is not.
          regex(CODE_COMPLETION, 4, "\\b(?:what|as) (?:the|its|their|each|his|her) (?:doc ?comments?|comments?|docstrings?"
              + "|javadoc|jsdoc|todos?|spec) (?:says?|describes?|specif\\w+|asks? for)\\b|\\bas (?:described|specified)"
              + " (?:in|by) (?:the|its|their) (?:doc ?comments?|comments?|docstrings?|javadoc|jsdoc)\\b"
              + "|\\b(?:doc ?comments?|comments?|docstrings?|javadoc|jsdoc) (?:saying|describing|that says|that describes|explaining)"
              + " (?:what|how)\\b|\\bbased on (?:the|its|their) (?:doc ?comments?|docstrings?|javadoc|jsdoc)\\b", "spec in the code '%s'")
              .when("comment", "docstring", "javadoc", "jsdoc", "todo", "spec"),
          // "i started this function but …", "what's x after this runs": code begun, or run in the head.
          regex(CODE_COMPLETION, 2, "\\b(?:i|we) (?:started|began|have started|'ve started) (?:this|the|a|my|on|writing)\\b",
              "code begun '%s'").when("started", "began"),
          // "it's registered in commands.ts but does nothing", "the handler only has `console.log(values)`":
          // the code is there as a placeholder.
          regex(CODE_COMPLETION, 4, "\\b(?:registered|declared|defined|wired up|hooked up|exists|is there)\\b(?: \\S+){0,4}? but does"
              + " nothing\\b|\\b(?:only|just) (?:has|contains|does) (?:an? )?`?(?:console\\.log|print|println|printf|puts)\\b",
              "a placeholder body '%s'").when("nothing", "only", "just"),
          // "i declared `fn checksum(…)` in the trait, implement it": the declaration is there, its code is not.
          regex(CODE_COMPLETION, 3, "\\b(?:i|we)(?: have|'ve)? (?:already )?(?:declared|stubbed(?: out)?|sketched out)\\b",
              "declared, not written '%s'").when("declared", "stubbed", "sketched"),
          // "the error cases need handling", "write what goes in the except block": work on code that is there.
          // Not "the 429 response needs handling": handling an input is a fix or a feature; parts of code are written.
          regex(CODE_COMPLETION, 3, "\\bneeds? (?:writing|implementing|filling in|wiring up)\\b|\\b" + PARTS + " (?:still )?needs? handling\\b"
              + "|\\b(?:write|fill in|implement|code) what goes (?:in|inside|into|where|here|there)\\b",
              "a gap in the code '%s'").when("need", "what goes"),
          // As much as any output prediction: the question words ("what's …?") must not outvote it.
          regex(CODE_COMPLETION, 4, "\\bwhat(?:'s| is| will| would)(?: be)?(?: the value of)? [a-z_]\\w* (?:be )?(?:after "
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
          regex(CODE_COMPLETION, 4, "\\bstill (?:to (?:do|write|implement)|todo|needs? (?:doing|writing|implementing)|to be (?:written|implemented|done"
              + "|filled in)|unimplemented|stubbed(?: out)?|placeholders?)\\b|\\byet to be (?:written|implemented"
              + "|done|filled in)\\b|\\b(?:does|do) nothing (?:yet|for now|so far)\\b|\\bnothing (?:yet|so far)\\b",
              "not written yet '%s'").when("still", "yet", "for now", "so far"),
          terms(CODE_COMPLETION, 2.5, "'%s'", "stub", "stubs", "stubbed", "stubbed-out", "skeleton", "scaffolded",
              "only a signature", "just a signature", "only the signature", "just the signature",
              "just signatures", "only signatures",
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
          // The second half of code, not of data: "write the second half of render_page", not "sort
          // the second half of the array".
          regex(CODE_COMPLETION, 3, "\\b(?:write|finish|complete|implement|fill in|do) the second half\\b(?! of (?:the |this |my )?"
              + "(?:array|list|data|rows|string|input|items|values|table|file's lines|vector|month|year|page's text))"
              + "|\\bsecond half of (?:the |this |my )?(?:function|method|code|class|module|implementation|script|loop|body)\\b",
              "partial code '%s'").when("second half"),
          // What is missing is a part of the code (arms, methods, a body), before or after the word:
          // "missing the Delete and Rename arms", "the interface methods that are still missing".
          regex(CODE_COMPLETION, 2.5, "\\b(?:missing|lacks|lacking|has no|have no) (?:\\S+ ){0,4}?" + PARTS + "|\\b" + PARTS
              + " (?:that |which )?(?:are|is) (?:still |yet )?missing\\b|\\bmissing [\\w.]+\\(\\)"
              + "|\\b(?:declared|defined)\\b(?: \\S+){0,6}? (?:but )?(?:never|not) "
              + "(?:defined|implemented)\\b", "missing pieces")
              .when("missing", "lack", "has no", "have no", "declared", "defined"),
          // Progress on code being written: one part done, then the part that is not ("most of the
          // router is written, the delete route isn't"), or parts still "left" ("has visit_call and
          // visit_name left"). Not "there" nor "working": "the button is there but still does nothing"
          // and "login works, logout doesn't" report bugs.
          regex(CODE_COMPLETION, 3, "\\b(?:(?:is|are|'s) (?:already |mostly |partly |all )?(?:done|written|implemented|in place"
              + "|stubbed)|exists?)\\b[^.?!]{0,60}?(?:,|;| but\\b)[^.?!]{0,60}?(?:\\b(?:isn't|aren't|is not|are not|doesn't|don't|does not|do not)(?=\\s*$|[,.;]| yet\\b)"
              + "|\\bstill (?:needs?|to|missing|todo|unimplemented|empty|a stub)\\b|\\b(?:not yet|left|missing|todo)\\b)"
              + "|\\b(?:has|have|there (?:is|are)|there's) (?:[^\\s\\d]+ ){1,5}?left(?=\\s*(?:$|[,.;:!]|to\\b))",
              "part done, part left '%s'").when("left", "n't", " not", "still", "missing", "todo"),
          // "write step 3, steps 1 and 2 work": numbered parts of code in progress, some of them done.
          regex(CODE_COMPLETION, 3, "\\b(?:steps?|parts?|stages?|phases?) \\d+(?:(?:,| and| &) \\d+)* (?:work|works"
              + "|(?:is|are) (?:done|there|written|working))\\b", "numbered parts done '%s'").when("step", "part", "stage", "phase"),
          // "write the part of the script that uploads", "the schema defines X but there's no resolver for it".
          regex(CODE_COMPLETION, 2.5, "\\b(?:write|implement|code|do|add) the (?:\\w+ )?part (?:of|that|where|which)\\b"
              // Not "the login step works, signup doesn't": "already" marks progress, not a report.
              + "|\\b(?:step|part|stage|phase|half|section) already works\\b", "a part of code to write '%s'")
              .when("part", "works"),
          regex(CODE_COMPLETION, 3, "\\b(?:defines?|declares?|declared|defined)\\b(?: \\S+){1,4}? but (?:there(?:'s| is) )?no"
              + " (?:\\w+ )?(?:resolvers?|implementations?|impls?|handlers?|bod(?:y|ies)|code|definitions?)\\b",
              "declared, not written '%s'").when("defin", "declar"),
          // "3 methods left to implement", "a few TODOs left", "doesn't handle Delete yet".
          regex(CODE_COMPLETION, 2.5, "\\bleft to (?:implement|write|fill|finish|do|handle|add)\\b"
              + "|\\btodos?\\b(?: \\S+){0,2}? left\\b|(?:\\bnot|n't) (?:\\S+ ){0,1}?(?:implement\\w*|handl\\w*"
              + "|written|finished|done|wired up|filled in|cover\\w*)\\b(?: \\S+){0,5}? yet\\b",
              "not written yet '%s'").when("left", "yet"),
          regex(CODE_COMPLETION, 2.5, "\\bonly (?:handles|covers|supports|has|implements)\\b|\\bonly (?:the )?happy path\\b"
              // "registers 5 commands but only 3 have handlers": some of the declared parts are written.
              + "|\\bbut only (?:\\d+|one|two|three|four|five|some|half)(?: of them)? (?:have|has) (?:an? )?(?:handlers?|implementations?"
              + "|bod(?:y|ies)|impls?|code)\\b"
              + "|\\b(?:has|have|implements|handles) \\S+(?: and \\S+)? only\\b"
              + "|\\bonly \\S+(?: \\S+){0,5}? (?:is|are) (?:done|implemented|there|written|handled|filled in)\\b"
              + "|\\b(?:the )?(?:other|remaining|rest of the) (?:\\w+ )?(?:cases|branches|arms|methods|variants"
              + "|handlers|functions|fields|steps|endpoints|routes|getters|setters|operators|commands|subcommands|validators"
              + "|rules|screens|pages|migrations|hooks|props|properties|columns|options|flags|subclasses|impls)\\b", "'%s'")
              .when("only", "other", "remaining", "rest of", "happy path"),
          regex(CODE_COMPLETION, 2.5, "\\b(?:write|implement|add|do|finish|handle|cover|fill in) (?:the )?(?:remaining|rest of the"
              + "|other) \\w+|\\b(?:pending|unwritten|outstanding|leftover|unfinished) " + PARTS,
              "'%s'").when("remaining", "rest of", "other", "pending", "unwritten", "outstanding", "leftover", "unfinished"),
          regex(CODE_COMPLETION, 3.5, "\\b(?:write|implement|give|add|fill(?: in| out)?|do|need)\\b (?:in )?(?:the |its "
              + "|their |a )?(?:\\w+ ){0,2}bod(?:y|ies)\\b", "asks for the body").when("bod"),
          regex(CODE_COMPLETION, 2.5, "\\bleft (?:as (?:a )?(?:pass|todo|stubs?|placeholders?)|empty|blank|unimplemented)\\b",
              "'%s'").when("left"),
          regex(CODE_COMPLETION, 2.5, "\\b(?:real|actual|proper) (?:code|implementations?|impls?|logic|bod(?:y|ies))\\b"
              + "|`pass`|`(?:\\.\\.\\.|…)`(?! (?:spread|rest|operator|syntax|notation|param|arg)\\w*)|\\bpass statements?\\b|\\b(?:is|are|'s) (?:all )?(?:just |only |still )?pass(?:$|[,.;])",
              "placeholder to replace '%s'").when("real", "actual", "proper", "pass", "`...`", "`…`"),
          regex(CODE_COMPLETION, 2, "\\b(?:function|method|fn|empty) body\\b|\\bbody of\\b|\\bthe \\w+ body\\b"
              + "|\\bempty (?:\\w+ )?(?:methods?|functions?|bodies|handlers?|stubs?|blocks?|callbacks?)\\b|\\ban empty [\\w.]+\\(\\)|\\ban empty `",
              "'%s'").when("body", "empty"),
          // "validate() is empty"; not "crashes when the body is empty", a condition of a bug report.
          // "the case for 'paused' in render_status is blank": the part may be named by a phrase or two.
          // Nor "Request.body is empty when Content-Type is text/plain", a condition after it (review17).
          regex(CODE_COMPLETION, 2, "(?<!(?:when|if|while|unless) (?:the |its |an? )?(?:\\w{1,20} )?)\\b(?:\\w+\\(\\)|function|method"
              + "|body|stub|class|handler|constructor|file|branch|case|loop|block|impl|fn|func|impls|methods|functions|handlers|bodies"
              + "|cases|branches|stubs|callbacks?|hooks?|wrappers?|decorators?)(?: (?:in|of|for|and) \\S+){0,3} (?:is|are) (?:still |left |all )?"
              + "(?:empty|blank)\\b" + NOT_UNDER_A_CONDITION, "'%s'")
              .when("empty", "blank"),
          // "LinkedList.remove is empty": a method named by its class (read from the raw text, where a
          // class is capitalised; "response.body is empty" is data, a bug report's subject).
          raw(CODE_COMPLETION, 2, "\\b[A-Z]\\w*\\.[a-z_]\\w*(?:\\(\\))?(?: (?:in|of) \\S+){0,2} (?:is|are) (?:still |left |just )?"
              // Not under a condition: "Response.data is empty when the server gzips" is data, a bug
              // ("LinkedList.remove is empty for now" is no condition).
              + "(?:empty|blank|unimplemented|a no-?op)\\b" + NOT_UNDER_A_CONDITION,
              "a method not written '%s'")
              .when("empty", "blank", "unimplemented", "no-op", "noop"),
          // The rest exists, one part is asked for: "the other dunders are done", "the remaining
          // routes are in place"; a part named with "is missing": "the Display impl is missing".
          regex(CODE_COMPLETION, 3, "\\b(?:other|rest of the|remaining)\\b(?: \\S+){0,2}? (?:is|are|'s) (?:already |all )?"
              + "(?:done|written|implemented|in place|there|working)\\b|\\b(?:impl|implementation|method|function|case"
              + "|branch|body|arm|getter|setter|constructor|override|handling|logic)s?\\b(?: \\S+){0,3}? (?:is|are) (?:still )?missing\\b",
              "one part done '%s'").when("done", "written", "implemented", "place", "there", "working", "missing"),
          // One part there, the other not: "the getter is there but the setter isn't", "…, equals is there".
          // Not a moment in a report: "resolves before the data is there".
          regex(CODE_COMPLETION, 2.5, "\\b(?:is|are)(?<!(?:what|where|who|which|how|why|nothing|something) (?:is|are))"
              + "(?<!\\b(?:before|until|till|after|once|when|whenever|if|unless) (?:the |its |a |all )?[\\w.]{1,20} (?:is|are))"
              + " (?:already )?there"
              + "(?:[,;.]|\\s*$| but\\b)", "one part there").when("there"),
          // A body that does nothing for now: "the validate hook is a no-op right now", "save is just
          // `return nil`", "it has no code yet"; and what it needs: "abstract methods need implementations".
          regex(CODE_COMPLETION, 4, "\\bno-?op\\b(?: \\S+){0,2}? (?:right now|for now|so far|currently|at the moment|yet)\\b"
              + "|\\b(?:is|are|'s) (?:just|only) `?(?:return|pass|raise|throw|panic|todo)\\b"
              // "the except block is just a comment now": a note where the code goes.
              + "|\\b(?:is|are|'s) (?:just|only|still) an? (?:comment|placeholder)\\b"
              // "implement parseHeader(), it currently just throws": throwing is all the body does.
              + "|\\b(?:just|only) (?:throws|raises|panics)(?: (?:for now|right now|currently|so far))?\\s*(?:$|[,.;])",
              "placeholder body '%s'")
              .when("no-op", "noop", "just", "only", "still"),
          regex(CODE_COMPLETION, 3, "\\b(?:has|have|with) no (?:code|implementation|body|logic)(?: yet)?\\b|\\bno (?:code|implementation|logic) yet\\b"
              + "|\\bneeds? (?:an? |real |actual |proper )?(?:implementations?|impls?|bodies)\\b"
              // "the abstract hooks need concrete versions in GitPlugin": declared there, to be written here.
              // Not "pin concrete versions of the dependencies": versions only when needed by what is declared.
              + "|\\bconcrete (?:implementations?|impls?|overrides?)\\b|\\bneeds? concrete versions?\\b"
              // "a Mutation type with three fields and no resolvers" (not "returns 200 with no body": a bug's data).
              + "|\\b(?:and|but) no (?:\\w+ )?(?:resolvers?|implementations?|impls?|handlers?|definitions?|method bod(?:y|ies))\\b"
              + "|\\breturns? (?:an? )?(?:http )?501\\b", // 501 is HTTP's "not implemented"
              "no code yet '%s'").when("no ", "need", "501", "concrete"),
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
          regex(CODE_COMPLETION, 4, "\\b(?:predict|guess)\\w* (?:the |what )?(?:output|gets printed"
              + "|(?:it|this|that|the code|the snippet) (?:prints|outputs|returns|logs|gives))"
              + "|\\bwhat(?:'s| is| will be| would be| gets) (?:printed|logged|output|displayed)\\b|\\boutput of (?:this|the following|that)\\b[^?]{0,60}\\?"
              + "|^(?:the )?(?:output|result) of [\\w.$]+\\([^\\n]*\\?|\\bwhat (?:value )?(?:will|would|does) [\\w.\\[\\]]+(?:\\([^?\\n]{0,60}?\\))? (?:be|equal|contain|hold|have)\\b(?= after\\b| at the end\\b|\\s*[?:]?\\s*(?:$|\\n))"
              + "|\\b(?:what|which (?:line|value|number|word|one)s?) (?:exactly |values? )?(?:will|would"
              + "|does|do) .{0,60}?\\b(?:print|output|return|log|evaluate to|yield|give)\\b|\\bwhat(?:'s| is) "
              + "the output\\b|\\b(?:literal|exact) (?:output|stdout|stderr|text(?! of\\b))\\b|\\bwhat gets (?:printed|logged|returned|output|shown|displayed)\\b" // not "the exact text of the error"
              + "|\\bevaluat\\w* (?:this|these|the following|the expression)\\b|\\bwhat(?: is|'s| would be| will be) the (?:final |resulting |end )?(?:result"
              + "|value|output)(?: of\\b|\\s*[?:]?\\s*\\n)|\\b(?:result|output|value) of `|\\b(?:answer|result|output) (?:of|for|to) (?:this|the following"
              + "|my|the) (?:code|snippet|program|expression|script)\\b",
              "output prediction").when("predict", "guess", "what", "which", "output", "stdout", "stderr", "text", "printed", "evaluat", "of `",
                  "answer", "result"),
          // Output prediction without "output"/"predict": "value of total after the loop: …", "what's in s after s :=
          // make(…)", "does [] == ![] evaluate to true or false". Not "the value of retries after a reload is wrong" (a
          // place, no code), nor "what's in the cache after a restart" (a thing, not a variable).
          regex(CODE_COMPLETION, 4, "\\b(?:value|contents?) of `?[a-z_]\\w*`? after(?::| (?:the|this|that) (?:loop|snippet|code|line|block)\\b)"
              + "|\\bwhat(?:'s| is| ends up) in `?[a-z_]\\w*`? after\\b(?! (?:the|a|an|each|every)\\b)"
              + "|\\bevaluates? to (?:true or false|false or true)\\b", "output prediction '%s'")
              .when("after", "true or false", "false or true"),
          // A print call with literal arguments, asked about: "the number printed by System.out.println(010 + 1)",
          // "fmt.Println(strings.Split(\"a,b,,c\", \",\")) — what comes out". Not a why-question: "print(x) prints None, why?" is a report,
          // and so is one said to misbehave: "console.log('x') prints nothing, what's wrong?".
          raw(CODE_COMPLETION, 3.5, "(?i)^(?!.*\\b(?:why|how come|wrong|never|nothing|doesn'?t|does not|won'?t|isn'?t|what am i missing)\\b)(?!\\s*how\\b)(?=.*(?:\\?|\\bwhat\\b|\\b(?:printed|logged|output) by\\b)).*?"
              + "\\b(?:print|println|printf|puts|console\\.log|fmt\\.print\\w*|system\\.out\\.print\\w*|console\\.write\\w*)"
              + "!?\\((?=[^)]*(?:[\"'\\d\\[{]|\\w\\())", "a print call to run in the head '%s'")
              .when("print", "Print", "log(", "puts", "Write"),
          // What a comment holds where code goes: "returns 0 with a `// later` comment", "# TBD", "// implement me".
          // Not "# rest of the code unchanged": pasted code's elided part, in a prompt about something else.
          regex(CODE_COMPLETION, 3, "(?:#|//|--|/\\*)\\s*(?:later|tbd|tba|rest(?! (?:api|client|endpoint|server)\\b)(?![^\\n]{0,40}\\b(?:unchanged|as before|the same|omitted|elided)\\b)|implement(?: (?:me|this|later))?"
              + "|fill (?:in|me)|compute later|wip)\\b", "a note where code goes '%s'").when("later", "tbd", "tba", "rest", "implement", "fill", "wip"),
          // "a function that's just `{}`", "the body is only `return;`": an empty body, quoted.
          // Not data: "the response is just `{}` when …".
          regex(CODE_COMPLETION, 3, "\\b(?:function|method|handler|body|callback|fn|func|impl|stub|hook)s?(?: that| which)?(?:'s| is| are)"
              + " (?:just|only|still) `(?:\\{\\s*\\}|return;?)`" + NOT_UNDER_A_CONDITION, "an empty body '%s'").when("{", "return"),
          // "decode() has just the docstring", "the handler for /logout is an empty lambda", "its body is a lone
          // console.log", "the link header part is absent": what is there of the code is its outline.
          regex(CODE_COMPLETION, 3, "\\b(?:has|with) (?:just|only) (?:the|a|its) (?:docstring|doc comment|javadoc|jsdoc)(?![\\w-])"
              + "|\\ban empty (?:lambda|closure|arrow function|function literal|func literal)\\b"
              + "|\\b(?:is|'s) (?:a lone|just an?|only an?|a single) `?(?:console\\.log|print|println|printf|puts)\\b"
              + "|\\b(?:part|section|step|branch|case|handler|method|function|resolvers?|impl|implementation)s? (?:is|are) (?:still )?absent\\b",
              "only the outline there '%s'").when("docstring", "doc comment", "javadoc", "jsdoc", "empty", "lone",
                  "just", "only", "single", "absent"),
          // An interface's parts against an implementation's: "the Go interface Notifier has Send and Close, SlackNotifier
          // has only Send", "protocol DataSource has numberOfItems and item(at:), the CoreData source lacks item(at:)".
          // Read from the raw text: the declaring type is named (capitalised), not a user interface ("the interface has a Save button").
          raw(CODE_COMPLETION, 3.5, "(?i:\\b(?:interface|protocol|trait|abstract class|base class|abc))\\s+`?[A-Z]\\w*[^.;?!]{0,80}?"
              + "(?i:\\b(?:has|have|declares?|defines?|lists?|requires?)\\b[^.?!]{0,100}?\\b(?:lacks|only has|has only|only implements"
              + "|implements only|is missing|doesn'?t have|does not have)\\b)", "declared there, lacking here '%s'")
              .when("lack", "only", "missing", "have"),
          // "__sub__, __mul__ and __neg__ are missing", "__exit__ isn't written": methods named, not written. Not "getUser()
          // is missing the auth header" (an object follows: a report).
          regex(CODE_COMPLETION, 3, "(?:\\b__\\w+__|\\b[\\w.]+\\(\\))(?:,? (?:and )?(?:__\\w+__|[\\w.]+\\(\\)))* (?:(?:is|are) (?:still )?missing"
              + "(?! (?:the|a|an|from|in|on|for|when|if)\\b)|(?:isn'?t|aren'?t|is not|are not) (?:written|implemented|defined)(?: yet)?\\b)",
              "methods named, not written '%s'").when("missing", "written", "implemented", "defined"),
          // "logout() just has a comment saying …", "there's no code for the cursor", "the assertion half of the helper
          // is missing", "main.tf is empty": a note, a gap or an empty file where code goes. Not "the rest of the list is
          // empty after the first page loads": empty under a condition is data.
          regex(CODE_COMPLETION, 3, "\\b(?:just|only) (?:has|contains) (?:an? )?(?:comment|placeholder|docstring)\\b|\\b(?:there'?s|there is|with|has) no code"
              + " (?:for|after|in|yet)\\b|\\b(?:half|part|rest|remainder) of (?:the |this |that |its )?(?!(?:docs|readme|documentation|guide|wiki|changelog|page)\\b)[\\w.()]+ (?:is|are) (?:still )?(?:missing"
              + "|absent|empty|unwritten)\\b" + NOT_UNDER_A_CONDITION + "|\\b[\\w-]+\\.(?:tf|py|go|rs|ts|tsx|js|jsx|java|kt|rb|c|h|cpp|cs|swift|sql|sh) (?:is|are) (?:still )?"
              + "(?:empty|blank)\\b" + NOT_UNDER_A_CONDITION, "where code goes '%s'").when("comment", "placeholder", "docstring", "no code",
                  "missing", "absent", "empty", "unwritten", "blank"),
          // "write the remainder", "the jdbc impl has the first two": the rest of code begun.
          regex(CODE_COMPLETION, 3, "\\b(?:write|finish|do|add|implement|fill in) the remainder\\b|\\b(?:impl|implementation|class|version)"
              + " (?:only )?(?:has|does|covers|implements) (?:only )?the first (?:one|two|three|four|\\d+)\\b",
              "partial code '%s'").when("remainder", "first"),
          terms(CODE_COMPLETION, 1.5, "'%s'", "continue"));
}
