package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.testing.Toolchains;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code acr bench live} over the real problems/ with two fake agents: "solver" applies the
 * problem's reference solution (it finds the problem by the prompt it gets on stdin), "noop"
 * changes nothing. So every problem's tests must fail as shipped (the baseline and every noop
 * attempt) and pass with its reference solution (every solver attempt): this is the check that
 * the problems are real. Then the memory it wrote must replay offline to the same table.
 */
class BenchLiveIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void everyProblemFailsAsShippedPassesWithItsSolutionAndTheMemoryReplays() throws Exception {
    // The toolchains the problems' tests need (.ci/run installs them).
    Toolchains.require("BenchLiveIT (the live problems' own tests)",
        Toolchains.PYTEST, Toolchains.NODE, Toolchains.GO, Toolchains.MAVEN);
    Path problems = Path.of(System.getProperty("acr.root"), "problems");
    Map<String, JsonNode> meta = problemMetadata(problems);
    Fixtures fx = new Fixtures(tmp);
    fx.extraEnv.put("ACR_TEST_PROBLEMS", problems.toString());
    Path config = writeAgents(fx);
    Path memory = tmp.resolve("bench-memory.jsonl");
    Path out = tmp.resolve("out");

    Fixtures.Run live = run(fx, List.of("bench", "live", problems.toString(), "--config", config.toString(),
        "--routes", "solver,noop", "--memory", memory.toString(), "--out", out.toString(), "--orders", "3"));

    assertThat(live.exit()).as(live.err()).isZero();
    int cells = meta.size() * 2;
    assertThat(live.err()).contains("acr: bench live: " + meta.size() + " problems × 2 routes = " + cells + " runs")
        .contains("acr: [1/" + cells + "] ").contains("acr: [" + cells + "/" + cells + "] ")
        .doesNotContain("already pass").doesNotContain("not found (exit 127)")
        .contains("acr bench replay --memory " + out.resolve("live-memory.jsonl"));
    for (String id : meta.keySet()) {
      assertThat(live.err()).contains(id + " × solver: verified").contains(id + " × noop: no_change");
    }

    List<JsonNode> records = readRecords(memory);
    assertThat(records).hasSize(cells);
    assertThat(Files.readAllLines(out.resolve("live-memory.jsonl"))).isEqualTo(Files.readAllLines(memory));
    for (int i = 0; i < records.size(); i++) {
      JsonNode r = records.get(i);
      String id = r.get("task").asText();
      assertThat(meta).as("task ids are problem ids").containsKey(id);
      assertThat(r.get("source").asText()).isEqualTo("live-bench");
      assertThat(r.get("bench").asText()).isEqualTo("live-bench");
      assertThat(r.get("dimension").asText()).isEqualTo(meta.get(id).get("dimension").asText());
      assertThat(r.get("language").asText()).isEqualTo(meta.get(id).get("language").asText());
      assertThat(r.get("attempt").asInt()).isEqualTo(1);
      boolean solver = r.get("route").asText().equals("solver");
      assertThat(r.get("route").asText()).isEqualTo(i % 2 == 0 ? "solver" : "noop");
      assertThat(r.get("status").asText()).as("%s × %s", id, r.get("route")).isEqualTo(solver ? "verified" : "no_change");
      assertThat(r.get("resolved").asBoolean()).isEqualTo(solver);
      assertThat(r.get("apply_ok").asBoolean()).as("noop changes nothing").isEqualTo(solver);
      assertThat(r.get("cost_usd").asDouble()).isEqualTo(solver ? 0.02 : 0.001);
    }
    assertThat(records.stream().map(r -> r.get("task").asText()).distinct()).containsExactlyElementsOf(meta.keySet());

    String table = live.out();
    assertThat(table).startsWith("live-bench, cap 1 (single call) — canonical order (" + meta.size() + " tasks)");
    assertThat(row(table, "Oracle (bound)")).containsPattern("^Oracle \\(bound\\)\\s+bound \\(single call\\)\\s+" + meta.size()
        + "\\s+100\\.00\\s+0\\.0 ");
    assertThat(row(table, "Always-solver")).containsPattern("single call \\(by definition\\)\\s+" + meta.size()
        + "\\s+100\\.00\\s+0\\.0 ");
    assertThat(row(table, "Always-noop")).contains("  0.00").contains(String.format(java.util.Locale.ROOT, "%.1f", 0.9981 * meta.size()));
    assertThat(row(table, "acr")).isNotEmpty();
    assertThat(out.resolve("metrics.json")).exists();
    assertThat(out.resolve("regret.svg")).exists();

    // The same attempts, replayed offline from the memory file, give the same table.
    Fixtures.Run replay = run(fx, List.of("bench", "replay", "--memory", memory.toString(), "--orders", "3"));
    assertThat(replay.exit()).as(replay.err()).isZero();
    assertThat(replay.out().replace("memory, ", "live-bench, ")).isEqualTo(table);
  }

  /** The fake agents and a config naming them; both read the prompt on stdin. */
  private static Path writeAgents(Fixtures fx) throws IOException {
    agent(fx.agents.resolve("solver"), """
        prompt=$(cat)
        for p in "$ACR_TEST_PROBLEMS"/*/; do
          if [ "$(cat "$p/prompt.txt")" = "$prompt" ]; then
            cp -R "$p/solution/." .
            echo "solver: applied $(basename "$p")/solution"
            echo '{"type":"result","total_cost_usd":0.02,"usage":{"input_tokens":1200,"output_tokens":300}}'
            exit 0
          fi
        done
        echo "solver: no problem has this prompt" >&2
        exit 3
        """);
    agent(fx.agents.resolve("noop"), """
        cat >/dev/null
        echo '{"type":"result","total_cost_usd":0.001,"usage":{"input_tokens":100,"output_tokens":5}}'
        """);
    Path config = fx.root.resolve("bench-tools.json");
    Files.writeString(config, "{\"tools\": [\n"
        + tool("solver", fx.agents.resolve("solver")) + ",\n" + tool("noop", fx.agents.resolve("noop")) + "\n]}\n");
    return config;
  }

  private static String tool(String name, Path program) {
    return "  {\"name\": \"" + name + "\", \"enabled\": true, \"command\": [\"" + program
        + "\"], \"prompt_mode\": \"stdin\", \"usage_format\": \"claude-json\"}";
  }

  private static void agent(Path p, String body) throws IOException {
    Files.writeString(p, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static Fixtures.Run run(Fixtures fx, List<String> args) throws IOException, InterruptedException {
    Process p = fx.startPlain(args);
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("acr %s finished", args).isTrue();
    return fx.collect(p);
  }

  /** problem id → problem.json, sorted by id like the bench runs them. */
  private static Map<String, JsonNode> problemMetadata(Path problems) throws IOException {
    Map<String, JsonNode> meta = new TreeMap<>();
    try (Stream<Path> s = Files.list(problems)) {
      for (Path dir : s.filter(d -> Files.isRegularFile(d.resolve("problem.json"))).toList()) {
        meta.put(dir.getFileName().toString(), JSON.readTree(dir.resolve("problem.json").toFile()));
      }
    }
    return meta;
  }

  private static List<JsonNode> readRecords(Path memory) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(memory)) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  private static String row(String table, String router) {
    return table.lines().filter(l -> l.startsWith(router + " ")).findFirst().orElse("");
  }
}
