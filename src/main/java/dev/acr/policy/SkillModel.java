package dev.acr.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A latent-difficulty (Rasch/IRT) model of verification: P(route r verifies task t) =
 * σ(skill_r − difficulty_t), with task difficulty ~ N(0, difficultySd²). One parameter per route
 * and context explains both a route's success rate and why a strong route failing is bad news
 * for the next one (it makes a high difficulty likely) while a weak one failing says little.
 *
 * <p>Skills live on a grid, so their posteriors are exact up to the grid and can be sampled for
 * Thompson sampling. Each context's skill prior is the broader context's posterior widened by
 * contextSd (a narrower context may differ, but starts from what the broader one knows). Skills
 * are refitted from {@link MemoryStats} pattern tallies whenever the context got new records:
 * each pattern (route r after the set F had failed) contributes log P(outcome | F failed), the
 * exact chain-rule factor given the other routes' skills, which are plugged in at their means
 * from the context's previous fit (a refit is one more pass of the same iteration, so early
 * records are re-read with later knowledge).
 */
final class SkillModel {

  private static final int SKILL_POINTS = 49;
  private static final double SKILL_RANGE = 8;
  /**
   * Points of the difficulty grid, over ±4 sd. Every belief update and chance in fitting and
   * planning is a sum over them. 17 points (a step of half a difficulty sd) were chosen over 33
   * for speed: a chance under a belief after up to three failures moves by at most ~0.001 against
   * a 401-point grid (0.0005 with 33), well below what separates two routes' values.
   */
  static final int DIFFICULTY_POINTS = 17;
  private static final double REFIT_GROWTH = 0.25;
  /**
   * From this many records on, a context's own growth refits it only at {@link
   * #LARGE_REFIT_GROWTH}: by then more data barely moves its posteriors, while the ID test's
   * large contexts refitting at each quarter more cost ~8% of a whole replay's CPU. OOD176's
   * contexts, where every early record matters, stay almost all below it (measured on the
   * tuning seeds for issue 14: OOD176 unchanged within noise, ID cap 3 ~0.1 lower).
   */
  private static final long LARGE_FIT = 200;
  private static final double LARGE_REFIT_GROWTH = 2.0;
  /**
   * A narrower context's fit is redone for a newer broader fit only once a broader context's
   * memory has doubled since the fit it started from (its own growth still refits it as usual).
   * Before, every refit of the broader context (each quarter more records) refitted every narrower
   * context under it: half of all refits, each moving the narrower prior by a fraction of its sd.
   */
  private static final double PARENT_GROWTH = 1.0;

  /**
   * One context level's fit: the parent fit it started from, the memory version it saw, its
   * posteriors, and the prior it hands to the next narrower level.
   */
  private static final class Fit {
    final Fit parent;
    final long version;
    final Map<String, Posterior> posteriors;
    final Map<String, double[]> nextPrior;
    /** The narrower contexts' shift under this fit, made on first use (see {@link ContextShift}). */
    private ContextShift childShift;
    /**
     * The last route list found to have posteriors here: the policy asks with the same list
     * instance for every decision, so checking it once per fit spares a dozen lookups per call.
     */
    private List<String> covered;

    Fit(Fit parent, long version, Map<String, Posterior> posteriors, Map<String, double[]> nextPrior) {
      this.parent = parent;
      this.version = version;
      this.posteriors = posteriors;
      this.nextPrior = nextPrior;
    }
  }

  private final MemoryStats stats;
  private final Map<String, Double> priorSkill;
  private final double abilitySd;
  private final double contextSd;
  final double[] skills = new double[SKILL_POINTS];
  final double[] difficulties = new double[DIFFICULTY_POINTS];
  final double[] difficultyPrior = new double[DIFFICULTY_POINTS];
  private final double[][] chance = new double[SKILL_POINTS][DIFFICULTY_POINTS];
  /** A fit's likelihood step, with the arrays it reuses from fit to fit. */
  private final LogLikelihoods likelihoods;
  /**
   * Fits by their narrowest context key. A key names its whole chain ("*", a dimension, or
   * "dimension|bench"), so it identifies the prefix of contexts the fit covers.
   */
  private final Map<String, Fit> cache = new HashMap<>();
  /** Each context's pattern table, kept and refreshed across refits. */
  private final Map<String, PatternTable> tables = new HashMap<>();
  /** The tables' shared numbering, by which their contexts' shifts keep work ({@link ContextShift}). */
  private final PatternNumbers numbers = new PatternNumbers();

