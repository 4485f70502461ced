package dev.acr.bench;

import dev.acr.core.Router;
import dev.acr.memory.MemorySink;

/**
 * One row of the replay table: a name, how to build a fresh router for a given seed, and how many
 * seeded runs its row averages ({@code runs > 1} only for Random). {@code bound} marks the Oracle,
 * which is built with the table and is a bound, not a router.
 */
public record Contestant(String name, boolean bound, int runs, Factory factory) {

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
