package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acr.exec.ProcessRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartbeatTest {

  @TempDir Path dir;

  @Test
  void saysHowLongItRanAndWhatItLastPrinted() {
    AtomicLong nanos = new AtomicLong(0);
    Heartbeat h = Heartbeat.manual(dir, Duration.ofMinutes(30), nanos::get, () -> null);
    nanos.set(30_000_000_000L);
    assertThat(h.message()).isEqualTo("still running after 30.0s (limit 30m: --verify-timeout); no output yet");
    h.line("\u001b[32mtest_timer_active ...\u001b[0m ");
    nanos.set(92_000_000_000L);
    h.line("   ");
    assertThat(h.message()).as("colour stripped; a blank line is not the last output")
        .isEqualTo("still running after 1m32s (limit 30m: --verify-timeout); last output 1m02s ago: test_timer_active ...");
    h.line("make[3]: Entering directory '" + dir.toAbsolutePath() + "/_build/test'");
    assertThat(h.message()).as("the folder's path left out").endsWith("ago: make[3]: Entering directory '_build/test'");
    h.line("x".repeat(500));
    assertThat(h.message()).endsWith("last output 0.0s ago: " + "x".repeat(120) + "…");
    Heartbeat named = Heartbeat.manual(dir, Duration.ofMinutes(4), nanos::get, () -> "_build/test/active (for 3m10s)");
    assertThat(named.message()).isEqualTo("still running after 0.0s (limit 4m: --verify-timeout); no output yet;"
        + " running now: _build/test/active (for 3m10s)");
  }

  /** make check keeps each test's output in its own log: the process tree says which test runs. */
  @Test
  void namesTheNewestProcessThatStartedNothingItselfWithPathsRelativeToTheFolder() throws Exception {
    // A test that waits on its input starts nothing itself: the leaf, after the older sleep.
    java.nio.file.Files.writeString(dir.resolve("slow-test"), "#!/bin/sh\nread line\n");
    Process p = new ProcessBuilder("sh", "-c", "sleep 29 & sleep 0.3; sh " + dir.resolve("slow-test") + "; wait")
        .directory(dir.toFile()).start();
    try {
      String now = null;
      // Up to 20 s: under load the shell may take seconds to start the test (seen failing at 5 s beside a full build).
      for (int i = 0; i < 200 && (now == null || !now.contains("slow-test")); i++) {
        Thread.sleep(100);
        now = Heartbeat.runningNow(p.toHandle(), dir, java.time.Instant.now());
      }
      assertThat(now).as("the newest leaf, not the older sleep nor the shell").matches("(sh|dash|bash) slow-test \\(for \\d+\\.\\ds\\)");
      Process alone = new ProcessBuilder("sleep", "5").start();
      try {
        assertThat(Heartbeat.runningNow(alone.toHandle(), dir, java.time.Instant.now()))
            .as("a process running nothing else").isNull();
      } finally {
        alone.destroyForcibly();
      }
    } finally {
      p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  @Test
  void beatsLessOftenAsTheCommandGoesOn() {
    long gap = Heartbeat.FIRST.toMillis();
    StringBuilder at = new StringBuilder();
    long t = 0;
    for (int i = 0; i < 8; i++) {
      t += gap;
      at.append(t / 1000).append(' ');
      gap = Heartbeat.nextGapMs(gap);
    }
    assertThat(at.toString().strip()).isEqualTo("30 90 210 450 690 930 1170 1410");
  }

  @Test
  void aLongTestCommandSaysItIsStillRunningThenStops() throws Exception {
    List<String> said = new CopyOnWriteArrayList<>();
    Verifier verifier = new Verifier(new ProcessRunner(), Duration.ofMillis(300));
    VerifyResult r = verifier.run(new VerifyCommand("echo test_active; sleep 2", "--verify"), dir, Duration.ofSeconds(30),
        Map.of("PATH", System.getenv("PATH")), dir.resolve("verify.log"), said::add);
    assertThat(r.passed()).isTrue();
    assertThat(said).isNotEmpty();
    assertThat(said.get(0)).startsWith("still running after 0.").contains("last output 0.")
        .contains("ago: test_active; running now: sleep 2 (for ");
    int count = said.size();
    Thread.sleep(1_500);
    assertThat(said).as("no beat after the command ended").hasSize(count);
  }

  @Test
  void aQuickTestCommandSaysNothing() throws Exception {
    List<String> said = new CopyOnWriteArrayList<>();
    new Verifier(new ProcessRunner(), Duration.ofSeconds(5)).run(new VerifyCommand("true", "--verify"), dir,
        Duration.ofSeconds(30), null, dir.resolve("verify.log"), said::add);
    assertThat(said).isEmpty();
  }
}
