package dev.acr.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.git.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectionPrefetchTest {
  @TempDir Path tmp;

  @Test
  void givesWhatInspectGivesOnlyForTheSameQuestion() throws Exception {
    Path repo = GitFixture.withCommit(tmp.toRealPath().resolve("repo"), Map.of("a.py", "a\n"));
    InspectionPrefetch p = new InspectionPrefetch(repo);
    Thread t = new Thread(p);
    t.start();

    assertThat(p.take(repo, null)).contains(RepoInspector.inspect(repo, null));
    assertThat(p.take(repo, "make check")).as("--verify changes the answer").isEmpty();
    assertThat(p.take(repo.resolve("sub"), null)).as("another directory").isEmpty();
    t.join();
  }

  @Test
  void aFailedInspectionIsLeftToThePlanner() throws Exception {
    Path repo = GitFixture.withCommit(tmp.toRealPath().resolve("repo"), Map.of("a.py", "a\n"));
    Files.createDirectories(repo.resolve(".acr"));
    Files.writeString(repo.resolve(".acr/config.json"), "{ not json");
    InspectionPrefetch p = new InspectionPrefetch(repo);
    p.run();
    assertThat(p.take(repo, null)).isEmpty();
  }
}
