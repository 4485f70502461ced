package dev.acr.policy;

import dev.acr.core.AttemptResult;
import dev.acr.core.Route;
import dev.acr.core.Router;
import dev.acr.core.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How acr picks a route. This file is the whole answer.
 *
 * <p>Each route has a skill per context (everything, the dimension, the dimension with the bench
 * or repo language, and that with the prompt's length class, {@link PromptLength}), fitted by
 * {@link SkillModel} from memory: P(verify) = σ(skill − task difficulty), times the chance it does
 * any work at all (an attempt that used no tokens, {@link MemoryStats#idle}, teaches no skill and no
 * difficulty). The next route is chosen by Thompson sampling: draw a skill for every route from
 * its posterior, update this task's difficulty belief with the failures already seen on it (a
 * strong route failing moves it far, a weak one barely), then plan a short escalation chain that
 * maximises expected reward (performance − λ·USD) over the attempts still allowed, with the
 * option to stop when one more attempt is not worth its price. An attempt's price is the route's
 * typical cost from memory ({@link RobustCost}), scaled by what this task's attempts have cost so far ({@link
 * TaskCostScale}: long tasks are long for every agent). Only the first route of the plan runs;
 * the plan is made again after each attempt with what it taught. In a run allowed more attempts
 * than the plan looks ahead, from the skills as memory knew them when the task began (its own
 * failures count once, in its difficulty belief), and only once the last plan's routes stop
 * failing as it assumed ({@link StandingPlan}).
 *
 * <p>When the run may make only one attempt ({@code --max-attempts 1}) there is no chain: the
 * route with the best mean reward of one call, mean first-call performance (partial scores
 * included) − λ·cost, per context, plus what the call would teach over the context's tasks to
 * come ({@link SingleCall}).
 *
 * <p>Before memory knows a route, its skill and single-call mean come from {@link Priors} (fitted
 * on a benchmark, shipped with acr) where they know its model, else from its price.
 */
public final class AcrPolicy implements Router {

  /**
   * How far an escalation's Thompson draw may stray from the posterior median, as a share of the
   * posterior's quantiles (1: a plain draw), in a run allowed more attempts than the plan looks
   * ahead. There the routes passed over now are still tried later on the same task, which is
   * where the exploring is done; exploring again at each escalation mostly paid for sonnet-like
   * detours (eighth round, bench/README.md: OOD176 cap 8 tuning 13.02 → 11.86 shuffled with idle
   * attempts; at cap 3, where the escalations are the only place a strong route is learned after
   * another failed, a narrower draw cost 0.3–0.9 and it stays 1).
   */
  static final double ESCALATION_SPREAD = 0.5;

  /** The configured routes, found by identity ({@link ConfiguredRoutes}). */
  private final ConfiguredRoutes routes;
  private final List<String> routeNames;
  private final MemoryStats stats;
  private final PolicyConfig config;
  private final long seed;
  private final SkillModel skills;
  /** The skill model's σ row per skill grid point, for {@link Chain}. */
  private final double[][] sigma;
  /** Which routes may run at all after this task's infra errors ({@link Fallback}). */
  private final Fallback fallback;
  private final Priors priors;
  /** Each route's skill before memory: from priors where they know its model, else from its price. */
  private final Map<String, Double> priceSkill;
  private final RouteFigures figures;
  /** The single-call decision's first-call tallies per context chain ({@link FirstCalls}). */
  private final FirstCalls firstCalls;
  /** Where the single call's estimates start ({@link SingleCallPriors}). */
  private final SingleCallPriors singleCallPriors;
  /** The task {@link #contexts} was last asked for, and its answer. */
  private Task contextsOf;
  private List<String> lastContexts;
  /** The chains' working arrays, kept from one decision to the next ({@link Chain.Scratch}). */
  private final Chain.Scratch chainScratch = new Chain.Scratch();
  /** The last {@link #inOrder} answer and what it was for. */
  private Map<String, Posterior> lastPosteriors;
  private List<String> lastNames;
  private Posterior[] lastInOrder;
  /** The skill posteriors the current task's first plan used ({@link #posteriors}). */
  private TaskStart taskStart;
  /** The last plan made, which the task's next attempts may follow ({@link StandingPlan}). */
  private StandingPlan standingPlan;

  /**
   * A task (the instance the run loop plans with), its context chain, and the posteriors its
   * first plan drew from for the routes {@code names}.
   */
  private record TaskStart(Task task, List<String> contexts, List<String> names, Map<String, Posterior> posteriors) {}

