package dev.acr.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How one attempt ended; the lowercase name is the memory spelling. Only some statuses say
 * anything about a route's skill ({@link #isEvidence()}): the policy and {@code acr stats} keep the
 * others apart, so a machine that was offline, or acr's own failure, never teaches that a route is bad.
 */
public enum AttemptStatus {
  /** The verify command passed after the agent ran. */
  VERIFIED,
  /** The agent ran, the verify command failed. */
  FAILED,
  /** The agent exited non-zero or could not be started, for a reason of its own. */
  AGENT_ERROR,
  /** The agent ran past its deadline and was killed with its children. */
  TIMEOUT,
  /** The user interrupted acr (Ctrl-C or SIGTERM) during the attempt. */
  INTERRUPTED,
  /** The agent ran but there was no verify command, so nothing is known. */
  NO_VERIFIER,
  /**
   * The agent could not reach or use its model (no network, not signed in, quota, unknown model,
   * provider 5xx); the record's {@code reason} says which. Not the route's fault.
   */
  INFRA_ERROR,
  /** acr itself failed around the attempt (worktree, capture, apply); never the agent's fault. */
  ACR_ERROR,
  /** The agent ran and changed nothing where a change was asked for. */
  NO_CHANGE,
  /** A question (code_understanding) that needed no change: the agent answered it. */
  ANSWERED,
  /** Stopped because another attempt of the same race verified first. */
  CANCELLED;

  /** The memory spelling, made once: every replayed attempt's record asks for it. */
  private final String id = name().toLowerCase(Locale.ROOT);

  @JsonValue
  public String id() {
    return id;
  }

  @JsonCreator
  public static AttemptStatus of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }

  /** Whether an attempt that ended so says something about the route's skill on the task. */
  public boolean isEvidence() {
    return switch (this) {
      case VERIFIED, FAILED, AGENT_ERROR, TIMEOUT, NO_CHANGE -> true;
      case INTERRUPTED, NO_VERIFIER, INFRA_ERROR, ACR_ERROR, ANSWERED, CANCELLED -> false;
    };
  }

  /** {@link #isEvidence()} for a status as memory spells it; unknown spellings are not evidence. */
  public static boolean isEvidence(String id) {
    // A string switch: replays ask this once per record, millions of times.
    return id != null
        && switch (id) {
          case "verified", "failed", "agent_error", "timeout", "no_change" -> true;
          default -> false;
        };
  }

  /**
   * {@link #isEvidence(String)}, less a failure the verify command could not pin on the agent: one
   * that left only the tests failing that already failed before any change, in a task not about
   * them ({@link RunLoop#ONLY_BASELINE_FAILURES}). The agent may have done the task; the suite
   * cannot tell, so it teaches nothing about the route.
   */
  public static boolean isEvidence(String id, String reason) {
    return isEvidence(id) && !(reason != null && "failed".equals(id) && RunLoop.ONLY_BASELINE_FAILURES.equals(reason));
  }
}
