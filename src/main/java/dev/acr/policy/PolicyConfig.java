package dev.acr.policy;

/**
 * The policy's knobs. {@code lambda} weighs USD against performance in the reward (the
 * CodeRouterBench protocol uses 0.1). {@code priorStrength} is how many pseudo-attempts a
 * broader context's estimate counts for in a narrower one. {@code escalationFactor} is the
 * prior guess of how much a route's success rate drops on a task another route already failed.
 * {@code lookahead} bounds how many future attempts a decision plans for, {@code maxAttempts}
 * is the run's attempt limit (the plan never counts on attempts the loop will not make).
 */
public record PolicyConfig(
    double lambda, double priorStrength, double escalationFactor, int lookahead, int maxAttempts) {

  public static PolicyConfig defaults() {
    return new PolicyConfig(0.1, 2.0, 0.6, 3, 3);
  }

  public PolicyConfig withLambda(double newLambda) {
    return new PolicyConfig(newLambda, priorStrength, escalationFactor, lookahead, maxAttempts);
  }

  public PolicyConfig withMaxAttempts(int newMax) {
    return new PolicyConfig(lambda, priorStrength, escalationFactor, lookahead, newMax);
  }
}
