package io.outageradar.pager;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How often and how patiently to try: up to {@code maxAttempts}, waiting an exponentially growing,
 * fully jittered delay between them (so pagers restarting together do not retry in lockstep),
 * capped at {@code maxDelay}; a receiver's Retry-After (429, 503) is honoured instead, within the
 * cap.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
  public RetryPolicy {
    if (maxAttempts < 1 || initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException(
          "need at least one attempt and 0 <= initial delay <= max delay");
    }
  }

  /** The wait before attempt {@code attempt + 1}, after {@code attempt} failed (1-based). */
  public Duration delayAfter(int attempt, Optional<Duration> retryAfter, SplittableRandom random) {
    if (retryAfter.isPresent()) {
      return retryAfter.get().compareTo(maxDelay) > 0 ? maxDelay : retryAfter.get();
    }
    long ceiling =
        Math.min(maxDelay.toMillis(), initialDelay.toMillis() << Math.min(attempt - 1, 30));
    return Duration.ofMillis(ceiling <= 0 ? 0 : random.nextLong(ceiling + 1));
  }

  /** A Retry-After header: delay-seconds or an HTTP date; empty when absent or unreadable. */
  static Optional<Duration> parseRetryAfter(Optional<String> header, Instant now) {
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String value = header.get().trim();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }
}