  public AcrPolicy(
      List<Route> routes,
      MemoryStats stats,
      Map<Route, Double> attemptCostGuessUsd,
      PolicyConfig config,
      long seed) {
    this(routes, stats, attemptCostGuessUsd, config, seed, Fallback.NONE, Priors.none());
  }

  /**
   * A policy that leaves out the routes {@code fallback} rules out after an infra error, starting
   * from {@code priors} (fitted on a benchmark) where they know a route's model.
   */
  public AcrPolicy(
      List<Route> routes,
      MemoryStats stats,
      Map<Route, Double> attemptCostGuessUsd,
      PolicyConfig config,
      long seed,
      Fallback fallback,
      Priors priors) {
    this.fallback = fallback;
    this.routes = new ConfiguredRoutes(routes, stats);
    this.routeNames = this.routes.names();
    this.stats = stats;
    Map<Route, Double> costGuess = Map.copyOf(attemptCostGuessUsd);
    this.config = config;
    this.seed = seed;
    this.priors = priors;
    // Each configured route's price guess, in route order.
    double[] guesses = new double[this.routes.size()];
    for (int i = 0; i < guesses.length; i++) {
      guesses[i] = costGuess.getOrDefault(this.routes.get(i), 0.0);
    }
    this.figures = new RouteFigures(stats, routeNames, guesses, config.priorStrength());
    this.firstCalls = new FirstCalls(stats, routeNames);
    this.priceSkill = StartingSkill.of(this.routes.list(), costGuess, priors);
    this.singleCallPriors = new SingleCallPriors(this.routes, stats, priors, priceSkill);
    this.skills = new SkillModel(stats, config.difficultySd(), config.abilitySd(), config.contextSd(), priceSkill);
    this.sigma = skills.chanceRows();
  }

  @Override
  public String name() {
    return "acr";
  }

  /** Posterior-mean beliefs for a task's first attempt, for dry-run and the shell. */
  public List<RouteEstimate> estimates(Task task) {
    List<String> ctx = contexts(task);
    Map<String, Posterior> post = posteriors(task, ctx, SkillModel.names(routes.list()), false);
    List<RouteEstimate> out = new ArrayList<>();
    for (int i = 0; i < routes.size(); i++) {
      Route r = routes.get(i);
      int n = evidence(ctx, r.name());
      String source = n > 0 ? "memory n=" + n : priors.of(r.model(), null) != null ? "prior: " + priors.source() : "prior: price";
      out.add(new RouteEstimate(r, skills.meanChance(post.get(r.name())), figures.of(ctx, i).cost(), n, source));
    }
    return out;
  }

  @Override
  public List<Route> plan(Task task, List<AttemptResult> soFar) {
    if (standingPlan != null) {
      List<Route> rest =
          standingPlan.rest(task, soFar, () -> stats.costScale().factor(soFar, a -> routes.nameOf(a.route())));
      if (rest != null) {
        return rest;
      }
    }
    // An attempt in which no agent could run (infra or acr error) is not the user's attempt spent.
    // (A loop: a stream's set-up per decision showed in replay profiles.)
    // (By index, as below: an iterator per loop is an allocation per decision under the bench
    // launcher's shallow inlining.)
    int spent = 0;
    for (int k = 0; k < soFar.size(); k++) {
      if (dev.acr.core.RunLoop.usesBudget(soFar.get(k))) {
        spent++;
      }
    }
    int remaining = Math.min(config.lookahead(), config.maxAttempts() - spent);
    // A route is tried once any route of its name ran: by the name's first configured index
    // (ConfiguredRoutes.firstOfName), so each candidate below is a flag, not names compared.
    boolean[] tried = new boolean[routes.size()];
    List<String> failed = new ArrayList<>();
    for (int k = 0; k < soFar.size(); k++) {
      AttemptResult a = soFar.get(k);
      int at = routes.nameIndex(a.route());
      if (at >= 0) {
        tried[at] = true;
      }
      // An infra or acr failure says nothing about the task's difficulty either, nor does an
      // attempt in which the agent did no work.
      if (!a.resolved() && a.status().isEvidence() && !MemoryStats.idle(a.resolved(), a.inputTokens(), a.outputTokens())) {
        failed.add(routes.nameOf(a.route()));
      }
    }
    // Without infra errors in the run every route may run, so no route need ask the fallback.
    boolean allAllowed = fallback.allowsAll(soFar);
    List<Route> candidates = new ArrayList<>(routes.size());
    // Each candidate's configured index, so the decision need not find it again by scanning.
    int[] at = new int[routes.size()];
    for (int i = 0; i < routes.size(); i++) {
      if (!tried[routes.firstOfName(i)] && (allAllowed || fallback.allows(routes.get(i), soFar))) {
        at[candidates.size()] = i;
        candidates.add(routes.get(i));
      }
    }
    if (remaining <= 0 || candidates.isEmpty()) {
      return List.of();
    }
    if (config.maxAttempts() == 1) {
      return singleCall(task, candidates, at, true);
    }
    double costFactor = stats.costScale().factor(soFar, a -> routes.nameOf(a.route()));
    Chain chain = beliefs(task, candidates, at, failed, soFar.size(), costFactor, false);
    double standing = soFar.isEmpty() ? 0.0 : soFar.get(soFar.size() - 1).performance();
    List<Route> order = chain.bestOrder(remaining, standing, config.lambda());
    standingPlan = config.maxAttempts() > config.lookahead() ? keep(task, soFar.size(), order, costFactor) : null;
    return order;
  }

