package dev.acr.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Children that write far more than the heap could hold. */
class ProcessRunnerFloodTest {

  private static final long FLOOD_BYTES = 200_000_000L;
  private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");

  @TempDir Path dir;

  /**
   * The real bound: the runner runs in a separate JVM with a 32 MB heap, so holding the 200 MB
   * newline-free flood anywhere (line buffer, byte array) ends in OutOfMemoryError.
   */
  @Test
  void newlineFreeFloodFitsInASmallHeap() throws Exception {
    Path stdoutFile = dir.resolve("flood.bin");
    Path report = dir.resolve("report.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process jvm =
        new ProcessBuilder(
                java,
                "-Xmx32m",
                "-cp",
                System.getProperty("java.class.path"),
                SmallHeapFlood.class.getName(),
                dir.toString(),
                stdoutFile.toString(),
                report.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("jvm.log").toFile())
            .start();

    assertThat(jvm.waitFor(40, TimeUnit.SECONDS)).isTrue();
    assertThat(jvm.exitValue())
        .as("small-heap JVM output: %s", Files.readString(dir.resolve("jvm.log")))
        .isZero();
    List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("exit=0 stdoutBytes=" + FLOOD_BYTES);
    assertThat(lines.get(1)).isEqualTo("callbacks=1");
    // the one callback: the first 4096 NULs of the "line", then the marker
    assertThat(lines.get(2)).isEqualTo("nuls=" + ProcessRunner.DEFAULT_MAX_LINE_CODE_POINTS);
    assertThat(lines.get(3)).isEqualTo("rest=" + LineSplitter.TRUNCATION_MARKER);
    assertThat(Files.size(stdoutFile)).isEqualTo(FLOOD_BYTES);
  }

  @Test
  void manyLinesAreAllDeliveredAndWritten() throws Exception {
    // "the quick brown fox\n" is 20 bytes, so 100 MB is exactly 5 million lines
    LongAdder count = new LongAdder();
    AtomicReference<String> odd = new AtomicReference<>();
    ProcessSpec spec =
        ProcessSpec.builder(
                List.of("/bin/sh", "-c", "yes 'the quick brown fox' | head -c 100000000"), dir)
            .environment(ENV)
            .timeout(Duration.ofSeconds(60))
            .stdoutFile(dir.resolve("lines.txt"))
            .stdoutLines(
                line -> {
                  count.increment();
                  if (!line.equals("the quick brown fox")) {
                    odd.compareAndSet(null, line);
                  }
                })
            .build();

    ProcessOutcome outcome = new ProcessRunner().run(spec);

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.stdoutBytes()).isEqualTo(100_000_000L);
    assertThat(Files.size(dir.resolve("lines.txt"))).isEqualTo(100_000_000L);
    assertThat(count.sum()).isEqualTo(5_000_000L);
    assertThat(odd.get()).isNull();
  }

  /** Entry point of the small-heap JVM: args are workdir, stdout file, report file. */
  public static final class SmallHeapFlood {
    public static void main(String[] args) throws Exception {
      List<String> callbacks = new ArrayList<>();
      ProcessSpec spec =
          ProcessSpec.builder(
                  List.of("/bin/sh", "-c", "head -c " + FLOOD_BYTES + " /dev/zero"),
                  Path.of(args[0]))
              .environment(ENV)
              .timeout(Duration.ofSeconds(20))
              .stdoutFile(Path.of(args[1]))
              .stdoutLines(callbacks::add)
              .build();
      ProcessOutcome outcome = new ProcessRunner().run(spec);
      String first = callbacks.isEmpty() ? "" : callbacks.get(0);
      String rest = first.replace("\0", "");
      Files.writeString(
          Path.of(args[2]),
          "exit=" + outcome.exitCode() + " stdoutBytes=" + outcome.stdoutBytes() + "\n"
              + "callbacks=" + callbacks.size() + "\n"
              + "nuls=" + (first.length() - rest.length()) + "\n"
              + "rest=" + rest + "\n");
    }
  }
}
