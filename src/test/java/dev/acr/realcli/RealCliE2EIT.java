package dev.acr.realcli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acr.config.ToolSpec;
import dev.acr.exec.ProcessRunner;
import dev.acr.exec.ProcessSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop with a real agent CLI: the packaged acr launcher runs the real Claude Code
 * binary with the shipped template; Claude Code talks to a scripted Anthropic Messages API on
 * loopback ({@link AnthropicScript}), which has it read and edit value.txt in acr's worktree;
 * acr then verifies with the repository's own check, records the attempt with the usage Claude
 * Code reported, and applies the change to the user's working tree.
 */
class RealCliE2EIT {
  private static final Duration BOUND = Duration.ofMinutes(3);
  private static final String ROUTE = "claude-code:claude-sonnet-4-6";

  @TempDir Path tmp;

  @BeforeAll
  static void clis() {
    RealClis.requireInstalled();
  }

  @Test
  void claudeCodeEditsAFileThatAcrVerifiesRecordsAndApplies() throws Exception {
    Path repo = gitRepo();
    Files.writeString(repo.resolve("notes.txt"), "my uncommitted notes\n");
    Path home = tmp.resolve("home");
    ToolSpec claude = RealClis.shippedTool("claude-code");
    try (ModelServer server = new ModelServer(new AnthropicScript("value.txt", "broken", "fixed"))) {
      Map<String, String> env = new java.util.HashMap<>(RealClis.environment(claude, home, server.baseUrl()));
      env.put("ACR_HOME", home.resolve(".acr").toString());
      env.put("ACR_JAR", System.getProperty("acr.jar"));
      List<String> argv = List.of(Path.of(System.getProperty("acr.root"), "bin", "acr").toString(),
          "--config", Path.of(System.getProperty("acr.root"), "tools.example.json").toString(),
          "--chain", ROUTE, "--verify", "sh check.sh", "--timeout", "120s",
          "fix value.txt so that check.sh passes");
      RealClis.Run run = RealClis.run(argv, null, repo, env, server, BOUND, req -> false, tmp.resolve("logs"));

      assertThat(run.outcome().exitCode()).as("%s", run).isZero();
      assertThat(run.stderr()).contains("attempt 1: " + ROUTE).contains("verified");
      assertThat(Files.readString(repo.resolve("value.txt"))).isEqualTo("fixed\n");
      assertThat(Files.readString(repo.resolve("notes.txt"))).isEqualTo("my uncommitted notes\n");
      // Claude Code asked the scripted model three times: read, edit, done.
      List<ModelServer.Request> turns = run.requests().stream()
          .filter(r -> r.path().endsWith("/messages") && r.body().contains("\"Edit\"")).toList();
      assertThat(turns).hasSize(3);
      assertThat(turns).allMatch(r -> r.model().equals("claude-sonnet-4-6"));

      List<String> memory = Files.readAllLines(home.resolve(".acr/memory.jsonl"));
      assertThat(memory).hasSize(1);
      JsonNode rec = ModelServer.JSON.readTree(memory.get(0));
      assertThat(rec.get("route").asText()).isEqualTo(ROUTE);
      assertThat(rec.get("status").asText()).isEqualTo("verified");
      assertThat(rec.get("exit_code").asInt()).isZero();
      // Tokens as Claude Code summed them over the three turns; the cost as Claude Code priced them
      // (Sonnet 4.6 at $3 in / $15 out per 1M: 3600 x 3 + 120 x 15 = $0.0126), reported, not estimated.
      assertThat(rec.get("input_tokens").asLong()).isEqualTo(3L * AnthropicScript.INPUT_TOKENS);
      assertThat(rec.get("output_tokens").asLong()).isEqualTo(3L * AnthropicScript.OUTPUT_TOKENS);
      assertThat(rec.get("cost_usd").asDouble()).isCloseTo(0.0126, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  private Path gitRepo() throws IOException, InterruptedException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(repo.resolve("value.txt"), "broken\n");
    Files.writeString(repo.resolve("check.sh"), "#!/bin/sh\ngrep -qx fixed value.txt\n");
    Files.writeString(repo.resolve("notes.txt"), "committed notes\n");
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", "-A");
    git(repo, "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", "initial");
    return repo;
  }

  private static void git(Path repo, String... args) throws IOException {
    List<String> argv = new ArrayList<>(List.of("git", "-C", repo.toString()));
    argv.addAll(List.of(args));
    var o = new ProcessRunner().run(ProcessSpec.builder(argv, repo)
        .environment(Map.of("PATH", System.getenv("PATH"), "HOME", repo.toString())).timeout(Duration.ofSeconds(30)).build());
    assertThat(o.exitCode()).as("git %s", List.of(args)).isZero();
  }
}
