package dev.acr.verify;

import java.util.Objects;

/**
 * How to check an attempt: {@code command} is a shell string run with {@code sh -c} in the
 * attempt's directory; {@code source} says where it came from ({@code --verify}, {@code
 * .acr/config.json}, {@code detected: pom.xml}, ...) so the user can tell why it ran.
 */
public record VerifyCommand(String command, String source) {
  public VerifyCommand {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(source, "source");
  }
}
