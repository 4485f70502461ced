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
import dev.acr.memory.MemoryStore;
import dev.acr.policy.AcrPolicy;
import dev.acr.policy.CostGuess;
import dev.acr.policy.MemoryStats;
import dev.acr.policy.PolicyConfig;
import dev.acr.policy.Priors;
import dev.acr.policy.RouteEstimate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Context and Action for a live run: reads the config, classifies the prompt, inspects the repo,
 * loads memory and builds the router with its planned chain. Reads only; writes nothing.
 */
public final class Planner {

  private final HeadStart headStart;

  public Planner() {
    this(HeadStart.NONE);
  }

  /** A planner that takes what start-up prepared ({@code headStart}) where it fits. */
  public Planner(HeadStart headStart) {
    this.headStart = headStart;
  }

  public Decision decide(RunRequest req, AcrPaths paths) throws UsageError {
    if (req.prompt() == null || req.prompt().isBlank()) {
      throw new UsageError("empty prompt: say what the agent should do, e.g. acr \"fix the failing parser test\"");
    }
    if (!Files.isDirectory(req.workdir())) {
      throw new UsageError("workdir not found: " + req.workdir() + " (pass an existing directory with --workdir)");
    }
    Path configPath;
    ToolsConfig config;
    try {
      configPath = ConfigLoader.locate(req.configFile(), req.environment(), req.workdir());
      config = configPath != null ? ConfigLoader.load(configPath)
          : headStart.bundledConfig() != null ? headStart.bundledConfig().get() : ConfigLoader.bundled();
    } catch (ConfigException e) {
      throw new UsageError(e.getMessage());
    }
    String configSource = configPath == null ? "bundled tools.example.json" : configPath.toString();
    Classification classification = new Classifier().classify(req.prompt());
    RepoSignals signals;
    try {
      InspectionPrefetch prefetch = headStart.inspection();
      Optional<RepoSignals> early = prefetch == null ? Optional.empty() : prefetch.take(req.workdir(), req.verify());
      signals = early.isPresent() ? early.get() : RepoInspector.inspect(req.workdir(), req.verify());
    } catch (GitException | IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new UsageError(e.getMessage());
    }
    // Streamed straight into the tallies: a large memory file is never held as a list.
    MemoryStats stats = new MemoryStats();
    List<String> problems = new ArrayList<>();
    try {
      new MemoryStore(paths.memory()).forEach(stats::append, problems::add);
    } catch (IOException e) {
      throw new UsageError(
          "cannot read memory file " + paths.memory() + ": " + e.getMessage()
              + " (fix its permissions, or pass another file with --memory)");
    }
    List<String> warnings = new ArrayList<>();
    if (!problems.isEmpty()) {
      warnings.add("memory: skipped " + problems.size() + " unreadable line(s), first: " + problems.get(0));
    }
    Task task =
        new Task(sha256(req.prompt()), req.prompt(), classification.dimension(), null, signals.language());
    Set<String> missing = missingTools(config, req.environment(), req.workdir());
    List<Route> candidates = candidates(config, req);
    Router router;
    String chainSource;
    if (req.chain() != null && !req.chain().isEmpty()) {
      router = new FixedChainRouter("--chain", explicitChain(config, req.chain()));
      chainSource = "--chain";
    } else if (!config.ruleMatches(req.prompt()).isEmpty()) {
      router = new FixedChainRouter("routes[] rule", config.ruleMatches(req.prompt()));
      chainSource = "keyword rule in " + configSource;
    } else {
      List<Route> usable = new ArrayList<>();
      for (Route r : candidates) {
        if (req.dryRun() || !missing.contains(r.tool())) {
          usable.add(r);
        }
      }
      PolicyConfig pc = PolicyConfig.defaults().withLambda(config.lambda()).withMaxAttempts(req.maxAttempts());
      Priors priors = req.priors() ? Priors.bundled() : Priors.none();
      router = new AcrPolicy(usable, stats, costGuesses(config, usable), pc, req.seed(), priors);
      // Where each route's estimate comes from (prior or memory) is said beside the route.
      chainSource = "policy (memory: " + stats.records() + " records)";
    }
    List<Route> chain = router.plan(task, List.of());
    List<RouteEstimate> estimates = router instanceof AcrPolicy p ? p.estimates(task) : List.of();
    return new Decision(
        task, classification, signals, config, configSource, router, chainSource, chain, estimates, missing,
        stats, warnings);
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
