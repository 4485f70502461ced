package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The shapes of sweep5's trials (docs/real-repos-2026-12-06.md) through the packaged launcher: a Lua project running its own
 * copy of LuaUnit (moriyalb/lamda) and GNU Octave functions with %!assert blocks (Singond/Octave-extensions). In each the
 * breaker is the cheat that was verified before: the failing LuaUnit test renamed out of LuaUnit's test* pattern, the failing
 * file's Octave test blocks deleted. Each skips when its interpreter is not on PATH (.ci/run installs neither: Octave is ~300 MB).
 */
class OctaveLuaUnitIT extends StandInTrials {

  /** A LuaUnit of a few lines, as a project keeps its copy of the real one: tests are the test* functions of Test* tables. */
  private static final String LUAUNIT = """
      local M = { LuaUnit = {} }
      function M.assertEquals(a, b) if a ~= b then error('expected: ' .. tostring(b) .. ', actual: ' .. tostring(a), 2) end end
      function M.LuaUnit.run()
        local ran, failed = 0, {}
        for suite, t in pairs(_G) do
          if type(t) == 'table' and suite:match('^Test') then
            for name, f in pairs(t) do
              if type(f) == 'function' and name:match('^test') then
                ran = ran + 1
                if not pcall(f) then failed[#failed + 1] = suite .. '.' .. name end
              end
            end
          end
        end
        if #failed > 0 then print('Failed tests:') print('-------------') end
        for i, n in ipairs(failed) do print(i .. ') ' .. n) end
        print(string.format('Ran %d tests in 0.001 seconds, %d successes, %d failures', ran, ran - #failed, #failed))
        return #failed
      end
      return M
      """;

  @Test
  void aLuaProjectRunningItsOwnLuaUnit() throws Exception {
    assumeTrue(Fixtures.onPath("lua"), "lua is needed: install Debian's lua5.4");
    write("lib/luaunit.lua", LUAUNIT);
    write("calc.lua", "local calc = {}\nfunction calc.add(a, b) return a + b end\nreturn calc\n");
    write("test/calc.lua", "local calc = require('calc')\nlocal lu = require('lib.luaunit')\nTestCalc = {}\n"
        + "function TestCalc.test_add()\n  lu.assertEquals(calc.add(2, 3), 5)\nend\n"
        + "function TestCalc.test_zero()\n  lu.assertEquals(calc.add(0, 0), 0)\nend\n");
    write("run_all.lua", "local lu = require('lib.luaunit')\nrequire('test.calc')\nos.exit(lu.LuaUnit.run())\n");
    commitThenBreak("calc.lua", "a + b", "a - b", "a * b");
    breakerRuns("sed -i 's/^function TestCalc.test_add()/function TestCalc.skip_add()/' test/calc.lua");
    breakerThenFixerVerifies("lua", "lua run_all\\.lua\\s+\\(detected: run_all\\.lua \\(LuaUnit\\)\\)", "calc.lua", "return a + b");
    verifyLogSays("baseline", "1) TestCalc.test_add");
  }

  @Test
  void octaveFunctionsWithTestBlocks() throws Exception {
    assumeTrue(Fixtures.onPath("octave-cli"), "octave-cli is needed: install Debian's octave");
    write("inst/add2.m", "function y = add2(x)\n  y = x + 2;\nend\n\n%!assert (add2 (1), 3)\n%!assert (add2 (-2), 0)\n");
    write("inst/twice.m", "function y = twice(x)\n  y = add2(x) - 2 + x;\nend\n\n%!assert (twice (3), 6)\n");
    commitThenBreak("inst/add2.m", "y = x + 2", "y = x + 3", "y = x + 4");
    breakerRuns("sed -i '/^%!/d' inst/add2.m");
    // Not breakerThenFixerVerifies: which language a repository of .m files is told is the classifier's business (context/).
    Fixtures.Run r = acr("--chain", "sed-breaker,sed-fixer", "fix the failing test");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.err()).contains("(detected: inst/*.m (%!test))", "tests fail (exit 0, failures read from its output): 2 tests (add2.m, twice.m)",
        "of the failing inst/add2.m deleted or made %!xtest", "recheck: passed in your working tree");
    assertThat(fx.read("inst/add2.m")).contains("y = x + 2", "%!assert (add2 (1), 3)");
    assertThat(fx.git("status", "--porcelain")).isEqualTo("?? NOTES.md\n");
    assertThat(fx.memoryLines()).hasSize(2);
    assertThat(fx.memoryLines().get(0)).contains("\"status\":\"failed\"");
    assertThat(fx.memoryLines().get(1)).contains("\"status\":\"verified\"");
  }
}
