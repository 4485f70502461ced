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

  /** Made once: every memory record and every routing decision asks for it. */
  private final String id = name().toLowerCase(Locale.ROOT);

  @JsonValue
  public String id() {
    return id;
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
