package dev.acr.context;

import static dev.acr.context.ClassifierRows.assertRows;

import org.junit.jupiter.api.Test;

/**
 * The signals of the cls6 round, found by reading the misses of ClassifierTest sets 30-33 and
 * grouping them by shape rather than by phrase: verbs known by their form (an identifier subject,
 * a particle, a short stem), progress on code being written (a part done, a part left), the
 * output of a call asked as a question, a construction that claims its opening verb, why-questions
 * about what keeps happening. Each row fails on the classifier before them (76d368d) except the
 * rows marked "guard", which keep a signal from reaching too far. Rows are worded apart from the
 * sets, so the sets still measure something.
 */
class ClassifierShapesTest {

  @Test
  void verbsKnownByTheirForm() {
    String[][] cases = {
        {"computeTax yields 0 for exempt states", "bug_fixing", "an identifier subject, then an -s verb no list knows"},
        {"dark theme goes away after login", "bug_fixing", "a two-letter stem before -es"},
        {"db connections time out at night", "bug_fixing", "'time out'"},
        {"theme setting falls back to light on reload", "bug_fixing", "a phrasal verb found by its particle"},
        {"make attachments downloadable", "code_generation", "guard: a plural object, no verb"},
        {"slugify() tests", "test_generation", "guard: an identifier and a plural noun"},
        {"utils.py helpers for parsing dates", "code_generation", "guard: an identifier, a plural noun, 'for'"}};
    assertRows(cases);
  }

  @Test
  void progressOnCodeBeingWritten() {
    String[][] cases = {
        {"the lexer is done, the parser isn't", "code_completion", "one part done, the other not"},
        {"the tokenizer has strings and comments left, do them", "code_completion", "parts left"},
        {"getters are written but setters still need writing", "code_completion", "still need writing"},
        {"const clamp = (x, lo, hi) => {\n  // ...\n}", "code_completion", "a body that is only a '...' comment"},
        {"result of Math.round(-0.5)?", "code_completion", "the result of a call, asked"},
        {"what would s be after\n\ns = 'ab' * 2\ns += s", "code_completion", "what a variable will be after a snippet"},
        {"the migration is done but the app still reads the old column", "bug_fixing", "guard: a behaviour after 'still'"},
        {"fetchUser resolves before the token is there", "bug_fixing", "a moment, not a part written"},
        {"resume the csv writer from where the last session ended", "code_completion", "'resume' opens a completion"},
        {"trait Shape { fn area(&self) -> f64; }\nimpl Shape for Square {", "code_completion",
            "a declaration left open at the snippet's end"}};
    assertRows(cases);
  }

  @Test
  void questionsAndConstructionsOfABug() {
    String[][] cases = {
        {"make the signup form work with autofill", "bug_fixing", "a construction claims its opening verb"},
        {"why do archived projects still count toward the quota", "bug_fixing", "a why-question about what keeps happening"},
        {"why did the api start returning html suddenly", "bug_fixing", "a why-question about what changed suddenly"},
        {"why do we still ship jquery", "code_understanding", "guard: a design question"},
        {"why does closing a tab clear the filters of every tab", "bug_fixing", "a why-question about behaviour"},
        {"why is the sidebar rendering on every keypress", "bug_fixing", "a why-question about behaviour"},
        {"why is the config a dict and not a dataclass", "code_understanding", "guard: a choice between two designs"},
        {"a user can vote twice on the same post", "bug_fixing", "can … twice"}};
    assertRows(cases);
  }
}
