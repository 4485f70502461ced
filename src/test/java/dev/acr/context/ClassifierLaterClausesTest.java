package dev.acr.context;

import static dev.acr.context.ClassifierRows.assertRows;

import org.junit.jupiter.api.Test;

/**
 * The signals of the cls7 round, found by reading the misses of ClassifierTest sets 35-42 (the
 * tune halves of fresh prompts): a request made in a later clause after a statement of what is
 * wrong, verbs that never name a subject, qualities that existing code lacks, code whose body is
 * not written yet (only a comment, only a throw, only signatures, a spec in its comments), output
 * prediction against question words, the order and nesting of code. Each row fails on the
 * classifier before them (704277b) except the rows marked "guard", which keep a signal from
 * reaching too far. Rows are worded apart from the sets, so the sets still measure something.
 */
class ClassifierLaterClausesTest {

  @Test
  void requestsAfterAStatementOfWhatIsWrong() {
    String[][] cases = {
        {"the parser mixes lexing and evaluation, separate them", "code_refactoring", "a request in a later clause"},
        {"there are two unimplemented handlers in api.go, write them", "code_completion",
            "guard: generation's verbs count wherever they stand, not twice"},
        {"use early returns in parse_args instead of nested ifs", "code_refactoring", "'use' is never a subject"},
        {"the vars in geo.py are called x1, y2, give them descriptive names", "code_refactoring", "names the code lacks"},
        {"make the formatter stateless", "code_refactoring", "a quality of existing code"},
        {"is there a reason we use a deque in the scheduler", "code_understanding", "a design question"},
        {"is there a reason load_user returns null offline", "bug_fixing", "guard: a question about behaviour"}};
    assertRows(cases);
  }

  @Test
  void codeWhoseBodyIsNotWrittenYet() {
    String[][] cases = {
        {"what does `\"5\" * 2` give in javascript", "code_completion", "the output of a snippet, asked"},
        {"next one\n\ndef median(xs: list[float]) -> float:", "code_completion", "a Python header with no body"},
        {"fn area(&self) -> f64 {\n    // width times height\n}", "code_completion", "a body that is only a comment"},
        {"the methods in cache.rs are empty, implement what the doc comments say", "code_completion",
            "a spec written into the code"},
        {"implement flush(), right now it just raises", "code_completion", "a body that only throws"},
        {"the handlers in views.py are just signatures", "code_completion", "only signatures"},
        {"the handler for refunds in billing.go is blank", "code_completion", "a part named by a phrase, left blank"},
        {"the app crashes if the config file in ~/.app is empty", "bug_fixing", "guard: empty in a condition"},
        {"implement stage 4, stages 1 and 2 are done", "code_completion", "numbered parts done"},
        {"let mut n = 0;\nwhile n < limit {", "code_completion", "a first line that is code by its end"}};
    assertRows(cases);
  }

  @Test
  void gapsInCodeThatIsThere() {
    String[][] cases = {
        {"write what goes into on_message", "code_completion", "a gap in the code"},
        {"write the retry hook, right now it's just pass", "code_completion", "a body that is just pass"},
        {"we declared `parse(&str) -> Ast` in lib.rs, implement it", "code_completion", "declared, not written"},
        {"the fallback branches need implementing", "code_completion", "parts that need writing"},
        {"the 429 response needs handling", "bug_fixing", "guard: an input to handle is no part of code"},
        {"the functions in report.go each have a comment saying what they return, write them", "code_completion",
            "a spec in the comments"},
        {"what value does total hold after the loop", "code_completion", "a variable's value after running"},
        {"the on_close and on_error callbacks are still empty", "code_completion",
            "a statement of code not yet written reports no bug"},
        {"the page is still empty after the fetch", "bug_fixing", "guard: a page is no part of code"},
        {"is_admin() just returns true for now, implement it", "code_completion", "a constant body for now"},
        {"the Save toolbar button is bound to an empty function", "code_completion", "an empty function"},
        {"write the part of deploy.sh that tags the release", "code_completion", "a part of code to write"},
        {"the login step works, the signup step doesn't", "bug_fixing", "guard: a part that works, in a report"},
        {"the proto declares GetInvoice but there's no handler for it", "code_completion", "declared, no implementation"},
        {"the retry helper has only the happy path, write the failure branches", "code_completion", "only the happy path"},
        {"the export menu entry is wired up but does nothing, implement it", "code_completion", "wired up but does nothing"},
        {"the save handler only has `console.log(form)`, make it call the api", "code_completion", "a body that only prints"},
        {"Chart.jsx has an empty `componentWillUnmount() {}`, write the cleanup", "code_completion",
            "'the cleanup' is code to write"}};
    assertRows(cases);
  }

  @Test
  void reportsOpenedByAnInterjectionOrAPastChange() {
    String[][] cases = {
        {"ugh the badge count never resets after logout", "bug_fixing", "an interjection is no verb"},
        {"make the search field never lose its value on navigation", "bug_fixing", "a behaviour to stop"},
        {"tailwind colors bleed into the print view", "bug_fixing", "a plural subject and a behaviour verb"},
        {"allow spaces in tags, right now the api rejects them", "bug_fixing", "what the code does now, wrongly"},
        {"close the reader in the loop, file handles pile up", "bug_fixing", "a request, then what happens now"},
        {"add a logout button, the old menu looks cluttered", "code_generation",
            "guard: a report after a request only breaks ties"},
        {"empty the cart after checkout, the previous items remain", "bug_fixing", "stale state outlives its moment"},
        {"right now parse() throws NotImplementedError, implement it", "code_completion",
            "guard: a placeholder now is no wrong behaviour"},
        {"after migrating to django 5 the admin login loops", "bug_fixing", "a version moved to, then a symptom"},
        {"the validation is copy pasted across forms, centralize it", "code_refactoring", "copied code"}};
    assertRows(cases);
  }

  @Test
  void outputPredictionOutweighsItsQuestionWords() {
    String[][] cases = {
        {"guess what this logs: console.log(typeof NaN)", "code_completion", "'guess what it prints'"},
        {"whats y at the end?\n\ny = 1\nfor k in range(3):\n    y *= 2", "code_completion",
            "a variable's value after a snippet"}};
    assertRows(cases);
  }

  @Test
  void theShapeOfCodeAsAQuality() {
    String[][] cases = {
        {"rearrange the methods in OrderService so public ones come first", "code_refactoring", "the order of code"},
        {"this loop is deeply nested, untangle it", "code_refactoring", "nesting as a quality of code"},
        {"reorder the columns in the orders table", "data_science", "guard: columns are no code structure"}};
    assertRows(cases);
  }
}
