package dev.acr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Temporary git repositories with a failing check, fake agent scripts configured as tools, and
 * a way to run the packaged launcher against them the way a user would.
 */
final class Fixtures {

  /** What one launcher run printed and returned. */
  record Run(int exit, String out, String err) {}

  final Path root;
  final Path repo;
  final Path home;
  final Path agents;
  final Path config;
  final Map<String, String> extraEnv = new HashMap<>();
  /** Where the launcher starts (the repository unless a test moves it, e.g. into a package folder). */
  Path cwd;

  Fixtures(Path tmp) throws IOException, InterruptedException {
    root = tmp;
    repo = Files.createDirectories(tmp.resolve("repo"));
    home = Files.createDirectories(tmp.resolve("home"));
    agents = Files.createDirectories(tmp.resolve("agents"));
    config = tmp.resolve("tools.json");
    cwd = repo;
    git("init", "-q", "-b", "main");
    git("config", "user.name", "Test");
    git("config", "user.email", "test@example.invalid");
    Files.writeString(repo.resolve("value.txt"), "broken\n");
    Files.writeString(repo.resolve("notes.txt"), "committed notes\n");
    // The project's own test: passes once value.txt says fixed.
    Files.writeString(repo.resolve("check.sh"), "#!/bin/sh\ngrep -qx fixed value.txt\n");
    Files.writeString(repo.resolve(".gitignore"), "build/\n");
    git("add", "-A");
    git("commit", "-q", "-m", "initial");
    writeAgents();
    writeConfig();
  }

  private void writeAgents() throws IOException {
    agent("fixer", "echo 'fixer: editing value.txt'\necho fixed > value.txt\n"
        + "echo '{\"type\":\"result\",\"total_cost_usd\":0.0123,\"usage\":{\"input_tokens\":1000,\"output_tokens\":50}}'\n");
    agent("breaker", "echo 'breaker: making things worse'\necho worse > value.txt\necho junk > junk.txt\n");
    agent("crasher", "echo 'crasher: giving up' >&2\nexit 3\n");
    agent("hanger", "echo \"$$\" > \"$ACR_TEST_PIDS/hanger.pid\"\nsleep 1000\n");
    agent("stubborn", "trap '' TERM\n"
        + "(trap '' TERM; echo \"$$ $(sh -c 'echo $PPID')\" >/dev/null; sleep 1000) &\n"
        + "echo \"$!\" > \"$ACR_TEST_PIDS/child.pid\"\n"
        + "echo \"$$\" > \"$ACR_TEST_PIDS/parent.pid\"\n"
        + "while true; do sleep 1; done\n");
    agent("argv-recorder", "printf '%s' \"$1\" > \"$ACR_TEST_PIDS/argv-prompt.txt\"\necho fixed > value.txt\n");
    agent("stdin-recorder", "cat > \"$ACR_TEST_PIDS/stdin-prompt.txt\"\necho fixed > value.txt\n");
    agent("flooder", "head -c 200000000 /dev/zero | tr '\\0' 'x'\necho\necho fixed > value.txt\n");
    // prints its environment, as a failing tool or a debug flag might, then fixes
    agent("leaker", "env\necho \"using key $OPENAI_API_KEY\" >&2\necho fixed > value.txt\n");
  }

  private void agent(String name, String body) throws IOException {
    script(agents.resolve(name), "# fake coding agent: prompt is the last argument\n" + body);
  }

