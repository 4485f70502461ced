package dev.acr.live;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything the user asked for in one {@code acr PROMPT} invocation, already parsed. {@code
 * recheck}: after a verified change is applied, run the test command once more in the user's tree
 * and put the tree back if it fails there ({@code --no-recheck} turns it off).
 * {@code priors}: start the policy from acr's shipped priors (false with {@code --no-priors}: prices only).
 * {@code race} is what {@code --race} said: null when not given (the config's default applies),
 * {@code "auto"} or a number of attempts to run at once. {@code verifyTimeout} is what {@code
 * --verify-timeout} said: null when not given ({@link VerifyTimeout} then reads the project's).
 */
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
    Map<String, String> environment,
    boolean recheck,
    boolean priors,
    String race,
    Duration verifyTimeout) {

  /** A request with the recheck on, the shipped priors and racing left to the config, as every run has unless the user opts out. */
  public RunRequest(
      String prompt, Path workdir, Path configFile, Path memoryFile, String verify, String tool, List<String> chain,
      int maxAttempts, Double budgetUsd, Duration timeout, long seed, boolean inPlace, boolean dryRun,
      boolean storePrompt, Map<String, String> environment) {
    this(prompt, workdir, configFile, memoryFile, verify, tool, chain, maxAttempts, budgetUsd, timeout, seed, inPlace,
        dryRun, storePrompt, environment, true, true, null, null);
  }
}
