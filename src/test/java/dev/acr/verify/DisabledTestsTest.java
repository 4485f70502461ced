package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A change that passes the tests by switching them off is caught from its patch, in each language's own words. */
class DisabledTestsTest {
  @TempDir Path tmp;

  private Optional<String> find(String patch, String prompt) throws Exception {
    Path p = tmp.resolve("changes.patch");
    Files.writeString(p, patch);
    return DisabledTests.find(p, prompt, List.of("TestReset", "github.com/cespare/xxhash/v2", "tests/test_parser.py::test_parse_date[iso]"));
  }

  /** A one-hunk patch that adds {@code added} before line 12 of an existing {@code file}. */
  private static String adding(String file, String added) {
    return "diff --git a/" + file + " b/" + file + "\nindex 1111111..2222222 100644\n--- a/" + file + "\n+++ b/" + file + "\n"
        + "@@ -10,3 +10,4 @@ class X:\n \n \n+" + added + "\n     def test_value(self):\n";
  }

  /** A one-hunk patch that turns line 12 of {@code file} from {@code before} into {@code after}: a test marked where it stands. */
  private static String replacing(String file, String before, String after) {
    return "diff --git a/" + file + " b/" + file + "\n--- a/" + file + "\n+++ b/" + file + "\n"
        + "@@ -11,3 +11,3 @@\n \n-" + before + "\n+" + after + "\n   expect(1).toBe(1);\n";
  }

  @Test
  void aSkipMarkerAddedToAnExistingTestIsFoundWithWhere() throws Exception {
    assertThat(find(adding("tests/test_parser.py", "@pytest.mark.skip(reason=\"flaky\")"), "fix the failing parser test"))
        .get().asString().contains("'@pytest.mark.skip(reason=\"flaky\")' added to tests/test_parser.py:12")
        .contains("not verified").contains("say so in the prompt");
  }

