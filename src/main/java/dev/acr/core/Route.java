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

  // Written out: a record's generated equals/hashCode bootstrap through method handles on first
  // use, ~20 ms of start-up for every dry run (routes are map keys from the first decision on).
  // Identity first: plans and attempts pass the configured instances around, and a replay's loop
  // compares them millions of times (RunLoop's tried list).
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Route r && tool.equals(r.tool) && Objects.equals(model, r.model);
  }

  @Override
  public int hashCode() {
    return 31 * tool.hashCode() + Objects.hashCode(model);
  }
}
