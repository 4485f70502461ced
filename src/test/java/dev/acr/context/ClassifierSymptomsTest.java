package dev.acr.context;

import static dev.acr.context.ClassifierRows.assertRows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The signals of the cls9 round (issue 14: the unseen terse prompts are missed mostly on
 * bug_fixing and code_completion). Each row fails on the classifier before them (b4c3293) except
 * the rows marked "guard", which keep a signal from reaching too far. Rows are worded apart from
 * the scratch prompts that showed the shapes, and bench/blind-probe was not read for any of them.
 */
class ClassifierSymptomsTest {

  @Test
  void coveredBySomethingOtherThanTestsAsksForNoTests() {
    // A bug to fix or a feature to add, which the prompt does not say: not tests (review17; both rules that read 'covered').
    for (String p : new String[] {"ensure the upload path is covered by the virus scanner before files hit S3",
        "make sure the login flow is covered by the rate limiter"}) {
      assertThat(new Classifier().classify(p).dimension()).as(p).isNotEqualTo(Dimension.TEST_GENERATION);
    }
  }

  @Test
  void aStatementThatSaysWhenItHappensIsAReport() {
    String[][] cases = {
        {"the interval tree returns overlapping intervals when the input is unsorted", "bug_fixing",
            "a topic beside the condition it goes wrong under"},
        {"merge_ranges returns overlapping ranges when the input is unsorted", "bug_fixing",
            "guard: an identifier subject, a condition"},
        {"send a slack message when the deploy finishes", "code_generation", "guard: a request, not a statement"},
        {"a cron job that emails the report when it is ready", "code_generation", "guard: a thing to build"},
        {"binary_search gives -1 for the first element, should be 0", "bug_fixing", "guard: what it should do"},
        {"the kruskal implementation returns a heavier tree if two edges tie", "bug_fixing",
            "a condition halves the topic of a statement"},
        {"knapsack but items can be used unlimited times", "algorithm", "guard: 'but' is no condition"},
        {"something's off with the shipping estimate, it's a day later than the carrier says", "bug_fixing",
            "'something's off'"},
        {"mean_latency is NaN when a host reports no samples", "bug_fixing", "guard: a value that is NaN"},
        {"is the timeout None by default?", "code_understanding", "guard: 'is None' is no symptom"},
        {"the dfs enqueues the same node more than once", "bug_fixing", "guard: 'more than once' is 'twice'"},
        {"Allow users to vote more than once per poll.", "code_generation", "guard (review15): a purpose, not a symptom"},
        {"let admins to edit a post more than once", "code_generation", "guard: what is to be allowed"},
        {"Allow admins to edit published posts more than once", "code_generation", "guard (review17): what they are to do"},
        {"let users retry declined payments up to 3 times before locking the card", "code_generation", "guard: and with 'let'"},
        {"When I enable caching the page renders twice", "bug_fixing", "guard: enabling something, no one allowed"},
        {"the checkout allows users to edit orders twice", "bug_fixing", "guard: what it allows, a symptom"},
        {"the retry config lets the job run twice", "bug_fixing", "guard: 'lets' in a sentence, a symptom"},
        {"The webhook seems to fire twice", "bug_fixing", "guard (review16): 'seems to' keeps the symptom"},
        {"the cron job appears to send the digest email twice", "bug_fixing", "guard: 'appears to' keeps it"}};
    assertRows(cases);
  }

