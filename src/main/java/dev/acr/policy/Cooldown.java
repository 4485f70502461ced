package dev.acr.policy;

import java.time.Instant;

/**
 * A provider acr leaves alone until {@code until}, because one of its routes reported a used-up
 * quota or a rate limit ({@code reason}). {@code provider} is {@link Fallback#provider}'s name for
 * it, e.g. {@code codex} or {@code opencode/zhipuai}.
 */
public record Cooldown(String provider, Instant until, String reason) {

  public boolean activeAt(Instant now) {
    return until.isAfter(now);
  }
}
