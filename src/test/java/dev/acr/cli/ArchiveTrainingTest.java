package dev.acr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long commands' archive is only as good as its training run: when the tiny benchmark it
 * writes stops loading (a format or validation change), the replay's classes would silently miss
 * the archive. This keeps every step of the training succeeding, and doing real work.
 */
class ArchiveTrainingTest {

  @Test
  void everyTrainingCommandSucceedsOnTheTinyBenchmark(@TempDir Path dir) throws Exception {
    assertThat(ArchiveTraining.run(dir)).isZero();

    Path out = dir.resolve("out");
    assertThat(out.resolve("table.md")).isRegularFile();
    assertThat(Files.readAllLines(out.resolve("cap8").resolve("memory.jsonl"))).hasSizeGreaterThan(10);
    JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    // Both datasets and the rows whose classes a real replay loads: the cascade, the learners, acr.
    for (String dataset : new String[] {"ood176", "id-test"}) {
      String cascade = dataset.equals("ood176") ? "ACRouter" : "Cascade";
      for (String row : new String[] {"Oracle", cascade, "Random", "LinUCB", "LinTS", "kNN", "acr"}) {
        assertThat(metrics.path(dataset).path("cap8").path(row).path("canonical").path("n").asInt())
            .as(dataset + " " + row).isPositive();
      }
    }
  }
}
