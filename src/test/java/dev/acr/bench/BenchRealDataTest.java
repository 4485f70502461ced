package dev.acr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Where the real-data tests look for CodeRouterBench: ACR_BENCH_DATA first, and a skip that says where. */
class BenchRealDataTest {
  @TempDir Path tmp;

  @Test
  void acrBenchDataNamesTheFolder() throws Exception {
    Path data = Fixtures.write(Files.createDirectories(tmp.resolve("data")));
    assertThat(Fixtures.realData(Map.of("ACR_BENCH_DATA", data.toString()))).isEqualTo(data);
  }

  @Test
  void aFolderWithoutTheDataSkipsSayingWhere() {
    Path empty = tmp.resolve("nothing-here");
    assertThatThrownBy(() -> Fixtures.realData(Map.of("ACR_BENCH_DATA", empty.toString())))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("CodeRouterBench data not found at " + empty)
        .hasMessageContaining("ACR_BENCH_DATA");
  }
}
