package dev.acr.bench;

import dev.acr.core.Router;
import dev.acr.memory.MemorySink;

/**
 * One row of the replay table: a name, how to build a fresh router for a given seed, and how many
 * seeded runs its row averages ({@code runs > 1} only for Random). {@code bound} marks the Oracle,
 * which is built with the table and is a bound, not a router. {@code orderFree} marks routers
 * whose decision on a task depends on that task alone (no learning, no randomness): every
 * metric is a sum over tasks, so a shuffled order cannot change their row and the replay reuses
 * the canonical result for the shuffles instead of re-running them (a test checks the identity).
 */
public record Contestant(String name, boolean bound, boolean orderFree, int runs, Factory factory) {

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
