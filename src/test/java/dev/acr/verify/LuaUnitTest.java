package dev.acr.verify;

import static dev.acr.git.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LuaUnit, kept as a copy in the project and run through a script of its own: moriyalb/lamda's run_test_all.lua
 * ({@code lu = require('lib.luaunit')} ... {@code os.exit(lu.LuaUnit.run())}) got "verify none found" before
 * (docs/real-repos-2026-12-06.md, sweep5).
 */
class LuaUnitTest {

  @TempDir Path root;

  @Test
  void theProjectsLuaUnitScriptRunsFromTheRoot() throws IOException {
    write(root, "lamda-0.2.1-0.rockspec", "package = \"lamda\"\n");
    write(root, "lamda.lua", "local R = {}\nreturn R\n");
    write(root, "lib/luaunit.lua", "-- LuaUnit itself\nfunction M.LuaUnit.run(...) end\n");
    write(root, "test/math.lua", "local R = require(\"../dist/lamda\")\nTestMath = {}\n");
    assertThat(VerifyDetector.detect(root, null)).isEmpty();
    write(root, "run_test_all.lua", "local lu = require('lib.luaunit')\n\nrequire(\"test.math\").lu = lu\n\nos.exit(lu.LuaUnit.run())\n");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand("lua run_test_all.lua", "detected: run_test_all.lua (LuaUnit)"));
  }

  @Test
  void aRunnerInTestsAndBustedFirst() throws IOException {
    write(root, "tests/all.lua", "lu = require('tests.luaunit')\nrequire 'tests.misc'\nrunner = lu.LuaUnit.new()\nos.exit( runner:runSuite() )\n");
    assertThat(VerifyDetector.detect(root, null)).map(VerifyCommand::command).contains("lua tests/all.lua");
    write(root, ".busted", "return {}\n");
    assertThat(VerifyDetector.detect(root, null)).map(VerifyCommand::command).contains("busted");
  }

  /** LuaUnit's summary and its list of failed tests. */
  @Test
  void itsFailuresAreNamed() {
    List<String> out = List.of("..F..", "Failed tests:", "-------------", "1) TestMath.test_abs",
        "./test/math.lua:8: expected: 1, actual: -1", "Ran 175 tests in 0.031 seconds, 174 successes, 1 failure");
    FailingTests names = new FailingTests();
    out.forEach(names::accept);
    assertThat(names.names()).containsExactly("TestMath.test_abs");
    assertThat(NoTests.in(List.of("Ran 0 tests in 0.000 seconds, 0 successes, 0 failures", "OK"))).isPresent();
  }

  /**
   * LuaUnit runs only the functions named test*: renaming the failing one (lamda's stand-in: test_clamp to skip_clamp) turns it
   * off, as deleting minitest's def test_default does (its name printed as TagTest#test_default).
   */
  @Test
  void renamingOrDeletingAFailingMethodTurnsItOff() throws IOException {
    Path patch = root.resolve("changes.patch");
    Files.writeString(patch, String.join("\n", "diff --git a/test/math.lua b/test/math.lua", "--- a/test/math.lua", "+++ b/test/math.lua",
        "@@ -31,7 +31,7 @@ function TestMath.test_add()", " end", " ", "-function TestMath.test_clamp()",
        "+function TestMath.skip_clamp()", " \tthis.lu.assertEquals(R.clamp(1, 10, -1), 1)", ""));
    assertThat(DisabledTests.find(patch, "fix the failing test", List.of("TestMath.test_clamp")))
        .hasValueSatisfying(w -> assertThat(w).contains("the failing test test_clamp deleted from test/math.lua"));
    Files.writeString(patch, String.join("\n", "diff --git a/test/tag_test.rb b/test/tag_test.rb", "--- a/test/tag_test.rb",
        "+++ b/test/tag_test.rb", "@@ -3,7 +3,3 @@ class TagTest < Minitest::Test", "-  def test_default", "-    assert_message(\"[safely] Boom\") do",
        "-      raise Safely::TestError, \"Boom\"", "-    end", "-  end", " ", "   def test_false", ""));
    assertThat(DisabledTests.find(patch, "fix the failing test", List.of("TagTest#test_default")))
        .hasValueSatisfying(w -> assertThat(w).contains("the failing test test_default deleted from test/tag_test.rb"));
  }
}