  /** Whether {@code program} is an executable on PATH: tests of a real toolchain skip without it. */
  static boolean onPath(String program) {
    for (String dir : System.getenv("PATH").split(":")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /** An executable {@code sh} script at {@code file} running {@code body}: a fake agent or tool. */
  static Path script(Path file, String body) throws IOException {
    Files.writeString(file, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  private void writeConfig() throws IOException {
    StringBuilder b = new StringBuilder("{\"tools\": [\n");
    String[] names = {"fixer", "breaker", "crasher", "hanger", "stubborn", "flooder", "argv-recorder", "stdin-recorder", "leaker"};
    for (int i = 0; i < names.length; i++) {
      String mode = names[i].startsWith("stdin") ? "stdin" : "append_arg";
      b.append("  {\"name\": \"").append(names[i]).append("\", \"enabled\": true, \"command\": [\"")
          .append(agents.resolve(names[i])).append("\"], \"prompt_mode\": \"").append(mode)
          .append("\", \"usage_format\": \"claude-json\"}")
          .append(i < names.length - 1 ? ",\n" : "\n");
    }
    b.append("]}\n");
    Files.writeString(config, b.toString());
  }

  Path memory() {
    return home.resolve("memory.jsonl");
  }

  List<String> memoryLines() throws IOException {
    return Files.exists(memory()) ? Files.readAllLines(memory()) : List.of();
  }

  /** Words run before the launcher, e.g. {@code sh -c 'ulimit -f 20; exec "$0" "$@"'}. */
  final List<String> launcherPrefix = new ArrayList<>();

  Map<String, String> env() throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("HOME", home.toString());
    env.put("ACR_HOME", home.toString());
    env.put("NO_COLOR", "1");
    env.put("ACR_JAR", System.getProperty("acr.jar"));
    env.put("ACR_TEST_PIDS", Files.createDirectories(root.resolve("pids")).toString());
    env.putAll(extraEnv);
    return env;
  }

  Process start(String... args) throws IOException {
    List<String> withConfig = new ArrayList<>(List.of("--config", config.toString()));
    withConfig.addAll(List.of(args));
    return startPlain(withConfig);
  }

  /** The launcher with no --config: the bundled one applies (no user config in this HOME). */
  Process startPlain(List<String> args) throws IOException {
    return startPlain(args, "");
  }

  /** {@link #startPlain(List)} writing to {@code out<suffix>.txt} and {@code err<suffix>.txt}: runs side by side. */
  Process startPlain(List<String> args, String suffix) throws IOException {
    List<String> cmd = new ArrayList<>(launcherPrefix);
    cmd.add(Path.of(System.getProperty("acr.root"), "bin", "acr").toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    pb.environment().clear();
    pb.environment().putAll(env());
    pb.environment().put("XDG_CONFIG_HOME", home.resolve("xdg").toString());
    pb.redirectOutput(root.resolve("out" + suffix + ".txt").toFile());
    pb.redirectError(root.resolve("err" + suffix + ".txt").toFile());
    return pb.start();
  }

  Run acr(String... args) throws IOException, InterruptedException {
    Process p = start(args);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("acr finished").isTrue();
    return collect(p);
  }

  Run collect(Process p) throws IOException {
    return collect(p, "");
  }

  Run collect(Process p, String suffix) throws IOException {
    return new Run(p.exitValue(), Files.readString(root.resolve("out" + suffix + ".txt")),
        Files.readString(root.resolve("err" + suffix + ".txt")));
  }

  /** The repository's worktrees besides its own, as {@code git worktree list} prints them: those acr keeps. */
  List<String> keptWorktrees() throws IOException, InterruptedException {
    List<String> lines = git("worktree", "list").lines().toList();
    assertThat(lines.subList(1, lines.size())).allMatch(l -> l.startsWith(home.resolve("worktrees") + "/") && l.endsWith(" locked"));
    return lines.subList(1, lines.size());
  }

  String git(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("git %s: %s", args, out).isZero();
    return out;
  }

  String read(String file) throws IOException {
    return Files.readString(repo.resolve(file));
  }

  /** Waits (up to a minute) for an agent to write its pid file, then a moment for it to settle. */
  static Path awaitPidFile(Path pidFile) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (!Files.exists(pidFile) && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertThat(pidFile).exists();
    Thread.sleep(300);
    return pidFile;
  }

  static long pidFrom(Path file) throws IOException {
    return Long.parseLong(Files.readString(file).trim().split("\\s+")[0]);
  }
}
