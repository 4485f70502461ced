package dev.acr.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {
  @TempDir Path tmp;

  @Test
  void tailIsTheLastLinesWithoutTrailingBlanks() throws Exception {
    Path log = Files.writeString(tmp.resolve("verify.log"), "one\r\ntwo\nthree\n\n\n");
    assertThat(RunFiles.tail(log, 2)).containsExactly("two", "three");
    assertThat(RunFiles.tail(log, 10)).containsExactly("one", "two", "three");
    assertThat(RunFiles.tail(Files.writeString(tmp.resolve("empty.log"), ""), 5)).isEmpty();
  }

  @Test
  void aLongLogIsReadFromItsEndAndAHalfLineIsDropped() throws Exception {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      b.append("line ").append(i).append('\n');
    }
    Path log = Files.writeString(tmp.resolve("verify.log"), b);
    assertThat(RunFiles.tail(log, 3)).containsExactly("line 19997", "line 19998", "line 19999");
    assertThat(RunFiles.tail(log, 1_000_000).get(0)).matches("line \\d+");
    assertThat(RunFiles.tail(log, 1_000_000)).hasSizeLessThan(20_000);
  }

  @Test
  void onlyRunIdsThatCanBeDirectoryNamesBecomePaths() {
    Path runs = tmp.resolve("runs");
    assertThat(RunFiles.runDir(runs, "20261123-104806-c40b")).contains(runs.resolve("20261123-104806-c40b"));
    assertThat(RunFiles.runDir(runs, "replay:ood176:acr:3")).isPresent();
    assertThat(RunFiles.runDir(runs, "../../etc")).isEmpty();
    assertThat(RunFiles.runDir(runs, "a/b")).isEmpty();
    assertThat(RunFiles.runDir(runs, "..")).isEmpty();
    assertThat(RunFiles.runDir(runs, ".hidden")).isEmpty();
    assertThat(RunFiles.runDir(runs, "")).isEmpty();
    assertThat(RunFiles.runDir(runs, null)).isEmpty();
  }

  @Test
  void attemptAndBaselineDirectoriesFollowTheLayout() {
    Path run = tmp.resolve("runs/r");
    assertThat(RunFiles.attemptDir(run, 2)).isEqualTo(run.resolve("attempt-2"));
    assertThat(RunFiles.baselineDir(run)).isEqualTo(run.resolve("baseline"));
  }
}
