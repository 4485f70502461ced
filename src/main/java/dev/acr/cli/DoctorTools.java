package dev.acr.cli;

import dev.acr.config.CliVersions;
import dev.acr.config.CommandTemplate;
import dev.acr.config.ConfigException;
import dev.acr.config.ToolAccess;
import dev.acr.config.ToolSpec;
import dev.acr.config.ToolsConfig;
import dev.acr.core.Route;
import dev.acr.exec.Colour;
import dev.acr.exec.ProcessOutcome;
import dev.acr.exec.ProcessRunner;
import dev.acr.exec.ProcessSpec;
import dev.acr.live.Binaries;
import dev.acr.live.Planner;
import dev.acr.policy.Cooldown;
import dev.acr.policy.Fallback;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tools part of {@code acr doctor}: for each enabled tool, is its program (and its prefix
 * switcher's) on PATH, which version, is it signed in, is a provider cooling down; and whether
 * any tool can run at all. It runs only the version and sign-in status commands the config
 * declares ({@code version_command}, {@code login_status_command}), or those of the bundled tool
 * with the same program (the CLIs acr knows): never a tool's own agent command.
 */
final class DoctorTools {
  // opencode alone takes 5-15 s to start on a loaded 2-core machine.
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

  /** Where the doctor writes its verdict lines. */
  interface Lines {
    void ok(String what, String detail);

    void warn(String what, String detail);

    void fail(String what, String detail);
  }

  private final Env env;
  private final Path dir;
  private final ToolsConfig bundled;
  private final Lines lines;

  DoctorTools(Env env, Path dir, ToolsConfig bundled, Lines lines) {
    this.env = env;
    this.dir = dir;
    this.bundled = bundled;
    this.lines = lines;
  }

  /**
   * Checks every enabled tool; returns how many of them can run here now. The tools are checked
   * side by side (a CLI's version and status commands take seconds each, opencode's 5-15 s on a
   * loaded machine: one after the other they made the doctor take half a minute); their lines come
   * out in the config's order, each tool's together.
   */
  int check(ToolsConfig tools, List<Cooldown> cooldowns, Path cooldownFile) throws InterruptedException {
    Fallback fallback = new Fallback(Planner.providers(tools), cooldowns);
    Instant now = Instant.now();
    List<ToolSpec> enabled = tools.tools().stream().filter(ToolSpec::enabled).toList();
    if (enabled.isEmpty()) {
      return 0;
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(enabled.size(), r -> {
      Thread t = new Thread(r, "acr-doctor");
      t.setDaemon(true);
      return t;
    });
    try {
      List<java.util.concurrent.Future<Boolean>> checks = new ArrayList<>();
      List<Recorded> recorded = new ArrayList<>();
      for (ToolSpec tool : enabled) {
        Recorded own = new Recorded();
        recorded.add(own);
        DoctorTools one = new DoctorTools(env, dir, bundled, own);
        checks.add(pool.submit(() -> one.check(tool, tools, fallback, now, cooldownFile)));
      }
      int runnable = 0;
      for (int i = 0; i < checks.size(); i++) {
        boolean canRun = get(checks.get(i));
        recorded.get(i).replay(lines);
        runnable += canRun ? 1 : 0;
      }
      return runnable;
    } finally {
      pool.shutdownNow(); // on Ctrl-C: interrupts the checks, which stop their commands
    }
  }

  private static boolean get(java.util.concurrent.Future<Boolean> check) throws InterruptedException {
    try {
      return check.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  /** One tool's lines, kept until the tools before it have printed theirs. */
  private static final class Recorded implements Lines {
    private record Line(char kind, String what, String detail) {}

    private final List<Line> kept = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public void ok(String what, String detail) {
      kept.add(new Line('o', what, detail));
    }

    @Override
    public void warn(String what, String detail) {
      kept.add(new Line('w', what, detail));
    }

    @Override
    public void fail(String what, String detail) {
      kept.add(new Line('f', what, detail));
    }

    void replay(Lines to) {
      synchronized (kept) {
        for (Line l : kept) {
          switch (l.kind()) {
            case 'o' -> to.ok(l.what(), l.detail());
            case 'w' -> to.warn(l.what(), l.detail());
            default -> to.fail(l.what(), l.detail());
          }
        }
      }
    }
  }

  /** One tool's lines; whether it can run. */
  private boolean check(ToolSpec tool, ToolsConfig tools, Fallback fallback, Instant now, Path cooldownFile) {
    String name = tool.name();
    String cli = tool.command().get(0);
    Optional<Path> path = Binaries.find(cli, env.vars().get("PATH"), dir);
    boolean canRun = true;
    String program;
    try {
      program = CommandTemplate.start(tool, env.vars(), dir).program();
    } catch (ConfigException e) {
      lines.fail("tool " + name, e.getMessage());
      return false;
    }
    if (!program.equals(cli)) {
      // A prefix (a switcher such as ccs) starts the CLI: it must be on PATH itself.
      boolean fromEnv = tool.commandPrefix().isEmpty();
      String label = "prefix " + (fromEnv ? tool.commandPrefixEnv() : name);
      if (Binaries.find(program, env.vars().get("PATH"), dir).isEmpty()) {
        lines.fail(label, "'" + program + "' is not on PATH, so " + name + " cannot start; install it, or "
            + (fromEnv ? "unset " + tool.commandPrefixEnv() : "fix \"command_prefix\" in " + tools.source()));
        canRun = false;
      } else {
        lines.ok(label, fromEnv ? env.vars().get(tool.commandPrefixEnv()) : String.join(" ", tool.commandPrefix()));
      }
    }
    if (path.isEmpty()) {
      if (program.equals(cli)) {
        lines.warn("tool " + name, "'" + cli + "' not on PATH" + (tool.install() == null ? "" : "; install it with: " + tool.install()));
        return false;
      }
      // The switcher may bring its own CLI, so this is no failure; but nothing here shows that it does.
      lines.warn("tool " + name, "'" + cli + "' is not on PATH; " + program + " (the prefix) must find it, else each"
          + " run of " + name + " ends 'not installed'" + (tool.install() == null ? "" : " (install it with: " + tool.install() + ")"));
    } else {
      version(tool, path.get());
    }
    ToolAccess access = access(tool);
    Boolean signedIn = signedIn(name, access, cli, path.orElse(null));
    if (Boolean.FALSE.equals(signedIn)) {
      canRun = false;
    }
    List<String> cooling = new ArrayList<>();
    boolean allCooling = !tool.routes().isEmpty();
    for (Route r : tool.routes()) {
      Optional<Cooldown> c = fallback.coolingDown(r, now);
      if (c.isPresent()) {
        cooling.add(r.name() + " (" + c.get().provider() + ": " + c.get().reason() + " until " + c.get().until() + ")");
      } else {
        allCooling = false;
      }
    }
    if (!cooling.isEmpty()) {
      lines.warn("cooldown " + name, "acr skips " + String.join(", ", cooling) + "; delete " + cooldownFile
          + " to try sooner");
      canRun &= !allCooling;
    }
    return canRun;
  }

  /**
   * The tool's own access fields when it declares any, else those of the bundled tool with the
   * same program (a CLI acr knows); nothing for an unknown tool.
   */
  private ToolAccess access(ToolSpec tool) {
    ToolAccess own = tool.access();
    if (!own.equals(ToolAccess.NONE) || bundled == null) {
      return own;
    }
    for (ToolSpec b : bundled.tools()) {
      if (b.command().get(0).equals(Path.of(tool.command().get(0)).getFileName().toString())) {
        return b.access();
      }
    }
    return own;
  }

  /** The version line, when a version command is known; never the agent command itself. */
  private void version(ToolSpec tool, Path program) {
    List<String> cmd = access(tool).versionCommand();
    if (cmd.isEmpty()) {
      lines.ok("tool " + tool.name(), program + " (version not checked: the config gives no \"version_command\")");
      return;
    }
    Check c = run(cmd, tool.command().get(0), program);
    String versionLine = c.stdout.isEmpty() ? "(no version printed)" : c.stdout.get(0).strip();
    if (c.problem != null) {
      versionLine = "(" + c.problem + ")";
    }
    List<String> checked = CliVersions.checkedFor(tool, bundled);
    Optional<String> version = CliVersions.parse(versionLine);
    if (!checked.isEmpty() && version.isPresent() && checked.contains(version.get())) {
      lines.ok("tool " + tool.name(), program + " " + versionLine + " (template checked against " + version.get() + ")");
      return;
    }
    lines.ok("tool " + tool.name(), program + " " + versionLine);
    if (!checked.isEmpty()) {
      lines.warn("version " + tool.name(), (version.isPresent() ? version.get() : "this version")
          + " is not one acr's template was checked against (" + String.join(", ", checked)
          + "); if runs fail with usage errors, install a checked version"
          + (tool.install() == null ? "" : " (" + tool.install() + "@" + checked.get(checked.size() - 1) + ")"));
    }
  }

  /**
   * Whether the tool is signed in: by a key variable it reads (only the name is shown), else by
   * its own status command; null when neither is known.
   */
  private Boolean signedIn(String name, ToolAccess access, String cli, Path program) {
    for (String key : access.keyEnv()) {
      String v = env.vars().get(key);
      if (v != null && !v.isBlank()) {
        lines.ok("sign-in " + name, "API key in " + key);
        return true;
      }
    }
    List<String> status = access.loginStatusCommand();
    if (status.isEmpty()) {
      lines.warn("sign-in " + name, "unknown: the config gives no \"login_status_command\" or \"key_env\"");
      return null;
    }
    Check c = run(status, cli, program);
    String shown = String.join(" ", status);
    if (c.problem != null) {
      lines.warn("sign-in " + name, "could not check with '" + shown + "': " + c.problem);
      return null;
    }
    boolean ok = access.signedIn(c.exitCode, String.join("\n", c.output));
    if (ok) {
      lines.ok("sign-in " + name, "signed in ('" + shown + "')");
    } else {
      lines.warn("sign-in " + name, "not signed in ('" + shown + "') — " + access.signInFix());
    }
    return ok;
  }

  /** A command's exit code, its stdout lines, all its lines (stdout, then stderr), or why it did not run. */
  private record Check(int exitCode, List<String> stdout, List<String> output, String problem) {}

  /**
   * Runs a version or status command in an empty temporary directory (it must not touch the
   * repository), collecting stdout and stderr without colour codes.
   */
  private Check run(List<String> argv, String cli, Path cliPath) {
    List<String> out = java.util.Collections.synchronizedList(new ArrayList<>());
    List<String> err = java.util.Collections.synchronizedList(new ArrayList<>());
    Path scratch = null;
    try {
      // "codex --version" for a tool whose command starts with /opt/bin/codex runs that codex.
      Optional<Path> exe = cliPath != null && argv.get(0).equals(Path.of(cli).getFileName().toString())
          ? Optional.of(cliPath) : Binaries.find(argv.get(0), env.vars().get("PATH"), dir);
      if (exe.isEmpty()) {
        return new Check(-1, List.of(), List.of(), "'" + argv.get(0) + "' is not on PATH");
      }
      List<String> cmd = new ArrayList<>(argv);
      cmd.set(0, exe.get().toString());
      scratch = Files.createTempDirectory("acr-doctor");
      ProcessOutcome o = new ProcessRunner().run(ProcessSpec.builder(cmd, scratch).environment(env.vars())
          .timeout(CHECK_TIMEOUT).stdoutLines(l -> out.add(Colour.strip(l)))
          .stderrLines(l -> err.add(Colour.strip(l))).build());
      if (o.timedOut()) {
        return new Check(-1, List.of(), List.of(), "no answer in " + CHECK_TIMEOUT.toSeconds() + " s");
      }
      List<String> stdout;
      List<String> all;
      synchronized (out) {
        stdout = List.copyOf(out);
      }
      synchronized (err) {
        all = new ArrayList<>(stdout);
        all.addAll(err);
      }
      return new Check(o.exitCode(), stdout, List.copyOf(all), null);
    } catch (IOException e) {
      return new Check(-1, List.of(), List.of(), e.getMessage());
    } finally {
      deleteQuietly(scratch);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover empty temp directory is harmless.
    }
  }
}
