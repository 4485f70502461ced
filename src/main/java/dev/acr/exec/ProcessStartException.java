package dev.acr.exec;

import java.io.IOException;

/**
 * The child could not be started at all (program missing, not executable, bad working directory),
 * as opposed to a child that started and then failed. Callers treat this as a configuration error
 * to show the user, so the message always names the program as the user wrote it.
 */
public class ProcessStartException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String program;

  public ProcessStartException(String program, String reason) {
    this(program, reason, null);
  }

  public ProcessStartException(String program, String reason, Throwable cause) {
    super("cannot start '" + program + "': " + reason, cause);
    this.program = program;
  }

  /** argv[0] as given in the {@link ProcessSpec}, before any PATH lookup. */
  public String program() {
    return program;
  }
}
