package dev.acr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.cli.BenchCommand;
import dev.acr.memory.MemoryRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code acr bench replay|import} end to end through picocli, output captured. */
class BenchCommandTest {
  @TempDir Path dir;
  private final ObjectMapper json = new ObjectMapper();

  private record Run(int exit, String out, String err) {}

  private static Run bench(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new BenchCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static final List<String> KEYS =
      List.of("n", "AvgPerf%", "CumReg", "$Total", "Perf/$", "rAcc", "Apply_ok%", "AvgSteps", "Escalations");

  private static List<String> fields(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void replayWritesEveryFileAndTheFixedMetricsShape() throws Exception {
    Path data = Files.createDirectory(dir.resolve("data"));
    Fixtures.write(data);
    Path out = dir.resolve("out");
    Run r = bench("replay", "--data", data.toString(), "--orders", "2", "--seed", "3", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("ood176 — canonical order (3 tasks)", "id-test — 2 shuffled orders (seed 3): mean ± sd",
        "Oracle (bound)", "ACRouter", "Always-kimi-k2.5", "Random", "LinUCB", "LinTS", "kNN", "AvgPerf%", "Escalations");
    assertThat(r.err()).startsWith("acr: ");
    for (String f : List.of("table.md", "table.csv", "metrics.json", "memory.jsonl", "regret.svg")) {
      assertThat(out.resolve(f)).isNotEmptyFile();
    }
    for (String router : List.of("Oracle", "ACRouter", "Always-gpt-5.4", "Random", "LinUCB", "LinTS", "kNN", "acr")) {
      assertThat(out.resolve("decisions").resolve(router + ".jsonl")).isNotEmptyFile();
    }
    List<String> decisions = Files.readAllLines(out.resolve("decisions/ACRouter.jsonl"));
    assertThat(decisions).hasSize(5);
    JsonNode first = json.readTree(decisions.get(0));
    assertThat(fields(first)).containsExactly("dataset", "index", "task", "chain", "final_route", "outcome", "stop",
        "performance", "cost_usd", "reward", "regret");
    assertThat(first.get("task").asText()).isEqualTo("t1, with comma");
    assertThat(first.get("chain")).hasSize(3);

    JsonNode metrics = json.readTree(out.resolve("metrics.json").toFile());
    assertThat(fields(metrics)).containsExactly("ood176", "id-test");
    assertThat(fields(metrics.get("ood176"))).containsExactly("Oracle", "ACRouter", "Always-gpt-5.4", "Always-kimi-k2.5",
        "Always-claude-opus-4-6", "Random", "LinUCB", "LinTS", "kNN", "acr", "acr+priors");
    for (Iterator<JsonNode> ds = metrics.elements(); ds.hasNext(); ) {
      for (Iterator<JsonNode> rows = ds.next().elements(); rows.hasNext(); ) {
        JsonNode row = rows.next();
        assertThat(fields(row)).containsExactly("canonical", "shuffled");
        assertThat(fields(row.get("canonical"))).isEqualTo(KEYS);
        assertThat(fields(row.get("shuffled"))).containsExactly("orders", "seed", "mean", "sd");
        assertThat(row.get("shuffled").get("orders").asInt()).isEqualTo(2);
        assertThat(row.get("shuffled").get("seed").asLong()).isEqualTo(3);
        assertThat(fields(row.get("shuffled").get("mean"))).isEqualTo(KEYS);
        assertThat(fields(row.get("shuffled").get("sd"))).isEqualTo(KEYS);
      }
    }
    assertThat(metrics.at("/ood176/ACRouter/canonical/Escalations").asInt()).isEqualTo(3);

    List<String> memory = Files.readAllLines(out.resolve("memory.jsonl"));
    MemoryRecord rec = json.readValue(memory.get(0), MemoryRecord.class);
    assertThat(rec.source()).isEqualTo("replay");
    assertThat(rec.ts()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(memory).allSatisfy(l -> assertThat(l).contains("\"source\":\"replay\""));
    assertThat(Files.readString(out.resolve("regret.svg"))).startsWith("<svg").contains("<polyline", "task index",
        "cumulative regret", "ACRouter").endsWith("</svg>\n");
    assertThat(Files.readAllLines(out.resolve("table.csv")).get(0))
        .isEqualTo("dataset,router,kind,n,AvgPerf%,CumReg,$Total,Perf/$,rAcc,Apply_ok%,AvgSteps,Escalations");
  }

  @Test
  void jsonFlagPrintsMetricsJsonOnly() throws Exception {
    Path data = Fixtures.write(Files.createDirectory(dir.resolve("data")));
    Run r = bench("replay", "--data", data.toString(), "--dataset", "ood176", "--orders", "1", "--json",
        "--routers", "Oracle,always");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode metrics = json.readTree(r.out());
    assertThat(fields(metrics)).containsExactly("ood176");
    assertThat(fields(metrics.get("ood176")))
        .containsExactly("Oracle", "Always-gpt-5.4", "Always-kimi-k2.5", "Always-claude-opus-4-6");
    assertThat(metrics.at("/ood176/Oracle/canonical/rAcc").asDouble()).isEqualTo(1.0);
  }

  @Test
  void unknownRouterAndDatasetAreBadInput() throws Exception {
    Path data = Fixtures.write(Files.createDirectory(dir.resolve("data")));
    Run r = bench("replay", "--data", data.toString(), "--routers", "Oracle,GPT-Oracle");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("acr: --routers: unknown router 'GPT-Oracle' (known: Oracle, ACRouter,");
    assertThat(bench("replay", "--data", data.toString(), "--dataset", "ood").err())
        .startsWith("acr: --dataset: expected ood176, id-test or all, got 'ood'");
  }

  @Test
  void importThenReplayMemoryGivesTheSameRowsAsTheTables() throws Exception {
    Path data = Fixtures.write(Files.createDirectory(dir.resolve("data")));
    Path mem = dir.resolve("imported.jsonl");
    Run imp = bench("import", "--data", data.toString(), "--out", mem.toString(), "--dataset", "ood176");
    assertThat(imp.exit()).as(imp.err()).isZero();
    assertThat(imp.err()).isEqualTo("acr: wrote 9 records to " + mem + System.lineSeparator());
    List<String> lines = Files.readAllLines(mem);
    assertThat(lines).hasSize(9);
    MemoryRecord first = json.readValue(lines.get(0), MemoryRecord.class);
    assertThat(first.source()).isEqualTo("import");
    assertThat(first.task()).isEqualTo("t1, with comma");
    assertThat(first.route()).isEqualTo("codex:gpt-5.4");

    String rows = "Oracle,ACRouter,Always";
    Run fromTables = bench("replay", "--data", data.toString(), "--dataset", "ood176", "--orders", "0", "--json", "--routers", rows);
    Run fromMemory = bench("replay", "--memory", mem.toString(), "--orders", "0", "--json", "--routers", rows);
    assertThat(fromMemory.exit()).as(fromMemory.err()).isZero();
    JsonNode a = json.readTree(fromTables.out()).get("ood176");
    JsonNode b = json.readTree(fromMemory.out()).get("memory");
    assertThat(b).isEqualTo(a);
  }

  @Test
  void importOfIdKeepsScores() throws Exception {
    Path data = Fixtures.write(Files.createDirectory(dir.resolve("data")));
    Path mem = dir.resolve("id.jsonl");
    assertThat(bench("import", "--data", data.toString(), "--out", mem.toString(), "--dataset", "id-test").exit()).isZero();
    MemoryRecord half = json.readValue(Files.readAllLines(mem).get(0), MemoryRecord.class);
    assertThat(half.score()).isEqualTo(0.5);
    assertThat(half.resolved()).isFalse();
    assertThat(half.applyOk()).isTrue();
    assertThat(half.durationMs()).isEqualTo(1200);
    assertThat(half.performance()).isEqualTo(0.5);
  }
}
