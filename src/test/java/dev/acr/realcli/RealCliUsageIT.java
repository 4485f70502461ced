package dev.acr.realcli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.config.CommandTemplate;
import dev.acr.config.ModelSpec;
import dev.acr.config.ToolSpec;
import dev.acr.core.Route;
import dev.acr.exec.Usage;
import dev.acr.exec.UsageParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * acr's UsageParser on what the real Codex and opencode print with the shipped templates, after
 * one scripted answer with known usage from a loopback model ({@link OpenAiScript}). (Claude
 * Code's result object is covered end to end by {@link RealCliE2EIT}.) The stdout of these runs
 * is what the fixtures src/test/resources/usage/real-* were captured from; set
 * ACR_CAPTURE_USAGE=DIR to write it again.
 */
class RealCliUsageIT {
  private static final Duration BOUND = Duration.ofSeconds(120);

  @TempDir Path tmp;

  @BeforeAll
  static void clis() {
    RealClis.requireInstalled();
  }

  @Test
  void codexJsonEventsGiveTheTokensTheModelReported() throws Exception {
    String out = runOnce("codex");
    Usage u = UsageParser.parse(ToolSpec.USAGE_CODEX_JSONL, write("codex", out), null);
    // Codex's input_tokens already include the cached ones and it reports no cost.
    assertThat(u.inputTokens()).as(out).isEqualTo((long) OpenAiScript.INPUT_TOKENS);
    assertThat(u.outputTokens()).isEqualTo((long) OpenAiScript.OUTPUT_TOKENS);
    assertThat(u.costUsd()).isNull();
  }

  @Test
  void opencodeJsonEventsGiveTheTokensAndTheCostOpencodeComputed() throws Exception {
    String out = runOnce("opencode");
    Usage u = UsageParser.parse(ToolSpec.USAGE_OPENCODE_JSONL, write("opencode", out), null);
    assertThat(u.inputTokens()).as(out).isEqualTo((long) OpenAiScript.INPUT_TOKENS);
    assertThat(u.outputTokens()).isEqualTo((long) OpenAiScript.OUTPUT_TOKENS);
    assertThat(u.costUsd()).isPositive();
    assertThat(u.source()).isEqualTo(Usage.REPORTED);
  }

  /** The tool's first route, rendered from the shipped template, run once; its stdout. */
  private String runOnce(String toolName) throws Exception {
    ToolSpec tool = RealClis.shippedTool(toolName);
    ModelSpec model = tool.models().get(0);
    Path workdir = Files.createDirectories(tmp.resolve("work"));
    CommandTemplate.Rendered r = CommandTemplate.render(tool, new Route(toolName, model.name()),
        "Reply with the single word ok.", workdir, Map.of());
    try (ModelServer server = new ModelServer(new OpenAiScript())) {
      RealClis.Run run = RealClis.run(r.argv(), r.stdin(), workdir,
          RealClis.environment(tool, tmp.resolve("home"), server.baseUrl()), server, BOUND, req -> false, tmp.resolve("logs"));
      assertThat(run.outcome().exitCode()).as("%s", run).isZero();
      return run.stdout();
    }
  }

  private Path write(String name, String stdout) throws Exception {
    String capture = System.getenv("ACR_CAPTURE_USAGE");
    if (capture != null) {
      Files.writeString(Files.createDirectories(Path.of(capture)).resolve(name + ".jsonl"), stdout);
    }
    return Files.writeString(tmp.resolve(name + "-stdout.log"), stdout);
  }
}