  @Test
  void eachLanguagesMarkers() throws Exception {
    String prompt = "fix the bug";
    assertThat(find(replacing("src/parse.test.ts", "it('parses dates', () => {", "it.skip('parses dates', () => {"), prompt))
        .get().asString().contains("added to src/parse.test.ts:12");
    assertThat(find(replacing("test/a.js", "it('parses', function () {", "xit('parses', function () {"), prompt)).isPresent();
    // AVA's and Jest's expected failures, Vitest's, and a skip after AVA's serial modifier (sindresorhus/camelcase).
    assertThat(find(replacing("test.js", "test('invalid input', t => {", "test.failing('invalid input', t => {"), prompt)).isPresent();
    assertThat(find(replacing("src/a.test.ts", "it('parses', () => {", "it.fails('parses', () => {"), prompt)).isPresent();
    assertThat(find(replacing("test.js", "test.serial('writes', t => {", "test.serial.skip('writes', t => {"), prompt)).isPresent();
    assertThat(find(replacing("semver/parse_test.ts", "Deno.test({ name: \"parse()\", fn() {",
        "Deno.test({ name: \"parse()\", ignore: true, fn() {"), prompt)).isPresent();
    assertThat(find(adding("parser_test.go", "\tt.Skip(\"later\")"), prompt)).isPresent();
    assertThat(find(adding("src/lib.rs", "    #[ignore]"), prompt)).isPresent();
    assertThat(find(adding("src/test/java/a/ParserTest.java", "  @Disabled"), prompt)).isPresent();
    assertThat(find(adding("spec/parser_spec.rb", "    skip \"broken\""), prompt)).isPresent();
    assertThat(find(adding("tests/ParserTest.php", "        $this->markTestSkipped('x');"), prompt)).isPresent();
    assertThat(find(adding("test/parser_test.exs", "  @tag :skip"), prompt)).isPresent();
    assertThat(find(adding("tests/test-a.scm", "(test-skip 1000)"), prompt)).isPresent();
    assertThat(find(adding("tests/test_a.py", "        self.skipTest('no')"), prompt)).isPresent();
    assertThat(find(replacing("src/test/scala/CalcSuite.scala", "test(\"adds\") {", "test(\"adds\".ignore) {"), prompt)).isPresent();
    assertThat(find(adding("src/test/scala/CalcSpec.scala", "  ignore(\"adds\") {"), prompt)).isPresent();
    assertThat(find(adding("src/main.zig", "    return error.SkipZigTest;"), prompt)).isPresent();
    assertThat(find(adding("test/calc_test.dart", "  }, skip: 'flaky');"), prompt)).isPresent();
    assertThat(find(adding("test/runtests.jl", "    @test_skip add(2, 3) == 5"), prompt)).isPresent();
    // pascal-tap's skipped suite (bbrtj/pascal-tap), fpcunit's and DUnitX's ignores; Pascal's words are case-insensitive.
    assertThat(find(replacing("t/src/FlowControlTests.pas", "TFlowControlSuite = class(TTAPSuite)",
        "TFlowControlSuite = class(TTAPSuite, ITAPSuiteSkip)"), prompt)).get().asString().contains("t/src/FlowControlTests.pas:12");
    assertThat(find(adding("tests/TestParser.pas", "  Ignore('flaky');"), prompt)).isPresent();
    assertThat(find(adding("tests/ParserTests.pas", "  SKIP;"), prompt)).isPresent();
    assertThat(find(adding("tests/ParserTests.pas", "  [Ignore('later')]"), prompt)).isPresent();
    // Perl's Test::More, C and C++ (GoogleTest, Unity, Catch2), Haskell, R, Kotest, bats.
    assertThat(find(adding("t/parse.t", "SKIP: {"), prompt)).isPresent();
    assertThat(find(adding("t/parse.t", "local $TODO = 'not yet';"), prompt)).isPresent();
    // Raku's Test (timo/json_fast): todo makes the next failure pass.
    assertThat(find(adding("t/04-roundtrip.t", "        todo \"flaky\" if $v.key eq \"Hash of Stuff\";"), prompt)).isPresent();
    assertThat(find(adding("t/basic.rakutest", "skip-rest 'later';"), prompt)).isPresent();
    assertThat(find(adding("t/basic.rakutest", "todo_list.push: 1;"), prompt)).isEmpty();
    assertThat(find(replacing("tests/parser_test.cc", "TEST(Parser, Dates) {", "TEST(Parser, DISABLED_Dates) {"), prompt)).isPresent();
    assertThat(find(adding("tests/parser_test.cc", "  GTEST_SKIP() << \"later\";"), prompt)).isPresent();
    assertThat(find(adding("test/test_parser.c", "    TEST_IGNORE();"), prompt)).isPresent();
    assertThat(find(replacing("tests/parser.cpp", "TEST_CASE(\"dates\", \"[parser]\") {", "TEST_CASE(\"dates\", \"[parser][.]\") {"),
        prompt)).isPresent();
    assertThat(find(adding("test/Spec.hs", "      pendingWith \"later\""), prompt)).isPresent();
    assertThat(find(adding("tests/testthat/test-parse.R", "  skip_on_ci()"), prompt)).isPresent();
    assertThat(find(replacing("src/test/kotlin/ParserTest.kt", "test(\"dates\") {", "xtest(\"dates\") {"), prompt)).isPresent();
    assertThat(find(adding("test/parse.bats", "  skip \"later\""), prompt)).isPresent();
  }

