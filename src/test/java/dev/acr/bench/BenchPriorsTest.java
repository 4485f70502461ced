package dev.acr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acr.policy.Priors;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acr+priors row's priors come from the other dataset only. */
class BenchPriorsTest {

  @Test
  void eachDatasetsPriorsAreFittedOnTheOtherOnly(@TempDir Path dir) throws Exception {
    Fixtures.write(dir);
    BenchLoader loader = new BenchLoader(new ObjectMapper());
    List<BenchTable> tables = List.of(loader.load(dir, BenchDataset.OOD176), loader.load(dir, BenchDataset.ID_TEST));

    Priors forOod = PriorsFit.others(tables, 0);
    assertThat(forOod.source()).isEqualTo("CodeRouterBench id-test");
    // Two ID tasks per model: gpt-5.4 scored 0.5 and 1.0, verified once.
    assertThat(forOod.models().get("gpt-5.4").get(Priors.ALL)).isEqualTo(new Priors.Entry(2, 0.75, 0.5));
    assertThat(forOod.models().get("gpt-5.4")).doesNotContainKey("bug_fixing");

    Priors forId = PriorsFit.others(tables, 1);
    assertThat(forId.source()).isEqualTo("CodeRouterBench ood176");
    assertThat(forId.models().get("claude-opus-4-6").get("bug_fixing")).isEqualTo(new Priors.Entry(2, 1.0, 1.0));

    assertThat(PriorsFit.others(List.of(tables.get(0)), 0)).isNull();
  }

  @Test
  void theRowIsThereOnlyWithPriors(@TempDir Path dir) throws Exception {
    Fixtures.write(dir);
    BenchTable ood = new BenchLoader(new ObjectMapper()).load(dir, BenchDataset.OOD176);
    TaskFeatures f = new TaskFeatures(ood.tasks());
    assertThat(Contestants.all(ood, f, 3, List.of()).stream().map(Contestant::name)).contains("acr").doesNotContain("acr+priors");
    for (int cap : new int[] {1, 3, 8}) {
      List<Contestant> rows = Contestants.all(ood, f, cap, List.of(), Priors.none());
      assertThat(rows.stream().map(Contestant::name)).containsSubsequence("acr", "acr+priors");
      Contestant withPriors = rows.stream().filter(c -> c.name().equals("acr+priors")).findFirst().orElseThrow();
      assertThat(withPriors.protocol()).isEqualTo(Contestant.upTo(cap));
      assertThat(withPriors.seeded()).isEqualTo(cap > 1);
    }
  }
}
