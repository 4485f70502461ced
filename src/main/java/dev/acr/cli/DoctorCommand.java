package dev.acr.cli;

import dev.acr.config.ConfigException;
import dev.acr.config.ConfigLoader;
import dev.acr.config.ToolsConfig;
import dev.acr.context.RepoInspector;
import dev.acr.context.RepoSignals;
import dev.acr.git.ConfiguredLinks;
import dev.acr.git.Isolation;
import dev.acr.git.KeptWorktrees;
import dev.acr.live.AcrPaths;
import dev.acr.live.TestProgram;
import dev.acr.live.CooldownStore;
import dev.acr.live.Planner;
import dev.acr.policy.Cooldown;
import dev.acr.verify.CannotRun;
import dev.acr.verify.PythonVenv;
import dev.acr.memory.MemoryStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    description = "Check the config, each tool's CLI, version and sign-in, prefix switchers, provider"
        + " cool-downs, memory, the test command and leftover worktrees here; say how to fix each problem."
        + " Runs only the version and sign-in status commands the config declares (or those of the CLIs"
        + " acr knows), never an agent.",
    footer = "%nExit codes:%n  0    nothing is broken (warnings may remain)%n"
        + "  1    something is broken, e.g. no enabled tool can run here%n"
        + "  2    usage error, e.g. a --workdir that does not exist%n")
