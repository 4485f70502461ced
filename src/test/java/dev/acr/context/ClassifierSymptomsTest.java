package dev.acr.context;

import static dev.acr.context.ClassifierRows.assertRows;

import org.junit.jupiter.api.Test;

/**
 * The signals of the cls9 round (issue 14: the unseen terse prompts are missed mostly on
 * bug_fixing and code_completion). Each row fails on the classifier before them (b4c3293) except
 * the rows marked "guard", which keep a signal from reaching too far. Rows are worded apart from
 * the scratch prompts that showed the shapes, and bench/blind-probe was not read for any of them.
 */
class ClassifierSymptomsTest {

  @Test
  void aStatementThatSaysWhenItHappensIsAReport() {
    String[][] cases = {
        {"the interval tree returns overlapping intervals when the input is unsorted", "bug_fixing",
            "a topic beside the condition it goes wrong under"},
        {"merge_ranges returns overlapping ranges when the input is unsorted", "bug_fixing",
            "guard: an identifier subject, a condition"},
        {"send a slack message when the deploy finishes", "code_generation", "guard: a request, not a statement"},
        {"a cron job that emails the report when it is ready", "code_generation", "guard: a thing to build"},
        {"binary_search gives -1 for the first element, should be 0", "bug_fixing", "guard: what it should do"}};
    assertRows(cases);
  }

  @Test
  void codeNotWrittenYetWithoutTheUsualWords() {
    String[][] cases = {
        {"TreeMap.floorKey is empty", "code_completion", "a method named by its class is empty"},
        {"Matrix.inverse in linalg.py is still unimplemented", "code_completion", "guard: a method, unimplemented"},
        {"ParseHeaders has a `...` where the loop goes", "code_completion", "a literal ellipsis placeholder"},
        {"write the second half of render_page", "code_completion", "the second half of code"},
        {"the cart is empty after a refresh", "bug_fixing", "guard: data, not a method"}};
    assertRows(cases);
  }

  @Test
  void coverageAskedForIsTests() {
    String[][] cases = {
        {"make sure the null branch gets tested", "test_generation", "coverage asked for"},
        {"ensure the refund path is covered", "test_generation", "guard: coverage asked for"},
        {"make sure the form can't be submitted twice", "bug_fixing", "guard: robustness, not coverage"}};
    assertRows(cases);
  }
}
