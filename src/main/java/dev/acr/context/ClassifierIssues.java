package dev.acr.context;

import static dev.acr.context.Dimension.BUG_FIXING;
import static dev.acr.context.Dimension.CODE_GENERATION;
import static dev.acr.context.Rule.regex;
import static dev.acr.context.Rule.terms;

import java.util.List;

/**
 * How long-form text says what it is (see {@link IssueText}): a bug report has sections for
 * expected and actual behaviour, steps to reproduce, versions, and sentences like "X does Y
 * instead of Z"; a feature request asks for a change to the repository. Both are issues to resolve
 * in an existing repository, CodeRouterBench's bug_fixing (SWE-bench-style); a task statement (a
 * lab, an assignment: build this from a specification) is its code_generation. These are read
 * only in long-form prompts, where they count in full while the body's other vocabulary counts
 * for less. Same weight scale as {@link ClassifierRules}.
 */
final class ClassifierIssues {

  private ClassifierIssues() {}

  static final List<Rule> STRUCTURE =
      List.of(
          regex(BUG_FIXING, 3, "\\bexpected (?:behaviou?r|results?|outputs?|outcome)\\b|(?m)^[ \\t*#-]*expected:",
              "issue section '%s'").when("expected"),
          regex(BUG_FIXING, 3, "\\b(?:actual|current|observed) (?:behaviou?r|results?|outputs?|outcome)\\b"
              + "|(?m)^[ \\t*#-]*(?:actual|observed|instead|got):", "issue section '%s'")
              .when("actual", "current", "observed", "instead", "got"),
          regex(BUG_FIXING, 2, "\\bi (?:would have |had )?expected\\b|\\bexpected (?:it|this|that|the|to)\\b",
              "expectation '%s'").when("expected"),
          regex(BUG_FIXING, 2.5, "\\b(?:steps|how) to reproduce\\b|\\bto reproduce\\b|\\breproduc(?:ible|er|tion)\\b"
              + "|\\bminimal (?:working |reproducible |complete )?example\\b|\\bmcve\\b|\\bmwe\\b",
              "reproduction '%s'").when("reproduc", "example", "mcve", "mwe"),
          terms(BUG_FIXING, 3, "issue section '%s'", "describe the bug", "bug report", "bug description",
              "what happened", "what went wrong"),
          regex(BUG_FIXING, 2, "(?m)^[ \\t]*[-*]?[ \\t]*[a-z][\\w .-]{0,30}?[: ][ \\t]*v?\\d+\\.\\d+[\\w.+-]*[ \\t]*\\n"
              + "[ \\t]*[-*]?[ \\t]*[a-z][\\w .-]{0,30}?[: ][ \\t]*v?\\d+\\.\\d+", "version list"),
          regex(BUG_FIXING, 2.5, "\\bno longer\\b|\\bunexpected(?:ly)?\\b|\\b(?:incorrectly|wrongly|erroneous(?:ly)?"
              + "|inconsistent(?:ly)?|misleading)\\b", "symptom '%s'")
              .when("no longer", "unexpected", "incorrect", "wrong", "erroneous", "inconsistent", "misleading"),
          regex(BUG_FIXING, 3, "\\b(?:raises|throws|raised|thrown|raising|throwing|gives|get|getting|got) (?:an? |the "
              + "|this )?(?:\\w+error|\\w+exception|error|exception|warning|traceback)\\b", "'%s'")
              .when("rais", "throw", "get", "got", "gives"),
          regex(BUG_FIXING, 2, "\\b(?:doesn'?t|does not|isn'?t|is not|aren'?t|are not|not|never) (?:being )?(?:respected"
              + "|honou?red|preserved|supported|handled|recogni[sz]ed|applied|propagated|correct|right|consistent"
              + "|working|possible|allowed|accepted|passed|copied|inherited|called|used)\\b", "symptom '%s'")
              .when("not", "n't", "never"),
          regex(BUG_FIXING, 2.5, "\\b\\w+(?:s|ed)\\b(?: \\S+){0,6}? (?:instead of|rather than)\\b",
              "X does Y instead of Z").when("instead of", "rather than"),
          // An issue asking for a feature is still an issue to resolve in an existing repository:
          // CodeRouterBench's bug_fixing (SWE-bench), not its code_generation (code from a spec).
          terms(BUG_FIXING, 2, "feature request '%s'", "feature request", "is your feature request",
              "new feature", "enhancement", "feature proposal", "solution you'd like", "solution you would like",
              "alternatives you've considered", "would be nice", "would be great", "would be useful",
              "would be helpful", "it would be nice", "add support", "the ability to"));

  /** A statement of work to build something new from a specification: a lab, an assignment. */
  static final List<Rule> TASK =
      List.of(
          terms(CODE_GENERATION, 2, "task statement '%s'", "lab", "assignment", "exercise", "homework",
              "your task", "your goal", "your job", "your solution", "your implementation",
              "acceptance criteria", "acceptance:"),
          regex(CODE_GENERATION, 2, "(?m)^#+ *(?:acceptance|requirements|specification|deliverables)\\b",
              "task statement heading '%s'").when("#"),
          regex(CODE_GENERATION, 3, "\\byour (?:task|goal|job|assignment) (?:is|will be)\\b|\\byou(?:'ll| will| should"
              + "| need to| must| are to| are asked to| have to) (?:\\w+ )?(?:implement|write|build|create|add|design"
              + "|develop|modify|extend)\\b"
              + "|\\bimplement the following\\b|\\brequirements:|\\bdeliverables?\\b|\\bspecification:",
              "task statement '%s'").when("your ", "you", "implement", "requirements", "deliverable",
                  "specification"));
}
