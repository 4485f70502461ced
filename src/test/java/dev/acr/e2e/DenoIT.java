package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.testing.Toolchains;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The packaged launcher on the shape of denoland/std's packages (docs/real-repos-2026-12-06.md): a deno.json, a module and
 * its {@code _test.ts}; an uncommitted bug fixed by a stand-in agent after a breaker, the project's own "test" task, a
 * stand-in whose task change runs no test, and a JSR import that cannot be downloaded stopping the run before any agent.
 * Each test skips, naming what to install, without deno; .ci/run installs it from npm, so in CI (ACR_REQUIRE_TOOLS=1) they
 * fail instead.
 */
class DenoIT extends StandInTrials {

  @BeforeEach
  void needsDeno(TestInfo test) {
    Toolchains.require(test.getDisplayName(), Toolchains.DENO);
  }

  private void denoModuleWithTests(String config, String imports) throws Exception {
    write("deno.json", config);
    write("mod.ts", "export function add(a: number, b: number): number {\n  return a + b;\n}\n");
    write("mod_test.ts", imports + "import { add } from \"./mod.ts\";\n\n"
        + "Deno.test(\"add() adds\", () => {\n  if (add(2, 3) !== 5) throw new Error(\"2 + 3 is \" + add(2, 3));\n});\n"
        + "Deno.test(\"add() adds negatives\", () => {\n  if (add(-1, -3) !== -4) throw new Error(\"wrong\");\n});\n");
  }

  @Test
  void aDenoPackageWithoutATestTask() throws Exception {
    denoModuleWithTests("{\"name\": \"@acr/calc\", \"exports\": \"./mod.ts\"}\n", "");
    commitThenBreak("mod.ts", "a + b", "a - b", "a * b");
    breakerThenFixerVerifies("typescript", "deno test -A\\s+\\(detected: deno\\.json\\)", "mod.ts", "a + b");
    verifyLogSays("baseline", "add() adds => ./mod_test.ts:", "FAILED | 0 passed | 2 failed");
  }

  /** The project's task is what its CI runs; a stand-in that filters every test away ran none, and is not verified. */
  @Test
  void theTestTaskAndAStandInThatRunsNoTest() throws Exception {
    denoModuleWithTests("{\n  // comments and trailing commas, as deno.jsonc allows\n  \"tasks\": {\"test\": \"deno test\"},\n}\n", "");
    java.nio.file.Files.move(fx.repo.resolve("deno.json"), fx.repo.resolve("deno.jsonc"));
    commitThenBreak("mod.ts", "a + b", "a - b", "a * b");
    breakerRuns("sed -i 's/\"deno test\"/\"deno test --filter no-such-test\"/' deno.jsonc");
    breakerThenFixerVerifies("typescript", "deno task test\\s+\\(detected: deno\\.jsonc\\)", "mod.ts", "a + b");
    verifyLogSays("attempt-1", "the test command ran no tests (ok | 0 passed | 0 failed");
  }

  @Test
  void aJsrImportThatCannotBeDownloadedStopsBeforeAnyAgent() throws Exception {
    denoModuleWithTests("{}\n", "import { assertEquals } from \"jsr:@acr-no-such-scope/assert@1\";\n");
    commitThenBreak("mod.ts", "a + b", "a - b", "a * b");
    stopsBeforeAnyAgent("cannot run: the dependency @acr-no-such-scope/assert could not be downloaded");
  }
}
