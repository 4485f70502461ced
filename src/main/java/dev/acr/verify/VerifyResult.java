package dev.acr.verify;

/**
 * How a verify command ended. {@code tail} is the last lines of its combined output (the whole
 * output is in the log file); {@code exitCode} is -1 when it timed out and was killed. {@code
 * noTests} is the output's line saying it ran no test at all ({@link NoTests}), else null: such a
 * command does not pass, whatever its exit code.
 */
public record VerifyResult(
    boolean passed, int exitCode, long durationMs, String tail, boolean timedOut, String noTests) {}
