package dev.acr.live;

import dev.acr.config.ConfigException;
import dev.acr.config.ConfigLoader;
import dev.acr.config.ModelPrice;
import dev.acr.config.ToolSpec;
import dev.acr.config.ToolsConfig;
import dev.acr.context.Classification;
import dev.acr.context.Classifier;
import dev.acr.context.InspectionPrefetch;
import dev.acr.context.RepoInspector;
import dev.acr.context.RepoSignals;
import dev.acr.core.Route;
import dev.acr.git.GitException;
import dev.acr.core.Router;
import dev.acr.core.Task;
import dev.acr.policy.AcrPolicy;
import dev.acr.policy.Cooldown;
import dev.acr.policy.CostGuess;
import dev.acr.policy.Fallback;
import dev.acr.memory.RouteTimes;
import dev.acr.policy.MemoryStats;
import dev.acr.policy.PolicyConfig;
import dev.acr.policy.RacePlanner;
import dev.acr.policy.Priors;
import dev.acr.policy.RouteEstimate;
import dev.acr.policy.StatsCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Context and Action for a live run: reads the config, classifies the prompt, inspects the repo,
 * loads memory and builds the router with its planned chain. Reads only; writes nothing.
 */
public final class Planner {


  private final HeadStart headStart;
  /** When cool-downs are judged; fixed per planner so one decision sees one instant. */
  private final Instant now;

  public Planner() {
    this(HeadStart.NONE);
  }

  /** A planner that takes what start-up prepared ({@code headStart}) where it fits. */
  public Planner(HeadStart headStart) {
    this(headStart, Instant.now());
  }

  Planner(HeadStart headStart, Instant now) {
    this.headStart = headStart;
    this.now = now;
  }

  public Decision decide(RunRequest req, AcrPaths paths) throws UsageError {
    if (req.prompt() == null || req.prompt().isBlank()) {
      throw new UsageError("empty prompt: say what the agent should do, e.g. acr \"fix the failing parser test\"");
    }
    String badWorkdir = badWorkdir(req.workdir());
    if (badWorkdir != null) {
      throw new UsageError(badWorkdir);
    }
    Path configPath;
    ToolsConfig config;
    try {
      configPath = ConfigLoader.locate(req.configFile(), req.environment(), req.workdir());
    } catch (ConfigException e) {
      throw new UsageError(e.getMessage()); // a file not found: the message says where acr looks instead
    }
    try {
      config = configPath != null ? ConfigLoader.load(configPath)
          : headStart.bundledConfig() != null ? headStart.bundledConfig().get() : ConfigLoader.bundled();
    } catch (ConfigException e) {
      throw new UsageError(e.getMessage() + "; fix the file or pass another with --config");
    }
    String configSource = configPath == null ? "bundled tools.example.json" : configPath.toString();
    if (config.routes().isEmpty()) { // else the run would test the baseline, then end with no attempt and exit 1
      throw new UsageError("no tool is enabled in " + configSource + ": set \"enabled\": true on one of its tools, or pass"
          + " another config with --config");
    }
    Classification classification = new Classifier().classify(req.prompt());
    RepoSignals signals;
    try {
      InspectionPrefetch prefetch = headStart.inspection();
      Optional<RepoSignals> early = prefetch == null ? Optional.empty() : prefetch.take(req.workdir(), req.verify());
      signals = early.isPresent() ? early.get() : RepoInspector.inspect(req.workdir(), req.verify());
    } catch (GitException | IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new UsageError(e.getMessage());
    }
    // From the statistics snapshot beside memory plus what was appended since (StatsCache).
    StatsCache.Loaded memory;
    try {
      memory = StatsCache.load(paths.memory());
    } catch (IOException e) {
      throw new UsageError(
          "cannot read memory file " + paths.memory() + ": " + e.getMessage()
              + " (fix its permissions, or pass another file with --memory)");
    }
    List<String> warnings = new ArrayList<>(signals.repoConfig().warnings());
    MemoryStats stats = memory.stats();
    if (memory.problemCount() > 0) {
      warnings.add("memory: skipped " + memory.problemCount() + " unreadable line(s), first: " + memory.firstProblem());
    }
    // The one file a dry run may write: its closing line says so. Extending the snapshot with what
    // the last run appended happens after nearly every run and is not worth a line of its own;
    // building it from the whole of memory (the first time, or after memory was rewritten) is.
    boolean wroteSnapshot = memory.saved() && req.dryRun();
    if (wroteSnapshot && memory.rebuilt()) {
      warnings.add("memory: built its statistics snapshot " + paths.memory() + ".stats from the whole of memory (the first"
          + " time, or memory was rewritten since); it is derived from memory, so the next decision reads it fast; safe to delete");
    }
    Task task =
        new Task(sha256(req.prompt()), req.prompt(), classification.dimension(), null, signals.language());
    Set<String> missing = missingTools(config, req.environment(), req.workdir());
    List<Route> candidates = candidates(config, req);
    Fallback fallback = new Fallback(providers(config), new CooldownStore(paths.cooldowns()).active(now, warnings));
    List<Unavailable> unavailable = new ArrayList<>();
    Router router;
    String chainSource;
    String exploring = null;
    if (req.chain() != null && !req.chain().isEmpty()) {
      // A chain the user named keeps its tools that are not installed: the run says so, runs none (exit 3).
      List<Route> named = explicitChain(config, req.chain());
      // --tool names a tool or one route of it (claude:opus): what it allows is what it resolves to.
      List<Route> allowed = req.tool() == null ? named : candidates(config, req);
      for (Route r : named) {
        if (!allowed.contains(r)) {
          throw new UsageError("--chain names " + r.name() + ", which is not a route of --tool " + req.tool()
              + "; drop --tool (--chain already says what runs) or name only " + req.tool() + "'s routes");
        }
      }
      router = new FixedChainRouter("--chain", usable(named, Set.of(), fallback, unavailable, config, req), fallback);
      chainSource = "--chain";
    } else if (!config.ruleMatches(req.prompt()).isEmpty()) {
      router = new FixedChainRouter("routes[] rule", usable(config.ruleMatches(req.prompt()), Set.of(), fallback,
          unavailable, config, req), fallback);
      chainSource = "keyword rule in " + configSource;
    } else {
      // The dry run plans exactly what the run will: only routes that can run now.
      List<Route> usable = usable(candidates, missing, fallback, unavailable, config, req);
      PolicyConfig pc = PolicyConfig.defaults().withLambda(config.lambda()).withMaxAttempts(req.maxAttempts());
      Priors priors = req.priors() ? Priors.bundled() : Priors.none();
      AcrPolicy policy = new AcrPolicy(usable, stats, costGuesses(config, usable), pc, seed(req, stats), fallback, priors);
      router = policy;
      chainSource = "policy (memory: " + stats.records() + " records)";
    }
    List<Route> chain = router.plan(task, List.of());
    if (router instanceof AcrPolicy policy) {
      exploring = exploring(policy, task, chain);
    }
    List<RouteEstimate> estimates = router instanceof AcrPolicy p ? p.estimates(task) : List.of();
    budgetBlind(config, chain, req.budgetUsd()).ifPresent(warnings::add);
    return new Decision(
        task, classification, signals, config, configSource, router, chainSource, chain, estimates, missing,
        stats, warnings, fallback, List.copyOf(unavailable), exploring, wroteSnapshot,
        RaceChoice.wantsAuto(req, config) && !estimates.isEmpty() ? routeTimes(paths, warnings) : null);
  }

