package dev.acr.cli;

import dev.acr.config.CommandTemplate;
import dev.acr.config.ConfigException;
import dev.acr.config.ModelPrice;
import dev.acr.config.RepoConfig;
import dev.acr.config.ToolSpec;
import dev.acr.context.RepoSignals;
import dev.acr.core.Route;
import dev.acr.git.ConfiguredLinks;
import dev.acr.git.GitException;
import dev.acr.live.Binaries;
import dev.acr.live.Baseline;
import dev.acr.live.Decision;
import dev.acr.live.RaceChoice;
import dev.acr.live.VerifyTimeout;
import dev.acr.live.RunRequest;
import dev.acr.live.UsageError;
import dev.acr.policy.CostGuess;
import dev.acr.policy.RouteEstimate;
import dev.acr.verify.PythonSrcLayout;
import dev.acr.verify.PythonVenv;
import dev.acr.verify.TestServices;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Help.Ansi;

/** The decision as a dry run (and a run's first lines) show it, for people: what acr read, the chain, the first command. */
final class DecisionText {
  private final PrintWriter out;
  private final Ansi ansi;

  DecisionText(PrintWriter out, Ansi ansi) {
    this.out = out;
    this.ansi = ansi;
  }

  /** What the project's {@code "link"} puts into each attempt's worktree, and what it cannot. */
  private void links(Decision d) {
    RepoConfig project = d.signals().repoConfig();
    if (project.link().isEmpty() || !d.signals().git()) {
      return;
    }
    try {
      ConfiguredLinks links = ConfiguredLinks.check(d.signals().root(), project.folder(), project.file(), project.link());
      if (!links.paths().isEmpty()) {
        out.println("  linked into each attempt's worktree: " + String.join(", ", links.paths()));
      }
      links.notes().forEach(n -> out.println("  " + n));
    } catch (GitException e) {
      out.println("  cannot check \"link\": " + e.getMessage());
    }
  }

  /** The decision as dry-run shows it: what acr read, the chain with its estimates, the first command. */
  void print(RunRequest req, Decision d) {
    String argv = firstArgv(req, d);
    out.println(bold("dimension  ") + d.classification().dimension().id()
        + String.format(Report.NUMBERS, " (confidence %.2f)", d.classification().confidence()));
    out.println("  evidence: " + String.join("; ", d.classification().evidence()));
    out.println(bold("repo       ") + describe(d.signals()));
    if (!d.signals().git() && !req.inPlace()) {
      out.println("  a run stops here (exit 2): acr runs each attempt in a git worktree; run it inside a git repository,"
          + " or pass --in-place to let agents edit this directory (acr snapshots it and puts it back if not verified)");
    }
    out.println(bold("verify     ") + (d.signals().verify() == null
        ? "none found (pass --verify CMD); attempts cannot be verified"
        : d.signals().verify().command() + "  (" + d.signals().verify().source() + ")"));
    packageAndBaseline(req, d);
    out.println(bold("config     ") + d.configSource());
    out.println("  repo config: " + (d.signals().repoConfig().file() == null
        ? "none (.acr/config.json is looked up from " + req.workdir() + " up to the repository root)"
        : d.signals().repoConfig().file() + " (the nearest .acr/config.json)"));
    links(d);
    out.println(bold("chain      ") + d.chainSource());
    List<Route> chain = d.chain();
    for (int i = 0; i < chain.size(); i++) {
      Route r = chain.get(i);
      out.println(String.format(Report.NUMBERS, "  %d. %-34s %s%s", i + 1, r.name(), estimate(d, r),
          d.missingTools().contains(r.tool()) ? "  [not installed]" : ""));
    }
    if (d.exploring() != null) {
      out.println("  " + d.exploring());
    }
    // The user's zone only when a skipping line shows a time (a cool-down's end): looking it up
    // reads the time-zone database, which a dry run with no cool-down does not need.
    java.time.ZoneId zone = null;
    for (dev.acr.live.Unavailable u : d.unavailable()) {
      if (u.until() != null) {
        zone = java.time.ZoneId.systemDefault();
      }
    }
    java.nio.file.Path cooldowns = dev.acr.live.AcrPaths.from(req.environment(), null).cooldowns();
    for (dev.acr.live.Unavailable u : d.unavailable()) {
      out.println("  " + u.skipping(d.config(), zone, cooldowns));
    }
    if (d.nothingCanRun()) {
      out.println("  (nothing can run here: the run would stop with exit 3)");
    } else if (chain.isEmpty()) {
      out.println("  (no route worth an attempt)");
    }
    raceLine(req, d);
    if (!chain.isEmpty()) {
      out.println(bold("first run  ") + "$ " + argv);
      Route first = chain.get(0);
      if (d.missingTools().contains(first.tool())) {
        out.println("  " + notInstalled(req, d.config().tool(first.tool()).orElseThrow()));
      } else {
        wrappedCliMissing(req, d.config().tool(first.tool()).orElseThrow()).ifPresent(line -> out.println("  " + line));
      }
    }
  }