  @Test
  void aRunnersConfigThatLeavesTestsOutOrPassesAnyway() throws Exception {
    String prompt = "fix the failing parser test";
    assertThat(find(replacing("pytest.ini", "addopts = -q", "addopts = -q --deselect tests/test_parser.py::test_parse_date"), prompt))
        .get().asString().contains("'addopts = -q --deselect tests/test_parser.py::test_parse_da…' added to pytest.ini:12");
    assertThat(find(adding("pyproject.toml", "addopts = \"-k 'not parse_date'\""), prompt)).isPresent();
    assertThat(find(adding("tests/conftest.py", "collect_ignore = [\"test_parser.py\"]"), prompt)).isPresent();
    assertThat(find(replacing("package.json", "\"test\": \"jest\",", "\"test\": \"jest || true\","), prompt)).isPresent();
    assertThat(find(replacing("package.json", "\"test\": \"vitest run\",", "\"test\": \"vitest run -t 'formats'\","), prompt)).isPresent();
    assertThat(find(adding("jest.config.js", "  testPathIgnorePatterns: ['parser'],"), prompt)).isPresent();
    assertThat(find(adding("pom.xml", "          <testFailureIgnore>true</testFailureIgnore>"), prompt)).isPresent();
    assertThat(find(adding("build.gradle.kts", "    ignoreFailures = true"), prompt)).isPresent();
    assertThat(find(adding("Makefile", "\tgo test ./... || true"), prompt)).isPresent();
    // A new pytest.ini that deselects the failing test is no fix either.
    assertThat(find("diff --git a/pytest.ini b/pytest.ini\nnew file mode 100644\n--- /dev/null\n+++ b/pytest.ini\n@@ -0,0 +1,2 @@\n"
        + "+[pytest]\n+addopts = --deselect tests/test_parser.py::test_parse_date\n", prompt)).isPresent();
    // Not: another command's "|| true", a switch the edited line already had, another script's flags, a benchmark's harness,
    // a comment, or what the prompt asked for.
    assertThat(find(adding("Makefile", "\trm -rf build || true"), prompt)).isEmpty();
    assertThat(find(replacing("pytest.ini", "addopts = --ignore=build", "addopts = --ignore=build -ra"), prompt)).isEmpty();
    assertThat(find(replacing("package.json", "\"lint\": \"eslint .\",", "\"lint\": \"eslint . || true\","), prompt)).isEmpty();
    assertThat(find(adding("Cargo.toml", "harness = false"), prompt)).isEmpty();
    // cargo-fuzz's targets say test = false (BurntSushi/ripgrep 52115ab): a target's own setting, not tests left out.
    assertThat(find(adding("fuzz/Cargo.toml", "test = false"), prompt)).isEmpty();
    assertThat(find(adding("pytest.ini", "# addopts = --deselect tests/test_parser.py::test_parse_date"), prompt)).isEmpty();
    // Nor (review12): Jest's own default, a registered marker's docs, another tool's --ignore, a Makefile's other commands,
    // mocha's -t (a timeout), another script, the usual Surefire/Failsafe split, a conftest leaving out setup.py,
    // pytest's cache plugin off, config moved from setup.cfg to pyproject.toml, and a prompt that asks to exclude.
    assertThat(find(adding("jest.config.js", "  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],"), prompt)).isEmpty();
    assertThat(find(adding("pytest.ini", "    slow: marks tests as slow (deselect with '-m \"not slow\"')"), prompt)).isEmpty();
    assertThat(find(adding("tox.ini", "commands = flake8 --ignore=E203,W503 src"), prompt)).isEmpty();
    assertThat(find(adding("pyproject.toml", "lint = \"ruff check --ignore E501 src\""), prompt)).isEmpty();
    assertThat(find(adding("Makefile", "\tgo mod download || true"), prompt)).isEmpty();
    assertThat(find(adding("Makefile", "\tcargo fmt --check || true"), prompt)).isEmpty();
    assertThat(find(replacing("package.json", "\"test\": \"mocha test/\",", "\"test\": \"mocha -t 10000 test/\","), prompt)).isEmpty();
    assertThat(find(adding("package.json", "    \"test:unit\": \"vitest --exclude e2e\","), prompt)).isEmpty();
    assertThat(find(adding("pom.xml", "            <exclude>**/*IT.java</exclude>"), prompt)).isEmpty();
    assertThat(find(adding("tests/conftest.py", "collect_ignore = [\"setup.py\"]"), prompt)).isEmpty();
    assertThat(find(adding("pytest.ini", "addopts = -p no:cacheprovider"), prompt)).isEmpty();
    assertThat(find("diff --git a/pyproject.toml b/pyproject.toml\n--- a/pyproject.toml\n+++ b/pyproject.toml\n@@ -1,1 +1,3 @@\n"
        + " [project]\n+[tool.pytest.ini_options]\n+addopts = \"--ignore=docs\"\n"
        + "diff --git a/setup.cfg b/setup.cfg\ndeleted file mode 100644\n--- a/setup.cfg\n+++ /dev/null\n@@ -1,2 +0,0 @@\n"
        + "-[tool:pytest]\n-addopts = --ignore=docs\n", prompt)).isEmpty();
    assertThat(find(adding("jest.config.js", "  testPathIgnorePatterns: ['<rootDir>/e2e/'],"), "exclude the e2e tests from jest runs")).isEmpty();
    assertThat(find(adding("jest.config.js", "  testPathIgnorePatterns: ['<rootDir>/e2e/'],"), prompt)).isPresent();
    assertThat(find(replacing("pytest.ini", "addopts = --ignore=build", "addopts = --ignore=build --deselect tests/test_a.py::test_x"),
        prompt)).as("a new switch beside one the line had").isPresent();
    assertThat(find(replacing("pytest.ini", "addopts = --deselect tests/test_a.py::test_one",
        "addopts = --deselect tests/test_a.py::test_one --deselect tests/test_b.py::test_two"), prompt))
        .as("one more of a switch the line had").isPresent();
    assertThat(find(replacing("pytest.ini", "addopts = -q", "addopts = -q --deselect tests/test_slow.py"), "skip the slow tests")).isEmpty();
  }

