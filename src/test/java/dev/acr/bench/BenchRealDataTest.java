package dev.acr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThatThrownBy(() -> Fixtures.realData(Map.of("ACR_BENCH_DATA", empty.toString())))
          .isInstanceOf(TestAbortedException.class)
          .hasMessageContaining("CodeRouterBench data not found at " + empty)
          .hasMessageContaining("ACR_BENCH_DATA");
    } finally {
      System.setErr(saved);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("acr-test: skipped: real-data test: CodeRouterBench"
        + " data not found at " + empty).hasLineCount(1);
  }
}
