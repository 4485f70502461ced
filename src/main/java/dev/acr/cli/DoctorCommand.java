package dev.acr.cli;

import dev.acr.config.ConfigException;
import dev.acr.config.CliVersions;
import dev.acr.config.ConfigLoader;
import dev.acr.config.ToolSpec;
import dev.acr.config.ToolsConfig;
import dev.acr.context.RepoInspector;
import dev.acr.context.RepoSignals;
import dev.acr.exec.ProcessOutcome;
import dev.acr.exec.ProcessRunner;
import dev.acr.exec.ProcessSpec;
import dev.acr.git.Isolation;
import dev.acr.live.AcrPaths;
import dev.acr.live.Binaries;
import dev.acr.memory.MemoryStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code acr doctor}: is everything acr needs here, and how to fix what is not. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = "Check the config, each tool's CLI and version, prefix variables, memory, the test"
        + " command and leftover worktrees here; say how to fix each problem.",
    footer = "%nExit codes:%n  0    nothing is broken (warnings may remain)%n  1    something is broken%n")
final class DoctorCommand implements Callable<Integer> {
  private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(10);

  @Spec CommandSpec spec;
  @ParentCommand AcrCommand parent;

  @Mixin WhereOptions.Repo where;

  @Mixin WhereOptions.Memory memoryOption;

  @Option(names = "--fix", description = "Remove worktrees left by killed acr runs.")
  boolean fix;

  private PrintWriter out;
  private int broken;

  @Override
  public Integer call() {
    out = spec.commandLine().getOut();
    Env env = parent.env();
    Path dir = where.workdir(env);
    checkTools(env, dir);
    checkMemory(env);
    checkRepo(dir);
    out.println(broken == 0 ? "doctor: nothing is broken" : "doctor: " + broken + " problem(s) to fix");
    return broken == 0 ? ExitCodes.OK : ExitCodes.NOT_VERIFIED;
  }

  private void checkTools(Env env, Path dir) {
    ToolsConfig tools;
    try {
      Path found = ConfigLoader.locate(where.configFile(env), env.vars(), dir);
      tools = found == null ? ConfigLoader.bundled() : ConfigLoader.load(found);
      ok("config", (found == null ? "bundled tools.example.json" : found.toString()) + ": " + tools.tools().size()
          + " tool(s), " + tools.routes().size() + " route(s)");
    } catch (ConfigException e) {
      fail("config", e.getMessage() + "; fix the file or pass another with --config");
      return;
    }
    int installed = 0;
    ToolsConfig bundled = bundledOrNull();
    for (ToolSpec tool : tools.tools()) {
      if (!tool.enabled()) {
        continue;
      }
      String program = tool.command().get(0);
      Optional<Path> path = Binaries.find(program, env.vars().get("PATH"), dir);
      if (path.isEmpty()) {
        warn("tool " + tool.name(), "'" + program + "' not on PATH"
            + (tool.install() == null ? "" : "; install it with: " + tool.install()));
      } else {
        installed++;
        checkVersion(tool, path.get(), version(path.get(), env), bundled);
      }
      String prefixVar = tool.commandPrefixEnv();
      if (prefixVar != null && env.vars().get(prefixVar) != null && !env.vars().get(prefixVar).isBlank()) {
        ok("prefix " + prefixVar, env.vars().get(prefixVar));
      }
    }
    if (installed == 0) {
      fail("tools", "none of the configured CLIs is installed; install one of them (see above)");
    }
  }

  /**
   * One line per installed tool with its version; a warning (never a failure: newer CLIs usually
   * keep their flags) when the version is not one the template was checked against.
   */
  private void checkVersion(ToolSpec tool, Path program, String versionLine, ToolsConfig bundled) {
    List<String> checked = CliVersions.checkedFor(tool, bundled);
    Optional<String> version = CliVersions.parse(versionLine);
    if (checked.isEmpty()) {
      ok("tool " + tool.name(), program + " " + versionLine);
    } else if (version.isPresent() && checked.contains(version.get())) {
      ok("tool " + tool.name(), program + " " + versionLine + " (template checked against " + version.get() + ")");
    } else {
      ok("tool " + tool.name(), program + " " + versionLine);
      warn("version " + tool.name(), (version.isPresent() ? version.get() : "this version")
          + " is not one acr's template was checked against (" + String.join(", ", checked)
          + "); if runs fail with usage errors, install a checked version"
          + (tool.install() == null ? "" : " (" + tool.install() + "@" + checked.get(checked.size() - 1) + ")"));
    }
  }

