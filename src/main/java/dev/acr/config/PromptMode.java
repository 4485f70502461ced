package dev.acr.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a tool receives the prompt: as an argv element, or on standard input. */
public enum PromptMode {
  /**
   * The prompt is appended as the last argv element, unless the command contains a {@code
   * {prompt}} placeholder, in which case it is substituted there (as part of one element).
   */
  APPEND_ARG("append_arg"),
  /** The prompt is written to the tool's standard input, which is then closed. */
  STDIN("stdin");

  private final String id;

  PromptMode(String id) {
    this.id = id;
  }

  /** The config spelling: {@code append_arg} or {@code stdin}. */
  @JsonValue
  public String id() {
    return id;
  }

  /** Parses the config spelling; throws IllegalArgumentException for anything else. */
  @JsonCreator
  public static PromptMode of(String id) {
    for (PromptMode m : values()) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown prompt_mode '" + id + "' (expected append_arg or stdin)");
  }
}