  /** Said when a prefix switcher is to start a CLI that is not on PATH: the run depends on the switcher finding it. */
  private static Optional<String> wrappedCliMissing(RunRequest req, ToolSpec t) {
    try {
      return Binaries.wrappedCliMissing(t, req.environment(), req.workdir()).map(w -> "'" + w.cli() + "' is not on PATH: "
          + w.prefix() + " (the prefix) must find it, else the attempt ends 'not installed'");
    } catch (ConfigException e) {
      return Optional.empty();
    }
  }

  /** The tool, or the prefix switcher in front of it, that is not on PATH, and what to do. */
  private static String notInstalled(RunRequest req, ToolSpec t) {
    try {
      Optional<Binaries.MissingProgram> missing = Binaries.missingProgram(t, req.environment(), req.workdir());
      if (missing.isPresent() && missing.get().start().isPrefix()) {
        return t.name() + " cannot start: " + missing.get().problem();
      }
    } catch (ConfigException e) {
      return t.name() + " cannot start: " + e.getMessage();
    }
    return t.name() + " is not installed" + (t.install() == null ? "" : "; install it with: " + t.install());
  }

  /** Where the agent and the tests run, and what the run checks before the first attempt. */
  private void packageAndBaseline(RunRequest req, Decision d) {
    RepoSignals s = d.signals();
    String where = s.packagePath().isEmpty() ? "." : s.packagePath();
    out.println(bold("package    ") + (s.packageMarker() == null
        ? "no package manifest found; the agent and the tests run at the repository root"
        : where + " (" + s.packageMarker() + "); the agent and the tests run there"
            + (s.nearestWithoutTests() == null ? "" : " (" + s.nearestWithoutTests() + ", the nearest package, has no test command)")));
    if (s.verify() == null) {
      return;
    }
    if (d.task().dimension() == dev.acr.context.Dimension.CODE_UNDERSTANDING) {
      out.println(bold("baseline   ") + "none: a question needs no change, so the run shows the agent's answer and tests nothing");
      return;
    }
    out.println(bold("baseline   ") + "not run in a dry run: a run first runs the test command above on your files as"
        + " they are, and stops if it cannot run at all; each run of it may take " + verifyTimeout(req, d));
    PythonSrcLayout.note(s.verify().command(), s.testsDir()).ifPresent(note -> out.println("  " + note));
    PythonVenv.note(s.testsDir(), req.environment()).ifPresent(note -> out.println("  " + note.text()));
    dev.acr.live.TestProgram.missing(s.verify().command(), s.testsDir(), req.environment(), req.prompt())
        .ifPresent(why -> out.println("  " + why.problem() + ": the run would stop there, before any agent; " + why.todo()));
    TestServices.down(s.testsDir(), s.root()).ifPresent(why ->
        out.println("  " + why.problem() + ": if the tests fail to reach them, the run stops there; " + why.todo()));
    if (Baseline.asksToFixFailingTest(d.task().dimension(), req.prompt())) {
      out.println(Baseline.namesFailingTest(req.prompt())
          ? "  the prompt asks to fix a failing test: the run will check that a test fails, and say so plainly if the tests already pass"
          : "  the prompt asks to fix a bug: the run will check whether a test shows it, and say so plainly if the tests already pass");
    } else {
      out.println("  an attempt verifies only when all of them pass: tests that already fail there, which the prompt does not"
          + " name, are named before any agent runs, and the run stops after the first attempt that leaves only those failing");
    }
  }

