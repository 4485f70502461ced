package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.acr.testing.Toolchains;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher on a real pseudo-terminal: tmux runs it, keys are sent as a person
 * would type them, the screen is read back with capture-pane. Covers what the piped terminal of
 * the unit tests cannot: jline's native terminal, the kernel's line discipline, stderr detection
 * for the status line. Skipped, saying why, when tmux is not installed (.ci/run installs it).
 */
class ShellTerminalIT {
  private static final long DEADLINE_MS = 120_000;

  @TempDir Path tmp;
  Fixtures fx;
  /** A private tmux server, so a developer's own tmux is never touched. */
  String socket;
  /** Where on the screen the next {@link #await} starts looking. */
  int mark;

  @BeforeEach
  void setUp() throws Exception {
    Toolchains.require("ShellTerminalIT (the interactive shell on a real terminal)", Toolchains.TMUX);
    fx = new Fixtures(tmp);
    socket = "acr-it-" + ProcessHandle.current().pid() + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt());
  }

  @AfterEach
  void tearDown() throws Exception {
    if (socket != null) {
      tmux(false, "kill-server");
    }
  }

  @Test
  void shellAsksRunsStopsOnCtrlCAndLeavesOnCtrlD() throws Exception {
    start("--verify 'sh check.sh'");
    await("acr> ");
    keys("fix value.txt", "Enter");
    await("[r]un (Enter), [c]hange chain, [d]ry-run only, [n] cancel?");
    keys("c", "Enter");
    await("choose):");
    keys("fix", "Tab"); // completes the tool name from the config
    assertThat(await("er")).containsPattern("choose\\): fixer\\s*$"); // only the completion wrote "er"
    keys("Enter");
    await("  1. fixer");
    keys("r", "Enter");
    await("verified: applied to your working tree (value.txt)");
    await("acr> "); // keys typed while a run finishes are dropped, so wait for the prompt
    assertThat(fx.read("value.txt")).isEqualTo("fixed\n");

    keys(":chain hanger", "Enter");
    await("acr [hanger]> ");
    keys("fix value.txt again", "Enter", "Enter");
    Path pidFile = tmp.resolve("pids").resolve("hanger.pid");
    awaitFile(pidFile);
    long agent = Fixtures.pidFrom(pidFile);
    keys("C-c");
    await("acr: stopped by Ctrl-C; the shell goes on");
    await("acr [hanger]> ");
    awaitGone(agent);
    keys("C-d");
    await("acr-exit=0");

    assertThat(Files.readString(fx.home.resolve("history"))).contains("fix value.txt").contains("fix value.txt again");
    assertThat(fx.memoryLines()).hasSize(2);
    assertThat(fx.memoryLines().get(1)).contains("\"status\":\"interrupted\"");
    assertThat(fx.keptWorktrees()).hasSize(1); // both runs used the same one
  }

  @Test
  void quietRunShowsAStatusLineOnTheTerminalAndClearsIt() throws Exception {
    start("-q --verify 'sh check.sh' --chain hanger 'fix value.txt'");
    await("acr: attempt 1/1  hanger  0:");
    awaitFile(tmp.resolve("pids").resolve("hanger.pid"));
    keys("C-c");
    String screen = await("acr-exit=130");
    assertThat(screen).containsPattern("(?m)^1  hanger  interrupted  ").doesNotContain("acr: attempt 1/1  hanger  0:");
  }

  /** bin/acr ARGS in a new tmux session in the fixture repository; its exit code is printed after it. */
  private void start(String args) throws Exception {
    String launcher = Path.of(System.getProperty("acr.root"), "bin", "acr").toString();
    String command = "'" + launcher + "' --config '" + fx.config + "' " + args + "; echo acr-exit=$?; sleep 600";
    tmux(true, "-f", "/dev/null", "new-session", "-d", "-s", "acr", "-x", "160", "-y", "60", "-c", fx.repo.toString(), command);
  }

  private void keys(String... keys) throws Exception {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", "acr"));
    args.addAll(List.of(keys));
    tmux(true, args.toArray(String[]::new));
  }

  private String screen() throws Exception {
    return tmux(true, "capture-pane", "-p", "-J", "-S", "-", "-t", "acr");
  }

  /**
   * Waits for {@code text} to appear after the previous match (the screen with its scrollback only
   * grows), so a prompt shown again is found anew; returns the whole screen.
   */
  private String await(String text) throws Exception {
    long end = System.currentTimeMillis() + DEADLINE_MS;
    String s = "";
    while (System.currentTimeMillis() < end) {
      s = screen();
      int at = s.indexOf(text, mark);
      if (at >= 0) {
        mark = at + text.length();
        return s;
      }
      Thread.sleep(50);
    }
    return fail("'" + text + "' never appeared on the terminal:\n" + s);
  }

  private void awaitFile(Path file) throws Exception {
    long end = System.currentTimeMillis() + DEADLINE_MS;
    while (!Files.exists(file) || Files.size(file) == 0) {
      if (System.currentTimeMillis() > end) {
        fail(file + " never appeared; the terminal shows:\n" + screen());
      }
      Thread.sleep(50);
    }
  }

  private void awaitGone(long pid) throws Exception {
    long end = System.currentTimeMillis() + DEADLINE_MS;
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      if (System.currentTimeMillis() > end) {
        fail("the agent (pid " + pid + ") outlived Ctrl-C");
      }
      Thread.sleep(50);
    }
  }

  private String tmux(boolean check, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(fx.env());
    pb.environment().put("XDG_CONFIG_HOME", fx.home.resolve("xdg").toString());
    pb.environment().put("TERM", "xterm-256color");
    pb.environment().put("LANG", "C.UTF-8");
    pb.environment().remove("TMUX");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    if (check) {
      assertThat(p.exitValue()).as("tmux %s: %s", args, out).isZero();
    }
    return out;
  }
}