  /** What is wrong with {@code dir} as the folder to work in (missing, or a file), or null when it is a directory. */
  public static String badWorkdir(Path dir) {
    if (Files.isDirectory(dir)) {
      return null;
    }
    return (Files.exists(dir) ? "workdir is a file, not a directory: " : "workdir not found: ") + dir
        + " (pass an existing directory with --workdir)";
  }

  /**
   * What --budget cannot see: the tools of the chain that never report a cost (usage_format
   * "none"), whose attempts therefore count as nothing against it; empty when there are none.
   */
  static Optional<String> budgetBlind(ToolsConfig config, List<Route> chain, Double budgetUsd) {
    if (budgetUsd == null) {
      return Optional.empty();
    }
    Set<String> blind = new LinkedHashSet<>();
    for (Route r : chain) {
      config.tool(r.tool()).filter(t -> ToolSpec.USAGE_NONE.equals(t.usageFormat())).ifPresent(t -> blind.add(t.name()));
    }
    return blind.isEmpty() ? Optional.empty() : Optional.of(String.format(Locale.ROOT,
        "--budget %.2f: the cost of %s is never known (usage_format \"none\" in the config), so %s attempts count as"
            + " nothing against the budget; --max-attempts still limits them", budgetUsd, String.join(", ", blind),
        blind.size() == 1 ? "its" : "their"));
  }

  /** How long routes' attempts took in memory, for {@code --race auto}; null (the prior) when memory cannot be read. */
  private static RouteTimes routeTimes(AcrPaths paths, List<String> warnings) {
    try {
      return RouteTimes.read(paths.memory(), problem -> { });
    } catch (IOException e) {
      warnings.add("memory: could not read attempt durations for --race auto (" + e.getMessage() + "); assuming "
          + RacePlanner.PRIOR_DURATION_MS / 1000 + " s per attempt");
      return null;
    }
  }

  /**
   * The policy's seed: --seed (0 without it) mixed with how many records memory holds, so the
   * exploration draw is a function of the prompt, memory and config alone. Every dry run and the
   * run after it choose the same chain while memory is unchanged; a new record gives a new draw.
   */
  static long seed(RunRequest req, MemoryStats stats) {
    return req.seed() ^ (stats.records() * 0x9E3779B97F4A7C15L);
  }