final class DoctorCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @ParentCommand AcrCommand parent;

  @Mixin WhereOptions.Repo where;

  @Mixin WhereOptions.Memory memoryOption;

  @Option(names = "--fix", description = "Remove worktrees left by killed acr runs, and the worktrees acr keeps"
      + " for its next run here that no run uses now (the next run checks one out again).")
  boolean fix;

  private PrintWriter out;
  private int broken;

  @Override
  public Integer call() throws InterruptedException {
    Env env = parent.env();
    out = Fitted.to(spec.commandLine().getOut(), () -> Columns.of(env));
    Path dir = workdir(env);
    String badWorkdir = Planner.badWorkdir(dir);
    if (badWorkdir != null) {
      spec.commandLine().getErr().println("acr: " + badWorkdir);
      return ExitCodes.USAGE;
    }
    checkTools(env, dir);
    checkMemory(env);
    checkRepo(dir, env.vars(), AcrPaths.from(env.vars(), memoryFile(env)));
    out.println(broken == 0 ? "doctor: nothing is broken" : "doctor: " + broken + " problem(s) to fix");
    return broken == 0 ? ExitCodes.OK : ExitCodes.NOT_VERIFIED;
  }

  private void checkTools(Env env, Path dir) throws InterruptedException {
    ToolsConfig tools;
    try {
      Path found = ConfigLoader.locate(configFile(env), env.vars(), dir);
      tools = found == null ? ConfigLoader.bundled() : ConfigLoader.load(found);
      ok("config", (found == null ? "bundled tools.example.json" : found.toString()) + ": " + tools.tools().size()
          + " tool(s), " + tools.routes().size() + " route(s)");
    } catch (ConfigException e) {
      fail("config", e.getMessage() + "; fix the file or pass another with --config");
      return;
    }
    AcrPaths paths = AcrPaths.from(env.vars(), memoryFile(env));
    List<String> problems = new ArrayList<>();
    List<Cooldown> cooldowns = new CooldownStore(paths.cooldowns()).active(Instant.now(), problems);
    problems.forEach(p -> warn("cooldowns", p));
    DoctorTools.Lines lines = new DoctorTools.Lines() {
      @Override
      public void ok(String what, String detail) {
        DoctorCommand.this.ok(what, detail);
      }

      @Override
      public void warn(String what, String detail) {
        DoctorCommand.this.warn(what, detail);
      }

      @Override
      public void fail(String what, String detail) {
        DoctorCommand.this.fail(what, detail);
      }
    };
    int runnable = new DoctorTools(env, dir, bundledOrNull(), lines).check(tools, cooldowns, paths.cooldowns());
    if (runnable == 0) {
      fail("tools", "no enabled tool can run here (not installed, not signed in, or cooling down); fix one of them (see above)");
    }
  }

  /** --config after doctor, else the one given before it ({@code acr --config FILE doctor}). */
  private Path configFile(Env env) {
    Path own = where.configFile(env);
    return own != null ? own : WhereOptions.repo(parent.spec()).configFile(env);
  }

  private Path workdir(Env env) {
    return where.workdir != null ? where.workdir(env) : WhereOptions.repo(parent.spec()).workdir(env);
  }

  private Path memoryFile(Env env) {
    Path own = memoryOption.memoryFile(env);
    return own != null ? own : WhereOptions.memory(parent.spec()).memoryFile(env);
  }

  private static ToolsConfig bundledOrNull() {
    try {
      return ConfigLoader.bundled();
    } catch (ConfigException e) {
      return null;
    }
  }

  private void checkMemory(Env env) {
    AcrPaths paths = AcrPaths.from(env.vars(), memoryFile(env));
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

  private void checkRepo(Path dir, Map<String, String> vars, AcrPaths paths) {
    try {
      RepoSignals s = RepoInspector.inspect(dir, null);
      if (s.verify() == null) {
        warn("verify", "no test command detected in " + dir + "; pass --verify CMD or add {\"verify\": \"CMD\"}"
            + " to .acr/config.json");
      } else {
        String verify = s.verify().command() + " (" + s.verify().source() + ")";
        Optional<CannotRun.Why> missing =
            TestProgram.missing(s.verify().command(), s.testsDir(), vars, null);
        if (missing.isPresent()) {
          fail("verify", verify + " cannot run here: " + missing.get().problem() + "; " + missing.get().todo());
        } else {
          ok("verify", verify);
        }
        PythonVenv.note(s.testsDir(), vars).ifPresent(n -> {
          if (n.used()) {
            ok("verify", n.text());
          } else {
            warn("verify", n.text());
          }
        });
      }
      for (String w : s.repoConfig().warnings()) {
        warn("repo config", w);
      }
      if (!s.git()) {
        warn("git", dir + " is not a git repository; acr needs --in-place there");
        return;
      }
      ConfiguredLinks links = ConfiguredLinks.check(s.root(), s.repoConfig().folder(), s.repoConfig().file(),
          s.repoConfig().link());
      if (!links.paths().isEmpty()) {
        ok("link", "linked into each attempt's worktree: " + String.join(", ", links.paths()));
      }
      links.notes().forEach(n -> warn("link", n));
      List<String> stale = fix ? Isolation.pruneStale(s.root()) : Isolation.findStale(s.root());
      if (stale.isEmpty()) {
        ok("worktrees", "no leftovers of killed acr runs");
      } else if (fix) {
        ok("worktrees", "removed " + stale.size() + " left by killed acr runs: " + String.join(", ", stale));
      } else {
        fail("worktrees", stale.size() + " left by killed acr runs (" + String.join(", ", stale)
            + "); run acr doctor --fix");
      }
      checkKept(new KeptWorktrees(Isolation.forRepo(s.root()), paths.worktrees()));
    } catch (java.io.IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
      fail("repo", e.getMessage());
    }
  }

  /** The worktrees acr keeps here between runs (docs/worktrees.md): where, how many, which in use. */
  private void checkKept(KeptWorktrees kept) throws java.io.IOException {
    if (fix) {
      List<Path> removed = kept.removeIdle();
      List<KeptWorktrees.Kept> left = kept.list();
      ok("kept", "removed " + removed.size() + " worktree(s) acr kept for its next run here"
          + (left.isEmpty() ? "" : "; " + left.size() + " in use by a running acr stay"));
      return;
    }
    List<KeptWorktrees.Kept> list = kept.list();
    long inUse = list.stream().filter(KeptWorktrees.Kept::inUse).count();
    ok("kept", list.isEmpty() ? "no worktree kept for the next run here (the next run checks one out)"
        : list.size() + " worktree(s) kept for the next run here, " + inUse + " in use now, in " + kept.path()
            + " (git worktree list shows them; acr doctor --fix removes the idle ones)");
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