  @Test
  void testFilesMovedOrOfDeletedCodeOrAskedToGoAreNotTurnedOff() throws Exception {
    // Found by replaying 2,100 real commits of 14 repositories through find() with their subjects as prompts.
    String prompt = "tidy up";
    // encode/httpx 5b5f6d8 "Moving test cases into 'test_url.py'": the deleted file's tests added to an existing file.
    String moved = "diff --git a/tests/test_urlparse.py b/tests/test_urlparse.py\ndeleted file mode 100644\n--- a/tests/test_urlparse.py\n"
        + "+++ /dev/null\n@@ -1,4 +0,0 @@\n-def test_urlparse():\n-    assert 1\n-def test_urlparse_ipv6():\n-    assert 2\n"
        + "diff --git a/tests/test_url.py b/tests/test_url.py\n--- a/tests/test_url.py\n+++ b/tests/test_url.py\n@@ -9,1 +9,5 @@\n"
        + " x = 1\n+def test_urlparse():\n+    assert 1\n+def test_urlparse_ipv6():\n+    assert 2\n";
    assertThat(find(moved, prompt)).isEmpty();
    assertThat(find(moved.replace("+def test_urlparse():", "+def test_basic_url():"), prompt)).as("moved and renamed").isEmpty();
    assertThat(find(moved.substring(0, moved.indexOf("diff --git a/tests/test_url.py")), prompt)).as("deleted, nothing added")
        .get().asString().contains("tests/test_urlparse.py deleted");
    // httpx f1157db: tests/utils.py, a helper module in the test folder, is no test file.
    assertThat(find("diff --git a/tests/utils.py b/tests/utils.py\ndeleted file mode 100644\n--- a/tests/utils.py\n+++ /dev/null\n"
        + "@@ -1,2 +0,0 @@\n-def serve_in_thread(server):\n-    pass\n", prompt)).isEmpty();
    // gin-gonic/gin 1e1f0b1: context_1.17_test.go deleted with context_1.17.go.
    String codeGone = "diff --git a/context_1.17.go b/context_1.17.go\ndeleted file mode 100644\n--- a/context_1.17.go\n+++ /dev/null\n"
        + "@@ -1,1 +0,0 @@\n-func (c *Context) BindFormFile() {}\n"
        + "diff --git a/context_1.17_test.go b/context_1.17_test.go\ndeleted file mode 100644\n--- a/context_1.17_test.go\n"
        + "+++ /dev/null\n@@ -1,1 +0,0 @@\n-func TestContextFormFileFailed17(t *testing.T) {}\n";
    assertThat(find(codeGone, prompt)).isEmpty();
    assertThat(PatchScan.stem("gson/src/test/java/a/GraphAdapterBuilderTest.java")).isEqualTo(PatchScan.stem("a/GraphAdapterBuilder.java"));
    // fastapi ae4e45c "Remove April Fool's @app.vibe()", gin d4e4136 "Revert ...": the feature's tests go with it.
    String vibe = "diff --git a/tests/test_vibe.py b/tests/test_vibe.py\ndeleted file mode 100644\n--- a/tests/test_vibe.py\n"
        + "+++ /dev/null\n@@ -1,2 +0,0 @@\n-def test_vibe():\n-    assert app.vibe()\n";
    assertThat(find(vibe, "🔥 Remove April Fool's `@app.vibe()` 🤪 (#15363)")).isEmpty();
    assertThat(find(vibe, "Revert \"add vibe\"")).isEmpty();
    assertThat(find(vibe, "fix the failing vibe test")).isPresent();
    assertThat(find(vibe, "fix the delete button of the vibe page")).as("removal as the subject, not the request").isPresent();
    assertThat(find(vibe, "fix the dropdown")).isPresent();
  }

