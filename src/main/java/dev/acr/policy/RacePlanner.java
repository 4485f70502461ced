package dev.acr.policy;

import java.util.List;
import java.util.Locale;

/**
 * Whether racing the first routes of a plan pays: running k routes at once instead of one after
 * another saves the wall time the later ones would have waited, and costs the attempts that
 * would not have run because an earlier one verified. Race when the time saved, valued at the
 * user's time, exceeds the extra cost. Memory that is sure of the first route (high chance)
 * makes the extra cost likely and the saving small, so acr then runs one at a time.
 *
 * <p>For a plan with success chances p_i, costs c_i and durations t_i, sequentially route i runs
 * only if all before it failed (probability q_i = Π_{j<i}(1-p_j)), so the expected cost is Σ q_i
 * c_i and the expected time Σ q_i t_i. A batch of the first k runs all k: cost Σ_{i<k} c_i (less
 * what cancelled attempts never spend, ignored here: the estimate errs towards not racing), time
 * about max_{i<k} t_i when none verifies, else the first verifier's; estimated as
 * (1-q_k)·min-ish + q_k·max, taken simply as max_{i<k} t_i · (1 - (1-q_k)/2). Known weakness:
 * this overstates the saving when the first route is very likely to verify (at 97% it still
 * races two). The exact expectation by order of duration was tried and replayed worse on OOD176
 * (wall time −24%, CumReg +2.2 against −26%, +0.9), so it waits for a better duration model.
 *
 * <p>There is no floor on the chances any more (a leg joined only when the legs before it all
 * failed at least 40% of the time): it was needed while a race's last racer could replace a
 * partly passing attempt the policy would have kept; since a race ends where a run one at a time
 * would have stopped ({@code RunLoop}), the floor only cost wall time on the replay's tuning set
 * (bench/README.md, "Wall time and races").
 */
public final class RacePlanner {

  /** The widest race {@code --race auto} starts. */
  public static final int AUTO_MAX = 3;

  /** A duration for a route memory has none for: a typical coding-agent attempt with its tests. */
  public static final long PRIOR_DURATION_MS = 180_000;

  /** One route of the plan: its chance to verify, expected cost, expected duration. */
  public record Leg(double successChance, double costUsd, long durationMs) {}

  /** The batch width chosen and why, in words the dry run prints. */
  public record Choice(int width, String why) {}

  private RacePlanner() {}

  /** The widest batch of the plan's first legs (up to {@code maxWidth}) whose value beats its extra cost. */
  public static Choice choose(List<Leg> plan, int maxWidth, double timeValuePerHour) {
    int best = 1;
    double bestGain = 0;
    String why = "memory is sure enough of the first route: racing would cost more than the time it saves";
    for (int k = 2; k <= Math.min(maxWidth, plan.size()); k++) {
      double gain = gain(plan, k, timeValuePerHour);
      if (gain > bestGain) {
        best = k;
        bestGain = gain;
        why = String.format(Locale.ROOT,
            "memory is unsure (first route %.0f%%): racing %d saves ~%.0fs, worth $%.2f more than the extra cost",
            100 * plan.get(0).successChance(), k, seconds(plan, k), gain);
      }
    }
    return new Choice(best, why);
  }

  /** The value of the time a batch of the first k saves minus the extra it costs, in dollars. */
  static double gain(List<Leg> plan, int k, double timeValuePerHour) {
    double seqCost = 0;
    double raceCost = 0;
    for (int i = 0; i < k; i++) {
      seqCost += failAllBefore(plan, i) * plan.get(i).costUsd();
      raceCost += plan.get(i).costUsd();
    }
    return seconds(plan, k) / 3600.0 * timeValuePerHour - (raceCost - seqCost);
  }

  /** Expected seconds a batch of the first k saves against running them in turn. */
  static double seconds(List<Leg> plan, int k) {
    double seqMs = 0;
    long maxMs = 0;
    for (int i = 0; i < k; i++) {
      seqMs += failAllBefore(plan, i) * plan.get(i).durationMs();
      maxMs = Math.max(maxMs, plan.get(i).durationMs());
    }
    double raceMs = maxMs * (1 - (1 - failAllBefore(plan, k)) / 2);
    return Math.max(0, seqMs - raceMs) / 1000.0;
  }

  private static double failAllBefore(List<Leg> plan, int i) {
    double q = 1;
    for (int j = 0; j < i; j++) {
      q *= 1 - plan.get(j).successChance();
    }
    return q;
  }
}
