package dev.acr.e2e;

import dev.acr.testing.Toolchains;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The packaged launcher on the shape of JWambaugh/TJSON (docs/real-repos-2026-12-06.md, sixth session): sources under lib/, a
 * test.hxml that compiles the tests' main class to neko without running it, which acr runs after; an uncommitted bug fixed by
 * a stand-in after a breaker, and a haxelib library the hxml asks for that is not installed stopping the run before any
 * agent. Each test skips, naming what to install, without haxe and neko; .ci/run installs them, so in CI
 * (ACR_REQUIRE_TOOLS=1) they fail instead.
 */
class HaxeIT extends StandInTrials {

  private static final String VERIFY = "haxe test\\.hxml && neko bin/test\\.n\\s+\\(detected: test\\.hxml\\)";

  @BeforeEach
  void needsHaxe(TestInfo test) {
    Toolchains.require(test.getDisplayName(), Toolchains.HAXE, Toolchains.NEKO);
  }

  private void haxeLibraryWithTests(String hxmlExtra) throws Exception {
    write("test.hxml", "#-neko old.n\n-cp lib\n-cp tests\n-main TestMain\n" + hxmlExtra + "-neko bin/test.n\n");
    write(".gitignore", "bin/\n");
    write("lib/calc/Calc.hx", "package calc;\n\nclass Calc {\n  public static function add(a:Int, b:Int):Int {\n    return a + b;\n  }\n}\n");
    write("tests/TestMain.hx", """
        import calc.Calc;

        class TestMain {
          static function main() {
            var failed = 0;
            if (Calc.add(2, 3) != 5) { Sys.println("FAIL adds"); failed++; }
            if (Calc.add(-1, -3) != -4) { Sys.println("FAIL adds negatives"); failed++; }
            Sys.println(failed == 0 ? "OK 2 tests" : "FAILED " + failed + " of 2 tests");
            Sys.exit(failed == 0 ? 0 : 1);
          }
        }
        """);
    commitThenBreak("lib/calc/Calc.hx", "a + b", "a - b", "a * b");
  }

  @Test
  void aHaxeLibraryWithATestHxmlCompiledToNeko() throws Exception {
    haxeLibraryWithTests("");
    breakerThenFixerVerifies("haxe", VERIFY, "lib/calc/Calc.hx", "return a + b;");
    verifyLogSays("baseline", "FAIL adds", "FAILED 2 of 2 tests");
  }

  /** haxelib says "Library ... is not installed", or, never set up, "Please run `haxelib setup` first": both stop the run. */
  @Test
  void aHaxelibLibraryNotInstalledStopsTheRunBeforeAnyAgent() throws Exception {
    haxeLibraryWithTests("-lib acr-no-such-haxelib\n");
    stopsBeforeAnyAgent("haxelib");
  }
}