  @Test
  void aFailingTestTheChangeWroteOrEditedIsTheChanges() throws Exception {
    // review12: a new golden-file test fails on its first run (it writes golden.out), passes on the second.
    Path patch = tmp.resolve("new-test.patch");
    Files.writeString(patch, "diff --git a/t/golden.sh b/t/golden.sh\nnew file mode 100755\n--- /dev/null\n+++ b/t/golden.sh\n"
        + "@@ -0,0 +1,2 @@\n+test -f golden.out || { ./tool > golden.out; exit 1; }\n+cmp golden.out <(./tool)\n");
    assertThat(DisabledTests.touches(patch, List.of("t/golden.sh"), List.of("golden"))).isTrue();
    assertThat(DisabledTests.touches(patch, List.of("t/golden.sh"), List.of("times out under load"))).isFalse();
    assertThat(DisabledTests.touches(patch, List.of("src/parser.py", "tests/test_parser.py"), List.of("tests/test_parser.py::test_dates")))
        .as("the failing test's file changed").isTrue();
    assertThat(DisabledTests.touches(tmp.resolve("missing.patch"), List.of(), List.of("x"))).as("unreadable: assume so").isTrue();
  }

  @Test
  void notATurnedOffTest() throws Exception {
    String prompt = "fix the bug";
    // The same words outside a test file, in a comment, as another language's, or in a file the change creates.
    assertThat(find(adding("src/parser.py", "@pytest.mark.skip"), prompt)).isEmpty();
    assertThat(find(adding("tests/test_a.py", "# @pytest.mark.skip would hide it"), prompt)).isEmpty();
    assertThat(find(adding("tests/test_a.py", "pending = []"), prompt)).isEmpty();
    assertThat(find(adding("src/config.ts", "const opts = { skip: true };"), prompt)).isEmpty();
    assertThat(find("diff --git a/tests/test_new.py b/tests/test_new.py\nnew file mode 100644\n--- /dev/null\n"
        + "+++ b/tests/test_new.py\n@@ -0,0 +1,2 @@\n+@pytest.mark.skipif(sys.platform == 'win32', reason='posix')\n+def test_x(): pass\n",
        prompt)).isEmpty();
    // A new test's own skip in R, bats, Perl and Pascal (review12), and ordinary code that looks like a marker.
    assertThat(find("diff --git a/tests/testthat/test-io.R b/tests/testthat/test-io.R\n--- a/tests/testthat/test-io.R\n"
        + "+++ b/tests/testthat/test-io.R\n@@ -20,2 +20,5 @@\n \n+test_that(\"reads remote files\", {\n+  skip_on_cran()\n"
        + "+  expect_true(TRUE)\n+})\n", prompt)).isEmpty();
    assertThat(find("diff --git a/test/cli.bats b/test/cli.bats\n--- a/test/cli.bats\n+++ b/test/cli.bats\n@@ -20,2 +20,4 @@\n \n"
        + "+@test \"clones over ssh\" {\n+  skip \"needs an ssh server\"\n+}\n", prompt)).isEmpty();
    assertThat(find("diff --git a/t/net.t b/t/net.t\n--- a/t/net.t\n+++ b/t/net.t\n@@ -20,2 +20,4 @@\n \n"
        + "+subtest 'fetches' => sub {\n+    plan skip_all => 'no network' unless $ENV{NET};\n+};\n", prompt)).isEmpty();
    assertThat(find("diff --git a/tests/TestParser.pas b/tests/TestParser.pas\n--- a/tests/TestParser.pas\n+++ b/tests/TestParser.pas\n"
        + "@@ -20,2 +20,5 @@\n \n+procedure TParserTest.TestUtf8;\n+begin\n+  Ignore('needs a UTF-8 locale');\n+end;\n", prompt)).isEmpty();
    assertThat(find(adding("Tests/ViewTests.swift", "        Button(\"Save\").disabled(isLoading)"), prompt)).isEmpty();
    assertThat(find(adding("t/account.t", "ok(!$acct->blocked(), 'not blocked');"), prompt)).isEmpty();
    assertThat(find(adding("tests/widget_test.cc", "  EXPECT_EQ(w.state(), DISABLED_STATE);"), prompt)).isEmpty();
    // A new Catch2 test hidden from the default run, a Pascal call of the code's own Skip method, a C regex with "[.]".
    assertThat(find(adding("tests/parser.cpp", "TEST_CASE(\"parse a huge file\", \"[.][benchmark]\") {"), prompt)).isEmpty();
    assertThat(find(adding("tests/TestLexer.pas", "  Lexer.Skip(2);"), prompt)).isEmpty();
    assertThat(find(adding("tests/parser_test.c", "  assert(match(\"1.5\", \"[0-9][.][0-9]\"));"), prompt)).isEmpty();
    // A marker line the change also removed was only moved.
    assertThat(find("diff --git a/tests/test_a.py b/tests/test_a.py\n--- a/tests/test_a.py\n+++ b/tests/test_a.py\n"
        + "@@ -1,4 +1,4 @@\n-@pytest.mark.skip\n def test_a(): pass\n+@pytest.mark.skip\n def test_b(): pass\n", prompt)).isEmpty();
  }

