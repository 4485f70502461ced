package dev.acr.policy;

/**
 * The policy's knobs. {@code lambda} weighs USD against performance in the reward (the
 * CodeRouterBench protocol uses 0.1). {@code priorStrength} is how many pseudo-attempts a
 * broader context's cost and partial-score estimate counts for in a narrower one (how much a
 * failure lowers the next route's chance is the skill model's business, not a knob). {@code
 * lookahead} bounds how many future attempts
 * a decision plans for, {@code maxAttempts} is the run's attempt limit (the plan never counts on
 * attempts the loop will not make). The skill model's scales, on the logistic scale: {@code
 * difficultySd} how much tasks of one context differ in difficulty, {@code abilitySd} how far a
 * route's skill may a priori be from an even chance, {@code contextSd} how far a narrower context
 * may move a route's skill from the broader one.
 */
public record PolicyConfig(
    double lambda,
    double priorStrength,
    int lookahead,
    int maxAttempts,
    double difficultySd,
    double abilitySd,
    double contextSd) {

  public PolicyConfig(double lambda, double priorStrength, int lookahead, int maxAttempts) {
    this(lambda, priorStrength, lookahead, maxAttempts, 2.0, 2.0, 1.0);
  }

  public static PolicyConfig defaults() {
    return new PolicyConfig(0.1, 2.0, 3, 3);
  }

  public PolicyConfig withLambda(double newLambda) {
    return new PolicyConfig(
        newLambda, priorStrength, lookahead, maxAttempts, difficultySd, abilitySd, contextSd);
  }

  public PolicyConfig withMaxAttempts(int newMax) {
    return new PolicyConfig(
        lambda, priorStrength, lookahead, newMax, difficultySd, abilitySd, contextSd);
  }

  public PolicyConfig withScales(double newDifficultySd, double newAbilitySd, double newContextSd) {
    return new PolicyConfig(
        lambda, priorStrength, lookahead, maxAttempts, newDifficultySd, newAbilitySd, newContextSd);
  }
}
