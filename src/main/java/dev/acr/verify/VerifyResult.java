package dev.acr.verify;

import java.util.List;
import java.util.Map;

/**
 * How a verify command ended. {@code tail} is the last lines of its combined output (the whole
 * output is in the log file); {@code exitCode} is -1 when it timed out and was killed. {@code
 * noTests} is the output's line saying it ran no test at all ({@link NoTests}), else null: such a
 * command does not pass, whatever its exit code. {@code failing} names the failing tests the
 * output names ({@link FailingTests}; empty when it names none, incomplete past a couple of hundred).
 * {@code counts}: how many tests ran, by runner, as the runners' summaries say ({@link TestCounts}).
 */
public record VerifyResult(
    boolean passed, int exitCode, long durationMs, String tail, boolean timedOut, String noTests, List<String> failing,
    boolean failingIncomplete, Map<String, TestCounts.Count> counts) {

  public VerifyResult {
    failing = failing == null ? List.of() : List.copyOf(failing);
    counts = counts == null ? Map.of() : Map.copyOf(counts);
  }

  /** A result whose runners' counts were not read. */
  public VerifyResult(boolean passed, int exitCode, long durationMs, String tail, boolean timedOut, String noTests,
      List<String> failing, boolean failingIncomplete) {
    this(passed, exitCode, durationMs, tail, timedOut, noTests, failing, failingIncomplete, Map.of());
  }

  /** A result whose output named no failing test. */
  public VerifyResult(boolean passed, int exitCode, long durationMs, String tail, boolean timedOut, String noTests) {
    this(passed, exitCode, durationMs, tail, timedOut, noTests, List.of(), false);
  }
}
