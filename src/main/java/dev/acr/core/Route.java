package dev.acr.core;

import java.util.Objects;

/**
 * A route is one coding-agent CLI (a configured tool) driving one model. Its name, {@code
 * tool:model}, is what memory, {@code --chain} and the benchmark speak. A tool without models
 * gives a route named just by the tool, with {@code model} null.
 */
public record Route(String tool, String model) {
  public Route {
    Objects.requireNonNull(tool, "tool");
  }

  public String name() {
    return model == null ? tool : tool + ":" + model;
  }

  @Override
  public String toString() {
    return name();
  }
}
