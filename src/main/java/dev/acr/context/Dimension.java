package dev.acr.context;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The nine CodeRouterBench coding dimensions; {@link #id()} is the benchmark's spelling. */
public enum Dimension {
  ALGORITHM,
  BUG_FIXING,
  CODE_COMPLETION,
  CODE_GENERATION,
  CODE_REFACTORING,
  CODE_UNDERSTANDING,
  DATA_SCIENCE,
  MULTI_LANGUAGE,
  TEST_GENERATION;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the benchmark spelling ({@code bug_fixing}); throws IllegalArgumentException otherwise. */
  @JsonCreator
  public static Dimension of(String id) {
    for (Dimension d : values()) {
      if (d.id().equals(id)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown dimension '" + id + "'");
  }
}