  /** The plan for {@link StandingPlan}, with the partial score it assumed for each of its routes. */
  private StandingPlan keep(Task task, int made, List<Route> order, double costFactor) {
    List<String> ctx = contexts(task);
    double[] partial = new double[order.size()];
    for (int i = 0; i < partial.length; i++) {
      partial[i] = figures.of(ctx, routes.indexOf(order.get(i))).partial();
    }
    return new StandingPlan(task, made, order, costFactor, partial);
  }

  /**
   * The first plan without exploration: every skill at its posterior median instead of a
   * Thompson draw (with one attempt allowed, every single-call estimate at its mean). Where {@link
   * #plan} starts differently, its first choice is exploring.
   */
  public List<Route> planWithoutExploring(Task task) {
    int remaining = Math.min(config.lookahead(), config.maxAttempts());
    if (remaining <= 0 || routes.size() == 0) {
      return List.of();
    }
    if (config.maxAttempts() == 1) {
      return singleCall(task, routes.list(), routes.indices(), false);
    }
    Chain chain = beliefs(task, routes.list(), routes.indices(), List.of(), 0, 1.0, true);
    return chain.bestOrder(remaining, 0.0, config.lambda());
  }

  /**
   * The route for a run that may make one call: the best single-call reward, mean first-call
   * performance − λ·cost, plus the worth of what the call teaches ({@link SingleCall#choose(
   * SingleCall.Estimate[], double[], double, double)}). A planner built for escalation starts
   * cheap, which is wrong when nothing can follow. Without {@code exploring}, the means alone.
   */
  private List<Route> singleCall(Task task, List<Route> candidates, int[] at, boolean exploring) {
    List<String> ctx = contexts(task);
    SingleCall.Estimate[] estimates = singleCallEstimates(task, ctx);
    SingleCall.Estimate[] offered = new SingleCall.Estimate[candidates.size()];
    double[] cost = new double[candidates.size()];
    for (int j = 0; j < offered.length; j++) {
      int i = at[j];
      offered[j] = estimates[routes.firstOfName(i)];
      cost[j] = figures.of(ctx, i).cost();
    }
    double horizon = exploring ? SingleCall.horizon(firstCalls.of(ctx)) : 0;
    int best = SingleCall.choose(offered, cost, config.lambda(), horizon);
    return best < 0 ? List.of() : List.of(candidates.get(best));
  }

  /**
   * Every configured route's single-call estimate, from the prior's mean performance for the
   * task's dimension where priors know the route's model, else from σ(price skill) (½ at the
   * median price), as far as memory bears those priors out ({@link SingleCallPriors}).
   */
  private SingleCall.Estimate[] singleCallEstimates(Task task, List<String> ctx) {
    double[][] prior = singleCallPriors.of(task.dimension() == null ? null : task.dimension().id());
    return SingleCall.estimates(firstCalls.of(ctx), ctx, prior[0], prior[1]);
  }

