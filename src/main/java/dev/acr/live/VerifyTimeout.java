package dev.acr.live;

import dev.acr.config.Durations;
import dev.acr.config.RepoConfig;
import dev.acr.verify.VerifyDetector;
import java.time.Duration;

/**
 * How long one run of the test command may take (the baseline, each attempt's tests, the recheck):
 * {@code --verify-timeout}, else the project's {@code "verify_timeout"} in its {@code
 * .acr/config.json} (how long its tests take is the project's to say), else {@link #DEFAULT}.
 */
public record VerifyTimeout(Duration limit, String source) {

  public static final Duration DEFAULT = Duration.ofMinutes(30);

  /** The project's value was checked when its config was read ({@link RepoConfig#read}). */
  public static VerifyTimeout of(RunRequest req, RepoConfig project) {
    if (req.verifyTimeout() != null) {
      return new VerifyTimeout(req.verifyTimeout(), "--verify-timeout");
    }
    if (project.verifyTimeout() != null) {
      return new VerifyTimeout(project.verifyTimeout(), "\"verify_timeout\" in " + VerifyDetector.CONFIG);
    }
    return new VerifyTimeout(DEFAULT, "default");
  }

  /** "30m (default)", "45m (--verify-timeout)". */
  public String text() {
    return Durations.limit(limit) + " (" + source + ")";
  }
}
