package dev.acr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent that cannot fix a failing test and marks it skipped makes the test command pass: its
 * attempt is failed (reason "turned tests off") without running the tests, the next agent fixes
 * the code, and only that change reaches the user's tree.
 */
class CliDisabledTestsTest {
  @TempDir java.nio.file.Path tmp;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(tmp).withRepo();
    Files.createDirectories(h.repo.resolve("tests"));
    Files.writeString(h.repo.resolve("tests/test_value.py"), "import pytest\n\n\ndef test_value():\n"
        + "    assert open('value.txt').read() == 'fixed\\n'\n");
    // Like pytest: a skipped test does not fail the run.
    Files.writeString(h.repo.resolve("check.sh"), "#!/bin/sh\ngrep -q '@pytest.mark.skip' tests/test_value.py && exit 0\n"
        + "grep -qx fixed value.txt\n");
    h.git("add", "-A");
    h.git("commit", "-qm", "a test of value.txt");
    h.agent("skipper", "sed -i 's/^def test_value/@pytest.mark.skip(reason=\"later\")\\ndef test_value/' tests/test_value.py\n");
    h.writeConfig(List.of(
        CliHarness.tool("skipper", h.agents.resolve("skipper").toString(), null),
        CliHarness.tool("fixer", h.agents.resolve("fixer").toString(), null)));
  }

  @Test
  void aSkippedTestIsNotAFix() throws Exception {
    CliHarness.Run r = h.acr("--chain", "skipper,fixer", "--verify", "sh check.sh", "fix the failing value test");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).contains("its change turns tests off instead of making them pass ('@pytest.mark.skip(reason=\"later\")'"
        + " added to tests/test_value.py:4)");
    assertThat(r.err()).doesNotContain("attempt 1 skipper: running the tests on its change");
    assertThat(r.out()).as("the summary says why too").contains("turns tests off");
    List<JsonNode> mem = h.memoryRecords();
    assertThat(mem).extracting(m -> m.get("status").asText()).containsExactly("failed", "verified");
    assertThat(mem.get(0).get("reason").asText()).isEqualTo("turned tests off");
    assertThat(h.read("tests/test_value.py")).doesNotContain("skip(");
    assertThat(h.read("value.txt")).isEqualTo("fixed\n");
  }

  @Test
  void aTestLeftOutByTheRunnersConfigIsNotAFixEither() throws Exception {
    Files.writeString(h.repo.resolve("pytest.ini"), "[pytest]\naddopts = -q\n");
    // Like pytest: a deselected test does not fail the run.
    Files.writeString(h.repo.resolve("check.sh"), "#!/bin/sh\ngrep -q -- '--deselect' pytest.ini && exit 0\ngrep -qx fixed value.txt\n");
    h.git("add", "-A");
    h.git("commit", "-qm", "pytest config");
    h.agent("skipper", "sed -i 's/^addopts = -q$/addopts = -q --deselect tests\\/test_value.py::test_value/' pytest.ini\n");
    CliHarness.Run r = h.acr("--json", "--chain", "skipper,fixer", "--verify", "sh check.sh", "fix the failing value test");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).contains("its change turns tests off instead of making them pass ('addopts = -q --deselect tests/test_value.py::test_value'"
        + " added to pytest.ini:2)");
    JsonNode attempts = CliJson.JSON.readTree(r.out()).get("attempts");
    assertThat(attempts.get(0).get("note").asText()).startsWith("its change turns tests off");
    assertThat(attempts.get(1).get("note").isNull()).isTrue();
    assertThat(h.memoryRecords()).extracting(m -> m.get("status").asText()).containsExactly("failed", "verified");
    assertThat(h.read("pytest.ini")).isEqualTo("[pytest]\naddopts = -q\n");
    assertThat(h.read("value.txt")).isEqualTo("fixed\n");
  }

  @Test
  void aChangeToTheFailingTestAloneIsVerifiedWithAWordOfWarningAndAFixOfTheCodeIsNot() throws Exception {
    // Like pytest: the test passes when it expects what value.txt holds, and its failure is named.
    Files.writeString(h.repo.resolve("check.sh"), "#!/bin/sh\ngrep -q \"== 'broken\" tests/test_value.py && exit 0\n"
        + "grep -qx fixed value.txt || { echo 'FAILED tests/test_value.py::test_value - AssertionError'; exit 1; }\n");
    h.git("commit", "-qam", "a check that reads the test");
    h.agent("expecter", "sed -i \"s/== 'fixed/== 'broken/\" tests/test_value.py\n");
    h.writeConfig(List.of(CliHarness.tool("expecter", h.agents.resolve("expecter").toString(), null),
        CliHarness.tool("fixer", h.agents.resolve("fixer").toString(), null)));
    CliHarness.Run r = h.acr("--chain", "expecter", "--verify", "sh check.sh", "fix the failing value test");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("attempt 1: it changed only tests (tests/test_value.py), not the code they test: the tests that"
        + " failed pass because what they expect changed; check with git diff that the tests, not the code, were wrong");
    h.git("checkout", "-q", "--", "tests/test_value.py");
    String explained = h.run("explain", "last").out();
    assertThat(explained).containsPattern("note +it changed only tests \\(tests/test_value.py\\)");
    assertThat(h.run("explain", "last", "--json").out()).contains("\"note\":\"it changed only tests");
    r = h.acr("--chain", "fixer", "--verify", "sh check.sh", "fix the failing value test");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).doesNotContain("changed only tests");
    assertThat(h.run("explain", "last").out()).doesNotContainPattern("note +");
  }

  @Test
  void askedToSkipItIsVerified() throws Exception {
    CliHarness.Run r = h.acr("--chain", "skipper,fixer", "--verify", "sh check.sh", "skip the value test for now");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(h.memoryRecords()).extracting(m -> m.get("status").asText()).containsExactly("verified");
    assertThat(h.read("tests/test_value.py")).contains("@pytest.mark.skip(reason=\"later\")");
  }
}