  SkillModel(MemoryStats stats, double difficultySd, double abilitySd, double contextSd, Map<String, Double> priorSkill) {
    this.stats = stats;
    this.priorSkill = Map.copyOf(priorSkill);
    this.abilitySd = abilitySd;
    this.contextSd = contextSd;
    double z = 0;
    for (int j = 0; j < DIFFICULTY_POINTS; j++) {
      difficulties[j] = difficultySd * (-4 + 8.0 * j / (DIFFICULTY_POINTS - 1));
      difficultyPrior[j] = Math.exp(-0.5 * Math.pow(difficulties[j] / difficultySd, 2));
      z += difficultyPrior[j];
    }
    for (int j = 0; j < DIFFICULTY_POINTS; j++) {
      difficultyPrior[j] /= z;
    }
    // chance transposed, for the likelihood step's loops over the skill grid.
    double[][] chanceByDifficulty = new double[DIFFICULTY_POINTS][SKILL_POINTS];
    for (int i = 0; i < SKILL_POINTS; i++) {
      skills[i] = -SKILL_RANGE + 2 * SKILL_RANGE * i / (SKILL_POINTS - 1);
      for (int j = 0; j < DIFFICULTY_POINTS; j++) {
        chance[i][j] = Sigmoid.exact(skills[i] - difficulties[j]);
        chanceByDifficulty[j][i] = chance[i][j];
      }
    }
    likelihoods = new LogLikelihoods(difficulties, difficultyPrior, chanceByDifficulty);
  }

  /** Skill posteriors in the narrowest context of the chain, for the given routes. */
  Map<String, Posterior> posteriors(List<String> contexts, List<String> routes) {
    return level(contexts, contexts.size(), routes).posteriors;
  }

  /**
   * The fit of the first {@code depth} contexts of the chain. Each level is cached on its own,
   * so the broad levels every dimension shares are fitted once, not once per dimension.
   */
  private Fit level(List<String> contexts, int depth, List<String> routes) {
    String ctx = contexts.get(depth - 1);
    Fit parent = depth == 1 ? null : level(contexts, depth - 1, routes);
    long version = stats.version(ctx);
    Fit fit = cache.get(ctx);
    if (fit != null && current(fit.parent, parent) && !stale(fit.version, version) && covers(fit, routes)) {
      return fit;
    }
    Fit previous = fit;
    Map<String, double[]> prior = new HashMap<>();
    if (parent == null) {
      for (String r : routes) {
        prior.put(r, new double[] {priorSkill.getOrDefault(r, 0.0), abilitySd * abilitySd});
      }
    } else {
      for (Map.Entry<String, double[]> e : parent.nextPrior.entrySet()) {
        prior.put(e.getKey(), e.getValue().clone());
      }
    }
    Map<String, Posterior> level = new HashMap<>();
    PatternTable table = table(ctx, stats.patterns(ctx));
    for (String r : table.patternRoutes) {
      prior.putIfAbsent(r, new double[] {priorSkill.getOrDefault(r, 0.0), abilitySd * abilitySd});
    }
    if (depth > 1) {
      shiftByContext(prior, table, parent);
    }
    // The other routes' skills at the previous fit's means (warm start), else at the prior's. A
    // warm refit makes one pass, the previous fit being the other; a cold one (a live run's first,
    // from the snapshot) makes two from the prior, as every refit used to.
    Map<String, Double> means = new HashMap<>();
    for (Map.Entry<String, double[]> e : prior.entrySet()) {
      Posterior before = previous == null ? null : previous.posteriors.get(e.getKey());
      means.put(e.getKey(), before != null ? before.mean() : e.getValue()[0]);
    }
    for (int pass = previous == null ? 2 : 1; pass > 0; pass--) {
      Map<String, double[]> loglik = likelihoods.of(table, means);
      for (Map.Entry<String, double[]> e : prior.entrySet()) {
        level.put(e.getKey(), posterior(e.getValue()[0], e.getValue()[1], loglik.get(e.getKey())));
      }
      level.forEach((route, post) -> means.put(route, post.mean()));
    }
    Map<String, double[]> next = new HashMap<>();
    for (Map.Entry<String, Posterior> e : level.entrySet()) {
      next.put(e.getKey(), new double[] {e.getValue().mean(), e.getValue().variance() + contextSd * contextSd});
    }
    fit = new Fit(parent, version, level, next);
    cache.put(ctx, fit);
    return fit;
  }

  /**
   * Whether a fit made under the broader fit {@code used} may stand now that {@code now} is
   * current: at every broader level, the memory has not doubled since the fit used there.
   */
  private static boolean current(Fit used, Fit now) {
    for (; used != now; used = used.parent, now = now.parent) {
      if (used == null || now == null || stale(used.version, now.version, PARENT_GROWTH)) {
        return false;
      }
    }
    return true;
  }

  private static boolean covers(Fit fit, List<String> routes) {
    if (fit.covered != routes) {
      if (!fit.posteriors.keySet().containsAll(routes)) {
        return false;
      }
      fit.covered = routes;
    }
    return true;
  }

  /** The context's pattern table, refreshed with its current tallies. */
  private PatternTable table(String ctx, Map<MemoryStats.Pattern, MemoryStats.Tally> pats) {
    PatternTable table = tables.get(ctx);
    if (table == null || !table.refresh(pats)) {
      table = PatternTable.of(pats, numbers);
      tables.put(ctx, table);
    }
    return table;
  }

