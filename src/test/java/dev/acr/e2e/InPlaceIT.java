package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --in-place} in a directory that is not a git repository: acr snapshots it (in a private
 * git directory outside it) and puts it back after an attempt that fails, times out or is
 * interrupted, and what it prints at the end is true.
 */
class InPlaceIT {
  @TempDir Path tmp;
  Fixtures fx;
  Path plain;
  Path config;

  @BeforeEach
  void setUp() throws Exception {
    fx = new Fixtures(tmp);
    plain = Files.createDirectories(tmp.resolve("plain"));
    Files.writeString(plain.resolve("value.txt"), "broken\n");
    Files.writeString(plain.resolve("keep.txt"), "the user's notes\n");
    Files.writeString(Files.createDirectories(plain.resolve("src")).resolve("lib.txt"), "library\n");
    Files.writeString(plain.resolve("check.sh"), "#!/bin/sh\ngrep -qx fixed value.txt\n");
    Files.createDirectories(plain.resolve("empty-dir"));
    // Edits, deletes, creates a file in a new folder, then does what its name says.
    String wreck = "echo worse > value.txt\nrm keep.txt\nmkdir -p made/deep\necho junk > made/deep/junk.txt\n"
        + "echo more >> src/lib.txt\n";
    config = tmp.resolve("in-place-tools.json");
    Files.writeString(config, "{\"tools\": [" + tool("wrecker", wreck + "exit 0\n") + ", "
        + tool("slow-wrecker", wreck + "sleep 1000\n") + ", "
        + tool("hanging-wrecker", wreck + "echo \"$$\" > \"$ACR_TEST_PIDS/wrecker.pid\"\nsleep 1000\n") + ", "
        + tool("fixer", "echo fixed > value.txt\n") + "]}\n");
  }

  private String tool(String name, String body) throws IOException {
    Path p = fx.agents.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return "{\"name\": \"" + name + "\", \"command\": [\"" + p + "\"], \"prompt_mode\": \"append_arg\"}";
  }

  private Process start(String... chainAndMore) throws IOException {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--config", config.toString(),
        "--workdir", plain.toString(), "--in-place", "--verify", "sh check.sh"));
    args.addAll(java.util.List.of(chainAndMore));
    args.add("fix value.txt");
    return fx.startPlain(args);
  }

  private void assertRestored() throws IOException {
    assertThat(Files.readString(plain.resolve("value.txt"))).isEqualTo("broken\n");
    assertThat(Files.readString(plain.resolve("keep.txt"))).isEqualTo("the user's notes\n");
    assertThat(Files.readString(plain.resolve("src/lib.txt"))).isEqualTo("library\n");
    assertThat(plain.resolve("made")).doesNotExist();
    assertThat(plain.resolve("empty-dir")).isEmptyDirectory();
    assertThat(plain.resolve(".git")).doesNotExist();
  }

  @Test
  void aFailedAttemptIsUndoneItsPatchKeptAndTheClosingLineIsTrue() throws Exception {
    Process p = start("--chain", "wrecker");
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    Fixtures.Run r = fx.collect(p);
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertRestored();
    assertThat(r.err()).contains("--in-place: attempt 1 was not verified; restored " + plain);
    assertThat(r.out()).contains("not verified after 1 attempt(s)").contains("your working tree is unchanged");
    String patchLine = r.out().lines().filter(l -> l.startsWith("attempt 1: patch kept (")).findFirst().orElseThrow();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\): (\\S+changes\\.patch); apply it with: cd .* && git apply \\1$")
        .matcher(patchLine);
    assertThat(m.find()).as(patchLine).isTrue();
    String patch = Files.readString(Path.of(m.group(1)));
    assertThat(patch).contains("+worse").contains("made/deep/junk.txt").contains("deleted file mode");
  }

  @Test
  void aLaterAttemptStartsFromTheSnapshotAndAVerifiedOneStays() throws Exception {
    Process p = start("--chain", "wrecker,fixer");
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    Fixtures.Run r = fx.collect(p);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(plain.resolve("value.txt"))).isEqualTo("fixed\n");
    assertThat(Files.readString(plain.resolve("keep.txt"))).as("the failed attempt's deletion was undone").isEqualTo("the user's notes\n");
    assertThat(plain.resolve("made")).doesNotExist();
    assertThat(r.out()).contains("verified (changes made in place)");
  }

  @Test
  void aTimedOutAttemptIsUndone() throws Exception {
    Process p = start("--chain", "slow-wrecker", "--timeout", "3s");
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    Fixtures.Run r = fx.collect(p);
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(fx.memoryLines()).hasSize(1).allMatch(l -> l.contains("\"status\":\"timeout\""));
    assertRestored();
    assertThat(r.out()).contains("your working tree is unchanged");
  }

  @Test
  void ctrlCUndoesTheRunningAttempt() throws Exception {
    Process p = start("--chain", "hanging-wrecker,fixer");
    Path pidFile = tmp.resolve("pids/wrecker.pid");
    long deadline = System.currentTimeMillis() + 60_000;
    while (!Files.exists(pidFile) && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertThat(pidFile).exists();
    assertThat(Files.readString(plain.resolve("value.txt"))).as("the agent's edit is there while it runs").isEqualTo("worse\n");
    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Fixtures.Run r = fx.collect(p);
    assertThat(r.exit()).as(r.err()).isEqualTo(130);
    assertThat(fx.memoryLines()).hasSize(1).allMatch(l -> l.contains("\"status\":\"interrupted\""));
    assertRestored();
  }
}
