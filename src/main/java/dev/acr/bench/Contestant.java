package dev.acr.bench;

import dev.acr.core.Router;
import dev.acr.memory.MemorySink;

/**
 * One row of the replay table: a name, how to build a fresh router for a given seed, and how many
 * seeded runs its row averages on the canonical order ({@code runs}) and on each shuffled order
 * ({@code shuffledRuns}); only Random has more than one. {@code bound} marks the Oracle,
 * which is built with the table and is a bound, not a router. {@code orderFree} marks routers
 * whose decision on a task depends on that task alone (no learning, no randomness): every
 * metric is a sum over tasks, so a shuffled order cannot change their row and the replay reuses
 * the canonical result for the shuffles instead of re-running them (a test checks the identity).
 */
public record Contestant(String name, boolean bound, boolean orderFree, int runs, int shuffledRuns, Factory factory) {

  /** A row with one run per order. */
  static Contestant single(String name, boolean bound, boolean orderFree, Factory factory) {
    return new Contestant(name, bound, orderFree, 1, 1, factory);
  }

  /** Seeded runs averaged on order {@code order} (0 = canonical). */
  int runsOn(int order) {
    return order == 0 ? runs : shuffledRuns;
  }

  /** Builds a fresh router (and the sink it learns from, if it learns from memory records). */
  @FunctionalInterface
  public interface Factory {
    Seat create(long seed);
  }

  /** A router ready to replay; {@code learner} (nullable) receives every memory record it makes. */
  public record Seat(Router router, MemorySink learner) {
    public static Seat of(Router router) {
      return new Seat(router, null);
    }
  }
}