  /**
   * A fit is redone once its context's memory grew by a quarter since it was made (every record
   * while memory is small; tripled from {@link #LARGE_FIT} records on). A quarter more data barely
   * moves a posterior, and refitting on every record would make a long replay quadratic.
   */
  private static boolean stale(long fitted, long now) {
    return stale(fitted, now, fitted >= LARGE_FIT ? LARGE_REFIT_GROWTH : REFIT_GROWTH);
  }

  private static boolean stale(long fitted, long now, double growth) {
    return now - fitted > growth * fitted;
  }

  /**
   * A narrower context is often simply harder or easier for every route (a bench of long CLI
   * tasks, a hard repository). One shared shift, fitted on all routes' records at once, learns
   * that from a handful of tasks, long before each route's own skill could; the routes' own
   * differences are then fitted around the shifted prior. What the shift's likelihood needs
   * besides the counts is kept per parent fit ({@link ContextShift}).
   */
  private void shiftByContext(Map<String, double[]> prior, PatternTable table, Fit parent) {
    if (table.size() == 0) {
      return;
    }
    double[] base = new double[table.routes.size()];
    for (int r = 0; r < base.length; r++) {
      base[r] = meanOf(prior, table.routes.get(r));
    }
    if (parent.childShift == null) {
      Map<String, Double> parentBase = new HashMap<>(priorSkill);
      parent.nextPrior.forEach((r, mv) -> parentBase.put(r, mv[0]));
      parent.childShift = new ContextShift(difficulties, difficultyPrior, contextSd, parentBase);
    }
    ContextShift shared = parent.childShift;
    if (!shared.hasBase(table.routes, base)) {
      // A route's prior is not the parent's (memory named a route the parent fit has not seen).
      Map<String, Double> own = new HashMap<>();
      for (int r = 0; r < base.length; r++) {
        own.put(table.routes.get(r), base[r]);
      }
      shared = new ContextShift(difficulties, difficultyPrior, contextSd, own);
    }
    double shift = shared.meanShift(table);
    prior.replaceAll((r, mv) -> new double[] {mv[0] + shift, mv[1]});
  }

  private static double meanOf(Map<String, double[]> prior, String route) {
    double[] mv = prior.get(route);
    return mv == null ? 0 : mv[0];
  }

  private Posterior posterior(double mean, double var, double[] loglik) {
    double[] lp = new double[SKILL_POINTS];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < SKILL_POINTS; i++) {
      lp[i] = -0.5 * Math.pow(skills[i] - mean, 2) / var + (loglik == null ? 0 : loglik[i]);
      max = Math.max(max, lp[i]);
    }
    double z = 0;
    for (int i = 0; i < SKILL_POINTS; i++) {
      lp[i] = Math.exp(lp[i] - max);
      z += lp[i];
    }
    double m = 0;
    for (int i = 0; i < SKILL_POINTS; i++) {
      lp[i] /= z;
      m += lp[i] * skills[i];
    }
    double v = 0;
    for (int i = 0; i < SKILL_POINTS; i++) {
      v += lp[i] * Math.pow(skills[i] - m, 2);
    }
    return new Posterior(lp, m, v);
  }

  /** Updates a difficulty belief in place with one failure of a route of the given skill. */
  void failed(double[] w, double skill) {
    Beliefs.fail(w, sigmoidRow(skill));
  }

  /**
   * The same update for a skill on the grid, from the precomputed table: planning calls this
   * hundreds of times per decision, so it must not compute exponentials.
   */
  void failedAt(double[] w, int skillIndex) {
    Beliefs.fail(w, chance[skillIndex]);
  }

  /**
   * σ(skill − difficulty) per skill grid point, over the difficulty grid: the table {@link
   * #chanceAt} and {@link #failedAt} read, shared (not copied) for {@link Chain}, which must not
   * write it.
   */
  double[][] chanceRows() {
    return chance;
  }

  /** Chance a skill on the grid verifies under a difficulty belief. */
  double chanceAt(double[] w, int skillIndex) {
    return Beliefs.chance(w, chance[skillIndex]);
  }

  /** Chance a route of the given skill verifies under a difficulty belief. */
  double chance(double[] w, double skill) {
    return Beliefs.chance(w, sigmoidRow(skill));
  }

  /** σ(skill − difficulty) over the difficulty grid. */
  private double[] sigmoidRow(double skill) {
    return PatternTable.sigmoidRow(skill, difficulties);
  }

  /** Chance of verifying on a fresh task, averaged over the skill posterior. */
  double meanChance(Posterior post) {
    double p = 0;
    for (int i = 0; i < SKILL_POINTS; i++) {
      p += post.weights()[i] * Beliefs.chance(difficultyPrior, chance[i]);
    }
    return p;
  }

  static List<String> names(List<dev.acr.core.Route> routes) {
    List<String> out = new ArrayList<>();
    for (dev.acr.core.Route r : routes) {
      out.add(r.name());
    }
    return out;
  }
}
