package dev.acr.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {

  @TempDir Path dir;
  private Path home;
  private Map<String, String> env;
  private final ProcessRunner runner = new ProcessRunner();
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final List<String> err = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    // a private HOME with a canary: if anything ever ran our prompt through a shell, `~` is here
    home = Files.createDirectories(dir.resolve("home"));
    Files.writeString(home.resolve("canary"), "still here");
    env = Map.of("PATH", "/usr/bin:/bin", "HOME", home.toString());
  }

  @Test
  void linesReachCallbacksAndFilesWithUtf8Intact() throws Exception {
    Path agent =
        script(
            "agent",
            "#!/bin/sh\n"
                + "echo 'hello'\n"
                + "echo 'grüße 日本 🎉'\n"
                + "echo 'warn ✓' >&2\n"
                + "printf 'crlf\\r\\n'\n"
                + "printf 'no newline at end'\n");

    ProcessOutcome outcome = runner.run(spec(agent).build());

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.finishedNormally()).isTrue();
    assertThat(out).containsExactly("hello", "grüße 日本 🎉", "crlf", "no newline at end");
    assertThat(err).containsExactly("warn ✓");
    String stdout = "hello\ngrüße 日本 🎉\ncrlf\r\nno newline at end";
    assertThat(Files.readString(dir.resolve("out.log"), StandardCharsets.UTF_8)).isEqualTo(stdout);
    assertThat(Files.readString(dir.resolve("err.log"), StandardCharsets.UTF_8))
        .isEqualTo("warn ✓\n");
    assertThat(outcome.stdoutBytes()).isEqualTo(stdout.getBytes(StandardCharsets.UTF_8).length);
    assertThat(outcome.stderrBytes()).isEqualTo(Files.size(dir.resolve("err.log")));
  }

  @Test
  void stdoutStreamGetsTheRawBytesWhateverTheirLinesOrEncoding() throws Exception {
    // Longer than a line callback keeps, a lone CR, and bytes that are not UTF-8.
    Path agent = script("agent", "#!/bin/sh\nhead -c 10000 /dev/zero | tr '\\0' x\nprintf '\\r\\n\\377\\376end'\n");
    java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();

    ProcessOutcome outcome =
        runner.run(ProcessSpec.builder(List.of(agent.toString()), dir).environment(env)
            .timeout(Duration.ofSeconds(20)).stdoutStream(stdout).exactOutput().build());

    byte[] expected = new byte[10000 + 7];
    java.util.Arrays.fill(expected, 0, 10000, (byte) 'x');
    System.arraycopy(new byte[] {'\r', '\n', (byte) 0xff, (byte) 0xfe, 'e', 'n', 'd'}, 0, expected, 10000, 7);
    assertThat(stdout.toByteArray()).isEqualTo(expected);
    assertThat(outcome.stdoutBytes()).isEqualTo(expected.length);
    assertThat(dir.resolve("out.log")).doesNotExist();
  }

  @Test
  void stdoutGoesToAFileOrAStreamNotBoth() {
    assertThatThrownBy(() -> spec(Path.of("/bin/true")).stdoutStream(new java.io.ByteArrayOutputStream()).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exitCodeIsPropagated() throws Exception {
    Path agent = script("agent", "#!/bin/sh\nexit 42\n");

    assertThat(runner.run(spec(agent).build()).exitCode()).isEqualTo(42);
  }

  @Test
  void stdinAndArgvArriveByteForByteWithoutAShell() throws Exception {
    String prompt =
        "fix it\n$(rm -rf ~)\n`touch pwned`\n'single' \"double\" \\ back $HOME ; | && *\n"
            + "ünïcödé 🚀\n\n";
    Path agent =
        script("agent", "#!/bin/sh\ncat > stdin.bin\nprintf '%s' \"$1\" > arg.bin\n");

    ProcessOutcome outcome =
        runner.run(
            ProcessSpec.builder(List.of(agent.toString(), prompt), dir)
                .environment(env)
                .timeout(Duration.ofSeconds(20))
                .stdin(prompt)
                .build());

    assertThat(outcome.exitCode()).isZero();
    byte[] expected = prompt.getBytes(StandardCharsets.UTF_8);
    assertThat(Files.readAllBytes(dir.resolve("stdin.bin"))).isEqualTo(expected);
    assertThat(Files.readAllBytes(dir.resolve("arg.bin"))).isEqualTo(expected);
    assertThat(home.resolve("canary")).hasContent("still here");
    assertThat(dir.resolve("pwned")).doesNotExist();
  }

  @Test
  void nullStdinIsClosedSoReadersSeeEof() throws Exception {
    ProcessOutcome outcome =
        runner.run(
            ProcessSpec.builder(List.of("cat"), dir)
                .environment(env)
                .timeout(Duration.ofSeconds(20))
                .build());

    assertThat(outcome.timedOut()).isFalse();
    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.stdoutBytes()).isZero();
  }

  @Test
  void environmentIsExactlyTheGivenMap() throws Exception {
    assertThat(System.getenv()).as("the test JVM has something to leak").isNotEmpty();

    runner.run(
        spec(Path.of("/usr/bin/env"))
            .environment(Map.of("PATH", "/usr/bin:/bin", "ACR_ONLY", "yes"))
            .build());

    assertThat(out).containsExactlyInAnyOrder("PATH=/usr/bin:/bin", "ACR_ONLY=yes");
  }

  @Test
  void bareProgramNameIsLookedUpOnTheChildsPath() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    script("bin/fake-agent", "#!/bin/sh\necho \"found as $0\"\n");

    ProcessOutcome outcome =
        runner.run(
            ProcessSpec.builder(List.of("fake-agent"), dir)
                .environment(Map.of("PATH", bin + ":/usr/bin:/bin"))
                .timeout(Duration.ofSeconds(20))
                .stdoutLines(out::add)
                .build());

    assertThat(outcome.exitCode()).isZero();
    assertThat(out).containsExactly("found as " + bin.resolve("fake-agent"));
  }

  @Test
  void missingProgramFailsToStartWithItsNameInTheMessage() {
    ProcessSpec spec =
        ProcessSpec.builder(List.of("acr-no-such-agent-xyz", "--help"), dir)
            .environment(env)
            .timeout(Duration.ofSeconds(5))
            .build();

    assertThatThrownBy(() -> runner.run(spec))
        .isInstanceOf(ProcessStartException.class)
        .hasMessageStartingWith("cannot start 'acr-no-such-agent-xyz': not found on PATH");
  }

  @Test
  void nonExecutableProgramFailsToStart() throws Exception {
    Path notExecutable = dir.resolve("agent.sh");
    Files.writeString(notExecutable, "#!/bin/sh\necho hi\n");

    assertThatThrownBy(() -> runner.run(spec(notExecutable).build()))
        .isInstanceOf(ProcessStartException.class)
        .hasMessage("cannot start '" + notExecutable + "': not executable (check its permissions)");
  }

  @Test
  void hangingChildTimesOutAndItsTreeDies() throws Exception {
    Path agent =
        script("agent", "#!/bin/sh\necho $$ > pids\nsleep 1000 &\necho $! >> pids\nwait\n");

    long start = System.nanoTime();
    ProcessOutcome outcome =
        runner.run(spec(agent).timeout(Duration.ofSeconds(1)).grace(Duration.ofSeconds(2)).build());
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(outcome.timedOut()).isTrue();
    assertThat(outcome.interrupted()).isFalse();
    assertThat(outcome.exitCode()).isEqualTo(128 + 15);
    assertThat(elapsedMs).isLessThan(1_000 + 2_000 + 2_000);
    System.out.printf("polite tree: dead %d ms after the timeout%n", outcome.durationMs() - 1_000);
    assertAllDead(readPids(2));
  }

  @Test
  void backgroundProcessHoldingStdoutDelaysRunOnlyByTheDrainTimeout() throws Exception {
    // The child exits at once but leaves a grandchild that inherited its stdout pipe. Depending on
    // timing the JDK either hands the pump EOF when the child is reaped, or the pump stays blocked
    // on the pipe until the drain timeout; either way run() must not wait for the grandchild.
    Path agent = script("agent", "#!/bin/sh\nsleep 1000 &\necho $! > pids\necho done\n");
    ProcessRunner quickDrain = new ProcessRunner(4096, Duration.ofMillis(500));
    try {
      long start = System.nanoTime();
      ProcessOutcome outcome = quickDrain.run(spec(agent).build());
      long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertThat(outcome.exitCode()).isZero();
      assertThat(outcome.finishedNormally()).isTrue();
      assertThat(out).containsExactly("done");
      assertThat(dir.resolve("out.log")).hasContent("done");
      assertThat(elapsedMs).isLessThan(5_000);
    } finally {
      // the runner cannot see an orphan once its parent is gone; clean up the one we made
      for (long pid : readPids(1)) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  @Test
  void termIgnoringTreeThatForksOnTermIsKilled() throws Exception {
    // every process ignores SIGTERM (SIG_IGN survives fork and exec); the "respawner" answers
    // SIGTERM by forking yet another TERM-ignoring child, which the killer must discover later
    Path agent =
        script(
            "agent",
            "#!/bin/bash\n"
                + "trap '' TERM\n"
                + "echo $$ >> pids\n"
                + "( trap '' TERM; echo $BASHPID >> pids; sleep 1000 & echo $! >> pids; wait ) &\n"
                + "( trap '(trap \"\" TERM; exec sleep 1000) & echo $! >> pids' TERM\n"
                + "  echo $BASHPID >> pids; while :; do sleep 0.1; done ) &\n"
                + "sleep 1000 &\n"
                + "echo $! >> pids\n"
                + "wait\n");
    Duration timeout = Duration.ofSeconds(1);
    Duration grace = Duration.ofSeconds(1);

    ProcessOutcome outcome = runner.run(spec(agent).timeout(timeout).grace(grace).build());

    assertThat(outcome.timedOut()).isTrue();
    assertThat(outcome.exitCode()).isEqualTo(128 + 9);
    List<Long> pids = readPids(6);
    assertAllDead(pids);
    System.out.printf(
        "TERM-ignoring tree: %d processes dead %d ms after the timeout (grace %d ms)%n",
        pids.size(), outcome.durationMs() - timeout.toMillis(), grace.toMillis());
    assertThat(outcome.durationMs()).isLessThan(timeout.plus(grace).toMillis() + 2_000);
  }

  @Test
  void whatAChildLeavesRunningAfterANormalExitIsStopped() throws Exception {
    // An agent that starts a server in the background and exits 0.
    Path agent =
        script("agent", "#!/bin/sh\nsleep 1000 &\necho $! > pids\nsleep 0.5\necho done\nexit 0\n");
    ProcessOutcome outcome = runner.run(spec(agent).timeout(Duration.ofSeconds(30)).grace(Duration.ofMillis(500)).build());
    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.timedOut()).isFalse();
    assertAllDead(readPids(1));
  }

  @Test
  void aChildThatDiesOfCtrlCJustBeforeAcrsInterruptCountsAsInterrupted() throws Exception {
    // The terminal's SIGINT reaches agent and acr alike; the agent may exit first.
    Path agent = script("agent", "#!/bin/sh\nexit 130\n");
    Thread caller = Thread.currentThread();
    Thread ctrlC = new Thread(() -> {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
      caller.interrupt();
    });
    ProcessSpec spec = spec(agent).timeout(Duration.ofSeconds(30)).build();
    ctrlC.start();
    ProcessOutcome outcome = runner.run(spec);
    boolean flag = Thread.interrupted();
    ctrlC.join();
    assertThat(outcome.exitCode()).isEqualTo(130);
    assertThat(outcome.interrupted()).isTrue();
    assertThat(flag).isTrue();
  }

  @Test
  void interruptingTheCallerKillsTheTreeAndKeepsTheFlag() throws Exception {
    Path agent =
        script(
            "agent",
            "#!/bin/bash\ntrap '' TERM\necho $$ > pids\nsleep 1000 &\necho $! >> pids\n"
                + "echo ready\nwait\n");
    CountDownLatch ready = new CountDownLatch(1);
    ProcessSpec spec =
        spec(agent)
            .timeout(Duration.ofSeconds(60))
            .grace(Duration.ofMillis(500))
            .stdoutLines(line -> ready.countDown())
            .build();
    AtomicReference<Object> result = new AtomicReference<>();
    AtomicBoolean flagAfterRun = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              try {
                result.set(runner.run(spec));
              } catch (IOException e) {
                result.set(e);
              }
              flagAfterRun.set(Thread.currentThread().isInterrupted());
            });

    caller.start();
    assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
    caller.interrupt();
    caller.join(10_000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(result.get()).isInstanceOf(ProcessOutcome.class);
    ProcessOutcome outcome = (ProcessOutcome) result.get();
    assertThat(outcome.interrupted()).isTrue();
    assertThat(outcome.timedOut()).isFalse();
    assertThat(flagAfterRun).isTrue();
    assertAllDead(readPids(2));
  }

  private ProcessSpec.Builder spec(Path program) {
    return ProcessSpec.builder(List.of(program.toString()), dir)
        .environment(env)
        .timeout(Duration.ofSeconds(20))
        .grace(Duration.ofSeconds(1))
        .stdoutFile(dir.resolve("out.log"))
        .stderrFile(dir.resolve("err.log"))
        .stdoutLines(out::add)
        .stderrLines(err::add);
  }

  private Path script(String name, String body) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  private List<Long> readPids(int atLeast) throws IOException {
    List<Long> pids = Files.readAllLines(dir.resolve("pids")).stream().map(Long::valueOf).toList();
    assertThat(pids).hasSizeGreaterThanOrEqualTo(atLeast);
    return pids;
  }

  private static void assertAllDead(List<Long> pids) {
    for (long pid : pids) {
      assertThat(ProcessHandle.of(pid).filter(ProcessTreeKiller::isRunning))
          .as("process %d", pid)
          .isEmpty();
    }
  }
}
