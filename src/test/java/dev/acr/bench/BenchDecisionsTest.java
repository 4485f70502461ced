package dev.acr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --decisions NAME=FILE} rows, and where the data comes from: the bundled copy, a folder in
 * the upstream (Hugging Face) layout, or a folder of the gzipped files.
 */
class BenchDecisionsTest {
  @TempDir Path dir;
  private final ObjectMapper json = new ObjectMapper();

  private BenchCommandTest.Run bench(String... args) {
    return BenchCommandTest.bench(args);
  }

  @Test
  void aDecisionsFileIsASingleCallRowOfTheDatasetItsTasksBelongTo() throws Exception {
    Path data = Fixtures.write(Files.createDirectory(dir.resolve("data")));
    // i1 → opus (score 1.0, $0.02), i2 → kimi (score 0.25, $0.002); a task of another split is skipped.
    Path mine = Files.writeString(dir.resolve("mine.jsonl"), """
        {"task_id": "elsewhere", "chosen_model": "no-such-model"}
        {"task_id": "i2", "chosen_model": "kimi-k2.5", "extra": [1, 2]}
        {"task_id": "i1", "chosen_model": "claude-opus-4-6"}
        """);
    BenchCommandTest.Run r = bench("replay", "--data", data.toString(), "--orders", "0", "--json",
        "--decisions", "Mine=" + mine, "--routers", "Oracle,Mine");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode m = json.readTree(r.out());
    assertThat(m.at("/id-test/cap1/Mine/protocol").asText()).isEqualTo("single call (decisions file)");
    assertThat(m.at("/id-test/cap1/Mine/canonical/AvgPerf%").asDouble()).isCloseTo(62.5, within(1e-9));
    assertThat(m.at("/id-test/cap1/Mine/canonical/$Total").asDouble()).isCloseTo(0.022, within(1e-12));
    assertThat(m.at("/id-test/cap1/Mine/canonical/AvgSteps").asDouble()).isEqualTo(1.0);
    assertThat(m.at("/id-test/cap3").has("Mine")).as("another protocol at cap 3").isFalse();
    assertThat(m.at("/ood176/cap1").has("Mine")).isFalse();
  }

  @Test
  void aDecisionsFileMustDecideEveryTaskWithAKnownModel() throws Exception {
    Path data = Fixtures.write(Files.createDirectory(dir.resolve("data")));
    Path partial = Files.writeString(dir.resolve("partial.jsonl"), "{\"task_id\": \"i1\", \"chosen_model\": \"gpt-5.4\"}\n");
    BenchCommandTest.Run r = bench("replay", "--data", data.toString(), "--decisions", "P=" + partial);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("acr: " + partial + ": decides 1 of the 2 id-test tasks (no decision for 'i2')");

    Path unknown = Files.writeString(dir.resolve("unknown.jsonl"),
        "{\"task_id\": \"i1\", \"chosen_model\": \"gpt-9\"}\n{\"task_id\": \"i2\", \"chosen_model\": \"gpt-5.4\"}\n");
    r = bench("replay", "--data", data.toString(), "--decisions", "U=" + unknown);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("acr: " + unknown + ":1: model 'gpt-9' is not in models.json");

    Path foreign = Files.writeString(dir.resolve("foreign.jsonl"), "{\"task_id\": \"x\", \"chosen_model\": \"gpt-5.4\"}\n");
    r = bench("replay", "--data", data.toString(), "--decisions", "F=" + foreign);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no task_id of it is in the datasets replayed");

    r = bench("replay", "--data", data.toString(), "--decisions", "LogReg=" + partial);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--decisions: row name 'LogReg' is a published router's");
  }

  @Test
  void theUpstreamLayoutAndTheGzippedLayoutReadLikeTheBundledCopy() throws Exception {
    BenchSource bundled = BenchSource.bundled();
    Path upstream = Files.createDirectories(dir.resolve("hf/outputs/current"));
    Path gz = Files.createDirectories(dir.resolve("gz/decisions"));
    for (String f : new String[] {"models.json", "id_test_results_long.csv", "id_test_tasks.jsonl"}) {
      Files.writeString(dir.resolve("hf").resolve(f), bundled.read(f));
      copyResource(f + ".gz", dir.resolve("gz").resolve(f + ".gz"));
    }
    for (String f : Decisions.PUBLISHED.values()) {
      copyResource("decisions/" + f + ".gz", gz.resolve(f + ".gz"));
    }
    // The Hugging Face download keeps ACRouter's decisions at outputs/current/; here they are
    // rewritten to always pick claude-opus-4-6, so the row shows which file was read.
    StringBuilder opus = new StringBuilder();
    for (String line : bundled.read("decisions/acrouter_id_test.jsonl").split("\n")) {
      String id = json.readTree(line).get("task_id").toString();
      opus.append("{\"task_id\": ").append(id).append(", \"chosen_model\": \"claude-opus-4-6\"}\n");
    }
    Files.writeString(upstream.resolve("id_decisions.jsonl"), opus);

    String[] args = {"--dataset", "id-test", "--orders", "0", "--json", "--max-attempts", "1",
        "--routers", "ACRouter,LogReg,Always-claude-opus-4-6"};
    JsonNode fromBundle = json.readTree(bench(concat(new String[] {"replay"}, args)).out());
    BenchCommandTest.Run fromGz = bench(concat(new String[] {"replay", "--data", dir.resolve("gz").toString()}, args));
    assertThat(fromGz.exit()).as(fromGz.err()).isZero();
    assertThat(json.readTree(fromGz.out())).isEqualTo(fromBundle);
    assertThat(fromBundle.at("/id-test/cap1/ACRouter/canonical/AvgPerf%").asDouble()).isCloseTo(50.14, within(0.005));

    BenchCommandTest.Run fromHf = bench(concat(new String[] {"replay", "--data", dir.resolve("hf").toString()}, args));
    assertThat(fromHf.exit()).as(fromHf.err()).isZero();
    JsonNode hf = json.readTree(fromHf.out());
    assertThat(hf.at("/id-test/cap1/ACRouter/canonical")).isEqualTo(hf.at("/id-test/cap1/Always-claude-opus-4-6/canonical"));
    assertThat(hf.at("/id-test/cap1/LogReg")).as("the bundled copy fills in").isEqualTo(fromBundle.at("/id-test/cap1/LogReg"));
  }

  private static void copyResource(String name, Path to) throws Exception {
    try (InputStream in = BenchSource.class.getResourceAsStream(BenchSource.BUNDLED + name)) {
      assertThat(in).as(name).isNotNull();
      Files.copy(in, to);
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
