package dev.acr.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How one attempt ended; the lowercase name is the memory spelling. */
public enum AttemptStatus {
  /** The verify command passed after the agent ran. */
  VERIFIED,
  /** The agent ran, the verify command failed. */
  FAILED,
  /** The agent exited non-zero or could not be started. */
  AGENT_ERROR,
  /** The agent ran past its deadline and was killed with its children. */
  TIMEOUT,
  /** The user interrupted acr (Ctrl-C or SIGTERM) during the attempt. */
  INTERRUPTED,
  /** The agent ran but there was no verify command, so nothing is known. */
  NO_VERIFIER;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static AttemptStatus of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