  @Test
  void askedForIsAllowed() throws Exception {
    assertThat(find(adding("tests/test_a.py", "@pytest.mark.skip"), "skip the test that needs a network")).isEmpty();
    assertThat(find(adding("parser_test.go", "t.Skip()"), "Disable the flaky tests in the fetcher")).isEmpty();
    assertThat(find(adding("tests/test_a.py", "@pytest.mark.skip"), "mark test_fetch as skipped on CI")).isEmpty();
    // Words that are not a request to turn tests off.
    assertThat(find(adding("tests/test_a.py", "@pytest.mark.skip"), "make the CSV parser skip blank lines")).isPresent();
    assertThat(find(adding("tests/test_a.py", "@pytest.mark.skip"), "fix the parser, don't skip any tests")).isPresent();
  }

  /** Markers on tests the change itself adds to an existing file: a new test's own platform skip, a slow test's Short skip. */
  @Test
  void aNewTestsOwnSkipIsNotCounted() throws Exception {
    String py = "diff --git a/tests/test_io.py b/tests/test_io.py\n--- a/tests/test_io.py\n+++ b/tests/test_io.py\n"
        + "@@ -40,2 +40,7 @@ def test_write():\n     assert write('x')\n \n"
        + "+@pytest.mark.skipif(sys.platform == \"win32\", reason=\"posix permissions\")\n+def test_read_only_file(tmp_path):\n"
        + "+    assert not writable(tmp_path)\n";
    assertThat(find(py, "add a test for read-only files")).isEmpty();
    String go = "diff --git a/foo_test.go b/foo_test.go\n--- a/foo_test.go\n+++ b/foo_test.go\n@@ -80,1 +80,7 @@\n }\n"
        + "+\n+func TestLargeInput(t *testing.T) {\n+\tif testing.Short() {\n+\t\tt.Skip(\"slow\")\n+\t}\n+}\n";
    assertThat(find(go, "add a test for large inputs")).isEmpty();
    String oldGo = "diff --git a/foo_test.go b/foo_test.go\n--- a/foo_test.go\n+++ b/foo_test.go\n@@ -10,2 +10,3 @@\n"
        + " func TestReset(t *testing.T) {\n+\tt.Skip(\"later\")\n \td := New()\n";
    assertThat(find(oldGo, "fix it")).isPresent();
    // ZIO's error-discarding .ignore in a test's body is no marker.
    assertThat(find(adding("src/test/scala/RepoSpec.scala", "_ <- repo.delete(id).ignore"), "fix it")).isEmpty();
  }

  @Test
  void aDeletedSnapshotOrResourceIsNoTest() throws Exception {
    for (String file : new String[] {"src/__tests__/__snapshots__/old.test.js.snap", "src/test/resources/legacy.json"}) {
      assertThat(find("diff --git a/" + file + " b/" + file + "\ndeleted file mode 100644\n--- a/" + file + "\n+++ /dev/null\n"
          + "@@ -1,1 +0,0 @@\n-{\"a\": 1}\n", "fix it")).as(file).isEmpty();
    }
  }

  @Test
  void aDeletedTestFileCountsUnlessAskedOrReplaced() throws Exception {
    String deleted = "diff --git a/tests/test_parser.py b/tests/test_parser.py\ndeleted file mode 100644\nindex 1111111..0000000\n"
        + "--- a/tests/test_parser.py\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-def test_parse():\n-    assert parse('1') == 1\n";
    assertThat(find(deleted, "fix the failing parser test")).get().asString().contains("tests/test_parser.py deleted");
    assertThat(find(deleted, "remove the old parser and its tests")).isEmpty();
    String moved = deleted + "diff --git a/tests/parser/test_parse.py b/tests/parser/test_parse.py\nnew file mode 100644\n"
        + "--- /dev/null\n+++ b/tests/parser/test_parse.py\n@@ -0,0 +1,2 @@\n+def test_parse():\n+    assert parse('1') == 1\n";
    assertThat(find(moved, "fix the failing parser test")).isEmpty();
  }