  /**
   * The candidates that can run now; for the others, one entry per tool (or cooling-down
   * provider) in {@code unavailable}: not installed, or a provider's quota or rate limit.
   */
  private List<Route> usable(
      List<Route> candidates, Set<String> missing, Fallback fallback, List<Unavailable> unavailable, ToolsConfig config,
      RunRequest req) {
    List<Route> usable = new ArrayList<>();
    Map<String, List<Route>> cooling = new java.util.LinkedHashMap<>();
    Map<String, Cooldown> why = new HashMap<>();
    Set<String> notInstalled = new LinkedHashSet<>();
    for (Route r : candidates) {
      Optional<Cooldown> c = fallback.coolingDown(r, now);
      if (missing.contains(r.tool())) {
        notInstalled.add(r.tool());
      } else if (c.isPresent()) {
        cooling.computeIfAbsent(c.get().provider(), k -> new ArrayList<>()).add(r);
        why.put(c.get().provider(), c.get());
      } else {
        usable.add(r);
      }
    }
    for (String t : notInstalled) {
      unavailable.add(new Unavailable(t, t + ":*", Unavailable.NOT_INSTALLED, null, missingPrefix(config, t, req)));
    }
    for (Map.Entry<String, List<Route>> e : cooling.entrySet()) {
      List<Route> routes = e.getValue();
      String tool = routes.get(0).tool();
      boolean wholeTool = candidates.stream().filter(r -> r.tool().equals(tool)).allMatch(routes::contains);
      String names = wholeTool ? tool + ":*" : String.join(", ", routes.stream().map(Route::name).toList());
      Cooldown c = why.get(e.getKey());
      unavailable.add(new Unavailable(tool, names, c.reason(), c.until()));
    }
    return usable;
  }

  /**
   * "exploring: …" when the policy's first choice is not the one its current estimates alone
   * would make (a Thompson draw, or at one call per task what the call would teach, tried a less
   * certain route to learn about it); else null.
   */
  private static String exploring(AcrPolicy policy, Task task, List<Route> chosen) {
    List<Route> exploit = policy.planWithoutExploring(task);
    if (chosen.isEmpty() || exploit.isEmpty() || chosen.get(0).equals(exploit.get(0))) {
      return null;
    }
    return "exploring: " + chosen.get(0).name() + " first, to learn how it does here (by the estimates alone "
        + exploit.get(0).name() + " would go first)";
  }

  /** Each route's provider, as {@link Fallback} keeps cool-downs. */
  public static Map<Route, String> providers(ToolsConfig config) {
    Map<Route, String> out = new HashMap<>();
    for (ToolSpec t : config.tools()) {
      for (Route r : t.routes()) {
        out.put(r, Fallback.provider(t.name(), r.model() == null ? null : t.model(r.model()).map(m -> m.arg()).orElse(null)));
      }
    }
    return out;
  }

  /** Routes the policy may choose from: all enabled ones, or only those of --tool. */
  private static List<Route> candidates(ToolsConfig config, RunRequest req) throws UsageError {
    if (req.tool() == null) {
      return config.routes();
    }
    try {
      return config.resolve(req.tool());
    } catch (ConfigException e) {
      throw new UsageError(e.getMessage());
    }
  }

  /** --chain names routes or tools; a tool name stands for its first route. */
  private static List<Route> explicitChain(ToolsConfig config, List<String> names) throws UsageError {
    Set<Route> chain = new LinkedHashSet<>();
    for (String name : names) {
      try {
        List<Route> resolved = config.resolve(name.trim());
        chain.add(resolved.get(0));
      } catch (ConfigException e) {
        throw new UsageError("--chain: " + e.getMessage());
      }
    }
    return List.copyOf(chain);
  }

  /**
   * What to say when the program missing in front of a tool's command is a prefix switcher
   * (ACROUTER_*_PREFIX), which the user installs, not the tool; null when it is the tool's own.
   */
  static String missingPrefix(ToolsConfig config, String toolName, RunRequest req) {
    ToolSpec tool = config.tool(toolName).orElse(null);
    try {
      return tool == null ? null
          : Binaries.missingProgram(tool, req.environment(), req.workdir())
              .filter(m -> m.start().isPrefix())
              .map(Binaries.MissingProgram::problem)
              .orElse(null);
    } catch (ConfigException e) {
      return e.getMessage();
    }
  }

  /** Tools whose program (after any prefix) is not on PATH, for a run in {@code workdir}. */
  public static Set<String> missingTools(ToolsConfig config, Map<String, String> env, Path workdir) throws UsageError {
    Set<String> missing = new LinkedHashSet<>();
    for (ToolSpec tool : config.tools()) {
      if (!tool.enabled()) {
        continue;
      }
      try {
        if (Binaries.missingProgram(tool, env, workdir).isPresent()) {
          missing.add(tool.name());
        }
      } catch (ConfigException e) {
        throw new UsageError(e.getMessage());
      }
    }
    return missing;
  }

  private static Map<Route, Double> costGuesses(ToolsConfig config, List<Route> routes) {
    Map<Route, Double> guesses = new HashMap<>();
    for (Route r : routes) {
      ModelPrice price = config.price(r).orElse(null);
      if (price != null) {
        guesses.put(r, CostGuess.fromPrices(price.inputPer1m(), price.outputPer1m()));
      }
    }
    return guesses;
  }

  static String sha256(String s) {
    return HexFormat.of().formatHex(Sha256.digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
