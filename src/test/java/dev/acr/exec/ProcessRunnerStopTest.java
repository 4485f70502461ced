package dev.acr.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@link Stopper} asked from a line callback ends the run and its whole tree at once. */
class ProcessRunnerStopTest {
  @TempDir Path dir;

  @Test
  void aLineCallbackStopsAHangingTree() throws Exception {
    Path pids = Files.createDirectories(dir.resolve("pids"));
    Path agent = dir.resolve("agent");
    Files.writeString(agent, "#!/bin/sh\n"
        + "sleep 1000 &\necho \"$!\" > " + pids.resolve("child") + "\n"
        + "echo \"$$\" > " + pids.resolve("parent") + "\n"
        + "echo 'fatal: cannot go on'\nwait\n");
    Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwx------"));
    Stopper stopper = new Stopper();
    ProcessSpec spec = ProcessSpec.builder(List.of(agent.toString()), dir)
        .environment(Map.of("PATH", "/usr/bin:/bin"))
        .timeout(Duration.ofHours(1))
        .stdoutLines(line -> {
          if (line.startsWith("fatal")) {
            stopper.stop();
          }
        })
        .build();

    ProcessOutcome o = new ProcessRunner().run(spec, stopper);

    assertThat(o.stopped()).isTrue();
    assertThat(o.timedOut()).isFalse();
    assertThat(o.interrupted()).isFalse();
    assertThat(o.finishedNormally()).isFalse();
    for (String name : List.of("parent", "child")) {
      long pid = Long.parseLong(Files.readString(pids.resolve(name)).strip());
      assertThat(ProcessHandle.of(pid).map(ProcessTreeKiller::isRunning)).as(name).isNotEqualTo(Optional.of(true));
    }
  }

  @Test
  void aStopAfterTheChildExitedChangesNothing() throws Exception {
    Stopper stopper = new Stopper();
    ProcessOutcome o = new ProcessRunner().run(ProcessSpec.builder(List.of("/bin/sh", "-c", "exit 4"), dir)
        .environment(Map.of("PATH", "/usr/bin:/bin")).timeout(Duration.ofMinutes(1)).build(), stopper);
    stopper.stop();
    assertThat(o.stopped()).isFalse();
    assertThat(o.exitCode()).isEqualTo(4);
    assertThat(o.finishedNormally()).isTrue();
  }
}