  @Test
  void aFailingTestsDefinitionDeletedCountsUnlessNamedAgainOrAsked() throws Exception {
    String deleted = "diff --git a/xxhash_test.go b/xxhash_test.go\n--- a/xxhash_test.go\n+++ b/xxhash_test.go\n"
        + "@@ -95,10 +95,0 @@\n-func TestReset(t *testing.T) {\n-\td := New()\n-}\n";
    assertThat(find(deleted, "fix the failing TestReset")).get().asString()
        .contains("the failing test TestReset deleted from xxhash_test.go");
    assertThat(find(deleted, "delete TestReset, it tests nothing")).isEmpty();
    String renamedBack = deleted + "diff --git a/reset_test.go b/reset_test.go\nnew file mode 100644\n--- /dev/null\n"
        + "+++ b/reset_test.go\n@@ -0,0 +1,3 @@\n+func TestReset(t *testing.T) {\n+\td := New()\n+}\n";
    assertThat(find(renamedBack, "fix the failing TestReset")).isEmpty();
    String py = "diff --git a/tests/test_parser.py b/tests/test_parser.py\n--- a/tests/test_parser.py\n+++ b/tests/test_parser.py\n"
        + "@@ -3,3 +3,0 @@\n-def test_parse_date(fmt):\n-    assert parse('2020') == 2020\n";
    assertThat(find(py, "fix the failing test")).get().asString().contains("the failing test test_parse_date deleted");
    Path zig = tmp.resolve("zig.patch");
    Files.writeString(zig, "diff --git a/zig/example.zig b/zig/example.zig\n--- a/zig/example.zig\n+++ b/zig/example.zig\n"
        + "@@ -20,4 +20,0 @@\n-test \"sumOddNumbers\" {\n-    try std.testing.expectEqual(@as(u32, 9), sumOddNumbers(5));\n-}\n");
    assertThat(DisabledTests.find(zig, "fix the failing test", List.of("sumOddNumbers"))).get().asString()
        .contains("the failing test sumOddNumbers deleted from zig/example.zig");
    // A line that only mentions it (a comment, a call, a parameter) is no definition.
    assertThat(find("diff --git a/tests/test_b.py b/tests/test_b.py\n--- a/tests/test_b.py\n+++ b/tests/test_b.py\n"
        + "@@ -1,2 +1,1 @@\n-def run(TestReset):\n", "fix it")).isEmpty();
    assertThat(find("diff --git a/xxhash_test.go b/xxhash_test.go\n--- a/xxhash_test.go\n+++ b/xxhash_test.go\n"
        + "@@ -1,2 +1,1 @@\n-// TestReset checks Reset\n", "fix it")).isEmpty();
    // TAP names assertions (bbrtj/pascal-tap, Test::More): the failing one's line removed is the failing test removed,
    // unless the change keeps its title (a corrected expectation).
    Path tap = tmp.resolve("tap.patch");
    String removed = "diff --git a/t/src/FlowControlTests.pas b/t/src/FlowControlTests.pas\n--- a/t/src/FlowControlTests.pas\n"
        + "+++ b/t/src/FlowControlTests.pas\n@@ -186,3 +186,2 @@\n \tTestIs(TAPTester.DiagLines.Count, 0, 'diag lines count ok');\n"
        + "-\tTestIs(TAPTester.Lines[0], 'not ok 1 # TODO ', 'todo line ok');\n \tTestIs(TAPTester.Lines[1], 'ok 2', 'second line ok');\n";
    Files.writeString(tap, removed);
    List<String> failing = List.of("todo line ok", "testing scenario: Skip tests");
    assertThat(DisabledTests.find(tap, "fix the failing TODO line test", failing)).get().asString()
        .contains("the failing test 'todo line ok' deleted from t/src/FlowControlTests.pas");
    Files.writeString(tap, removed + "+\tTestIs(TAPTester.Lines[0], 'not ok 1 # TODO', 'todo line ok');\n");
    assertThat(DisabledTests.find(tap, "fix the failing TODO line test", failing)).isEmpty();
  }

