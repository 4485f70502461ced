package dev.acr.git;

import java.io.IOException;

/**
 * A git command failed, timed out or could not be started. An {@link IOException} because to a
 * caller it is the same kind of trouble as a file that cannot be written: report it, do not
 * retry blindly. The message names the command, the directory and git's own stderr.
 */
public class GitException extends IOException {
  public GitException(String message) {
    super(message);
  }

  public GitException(String message, Throwable cause) {
    super(message, cause);
  }
}
