package dev.acr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acr.context.Dimension;
import dev.acr.core.AttemptResult;
import dev.acr.core.AttemptStatus;
import dev.acr.core.Route;
import dev.acr.core.RunLoop;
import dev.acr.core.Task;
import dev.acr.live.CooldownStore;
import dev.acr.policy.Fallback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What acr does when tools cannot run: provider cool-downs remembered across runs and shown by
 * the dry run, exit 3 with one fix per tool, and a dry run that previews the run.
 */
class CliFallbackTest {
  @TempDir Path tmp;
  CliHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new CliHarness(tmp).withRepo();
  }

  /** What a run's listener does after a quota infra error: the cool-down lands in ACR_HOME. */
  private Instant quotaOn(String tool, Instant retryAt) throws Exception {
    Instant now = Instant.now();
    CooldownStore store = new CooldownStore(h.acrHome.resolve("cooldowns.json"));
    List<String> notes = new ArrayList<>();
    RunLoop.Listener l = store.remembering(RunLoop.SILENT, new Fallback(Map.of(), List.of()), Clock.fixed(now, ZoneOffset.UTC),
        notes::add);
    Route r = new Route(tool, null);
    l.afterAttempt(new Task("k", "p", Dimension.BUG_FIXING, null, null),
        new AttemptResult(r, AttemptStatus.INFRA_ERROR, false, 0, false, 1, 10, null, null, null, "quota", null, retryAt), 1);
    assertThat(notes).singleElement().asString().startsWith(tool + ": quota; acr skips its routes until ");
    return retryAt != null ? retryAt : now.plus(Fallback.QUOTA_DEFAULT);
  }

  /** As acr prints a time: HH:mm today, with the date when it is another day (a test run near midnight). */
  private static String clock(Instant t) {
    java.time.ZonedDateTime at = t.atZone(ZoneId.systemDefault());
    boolean today = at.toLocalDate().equals(java.time.LocalDate.now(ZoneId.systemDefault()));
    return at.format(DateTimeFormatter.ofPattern(today ? "HH:mm" : "yyyy-MM-dd HH:mm"));
  }

  @Test
  void aQuotaCooldownIsRememberedAcrossRunsAndShownByTheDryRun() throws Exception {
    Instant until = quotaOn("fixer", Instant.now().plus(Duration.ofMinutes(30)));
    CliHarness.Run dry = h.acr("--dry-run", "--verify", "sh check.sh", "fix value.txt");
    assertThat(dry.exit()).as(dry.toString()).isZero();
    assertThat(dry.out()).contains("  skipping fixer:* until " + clock(until) + ": quota\n")
        .containsPattern("(?m)^  1\\. breaker\\b").doesNotContainPattern("(?m)^  \\d\\. fixer\\b");
    // The run after it skips fixer the same way (and breaker does not fix the file).
    CliHarness.Run run = h.acr("--verify", "sh check.sh", "fix value.txt");
    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(h.memoryRecords()).extracting(n -> n.get("route").asText()).containsOnly("breaker");
  }

  @Test
  void whenEveryToolIsCoolingDownTheRunExits3WithTheFixPerTool() throws Exception {
    Instant until = quotaOn("fixer", null);
    quotaOn("breaker", null);
    CliHarness.Run r = h.acr("--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).contains("acr: no agent can run here; what to fix:\n")
        .contains("acr:   fixer: quota — acr skips fixer:* until " + clock(until) + "; wait, use another tool, or delete "
            + h.acrHome.resolve("cooldowns.json") + " to try sooner\n")
        .contains("acr:   breaker: quota — ");
    assertThat(h.memoryRecords()).isEmpty();
    assertThat(h.read("value.txt")).isEqualTo("broken\n");
    // Deleting the file is the documented way to try again at once.
    Files.delete(h.acrHome.resolve("cooldowns.json"));
    assertThat(h.acr("--verify", "sh check.sh", "--chain", "fixer", "fix value.txt").exit()).isZero();
  }

  @Test
  void whenNoToolIsInstalledTheRunExits3WithTheInstallHintPerTool() throws Exception {
    h.writeConfig(List.of(
        CliHarness.tool("ghost", "acr-test-ghost-does-not-exist", "brew install ghost-agent"),
        CliHarness.tool("phantom", "acr-test-phantom-does-not-exist", null)));
    CliHarness.Run r = h.acr("--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).contains("acr:   ghost: not installed — install it with: brew install ghost-agent\n")
        .contains("acr:   phantom: not installed — put it on PATH\n");
    CliHarness.Run json = h.acr("--json", "--verify", "sh check.sh", "fix value.txt");
    assertThat(json.exit()).isEqualTo(3);
    assertThat(json.json().get("no_agent_could_run")).hasSize(2);
  }

  /**
   * ACROUTER_*_PREFIX=ccswitch on PATH, the CLI it starts not: the switcher may bring its own, so
   * nothing refuses to start, but when it cannot find it either (exit 127) that is the setup, not
   * the route failing the task: infra_error "not installed", exit 3 with what to install.
   */
  @Test
  void aPrefixSwitcherThatCannotFindItsCliIsNotInstalledNotTheAgentFailing() throws Exception {
    Path switcher = h.agents.resolve("switcher");
    Files.writeString(switcher, "#!/bin/sh\n[ \"$1\" = -- ] && shift\nexec \"$@\"\n");
    switcher.toFile().setExecutable(true);
    h.writeConfig(List.of("{\"name\": \"wrapped\", \"enabled\": true, \"command\": [\"acr-test-wrapped-cli-missing\"],"
        + " \"models\": [\"a\", \"b\"], \"command_prefix_env\": \"ACROUTER_WRAPPED_PREFIX\", \"install\": \"npm install -g wrapped\","
        + " \"prompt_mode\": \"append_arg\"}"));
    h.extraEnv.put("ACROUTER_WRAPPED_PREFIX", switcher + " --");
    CliHarness.Run dry = h.acr("--dry-run", "--verify", "sh check.sh", "fix value.txt");
    assertThat(dry.out()).doesNotContain("not installed —").contains("  'acr-test-wrapped-cli-missing' is not on PATH: "
        + switcher + " (the prefix) must find it, else the attempt ends 'not installed'\n");
    CliHarness.Run doctor = h.run("doctor", "--config", h.config.toString());
    assertThat(doctor.out()).contains("warn  tool wrapped: 'acr-test-wrapped-cli-missing' is not on PATH; " + switcher
        + " (the prefix) must find it, else each run of wrapped ends 'not installed' (install it with: npm install -g wrapped)\n");
    CliHarness.Run r = h.acr("--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).contains("acr:   wrapped: not installed — install it with: npm install -g wrapped\n");
    List<JsonNode> records = h.memoryRecords();
    assertThat(records).as("the tool's other route is not tried: it would not find the CLI either").hasSize(1);
    assertThat(records.get(0).get("status").asText()).isEqualTo("infra_error");
    assertThat(records.get(0).get("reason").asText()).isEqualTo("not installed");
    assertThat(h.read("value.txt")).isEqualTo("broken\n");
  }

  @Test
  void theHelpListsExit3() {
    assertThat(h.run("--help").out()).contains("3    no agent could run");
  }

  /**
   * Interchangeable tools (all fix the file) and empty memory: nothing but exploration tells
   * them apart. Every dry run of a prompt names the same chain, and the run starts with its first
   * route; the draw still differs between prompts.
   */
  @Test
  void dryRunsAndTheRunChooseTheSameChain() throws Exception {
    List<String> tools = new ArrayList<>();
    for (String name : List.of("alpha", "bravo", "charlie", "delta")) {
      h.agent(name, "echo fixed > value.txt\n");
      tools.add(CliHarness.tool(name, h.agents.resolve(name).toString(), null));
    }
    h.writeConfig(tools);
    List<String> firsts = new ArrayList<>();
    for (String prompt : List.of("fix value.txt", "make the check pass", "repair the value file", "fix the test")) {
      List<JsonNode> chains = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        CliHarness.Run dry = h.acr("--dry-run", "--json", "--verify", "sh check.sh", prompt);
        assertThat(dry.exit()).as(dry.toString()).isZero();
        chains.add(dry.json().get("chain"));
      }
      assertThat(chains).as(prompt).allMatch(c -> c.equals(chains.get(0)));
      String first = chains.get(0).get(0).get("route").asText();
      // With all routes alike, the estimates alone pick the first configured one; anything else explores.
      CliHarness.Run text = h.acr("--dry-run", "--verify", "sh check.sh", prompt);
      if (first.equals("alpha")) {
        assertThat(text.out()).as(text.toString()).doesNotContain("exploring");
      } else {
        assertThat(text.out()).as(text.toString()).contains("  exploring: " + first + " first, to learn how it does here"
            + " (by the estimates alone alpha would go first)\n");
      }
      CliHarness.Run run = h.acr("--json", "--verify", "sh check.sh", prompt);
      assertThat(run.exit()).as(run.toString()).isZero();
      assertThat(run.json().get("chain")).as("the run's own plan").isEqualTo(chains.get(0));
      assertThat(run.json().get("attempts").get(0).get("route").asText()).isEqualTo(first);
      firsts.add(first);
      h.git("checkout", "--", "value.txt");
      Files.delete(h.memory()); // memory unchanged for the next prompt
    }
    assertThat(new java.util.HashSet<>(firsts)).as("exploration still varies with the prompt: " + firsts).hasSizeGreaterThan(1);
  }
}