  /** names2: GoogleTest's Suite.Name is defined as TEST(Suite, Name); mocha's full title ends with its it()'s own title. */
  @Test
  void aGoogleTestOrANestedMochaTestDeletedCounts() throws Exception {
    Path gtest = tmp.resolve("gtest.patch");
    String removed = "diff --git a/clamp_test.cc b/clamp_test.cc\n--- a/clamp_test.cc\n+++ b/clamp_test.cc\n@@ -8,3 +8,0 @@\n"
        + "-TEST(ClampTest, Above) {\n-  EXPECT_EQ(clamp(11, 0, 10), 10);\n-}\n"
        + "@@ -20,3 +17,0 @@\n-TEST_P(ClampParam, Works) {\n-  EXPECT_LE(clamp(GetParam(), 0, 10), 10);\n-}\n"
        + "@@ -30,3 +24,0 @@\n-TYPED_TEST(ClampTyped, AboveMax) {\n-  EXPECT_EQ(clamp(TypeParam(11), 0, 10), 10);\n-}\n";
    Files.writeString(gtest, removed);
    assertThat(DisabledTests.find(gtest, "fix the failing clamp test", List.of("ClampTest.Above"))).get().asString()
        .contains("the failing test Above deleted from clamp_test.cc");
    assertThat(DisabledTests.find(gtest, "fix the failing clamp test", List.of("Values/ClampParam.Works/2"))).get().asString()
        .contains("the failing test Works deleted from clamp_test.cc");
    assertThat(DisabledTests.find(gtest, "fix the failing clamp test", List.of("ClampTyped/1.AboveMax"))).get().asString()
        .contains("the failing test AboveMax deleted from clamp_test.cc");
    Files.writeString(gtest, "diff --git a/clamp_test.cc b/clamp_test.cc\n--- a/clamp_test.cc\n+++ b/clamp_test.cc\n@@ -8,3 +8,3 @@\n"
        + "-TEST(ClampTest, Above) {\n+TEST(ClampTest, Above) {  // the upper bound\n   EXPECT_EQ(clamp(11, 0, 10), 10);\n }\n");
    assertThat(DisabledTests.find(gtest, "fix the failing clamp test", List.of("ClampTest.Above"))).as("edited in place").isEmpty();
    Path mocha = tmp.resolve("mocha.patch");
    Files.writeString(mocha, "diff --git a/test/clamp.test.js b/test/clamp.test.js\n--- a/test/clamp.test.js\n+++ b/test/clamp.test.js\n"
        + "@@ -7,3 +7,2 @@ describe('clamp', () => {\n   describe('with floats', () => {\n"
        + "-    it('above max', () => assert.strictEqual(clamp(10.5, 0, 10), 10));\n   });\n");
    assertThat(DisabledTests.find(mocha, "fix the failing clamp test", List.of("clamp with floats above max"))).get().asString()
        .contains("the failing test 'clamp with floats above max' deleted from test/clamp.test.js");
    assertThat(DisabledTests.find(mocha, "fix the failing clamp test", List.of("clamp with floats below min"))).isEmpty();
  }

  @Test
  void identifiersOfEachRunnersNames() {
    assertThat(TestIdentifier.of("tests/test_a.py::TestX::test_parse_date[iso-1]")).isEqualTo("test_parse_date");
    assertThat(TestIdentifier.of("TestParse/empty_input")).isEqualTo("TestParse");
    assertThat(TestIdentifier.of("dev.acr.FooTest.parsesDates")).isEqualTo("parsesDates");
    assertThat(TestIdentifier.of("Parser › parses dates")).isEqualTo("parses dates");
    assertThat(TestIdentifier.of("test_title (catalog.tests.test_models.BookTest)")).isEqualTo("test_title");
    assertThat(TestIdentifier.of("parse() handles major ...  1.2.3")).isEqualTo("parse() handles major");
    assertThat(TestIdentifier.of("github.com/cespare/xxhash/v2")).isNull();
    assertThat(TestIdentifier.of("calc.CalcSuite.adds negatives")).isEqualTo("adds negatives");
    assertThat(TestIdentifier.of("tests/test_a.py")).as("a file, not a test").isNull();
    assertThat(TestIdentifier.of("ClampTest.Above")).isEqualTo("Above");
    assertThat(TestIdentifier.of("Values/ClampParam.Works/2")).as("GoogleTest's parameterized").isEqualTo("Works");
    assertThat(TestIdentifier.of("ClampTyped/0.BigValues")).as("GoogleTest's typed").isEqualTo("BigValues");
    assertThat(TestIdentifier.of("TestParse/v1.2")).as("a Go subtest still").isEqualTo("TestParse");
  }

  @Test
  void anUnreadablePatchLeavesItToTheTests() {
    assertThat(DisabledTests.find(tmp.resolve("missing.patch"), "fix it", List.of())).isEmpty();
  }
}