  private static ToolsConfig bundledOrNull() {
    try {
      return ConfigLoader.bundled();
    } catch (ConfigException e) {
      return null;
    }
  }

  /**
   * The first line the CLI prints for --version, or why there is none. It runs in an empty
   * temporary directory: a custom tool that ignores --version must not touch the repository.
   */
  private String version(Path program, Env env) {
    List<String> lines = new ArrayList<>();
    Path scratch = null;
    try {
      scratch = java.nio.file.Files.createTempDirectory("acr-doctor");
      ProcessOutcome o = new ProcessRunner().run(ProcessSpec.builder(List.of(program.toString(), "--version"), scratch)
          .environment(env.vars()).timeout(VERSION_TIMEOUT).stdoutLines(line -> {
            synchronized (lines) {
              lines.add(line);
            }
          }).build());
      if (o.timedOut()) {
        return "(--version did not answer in " + VERSION_TIMEOUT.toSeconds() + " s)";
      }
    } catch (java.io.IOException e) {
      return "(--version failed: " + e.getMessage() + ")";
    } finally {
      deleteQuietly(scratch);
    }
    synchronized (lines) {
      return lines.isEmpty() ? "(no version printed)" : lines.get(0).strip();
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = java.nio.file.Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      // A leftover empty temp directory is harmless.
    }
  }

  private void checkMemory(Env env) {
    AcrPaths paths = AcrPaths.from(env.vars(), memoryOption.memoryFile(env));
    try {
      // Counted while streaming: a large memory is never held in full.
      long[] records = {0};
      List<String> problems = new ArrayList<>();
      new MemoryStore(paths.memory()).forEach(r -> records[0]++, problems::add);
      ok("memory", paths.memory() + ": " + records[0] + " record(s)");
      if (!problems.isEmpty()) {
        warn("memory", problems.size() + " unreadable line(s), first: " + problems.get(0) + "; acr skips them, acr memory compact drops them");
      }
    } catch (java.io.IOException e) {
      fail("memory", "cannot read " + paths.memory() + ": " + e.getMessage() + "; fix its permissions");
    }
  }

  private void checkRepo(Path dir) {
    try {
      RepoSignals s = RepoInspector.inspect(dir, null);
      if (s.verify() == null) {
        warn("verify", "no test command detected in " + dir + "; pass --verify CMD or add {\"verify\": \"CMD\"}"
            + " to .acr/config.json");
      } else {
        ok("verify", s.verify().command() + " (" + s.verify().source() + ")");
      }
      if (!s.git()) {
        warn("git", dir + " is not a git repository; acr needs --in-place there");
        return;
      }
      List<String> stale = fix ? Isolation.pruneStale(s.root()) : Isolation.findStale(s.root());
      if (stale.isEmpty()) {
        ok("worktrees", "no leftovers of killed acr runs");
      } else if (fix) {
        ok("worktrees", "removed " + stale.size() + " left by killed acr runs: " + String.join(", ", stale));
      } else {
        fail("worktrees", stale.size() + " left by killed acr runs (" + String.join(", ", stale)
            + "); run acr doctor --fix");
      }
    } catch (java.io.IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
      fail("repo", e.getMessage());
    }
  }

  private void ok(String what, String detail) {
    out.println("ok    " + what + ": " + detail);
  }

  private void warn(String what, String detail) {
    out.println("warn  " + what + ": " + detail);
  }

  private void fail(String what, String detail) {
    broken++;
    out.println("FAIL  " + what + ": " + detail);
  }
}
