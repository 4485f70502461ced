package dev.acr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs acr in-process through {@link Main#run} with captured output, in a sandbox: a temporary
 * HOME, ACR_HOME and XDG_CONFIG_HOME, and (on demand) a temporary git repository with fake agents
 * (shell scripts) configured as tools.
 */
final class CliHarness {
  static final ObjectMapper JSON = new ObjectMapper();

  /** What one run printed and returned. */
  record Run(int exit, String out, String err) {
    List<String> errLines() {
      return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
    }

    JsonNode json() throws IOException {
      return JSON.readTree(out);
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  final Path root;
  final Path home;
  final Path acrHome;
  final Path xdg;
  final Path repo;
  final Path agents;
  final Path config;
  /** Extra environment variables for the next runs (e.g. ACR_CONFIG). */
  final Map<String, String> extraEnv = new HashMap<>();

  CliHarness(Path tmp) throws IOException {
    root = tmp;
    home = Files.createDirectories(tmp.resolve("home"));
    acrHome = home.resolve(".acr");
    xdg = Files.createDirectories(tmp.resolve("xdg"));
    repo = tmp.resolve("repo");
    agents = tmp.resolve("agents");
    config = tmp.resolve("tools.json");
  }

  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("HOME", home.toString());
    env.put("ACR_HOME", acrHome.toString());
    env.put("XDG_CONFIG_HOME", xdg.toString());
    env.put("NO_COLOR", "1");
    env.putAll(extraEnv);
    return env;
  }

  /** acr with the sandbox environment, started in {@code cwd}. */
  Run runIn(Path cwd, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit;
    try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
      exit = Main.run(o, e, env(), cwd, args);
    }
    return new Run(exit, out.toString(), err.toString());
  }

  /**
   * acr in the repository as if stdout were a terminal {@code stdoutWidth} wide (0: a pipe), stdin and
   * stderr not: what the user sees at a terminal, or what a pipe gets.
   */
  Run onStdoutTerminal(int stdoutWidth, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    picocli.CommandLine cl = Main.commandLine(new Env(env(), Files.isDirectory(repo) ? repo : root,
        picocli.CommandLine.Help.Ansi.OFF, new ShellDriver.FakeTty(false, 0, null, stdoutWidth)), args);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new Run(cl.execute(args), out.toString(), err.toString());
  }

  /** acr's command line with every subcommand, nested ones included, root first: for checks of every help. */
  static List<picocli.CommandLine> allCommands(Path cwd) {
    picocli.CommandLine root = new AcrCommand(new Env(Map.of(), cwd, picocli.CommandLine.Help.Ansi.OFF)).commandLine();
    AcrCommand.addSubcommands(root);
    List<picocli.CommandLine> all = new ArrayList<>(List.of(root));
    for (int i = 0; i < all.size(); i++) {
      all.addAll(all.get(i).getSubcommands().values());
    }
    return all;
  }

  /** acr in the repository when there is one, else in the sandbox root. */
  Run run(String... args) {
    return runIn(Files.isDirectory(repo) ? repo : root, args);
  }

  /** acr with {@code --config} the fake-agent config, in the repository. */
  Run acr(String... args) {
    List<String> all = new ArrayList<>(List.of("--config", config.toString()));
    all.addAll(List.of(args));
    return run(all.toArray(String[]::new));
  }

  /**
   * A committed git repository: value.txt says "broken", check.sh passes once it says "fixed";
   * fake agents "fixer" (fixes it) and "breaker" (does not), both configured in tools.json.
   */
  CliHarness withRepo() throws IOException, InterruptedException {
    Files.createDirectories(repo);
    git("init", "-q", "-b", "main");
    git("config", "user.name", "Test");
    git("config", "user.email", "test@example.invalid");
    git("config", "commit.gpgsign", "false");
    Files.writeString(repo.resolve("value.txt"), "broken\n");
    Files.writeString(repo.resolve("check.sh"), "#!/bin/sh\ngrep -qx fixed value.txt\n");
    git("add", "-A");
    git("commit", "-q", "-m", "initial");
    Files.createDirectories(agents);
    agent("fixer", "echo 'fixer: editing value.txt'\necho fixed > value.txt\n");
    agent("breaker", "echo worse > value.txt\n");
    writeConfig(List.of(
        tool("fixer", agents.resolve("fixer").toString(), null),
        tool("breaker", agents.resolve("breaker").toString(), null)));
    return this;
  }

  void agent(String name, String body) throws IOException {
    Path p = agents.resolve(name);
    Files.writeString(p, "#!/bin/sh\n# fake coding agent: the prompt is the last argument\n" + body);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  static String tool(String name, String program, String install) {
    return "{\"name\": \"" + name + "\", \"enabled\": true, \"command\": [\"" + program + "\"],"
        + " \"prompt_mode\": \"append_arg\""
        + (install == null ? "" : ", \"install\": \"" + install + "\"") + "}";
  }

  void writeConfig(List<String> tools) throws IOException {
    Files.writeString(config, "{\"tools\": [\n  " + String.join(",\n  ", tools) + "\n]}\n");
  }

  Path memory() {
    return acrHome.resolve("memory.jsonl");
  }

  List<JsonNode> memoryRecords() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    if (Files.exists(memory())) {
      for (String line : Files.readAllLines(memory())) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  /** Every file and directory under ACR_HOME (empty when it does not exist). */
  List<Path> acrHomeContents() throws IOException {
    if (!Files.exists(acrHome)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(acrHome)) {
      return s.filter(p -> !p.equals(acrHome)).toList();
    }
  }

  String status() throws IOException, InterruptedException {
    return git("status", "--porcelain", "-uall");
  }

  String read(String file) throws IOException {
    return Files.readString(repo.resolve(file));
  }

  /** The repository's worktrees besides its own, as {@code git worktree list} prints them: those acr keeps. */
  List<String> keptWorktrees() throws IOException, InterruptedException {
    List<String> lines = git("worktree", "list").lines().toList();
    assertThat(lines.subList(1, lines.size())).allMatch(l -> l.startsWith(acrHome.resolve("worktrees") + "/") && l.endsWith(" locked"));
    return lines.subList(1, lines.size());
  }

  String git(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("HOME", home.toString());
    pb.environment().put("XDG_CONFIG_HOME", xdg.toString());
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("git %s: %s", args, out).isZero();
    return out;
  }

  /**
   * The documented usage-error contract: exit 2, stdout empty, stderr's first line starts with
   * "acr: " and says {@code what}; a second line, if any, is only the "see --help" hint.
   */
  static void assertUsageError(Run r, String what) {
    assertThat(r.exit()).as(r.toString()).isEqualTo(2);
    assertThat(r.out()).as(r.toString()).isEmpty();
    List<String> lines = r.errLines();
    assertThat(lines).as(r.toString()).isNotEmpty().hasSizeLessThanOrEqualTo(2);
    assertThat(lines.get(0)).as(r.toString()).startsWith("acr: ").contains(what);
    if (lines.size() == 2) {
      assertThat(lines.get(1)).as(r.toString()).isEqualTo("acr: see 'acr --help'");
    }
  }
}
