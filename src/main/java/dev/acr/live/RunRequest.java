package dev.acr.live;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Everything the user asked for in one {@code acr PROMPT} invocation, already parsed. */
public record RunRequest(
    String prompt,
    Path workdir,
    Path configFile,
    Path memoryFile,
    String verify,
    String tool,
    List<String> chain,
    int maxAttempts,
    Double budgetUsd,
    Duration timeout,
    long seed,
    boolean inPlace,
    boolean dryRun,
    boolean storePrompt,
    Map<String, String> environment) {}