  @Test
  void codeNotWrittenYetWithoutTheUsualWords() {
    String[][] cases = {
        {"TreeMap.floorKey is empty", "code_completion", "a method named by its class is empty"},
        {"Matrix.inverse in linalg.py is still unimplemented", "code_completion", "guard: a method, unimplemented"},
        {"ParseHeaders has a `...` where the loop goes", "code_completion", "a literal ellipsis placeholder"},
        {"write the second half of render_page", "code_completion", "the second half of code"},
        {"the cart is empty after a refresh", "bug_fixing", "guard: data, not a method"},
        {"the two abstract methods of BaseStore need concrete versions in RedisStore", "code_completion",
            "concrete versions of what is declared"},
        {"what's the final value of acc in reduce_demo.js", "code_completion", "the final value, asked"},
        {"the finally block in close_all is just a comment for now", "code_completion", "guard: a comment for a body"},
        {"the proto declares a Search rpc and no implementation", "code_completion", "declared, and no implementation"},
        {"the read half of the codec exists, the write half doesn't", "code_completion", "one part exists, one doesn't"},
        {"login works, logout doesn't", "bug_fixing", "guard: working is no progress"},
        {"the router declares 4 routes but only 2 have handlers", "code_completion", "only some of the parts written"},
        {"what would max(map(len, words)) be", "code_completion", "the value of a call, asked"},
        // Guards from review15: the same words about data, a feature or a build, not about code to write.
        {"Response.data is empty when the server returns gzip.", "bug_fixing", "guard: empty under a condition is data"},
        {"Pin concrete versions of all dependencies in requirements.txt.", "code_generation", "guard: versions to pin"},
        {"Sort the second half of the array in descending order.", "code_generation", "guard: half of the data"},
        {"Write a JS helper that merges objects like the `...` spread operator but deep.", "code_generation",
            "guard: the spread operator, no placeholder"},
        {"make sure every endpoint is covered by rate limiting", "code_generation", "guard: covered by a feature"},
        // review17: the same guards where a second rule read the same words.
        {"make sure the parser is covered by unit and integration tests", "test_generation", "covered by tests, two kinds"},
        {"LinkedList.remove is empty for now; implement it", "code_completion", "guard: 'for now' is no condition"},
        {"Request.body is empty when Content-Type is text/plain", "bug_fixing", "guard: a body empty under a condition is data"}};
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

  /**
   * cls10 (bench/blind-probe-2 scored 16/20 on multi_language): code named by one language and then
   * the other as where it goes, with no verb of translation; binding tools. Each row but the guards
   * failed on fc61e57.
   */
  @Test
  void oneLanguagesCodeAsAnothersWithoutAVerb() {
    String[][] cases = {
        {"the R cleaning script as a pandas pipeline", "multi_language", "R named before its script, then the target"},
        {"same date parsing as dates.py but in the vue app", "multi_language", "'but in' a framework of another language"},
        {"expose the scoring code through an extern \"C\" function for the unity plugin", "multi_language", "the C ABI"},
        {"cbindgen header for the rust parser", "multi_language", "a binding generator"},
        {"the perl mailer as a flask route", "multi_language", "Flask is Python's"},
        {"the coffeescript build helpers in python", "multi_language", "CoffeeScript is a language"},
        {"elm views to react", "multi_language", "a library as the target names its language"},
        {"segfault in the C extension when called from python", "bug_fixing", "guard: a crash in a binding is a bug"},
        {"the java client hangs when the server is written in go", "bug_fixing", "guard: two languages and a symptom"},
        {"add a flask endpoint that calls the rust service", "code_generation", "guard: two languages, nothing moves"},
        {"move the helpers in utils.py to helpers.py", "code_refactoring", "guard: a file is no language"}};
    assertRows(cases);
  }

  /** cls10: a test named by what it checks with no verb before it, and "assert …" asked for (test_generation 16/20). */
  @Test
  void aTestNamedByWhatItChecksAndAssertionsAskedFor() {
    String[][] cases = {
        {"assert that every migration has a down step", "test_generation", "asks to assert"},
        {"two workers racing on the same key, assert no lost writes", "test_generation", "assert in a later clause"},
        {"one table-driven spec asserting each role's permissions", "test_generation", "guard: a test named by what it checks"},
        {"make sure the timeout branch in poll() is hit by a test", "test_generation", "code reached by a test"},
        {"a regression spec for the duplicate-invoice issue", "test_generation", "a regression spec"},
        {"the 404 page is hit by crawlers a lot", "bug_fixing", "guard: hit by something else"},
        {"a test that fails on CI since the upgrade", "bug_fixing", "guard: 'a test that fails' is a report"},
        {"one test checking the cache is flaky", "bug_fixing", "guard: a test named, then its state"},
        {"assert(len > 0) fires in release builds", "bug_fixing", "guard: an assert statement that fires"},
        {"assert fails in parse_header when the input is empty", "bug_fixing", "guard: 'assert' as a subject"}};
    assertRows(cases);
  }

  /**
   * cls10 (bench/blind-probe-2 scored 14/20 on algorithm): a problem stated by its optimum or its resource
   * bound rather than named, and techniques known by name. Rows but the guards failed on fc61e57.
   */
  @Test
  void aBoundOnTheAnswerOrTheResourcesIsAnAlgorithm() {
    String[][] cases = {
        {"segmented sieve for primes below 10^9 without running out of memory", "algorithm", "a bound, not a crash"},
        {"count the distinct ips in a 50GB log with 1GB of RAM", "algorithm", "a memory budget"},
        {"assign 40 jobs to 3 machines with loads as even as possible", "algorithm", "an optimum stated"},
        {"merge overlapping booking ranges per room", "algorithm", "a classic problem by its words"},
        {"near-duplicate detection for listings with minhash and lsh", "algorithm", "techniques by name"},
        {"evaluate the formula strings with operator precedence, no eval", "algorithm", "operator precedence"},
        {"a reverse polish calculator for the repl", "algorithm", "a problem by name"},
        {"sample 100 lines of a stream of unknown length", "algorithm", "an input of unknown size"},
        {"the recursive walk in fs_tree with an explicit stack", "algorithm", "recursion made explicit"},
        {"the explicit stack of modals breaks the back button", "bug_fixing", "guard: a stack of modals, a symptom"},
        {"the importer runs out of memory on 2GB files", "bug_fixing", "guard: running out of memory, said"},
        {"load big csv files without running out of memory, the current loader crashes at 2GB", "bug_fixing",
            "guard: the bound, and a crash said"},
        {"rewrite walk_tree iteratively so deep trees don't overflow the stack", "bug_fixing",
            "guard: 'so … don't overflow' says it does now"},
        {"the worker runs out of ram without any error", "bug_fixing", "guard: 'without' before something else"}};
    assertRows(cases);
  }

  /**
   * cls10 (bench/blind-probe-2 scored 15/20 on code_completion): output asked for without "output" or
   * "predict", and code begun without "finish"/"TODO". Rows but the guards failed on fc61e57.
   */
  @Test
  void outputAskedForAndCodeBegunInOtherWords() {
    String[][] cases = {
        {"value of acc after the loop: acc = 1; for n in [2, 3]: acc *= n", "code_completion", "the value of a variable after code"},
        {"what's in xs after xs = [1, 2]; xs.extend([3])", "code_completion", "what a variable holds after code"},
        {"the number printed by println!(\"{}\", 7 / 2)", "code_completion", "a print call with literals, asked about"},
        {"the onSubmit handler that's just `{}` needs to post the form", "code_completion", "an empty body, quoted"},
        {"ProductDao declares five queries and the jdbc impl has the first two", "code_completion", "the first parts written"},
        {"the loop in sync_all stops after the first page, write the remainder", "code_completion", "the remainder of code"},
        {"parse() in ini.py has just the docstring, write it", "code_completion", "only the docstring there"},
        {"the click handler on Cancel is an empty lambda, close the dialog there", "code_completion", "an empty lambda"},
        {"tell me the exact stdout of: printf '%03d' 7", "code_completion", "the exact stdout"},
        {"which number does this print last: for (let i = 0; i < 3; i++) {} console.log(i)", "code_completion",
            "which value it prints"},
        {"the Go interface Store has Get and Put, MemStore has only Get", "code_completion", "declared there, lacking here"},
        {"the Kotlin interface Printer has print and flush, the PDF printer lacks flush", "code_completion",
            "declared there, lacked here"},
        {"the context manager has __enter__, __exit__ isn't written", "code_completion", "a method named, not written"},
        {"Scheduler.stop() just has a comment saying drain and join", "code_completion", "only a comment there"},
        {"there's no code for the retry branch in send_batch", "code_completion", "no code for a part"},
        {"handlers.go is empty, the routes in main.go already point at it", "code_completion", "an empty source file"},
        {"the interface has a Save button but the page lacks a Cancel one", "bug_fixing", "guard: a user interface"},
        {"the retry part of the docs is missing", "code_understanding", "guard: part of the docs"},
        {"getUser() is missing the auth header", "code_generation", "guard: a method missing something is no gap"},
        {"the readme has just a docstring-style header", "code_understanding", "guard: docs, not a docstring"},
        {"the exact stdout of the failing test is below, it says connection refused", "bug_fixing", "guard: stdout pasted"},
        {"does \"10\" == 10 evaluate to true or false in js", "code_completion", "guard: true or false, asked"},
        {"the log line print(\"user\", id) prints None for id, why?", "bug_fixing", "guard: a print call in a why-question"},
        {"the response is just `{}` when the user has no orders", "bug_fixing", "guard: data, under a condition"},
        {"the value of retries after a reload is wrong", "bug_fixing", "guard: the value of a setting, no code"},
        {"what's in the cache after a restart?", "code_understanding", "guard: a thing, not a variable"}};
    assertRows(cases);
  }

  /**
   * review19: cls10's rules against prompts a developer types about something else. All but the last two rows were misread
   * on b709f16: the words of a rule there (exact text, a print call, a "# rest" note, a minimal set, one pass, part
   * of something empty), the task not one it names.
   */
  @Test
  void cls10sWordsInOrdinaryPrompts() {
    String[][] cases = {
        {"the exact text of the error message changed and the UI shows nothing", "bug_fixing", "guard: a message's text"},
        {"console.log('x') prints nothing in the browser, what's wrong?", "bug_fixing", "guard: a print call misbehaving"},
        {"fix the crash in this function: def f(x): # rest of the code unchanged", "bug_fixing", "guard: pasted code elided"},
        {"give the IAM role a minimal set of permissions for reading the bucket", "code_generation", "guard: least privilege"},
        {"lint and format the code in one pass in the pre-commit hook", "code_generation", "guard: a tool run in one pass"},
        {"half of the table is empty after a refresh", "bug_fixing", "guard: empty under a condition"},
        {"part of the response is missing when the token expires", "bug_fixing", "guard: and missing under one"},
        {"tell me the exact text this prints: echo $((7/2))", "code_completion", "the exact text asked"},
        {"merge overlapping maintenance windows into the minimal set", "algorithm", "a minimal set of the input"}};
    assertRows(cases);
  }

  /** cls10: the docs built, deployed or published are infrastructure to write, not documentation. */
  @Test
  void theDocsShippedAreNotWritten() {
    String[][] cases = {
        {"deploy the docs to netlify on every merge to main", "code_generation", "the docs deployed"},
        {"build the documentation site with mkdocs in CI", "code_generation", "the docs site built"},
        {"document the deploy process for the docs site", "code_understanding", "guard: documentation asked for"},
        {"the docs site build fails on netlify since the upgrade", "bug_fixing", "guard: the docs build broken"},
        {"write docs for the publish command and deploy them to the docs site", "code_understanding",
            "guard: docs written, then shipped"}};
    assertRows(cases);
  }

  /**
   * The round's hand-written prompts (336, bug_fixing and code_completion first: the shapes the
   * rows above were found in; six sets, each scored before the changes it led to: 75.0-93.8% on
   * b4c3293; the sixth, written after all but the last change, 90.4% on b4c3293 and at first sight). Not
   * trained on at first (they moved no probe's held-out half: lopo.py, terse-probe 78.4 -> 77.5%);
   * since cls11 the word model trains on them, with cls10's and the first two blind probes
   * (bench/classifier-model/README.md), so this bar now checks prompts the model has seen.
   */
  @Test
  void theRoundsOwnPromptsStayAboveNinetyPercent() throws IOException {
    int[] score = score("cls9/signals.jsonl");
    assertThat(score[1]).isEqualTo(336);
    assertThat((double) score[0] / score[1]).as(score[0] + " of " + score[1]).isGreaterThanOrEqualTo(0.90);
  }

  /**
   * The cls10 round's own prompts (src/test/resources/dev/acr/context/cls10, beside the word model's
   * training folder like cls9's): six sets written before they were scored, in bench/blind-probe-2's
   * weakest dimensions, whose misses were read (fc61e57 → the round's end: 127 → 143 of 150, 35 → 44 of
   * 60, 17 → 26 of 30, 15 → 24 of 30, 18 → 24 of 30, 8 → 17 of 20); and a held-out set of 70 in seven dimensions, written after
   * most of the round's changes and never tuned on (54 of 70 on fc61e57, 57 at first sight and at the end).
   * The word model trains on the six sets since cls11, never on the held-out one.
   */
  @Test
  void theCls10PromptsStayWhereTheRoundLeftThem() throws IOException {
    int[] read = score("cls10/own.jsonl", "cls10/own-2.jsonl", "cls10/own-3.jsonl", "cls10/own-4.jsonl", "cls10/own-5.jsonl",
        "cls10/own-6.jsonl");
    assertThat(read[1]).isEqualTo(320);
    assertThat((double) read[0] / read[1]).as(read[0] + " of " + read[1]).isGreaterThanOrEqualTo(0.85);
    int[] held = score("cls10/held-out.jsonl");
    assertThat(held[1]).isEqualTo(70);
    assertThat((double) held[0] / held[1]).as(held[0] + " of " + held[1]).isGreaterThanOrEqualTo(0.80);
  }

  /** Right and all, over the labelled prompts of these resources. */
  private static int[] score(String... resources) throws IOException {
    Classifier classifier = new Classifier();
    ObjectMapper json = new ObjectMapper();
    int rows = 0;
    int right = 0;
    for (String resource : resources) {
      try (InputStream in = ClassifierSymptomsTest.class.getResourceAsStream(resource)) {
        assertThat(in).as(resource + " on the test classpath").isNotNull();
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
          JsonNode r = json.readTree(line);
          rows++;
          right += classifier.classify(r.get("prompt").asText()).dimension() == Dimension.of(r.get("dimension").asText()) ? 1 : 0;
        }
      }
    }
    return new int[] {right, rows};
  }
}
