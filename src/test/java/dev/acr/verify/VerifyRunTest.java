package dev.acr.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyRunTest {

  /** What a runner that found tests and ran none of them is said to have done. */
  private static final String ALL_OFF = " ran none of the tests it found: each was skipped, pending or to-do";

  @TempDir Path dir;
  final Verifier verifier = new Verifier();

  private VerifyResult run(String command, Duration timeout, Map<String, String> env)
      throws Exception {
    return verifier.run(
        new VerifyCommand(command, "--verify"), dir, timeout, env, dir.resolve("logs/verify.log"));
  }

  @Test
  void passingCommandInItsDirectoryWithEnv() throws Exception {
    Files.writeString(dir.resolve("marker"), "here");
    VerifyResult r = run("cat marker; echo \" $ACR_X\"; echo oops >&2", Duration.ofSeconds(30),
        Map.of("ACR_X", "from-env"));
    assertThat(r.passed()).isTrue();
    assertThat(r.exitCode()).isZero();
    assertThat(r.timedOut()).isFalse();
    assertThat(r.tail()).isEqualTo("here from-env\noops");
    assertThat(Files.readString(dir.resolve("logs/verify.log"))).isEqualTo("here from-env\noops\n");
  }

  @Test
  void aCommandThatRanNoTestsDoesNotPassThoughItExitsZero() throws Exception {
    VerifyResult r = run("echo; echo 'Ran 0 tests in 0.000s'; echo; echo OK", Duration.ofSeconds(30), Map.of());
    assertThat(r.passed()).isFalse();
    assertThat(r.exitCode()).isZero();
    assertThat(r.tail()).endsWith("[acr] the test command ran no tests (Ran 0 tests in 0.000s): not counted as passing");
    assertThat(Files.readString(dir.resolve("logs/verify.log"))).contains("not counted as passing");
  }

  /** mocha exits 0 when its files hold no test: its count, read for comparing runs, says so. */
  @Test
  void aZeroCountOfARunnerThatPrintsNoOtherLineDoesNotPass() throws Exception {
    VerifyResult r = run("printf '\\n\\n  0 passing (1ms)\\n\\n'", Duration.ofSeconds(30), Map.of());
    assertThat(r.passed()).isFalse();
    assertThat(r.noTests()).isEqualTo("mocha ran 0 tests");
    assertThat(r.tail()).endsWith("[acr] the test command ran no tests (mocha ran 0 tests): not counted as passing");
    r = run("printf '  2 passing (1ms)\\n'", Duration.ofSeconds(30), Map.of());
    assertThat(r.passed()).isTrue();
  }

  /** tcltest's runAllTests exits 0 whatever failed (bef/qmon): its own report of a failure decides. */
  @Test
  void tcltestFailuresFailThoughItExitsZero() throws Exception {
    VerifyResult r = run("echo '==== ip-pi-global ini2::parse_ini global section FAILED'; echo '==== ip-pi-global FAILED';"
        + " printf 'run.tcl:\\tTotal\\t22\\tPassed\\t21\\tSkipped\\t0\\tFailed\\t1\\n'", Duration.ofSeconds(30), Map.of());
    assertThat(r.passed()).isFalse();
    assertThat(r.exitCode()).isZero();
    assertThat(r.noTests()).isNull();
    assertThat(r.failing()).containsExactly("ip-pi-global");
    assertThat(r.tail()).endsWith("[acr] the test command exited 0, but its output says tests failed"
        + " (run.tcl: Total 22 Passed 21 Skipped 0 Failed 1): counted as failing");
    // A test file that could not load, its tests never counted.
    r = run("echo 'Test file error: can'\\''t find package fileutil'; printf 'all.tcl:\\tTotal\\t0\\tPassed\\t0\\tSkipped\\t0\\tFailed\\t0\\n'",
        Duration.ofSeconds(30), Map.of());
    assertThat(r.passed()).isFalse();
    assertThat(r.noTests()).as("a failure to report, not an empty suite").isNull();
    assertThat(r.tail()).endsWith("(Test file error: can't find package fileutil): counted as failing");
    r = run("printf 'all.tcl:\\tTotal\\t22\\tPassed\\t22\\tSkipped\\t0\\tFailed\\t0\\n'", Duration.ofSeconds(30), Map.of());
    assertThat(r.passed()).isTrue();
  }

  @Test
  void failingCommandKeepsItsExitCodeAndOnlyTheLastLines() throws Exception {
    VerifyResult r =
        run("i=1; while [ $i -le 100 ]; do echo line $i; i=$((i+1)); done; exit 3",
            Duration.ofSeconds(30), Map.of());
    assertThat(r.passed()).isFalse();
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.timedOut()).isFalse();
    assertThat(r.tail().lines()).hasSize(Verifier.TAIL_LINES).startsWith("line 61").endsWith("line 100");
    assertThat(Files.readString(dir.resolve("logs/verify.log")).lines()).hasSize(100);
  }

  /** rbenv/rbenv's bats suite: a failure 100 lines up, then only passing tests to the end. */
  @Test
  void tapFailuresBeforeTheShownLinesAreNamedAtTheEnd() throws Exception {
    VerifyResult r = run("echo 1..179; echo 'not ok 18 default'; echo 'not ok 19 todo # TODO later';"
        + " echo 'not ok 20 needs docker # SKIP no docker';"
        + " i=21; while [ $i -le 179 ]; do echo ok $i; i=$((i+1)); done; exit 1", Duration.ofSeconds(30), Map.of());
    assertThat(r.passed()).isFalse();
    assertThat(r.tail()).endsWith("ok 179\n[acr] failing (TAP): not ok 18 default");
    assertThat(Files.readString(dir.resolve("logs/verify.log"))).endsWith("[acr] failing (TAP): not ok 18 default\n");
    VerifyResult inSight = run("echo 1..2; echo ok 1; echo 'not ok 2 default'; exit 1", Duration.ofSeconds(30), Map.of());
    assertThat(inSight.tail()).as("already among the last lines").isEqualTo("1..2\nok 1\nnot ok 2 default");
    VerifyResult passing = run("echo 1..2; echo ok 1; echo 'not ok 2 flaky # TODO'; exit 0", Duration.ofSeconds(30), Map.of());
    assertThat(passing.tail()).doesNotContain("[acr]");
    assertThat(passing.passed()).isTrue();
    VerifyResult todoOnly = run("echo 1..1; echo 'not ok 1 flaky # TODO'; exit 0", Duration.ofSeconds(30), Map.of());
    assertThat(todoOnly.noTests()).as("a to-do test is not run").isEqualTo("tap" + ALL_OFF);
  }

  @Test
  void tailSurvivesOutputLargerThanItsBuffer() throws Exception {
    // ~200 KB of output in long lines: the log has it all, the tail only the end.
    VerifyResult r = run(
        "i=0; while [ $i -lt 2000 ]; do printf '%0100d\\n' $i; i=$((i+1)); done; echo done",
        Duration.ofSeconds(60), Map.of());
    assertThat(r.passed()).isTrue();
    assertThat(r.tail().lines()).hasSize(Verifier.TAIL_LINES).endsWith("done");
    assertThat(Files.size(dir.resolve("logs/verify.log"))).isGreaterThan(200_000);
  }

  @Test
  void timeoutKillsTheWholeProcessTree() throws Exception {
    Path pidFile = dir.resolve("child.pid");
    long start = System.nanoTime();
    VerifyResult r =
        run("echo started; sleep 300 & echo $! > child.pid; wait", Duration.ofSeconds(1), Map.of());
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(r.timedOut()).isTrue();
    assertThat(r.passed()).isFalse();
    assertThat(r.exitCode()).isEqualTo(-1);
    assertThat(r.tail()).startsWith("started").endsWith("[acr] the test command did not finish within 1s and was stopped"
        + " (a longer limit: --verify-timeout, or \"verify_timeout\" in .acr/config.json)");
    assertThat(elapsedMs).isLessThan(15_000);
    long child = Long.parseLong(Files.readString(pidFile).strip());
    // a killed orphan may linger as a zombie until pid 1 reaps it; it no longer runs
    assertThat(ProcessHandle.of(child).map(dev.acr.exec.ProcessTreeKiller::isRunning).orElse(false)).isFalse();
  }
}
