package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.exec.ProcessTreeKiller;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher with fake agents that cannot reach their model: the attempt is recorded
 * as {@code infra_error} with its reason, whatever the exit code, and an agent that says so and
 * then hangs (as Codex does, retrying) is stopped with its whole tree long before --timeout.
 */
class InfraErrorIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  Fixtures fx;
  Path config;

  @BeforeEach
  void setUp() throws Exception {
    fx = new Fixtures(tmp);
    Path agents = Files.createDirectories(tmp.resolve("infra-agents"));
    // Codex's JSON events for a refused key, then a hang with a child, like a CLI that retries.
    agent(agents, "codex-401", "echo '{\"type\":\"thread.started\",\"thread_id\":\"t1\"}'\n"
        + "echo '{\"type\":\"turn.started\"}'\n"
        + "echo '{\"type\":\"error\",\"message\":\"Reconnecting... 1/5 (unexpected status 401 Unauthorized: "
        + "Incorrect API key provided, url: https://api.openai.com/v1/responses)\"}'\n"
        + "sleep 1000 &\necho \"$!\" > \"$ACR_TEST_PIDS/infra-child.pid\"\n"
        + "echo \"$$\" > \"$ACR_TEST_PIDS/infra-parent.pid\"\nwait\n");
    // Claude Code's result object for an unknown model, and exit status 0.
    agent(agents, "claude-model", "echo '{\"type\":\"system\",\"subtype\":\"init\",\"model\":\"claude-sonnet-4-6\"}'\n"
        + "echo '{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":true,\"terminal_reason\":\"api_error\","
        + "\"api_error_status\":404,\"result\":\"There is an issue with the selected model\",\"total_cost_usd\":0}'\n"
        + "exit 0\n");
    // A user's own tool: stderr names the network, and it fails.
    agent(agents, "custom-offline", "echo 'Error: getaddrinfo ENOTFOUND api.example.invalid' >&2\nexit 1\n");
    agent(agents, "other-offline", "echo 'Error: getaddrinfo ENOTFOUND api.example.invalid' >&2\nexit 1\n");
    agent(agents, "custom-fixer", "echo fixed > value.txt\n");
    // Claude Code that answers with another model than the one asked for, and fixes.
    agent(agents, "claude-other-model", "echo fixed > value.txt\n"
        + "echo '{\"type\":\"assistant\",\"message\":{\"model\":\"claude-haiku-4-5\",\"content\":[]}}'\n"
        + "echo '{\"type\":\"result\",\"is_error\":false,\"total_cost_usd\":0.01,\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}'\n");
    config = tmp.resolve("infra-tools.json");
    Files.writeString(config, "{\"tools\": ["
        + tool(agents, "codex-401", "codex-jsonl", "stdin") + ","
        + tool(agents, "claude-model", "claude-json", "stdin") + ","
        + tool(agents, "custom-offline", "none", "append_arg") + ","
        + tool(agents, "claude-other-model", "claude-json", "stdin") + ","
        + tool(agents, "other-offline", "none", "append_arg") + ","
        + tool(agents, "custom-fixer", "none", "append_arg") + "]}");
  }

  @Test
  void anAgentThatSaysItIsNotSignedInAndHangsIsStoppedWithItsTree() throws Exception {
    Fixtures.Run r = acr("--chain", "codex-401", "--timeout", "30m", "--verify", "sh check.sh", "fix value.txt");
    JsonNode rec = onlyRecord();
    assertThat(rec.path("status").asText()).as(r.err()).isEqualTo("infra_error");
    assertThat(rec.path("reason").asText()).isEqualTo("not signed in");
    assertThat(r.err()).contains("acr: codex-401:gpt: not signed in, stopped the agent");
    for (String pid : List.of("infra-parent.pid", "infra-child.pid")) {
      Path file = tmp.resolve("pids").resolve(pid);
      assertThat(file).exists();
      assertThat(ProcessHandle.of(Fixtures.pidFrom(file)).map(ProcessTreeKiller::isRunning)).isNotEqualTo(Optional.of(true));
    }
  }

  @Test
  void anApiErrorIsInfraEvenWhenTheCliExitsZero() throws Exception {
    Fixtures.Run r = acr("--chain", "claude-model", "--verify", "sh check.sh", "fix value.txt");
    JsonNode rec = onlyRecord();
    assertThat(rec.path("status").asText()).as(r.err()).isEqualTo("infra_error");
    assertThat(rec.path("reason").asText()).isEqualTo("unknown model");
    assertThat(rec.path("model_used").asText()).isEqualTo("claude-sonnet-4-6");
  }

  @Test
  void aUsersOwnToolThatFailsOfflineIsInfraByItsStderr() throws Exception {
    Fixtures.Run r = acr("--chain", "custom-offline", "--verify", "sh check.sh", "fix value.txt");
    JsonNode rec = onlyRecord();
    assertThat(rec.path("status").asText()).as(r.err()).isEqualTo("infra_error");
    assertThat(rec.path("reason").asText()).isEqualTo("network");
  }

  @Test
  void attemptsWhereNoAgentCouldRunLeaveMaxAttemptsToTheNextRoute() throws Exception {
    Fixtures.Run r = acr("--chain", "custom-offline,other-offline,custom-fixer", "--max-attempts", "1",
        "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> statuses = new ArrayList<>();
    for (String line : fx.memoryLines()) {
      statuses.add(JSON.readTree(line).path("status").asText());
    }
    assertThat(statuses).containsExactly("infra_error", "infra_error", "verified");
    assertThat(fx.read("value.txt")).isEqualTo("fixed\n");
  }

  @Test
  void whenNoAgentCouldRunTheClosingLineSaysSoAfterWhatToFix() throws Exception {
    fx.launcherPrefix.addAll(List.of("sh", "-c", "exec \"$0\" \"$@\" 2>&1")); // one stream, in the order printed
    Fixtures.Run r = acr("--chain", "custom-offline,other-offline", "--max-attempts", "1",
        "--verify", "sh check.sh", "fix value.txt");
    assertThat(r.exit()).as(r.out()).isEqualTo(3);
    assertThat(fx.memoryLines()).hasSize(2);
    String out = r.out();
    assertThat(out).doesNotContain("max attempts").doesNotContain("not verified after");
    int fixes = out.indexOf("acr: no agent could run; what to fix:\n");
    int closing = out.indexOf("not verified: no agent could run (2 attempt(s), each ended infra_error); your working tree is unchanged\n");
    assertThat(fixes).as(out).isPositive();
    assertThat(closing).as(out).isGreaterThan(fixes);
    assertThat(out.substring(fixes)).contains("acr:   custom-offline: network").contains("acr:   other-offline: network");
    assertThat(fx.read("value.txt")).isEqualTo("broken\n");
  }

  @Test
  void theModelTheCliReportsIsRecordedAndADifferenceIsSaid() throws Exception {
    Fixtures.Run r = acr("--chain", "claude-other-model", "--verify", "sh check.sh", "fix value.txt");
    JsonNode rec = onlyRecord();
    assertThat(rec.path("status").asText()).as(r.err()).isEqualTo("verified");
    assertThat(rec.path("model_used").asText()).isEqualTo("claude-haiku-4-5");
    assertThat(r.err()).contains("acr: claude-other-model:gpt: asked for model gpt but the CLI reports it used claude-haiku-4-5");
  }

  private Fixtures.Run acr(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("--config", config.toString()));
    all.addAll(List.of(args));
    Process p = fx.startPlain(all);
    // far below --timeout: only detection can end the hanging agent this early
    assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("acr finished").isTrue();
    return fx.collect(p);
  }

  private JsonNode onlyRecord() throws Exception {
    List<String> lines = fx.memoryLines();
    assertThat(lines).hasSize(1);
    return JSON.readTree(lines.get(0));
  }

  private static void agent(Path dir, String name, String body) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, "#!/bin/sh\n# fake coding agent\n" + body);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static String tool(Path dir, String name, String format, String mode) {
    return "{\"name\": \"" + name + "\", \"enabled\": true, \"command\": [\"" + dir.resolve(name)
        + "\"], \"prompt_mode\": \"" + mode + "\", \"usage_format\": \"" + format
        + "\", \"models\": [{\"name\": \"gpt\", \"arg\": \"gpt\"}]}";
  }
}
