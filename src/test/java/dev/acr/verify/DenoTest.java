package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deno projects (denoland/std's shape): the command, the summary and failing names read, a JSR import out of reach. */
class DenoTest {
  @TempDir Path root;

  @Test
  void theTestTaskElseDenoTestWithPermissions() throws Exception {
    Files.writeString(root.resolve("deno.json"), "{\"name\": \"@std/semver\", \"exports\": \"./mod.ts\"}");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand("deno test -A", "detected: deno.json"));
    Files.writeString(root.resolve("deno.json"), "{\"tasks\": {\"test\": {\"command\": \"deno test --allow-read\"}}}");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand("deno task test", "detected: deno.json"));
    Files.delete(root.resolve("deno.json"));
    Files.writeString(root.resolve("deno.jsonc"), "{\n  // the CI's\n  \"tasks\": {\"test\": \"deno test -A\",},\n}\n");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand("deno task test", "detected: deno.jsonc"));
    assertThat(PackageFolder.nearest(root, root).marker()).isEqualTo("deno.jsonc");
    // A package.json test script is the project's answer to npm, read first.
    Files.writeString(root.resolve("package.json"), "{\"scripts\": {\"test\": \"node --test\"}}");
    assertThat(VerifyDetector.detect(root, null)).contains(new VerifyCommand("npm test", "detected: package.json"));
  }

  @Test
  void theSummaryCountsAndTheFailingNames() {
    assertThat(NoTests.in(List.of("ok | 58 passed (1171 steps) | 0 failed (4s)"))).isEmpty();
    assertThat(NoTests.in(List.of("FAILED | 51 passed (1143 steps) | 7 failed (28 steps) (6s)"))).isEmpty();
    assertThat(NoTests.in(List.of("ok | 0 passed | 0 failed | 1 ignored (7ms)"))).contains("ok | 0 passed | 0 failed | 1 ignored (7ms)");
    assertThat(NoTests.in(List.of("error: No test modules found"))).isPresent();
    FailingTests names = new FailingTests();
    names.accept(" FAILURES ");
    names.accept("parse() handles major ...  1.2.3  => ./parse_test.ts:19:13");
    names.accept("add() adds => ./mod_test.ts:3:6");
    names.accept("FAILED | 51 passed (1143 steps) | 7 failed (28 steps) (6s)");
    assertThat(names.names()).containsExactly("parse() handles major ...  1.2.3", "add() adds");
  }

  @Test
  void aDependencyDenoCannotDownloadStopsTheRun() {
    assertThat(CannotRun.check(1, List.of("Download https://jsr.io/@std/assert/meta.json",
        "error: JSR package manifest for '@std/assert' failed to load. Import 'https://jsr.io/@std/assert/meta.json' failed.",
        "    at file:///tmp/x/a_test.ts:1:30"), root, root, "fix the failing test"))
        .get().extracting(CannotRun.Why::problem).asString().isEqualTo("the dependency @std/assert could not be downloaded");
    assertThat(CannotRun.check(1, List.of("error: Import 'https://deno.land/std@0.200.0/assert/mod.ts' failed: error sending request"),
        root, root, "fix it")).get().extracting(CannotRun.Why::todo).asString().contains("(deno install)");
  }
}