  /** One Thompson draw of skills (or their medians), and this task's difficulty belief given its failures so far. */
  private Chain beliefs(Task task, List<Route> candidates, int[] at, List<String> failed, int attemptIndex,
      double costFactor, boolean medians) {
    List<String> ctx = contexts(task);
    // The configured names themselves (one list instance, which the skill model checks once per
    // fit), unless a failed route is not among them.
    List<String> names = routeNames;
    for (int k = 0; k < failed.size(); k++) {
      String q = failed.get(k);
      if (!names.contains(q)) {
        if (names == routeNames) {
          names = new ArrayList<>(routeNames);
        }
        names.add(q);
      }
    }
    Map<String, Posterior> post = posteriors(task, ctx, names, attemptIndex == 0);
    SplittableRandom rng =
        new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ task.key().hashCode() * 31L ^ attemptIndex);
    // Draw in a fixed order (the configured routes) so the seed alone fixes the decision.
    double spread = attemptIndex > 0 && config.maxAttempts() > config.lookahead() ? ESCALATION_SPREAD : 1;
    Posterior[] byName = inOrder(post, names);
    int[] draw = new int[names.size()];
    for (int i = 0; i < draw.length; i++) {
      draw[i] = medians ? byName[i].median() : byName[i].sample(rng, spread);
    }
    double[] difficulty = skills.difficultyPrior.clone();
    for (int k = 0; k < failed.size(); k++) {
      skills.failedAt(difficulty, draw[names.indexOf(failed.get(k))]);
    }
    int n = candidates.size();
    int[] skill = new int[n];
    double[] cost = new double[n];
    double[] partial = new double[n];
    double[] run = new double[n];
    for (int j = 0; j < n; j++) {
      int i = at[j];
      RouteFigures.Row row = figures.of(ctx, i);
      skill[j] = draw[routes.firstOfName(i)];
      run[j] = row.run();
      cost[j] = row.cost() * costFactor;
      partial[j] = row.partial();
    }
    return new Chain(candidates, sigma, difficulty, skill, cost, partial, run, chainScratch);
  }

  /**
   * The skill posteriors for a plan or estimate on {@code task}. In a run allowed more attempts
   * than the plan looks ahead, a task's later plans (and estimates, for a race's width) draw from
   * the posteriors its first plan drew from, memory as it stood when the task began. Memory's only
   * news since then is this task's own attempts, which already enter the plan as the difficulty
   * belief's update for its failures ({@link #beliefs}); refitted into the skills as well, they
   * would count twice (each failure lowering the context's skills and the failed route's, which
   * then makes its failure say less about the difficulty). Memory learns them at the next task's
   * first plan. It also spares each re-plan the skill model's walk over the context levels and
   * the refits due mid-task (replay CPU, issue 14). At caps up to the lookahead it is not done: on
   * the tuning seeds it moved cap 3's figures the wrong way, within noise (ID AvgPerf −0.08,
   * OOD176 canonical CumReg +0.3; bench/README.md, "Speed work, seventh round").
   */
  private Map<String, Posterior> posteriors(Task task, List<String> ctx, List<String> names, boolean taskBegins) {
    TaskStart start = taskStart;
    if (!taskBegins && start != null && start.task() == task && start.contexts() == ctx
        && (start.names() == names || start.posteriors().keySet().containsAll(names))) {
      return start.posteriors();
    }
    Map<String, Posterior> post = skills.posteriors(ctx, names);
    taskStart = taskBegins && config.maxAttempts() > config.lookahead() ? new TaskStart(task, ctx, names, post) : null;
    return post;
  }

  /**
   * The posteriors of {@code names}, in that order. A fit's posteriors (and a task's first ones)
   * are one map that never changes, handed out again by later plans in the same context or task,
   * and the names are mostly the one configured list: so the last answer is kept for the same
   * map and list instead of a hash lookup per route and decision.
   */
  private Posterior[] inOrder(Map<String, Posterior> post, List<String> names) {
    if (post != lastPosteriors || names != lastNames) {
      Posterior[] out = new Posterior[names.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = post.get(names.get(i));
      }
      lastPosteriors = post;
      lastNames = names;
      lastInOrder = out;
    }
    return lastInOrder;
  }

  /**
   * Memory's attempts of the route in the task's context, the prompt-length level left out: that
   * level only refines the context, and memory written before records kept the prompt's length
   * has nothing there, which would make every route look unknown.
   */
  private int evidence(List<String> ctx, String route) {
    int last = ctx.size() - 1;
    if (last > 0 && PromptLength.isLevel(ctx.get(last))) {
      last--;
    }
    MemoryStats.Tally t = stats.get(ctx.get(last), route, MemoryStats.ANY);
    return t == null ? 0 : t.n;
  }

  /**
   * The task's context chain. A run plans its task several times in a row (and keeps it for the
   * standing plan), so the last task's chain is kept: memory hands out one list per chain and
   * never replaces it, so the lookups would return the same instance.
   */
  private List<String> contexts(Task task) {
    if (task != contextsOf) {
      contextsOf = task;
      String dim = task.dimension() == null ? null : task.dimension().id();
      lastContexts = stats.contextKeys(dim, task.bench() != null ? task.bench() : task.language(),
          task.prompt() == null ? null : task.prompt().length());
    }
    return lastContexts;
  }
}
