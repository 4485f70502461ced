package dev.acr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test suite that hangs until the bug is fixed (a deadlock the bug causes): the baseline is
 * stopped at --verify-timeout and says what that means, an attempt that leaves the hang fails
 * at the same limit, and the fix verifies.
 */
class CliVerifyTimeoutTest {
  @TempDir java.nio.file.Path tmp;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(tmp).withRepo();
    Files.writeString(h.repo.resolve("check.sh"), "#!/bin/sh\necho 'test_value ...'\n"
        + "grep -qx fixed value.txt && exit 0\nsleep 60\nexit 1\n");
    h.git("commit", "-qam", "a test that hangs until value.txt is fixed");
  }

  @Test
  void aHangingBaselineIsStoppedAtTheLimitAndTheFixVerifies() throws Exception {
    String before = h.status();
    long start = System.nanoTime();
    CliHarness.Run r = h.acr("--chain", "breaker,fixer", "--verify", "sh check.sh", "--verify-timeout", "2s",
        "fix the hanging value test");
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).contains("acr: baseline: the tests did not finish within the limit and were stopped; an attempt"
        + " verifies only when they finish and pass. If they are only slow, stop acr (Ctrl-C) and raise the limit:"
        + " --verify-timeout, or \"verify_timeout\" in .acr/config.json")
        .contains("acr: attempt 1 breaker: running the tests on its change")
        .contains("acr: attempt 2 fixer: running the tests on its change");
    try (var runs = Files.list(h.acrHome.resolve("runs"))) {
      java.nio.file.Path run = runs.findFirst().orElseThrow();
      assertThat(Files.readString(run.resolve("attempt-1/verify.log"))).startsWith("test_value ...\n")
          .contains("[acr] the test command did not finish within 2s and was stopped");
    }
    assertThat(seconds).as("stopped at the limit, not after the suite's 60 s").isLessThan(50);
    assertThat(r.err()).containsPattern("acr: attempt 1 breaker: failed \\(agent \\d\\.\\ds\\)\n");
    assertThat(r.out()).as("the summary's time is the agent's and its tests'")
        .containsPattern("(?m)^1  breaker  failed    [2-9]\\.\\ds  unknown$");
    List<JsonNode> mem = h.memoryRecords();
    assertThat(mem).extracting(m -> m.get("status").asText()).containsExactly("failed", "verified");
    assertThat(h.read("value.txt")).isEqualTo("fixed\n");
    assertThat(h.status()).isNotEqualTo(before);

    CliHarness.Run explain = h.acr("explain", "last");
    assertThat(explain.out()).as("explain says whose time the row gives and how long the tests took")
        .containsPattern("time\\s+agent \\d\\.\\ds \\+ its tests [2-9]\\.\\ds = [2-9]\\.\\ds");
    JsonNode json = h.acr("explain", "last", "--json").json();
    assertThat(json.get("attempt_details").get(0).get("tests_ms").asLong()).isBetween(2000L, 49_000L);
  }
}
