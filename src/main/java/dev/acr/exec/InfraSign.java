package dev.acr.exec;

import java.time.Instant;
import java.util.Set;

/**
 * A sign in an agent's output that it could not reach or use its model.
 *
 * @param reason one of {@code AttemptResult.INFRA_REASONS} ("not signed in", "network", "quota",
 *     "rate limit", "unknown model", "provider error", "not installed")
 * @param retryable whether the CLI may still get through by retrying (a network blip, a rate
 *     limit, a 5xx): such a sign only ends the run if nothing good follows within a grace period
 * @param retryAt when the CLI said the limit resets (null when it did not say)
 * @param evidence the message that showed it, cut short, for the user and the logs
 */
public record InfraSign(String reason, boolean retryable, Instant retryAt, String evidence) {
  public static final String NOT_SIGNED_IN = "not signed in";
  public static final String NETWORK = "network";
  public static final String QUOTA = "quota";
  public static final String RATE_LIMIT = "rate limit";
  public static final String UNKNOWN_MODEL = "unknown model";
  public static final String PROVIDER_ERROR = "provider error";
  /** The CLI itself is missing where its prefix switcher looked for it (exit 127 through the prefix). */
  public static final String NOT_INSTALLED = "not installed";

  /** What waiting cannot fix: a missing sign-in, an empty quota, a model the provider does not have. */
  private static final Set<String> FINAL = Set.of(NOT_SIGNED_IN, QUOTA, UNKNOWN_MODEL);

  private static final int MAX_EVIDENCE = 300;

  public InfraSign {
    evidence = evidence == null ? "" : evidence.strip();
    if (evidence.length() > MAX_EVIDENCE) {
      evidence = evidence.substring(0, MAX_EVIDENCE) + "…";
    }
  }

  /** A sign of {@code reason}, retryable unless waiting cannot help. */
  static InfraSign of(String reason, Instant retryAt, String evidence) {
    return new InfraSign(reason, !FINAL.contains(reason), retryAt, evidence);
  }

  /** The same sign, from a message the CLI printed as it gave up: nothing more is coming. */
  InfraSign asFinal() {
    return retryable ? new InfraSign(reason, false, retryAt, evidence) : this;
  }
}
