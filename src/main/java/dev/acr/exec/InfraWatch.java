package dev.acr.exec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches one agent run's output lines (from both pump threads) through {@link InfraSignals} and
 * ends the run through its {@link Stopper} when the agent cannot reach or use its model:
 *
 * <ul>
 *   <li>a final sign (not signed in, quota, unknown model, or any error the CLI printed as it gave
 *       up) stops the run at once;
 *   <li>a retryable sign (network, rate limit, provider 5xx, while the CLI retries) stops it after
 *       {@code grace}, unless the model answers meanwhile ({@link InfraSignals.Reading#progress()}),
 *       which clears the sign. So a blip costs nothing and an outage at most {@code grace}.
 * </ul>
 *
 * <p>For a user's own tool (unknown format) nothing is stopped: {@link #verdict(boolean)} only
 * names a sign seen on stderr when the run failed anyway. Thread-safe.
 */
public final class InfraWatch {
  /**
   * How long a retryable sign may stand before the run is stopped: long enough for a CLI's first
   * few retries of a blip, well inside the 60 s the issue allows from first sign to record.
   */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(15);

  private final InfraSignals signals;
  private final Stopper stopper;
  private final Duration grace;
  private final Clock clock;
  private InfraSign sign;
  private Instant firstSignAt;
  private long generation;
  private String model;
  private boolean sawProgress;

  public InfraWatch(String usageFormat, Stopper stopper, Duration grace, Clock clock) {
    this.signals = InfraSignals.forFormat(usageFormat);
    this.stopper = stopper;
    this.grace = grace;
    this.clock = clock;
  }

  /** Feeds stdout lines to the watch, then to {@code next}. */
  public Consumer<String> stdout(Consumer<String> next) {
    return line -> {
      take(signals.stdout(line, clock.instant()));
      next.accept(line);
    };
  }

  /** Feeds stderr lines to the watch, then to {@code next}. */
  public Consumer<String> stderr(Consumer<String> next) {
    return line -> {
      take(signals.stderr(line, clock.instant()));
      next.accept(line);
    };
  }

  private synchronized void take(InfraSignals.Reading r) {
    if (r.model() != null) {
      model = r.model();
    }
    sawProgress |= r.progress();
    if (r.progress() && sign != null && sign.retryable()) {
      sign = null; // the model answered after all: the blip is over
      firstSignAt = null;
      generation++;
    }
    InfraSign s = r.sign();
    if (s == null || (sign != null && !sign.retryable() && s.retryable())) {
      return; // never let a retry message blur what the CLI said when it gave up
    }
    if (sign != null && InfraSign.NETWORK.equals(sign.reason()) && InfraSign.UNKNOWN_MODEL.equals(s.reason())) {
      // Offline, a CLI that fetches its model catalog (opencode) knows no model at all: the
      // network is what to fix, not the route's model name.
      s = new InfraSign(InfraSign.NETWORK, false, sign.retryAt(), sign.evidence() + "; then: " + s.evidence());
    }
    boolean first = sign == null;
    sign = s;
    if (first) {
      firstSignAt = clock.instant();
    }
    if (!signals.knownFormat()) {
      return;
    }
    if (!s.retryable()) {
      stopper.stop();
    } else if (first) {
      long mine = ++generation;
      CompletableFuture.delayedExecutor(grace.toMillis(), TimeUnit.MILLISECONDS).execute(() -> stopIfStill(mine));
    }
  }

  private synchronized void stopIfStill(long armedAt) {
    if (generation == armedAt && sign != null) {
      stopper.stop();
    }
  }

  /**
   * The sign that explains how the run ended, or null. {@code failedAnyway}: the process exited
   * non-zero or timed out; a user's tool's sign counts only then.
   */
  public synchronized InfraSign verdict(boolean failedAnyway) {
    if (sign == null) {
      return null;
    }
    if (sign.retryable() && !failedAnyway && sawProgress && !stopper.stopRequested()) {
      // a stray retry line after the model had answered, and the CLI then finished by itself
      // with success: the run is judged by its work, not by the line
      return null;
    }
    return signals.knownFormat() || failedAnyway ? sign : null;
  }

  /** When the standing sign was first seen (null when none): the clock the 60 s run from. */
  public synchronized Instant firstSignAt() {
    return firstSignAt;
  }

  /** The model the CLI said it used, or null when it did not say. */
  public synchronized String modelUsed() {
    return model;
  }

  /**
   * Whether the model a CLI reported is the one asked for: the same id, give or take a provider
   * prefix ({@code zhipuai/glm-5} vs {@code glm-5}) or a dated snapshot suffix ({@code
   * claude-sonnet-4-6} vs {@code claude-sonnet-4-6-20260101}).
   */
  public static boolean sameModel(String asked, String used) {
    String a = asked.substring(asked.lastIndexOf('/') + 1);
    String u = used.substring(used.lastIndexOf('/') + 1);
    return a.equals(u) || u.matches(java.util.regex.Pattern.quote(a) + SNAPSHOT)
        || a.matches(java.util.regex.Pattern.quote(u) + SNAPSHOT);
  }

  /** A dated snapshot or "latest" suffix: the same model (unlike "-mini", a different one). */
  private static final String SNAPSHOT = "-(\\d{8}|\\d{4}-\\d{2}-\\d{2}|latest)";
}