  /**
   * The policy's estimate of route {@code r}, or what stands in for one: a route without a price
   * (a user's tool without models) has no cost to show, and the policy takes its skill as the
   * median's and its cost as $0 until memory says more; a fixed chain (--chain, a keyword rule)
   * estimates nothing, so its routes show their price guess or that there is none.
   */
  private String estimate(Decision d, Route r) {
    Optional<ModelPrice> price = d.config().price(r);
    for (RouteEstimate e : d.estimates()) {
      if (e.route().equals(r)) {
        if (e.evidence() == 0 && price.isEmpty()) {
          return String.format(Report.NUMBERS, "success ~%2.0f%%  cost unknown  (no price: skill prior at the"
              + " median, cost counted as $0)", 100 * e.successChance());
        }
        return String.format(Report.NUMBERS, "success ~%2.0f%%  cost ~$%.3f  (%s)", 100 * e.successChance(),
            e.expectedCostUsd(), e.source());
      }
    }
    String order = "tried in the order of " + (d.chainSource().startsWith("keyword rule") ? "the keyword rule" : d.chainSource());
    return price.map(p -> String.format(Report.NUMBERS, "no estimate: %s; ~$%.3f an attempt by its price", order,
            CostGuess.fromPrices(p.inputPer1m(), p.outputPer1m())))
        .orElse("no estimate: " + order + "; no price");
  }

  private static String describe(RepoSignals s) {
    StringBuilder b = new StringBuilder(s.root().toString());
    if (s.git()) {
      b.append(" (git").append(s.branch() == null ? ", detached" : ", branch " + s.branch());
      b.append(s.dirty() ? ", " + s.changedFiles() + " uncommitted change(s))" : ", clean)");
    } else {
      b.append(" (not a git repository)");
    }
    b.append(", language ").append(s.language() == null ? "unknown" : s.language());
    return b.toString();
  }

  static String firstArgv(RunRequest req, Decision d) {
    if (d.chain().isEmpty()) {
      return "";
    }
    Route r = d.chain().get(0);
    ToolSpec tool = d.config().tool(r.tool()).orElseThrow();
    try {
      CommandTemplate.Rendered c = CommandTemplate.render(tool, r, req.prompt(), req.workdir(), req.environment());
      return CommandTemplate.shellQuote(c.argv()) + (c.stdin() != null ? "  < prompt on stdin" : "");
    } catch (ConfigException e) {
      return "(cannot render: " + e.getMessage() + ")";
    }
  }

  /** With --race: the batches the chain would run in, and why (or why not) acr races. */
  private void raceLine(RunRequest req, Decision d) {
    if (req.race() == null && d.config().race() == null) {
      return;
    }
    try {
      RaceChoice race = RaceChoice.of(req, d);
      List<String> batches = new ArrayList<>();
      List<Route> chain = d.chain().subList(0, Math.min(d.chain().size(), req.maxAttempts()));
      for (int i = 0; i < chain.size(); i += race.width()) {
        batches.add(chain.subList(i, Math.min(chain.size(), i + race.width())).toString());
      }
      out.println(bold("race       ") + race.why());
      out.println("  batches: " + String.join(" then ", batches));
    } catch (UsageError e) {
      out.println(bold("race       ") + e.getMessage());
    }
  }

  /** "30m (default)". */
  private static String verifyTimeout(RunRequest req, Decision d) {
    return VerifyTimeout.of(req, d.signals().repoConfig()).text();
  }

  private String bold(String s) {
    // Without colour the markup would only be parsed to be dropped again.
    return ansi.enabled() ? ansi.string("@|bold " + s + "|@") : s;
  }
}
