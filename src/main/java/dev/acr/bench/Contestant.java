package dev.acr.bench;

import dev.acr.core.Router;
import dev.acr.memory.MemorySink;

/**
 * One row of the replay table at one attempt limit: a name, its protocol label (single call,
 * escalates ≤ N, bound), and how to build a fresh router for a given seed. {@code bound} marks the
 * Oracle, which is built with the table and is a bound, not a router. {@code orderFree} marks
 * routers whose decision on a task depends on that task alone (no learning, no randomness): every
 * metric is a sum over tasks, so a shuffled order cannot change their row and the replay reuses
 * the canonical result for the shuffles instead of re-running them (a test checks the identity).
 * {@code seeded} marks routers that use their seed (randomised choices): their canonical row is
 * judged over several seeds; a router that ignores its seed runs once, with sd 0. {@code seedKey}
 * is the name its seeds are derived from: its own name, except for a row that is another row's
 * router run differently ({@code acr --race auto} is {@code acr} racing), which shares that
 * row's seeds so that the two rows differ by what is compared and not by their random draws.
 */
public record Contestant(
    String name, boolean bound, boolean orderFree, boolean seeded, String protocol, Factory factory, String seedKey) {

  /** A row with seeds of its own. */
  public Contestant(String name, boolean bound, boolean orderFree, boolean seeded, String protocol, Factory factory) {
    this(name, bound, orderFree, seeded, protocol, factory, name);
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

  /** The label of a row that makes exactly one call per task, whatever the limit. */
  static final String SINGLE_CALL = "single call";

  /** The label of a router that may make up to {@code calls} attempts on a task. */
  static String upTo(int calls) {
    return calls <= 1 ? SINGLE_CALL : "escalates ≤ " + calls + " calls";
  }
}
